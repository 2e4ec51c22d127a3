// Files a user takes out of the local run: the workbook as .xlsx, a Doc as .docx, an email as .eml (pure functions of the fake state).
import ExcelJS from 'exceljs';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
} from 'docx';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { DocJson, FakeGoogle, NodeJson, SentMail } from '../fakes/index';
import type { CellState, DvState, SheetState, SpreadsheetState } from '../fakes/core';
import { cellValue, lastCol, lastRow } from '../fakes/sheet-model';
import { colToLetters } from '../fakes/values';
import { zoned } from '../fakes/tz';
import { DEFAULT_FONT } from './doc-html';

// ---------------------------------------------------------------------------------------------
// .xlsx

const argb = (hex: string): string => {
  const h = hex.replace('#', '');
  const six = h.length === 3 ? h.replace(/(.)/g, '$1$1') : h.slice(0, 6);
  return `FF${six.toUpperCase()}`;
};

/** A stored instant as the wall-clock date Excel expects (serials have no time zone). */
function excelDate(d: Date, tz: string): Date {
  const z = zoned(d.getTime(), tz);
  return new Date(Date.UTC(z.y, z.M - 1, z.d, z.H, z.m, z.s));
}

function sheetRef(ss: SpreadsheetState, ref: { sheet: number; r: number; c: number; nr: number; nc: number }): string | null {
  const sh = ss.sheets.find((s) => s.id === ref.sheet);
  if (!sh) return null;
  const a = `$${colToLetters(ref.c)}$${ref.r}`;
  const b = `$${colToLetters(ref.c + ref.nc - 1)}$${ref.r + ref.nr - 1}`;
  return `'${sh.name.replace(/'/g, "''")}'!${a}:${b}`;
}

/** A Sheets validation rule as Excel's; null when Excel has no equivalent. */
function excelValidation(ss: SpreadsheetState, dv: DvState): ExcelJS.DataValidation | null {
  const base = {
    allowBlank: true,
    showInputMessage: !!dv.helpText,
    prompt: dv.helpText ?? undefined,
    showErrorMessage: true,
    // Sheets' "show a warning" (allowInvalid) is Excel's warning style: the value may still be kept.
    errorStyle: dv.allowInvalid ? 'warning' : 'stop',
    error: dv.helpText ?? undefined,
  } as const;
  const v = dv.values;
  switch (dv.type) {
    case 'VALUE_IN_LIST': {
      const list = (Array.isArray(v[0]) ? (v[0] as unknown[]) : []).map((x) => String(x).replace(/"/g, '""'));
      return { ...base, type: 'list', formulae: [`"${list.join(',')}"`] };
    }
    case 'VALUE_IN_RANGE': {
      const ref = (v[0] as { range?: { sheet: number; r: number; c: number; nr: number; nc: number } } | undefined)?.range;
      const f = ref && sheetRef(ss, ref);
      return f ? { ...base, type: 'list', formulae: [f] } : null;
    }
    case 'NUMBER_BETWEEN':
      return { ...base, type: 'decimal', operator: 'between', formulae: [Number(v[0]), Number(v[1])] };
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [Number(v[0])] };
    case 'NUMBER_GREATER_THAN':
      return { ...base, type: 'decimal', operator: 'greaterThan', formulae: [Number(v[0])] };
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return { ...base, type: 'decimal', operator: 'lessThanOrEqual', formulae: [Number(v[0])] };
    case 'DATE_IS_VALID_DATE':
      return { ...base, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))] };
    default:
      return null;
  }
}

