// Fidelity of the Docs API advanced service fake: Google's index arithmetic (section break, paragraphs, tables, page breaks),
// style requests landing as DocumentApp's attributes, all-or-nothing batches, exports, counting, faults and auth.

import { createGoogle, inspectPdf, type NodeJson } from '../../fakes';
import { readPdf } from '../support/pdf';

type Doc = GoogleAppsScript.Docs.Schema.Document;
type Element = GoogleAppsScript.Docs.Schema.StructuralElement;

const USER = 'staff@lhh.example.vn';

function setup(opts: Parameters<typeof createGoogle>[0] = {}) {
  const google = createGoogle({ now: () => new Date('2025-03-10T03:00:00Z'), ...opts });
  const g = google.gas(google.newExecution({ kind: 'sidebar', user: USER }));
  const docs = g.Docs!.Documents!;
  /** One documents.batchUpdate; requests are plain JSON (the typings predate several request types). */
  const batch = (id: string, requests: object[]) => docs.batchUpdate({ requests: requests as GoogleAppsScript.Docs.Schema.Request[] }, id);
  const fresh = (title = 'Báo cáo') => docs.create({ title }).documentId!;
  return { google, g, docs, batch, fresh };
}

/** The text of a paragraph element as Google returns it (newline included). */
const textOf = (e: Element): string => (e.paragraph?.elements ?? []).map((x) => x.textRun?.content ?? (x.pageBreak ? '[PB]' : '')).join('');

/** [startIndex, endIndex, what] of each structural element of the body. */
const outline = (d: Doc) => d.body!.content!.map((e) => [e.startIndex, e.endIndex, e.sectionBreak ? 'sectionBreak' : e.table ? 'table' : textOf(e)]);

const cellParagraphStarts = (t: Element) => t.table!.tableRows!.map((r) => r.tableCells!.map((c) => c.content![0].startIndex));

function paragraph(n: NodeJson) {
  if (n.type !== 'PARAGRAPH' && n.type !== 'LIST_ITEM') throw new Error(`not a paragraph: ${n.type}`);
  return n;
}

const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });
const rgb = (red: number, green: number, blue: number) => ({ color: { rgbColor: { red, green, blue } } });

