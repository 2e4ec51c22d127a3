// Staff also type into the sheet: the edit trigger marks bad cells, the check lists them, totals skip them.
import { ADMIN, world, type World } from '../support/bundle';

/** Types values into "Hoạt động" as a user would (one paste), then runs onEdit as Sheets does. */
function paste(w: World, sheetName: string, row: number, values: unknown[][]) {
  const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
  const sh = w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!;
  sh.getRange(row, 1, values.length, values[0].length).setValues(values as string[][]);
  exec.end();
  const trig = w.google.newExecution({ kind: 'simpleTrigger', authMode: 'LIMITED', user: '' });
  const range = w.google.gas(trig).SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!.getRange(row, 1, values.length, values[0].length);
  trig.end();
  w.run('onEdit', [{ range, authMode: 'LIMITED', source: null }], { kind: 'simpleTrigger', authMode: 'LIMITED', user: '' });
}

function cellInfo(w: World, sheetName: string, a1: string) {
  const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
  const r = w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!.getRange(a1);
  const out = { value: r.getValue(), note: r.getNote(), background: r.getBackground() };
  exec.end();
  return out;
}

describe('rows typed or pasted by hand', () => {
  test('a freshly set-up workbook has no data problems', () => {
    const w = world();
    expect(w.call('getDataProblems')).toEqual({ ok: true, problems: [] });
  });

  test('a multi-row paste: good rows get an id, a bad cell gets a note and a highlight and its row counts for nothing', () => {
    const w = world();
    // Mã | Năm | Mã chỉ tiêu | Ngày | Tên hoạt động | Số lượng
    paste(w, 'Hoạt động', 2, [
      ['', '', 'P2.1', '15/03/2024', 'Phản biện đề án nước sạch nông thôn', '1'],
      ['', '', 'P2.1', '31/02/2024', 'Phản biện ngày sai', '1'],
      ['', '', 'P9.9', '16/03/2024', 'Chỉ tiêu không có', '1'],
      ['', '', 'P2.1', '17/03/2024', 'Số lượng âm', '-2'],
    ]);
    const rows = w.sheet('Hoạt động');
    expect(rows[1][0]).toBe('HD-2024-0001');
    expect(rows[1][13]).toBe('Hiệu lực');
    expect(rows[2][0]).toBe('');
    const date = cellInfo(w, 'Hoạt động', 'D3');
    expect(date.note).toContain('Ngày: Ngày không hợp lệ');
    expect(date.note).toContain('không được tính vào tổng hợp');
    expect(date.background).toBe('#fce8e6');
    expect(cellInfo(w, 'Hoạt động', 'C4').note).toContain('Không có chỉ tiêu mã P9.9');
    expect(cellInfo(w, 'Hoạt động', 'F5').note).toContain('Số lượng: Phải lớn hơn 0.');
    // Only the good row counts, and "Tổng hợp" and "Chỉ tiêu" already show it.
    const dash = w.sheet('Tổng hợp').find((r) => r[0] === 'P2.1')!;
    expect(dash[4]).toBe(1);
    const targets = w.sheet('Chỉ tiêu');
    const th = targets[0] as string[];
    expect(targets.find((r) => r[1] === 'P2.1')![th.indexOf('Đã thực hiện')]).toBe(1);
    const p = w.call('getProgress');
    expect(p.targets.find((t: { code: string }) => t.code === 'P2.1').done).toBe(1);
    // "Kiểm tra dữ liệu" lists every problem with where it is.
    const problems = w.call('getDataProblems').problems.map((x: { a1: string; column: string }) => `${x.a1} ${x.column}`);
    expect(problems).toEqual(expect.arrayContaining(['D3 Ngày', 'C4 Mã chỉ tiêu', 'F5 Số lượng']));
    expect(w.call('goToCell', 'Hoạt động', 'D3')).toEqual({ ok: true });
  });

  test('fixing the cell clears the note and the highlight, and the row counts again', () => {
    const w = world();
    paste(w, 'Hoạt động', 2, [['', '', 'P2.1', '31/02/2024', 'Phản biện', '1']]);
    expect(cellInfo(w, 'Hoạt động', 'D2').note).not.toBe('');
    paste(w, 'Hoạt động', 2, [['', '', 'P2.1', '28/02/2024', 'Phản biện', '1']]);
    const fixed = cellInfo(w, 'Hoạt động', 'D2');
    expect(fixed.note).toBe('');
    expect(fixed.background).not.toBe('#fce8e6');
    expect(w.sheet('Hoạt động')[1][0]).toBe('HD-2024-0001');
    expect(w.call('getProgress').targets.find((t: { code: string }) => t.code === 'P2.1').done).toBe(1);
  });

  test('a hand edit in a period already reported to Sở KH&CN is marked and written to the audit log', () => {
    const w = world({ now: '2024-07-05T09:00:00+07:00' });
    expect(w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-01', title: 'Phản biện' }).ok).toBe(true);
    w.call('saveSettings', { reportRecipients: ['sokhcn@bacgiang.gov.vn'] });
    expect(w.call('sendReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' }).ok).toBe(true);
    const row = w.sheet('Hoạt động')[1].slice();
    row[4] = 'Phản biện (sửa tay sau khi báo cáo)';
    paste(w, 'Hoạt động', 2, [row]);
    const date = cellInfo(w, 'Hoạt động', 'D2');
    expect(date.note).toBe('⚠ LHH Tracker: Kỳ 01/01/2024–30/06/2024 đã báo cáo chính thức (01/BC-LHH). Sửa tay được ghi vào Nhật ký; quản trị viên cần xem lại.');
    expect(date.background).toBe('#fef7e0');
    const audit = w.sheet('Nhật ký').map((r) => r.join(' | '));
    expect(audit[audit.length - 1]).toContain('Sửa tay trong kỳ đã khóa | 01/BC-LHH | dòng 2 (HD-2024-0001)');
    // The row still counts: the change is traced, not refused.
    expect(w.call('getProgress').targets.find((t: { code: string }) => t.code === 'P2.1').done).toBe(1);
  });

  test('a hand edit in "Kinh phí" is checked too', () => {
    const w = world();
    expect(w.call('saveBudgetLine', { programCode: 'P2', item: 'Chi tư vấn', quantity: 2, unitPrice: '1.000.000', stage: 'Dự thảo' }).ok).toBe(true);
    const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
    const sh = w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Kinh phí')!;
    const header = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
    const stageCol = header.indexOf('Giai đoạn') + 1;
    exec.end();
    // Typing a new quantity recomputes "Đề nghị" (2 × 1.000.000 → 3 × 1.000.000).
    const typed = w.sheet('Kinh phí')[1].slice();
    const bh = w.sheet('Kinh phí')[0] as string[];
    typed[bh.indexOf('Số lượng')] = 3;
    paste(w, 'Kinh phí', 2, [typed]);
    expect(w.sheet('Kinh phí')[1][bh.indexOf('Đề nghị')]).toBe(3000000);
    const row = w.sheet('Kinh phí')[1].slice();
    row[stageCol - 1] = 'Đã xong';
    paste(w, 'Kinh phí', 2, [row]);
    const problems = w.call('getDataProblems').problems;
    expect(problems).toEqual([expect.objectContaining({ sheet: 'Kinh phí', row: 2, column: 'Giai đoạn' })]);
    expect(problems[0].message).toContain('Dự thảo, Đã gửi thẩm định, Đã thẩm định, Đã phê duyệt');
  });
});