function styleCell(cell: ExcelJS.Cell, st: CellState): void {
  if (st.nf && st.nf !== 'General') cell.numFmt = st.nf;
  if (st.bg && st.bg.toLowerCase() !== '#ffffff') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(st.bg) } };
  const font: Partial<ExcelJS.Font> = {};
  if (st.fw === 'bold') font.bold = true;
  if (st.fst === 'italic') font.italic = true;
  if (st.fc && st.fc.toLowerCase() !== '#000000') font.color = { argb: argb(st.fc) };
  if (st.fs) font.size = st.fs;
  if (Object.keys(font).length) cell.font = font;
  const al: Partial<ExcelJS.Alignment> = {};
  if (st.wrap) al.wrapText = true;
  if (st.ha) al.horizontal = st.ha.toLowerCase() === 'center' ? 'center' : st.ha.toLowerCase() === 'right' ? 'right' : 'left';
  if (st.va) al.vertical = st.va.toLowerCase() === 'middle' ? 'middle' : (st.va.toLowerCase() as 'top' | 'bottom');
  if (Object.keys(al).length) cell.alignment = al;
  if (st.note) cell.note = st.note;
}

function addSheet(wb: ExcelJS.Workbook, ss: SpreadsheetState, sh: SheetState): void {
  const ws = wb.addWorksheet(sh.name, {
    views: [{ state: sh.frozenRows || sh.frozenCols ? 'frozen' : 'normal', ySplit: sh.frozenRows, xSplit: sh.frozenCols }],
    properties: sh.tabColor ? { tabColor: { argb: argb(sh.tabColor) } } : undefined,
  });
  for (const [c, px] of Object.entries(sh.colWidths)) ws.getColumn(Number(c)).width = Math.round((px / 7) * 10) / 10;
  for (const c of sh.hiddenCols) ws.getColumn(c).hidden = true;
  const rows = lastRow(sh);
  const cols = lastCol(sh);
  // Validations: contiguous runs of one rule down a column become one range, like Sheets stores them.
  const runs: { col: number; from: number; to: number; key: string; dv: DvState }[] = [];
  for (let r = 1; r <= sh.rows.length; r++) {
    const row = sh.rows[r - 1];
    if (!row) continue;
    for (let c = 1; c <= row.length; c++) {
      const st = row[c - 1];
      if (!st) continue;
      if (r <= rows && c <= Math.max(cols, row.length)) {
        const v = cellValue(ss, sh, r, c);
        const cell = ws.getCell(r, c);
        if (st.f) cell.value = { formula: st.f.replace(/^=/, ''), result: v instanceof Date ? excelDate(v, ss.timeZone) : (v as string | number | boolean) };
        else if (v instanceof Date) cell.value = excelDate(v, ss.timeZone);
        else if (v !== '') cell.value = v;
        styleCell(cell, st);
      } else if (st.nf || st.bg || st.note) {
        // Formatted empty rows below the data (date columns, fills) keep their formats.
        styleCell(ws.getCell(r, c), st);
      }
      if (st.dv) {
        const key = JSON.stringify(st.dv);
        const last = runs.find((x) => x.col === c && x.to === r - 1 && x.key === key);
        if (last) last.to = r;
        else runs.push({ col: c, from: r, to: r, key, dv: st.dv });
      }
    }
  }
  const wsDv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const run of runs) {
    const v = excelValidation(ss, run.dv);
    if (!v) continue;
    const a = `${colToLetters(run.col)}${run.from}`;
    wsDv.add(run.from === run.to ? a : `${a}:${colToLetters(run.col)}${run.to}`, v);
  }
  for (const m of sh.merges) ws.mergeCells(m);
}

