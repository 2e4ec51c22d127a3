// A DocModel as Docs API batchUpdate requests: the same document docs-renderer.ts writes, in one call.
import { CAPS_LINE_SPACING, HIGHLIGHT, RULE_STYLE, SIGNATURE_SPACE_LINES, bodyParaStyle, headingStyle, ruleText, type ParaStyle } from './doc-style';
import type { Align, Block, DocModel, ParagraphBlock, TableBlock } from './report-model';
import { cleanDocStrings } from './text-clean';

// ---------------------------------------------------------------------------------------------------
// The JSON of the requests used (Docs API v1), declared here because the core may not see Google types.

export interface Dimension {
  magnitude: number;
  unit: 'PT';
}
export interface DocRange {
  startIndex: number;
  endIndex: number;
}
export interface DocLocation {
  index: number;
}
export interface OptionalColor {
  color?: { rgbColor: { red: number; green: number; blue: number } };
}
export interface DocTextStyle {
  weightedFontFamily?: { fontFamily: string };
  fontSize?: Dimension;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  foregroundColor?: OptionalColor;
  /** Left out (but named in `fields`) to clear a highlight. */
  backgroundColor?: OptionalColor;
}
export type DocAlignment = 'START' | 'CENTER' | 'END' | 'JUSTIFIED';
export interface DocParagraphStyle {
  alignment?: DocAlignment;
  indentFirstLine?: Dimension;
  indentStart?: Dimension;
  spaceAbove?: Dimension;
  spaceBelow?: Dimension;
  /** Percent: 100 is single spacing. */
  lineSpacing?: number;
}
export interface TableCellBorder {
  color: OptionalColor;
  width: Dimension;
  dashStyle: 'SOLID';
}

export type DocRequest =
  | {
      updateDocumentStyle: {
        documentStyle: {
          pageSize: { width: Dimension; height: Dimension };
          marginTop: Dimension;
          marginBottom: Dimension;
          marginLeft: Dimension;
          marginRight: Dimension;
          documentFormat: { documentMode: 'PAGES' };
        };
        fields: string;
      };
    }
  | { insertText: { location: DocLocation; text: string } }
  | { insertTable: { location: DocLocation; rows: number; columns: number } }
  | { insertPageBreak: { location: DocLocation } }
  | { updateParagraphStyle: { range: DocRange; paragraphStyle: DocParagraphStyle; fields: string } }
  | { updateTextStyle: { range: DocRange; textStyle: DocTextStyle; fields: string } }
  | {
      updateTableCellStyle: {
        tableStartLocation: DocLocation;
        tableCellStyle: { borderTop: TableCellBorder; borderBottom: TableCellBorder; borderLeft: TableCellBorder; borderRight: TableCellBorder };
        fields: string;
      };
    }
  | {
      updateTableColumnProperties: {
        tableStartLocation: DocLocation;
        columnIndices: number[];
        tableColumnProperties: { widthType: 'FIXED_WIDTH'; width: Dimension };
        fields: string;
      };
    };

/** What the Docs API path draws differently from docs-renderer.ts (for the README, with DOC_APPROXIMATIONS). */
export const DOCS_API_APPROXIMATIONS: string[] = [
  'The Docs API cannot put a table first in the body: it keeps one empty paragraph above the ND30 header table, which cannot be deleted. It is set in 1 pt type with no spacing, so the header starts about 1 pt below the top margin.',
  'Each page break stands in a paragraph of its own, as with DocumentApp, set in 1 pt type so that its line adds nothing to the next page.',
  'When the last annex ends with a table, Docs keeps an empty paragraph after it (a body always ends with a paragraph); it is left unstyled.',
];

// ---------------------------------------------------------------------------------------------------
// What only the API path needs; the visual decisions shared with docs-renderer.ts are in doc-style.ts.

const BLACK = '#000000';
const TABLE_BORDER_PT = 0.5;
/** The paragraph the API keeps above a table that starts the body: as small as Docs allows. */
const SPACER_SIZE = 1;
const SPACER_STYLE: ParaStyle = { size: SPACER_SIZE };

// ---------------------------------------------------------------------------------------------------
// Request JSON helpers

const pt = (magnitude: number): Dimension => ({ magnitude, unit: 'PT' });

function color(hex: string): OptionalColor {
  const n = parseInt(hex.slice(1), 16);
  const c = (v: number): number => Math.round((v / 255) * 10000) / 10000;
  return { color: { rgbColor: { red: c((n >> 16) & 255), green: c((n >> 8) & 255), blue: c(n & 255) } } };
}

