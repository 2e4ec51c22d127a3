// Structured Google Docs model kept by the DocumentApp fake; exported as JSON (for HTML/.docx rendering) and as PDF.

import { renderDocPdf } from './pdf';

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

/** The document as Docs exports it to PDF (what getAs('application/pdf') returns). */
export function docPdf(name: string, m: DocModel, savedAt?: number): Uint8Array {
  return renderDocPdf(name, m, savedAt === undefined ? undefined : new Date(savedAt));
}
