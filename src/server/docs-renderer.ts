// Writes a core DocModel into a new Google Doc with DocumentApp, in a number of calls independent of the event count.
import type { Annex, Block, DocModel, TableBlock } from '../core/report-model';
import { CAPS_LINE_SPACING, HIGHLIGHT, RULE_SIZE, RULE_STYLE, SIGNATURE_SPACE_LINES, bodyParaStyle, headingStyle, ruleText, type ParaStyle } from '../core/doc-style';
import { cleanDocStrings } from '../core/text-clean';

type DocApp = GoogleAppsScript.Document.DocumentApp;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Body = GoogleAppsScript.Document.Body;
type TableCell = GoogleAppsScript.Document.TableCell;
type Attrs = { [key: string]: unknown };
/** A paragraph, or a cell's first child reached as a plain Element (no asParagraph() round trip). */
type Styled = { setAttributes(attributes: Attrs): unknown };

/** What DocumentApp cannot draw exactly and how the renderer stands in for it (for the README). */
export const DOC_APPROXIMATIONS: string[] = [
  'Page numbers: DocumentApp can neither insert a page-number field nor give page 1 its own header, so the document has none; staff add them with Insert > Page numbers (untick "Show on first page") before issuing.',
  'The short solid rules under the issuing body, under the Tiêu ngữ and under the trích yếu are centred lines of U+2500 box-drawing characters at 8 pt, sized to the expected text width, not drawn lines.',
  'Per-column alignment (STT centred, numbers right-aligned) is applied to the header row only; other cells stay left-aligned, since aligning every cell would cost one call per row.',
  'The ND30 header, the Số/date line and the Nơi nhận/signature block are borderless tables (usual practice), not positioned frames; the Số and the date line share the header table\'s second row so they stay level.',
  'Annex tables stay in portrait A4 (DocumentApp cannot make a landscape section); the nine-column dự toán table uses 10 pt text to fit.',
  'Places left for staff ("[Cán bộ bổ sung: …]") are highlighted in light yellow and must be replaced before signing.',
];