/** The container workbook (or another spreadsheet) as an .xlsx file. */
export async function workbookXlsx(google: FakeGoogle, spreadsheetId = google.activeSpreadsheetId as string): Promise<Buffer> {
  const ss = google.state.spreadsheets[spreadsheetId];
  if (!ss) throw new Error(`No spreadsheet ${spreadsheetId}`);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LHH Tracker';
  wb.created = new Date(ss.createdAt);
  wb.title = ss.name;
  for (const sh of ss.sheets) addSheet(wb, ss, sh);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// .docx

type Attrs = Record<string, unknown>;
const twip = (pt: number) => Math.round(pt * 20);
const numOr = (v: unknown, d: number | null = null): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const hex = (c: unknown): string | undefined => (typeof c === 'string' && /^#?[0-9a-f]{3,8}$/i.test(c) ? argb(c).slice(2) : undefined);
const TEXT_KEYS = ['FONT_FAMILY', 'FONT_SIZE', 'BOLD', 'ITALIC', 'UNDERLINE', 'FOREGROUND_COLOR'];
const pickText = (a: Attrs): Attrs => Object.fromEntries(Object.entries(a).filter(([k, v]) => TEXT_KEYS.includes(k) && v !== null && v !== undefined));

const ALIGN: Record<string, (typeof AlignmentType)[keyof typeof AlignmentType]> = { LEFT: AlignmentType.LEFT, CENTER: AlignmentType.CENTER, RIGHT: AlignmentType.RIGHT, JUSTIFY: AlignmentType.JUSTIFIED };
const HEADINGS: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = { HEADING1: HeadingLevel.HEADING_1, HEADING2: HeadingLevel.HEADING_2, HEADING3: HeadingLevel.HEADING_3, HEADING4: HeadingLevel.HEADING_4, HEADING5: HeadingLevel.HEADING_5, HEADING6: HeadingLevel.HEADING_6, TITLE: HeadingLevel.TITLE };

function docxParagraph(n: Extract<NodeJson, { type: 'PARAGRAPH' | 'LIST_ITEM' }>, inherited: Attrs): Paragraph {
  const a = n.attrs;
  const text = { ...inherited, ...pickText(a) };
  const runs = n.runs.map((r) => {
    const size = r.fontSize ?? numOr(text.FONT_SIZE);
    return new TextRun({
      text: r.text.replace(/\r|\v/g, '\n'),
      bold: r.bold || (text.BOLD === true && r.bold !== false) || undefined,
      italics: r.italic || text.ITALIC === true || undefined,
      underline: r.underline || text.UNDERLINE === true ? {} : undefined,
      strike: r.strikethrough || undefined,
      size: size ? Math.round(size * 2) : undefined,
      font: r.fontFamily ?? (text.FONT_FAMILY as string | undefined),
      color: hex(r.color ?? text.FOREGROUND_COLOR),
      shading: hex(r.background) ? { type: ShadingType.CLEAR, fill: hex(r.background), color: 'auto' } : undefined,
    });
  });
  const ls = numOr(a.LINE_SPACING);
  const start = numOr(a.INDENT_START, 0) as number;
  const first = numOr(a.INDENT_FIRST_LINE);
  const opts: IParagraphOptions = {
    children: runs,
    alignment: ALIGN[String(n.alignment ?? a.HORIZONTAL_ALIGNMENT ?? 'LEFT')] ?? AlignmentType.LEFT,
    heading: HEADINGS[n.heading],
    spacing: { before: twip(numOr(a.SPACING_BEFORE, 0) as number), after: twip(numOr(a.SPACING_AFTER, 0) as number), line: ls ? Math.round(ls * 240) : undefined },
    indent: n.type === 'LIST_ITEM' ? undefined : { left: twip(start), firstLine: first !== null && first > start ? twip(first - start) : undefined, hanging: first !== null && first < start ? twip(start - first) : undefined },
    bullet: n.type === 'LIST_ITEM' ? { level: n.nesting ?? 0 } : undefined,
    shading: hex(a.BACKGROUND_COLOR) ? { type: ShadingType.CLEAR, fill: hex(a.BACKGROUND_COLOR), color: 'auto' } : undefined,
  };
  return new Paragraph(opts);
}

function docxTable(n: Extract<NodeJson, { type: 'TABLE' }>, inherited: Attrs, contentWidthPt: number): Table {
  const a = n.attrs;
  const bw = numOr(a.BORDER_WIDTH, 1) as number;
  const side: IBorderOptions = bw > 0 ? { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(bw * 8)), color: hex(a.BORDER_COLOR) ?? '000000' } : { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borders = { top: side, bottom: side, left: side, right: side, insideHorizontal: side, insideVertical: side };
  const ncols = Math.max(1, ...n.rows.map((r) => r.cells.length));
  const known = Object.values(n.columnWidths).reduce((s, w) => s + w, 0);
  const unknown = ncols - Object.keys(n.columnWidths).filter((k) => Number(k) < ncols).length;
  const rest = unknown > 0 ? Math.max(36, (contentWidthPt - known) / unknown) : 0;
  const widths = Array.from({ length: ncols }, (_, i) => twip(n.columnWidths[i] ?? rest));
  const tText = { ...inherited, ...pickText(a) };
  const rows = n.rows.map(
    (row) =>
      new TableRow({
        children: row.cells.map((c, i) => {
          const kids = docxNodes(c.children, { ...tText, ...pickText(row.attrs), ...pickText(c.attrs) }, (widths[i] ?? twip(rest)) / 20);
          return new TableCell({
            children: kids.length ? kids : [new Paragraph('')],
            width: { size: widths[i], type: WidthType.DXA },
            borders: { top: side, bottom: side, left: side, right: side },
            shading: hex(c.attrs.BACKGROUND_COLOR) ? { type: ShadingType.CLEAR, fill: hex(c.attrs.BACKGROUND_COLOR), color: 'auto' } : undefined,
          });
        }),
      }),
  );
  return new Table({ rows, columnWidths: widths, width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA }, borders });
}

function docxNodes(nodes: NodeJson[], inherited: Attrs, widthPt: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const n of nodes) {
    if (n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM') out.push(docxParagraph(n, inherited));
    else if (n.type === 'TABLE') {
      out.push(docxTable(n, inherited, widthPt));
      // Word needs a paragraph between a table and what follows, as Docs has.
      out.push(new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }));
    } else if (n.type === 'PAGE_BREAK') out.push(new Paragraph({ children: [new PageBreak()] }));
    else out.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, children: [] }));
  }
  return out;
}