describe('create and get', () => {
  test('a new document is a section break ending at 1 and one empty paragraph [1, 2), a Drive file of the running user', () => {
    const { g, docs } = setup();
    const created = docs.create({ title: 'Báo cáo tháng 3' });
    const id = created.documentId!;

    expect(created.title).toBe('Báo cáo tháng 3');
    expect(created.body!.content).toEqual([
      // Google leaves out the zero startIndex of the section break (proto3 JSON omits defaults).
      { endIndex: 1, sectionBreak: { sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT', sectionType: 'CONTINUOUS' } } },
      {
        startIndex: 1,
        endIndex: 2,
        paragraph: { elements: [{ startIndex: 1, endIndex: 2, textRun: { content: '\n', textStyle: {} } }], paragraphStyle: { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' } },
      },
    ]);
    expect(created.documentStyle).toMatchObject({ pageSize: { width: pt(612), height: pt(792) }, marginTop: pt(72), marginLeft: pt(72) });
    expect(docs.get(id)).toEqual(created);

    const file = g.DriveApp.getFileById(id);
    expect(file.getName()).toBe('Báo cáo tháng 3');
    expect(file.getMimeType()).toBe('application/vnd.google-apps.document');
    expect(file.getOwner().getEmail()).toBe(USER);
    expect(g.DocumentApp.openById(id).getBody().getNumChildren()).toBe(1);
  });

  test('an unknown id is "Requested entity was not found."', () => {
    const { docs, batch } = setup();
    expect(() => docs.get('1DocNoSuchDocument')).toThrow('API call to docs.documents.get failed with error: Requested entity was not found.');
    expect(() => batch('1DocNoSuchDocument', [{ insertText: { location: { index: 1 }, text: 'x' } }])).toThrow(
      'API call to docs.documents.batchUpdate failed with error: Requested entity was not found.',
    );
  });
});

describe('insertText', () => {
  test('newlines split paragraphs; indexes count UTF-16 code units', () => {
    const { g, docs, batch, fresh } = setup();
    const id = fresh();
    batch(id, [{ insertText: { location: { index: 1 }, text: 'Report\nDear Sir\n😀 ok' } }]);

    // "Report\n" 7, "Dear Sir\n" 9, "😀 ok\n" 6 (the emoji is two code units); the last newline is the one the document had.
    expect(outline(docs.get(id))).toEqual([
      [undefined, 1, 'sectionBreak'],
      [1, 8, 'Report\n'],
      [8, 17, 'Dear Sir\n'],
      [17, 23, '😀 ok\n'],
    ]);

    batch(id, [
      { insertText: { location: { index: 12 }, text: ',' } },
      { insertText: { endOfSegmentLocation: {}, text: '!' } },
    ]);
    expect(outline(docs.get(id)).slice(1)).toEqual([
      [1, 8, 'Report\n'],
      [8, 18, 'Dear, Sir\n'],
      [18, 25, '😀 ok!\n'],
    ]);
    expect(g.DocumentApp.openById(id).getBody().getText()).toBe('Report\nDear, Sir\n😀 ok!');
  });

  test('inserted text takes the style of the character before it, or after it at a paragraph start; new paragraphs copy the paragraph style', () => {
    const { google, batch, fresh } = setup();
    const id = fresh();
    batch(id, [
      { insertText: { location: { index: 1 }, text: 'Hello world' } },
      { updateTextStyle: { range: { startIndex: 1, endIndex: 6 }, textStyle: { bold: true }, fields: 'bold' } },
      { updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { alignment: 'CENTER' }, fields: 'alignment' } },
      { insertText: { location: { index: 6 }, text: 'X' } }, // after "Hello": bold
      { insertText: { location: { index: 1 }, text: 'Y' } }, // before "Hello": bold, like the H after it
      { insertText: { location: { index: 14 }, text: '\nNext' } }, // after "world": plain, in a centred paragraph
    ]);

    const [p1, p2] = google.document(id).body.map(paragraph);
    expect(p1.runs.map((r) => [r.text, r.bold])).toEqual([
      ['YHelloX', true],
      [' world', false],
    ]);
    expect([p1.alignment, p2.alignment]).toEqual(['CENTER', 'CENTER']);
    expect(p2.runs.map((r) => [r.text, r.bold])).toEqual([['Next', false]]);
  });

  test('where text cannot go: past the end of the body, or at a table start', () => {
    const { docs, batch, fresh } = setup();
    const id = fresh();
    batch(id, [{ insertText: { location: { index: 1 }, text: 'abc' } }]);
    // The body is "abc\n" [1, 5): index 5 is past its last newline.
    expect(() => batch(id, [{ insertText: { location: { index: 5 }, text: 'x' } }])).toThrow(
      'API call to docs.documents.batchUpdate failed with error: Invalid requests[0].insertText: Index 5 must be less than the end index of the referenced segment, 5.',
    );
    batch(id, [{ insertTable: { location: { index: 4 }, rows: 1, columns: 1 } }]);
    expect(outline(docs.get(id)).map((e) => e.slice(0, 2))).toEqual([
      [undefined, 1],
      [1, 5],
      [5, 10],
      [10, 11],
    ]);
    expect(() => batch(id, [{ insertText: { location: { index: 5 }, text: 'x' } }])).toThrow(
      'Invalid requests[0].insertText: The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
    );
  });
});

describe('insertTable', () => {
  test('a 3×3 table inserted at 1 starts at 2: its cells hold empty paragraphs at 5, 7, 9 / 12, 14, 16 / 19, 21, 23', () => {
    const { g, docs, batch, fresh } = setup();
    const id = fresh();
    batch(id, [{ insertTable: { location: { index: 1 }, rows: 3, columns: 3 } }]);

    const d = docs.get(id);
    // The newline inserted before the table leaves the empty paragraph [1, 2); the document's own newline follows the table.
    expect(outline(d)).toEqual([
      [undefined, 1, 'sectionBreak'],
      [1, 2, '\n'],
      [2, 25, 'table'],
      [25, 26, '\n'],
    ]);
    const table = d.body!.content![2];
    expect(table.table).toMatchObject({ rows: 3, columns: 3 });
    expect(cellParagraphStarts(table)).toEqual([
      [5, 7, 9],
      [12, 14, 16],
      [19, 21, 23],
    ]);
    // Table start 2, then per row a row start, per cell a cell start and its paragraph; the table's end marker is 24.
    expect(table.table!.tableRows!.map((r) => [r.startIndex, r.endIndex])).toEqual([
      [3, 10],
      [10, 17],
      [17, 24],
    ]);
    expect(table.table!.tableRows![0].tableCells!.map((c) => [c.startIndex, c.endIndex])).toEqual([
      [4, 6],
      [6, 8],
      [8, 10],
    ]);
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) expect(cellParagraphStarts(table)[r][c]).toBe(2 + 3 + r * (2 * 3 + 1) + 2 * c);

    const body = g.DocumentApp.openById(id).getBody();
    expect(body.getChild(1).getType()).toBe(g.DocumentApp.ElementType.TABLE);
    expect(body.getTables()[0].getNumRows()).toBe(3);
  });

  test('filling the cells last to first keeps every precomputed index right, in one batchUpdate', () => {
    const { g, google, docs, batch, fresh } = setup();
    const id = fresh();
    const rows = 3;
    const cols = 3;
    const start = 2;
    const value = (r: number, c: number) => `r${r}c${c}`;
    const fills: object[] = [];
    for (let r = rows - 1; r >= 0; r--)
      for (let c = cols - 1; c >= 0; c--) fills.push({ insertText: { location: { index: start + 3 + r * (2 * cols + 1) + 2 * c }, text: value(r, c) } });
    batch(id, [{ insertTable: { location: { index: 1 }, rows, columns: cols } }, ...fills]);

    const t = g.DocumentApp.openById(id).getBody().getTables()[0];
    expect([0, 1, 2].map((r) => [0, 1, 2].map((c) => t.getCell(r, c).getText()))).toEqual([
      ['r0c0', 'r0c1', 'r0c2'],
      ['r1c0', 'r1c1', 'r1c2'],
      ['r2c0', 'r2c1', 'r2c2'],
    ]);
    // Each cell grew by its text (4 code units), so the table now ends 9 × 4 later.
    const table = docs.get(id).body!.content![2];
    expect([table.startIndex, table.endIndex]).toEqual([2, 25 + 36]);
    expect(cellParagraphStarts(table)).toEqual([
      [5, 11, 17],
      [24, 30, 36],
      [43, 49, 55],
    ]);
    const json = google.document(id).body[1];
    expect(json.type === 'TABLE' && json.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['r0c0', 'r0c1', 'r0c2'],
      ['r1c0', 'r1c1', 'r1c2'],
      ['r2c0', 'r2c1', 'r2c2'],
    ]);
  });

  test('the rest of the paragraph at the location follows the table', () => {
    const { g, docs, batch, fresh } = setup();
    const id = fresh();
    batch(id, [
      { insertText: { location: { index: 1 }, text: 'AB' } },
      { insertTable: { location: { index: 2 }, rows: 1, columns: 2 } },
    ]);
    // "A\n" [1, 3), table [3, 10) (1 + 1 + 2·2 + 1), "B\n" [10, 12).
    expect(outline(docs.get(id))).toEqual([
      [undefined, 1, 'sectionBreak'],
      [1, 3, 'A\n'],
      [3, 10, 'table'],
      [10, 12, 'B\n'],
    ]);
    const body = g.DocumentApp.openById(id).getBody();
    expect([0, 1, 2].map((i) => body.getChild(i).getType())).toEqual(['PARAGRAPH', 'TABLE', 'PARAGRAPH']);
  });

  test('table, row and cell starts are not inside a paragraph', () => {
    const { batch, fresh } = setup();
    const id = fresh();
    batch(id, [{ insertTable: { location: { index: 1 }, rows: 2, columns: 2 } }]);
    for (const index of [2, 3, 4, 6]) expect(() => batch(id, [{ insertText: { location: { index }, text: 'x' } }])).toThrow('must be inside the bounds of an existing paragraph');
    batch(id, [{ insertText: { location: { index: 5 }, text: 'x' } }]);
  });
});

describe('insertPageBreak', () => {
  test('a page break and a newline: a paragraph of its own on an empty line, the end of the text mid-paragraph', () => {
    const { g, docs, batch, fresh } = setup();
    const id = fresh();
    batch(id, [
      { insertText: { location: { index: 1 }, text: 'Intro\n' } },
      { insertPageBreak: { endOfSegmentLocation: {} } },
      { insertText: { endOfSegmentLocation: {}, text: 'Annex' } },
    ]);
    expect(outline(docs.get(id))).toEqual([
      [undefined, 1, 'sectionBreak'],
      [1, 7, 'Intro\n'],
      [7, 9, '[PB]\n'],
      [9, 15, 'Annex\n'],
    ]);
    expect(docs.get(id).body!.content![2].paragraph!.elements).toEqual([
      { startIndex: 7, endIndex: 8, pageBreak: { textStyle: {} } },
      { startIndex: 8, endIndex: 9, textRun: { content: '\n', textStyle: {} } },
    ]);
    const body = g.DocumentApp.openById(id).getBody();
    expect([0, 1, 2].map((i) => body.getChild(i).getType())).toEqual(['PARAGRAPH', 'PAGE_BREAK', 'PARAGRAPH']);

    // Mid-paragraph the break ends the text before it: "Ann[PB]\n" then "ex\n".
    batch(id, [{ insertPageBreak: { location: { index: 12 } } }]);
    expect(outline(docs.get(id)).slice(3)).toEqual([
      [9, 14, 'Ann[PB]\n'],
      [14, 17, 'ex\n'],
    ]);
    const pdf = inspectPdf(new Uint8Array(g.DocumentApp.openById(id).getAs('application/pdf').getBytes()));
    expect(pdf.pages).toBe(3);
  });

  test('not inside a table', () => {
    const { batch, fresh } = setup();
    const id = fresh();
    batch(id, [{ insertTable: { location: { index: 1 }, rows: 1, columns: 1 } }]);
    expect(() => batch(id, [{ insertPageBreak: { location: { index: 5 } } }])).toThrow('Invalid requests[0].insertPageBreak: Page breaks cannot be inserted inside a table.');
  });
});

describe('styles land as DocumentApp attributes', () => {
  const TEXT = 'Kính gửi Sở Khoa học';

  test('a styled paragraph with an italic run reads in FakeGoogle.document() as DocumentApp writes it', () => {
    const { google, g, batch, fresh } = setup();
    const A = g.DocumentApp.Attribute;

    // DocumentApp: whole-paragraph attributes, then italic over part of the text.
    const byApp = g.DocumentApp.create('DocumentApp');
    const p = byApp.getBody().getParagraphs()[0];
    p.setText(TEXT);
    const attrs: Record<string, unknown> = {};
    attrs[A.FONT_FAMILY] = 'Times New Roman';
    attrs[A.FONT_SIZE] = 13;
    attrs[A.BOLD] = true;
    attrs[A.ITALIC] = false;
    attrs[A.UNDERLINE] = false;
    attrs[A.FOREGROUND_COLOR] = '#000000';
    attrs[A.BACKGROUND_COLOR] = '#fff2cc';
    attrs[A.HORIZONTAL_ALIGNMENT] = g.DocumentApp.HorizontalAlignment.JUSTIFY;
    attrs[A.INDENT_FIRST_LINE] = 28;
    attrs[A.INDENT_START] = 0;
    attrs[A.SPACING_BEFORE] = 6;
    attrs[A.SPACING_AFTER] = 0;
    attrs[A.LINE_SPACING] = 1.15;
    p.setAttributes(attrs);
    const from = TEXT.indexOf('Sở');
    p.editAsText().setItalic(from, from + 1, true);

    // The Docs API: the same in three requests, the text range including the paragraph's newline.
    const id = fresh();
    const end = 1 + TEXT.length + 1;
    batch(id, [
      { insertText: { location: { index: 1 }, text: TEXT } },
      {
        updateParagraphStyle: {
          range: { startIndex: 1, endIndex: end },
          paragraphStyle: { alignment: 'JUSTIFIED', indentFirstLine: pt(28), indentStart: { unit: 'PT' }, spaceAbove: pt(6), spaceBelow: pt(0), lineSpacing: 115 },
          fields: 'alignment,indentFirstLine,indentStart,spaceAbove,spaceBelow,lineSpacing',
        },
      },
      {
        updateTextStyle: {
          range: { startIndex: 1, endIndex: end },
          textStyle: { weightedFontFamily: { fontFamily: 'Times New Roman' }, fontSize: pt(13), bold: true, italic: false, underline: false, foregroundColor: rgb(0, 0, 0), backgroundColor: rgb(1, 0xf2 / 255, 0.8) },
          fields: 'weightedFontFamily,fontSize,bold,italic,underline,foregroundColor,backgroundColor',
        },
      },
      { updateTextStyle: { range: { startIndex: 1 + from, endIndex: 1 + from + 2 }, textStyle: { italic: true }, fields: 'italic' } },
    ]);

    const api = google.document(id).body;
    expect(api).toEqual(google.document(byApp.getId()).body);
    expect(api[0].type === 'PARAGRAPH' && api[0].runs.map((r) => [r.text, r.italic, r.bold, r.fontSize, r.background])).toEqual([
      ['Kính gửi ', false, true, 13, '#fff2cc'],
      ['Sở', true, true, 13, '#fff2cc'],
      [' Khoa học', false, true, 13, '#fff2cc'],
    ]);
  });

  test('a borderless two-column table with fixed widths reads like Table.setBorderWidth(0) and setColumnWidth', () => {
    const { google, g, docs, batch, fresh } = setup();
    const byApp = g.DocumentApp.create('DocumentApp');
    byApp
      .getBody()
      .appendTable([['Cơ quan', 'Quốc hiệu']])
      .setBorderWidth(0)
      .setColumnWidth(0, 200)
      .setColumnWidth(1, 250);

    const id = fresh();
    const none = { width: { unit: 'PT' }, dashStyle: 'SOLID', color: { color: { rgbColor: {} } } };
    batch(id, [
      { insertTable: { location: { index: 1 }, rows: 1, columns: 2 } },
      { insertText: { location: { index: 7 }, text: 'Quốc hiệu' } },
      { insertText: { location: { index: 5 }, text: 'Cơ quan' } },
      { updateTableCellStyle: { tableStartLocation: { index: 2 }, tableCellStyle: { borderTop: none, borderBottom: none, borderLeft: none, borderRight: none }, fields: 'borderTop,borderBottom,borderLeft,borderRight' } },
      { updateTableColumnProperties: { tableStartLocation: { index: 2 }, columnIndices: [0], tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt(200) }, fields: 'widthType,width' } },
      { updateTableColumnProperties: { tableStartLocation: { index: 2 }, columnIndices: [1], tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt(250) }, fields: 'widthType,width' } },
    ]);

    const table = google.document(id).body[1];
    expect(table).toEqual(google.document(byApp.getId()).body[1]);
    expect(table).toMatchObject({ type: 'TABLE', attrs: { BORDER_WIDTH: 0 }, columnWidths: { 0: 200, 1: 250 } });
    expect(g.DocumentApp.openById(id).getBody().getTables()[0].getBorderWidth()).toBe(0);

    const t = docs.get(id).body!.content![2].table!;
    expect(t.tableStyle!.tableColumnProperties).toEqual([
      { widthType: 'FIXED_WIDTH', width: pt(200) },
      { widthType: 'FIXED_WIDTH', width: pt(250) },
    ]);
    // Black is all zero components, which Google leaves out.
    expect(t.tableRows![0].tableCells![0].tableCellStyle!.borderTop).toEqual({ color: { color: { rgbColor: {} } }, width: { unit: 'PT' }, dashStyle: 'SOLID' });
  });

  test('a border on some cells only is shared with the neighbouring cell and stays per cell', () => {
    const { google, docs, batch, fresh } = setup();
    const id = fresh();
    const line = { width: pt(1.5), dashStyle: 'SOLID', color: rgb(1, 0, 0) };
    batch(id, [
      { insertTable: { location: { index: 1 }, rows: 2, columns: 1 } },
      { updateTableCellStyle: { tableRange: { tableCellLocation: { tableStartLocation: { index: 2 }, rowIndex: 0, columnIndex: 0 }, rowSpan: 1, columnSpan: 1 }, tableCellStyle: { borderBottom: line, backgroundColor: rgb(0.8, 0.8, 0.8) }, fields: 'borderBottom,backgroundColor' } },
    ]);
    const rows = docs.get(id).body!.content![2].table!.tableRows!;
    expect(rows[0].tableCells![0].tableCellStyle!.borderBottom).toEqual({ color: { color: { rgbColor: { red: 1 } } }, width: pt(1.5), dashStyle: 'SOLID' });
    expect(rows[1].tableCells![0].tableCellStyle!.borderTop).toEqual(rows[0].tableCells![0].tableCellStyle!.borderBottom);
    expect(rows[1].tableCells![0].tableCellStyle!.borderBottom).toBeUndefined();
    const json = google.document(id).body[1];
    expect(json.type === 'TABLE' && [json.attrs, json.rows[0].cells[0].attrs]).toEqual([{}, { BACKGROUND_COLOR: '#cccccc' }]);
  });

  test('text style over part of a run splits it; an empty or omitted background clears the highlight', () => {
    const { google, docs, batch, fresh } = setup();
    const id = fresh();
    batch(id, [
      { insertText: { location: { index: 1 }, text: 'abcdef' } },
      { updateTextStyle: { range: { startIndex: 1, endIndex: 8 }, textStyle: { backgroundColor: rgb(1, 1, 0) }, fields: 'backgroundColor' } },
      { updateTextStyle: { range: { startIndex: 2, endIndex: 3 }, textStyle: { backgroundColor: {} }, fields: 'backgroundColor' } },
      { updateTextStyle: { range: { startIndex: 4, endIndex: 5 }, textStyle: {}, fields: 'backgroundColor' } },
      { updateTextStyle: { range: { startIndex: 5, endIndex: 7 }, textStyle: { underline: true, link: { url: 'https://lhh.example.vn' } }, fields: 'underline,link' } },
    ]);
    const p = google.document(id).body[0];
    expect(p.type === 'PARAGRAPH' && p.runs.map((r) => [r.text, r.background, r.underline, r.link])).toEqual([
      ['a', '#ffff00', false, null],
      ['b', null, false, null],
      ['c', '#ffff00', false, null],
      ['d', null, false, null],
      ['ef', '#ffff00', true, 'https://lhh.example.vn'],
    ]);
    const els = docs.get(id).body!.content![1].paragraph!.elements!;
    expect(els.map((e) => [e.startIndex, e.endIndex, e.textRun!.content])).toEqual([
      [1, 2, 'a'],
      [2, 3, 'b'],
      [3, 4, 'c'],
      [4, 5, 'd'],
      [5, 7, 'ef'],
      [7, 8, '\n'],
    ]);
    expect(els[4].textRun!.textStyle).toEqual({ underline: true, backgroundColor: { color: { rgbColor: { red: 1, green: 1 } } }, link: { url: 'https://lhh.example.vn' } });
  });

  test('the page size and margins are those Body.setPageWidth and setMargin… write', () => {
    const { google, docs, batch, fresh } = setup();
    const id = fresh();
    batch(id, [
      {
        updateDocumentStyle: {
          documentStyle: { pageSize: { width: pt(595.3), height: pt(841.9) }, marginTop: pt(56.7), marginBottom: pt(56.7), marginLeft: pt(85), marginRight: pt(42.5) },
          fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight',
        },
      },
    ]);
    expect(google.document(id)).toMatchObject({ pageWidth: 595.3, pageHeight: 841.9, margins: { top: 56.7, bottom: 56.7, left: 85, right: 42.5 } });
    expect(docs.get(id).documentStyle).toMatchObject({ pageSize: { width: pt(595.3), height: pt(841.9) }, marginLeft: pt(85) });
  });
});

