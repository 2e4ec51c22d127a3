// The local PDF of a Google Doc, read back by a JavaScript PDF reader: Vietnamese text exactly, fonts embedded, tables, pages.
import PDFDocument from 'pdfkit';
import { createGoogle, inspectPdf } from '../../fakes';
import { readPdf, renderedPages } from '../support/pdf';

// A4 with the margins of Nghị định 30: top and bottom 20 mm, left 30 mm, right 15 mm (in points).
const A4 = { w: 595.28, h: 841.89 };
const M = { top: 56.7, bottom: 56.7, left: 85, right: 42.5 };
const TEXT_WIDTH = A4.w - M.left - M.right; // 467.78 pt

function newDoc(name: string) {
  const google = createGoogle();
  const g = google.gas(google.newExecution({ kind: 'sidebar' }));
  const DA = g.DocumentApp;
  const doc = DA.create(name);
  const body = doc.getBody();
  body.setPageWidth(A4.w).setPageHeight(A4.h).setMarginTop(M.top).setMarginBottom(M.bottom).setMarginLeft(M.left).setMarginRight(M.right);
  const pdf = () => {
    doc.saveAndClose();
    return new Uint8Array(DA.openById(doc.getId()).getAs('application/pdf').getBytes());
  };
  return { DA, body, pdf };
}

