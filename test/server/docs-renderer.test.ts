// The Docs renderer against the in-memory DocumentApp: ND30 layout, and a call count that ignores the event count.
import { createGoogle, type FakeGoogle, type NodeJson } from '../../fakes';
import { buildBudgetSubmission, buildProgressReport } from '../../src/core/report-model';
import type { LoggedEvent } from '../../src/core/types';
import { DOC_APPROXIMATIONS, renderDoc } from '../../src/server/docs-renderer';
import { approvedLines, draftLines, event, events, programs, quarter2, settings, targets } from '../core/report-fixture';

function google(): { g: FakeGoogle; app: GoogleAppsScript.Document.DocumentApp } {
  const g = createGoogle();
  return { g, app: g.gas(g.newExecution()).DocumentApp };
}

function withExtraEvents(n: number): LoggedEvent[] {
  const out = [...events];
  for (let i = 0; i < n; i++) out.push(event({ targetCode: 'P2.1', date: '2024-05-15', title: `Lớp tập huấn ${i + 1}`, quantity: 0, cost: 1_000_000 }));
  return out;
}

const report = (evs: LoggedEvent[]) =>
  buildProgressReport({ settings, programs, targets, events: evs, period: quarter2, today: '2024-07-05', number: 1, lines: approvedLines });

type Para = Extract<NodeJson, { type: 'PARAGRAPH' | 'LIST_ITEM' }>;
type Table = Extract<NodeJson, { type: 'TABLE' }>;
const cellParas = (t: Table, r: number, c: number): Para[] => t.rows[r].cells[c].children as Para[];

