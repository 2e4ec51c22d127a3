// Structured Google Docs model kept by the DocumentApp fake; exported as JSON (for HTML/.docx rendering) and as PDF.

import { renderTextPdf, type PdfLine } from './pdf';

export type Attrs = Record<string, unknown>;
export interface TextRun {
  text: string;
  attrs: Attrs;
}
export interface ParaNode {
  type: 'PARAGRAPH' | 'LIST_ITEM';
  runs: TextRun[];
  heading: string;
  /** Paragraph attributes; text attributes here apply to the whole paragraph unless a run overrides them. */
  attrs: Attrs;
  glyph?: string;
  nesting?: number;
  listId?: string;
}
export interface CellNode {
  children: DocNode[];
  attrs: Attrs;
}
export interface RowNode {
  cells: CellNode[];
  attrs: Attrs;
}
export interface TableNode {
  type: 'TABLE';
  rows: RowNode[];
  attrs: Attrs;
  columnWidths: Record<number, number>;
}
export type DocNode = ParaNode | TableNode | { type: 'PAGE_BREAK' } | { type: 'HORIZONTAL_RULE' };

export interface DocModel {
  margins: { top: number; bottom: number; left: number; right: number };
  pageWidth: number;
  pageHeight: number;
  header: DocNode[] | null;
  footer: DocNode[] | null;
  body: DocNode[];
  bodyAttrs: Attrs;
  /** Docs' documentStyle.documentFormat.documentMode; absent means PAGES. */
  documentMode?: 'PAGES' | 'PAGELESS';
}

export interface DocState {
  id: string;
  name: string;
  owner: string;
  createdAt: number;
  current: DocModel;
  /** What exports see: the content as of the last saveAndClose (or creation). */
  saved: DocModel;
  savedAt: number;
}