const ALIGN: Record<Align, DocAlignment> = { left: 'START', center: 'CENTER', right: 'END', justify: 'JUSTIFIED' };
const TEXT_FIELDS = 'weightedFontFamily,fontSize,bold,italic,underline,foregroundColor,backgroundColor';
const PARA_FIELDS = 'alignment,indentFirstLine,indentStart,spaceAbove,spaceBelow,lineSpacing';
/** What Table.setAttributes sets on a data table's text; a cell costs a request, so no more than that. */
const CELL_TEXT_FIELDS = 'weightedFontFamily,fontSize,bold,italic';

/** Like style() in docs-renderer.ts: every attribute set, so nothing depends on what Docs defaults to. */
function paragraphStyle(s: ParaStyle): DocParagraphStyle {
  return {
    alignment: ALIGN[s.align || 'left'],
    indentFirstLine: pt(s.indentFirst || s.indentStart || 0),
    indentStart: pt(s.indentStart || 0),
    spaceAbove: pt(s.spaceBefore || 0),
    spaceBelow: pt(s.spaceAfter || 0),
    lineSpacing: Math.round((s.lineSpacing || 1) * 100),
  };
}

function textStyle(family: string, t: { size: number; bold?: boolean; italic?: boolean; highlight?: boolean }): DocTextStyle {
  const out: DocTextStyle = {
    weightedFontFamily: { fontFamily: family },
    fontSize: pt(t.size),
    bold: !!t.bold,
    italic: !!t.italic,
    underline: false,
    foregroundColor: color(BLACK),
  };
  if (t.highlight) out.backgroundColor = color(HIGHLIGHT);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Layout: inserts front to back with a running index, styles recorded with their final ranges.

interface Line {
  text: string;
  style: ParaStyle;
  runs?: ParagraphBlock['runs'];
}

interface Styled<T> {
  start: number;
  end: number;
  style: T;
  fields: string;
}

interface CellSpec {
  lines: Line[];
  /** Data tables: the cell's text style without paragraph attributes (as Table.setAttributes does). */
  text?: { size: number; bold: boolean };
  /** Data tables: header cells are centred, other cells keep the document's paragraph defaults. */
  align?: Align;
}

interface TableSpec {
  rows: CellSpec[][];
  widths: number[];
  borderWidth: number;
}

/**
 * Index rules relied on (Docs API v1, documents.batchUpdate, structure guide "Work with tables"):
 * - a new document's body is a section break [0, 1) and one empty paragraph [1, 2);
 * - indexes count UTF-16 code units, as JavaScript string lengths do;
 * - insertText inserts before the given index; "\n" in the text ends a paragraph;
 * - insertTable at i first inserts a newline, so the table starts at i + 1 and what followed i
 *   (here always a paragraph's newline) follows the table as a paragraph of its own;
 * - an empty R×C table starting at s is 2 + R·(2C + 1) long and the newline of cell (r, c) is at
 *   s + 3 + r·(2C + 1) + 2c: text inserted there fills that cell;
 * - insertPageBreak inserts a page break followed by a newline (a paragraph of its own here);
 * - styled ranges stop short of the body's last newline (the segment's end, where the API is strictest).
 */
class Layout {
  readonly inserts: DocRequest[] = [];
  readonly tableStyles: DocRequest[] = [];
  readonly paraStyles: Styled<DocParagraphStyle>[] = [];
  readonly textStyles: Styled<DocTextStyle>[] = [];
  /** Where the next text goes: just before the newline ending the open (last) paragraph of the body. */
  private pos = 1;
  /** The model paragraph the open paragraph holds, if any; its range is known once its newline is. */
  private open: { start: number; line: Line } | null = null;
  /** Body text not sent yet: consecutive paragraphs go in one insertText. */
  private buf = '';
  private bufStart = 1;

  constructor(private readonly family: string) {}

  paragraph(line: Line): void {
    if (this.open) {
      this.text('\n');
      this.close(this.pos);
    }
    const start = this.pos;
    this.text(line.text);
    this.open = { start, line };
  }

  table(t: TableSpec): void {
    this.flush();
    // The table's own leading newline ends the open paragraph; an empty one stays above the table.
    if (this.open) this.close(this.pos + 1);
    else this.record(this.pos, this.pos + 1, { text: '', style: SPACER_STYLE });
    const rows = t.rows.length;
    const cols = t.rows[0].length;
    const start = this.pos + 1;
    this.inserts.push({ insertTable: { location: { index: this.pos }, rows, columns: cols } });
    const contents = t.rows.map((r) => r.map((c) => c.lines.map((l) => l.text).join('\n')));
    // Reverse order: the index of a cell in the empty table stays right while later cells are filled.
    for (let r = rows - 1; r >= 0; r--)
      for (let c = cols - 1; c >= 0; c--)
        if (contents[r][c]) this.inserts.push({ insertText: { location: { index: start + 3 + r * (2 * cols + 1) + 2 * c }, text: contents[r][c] } });
    // Final ranges over the filled table: table start, then per row a row start, per cell a cell start.
    let p = start + 1;
    // Data cells take their text style by whole rows: a range may span cells (as selecting rows in
    // the editor does), so a 1,000-row annex costs a few requests, not one per cell.
    let band: Styled<DocTextStyle> | null = null;
    t.rows.forEach((row, r) => {
      p += 1;
      const rowStart = p + 1;
      row.forEach((cell, c) => {
        p += 1;
        const end = p + contents[r][c].length + 1;
        if (cell.text) {
          if (cell.align) this.paraStyles.push({ start: p, end, style: { alignment: ALIGN[cell.align] }, fields: 'alignment' });
        } else {
          for (const l of cell.lines) {
            this.record(p, p + l.text.length + 1, l);
            p += l.text.length + 1;
          }
        }
        p = end;
      });
      const first = row[0].text;
      if (first && row.every((cell) => cell.text && cell.text.size === first.size && cell.text.bold === first.bold)) {
        const style: DocTextStyle = { weightedFontFamily: { fontFamily: this.family }, fontSize: pt(first.size), bold: first.bold, italic: false };
        if (band && JSON.stringify(band.style) === JSON.stringify(style)) band.end = p;
        else {
          band = { start: rowStart, end: p, style, fields: CELL_TEXT_FIELDS };
          this.textStyles.push(band);
        }
      } else {
        band = null;
        // A row of mixed cells (none today) keeps one range per cell.
        let q = rowStart;
        row.forEach((cell, c) => {
          const end = q + contents[r][c].length + 1;
          if (cell.text)
            this.textStyles.push({ start: q, end, style: { weightedFontFamily: { fontFamily: this.family }, fontSize: pt(cell.text.size), bold: cell.text.bold, italic: false }, fields: CELL_TEXT_FIELDS });
          q = end + 1;
        });
      }
    });
    p += 1;
    const border: TableCellBorder = { color: color(BLACK), width: pt(t.borderWidth), dashStyle: 'SOLID' };
    this.tableStyles.push({
      updateTableCellStyle: {
        tableStartLocation: { index: start },
        tableCellStyle: { borderTop: border, borderBottom: border, borderLeft: border, borderRight: border },
        fields: 'borderTop,borderBottom,borderLeft,borderRight',
      },
    });
    const byWidth = new Map<number, number[]>();
    t.widths.forEach((w, i) => byWidth.set(w, [...(byWidth.get(w) || []), i]));
    for (const [w, columnIndices] of byWidth)
      this.tableStyles.push({
        updateTableColumnProperties: {
          tableStartLocation: { index: start },
          columnIndices,
          tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt(w) },
          fields: 'widthType,width',
        },
      });
    // The newline that followed the insertion point now follows the table: an empty open paragraph.
    this.pos = p;
    this.bufStart = p;
  }

  /** A page break in a paragraph of its own, as Body.appendPageBreak makes it. */
  pageBreak(): void {
    if (this.open) {
      this.text('\n');
      this.close(this.pos);
    }
    this.flush();
    this.inserts.push({ insertPageBreak: { location: { index: this.pos } } });
    this.record(this.pos, this.pos + 2, { text: '', style: SPACER_STYLE });
    this.pos += 2;
    this.bufStart = this.pos;
  }

  /** Ends the body: the last paragraph's newline is the body's own and stays out of the ranges. */
  finish(): void {
    this.flush();
    if (this.open && this.pos > this.open.start) this.record(this.open.start, this.pos, this.open.line);
    this.open = null;
  }

  private text(s: string): void {
    this.buf += s;
    this.pos += s.length;
  }

  private flush(): void {
    if (this.buf) this.inserts.push({ insertText: { location: { index: this.bufStart }, text: this.buf } });
    this.buf = '';
    this.bufStart = this.pos;
  }

  private close(end: number): void {
    if (this.open) this.record(this.open.start, end, this.open.line);
    this.open = null;
  }

  /** Paragraph and text styles of the paragraph [start, end), its runs split out. */
  private record(start: number, end: number, l: Line): void {
    this.paraStyles.push({ start, end, style: paragraphStyle(l.style), fields: PARA_FIELDS });
    const base = { size: l.style.size, bold: l.style.bold, italic: l.style.italic, highlight: l.style.highlight };
    let at = start;
    for (const r of l.runs || []) {
      if (!r.text || at >= end) continue;
      const to = Math.min(end, at + r.text.length);
      this.textStyles.push({ start: at, end: to, style: textStyle(this.family, { ...base, bold: base.bold || r.bold, italic: base.italic || r.italic }), fields: TEXT_FIELDS });
      at = to;
    }
    if (at < end) this.textStyles.push({ start: at, end, style: textStyle(this.family, base), fields: TEXT_FIELDS });
  }
}

