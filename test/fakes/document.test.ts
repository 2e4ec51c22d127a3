// DocumentApp fake: structured model, text runs, tables, saveAndClose semantics and a valid PDF export.

import { createGoogle, inspectPdf } from '../../fakes';
import { readPdf } from '../support/pdf';

function setup() {
  const google = createGoogle();
  const g = google.gas(google.newExecution({ kind: 'sidebar' }));
  return { google, g };
}

describe('DocumentApp', () => {
  test('builds a structured model with runs, headings, tables, header and footer', () => {
    const { google, g } = setup();
    const DA = g.DocumentApp;
    const doc = DA.create('Báo cáo tháng');
    const body = doc.getBody();
    body.setMarginTop(50).setMarginLeft(60);
    const h = body.appendParagraph('BÁO CÁO').setHeading(DA.ParagraphHeading.HEADING1).setAlignment(DA.HorizontalAlignment.CENTER);
    const p = body.appendParagraph('Kính gửi: ');
    p.appendText('Sở KH&CN').setBold(true);
    p.editAsText().setItalic(0, 3, true);
    body.appendListItem('mục một').setGlyphType(DA.GlyphType.NUMBER);
    const t = body.appendTable([
      ['STT', 'Nội dung'],
      ['1', 'Hội thảo'],
    ]);
    t.getCell(0, 1).setBackgroundColor('#eeeeee').editAsText().setBold(true);
    t.appendTableRow().appendTableCell('2');
    body.appendPageBreak();
    doc.addHeader().appendParagraph('LHH');
    doc.addFooter().appendParagraph('Trang');
    expect(h.getText()).toBe('BÁO CÁO');
    expect(body.getNumChildren()).toBe(6);
    expect(body.getChild(4).getType()).toBe(DA.ElementType.TABLE);
    expect(body.getTables()[0].getNumRows()).toBe(3);
    expect(body.getParagraphs().length).toBe(4 + 5);

    const m = google.document(doc.getId());
    expect(m.name).toBe('Báo cáo tháng');
    expect(m.margins).toEqual({ top: 50, bottom: 72, left: 60, right: 72 });
    const para = m.body[2];
    expect(para.type === 'PARAGRAPH' && para.runs.map((r) => [r.text, r.bold, r.italic])).toEqual([
      ['Kính', false, true],
      [' gửi: ', false, false],
      ['Sở KH&CN', true, false],
    ]);
    const table = m.body[4];
    expect(table.type === 'TABLE' && table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['STT', 'Nội dung'], ['1', 'Hội thảo'], ['2']]);
    expect(table.type === 'TABLE' && table.rows[0].cells[1].children[0].type === 'PARAGRAPH' && table.rows[0].cells[1].children[0].runs[0].bold).toBe(true);
    expect(m.header![1]).toMatchObject({ type: 'PARAGRAPH', text: 'LHH' });
    expect((doc as unknown as { toJSON(): unknown }).toJSON()).toEqual(m);
  });

  test('the last paragraph of a section cannot be removed', () => {
    const { g } = setup();
    const body = g.DocumentApp.create('x').getBody();
    expect(() => body.removeChild(body.getChild(0))).toThrow("Can't remove the last paragraph in a document section.");
  });

  test('export uses the last saved state; a closed document refuses edits', async () => {
    const { google, g } = setup();
    const doc = g.DocumentApp.create('Chưa lưu');
    doc.getBody().appendParagraph('Nội dung quan trọng');
    const stale = inspectPdf(new Uint8Array(doc.getAs('application/pdf').getBytes()));
    expect(stale.ok).toBe(true);
    expect((await readPdf(new Uint8Array(doc.getAs('application/pdf').getBytes()))).text).not.toContain('Nội dung quan trọng');
    doc.saveAndClose();
    expect(() => doc.getBody().appendParagraph('more')).toThrow('Document is closed, its contents cannot be updated.');
    const pdf = doc.getAs('application/pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('Chưa lưu.pdf');
    const info = inspectPdf(new Uint8Array(pdf.getBytes()));
    expect(info).toMatchObject({ ok: true, errors: [], pages: 1, title: 'Chưa lưu' });
    expect((await readPdf(new Uint8Array(pdf.getBytes()))).lines[0]).toContain('Nội dung quan trọng');
    expect(google.document(doc.getId(), { saved: true }).body.length).toBe(2);
    const reopened = g.DocumentApp.openById(doc.getId());
    reopened.getBody().appendParagraph('ok again');
  });

  test('PDF bytes: header, xref offsets, the pages the text needs, Vietnamese text and PDF special characters exactly', async () => {
    const { g } = setup();
    const doc = g.DocumentApp.create('Dài');
    const body = doc.getBody();
    for (let i = 0; i < 120; i++) body.appendParagraph(`Dòng số ${i} (ghi chú) \\ đặc biệt`);
    body.appendPageBreak();
    body.appendParagraph('Cuối');
    doc.saveAndClose();
    const bytes = new Uint8Array(doc.getAs('application/pdf').getBytes());
    expect(Buffer.from(bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = inspectPdf(bytes);
    expect(info.errors).toEqual([]);
    // Letter, 1 inch margins: 648 pt of text height; 11 pt lines at Docs' default 1.15 spacing take 14.55 pt: 44 lines a page.
    // A new document starts with an empty paragraph, then 120 lines: 43 + 44 on two pages and 33 on a third; the page break
    // puts "Cuối" on a fourth.
    expect(info.pages).toBe(4);
    const read = await readPdf(bytes);
    expect(read.lines.map((l) => l.length)).toEqual([43, 44, 33, 1]);
    expect(read.lines[0][0]).toBe('Dòng số 0 (ghi chú) \\ đặc biệt');
    expect(read.lines[3]).toEqual(['Cuối']);
  });
});