describe('renderDoc', () => {
  const { g, app } = google();
  const doc = renderDoc(app, report(events));
  const json = g.document(doc.getId());

  test('A4, ND30 margins, Times New Roman', () => {
    expect(json.name).toBe('2024-07-05 01-BC-LHH - Báo cáo quý II năm 2024');
    expect([json.pageWidth, json.pageHeight]).toEqual([595.28, 841.89]);
    expect(json.margins).toEqual({ top: 56.69, bottom: 56.69, left: 85.04, right: 42.52 });
    const paras = json.body.filter((n): n is Para => n.type === 'PARAGRAPH');
    expect(paras.every((p) => p.runs.every((r) => r.fontFamily === 'Times New Roman'))).toBe(true);
  });

  test('the header is a borderless two-column table at the very top, Số level with the date', () => {
    const head = json.body[0] as Table;
    expect(head.type).toBe('TABLE');
    expect(head.attrs.BORDER_WIDTH).toBe(0);
    const left = cellParas(head, 0, 0);
    // The issuing body breaks where a person would: before "VÀ", never inside the place name.
    expect(left.map((p) => p.text).slice(0, 3)).toEqual(['UBND TỈNH BẮC GIANG', 'LIÊN HIỆP CÁC HỘI KHOA HỌC', 'VÀ KỸ THUẬT TỈNH BẮC GIANG']);
    expect(left[0].runs[0].bold).toBe(false);
    expect(left[1].runs[0].bold).toBe(true);
    const right = cellParas(head, 0, 1);
    expect(right.map((p) => p.text).slice(0, 2)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    expect(right.slice(0, 2).every((p) => p.runs[0].bold)).toBe(true);
    expect(right[2].text).toMatch(/^─+$/);
    expect(cellParas(head, 1, 0)[0].text).toBe('Số: 01/BC-LHH');
    const date = cellParas(head, 1, 1)[0];
    expect(date.text).toBe('Bắc Giang, ngày 05 tháng 7 năm 2024');
    expect(date.runs[0].italic).toBe(true);
  });

  test('BÁO CÁO bold and centred, trích yếu, Kính gửi, headings bold, placeholders highlighted', () => {
    const paras = json.body.filter((n): n is Para => n.type === 'PARAGRAPH');
    const find = (t: string) => paras.find((p) => p.text === t)!;
    expect(find('BÁO CÁO')).toMatchObject({ alignment: 'CENTER' });
    expect(find('BÁO CÁO').runs[0].bold).toBe(true);
    expect(find('Kính gửi: Sở Khoa học và Công nghệ tỉnh Bắc Giang')).toMatchObject({ alignment: 'CENTER' });
    expect(find('I. KẾT QUẢ THỰC HIỆN').runs[0].bold).toBe(true);
    const ph = find('[Cán bộ bổ sung: tồn tại, hạn chế khác.]');
    expect(ph.runs[0].background).toBe('#fff2cc');
    expect(find('Trên đây là báo cáo kết quả thực hiện nhiệm vụ, chương trình hoạt động quý II năm 2024 của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang./.').alignment).toBe('JUSTIFY');
  });

  test('Nơi nhận and the signer in a borderless table; annexes after page breaks', () => {
    const tables = json.body.filter((n): n is Table => n.type === 'TABLE');
    const close = tables[1];
    expect(close.attrs.BORDER_WIDTH).toBe(0);
    const left = cellParas(close, 0, 0);
    expect(left.map((p) => p.text)).toEqual(['Nơi nhận:', '- Như trên;', '- Lưu: VT, VP.']);
    expect(left[0].runs[0]).toMatchObject({ bold: true, italic: true, fontSize: 12 });
    const right = cellParas(close, 0, 1).map((p) => p.text);
    expect(right[0]).toBe('TM. BAN THƯỜNG VỤ');
    expect(right[1]).toBe('CHỦ TỊCH');
    expect(right[right.length - 1]).toBe('Nguyễn Văn An');
    expect(json.body.filter((n) => n.type === 'PAGE_BREAK')).toHaveLength(2);
    const annex1 = tables[2];
    expect(annex1.rows[0].cells.map((c) => c.text)).toEqual(['STT', 'Nội dung nhiệm vụ', 'Đơn vị tính', 'Kế hoạch năm', 'Trong kỳ', 'Lũy kế', 'Tỷ lệ lũy kế (%)', 'Ghi chú']);
    expect(annex1.rows[1].cells.map((c) => c.text)).toEqual(['I', 'Tư vấn, phản biện và giám định xã hội', '', '', '', '', '75', '']);
    expect(annex1.attrs).toMatchObject({ FONT_SIZE: 11, FONT_FAMILY: 'Times New Roman', BOLD: false });
    expect(annex1.rows.map((r) => r.attrs.BOLD === true)).toEqual([true, true, false, false, false, true, false, false]);
    expect(annex1.rows[0].cells.every((c) => (c.children[0] as Para).alignment === 'CENTER')).toBe(true);
  });

  test('the number of DocumentApp calls is the same for 10 and 1000 events', () => {
    const count = (n: number) => {
      const f = google();
      const model = report(withExtraEvents(n));
      f.g.resetCalls();
      renderDoc(f.app, model);
      return f.g.calls();
    };
    const few = count(10);
    const many = count(1000);
    expect(many).toEqual(few);
    expect(few['DocumentApp.Body.appendTable']).toBe(4);
  });

  test('the budget submission renders, with its annex', () => {
    const f = google();
    const d = renderDoc(f.app, buildBudgetSubmission({ settings, programs, targets, lines: draftLines, today: '2024-01-05', number: 3, year: 2024 }));
    const j = f.g.document(d.getId());
    const tables = j.body.filter((n): n is Table => n.type === 'TABLE');
    expect(cellParas(tables[0], 1, 0)[0].text).toBe('Số: 03/TTr-LHH');
    expect(tables[2].rows[tables[2].rows.length - 1].cells.map((c) => c.text)).toEqual(['', 'Tổng cộng', '', '', '', '195.000.000', '']);
    const paras = j.body.filter((n): n is Para => n.type === 'PARAGRAPH').map((p) => p.text);
    expect(paras).toContain('TỜ TRÌNH');
    expect(paras[paras.length - 1]).toBe('Bằng chữ: Một trăm chín mươi lăm triệu đồng.');
    const total = j.body.filter((n): n is Para => n.type === 'PARAGRAPH').find((p) => p.text.startsWith('Tổng kinh phí'))!;
    expect(total.runs.map((r) => [r.text, r.bold])).toEqual([
      ['Tổng kinh phí đề nghị: ', false],
      ['195.000.000 đồng', true],
      ['.', false],
    ]);
  });

  test('approximations are listed for the README', () => {
    expect(DOC_APPROXIMATIONS.length).toBeGreaterThanOrEqual(3);
  });
});