export const TEXT_ATTRS = new Set(['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'FONT_SIZE', 'FONT_FAMILY', 'FOREGROUND_COLOR', 'BACKGROUND_COLOR', 'LINK_URL']);

export function newPara(text = '', type: 'PARAGRAPH' | 'LIST_ITEM' = 'PARAGRAPH'): ParaNode {
  const p: ParaNode = { type, runs: text ? [{ text, attrs: {} }] : [], heading: 'NORMAL', attrs: {} };
  if (type === 'LIST_ITEM') {
    p.glyph = 'BULLET';
    p.nesting = 0;
  }
  return p;
}

export function newDocModel(): DocModel {
  // Letter size with 1 inch margins: the Docs default for a new document.
  return { margins: { top: 72, bottom: 72, left: 72, right: 72 }, pageWidth: 612, pageHeight: 792, header: null, footer: null, body: [newPara()], bodyAttrs: {} };
}

export function paraText(p: ParaNode): string {
  return p.runs.map((r) => r.text).join('');
}

export function nodeText(n: DocNode): string {
  if (n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM') return paraText(n);
  if (n.type === 'TABLE') return n.rows.map((r) => r.cells.map((c) => c.children.map(nodeText).join('\n')).join('\t')).join('\n');
  return '';
}

/** Splits runs so that [start, endExclusive) is covered by whole runs; returns those runs. */
export function splitRuns(p: ParaNode, start: number, end: number): TextRun[] {
  const out: TextRun[] = [];
  const runs: TextRun[] = [];
  let pos = 0;
  for (const r of p.runs) {
    const a = pos;
    const b = pos + r.text.length;
    pos = b;
    const cuts = [a, Math.max(a, Math.min(b, start)), Math.max(a, Math.min(b, end)), b];
    for (let i = 0; i < 3; i++) {
      if (cuts[i + 1] <= cuts[i]) continue;
      const piece = { text: r.text.slice(cuts[i] - a, cuts[i + 1] - a), attrs: { ...r.attrs } };
      runs.push(piece);
      if (cuts[i] >= start && cuts[i + 1] <= end) out.push(piece);
    }
  }
  p.runs = runs;
  return out;
}

/** Merges adjacent runs with equal attributes to keep the model small. */
export function normalizeRuns(p: ParaNode): void {
  const out: TextRun[] = [];
  for (const r of p.runs) {
    if (!r.text) continue;
    const last = out[out.length - 1];
    if (last && JSON.stringify(last.attrs) === JSON.stringify(r.attrs)) last.text += r.text;
    else out.push(r);
  }
  p.runs = out;
}

// ---------- JSON export ----------

export interface RunJson {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  fontSize: number | null;
  fontFamily: string | null;
  color: string | null;
  background: string | null;
  link: string | null;
}
export type NodeJson =
  | { type: 'PARAGRAPH' | 'LIST_ITEM'; text: string; heading: string; alignment: string | null; attrs: Attrs; runs: RunJson[]; glyph?: string; nesting?: number }
  | { type: 'TABLE'; attrs: Attrs; columnWidths: Record<number, number>; rows: { attrs: Attrs; cells: { text: string; attrs: Attrs; children: NodeJson[] }[] }[] }
  | { type: 'PAGE_BREAK' }
  | { type: 'HORIZONTAL_RULE' };
export interface DocJson {
  id: string;
  name: string;
  margins: { top: number; bottom: number; left: number; right: number };
  pageWidth: number;
  pageHeight: number;
  documentMode: 'PAGES' | 'PAGELESS';
  header: NodeJson[] | null;
  footer: NodeJson[] | null;
  body: NodeJson[];
}

function runJson(p: ParaNode, r: TextRun): RunJson {
  const a = { ...Object.fromEntries(Object.entries(p.attrs).filter(([k]) => TEXT_ATTRS.has(k))), ...r.attrs };
  const s = (v: unknown) => (v === undefined || v === null ? null : String(v));
  return {
    text: r.text,
    bold: a.BOLD === true,
    italic: a.ITALIC === true,
    underline: a.UNDERLINE === true,
    strikethrough: a.STRIKETHROUGH === true,
    fontSize: typeof a.FONT_SIZE === 'number' ? a.FONT_SIZE : null,
    fontFamily: s(a.FONT_FAMILY),
    color: s(a.FOREGROUND_COLOR),
    background: s(a.BACKGROUND_COLOR),
    link: s(a.LINK_URL),
  };
}

export function nodeJson(n: DocNode): NodeJson {
  if (n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM') {
    const out: NodeJson = { type: n.type, text: paraText(n), heading: n.heading, alignment: (n.attrs.HORIZONTAL_ALIGNMENT as string) ?? null, attrs: { ...n.attrs }, runs: n.runs.map((r) => runJson(n, r)) };
    if (n.type === 'LIST_ITEM') {
      out.glyph = n.glyph;
      out.nesting = n.nesting;
    }
    return out;
  }
  if (n.type === 'TABLE')
    return {
      type: 'TABLE',
      attrs: { ...n.attrs },
      columnWidths: { ...n.columnWidths },
      rows: n.rows.map((r) => ({ attrs: { ...r.attrs }, cells: r.cells.map((c) => ({ text: c.children.map(nodeText).join('\n'), attrs: { ...c.attrs }, children: c.children.map(nodeJson) })) })),
    };
  return { type: n.type };
}

export function docJson(id: string, name: string, m: DocModel): DocJson {
  return {
    id,
    name,
    margins: { ...m.margins },
    pageWidth: m.pageWidth,
    pageHeight: m.pageHeight,
    documentMode: m.documentMode ?? 'PAGES',
    header: m.header ? m.header.map(nodeJson) : null,
    footer: m.footer ? m.footer.map(nodeJson) : null,
    body: m.body.map(nodeJson),
  };
}

// ---------- PDF ----------

const HEADING_SIZE: Record<string, number> = { TITLE: 26, SUBTITLE: 15, HEADING1: 20, HEADING2: 16, HEADING3: 14, HEADING4: 12, HEADING5: 11, HEADING6: 11 };

function paraLines(p: ParaNode, prefix = ''): PdfLine {
  const runs = p.runs.map((r) => runJson(p, r));
  const size = (p.attrs.FONT_SIZE as number | undefined) ?? runs.find((r) => r.fontSize)?.fontSize ?? HEADING_SIZE[p.heading] ?? 11;
  const allBold = runs.length > 0 && runs.every((r) => r.bold);
  const allItalic = runs.length > 0 && runs.every((r) => r.italic);
  const align = String(p.attrs.HORIZONTAL_ALIGNMENT ?? 'LEFT').toLowerCase() as PdfLine['align'];
  return {
    text: prefix + paraText(p),
    size,
    bold: allBold || (p.heading !== 'NORMAL' && p.heading !== 'SUBTITLE'),
    italic: allItalic,
    align,
    indent: typeof p.attrs.INDENT_START === 'number' ? (p.attrs.INDENT_START as number) : 0,
    spaceBefore: typeof p.attrs.SPACING_BEFORE === 'number' ? (p.attrs.SPACING_BEFORE as number) : 0,
    spaceAfter: typeof p.attrs.SPACING_AFTER === 'number' ? (p.attrs.SPACING_AFTER as number) : undefined,
  };
}

function nodesToLines(nodes: DocNode[]): PdfLine[] {
  const out: PdfLine[] = [];
  const counters: Record<string, number> = {};
  for (const n of nodes) {
    if (n.type === 'PARAGRAPH') out.push(paraLines(n));
    else if (n.type === 'LIST_ITEM') {
      const key = n.listId ?? 'default';
      counters[key] = (counters[key] ?? 0) + 1;
      const numbered = /NUMBER|LATIN|ROMAN/.test(n.glyph ?? '');
      out.push({ ...paraLines(n, numbered ? `${counters[key]}. ` : '- '), indent: 18 * ((n.nesting ?? 0) + 1) });
    } else if (n.type === 'TABLE') {
      for (const row of n.rows) out.push({ text: row.cells.map((c) => c.children.map(nodeText).join(' ')).join(' | '), size: 10 });
      out.push({ text: '', size: 6 });
    } else if (n.type === 'PAGE_BREAK') out.push({ text: '', pageBreak: true });
    else out.push({ text: '________________________________________', size: 8 });
  }
  return out;
}

export function docPdf(name: string, m: DocModel): Uint8Array {
  const text = (ns: DocNode[] | null) => (ns ? ns.map(nodeText).filter((t) => t.trim()) : []);
  return renderTextPdf(name, nodesToLines(m.body), { pageWidth: m.pageWidth, pageHeight: m.pageHeight, margins: m.margins, header: text(m.header), footer: text(m.footer) });
}