describe('the dashboard and the budget', () => {
  test('"Tổng hợp" is rewritten after a change: programme and target rows, bars, the budget, the update time', () => {
    const w = world({ now: '2024-05-02T08:30:00+07:00' });
    w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-01', title: 'Phản biện', cost: 2000000 });
    const dash = w.sheet('Tổng hợp').map((r) => r.map(String));
    expect(dash[1][0]).toBe('Cập nhật lúc 02/05/2024 08:30');
    const p21 = dash.find((r) => r[0] === 'P2.1')!;
    expect(p21.slice(1, 6)).toEqual(['Tư vấn, phản biện', 'cuộc', '16', '1', '6.25']);
    expect(p21[6]).toBe('█░░░░░░░░░');
    // 1 of 16 by 2 May (a third of the year gone) is behind the straight line.
    expect(p21[7]).toBe('Chậm tiến độ');
    const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
    const charts = w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tổng hợp')!.getCharts();
    exec.end();
    expect(charts).toHaveLength(2);
  });

  test('a hand edit to "Đã thẩm định" without the appraised amount is marked, and the line still counts', () => {
    const w = world();
    expect(w.call('saveBudgetLine', { programCode: 'P3', item: 'Hội thảo khoa học', unit: 'hội thảo', quantity: 5, unitPrice: 30000000, stage: 'Dự thảo' }).ok).toBe(true);
    const h = w.sheet('Kinh phí')[0] as string[];
    const row = w.sheet('Kinh phí')[1].slice();
    row[h.indexOf('Giai đoạn')] = 'Đã thẩm định';
    paste(w, 'Kinh phí', 2, [row]);
    const col = String.fromCharCode(65 + h.indexOf('Thẩm định'));
    const cell = cellInfo(w, 'Kinh phí', `${col}2`);
    expect(cell.note).toBe('⚠ LHH Tracker: Số thẩm định: Giai đoạn "Đã thẩm định" cần có số tiền này; nhập số tiền hoặc chọn giai đoạn trước đó. Dòng này vẫn được tính vào tổng hợp.');
    expect(cell.background).toBe('#fef7e0');
    expect(w.call('getBudgetView').totals.proposed).toBe(150000000);
  });

  test('budget lines follow the stages; proposed is quantity × unit price; spending beyond approval is flagged', () => {
    const w = world();
    const draft = w.call('saveBudgetLine', { programCode: 'P3', targetCode: 'P3.4', item: 'Hội nghị tập huấn', unit: 'hội nghị', quantity: 10, unitPrice: '12.500.000', basis: 'Nghị quyết HĐND tỉnh về chế độ hội nghị', stage: 'Dự thảo' });
    expect(draft).toMatchObject({ ok: true, id: 'KP-2024-001' });
    expect(draft.view.lines[0]).toMatchObject({ proposed: 125000000, appraised: null, approved: null });
    const early = w.call('saveBudgetLine', { id: 'KP-2024-001', programCode: 'P3', targetCode: 'P3.4', item: 'Hội nghị tập huấn', quantity: 10, unitPrice: 12500000, stage: 'Đã gửi thẩm định', approved: 100000000 });
    expect(early).toMatchObject({ ok: false, errors: { approved: 'Số phê duyệt: Chỉ nhập khi giai đoạn là "Đã phê duyệt" trở đi.' } });
    // A stage that claims a figure the line lacks is refused, naming the figure.
    const base = { id: 'KP-2024-001', programCode: 'P3', targetCode: 'P3.4', item: 'Hội nghị tập huấn', quantity: 10, unitPrice: 12500000 };
    expect(w.call('saveBudgetLine', { ...base, stage: 'Đã thẩm định' })).toMatchObject({
      ok: false,
      errors: { appraised: 'Số thẩm định: Giai đoạn "Đã thẩm định" cần có số tiền này; nhập số tiền hoặc chọn giai đoạn trước đó.' },
    });
    expect(w.call('saveBudgetLine', { ...base, stage: 'Đã phê duyệt', appraised: 120000000 })).toMatchObject({
      ok: false,
      errors: { approved: 'Số phê duyệt: Giai đoạn "Đã phê duyệt" cần có số tiền này; nhập số tiền hoặc chọn giai đoạn trước đó.' },
    });
    expect(w.sheet('Kinh phí')[1][(w.sheet('Kinh phí')[0] as string[]).indexOf('Giai đoạn')]).toBe('Dự thảo');
    const approved = w.call('saveBudgetLine', { id: 'KP-2024-001', programCode: 'P3', targetCode: 'P3.4', item: 'Hội nghị tập huấn', quantity: 10, unitPrice: 12500000, stage: 'Đã phê duyệt', appraised: 120000000, approved: 20000000 });
    expect(approved.ok).toBe(true);
    w.call('logEvent', { targetCode: 'P3.4', date: '2024-04-01', title: 'Tập huấn kỹ thuật', cost: '15.000.000', budgetLineId: 'KP-2024-001' });
    w.call('logEvent', { targetCode: 'P3.4', date: '2024-05-01', title: 'Tập huấn lần 2', cost: '8.000.000', budgetLineId: 'KP-2024-001' });
    const view = w.call('getBudgetView');
    expect(view.lines[0]).toMatchObject({ spent: 23000000, overspent: true });
    expect(view.totals).toMatchObject({ proposed: 125000000, appraised: 120000000, approved: 20000000, spent: 23000000, remaining: -3000000 });
    const p3 = view.byProgram.find((p: { code: string }) => p.code === 'P3');
    expect(p3).toMatchObject({ approved: 20000000, spent: 23000000 });
    const progress = w.call('getProgress');
    expect(progress.budget.overspentLines).toEqual(['KP-2024-001']);
    const sheet = w.sheet('Kinh phí');
    const h = sheet[0] as string[];
    expect(sheet[1][h.indexOf('Đã chi')]).toBe(23000000);
  });
});