describe('deleteContentRange', () => {
  test('joining two paragraphs keeps the first one\'s style; text in a cell can go, the newline before a table cannot', () => {
    const { google, docs, batch, fresh } = setup();
    const id = fresh();
    batch(id, [
      { insertText: { location: { index: 1 }, text: 'Title\nBody\n' } },
      { updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { namedStyleType: 'HEADING_1' }, fields: 'namedStyleType' } },
      { insertTable: { location: { index: 12 }, rows: 1, columns: 1 } },
      { insertText: { location: { index: 16 }, text: 'cell text' } },
    ]);
    // "Title\n" [1, 7), "Body\n" [7, 12), "\n" [12, 13), table [13, 27) ("cell text\n" at [16, 26)), "\n" [27, 28).
    expect(outline(docs.get(id)).map((e) => e.slice(0, 2))).toEqual([
      [undefined, 1],
      [1, 7],
      [7, 12],
      [12, 13],
      [13, 27],
      [27, 28],
    ]);
    expect(() => batch(id, [{ deleteContentRange: { range: { startIndex: 12, endIndex: 13 } } }])).toThrow(
      'Invalid requests[0].deleteContentRange: Invalid deletion range. Cannot delete the requested range.',
    );
    expect(() => batch(id, [{ deleteContentRange: { range: { startIndex: 20, endIndex: 27 } } }])).toThrow('Invalid deletion range');
    expect(() => batch(id, [{ deleteContentRange: { range: { startIndex: 1, endIndex: 28 } } }])).toThrow(
      'Invalid requests[0].deleteContentRange: The range cannot include the newline character at the end of the segment.',
    );

    batch(id, [
      { deleteContentRange: { range: { startIndex: 20, endIndex: 25 } } }, // "cell text" -> "cell"
      { deleteContentRange: { range: { startIndex: 6, endIndex: 8 } } }, // "Title\nBody" -> "Titleody"
    ]);
    const body = google.document(id).body;
    expect(body.map((n) => [n.type, n.type === 'PARAGRAPH' ? n.heading : '', n.type === 'TABLE' ? n.rows[0].cells[0].text : n.type === 'PARAGRAPH' ? n.text : ''])).toEqual([
      ['PARAGRAPH', 'HEADING1', 'Titleody'],
      ['PARAGRAPH', 'NORMAL', ''],
      ['TABLE', '', 'cell'],
      ['PARAGRAPH', 'NORMAL', ''],
    ]);
    // A whole table goes together with the newline before it: "\n" [10, 11), table [11, 20).
    batch(id, [{ deleteContentRange: { range: { startIndex: 10, endIndex: 20 } } }]);
    expect(google.document(id).body.map((n) => n.type)).toEqual(['PARAGRAPH', 'PARAGRAPH']);
  });
});