describe('the local PDF export', () => {
  test('an ND30 report opening: borderless header table, title, Kính gửi and a justified paragraph, read back exactly in Tinos', async () => {
    const { DA, body, pdf } = newDoc('Báo cáo 6 tháng');
    const header = body.appendTable([
      ['LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH BẮC GIANG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['Số: 01/BC-LHH', 'Độc lập - Tự do - Hạnh phúc'],
    ]);
    header.setBorderWidth(0).setColumnWidth(0, 190).setColumnWidth(1, TEXT_WIDTH - 190);
    header.setAttributes({ [DA.Attribute.FONT_SIZE]: 13, [DA.Attribute.BOLD]: true });
    const title = body.appendParagraph('BÁO CÁO').setAlignment(DA.HorizontalAlignment.CENTER);
    title.editAsText().setFontSize(14).setBold(true);
    body.appendParagraph('Kính gửi: Sở Khoa học và Công nghệ tỉnh Bắc Giang').setAlignment(DA.HorizontalAlignment.CENTER).editAsText().setFontSize(14);
    const para = body.appendParagraph(
      'Thực hiện Quyết định số 1731/QĐ-UBND ngày 13/11/2023 của Chủ tịch UBND tỉnh, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang báo cáo kết quả thực hiện nhiệm vụ, chương trình hoạt động 6 tháng đầu năm 2024 như sau (số liệu đến ngày 30/6/2024):',
    );
    para.setAlignment(DA.HorizontalAlignment.JUSTIFY).setIndentFirstLine(36).editAsText().setFontSize(14);

    const bytes = pdf();
    expect(inspectPdf(bytes)).toMatchObject({ ok: true, pages: 1, title: 'Báo cáo 6 tháng' });
    const read = await readPdf(bytes, { drawing: true });
    expect(read.pages).toBe(1);
    expect(read.lines[0]).toContain('BÁO CÁO');
    expect(read.lines[0]).toContain('Kính gửi: Sở Khoa học và Công nghệ tỉnh Bắc Giang');
    // The header's right cell is wide enough for the motto on one line; the two cells of a row share a line of text.
    expect(read.lines[0]).toContain('Số: 01/BC-LHH Độc lập - Tự do - Hạnh phúc');
    // The issuing body wraps inside its 190 pt column (5 pt padding each side); the Quốc hiệu starts right of it.
    const items = read.items[0];
    const leftCell = items.filter((i) => /LIÊN HIỆP|KHOA HỌC|KỸ THUẬT|BẮC GIANG/.test(i.str));
    expect(leftCell.length).toBeGreaterThan(1);
    for (const i of leftCell) {
      expect(i.x).toBeGreaterThanOrEqual(M.left + 5 - 0.01);
      expect(i.x + i.width).toBeLessThanOrEqual(M.left + 190 - 5 + 0.01);
    }
    const quocHieu = items.filter((i) => i.str.includes('CỘNG HÒA'));
    expect(quocHieu.length).toBeGreaterThan(0);
    for (const i of quocHieu) expect(i.x).toBeGreaterThanOrEqual(M.left + 190);
    // Justified: every line of the paragraph but the last ends at the right margin; none passes it.
    const body14 = items.filter((i) => i.size === 14 && i.y < items.find((t) => t.str.startsWith('Kính gửi'))!.y);
    const right = A4.w - M.right;
    for (const i of body14) expect(i.x + i.width).toBeLessThanOrEqual(right + 0.01);
    const lineEnds = new Map<number, number>();
    for (const i of body14) lineEnds.set(Math.round(i.y), Math.max(lineEnds.get(Math.round(i.y)) ?? 0, i.x + i.width));
    const ends = [...lineEnds.entries()].sort((a, b) => b[0] - a[0]).map(([, e]) => e);
    expect(ends.length).toBe(4);
    for (const e of ends.slice(0, 3)) expect(e).toBeCloseTo(right, 0);
    expect(ends[3]).toBeLessThan(right - 100);
    // Regular and bold Tinos, embedded; a borderless header draws no lines.
    expect(read.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['Tinos-Bold', 'Tinos-Regular']);
    expect(read.fonts.every((f) => f.embedded)).toBe(true);
    expect(read.strokes).toEqual([0]);
  });

  test('a bordered annex table: cells wrap within their columns, a row moves whole to the next page, borders are drawn', async () => {
    const { DA, body, pdf } = newDoc('Phụ lục');
    const rows = [['STT', 'Nội dung nhiệm vụ', 'Ngày', 'Kinh phí']];
    for (let i = 1; i <= 40; i++) rows.push([String(i), `Hội thảo khoa học về chuyển đổi số trong nông nghiệp công nghệ cao, lần thứ ${i}`, '15/03/2024', '150.000.000 đ']);
    const t = body.appendTable(rows);
    const widths = [40, 250, 80, 97.78];
    widths.forEach((w, i) => t.setColumnWidth(i, w));
    t.setAttributes({ [DA.Attribute.FONT_SIZE]: 12 });
    const read = await readPdf(pdf(), { drawing: true });
    expect(read.pages).toBeGreaterThan(1);
    // Every row's pieces are on one page: its number and its date are read on the same page as its title.
    for (let i = 1; i <= 40; i++) {
      const page = read.items.findIndex((p) => p.some((it) => it.str.includes(`lần thứ ${i}`) || it.str === `${i}`));
      const titlePage = read.items.findIndex((p) => p.some((it) => it.str.includes(`lần thứ ${i}`)));
      expect(page).toBe(titlePage);
    }
    const edges = [M.left];
    for (const w of widths) edges.push(edges[edges.length - 1] + w);
    for (const p of read.items) {
      for (const it of p) {
        const col = edges.findIndex((e, k) => k < 4 && it.x >= e && it.x < edges[k + 1]);
        expect(col).toBeGreaterThanOrEqual(0);
        expect(it.x + it.width).toBeLessThanOrEqual(edges[col + 1] - 5 + 0.01);
      }
    }
    // Dates and amounts fit their columns at 12 pt: they are never broken.
    expect(read.text.split('15/03/2024').length - 1).toBe(40);
    expect(read.text.split('150.000.000 đ').length - 1).toBe(40);
    expect(read.strokes.every((n) => n > 0)).toBe(true);
    expect(read.fonts.every((f) => f.embedded && /Tinos/.test(f.name))).toBe(true);
  });

  test('renderedPages counts the laid-out pages: one page per page break, more when the text runs over', async () => {
    const { body, pdf } = newDoc('Giấy chứng nhận');
    body.appendParagraph('Giải Nhất');
    body.appendPageBreak();
    body.appendParagraph('Giải Nhì');
    body.appendPageBreak();
    body.appendParagraph('Giải Ba');
    expect(await renderedPages(pdf())).toBe(3);
  });

  test('the reader tells a font that is not embedded (the check can fail)', async () => {
    const doc = new PDFDocument({ size: 'A4' });
    doc.font('Times-Roman').text('Bao cao');
    doc.end();
    const read = await readPdf(new Uint8Array(doc.read() as Buffer), { drawing: true });
    expect(read.lines[0]).toEqual(['Bao cao']);
    expect(read.fonts).toEqual([{ name: expect.stringContaining('Times'), embedded: false }]);
  });
});