/** Renders `model` into a new document and returns it unsaved: the caller saves and closes it. */
export function renderDoc(docApp: DocApp, input: DocModel): GoogleAppsScript.Document.Document {
  // The same text on both roads: what Docs would drop is dropped before anything is written.
  const model = cleanDocStrings(input);
  const A = docApp.Attribute;
  const H = docApp.HorizontalAlignment;
  const ALIGN = { left: H.LEFT, center: H.CENTER, right: H.RIGHT, justify: H.JUSTIFY };
  const doc = docApp.create(model.title);
  const body = doc.getBody();
  const m = model.page.margins;
  body
    .setPageWidth(model.page.width)
    .setPageHeight(model.page.height)
    .setMarginTop(m.top)
    .setMarginBottom(m.bottom)
    .setMarginLeft(m.left)
    .setMarginRight(m.right);
  const bodyAttrs: Attrs = {};
  bodyAttrs[A.FONT_FAMILY] = model.font.family;
  bodyAttrs[A.FONT_SIZE] = model.font.size;
  bodyAttrs[A.FOREGROUND_COLOR] = '#000000';
  body.setAttributes(bodyAttrs);
  const base = model.font.size;

  /** Every paragraph gets every attribute set, because appended paragraphs inherit the previous one's. */
  function style<T extends Styled>(p: T, s: ParaStyle): T {
    const a: Attrs = {};
    a[A.FONT_FAMILY] = model.font.family;
    a[A.FONT_SIZE] = s.size;
    a[A.BOLD] = !!s.bold;
    a[A.ITALIC] = !!s.italic;
    a[A.UNDERLINE] = false;
    a[A.HORIZONTAL_ALIGNMENT] = ALIGN[s.align || 'left'];
    a[A.INDENT_FIRST_LINE] = s.indentFirst || s.indentStart || 0;
    a[A.INDENT_START] = s.indentStart || 0;
    a[A.SPACING_BEFORE] = s.spaceBefore || 0;
    a[A.SPACING_AFTER] = s.spaceAfter || 0;
    a[A.LINE_SPACING] = s.lineSpacing || 1;
    a[A.BACKGROUND_COLOR] = s.highlight ? HIGHLIGHT : null;
    p.setAttributes(a);
    return p;
  }

  type Container = Body | TableCell;
  const para = (c: Container, text: string, s: ParaStyle): Paragraph => style(c.appendParagraph(text), s);

  const rule = (c: Container, widthPt: number): Paragraph => para(c, ruleText(widthPt), RULE_STYLE);

  /** Fills a cell: its first paragraph exists already (from appendTable) and takes the first line. */
  function fillCell(cell: TableCell, lines: { text: string; style: ParaStyle; rulePt?: number }[]): void {
    lines.forEach((l, i) => {
      const text = l.rulePt ? ruleText(l.rulePt) : l.text;
      const s = l.rulePt ? RULE_STYLE : l.style;
      if (i > 0) para(cell, text, s);
      else style(cell.setText(text).getChild(0), s);
    });
  }

  function borderless(rows: string[][], widths: number[]): GoogleAppsScript.Document.Table {
    const t = body.appendTable(rows);
    t.setBorderWidth(0);
    widths.forEach((w, i) => t.setColumnWidth(i, w));
    return t;
  }

  // ô 1–4: two rows so the Số (ô 3) and the date line (ô 4) sit on one level whatever the names' lengths.
  const h = model.header;
  const head = borderless(
    [
      ['', ''],
      ['', ''],
    ],
    h.widths,
  );
  const centre = (size: number, extra: Partial<ParaStyle> = {}): ParaStyle => ({ size, align: 'center', ...extra });
  // Upper-case names with stacked marks need the taller line (CAPS_LINE_SPACING).
  const caps = (size: number, extra: Partial<ParaStyle> = {}): ParaStyle => centre(size, { lineSpacing: CAPS_LINE_SPACING, ...extra });
  fillCell(head.getCell(0, 0), [
    ...(h.parentOrg ? [{ text: h.parentOrg, style: caps(h.sizes.parentOrg) }] : []),
    ...h.org.split('\n').map((text) => ({ text, style: caps(h.sizes.org, { bold: true }) })),
    { text: '', style: centre(RULE_SIZE), rulePt: h.rules.orgPt },
  ]);
  fillCell(head.getCell(0, 1), [
    { text: h.nation, style: caps(h.sizes.nation, { bold: true }) },
    { text: h.motto, style: centre(h.sizes.motto, { bold: true }) },
    { text: '', style: centre(RULE_SIZE), rulePt: h.rules.mottoPt },
  ]);
  fillCell(head.getCell(1, 0), [{ text: h.number, style: centre(h.sizes.number, { spaceBefore: 6 }) }]);
  fillCell(head.getCell(1, 1), [{ text: h.dateLine, style: centre(h.sizes.dateLine, { italic: true, spaceBefore: 6 }) }]);

  // ô 5a: tên loại and trích yếu, then Kính gửi.
  para(body, model.docType, { size: base, bold: true, align: 'center', spaceBefore: 18 });
  para(body, model.subject, { size: base, bold: true, align: 'center' });
  rule(body, 90);
  model.recipients.forEach((r, i) =>
    para(body, r, model.recipients.length === 1 ? { size: base, align: 'center', spaceBefore: 6, spaceAfter: 6 } : { size: base, indentStart: i === 0 ? 100 : 150, spaceBefore: i === 0 ? 6 : 0 }),
  );

  function renderTable(b: TableBlock): void {
    const t = body.appendTable(b.rows);
    const size = b.size || base;
    t.setBorderColor('#000000');
    t.setBorderWidth(b.borderless ? 0 : 0.5);
    // Container-level attributes reach every cell's text: one call for the table, one per bold row.
    const text: Attrs = {};
    text[A.FONT_FAMILY] = model.font.family;
    text[A.FONT_SIZE] = size;
    text[A.BOLD] = false;
    text[A.ITALIC] = false;
    t.setAttributes(text);
    (b.widths || []).forEach((w, i) => t.setColumnWidth(i, w));
    const bold: Attrs = {};
    bold[A.BOLD] = true;
    if (b.header && b.rows.length) {
      const row = t.getRow(0);
      row.setAttributes(bold);
      const centred: Attrs = {};
      centred[A.HORIZONTAL_ALIGNMENT] = H.CENTER;
      for (let c = 0; c < b.rows[0].length; c++) row.getCell(c).getChild(0).setAttributes(centred);
    }
    // Bold rows are programme and total rows: bounded by the plan, never by the number of events.
    for (const r of b.boldRows || []) if (!(b.header && r === 0)) t.getRow(r).setAttributes(bold);
  }

  function renderBlocks(blocks: Block[]): void {
    for (const b of blocks) {
      switch (b.t) {
        case 'p': {
          const p = para(body, b.text, bodyParaStyle(b, model));
          if (b.runs) {
            const text = p.editAsText();
            let at = 0;
            for (const r of b.runs) {
              const end = at + r.text.length - 1;
              if (r.text && r.bold) text.setBold(at, end, true);
              if (r.text && r.italic) text.setItalic(at, end, true);
              at += r.text.length;
            }
          }
          break;
        }
        case 'heading':
          para(body, b.text, headingStyle(b.level, model));
          break;
        case 'table':
          renderTable(b);
          break;
        case 'pagebreak':
          body.appendPageBreak();
          break;
        case 'rule':
          rule(body, b.widthPt);
          break;
      }
    }
  }

  renderBlocks(model.blocks);

  // ô 7 and ô 9b: Nơi nhận bottom left, level with the signer's title bottom right.
  const sig = model.closing.signer;
  const close = borderless([['', '']], h.widths);
  fillCell(close.getCell(0, 0), [
    { text: 'Nơi nhận:', style: { size: 12, bold: true, italic: true, spaceBefore: 12 } },
    ...model.closing.noiNhan.map((text) => ({ text, style: { size: 11 } as ParaStyle })),
  ]);
  const sigTitle = centre(base, { bold: true });
  fillCell(close.getCell(0, 1), [
    ...(sig.authority ? [{ text: sig.authority, style: centre(base, { bold: true, spaceBefore: 12 }) }] : []),
    { text: sig.title, style: sig.authority ? sigTitle : centre(base, { bold: true, spaceBefore: 12 }) },
    ...Array.from({ length: SIGNATURE_SPACE_LINES }, () => ({ text: '', style: centre(base) })),
    { text: sig.name, style: sig.namePlaceholder ? { ...sigTitle, highlight: true } : sigTitle },
  ]);

  model.annexes.forEach((a: Annex) => {
    body.appendPageBreak();
    para(body, a.title, { size: base, bold: true, align: 'center' });
    para(body, a.subtitle, { size: base, bold: true, align: 'center' });
    para(body, a.note, { size: base, italic: true, align: 'center', spaceAfter: 12 });
    renderBlocks(a.blocks);
  });

  // A new document starts with one empty paragraph; the header table must be first on the page.
  const first = body.getChild(0);
  if (first.getType() === docApp.ElementType.PARAGRAPH) {
    try {
      first.removeFromParent();
    } catch {
      // Docs may refuse; an empty line above the header is harmless.
    }
  }
  return doc;
}