describe('batchUpdate is all or nothing', () => {
  test('a bad request 3 leaves the document as it was, and the error names it', () => {
    const { google, docs, batch, fresh } = setup();
    const id = fresh();
    const draft = 'Bản nháp';
    batch(id, [{ insertText: { location: { index: 1 }, text: draft } }]);
    const before = docs.get(id);
    const model = google.document(id);

    expect(() =>
      batch(id, [
        { deleteContentRange: { range: { startIndex: 1, endIndex: 1 + draft.length } } },
        { insertText: { location: { index: 1 }, text: 'x'.repeat(38) } }, // the body is now [1, 40)
        { updateTextStyle: { range: { startIndex: 1, endIndex: 10 }, textStyle: { bold: true }, fields: 'bold' } },
        { insertText: { location: { index: 57 }, text: 'lost' } },
      ]),
    ).toThrow('API call to docs.documents.batchUpdate failed with error: Invalid requests[3].insertText: Index 57 must be less than the end index of the referenced segment, 40.');

    expect(docs.get(id)).toEqual(before);
    expect(google.document(id)).toEqual(model);
    expect(google.document(id, { saved: true })).toEqual(model);
  });

  test('malformed requests are refused in Google\'s words', () => {
    const { batch, fresh } = setup();
    const id = fresh();
    const refused = (r: object) => () => batch(id, [{ insertText: { location: { index: 1 }, text: 'abc' } }, r]);
    expect(refused({ updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: { bold: true } } })).toThrow(
      "Invalid requests[1].updateTextStyle: At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)",
    );
    expect(refused({ updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: {}, fields: 'alignment,bogusField' } })).toThrow(
      'Invalid requests[1].updateParagraphStyle: Invalid field: bogusField',
    );
    expect(refused({ insertBanana: {} })).toThrow(`Invalid JSON payload received. Unknown name "insertBanana" at 'requests[1]': Cannot find field.`);
    expect(refused({ insertText: { location: { index: 1 }, txt: 'x' } })).toThrow(`Unknown name "txt" at 'requests[1].insert_text': Cannot find field.`);
    expect(refused({})).toThrow('Invalid requests[1]: No request set.');
    expect(refused({ insertText: { location: { index: 1 }, text: 'x' }, deleteContentRange: { range: { startIndex: 1, endIndex: 2 } } })).toThrow(
      "Invalid value at 'requests[1]' (oneof), oneof field 'request' is already set. Cannot set 'deleteContentRange'",
    );
    expect(refused({ updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { alignment: 'LEFT' }, fields: 'alignment' } })).toThrow(
      `Invalid value at 'requests[1].update_paragraph_style.paragraph_style.alignment' (type.googleapis.com/google.apps.docs.v1.ParagraphStyle.Alignment), "LEFT"`,
    );
    expect(refused({ updateTableColumnProperties: { tableStartLocation: { index: 1 }, columnIndices: [], tableColumnProperties: { widthType: 'EVENLY_DISTRIBUTED' }, fields: 'widthType' } })).toThrow(
      'Invalid requests[1].updateTableColumnProperties: Invalid table start location. Must specify the start index of the table.',
    );
    // Requests Google has but this fake does not model say so, rather than pass for Google's answer.
    expect(refused({ replaceAllText: { containsText: { text: 'a' }, replaceText: 'b' } })).toThrow('Docs API fake: the replaceAllText request is not modelled by the fake.');
  });
});