/** Where the page number sits: in the top margin, 10 mm from the page's edge. */
const PAGE_NUMBER_FROM_TOP = 28.35;
/** ND30 page-number size: 13–14 pt. */
const PAGE_NUMBER_SIZE = 13;

function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, children: [new TextRun({ children: [PageNumber.CURRENT], font: DEFAULT_FONT, size: PAGE_NUMBER_SIZE * 2 })] })],
  });
}

/** A document (from google.document(id, { saved: true })) as a .docx file with the same page, fonts and tables, numbered per ND30 from page 2. */
export async function documentDocx(doc: DocJson): Promise<Buffer> {
  const m = doc.margins;
  const contentWidth = doc.pageWidth - m.left - m.right;
  const d = new Document({
    creator: 'LHH Tracker',
    title: doc.name,
    styles: { default: { document: { run: { font: DEFAULT_FONT, size: 26 } } } },
    sections: [
      {
        properties: {
          page: { size: { width: twip(doc.pageWidth), height: twip(doc.pageHeight) }, margin: { top: twip(m.top), bottom: twip(m.bottom), left: twip(m.left), right: twip(m.right), header: twip(PAGE_NUMBER_FROM_TOP) } },
          // Nghị định 30: page numbers centred in the top margin, from page 2 (page 1 has its own, empty header).
          titlePage: true,
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children: docxNodes(doc.body, {}, contentWidth),
      },
    ],
  });
  return Packer.toBuffer(d);
}

// ---------------------------------------------------------------------------------------------
// .eml

/** An outbox entry as an RFC 5322 message (MIME, UTF-8 headers, attachments). */
export async function mailEml(mail: SentMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: mail.name ? { name: mail.name, address: mail.from } : mail.from,
    to: mail.to || undefined,
    cc: mail.cc || undefined,
    bcc: mail.bcc || undefined,
    replyTo: mail.replyTo ?? undefined,
    subject: mail.subject,
    text: mail.body,
    html: mail.htmlBody ?? undefined,
    date: mail.sentAt,
    attachments: mail.attachments.map((a) => ({ filename: a.name, content: Buffer.from(a.bytes), contentType: a.contentType })),
  });
  return composer.compile().build();
}

/** File-name-safe version of a title (downloads keep Vietnamese letters, drop path characters). */
export function fileName(name: string, ext: string): string {
  const base = name.replace(/[\\/:*?"<>|\r\n]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 150) || 'file';
  return `${base}.${ext}`;
}
