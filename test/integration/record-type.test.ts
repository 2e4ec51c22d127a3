// A record type declared only in a test ("Chuyến thăm"): its declaration alone gives the sheet's setup
// and repair, header-mapped reads, the edit trigger's notes and the data check, on the built add-on.
import { join } from 'node:path';
import { ADMIN, snapshotSheets, world, type World } from '../support/bundle';
import { variantBundle } from '../support/variant-bundle';

const code = () => variantBundle(join(__dirname, '..', 'support', 'visits-entry.ts'));

function withSheet<T>(w: World, name: string, f: (sh: GoogleAppsScript.Spreadsheet.Sheet, ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => T): T {
  const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
  try {
    const ss = w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet();
    return f(ss.getSheetByName(name)!, ss);
  } finally {
    exec.end();
  }
}

/** Types a block into the sheet as a user would, then runs onEdit as Sheets does. */
function paste(w: World, row: number, col: number, values: unknown[][]) {
  withSheet(w, 'Chuyến thăm', (sh) => sh.getRange(row, col, values.length, values[0].length).setValues(values as string[][]));
  const trig = w.google.newExecution({ kind: 'simpleTrigger', authMode: 'LIMITED', user: '' });
  const range = w.google.gas(trig).SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Chuyến thăm')!.getRange(row, col, values.length, values[0].length);
  trig.end();
  w.run('onEdit', [{ range, authMode: 'LIMITED', source: null }], { kind: 'simpleTrigger', authMode: 'LIMITED', user: '' });
}

const note = (w: World, a1: string) => withSheet(w, 'Chuyến thăm', (sh) => sh.getRange(a1).getNote());

describe('a new record type is one declaration', () => {
  test('setup creates its sheet like the others: header, frozen row, formats, dropdowns, protected computed column; a second run changes nothing', () => {
    const w = world({ code: code() });
    withSheet(w, 'Chuyến thăm', (sh, ss) => {
      expect(sh).not.toBeNull();
      // Declared before "Sổ văn bản" and "Nhật ký", which stay last.
      expect(ss.getSheets().map((s) => s.getName()).slice(-3)).toEqual(['Chuyến thăm', 'Sổ văn bản', 'Nhật ký']);
      expect(sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0]).toEqual(['Mã', 'Năm', 'Mã chỉ tiêu', 'Ngày', 'Nơi đến', 'Hình thức', 'Số người', 'Chi phí mỗi người', 'Tổng chi']);
      expect(sh.getFrozenRows()).toBe(1);
      expect(sh.getRange('B2').getNumberFormat()).toBe('0');
      expect(sh.getRange('D2').getNumberFormat()).toBe('dd/mm/yyyy');
      expect(sh.getRange('G2').getNumberFormat()).toBe('#,##0');
      expect(sh.getRange('H2').getNumberFormat()).toBe('#,##0 "đ"');
      expect(sh.getRange('F2').getDataValidation()!.getCriteriaValues()[0]).toEqual(['Trực tiếp', 'Trực tuyến']);
      expect(sh.getRange('C2').getDataValidation()).not.toBeNull();
      const prot = sh.getProtections(w.google.gas(w.google.newExecution({ kind: 'local', user: ADMIN })).SpreadsheetApp.ProtectionType.RANGE);
      expect(prot.map((p) => p.getDescription())).toEqual(['Chuyến thăm – Tổng chi: do LHH Tracker tính, không sửa tay']);
      expect(prot[0].isWarningOnly()).toBe(true);
    });
    const before = snapshotSheets(w);
    expect(w.call('setupWorkbook')).toMatchObject({ ok: true, createdSheets: [], repairedColumns: [] });
    expect(snapshotSheets(w)).toBe(before);
  });

  test('a lost header is named in Vietnamese by the next read and put back by setup, over its own data', () => {
    const w = world({ code: code() });
    paste(w, 2, 1, [['', '', 'P2.1', '15/03/2024', 'Hội Y học', 'Trực tiếp', '4', '150000']]);
    withSheet(w, 'Chuyến thăm', (sh) => sh.getRange('E1').setValue(''));
    expect(w.call('listVisits')).toMatchObject({ ok: false, code: 'missingColumn', message: expect.stringContaining('thiếu cột bắt buộc "Nơi đến"') });
    expect(w.call('setupWorkbook')).toMatchObject({ ok: true, repairedColumns: ['Chuyến thăm: Nơi đến'] });
    expect(w.call('listVisits').items.map((v: { place: string }) => v.place)).toEqual(['Hội Y học']);
  });

  test('reads go by header: columns moved by hand and a column of the user\'s own still read right, typed', () => {
    const w = world({ code: code() });
    paste(w, 2, 1, [
      ['', '', 'P2.1', '15/03/2024', 'Hội Y học', 'Trực tiếp', '4', '150000'],
      ['', '', 'P2.1', '20/03/2024', 'Hội Luật gia', 'Trực tuyến', '2', '0'],
    ]);
    withSheet(w, 'Chuyến thăm', (sh) => {
      const values = sh.getDataRange().getValues();
      // "Nơi đến" dragged to the far left, and a column of the user's own at the end.
      const moved = values.map((row, r) => [row[4], ...row.filter((_, k) => k !== 4), r === 0 ? 'Ghi chú riêng' : 'x']);
      sh.getRange(1, 1, moved.length, moved[0].length).setValues(moved);
    });
    const r = w.call('listVisits');
    expect(r.ok).toBe(true);
    expect(r.items).toEqual([
      { id: 'CT-2024-001', year: 2024, targetCode: 'P2.1', date: '2024-03-15', place: 'Hội Y học', mode: 'Trực tiếp', people: 4, cost: 150000, total: 600000 },
      { id: 'CT-2024-002', year: 2024, targetCode: 'P2.1', date: '2024-03-20', place: 'Hội Luật gia', mode: 'Trực tuyến', people: 2, cost: 0, total: 0 },
    ]);
  });

  test('hand edits: a good row gets its id, year and computed total; bad cells get a note naming the field and the row counts for nothing', () => {
    const w = world({ code: code() });
    paste(w, 2, 1, [
      ['', '', 'P2.1', '15/03/2024', 'Hội Y học', 'Trực tiếp', '4', '150000'],
      ['', '', 'P9.9', '16/03/2024', 'Hội Nông học', 'Trực tiếp', '3', '100000'],
      ['', '', 'P2.1', '17/03/2024', '', 'Đi bộ', '0', '100000'],
    ]);
    const rows = withSheet(w, 'Chuyến thăm', (sh) => sh.getRange(2, 1, 3, 9).getValues());
    expect(rows[0].slice(0, 3)).toEqual(['CT-2024-001', 2024, 'P2.1']);
    expect(rows[0][8]).toBe(600000);
    expect(rows[0][0]).not.toBe('');
    expect([rows[1][0], rows[2][0], rows[2][8]]).toEqual(['', '', '']);
    expect(note(w, 'A2')).toBe('');
    expect(note(w, 'C3')).toBe('⚠ LHH Tracker: Mã chỉ tiêu: Không có chỉ tiêu mã P9.9 trong kế hoạch. Dòng này không được tính vào tổng hợp cho đến khi sửa.');
    // A required cell still empty is told softly (a row being typed is not wrong yet).
    expect(note(w, 'E4')).toBe('LHH Tracker: Cần nhập Nơi đến. Dòng được tính vào tổng hợp khi nhập đủ.');
    expect(note(w, 'F4')).toContain('Hình thức: Chọn một trong: Trực tiếp, Trực tuyến.');
    expect(note(w, 'G4')).toContain('Số người: Phải lớn hơn 0.');
    // Reads set the row with bad cells aside (the unknown reference is for the data check to report).
    expect(w.call('listVisits').items.map((v: { place: string }) => v.place)).toEqual(['Hội Y học', 'Hội Nông học']);
    // Fixing the cells clears the notes and the row gets the next id.
    paste(w, 4, 5, [['Hội Tin học', 'Trực tuyến', '2']]);
    expect(['E4', 'F4', 'G4'].map((a1) => note(w, a1))).toEqual(['', '', '']);
    expect(withSheet(w, 'Chuyến thăm', (sh) => sh.getRange('A4:I4').getValues()[0])).toEqual(['CT-2024-002', 2024, 'P2.1', expect.anything(), 'Hội Tin học', 'Trực tuyến', 2, 100000, 200000]);
    expect(w.call('listVisits').items.map((v: { place: string }) => v.place)).toEqual(['Hội Y học', 'Hội Nông học', 'Hội Tin học']);
  });

  test('"Kiểm tra dữ liệu" lists the new sheet\'s bad rows, unknown references and repeated ids, with the cell of each', () => {
    const w = world({ code: code() });
    paste(w, 2, 1, [
      ['', '', 'P2.1', '15/03/2024', 'Hội Y học', 'Trực tiếp', '4', '150000'],
      ['', '', 'P2.1', '16/03/2024', 'Hội Nông học', 'Trực tiếp', '3', '100000'],
    ]);
    // Typed past the trigger (a paste from another file, say): the check still finds what is wrong.
    withSheet(w, 'Chuyến thăm', (sh) => {
      sh.getRange('A3').setValue('CT-2024-001');
      sh.getRange(4, 1, 1, 8).setValues([['CT-2024-009', 2024, 'P7.7', '18/03/2024', 'Hội Sử học', 'Bằng thư', 2, 5000]]);
    });
    const visits = w.call('getDataProblems').problems.filter((p: { sheet: string }) => p.sheet === 'Chuyến thăm');
    expect(visits).toEqual([
      { sheet: 'Chuyến thăm', row: 3, column: 'Mã', message: 'Mã CT-2024-001 bị trùng với một dòng khác.', a1: 'A3' },
      { sheet: 'Chuyến thăm', row: 4, column: 'Hình thức', message: 'Chọn một trong: Trực tiếp, Trực tuyến.', a1: 'F4' },
    ]);
    withSheet(w, 'Chuyến thăm', (sh) => sh.getRange('F4').setValue('Trực tuyến'));
    const again = w.call('getDataProblems').problems.filter((p: { sheet: string }) => p.sheet === 'Chuyến thăm');
    expect(again[1]).toEqual({ sheet: 'Chuyến thăm', row: 4, column: 'Mã chỉ tiêu', message: 'Không có chỉ tiêu mã P7.7 trong kế hoạch.', a1: 'C4' });
  });
});