/** Adjacent ranges with the same style become one request (they never span a table: cells are not adjacent). */
function merged<T>(list: Styled<T>[]): Styled<T>[] {
  const out: Styled<T>[] = [];
  let lastKey = '';
  for (const s of list) {
    const key = s.fields + JSON.stringify(s.style);
    const last = out[out.length - 1];
    if (last && last.end === s.start && key === lastKey) last.end = s.end;
    else {
      out.push({ ...s });
      lastKey = key;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The document

/**
 * The requests of one documents.batchUpdate that turns a new, empty document into `model`, with the
 * page, header, body, closing and annexes of docs-renderer.ts. Inserts come first, front to back;
 * then table, paragraph and text styles with their final ranges (styling moves no index).
 */
export function buildDocRequests(input: DocModel): DocRequest[] {
  // Second guard: a character Docs drops would shift every later index and fail the whole batch.
  const model = cleanDocStrings(input);
  const L = new Layout(model.font.family);
  const base = model.font.size;
  const para = (text: string, style: ParaStyle, runs?: ParagraphBlock['runs']): void => L.paragraph({ text, style, runs });
  const rule = (widthPt: number): void => para(ruleText(widthPt), RULE_STYLE);
  const centre = (size: number, extra: Partial<ParaStyle> = {}): ParaStyle => ({ size, align: 'center', ...extra });
  // Upper-case names with stacked marks need the taller line (CAPS_LINE_SPACING).
  const caps = (size: number, extra: Partial<ParaStyle> = {}): ParaStyle => centre(size, { lineSpacing: CAPS_LINE_SPACING, ...extra });
  const ruleLine = (widthPt: number): Line => ({ text: ruleText(widthPt), style: RULE_STYLE });

  // ô 1–4: two rows so the Số (ô 3) and the date line (ô 4) sit on one level whatever the names' lengths.
  const h = model.header;
  L.table({
    widths: h.widths,
    borderWidth: 0,
    rows: [
      [
        {
          lines: [
            ...(h.parentOrg ? [{ text: h.parentOrg, style: caps(h.sizes.parentOrg) }] : []),
            ...h.org.split('\n').map((text) => ({ text, style: caps(h.sizes.org, { bold: true }) })),
            ruleLine(h.rules.orgPt),
          ],
        },
        { lines: [{ text: h.nation, style: caps(h.sizes.nation, { bold: true }) }, { text: h.motto, style: centre(h.sizes.motto, { bold: true }) }, ruleLine(h.rules.mottoPt)] },
      ],
      [{ lines: [{ text: h.number, style: centre(h.sizes.number, { spaceBefore: 6 }) }] }, { lines: [{ text: h.dateLine, style: centre(h.sizes.dateLine, { italic: true, spaceBefore: 6 }) }] }],
    ],
  });

  // ô 5a: tên loại and trích yếu, then Kính gửi.
  para(model.docType, { size: base, bold: true, align: 'center', spaceBefore: 18 });
  para(model.subject, { size: base, bold: true, align: 'center' });
  rule(90);
  model.recipients.forEach((r, i) =>
    para(r, model.recipients.length === 1 ? { size: base, align: 'center', spaceBefore: 6, spaceAfter: 6 } : { size: base, indentStart: i === 0 ? 100 : 150, spaceBefore: i === 0 ? 6 : 0 }),
  );

  const dataTable = (b: TableBlock): void => {
    const size = b.size || base;
    const bold = new Set(b.boldRows || []);
    if (b.header) bold.add(0);
    L.table({
      widths: b.widths || [],
      borderWidth: b.borderless ? 0 : TABLE_BORDER_PT,
      rows: b.rows.map((row, r) =>
        row.map((text) => ({ lines: [{ text, style: { size } }], text: { size, bold: bold.has(r) }, align: b.header && r === 0 ? ('center' as const) : undefined })),
      ),
    });
  };

  const blocks = (list: Block[]): void => {
    for (const b of list) {
      switch (b.t) {
        case 'p':
          para(b.text, bodyParaStyle(b, model), b.runs);
          break;
        case 'heading':
          para(b.text, headingStyle(b.level, model));
          break;
        case 'table':
          if (b.rows.length && b.rows[0].length) dataTable(b);
          break;
        case 'pagebreak':
          L.pageBreak();
          break;
        case 'rule':
          rule(b.widthPt);
          break;
      }
    }
  };

  blocks(model.blocks);

  // ô 7 and ô 9b: Nơi nhận bottom left, level with the signer's title bottom right.
  const sig = model.closing.signer;
  const sigTitle = centre(base, { bold: true });
  L.table({
    widths: h.widths,
    borderWidth: 0,
    rows: [
      [
        { lines: [{ text: 'Nơi nhận:', style: { size: 12, bold: true, italic: true, spaceBefore: 12 } }, ...model.closing.noiNhan.map((text) => ({ text, style: { size: 11 } }))] },
        {
          lines: [
            ...(sig.authority ? [{ text: sig.authority, style: centre(base, { bold: true, spaceBefore: 12 }) }] : []),
            { text: sig.title, style: sig.authority ? sigTitle : centre(base, { bold: true, spaceBefore: 12 }) },
            ...Array.from({ length: SIGNATURE_SPACE_LINES }, () => ({ text: '', style: centre(base) })),
            { text: sig.name, style: sig.namePlaceholder ? { ...sigTitle, highlight: true } : sigTitle },
          ],
        },
      ],
    ],
  });

  for (const a of model.annexes) {
    L.pageBreak();
    para(a.title, { size: base, bold: true, align: 'center' });
    para(a.subtitle, { size: base, bold: true, align: 'center' });
    para(a.note, { size: base, italic: true, align: 'center', spaceAfter: 12 });
    blocks(a.blocks);
  }
  L.finish();

  const m = model.page.margins;
  return [
    {
      updateDocumentStyle: {
        documentStyle: {
          pageSize: { width: pt(model.page.width), height: pt(model.page.height) },
          marginTop: pt(m.top),
          marginBottom: pt(m.bottom),
          marginLeft: pt(m.left),
          marginRight: pt(m.right),
          // A user whose Docs makes new documents pageless would see no A4 page, margins or page breaks.
          documentFormat: { documentMode: 'PAGES' },
        },
        fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight,documentFormat',
      },
    },
    ...L.inserts,
    ...L.tableStyles,
    ...merged(L.paraStyles).map((s): DocRequest => ({ updateParagraphStyle: { range: { startIndex: s.start, endIndex: s.end }, paragraphStyle: s.style, fields: s.fields } })),
    ...merged(L.textStyles).map((s): DocRequest => ({ updateTextStyle: { range: { startIndex: s.start, endIndex: s.end }, textStyle: s.style, fields: s.fields } })),
  ];
}

// ---------------------------------------------------------------------------------------------------
// Batches

/**
 * Bounds of one documents.batchUpdate. Google documents no cap; tools that send long batches cap at 50 or 500
 * requests. 500 requests or 256 KB of JSON, whichever comes first: the yearly report with a 1,000-event annex
 * (about 7,200 requests, 0.5 MB) goes in about 15 calls, each far from any payload limit and a few seconds of
 * Google's time, so no single call nears the 6-minute run limit, while the call count stays small and flat
 * (the annex is capped, so the batches are too).
 */
export const BATCH_LIMITS = { requests: 500, bytes: 256 * 1024 } as const;

/** UTF-8 length of a string (no TextEncoder on Apps Script). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/**
 * Consecutive batches of at most `limits.requests` requests and `limits.bytes` bytes of JSON each (a request
 * larger than the byte bound goes alone). Docs applies a batch's requests in order, so on a new document
 * consecutive batches build what one batch would.
 */
export function splitBatches<T>(requests: T[], limits: { requests: number; bytes: number } = BATCH_LIMITS): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let bytes = 2;
  for (const r of requests) {
    const size = utf8Length(JSON.stringify(r)) + 1;
    if (cur.length && (cur.length >= limits.requests || bytes + size > limits.bytes)) {
      out.push(cur);
      cur = [];
      bytes = 2;
    }
    cur.push(r);
    bytes += size;
  }
  if (cur.length) out.push(cur);
  return out;
}