describe('exports, accounting, faults and auth', () => {
  test('DocumentApp, Drive and the PDF export all see what the API wrote', async () => {
    const { google, g, batch, fresh } = setup();
    const id = fresh('Kế hoạch');
    const head = 'KẾ HOẠCH NĂM 2025\n';
    // The table goes before the body's last newline, at 1 + head.length, and so starts one later.
    const table = 1 + head.length + 1;
    batch(id, [
      { insertText: { location: { index: 1 }, text: head } },
      { insertTable: { endOfSegmentLocation: {}, rows: 1, columns: 2 } },
      { insertText: { location: { index: table + 5 }, text: 'Hội thảo' } },
      { insertText: { location: { index: table + 3 }, text: 'STT' } },
    ]);
    expect(google.document(id)).toEqual(google.document(id, { saved: true }));
    const docBytes = new Uint8Array(g.DocumentApp.openById(id).getAs('application/pdf').getBytes());
    expect(inspectPdf(docBytes)).toMatchObject({ ok: true, title: 'Kế hoạch' });
    const fromDoc = await readPdf(docBytes);
    const fromDrive = await readPdf(new Uint8Array(g.DriveApp.getFileById(id).getBlob().getBytes()));
    // The table's two cells sit side by side on one line.
    expect(fromDoc.lines[0]).toEqual(['KẾ HOẠCH NĂM 2025', 'STT Hội thảo']);
    expect(fromDrive.text).toBe(fromDoc.text);
  });

  test('one batchUpdate of 200 requests is one call', () => {
    const { google, docs, batch } = setup();
    google.resetCalls();
    const id = docs.create({ title: 'Sổ' }).documentId!;
    batch(
      id,
      Array.from({ length: 200 }, (_, i) => ({ insertText: { endOfSegmentLocation: {}, text: `Dòng ${i + 1}\n` } })),
    );
    const d = docs.get(id);
    expect(google.calls()).toEqual({ 'Docs.Documents.create': 1, 'Docs.Documents.batchUpdate': 1, 'Docs.Documents.get': 1 });
    expect(d.body!.content!.length).toBe(1 + 200 + 1);
    expect(textOf(d.body!.content![200])).toBe('Dòng 200\n');
  });

  test('failOn: a transient error in Google\'s words, nothing written, and the retry goes through', () => {
    const { google, docs, batch, fresh } = setup();
    const id = fresh();
    const before = docs.get(id);
    google.failOn('Docs.Documents.batchUpdate', 1);
    const write = () => batch(id, [{ insertText: { location: { index: 1 }, text: 'x' } }]);
    expect(write).toThrow('API call to docs.documents.batchUpdate failed with error: The service is currently unavailable.');
    expect(docs.get(id)).toEqual(before);
    write();
    expect(google.faultsFired()).toBe(1);
    expect(google.calls()['Docs.Documents.batchUpdate']).toBe(2);
    expect(textOf(docs.get(id).body!.content![1])).toBe('x\n');
  });

  test('AuthMode.NONE refuses; without the advanced service there is no Docs global', () => {
    const { google } = setup();
    const none = google.gas(google.newExecution({ kind: 'simpleTrigger', authMode: 'NONE' }));
    expect(() => none.Docs!.Documents!.create({ title: 'x' })).toThrow('Required permissions: https://www.googleapis.com/auth/documents');
    const without = createGoogle({ advancedServices: ['Sheets'] });
    expect(without.gas(without.newExecution()).Docs).toBeUndefined();
  });
});

describe('document mode (pages or pageless)', () => {
  test('a user whose new documents are pageless gets PAGELESS; updateDocumentStyle sets PAGES back, and refuses a mode Docs does not know', () => {
    const { google, docs, batch, fresh } = setup();
    google.state.newDocumentsPageless = true;
    const id = fresh();
    const mode = () => (docs.get(id).documentStyle as { documentFormat?: { documentMode?: string } }).documentFormat?.documentMode;
    expect(mode()).toBe('PAGELESS');
    batch(id, [{ updateDocumentStyle: { documentStyle: { documentFormat: { documentMode: 'PAGES' } }, fields: 'documentFormat' } }]);
    expect(mode()).toBe('PAGES');
    expect(google.document(id, { saved: true }).documentMode).toBe('PAGES');
    expect(() => batch(id, [{ updateDocumentStyle: { documentStyle: { documentFormat: { documentMode: 'PAGED' } }, fields: 'documentFormat.documentMode' } }])).toThrow(
      "Invalid value at 'requests[0].update_document_style.document_style.document_format.document_mode'",
    );
    expect(mode()).toBe('PAGES');
  });
});
