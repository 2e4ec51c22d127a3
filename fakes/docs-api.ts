// Docs API v1 advanced service (the `Docs` global): documents.create/get/batchUpdate over the DocumentApp fake's document model.
//
// The API addresses a document by UTF-16 index; the DocumentApp fake keeps a tree (doc-model.ts). Every request lays the
// tree out afresh (layout()) and edits it, so what the API writes is what DocumentApp, Drive, the PDF export and
// FakeGoogle.document() read, in the attributes DocumentApp itself would have set.
//
// Index rules (sources in the report of this fake; see also test/fakes/docs-api.test.ts):
// - the body starts with a section break [0, 1); its content starts at 1;
// - a paragraph spans its text, then its newline; a page break or horizontal rule is one index inside a paragraph;
// - a table spans: 1 (table start), per row 1 (row start), per cell 1 (cell start) + the cell's content, then 1 (table end);
//   so in an empty R×C table starting at s, cell (r, c) holds an empty paragraph at s + 3 + r·(2C + 1) + 2c;
// - insertTable at i inserts a newline at i first: the table starts at i + 1, the rest of the paragraph follows the table;
// - insertPageBreak inserts a page break and a newline.
//
// Model mapping for page breaks: a PAGE_BREAK node on its own is the paragraph "[PB]\n"; a PAGE_BREAK node marked
// `inParagraph` ends the text of the paragraph before it ("text[PB]\n"). Other mixes of text and breaks are refused as a
// limitation of the fake (a plain Error naming the fake, never an API-looking error).

import { Fake, gasError, wrap, type Exec } from './core';
import { createDocState } from './document';
import { TEXT_ATTRS, newPara, normalizeRuns, paraText, splitRuns, type Attrs, type CellNode, type DocModel, type DocNode, type DocState, type ParaNode, type TableNode } from './doc-model';

type Json = Record<string, unknown>;

class ApiError {
  constructor(
    readonly message: string,
    readonly code = 400,
  ) {}
}

/** A limitation of this fake, not of Google: a plain Error that says so. */
function unsupported(what: string): never {
  throw new Error(`Docs API fake: ${what} is not modelled by the fake.`);
}

const BOUNDS = 'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.';
const BAD_DELETE = 'Invalid deletion range. Cannot delete the requested range.';
const NO_FIELDS = "At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)";
const V1 = 'type.googleapis.com/google.apps.docs.v1.';

/** The requests Google knows; those not implemented here are refused as a limitation of the fake. */
const KNOWN_REQUESTS = [
  'replaceAllText', 'insertText', 'updateTextStyle', 'createParagraphBullets', 'deleteParagraphBullets', 'createNamedRange', 'deleteNamedRange',
  'updateParagraphStyle', 'deleteContentRange', 'insertInlineImage', 'insertTable', 'insertTableRow', 'insertTableColumn', 'deleteTableRow',
  'deleteTableColumn', 'insertPageBreak', 'deletePositionedObject', 'updateTableColumnProperties', 'updateTableCellStyle', 'updateTableRowStyle',
  'replaceImage', 'updateDocumentStyle', 'mergeTableCells', 'unmergeTableCells', 'createHeader', 'createFooter', 'createFootnote',
  'replaceNamedRangeContent', 'updateSectionStyle', 'insertSectionBreak', 'deleteHeader', 'deleteFooter', 'pinTableHeaderRows', 'addDocumentTab',
  'deleteTab', 'updateDocumentTabProperties', 'insertPerson', 'insertDate',
];

const TEXT_STYLE_FIELDS = ['backgroundColor', 'baselineOffset', 'bold', 'fontSize', 'foregroundColor', 'italic', 'link', 'smallCaps', 'strikethrough', 'underline', 'weightedFontFamily'];
const PARA_STYLE_FIELDS = [
  'alignment', 'avoidWidowAndOrphan', 'borderBetween', 'borderBottom', 'borderLeft', 'borderRight', 'borderTop', 'direction', 'headingId', 'indentEnd',
  'indentFirstLine', 'indentStart', 'keepLinesTogether', 'keepWithNext', 'lineSpacing', 'namedStyleType', 'pageBreakBefore', 'shading', 'spaceAbove',
  'spaceBelow', 'spacingMode', 'tabStops',
];
const CELL_STYLE_FIELDS = ['backgroundColor', 'borderBottom', 'borderLeft', 'borderRight', 'borderTop', 'columnSpan', 'contentAlignment', 'paddingBottom', 'paddingLeft', 'paddingRight', 'paddingTop', 'rowSpan'];
const DOC_STYLE_FIELDS = [
  'background', 'defaultFooterId', 'defaultHeaderId', 'documentFormat', 'evenPageFooterId', 'evenPageHeaderId', 'firstPageFooterId', 'firstPageHeaderId',
  'flipPageOrientation', 'marginBottom', 'marginFooter', 'marginHeader', 'marginLeft', 'marginRight', 'marginTop', 'pageNumberStart', 'pageSize',
  'useCustomHeaderFooterMargins', 'useEvenPageHeaderFooter', 'useFirstPageHeaderFooter',
];

const NAMED: Record<string, string> = {
  NORMAL_TEXT: 'NORMAL',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
  HEADING_1: 'HEADING1',
  HEADING_2: 'HEADING2',
  HEADING_3: 'HEADING3',
  HEADING_4: 'HEADING4',
  HEADING_5: 'HEADING5',
  HEADING_6: 'HEADING6',
};
const HEADING_TO_NAMED: Record<string, string> = Object.fromEntries(Object.entries(NAMED).map(([k, v]) => [v, k]));
const ALIGN_IN: Record<string, string> = { START: 'LEFT', CENTER: 'CENTER', END: 'RIGHT', JUSTIFIED: 'JUSTIFY' };
const ALIGN_OUT: Record<string, string> = { LEFT: 'START', CENTER: 'CENTER', RIGHT: 'END', JUSTIFY: 'JUSTIFIED' };
const VALIGN_IN: Record<string, string> = { TOP: 'TOP', MIDDLE: 'CENTER', BOTTOM: 'BOTTOM' };
const VALIGN_OUT: Record<string, string> = { TOP: 'TOP', CENTER: 'MIDDLE', BOTTOM: 'BOTTOM' };
/** Dimension fields of ParagraphStyle and the DocumentApp attribute each one is. */
const PARA_DIMS: Record<string, string> = { indentFirstLine: 'INDENT_FIRST_LINE', indentStart: 'INDENT_START', indentEnd: 'INDENT_END', spaceAbove: 'SPACING_BEFORE', spaceBelow: 'SPACING_AFTER' };
const PADDINGS: Record<string, string> = { paddingTop: 'PADDING_TOP', paddingBottom: 'PADDING_BOTTOM', paddingLeft: 'PADDING_LEFT', paddingRight: 'PADDING_RIGHT' };

// ---------------------------------------------------------------------------------------------------
// Model extensions kept out of DocJson (nodeJson copies only the declared fields).

interface PageBreakNode {
  type: 'PAGE_BREAK';
  /** Ends the text of the paragraph before it rather than standing in a paragraph of its own. */
  inParagraph?: boolean;
}
type Side = 'top' | 'bottom' | 'left' | 'right';
interface Border {
  width: number;
  color: string | null;
  dash: string;
}
/** Borders set cell by cell that the table-wide BORDER_WIDTH / BORDER_COLOR cannot say. */
interface ApiCell extends CellNode {
  borders?: Partial<Record<Side, Border>>;
}

const isPara = (n: DocNode | undefined): n is ParaNode => !!n && (n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM');
const isGlued = (n: DocNode | undefined): boolean => !!n && n.type === 'PAGE_BREAK' && (n as PageBreakNode).inParagraph === true;

// ---------------------------------------------------------------------------------------------------
// Layout: the index of everything

interface ParaSpan {
  kind: 'para';
  start: number;
  end: number;
  p: ParaNode;
  len: number;
  /** A page break ends the text (node i + 1). */
  pb: boolean;
  nodes: DocNode[];
  i: number;
  inTable: boolean;
}
interface BlockSpan {
  kind: 'pb' | 'hr';
  start: number;
  end: number;
  nodes: DocNode[];
  i: number;
  inTable: boolean;
}
interface CellSpan {
  start: number;
  end: number;
  cell: CellNode;
  spans: Span[];
}
interface RowSpan {
  start: number;
  end: number;
  cells: CellSpan[];
}
interface TableSpan {
  kind: 'table';
  start: number;
  end: number;
  t: TableNode;
  rows: RowSpan[];
  nodes: DocNode[];
  i: number;
  inTable: boolean;
}
type Span = ParaSpan | BlockSpan | TableSpan;

function layout(nodes: DocNode[], from: number, inTable = false): { spans: Span[]; end: number } {
  const spans: Span[] = [];
  let at = from;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (isPara(n)) {
      const len = paraText(n).length;
      const pb = isGlued(nodes[i + 1]);
      const end = at + len + (pb ? 1 : 0) + 1;
      spans.push({ kind: 'para', start: at, end, p: n, len, pb, nodes, i, inTable });
      at = end;
      if (pb) i++;
    } else if (n.type === 'TABLE') {
      const start = at++;
      const rows: RowSpan[] = n.rows.map((row) => {
        const rs = at++;
        const cells = row.cells.map((cell) => {
          const cs = at++;
          const inner = layout(cell.children, at, true);
          at = inner.end;
          return { start: cs, end: at, cell, spans: inner.spans };
        });
        return { start: rs, end: at, cells };
      });
      at++; // the table's end marker
      spans.push({ kind: 'table', start, end: at, t: n, rows, nodes, i, inTable });
    } else {
      spans.push({ kind: n.type === 'PAGE_BREAK' ? 'pb' : 'hr', start: at, end: at + 2, nodes, i, inTable });
      at += 2;
    }
  }
  return { spans, end: at };
}

/**
 * The body's layout, kept while only styles change: a batch of thousands of style requests would
 * otherwise lay the document out again for each. Requests that move indexes drop it (applyRequest).
 */
let laidOut: { m: DocModel; l: { spans: Span[]; end: number } } | null = null;
function bodyLayout(m: DocModel): { spans: Span[]; end: number } {
  if (!laidOut || laidOut.m !== m) laidOut = { m, l: layout(m.body, 1) };
  return laidOut.l;
}
const MOVES_INDEXES = new Set(['insertText', 'insertTable', 'insertPageBreak', 'deleteContentRange']);

/** The paragraph (or break paragraph) holding index i, or null where text cannot go (table, row and cell starts, table ends). */
function locate(spans: Span[], i: number): { span: ParaSpan | BlockSpan; off: number } | null {
  for (const s of spans) {
    if (i < s.start || i >= s.end) continue;
    if (s.kind !== 'table') return { span: s, off: i - s.start };
    for (const r of s.rows) for (const c of r.cells) if (i > c.start && i < c.end) return locate(c.spans, i);
    return null;
  }
  return null;
}

function findTable(spans: Span[], i: number): TableSpan | null {
  for (const s of spans) {
    if (s.kind !== 'table') continue;
    if (s.start === i) return s;
    if (i > s.start && i < s.end) for (const r of s.rows) for (const c of r.cells) if (i > c.start && i < c.end) return findTable(c.spans, i);
  }
  return null;
}

/** Paragraphs overlapping [start, end), in document order, table cells included. */
function parasIn(spans: Span[], start: number, end: number, out: ParaSpan[] = []): ParaSpan[] {
  for (const s of spans) {
    if (s.start >= end || s.end <= start) continue;
    if (s.kind === 'para') out.push(s);
    else if (s.kind === 'table') for (const r of s.rows) for (const c of r.cells) parasIn(c.spans, start, end, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Editing: the touched paragraphs are flattened to one item per index, edited, and rebuilt as nodes.

interface Props {
  type: 'PARAGRAPH' | 'LIST_ITEM';
  heading: string;
  attrs: Attrs;
  glyph?: string;
  nesting?: number;
  listId?: string;
}
type Item = { k: 'ch'; c: string; a: Attrs; src: Props } | { k: 'pb'; src: Props | null } | { k: 'hr' } | { k: 'nl'; p: Props } | { k: 'table'; t: TableNode; size: number };

function propsOf(p: ParaNode): Props {
  const { runs: _runs, ...rest } = p;
  void _runs;
  return structuredClone(rest);
}

function textAttrs(a: Attrs): Attrs {
  const out: Attrs = {};
  for (const k of TEXT_ATTRS) if (a[k] !== undefined && a[k] !== null) out[k] = a[k];
  return out;
}

/** Resolved text style of a run: the paragraph's text attributes under the run's own. */
function effective(p: ParaNode, runAttrs: Attrs): Attrs {
  const out = textAttrs(p.attrs);
  for (const [k, v] of Object.entries(runAttrs)) {
    if (v === null || v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

function flatten(s: Span): Item[] {
  if (s.kind === 'table') return [{ k: 'table', t: s.t, size: s.end - s.start }];
  if (s.kind !== 'para') {
    const pr = propsOf(newPara());
    return [s.kind === 'pb' ? { k: 'pb', src: null } : { k: 'hr' }, { k: 'nl', p: pr }];
  }
  const pr = propsOf(s.p);
  const out: Item[] = [];
  for (const r of s.p.runs) {
    const a = effective(s.p, r.attrs);
    for (let j = 0; j < r.text.length; j++) out.push({ k: 'ch', c: r.text[j], a, src: pr });
  }
  if (s.pb) out.push({ k: 'pb', src: pr });
  out.push({ k: 'nl', p: pr });
  return out;
}

const nodeCount = (s: Span): number => (s.kind === 'para' && s.pb ? 2 : 1);

/** Run attributes relative to the paragraph's: only what differs, null where the paragraph's value must not apply. */
function relative(eff: Attrs, pattrs: Attrs): Attrs {
  const out: Attrs = {};
  for (const k of TEXT_ATTRS) {
    const pv = pattrs[k] ?? undefined;
    const ev = eff[k];
    if (ev === pv) continue;
    out[k] = ev === undefined ? null : ev;
  }
  return out;
}

function makePara(chars: Item[], props: Props): ParaNode {
  const p: ParaNode = { ...structuredClone(props), runs: [] };
  let lastKey = '';
  for (const it of chars) {
    if (it.k !== 'ch') continue;
    const rel = relative(it.a, p.attrs);
    const key = JSON.stringify(rel);
    const last = p.runs[p.runs.length - 1];
    if (last && key === lastKey) last.text += it.c;
    else {
      p.runs.push({ text: it.c, attrs: rel });
      lastKey = key;
    }
  }
  return p;
}

/** One paragraph's inline items and its newline as model nodes. */
function paragraphNodes(line: Item[], nl: Props): DocNode[] {
  const first = line.find((it) => it.k === 'ch' || it.k === 'pb') as { src: Props | null } | undefined;
  // Joined paragraphs keep the first one's style, as Docs does when a newline is deleted.
  const props = first?.src ?? nl;
  if (line.some((it) => it.k === 'hr')) {
    if (line.length === 1) return [{ type: 'HORIZONTAL_RULE' }];
    unsupported('a horizontal rule sharing its paragraph with text');
  }
  const breaks = line.filter((it) => it.k === 'pb').length;
  if (!breaks) return [makePara(line, props)];
  if (breaks > 1 || line[line.length - 1].k !== 'pb') unsupported('text after a page break in the same paragraph');
  const chars = line.slice(0, -1);
  if (!chars.length) return [{ type: 'PAGE_BREAK' }];
  return [makePara(chars, props), { type: 'PAGE_BREAK', inParagraph: true } as DocNode];
}

/** Items back to nodes; text left without a newline before a table or at the end is a range Google refuses. */
function rebuild(r: Req, items: Item[]): DocNode[] {
  const out: DocNode[] = [];
  let line: Item[] = [];
  for (const it of items) {
    if (it.k === 'table') {
      if (line.length) r.fail(BAD_DELETE);
      out.push(it.t);
    } else if (it.k === 'nl') {
      out.push(...paragraphNodes(line, it.p));
      line = [];
    } else line.push(it);
  }
  if (line.length) r.fail(BAD_DELETE);
  return out;
}

function newTable(rows: number, cols: number): TableNode {
  return {
    type: 'TABLE',
    attrs: {},
    columnWidths: {},
    rows: Array.from({ length: rows }, () => ({ attrs: {}, cells: Array.from({ length: cols }, () => ({ attrs: {}, children: [newPara()] as DocNode[] })) })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Request parsing helpers: errors in Google's three grammars (unknown name, invalid value, semantic).

const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
const camel = (s: string): string => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

class Req {
  constructor(
    readonly i: number,
    readonly kind: string,
  ) {}
  fail(msg: string): never {
    throw new ApiError(`Invalid requests[${this.i}].${this.kind}: ${msg}`);
  }
  at(sub = ''): string {
    return `requests[${this.i}].${snake(this.kind)}${sub ? '.' + sub.split('.').map(snake).join('.') : ''}`;
  }
  obj(v: unknown, sub: string, type: string, keys: string[]): Json | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) throw new ApiError(`Invalid value at '${this.at(sub)}' (${V1}${type}), ${show(v)}`);
    const o = v as Json;
    for (const k of Object.keys(o)) if (!keys.includes(k)) throw new ApiError(`Invalid JSON payload received. Unknown name "${k}" at '${this.at(sub)}': Cannot find field.`);
    return o;
  }
  int(v: unknown, sub: string): number | undefined {
    if (v === undefined || v === null) return undefined;
    const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw new ApiError(`Invalid value at '${this.at(sub)}' (TYPE_INT32), ${show(v)}`);
    return n;
  }
  num(v: unknown, sub: string): number | undefined {
    if (v === undefined || v === null) return undefined;
    const n = typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v)) ? Number(v) : v;
    if (typeof n !== 'number' || !isFinite(n)) throw new ApiError(`Invalid value at '${this.at(sub)}' (TYPE_DOUBLE), ${show(v)}`);
    return n;
  }
  bool(v: unknown, sub: string): boolean | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') throw new ApiError(`Invalid value at '${this.at(sub)}' (TYPE_BOOL), ${show(v)}`);
    return v;
  }
  str(v: unknown, sub: string): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new ApiError(`Invalid value at '${this.at(sub)}' (TYPE_STRING), ${show(v)}`);
    return v;
  }
  enum(v: unknown, sub: string, type: string, allowed: string[]): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' && allowed.includes(v)) return v;
    if (typeof v === 'string' && /_UNSPECIFIED$/.test(v)) return undefined;
    throw new ApiError(`Invalid value at '${this.at(sub)}' (${V1}${type}), ${show(v)}`);
  }
  /** A Dimension in points; undefined when absent. Zero may come as { unit: 'PT' }, as Google writes it. */
  dim(v: unknown, sub: string): number | undefined {
    const o = this.obj(v, sub, 'Dimension', ['magnitude', 'unit']);
    if (!o) return undefined;
    const unit = this.enum(o.unit, sub + '.unit', 'Dimension.Unit', ['PT']);
    const magnitude = this.num(o.magnitude, sub + '.magnitude') ?? 0;
    if (!unit && magnitude !== 0) this.fail(`Unit must be specified for dimension ${sub}.`);
    return magnitude;
  }
  /** OptionalColor -> '#rrggbb', or null when it carries no colour (which clears). */
  color(v: unknown, sub: string): string | null {
    const o = this.obj(v, sub, 'OptionalColor', ['color']);
    const c = o && this.obj(o.color, sub + '.color', 'Color', ['rgbColor']);
    if (!c) return null;
    const rgb = this.obj(c.rgbColor, sub + '.color.rgbColor', 'RgbColor', ['red', 'green', 'blue']) ?? {};
    const part = (k: string): string => {
      const x = this.num(rgb[k], `${sub}.color.rgbColor.${k}`) ?? 0;
      if (x < 0 || x > 1) this.fail(`Color values must be between 0 and 1 (${sub}.color.rgbColor.${k} is ${x}).`);
      return Math.round(x * 255)
        .toString(16)
        .padStart(2, '0');
    };
    return `#${part('red')}${part('green')}${part('blue')}`;
  }
  /** The field mask: top-level names, '*' expanded; sub-paths (pageSize.width) kept as written. */
  mask(v: unknown, known: string[]): Set<string> {
    if (typeof v !== 'string' || !v.trim()) this.fail(NO_FIELDS);
    const out = new Set<string>();
    for (const raw of v.split(',')) {
      const f = raw
        .trim()
        .split('.')
        .map((p) => camel(p))
        .join('.');
      if (!f) continue;
      if (f === '*') known.forEach((k) => out.add(k));
      else if (known.includes(f.split('.')[0])) out.add(f);
      else this.fail(`Invalid field: ${raw.trim()}`);
    }
    if (!out.size) this.fail(NO_FIELDS);
    return out;
  }
}

const inMask = (m: Set<string>, f: string): boolean => m.has(f) || [...m].some((x) => x.startsWith(f + '.'));

// ---------------------------------------------------------------------------------------------------
// Requests

/** location | endOfSegmentLocation -> the index to insert at (the body only: headers and footers are not modelled). */
function insertionIndex(r: Req, body: Json, m: DocModel): number {
  const loc = r.obj(body.location, 'location', 'Location', ['index', 'segmentId', 'tabId']);
  const eos = r.obj(body.endOfSegmentLocation, 'endOfSegmentLocation', 'EndOfSegmentLocation', ['segmentId', 'tabId']);
  if (loc && eos) throw new ApiError(`Invalid value at '${r.at()}' (oneof), oneof field 'insertion_location' is already set. Cannot set 'endOfSegmentLocation'`);
  const seg = (loc ?? eos)?.segmentId;
  if (seg) unsupported(`${r.kind} in a header, footer or footnote (segmentId "${String(seg)}")`);
  if (!loc && !eos) r.fail('Either location or endOfSegmentLocation must be set.');
  const end = bodyLayout(m).end;
  if (eos) return end - 1;
  const index = r.int(loc!.index, 'location.index') ?? 0;
  if (index >= end) r.fail(`Index ${index} must be less than the end index of the referenced segment, ${end}.`);
  return index;
}

function range(r: Req, v: unknown, m: DocModel, allowEmpty = false): { start: number; end: number; segEnd: number } {
  const o = r.obj(v, 'range', 'Range', ['startIndex', 'endIndex', 'segmentId', 'tabId']);
  if (!o) r.fail('Invalid range: must contain a start and end index');
  if (o.segmentId) unsupported(`${r.kind} in a header, footer or footnote (segmentId "${String(o.segmentId)}")`);
  const start = r.int(o.startIndex, 'range.startIndex');
  const end = r.int(o.endIndex, 'range.endIndex');
  if (start === undefined || end === undefined) r.fail('Invalid range: must contain a start and end index');
  const segEnd = bodyLayout(m).end;
  if (end < start || (end === start && !allowEmpty)) r.fail('The range should not be empty.');
  if (end > segEnd) r.fail(`Index ${end - 1} must be less than the end index of the referenced segment, ${segEnd}.`);
  if (start < 1) r.fail('The range cannot include the section break at index 0.');
  return { start, end, segEnd };
}

/** Strips what Docs strips from inserted text: C0 controls but tab, newline and VT; private use area characters. */
const cleanText = (t: string): string =>
  Array.from(t, (c) => c)
    .filter((c) => {
      const n = c.charCodeAt(0);
      return !(n <= 0x08 || (n >= 0x0c && n <= 0x1f) || (n >= 0xe000 && n <= 0xf8ff));
    })
    .join('');

/** Inserts items built for the paragraph holding `index`; returns the paragraph span it went into. */
function insertItems(r: Req, m: DocModel, index: number, build: (props: Props, style: Attrs) => Item[]): ParaSpan | BlockSpan {
  const loc = locate(bodyLayout(m).spans, index);
  if (!loc) r.fail(BOUNDS);
  const { span, off } = loc;
  const items = flatten(span);
  if (span.kind === 'para' ? off > span.len : off > 0) unsupported('inserting between a page break (or horizontal rule) and the newline after it');
  const nl = items[items.length - 1] as { k: 'nl'; p: Props };
  const before = items[off - 1];
  const after = items[off];
  const style = before?.k === 'ch' ? before.a : after?.k === 'ch' ? after.a : textAttrs(nl.p.attrs);
  items.splice(off, 0, ...build(nl.p, style));
  span.nodes.splice(span.i, nodeCount(span), ...rebuild(r, items));
  return span;
}

function insertText(r: Req, b: Json, m: DocModel): void {
  const text = cleanText(r.str(b.text, 'text') ?? '');
  const index = insertionIndex(r, b, m);
  if (!text) r.fail('Insert text requests must specify text to insert.');
  insertItems(r, m, index, (props, style) => text.split('').map((c): Item => (c === '\n' ? { k: 'nl', p: structuredClone(props) } : { k: 'ch', c, a: style, src: props })));
}

function insertTable(r: Req, b: Json, m: DocModel): void {
  const rows = r.int(b.rows, 'rows') ?? 0;
  const cols = r.int(b.columns, 'columns') ?? 0;
  const index = insertionIndex(r, b, m);
  if (rows < 1 || cols < 1) r.fail('The number of rows and columns must be greater than 0.');
  insertItems(r, m, index, (props) => [
    { k: 'nl', p: structuredClone(props) },
    // The injected defect (state.docsTableOffByOne): one more paragraph before the table, so it starts one index later.
    ...(tableOffByOne ? [{ k: 'nl', p: structuredClone(props) } as Item] : []),
    { k: 'table', t: newTable(rows, cols), size: 0 },
  ]);
}

/** Set per batchUpdate from the state (a test's injected defect); module-level like the layout cache. */
let tableOffByOne = false;

function insertPageBreak(r: Req, b: Json, m: DocModel): void {
  const index = insertionIndex(r, b, m);
  const loc = locate(bodyLayout(m).spans, index);
  if (loc?.span.inTable) r.fail('Page breaks cannot be inserted inside a table.');
  insertItems(r, m, index, (props) => [
    { k: 'pb', src: props },
    { k: 'nl', p: structuredClone(props) },
  ]);
}

function deleteContentRange(r: Req, b: Json, m: DocModel): void {
  const { start, end, segEnd } = range(r, b.range, m);
  if (end === segEnd) r.fail('The range cannot include the newline character at the end of the segment.');
  deleteIn(r, bodyLayout(m).spans, start, end);
}

function deleteIn(r: Req, spans: Span[], start: number, end: number): void {
  const hit = spans.filter((s) => s.start < end && s.end > start);
  for (const s of hit) {
    if (s.kind !== 'table' || (start <= s.start && end >= s.end)) continue;
    // A table only partly in the range: the range must lie within one cell's content, short of its last newline.
    if (hit.length === 1)
      for (const row of s.rows)
        for (const c of row.cells) if (start > c.start && end <= c.end) return end === c.end ? r.fail(BAD_DELETE) : deleteIn(r, c.spans, start, end);
    r.fail(BAD_DELETE);
  }
  // The newline before a table (or the end marker of a table before it) cannot go while the table stays.
  for (const s of spans) if (s.kind === 'table' && !(start <= s.start && end >= s.end) && start <= s.start - 1 && s.start - 1 < end) r.fail(BAD_DELETE);
  const first = hit[0];
  const nodes = first.nodes;
  let count = 0;
  let items: Item[] = [];
  let at = first.start;
  for (const s of hit) {
    count += nodeCount(s);
    for (const it of flatten(s)) {
      const size = it.k === 'table' ? it.size : 1;
      if (at + size <= start || at >= end) items.push(it);
      at += size;
    }
  }
  // A paragraph that lost its newline runs on into the next one.
  let next = spans.indexOf(hit[hit.length - 1]) + 1;
  while (items.length && items[items.length - 1].k !== 'nl' && items[items.length - 1].k !== 'table') {
    const s = spans[next++];
    if (!s || s.kind === 'table') r.fail(BAD_DELETE);
    items = items.concat(flatten(s));
    count += nodeCount(s);
  }
  nodes.splice(first.i, count, ...rebuild(r, items));
}

function updateParagraphStyle(r: Req, b: Json, m: DocModel): void {
  const fields = r.mask(b.fields, PARA_STYLE_FIELDS);
  const st = r.obj(b.paragraphStyle, 'paragraphStyle', 'ParagraphStyle', PARA_STYLE_FIELDS) ?? {};
  const { start, end } = range(r, b.range, m, true);
  const set: [string, unknown][] = [];
  let heading: string | undefined;
  if (inMask(fields, 'alignment')) {
    const a = r.enum(st.alignment, 'paragraphStyle.alignment', 'ParagraphStyle.Alignment', Object.keys(ALIGN_IN));
    set.push(['HORIZONTAL_ALIGNMENT', a && ALIGN_IN[a]]);
  }
  if (inMask(fields, 'lineSpacing')) {
    const v = r.num(st.lineSpacing, 'paragraphStyle.lineSpacing');
    set.push(['LINE_SPACING', v === undefined ? undefined : v / 100]);
  }
  for (const [f, attr] of Object.entries(PARA_DIMS)) if (inMask(fields, f)) set.push([attr, r.dim(st[f], 'paragraphStyle.' + f)]);
  if (inMask(fields, 'namedStyleType')) {
    const v = r.enum(st.namedStyleType, 'paragraphStyle.namedStyleType', 'NamedStyleType', Object.keys(NAMED));
    heading = NAMED[v ?? 'NORMAL_TEXT'];
  }
  const spans = parasIn(bodyLayout(m).spans, start, Math.max(end, start + 1));
  for (const s of spans) {
    for (const [k, v] of set) {
      if (v === undefined) delete s.p.attrs[k];
      else s.p.attrs[k] = v;
    }
    if (heading) s.p.heading = heading;
  }
}

/** Text style fields as DocumentApp attributes (undefined: clear). Ignored fields (smallCaps, baselineOffset) are left out. */
function textStyleSet(r: Req, b: Json): [string, unknown][] {
  const fields = r.mask(b.fields, TEXT_STYLE_FIELDS);
  const st = r.obj(b.textStyle, 'textStyle', 'TextStyle', TEXT_STYLE_FIELDS) ?? {};
  const set: [string, unknown][] = [];
  const bools: [string, string][] = [
    ['bold', 'BOLD'],
    ['italic', 'ITALIC'],
    ['underline', 'UNDERLINE'],
    ['strikethrough', 'STRIKETHROUGH'],
  ];
  for (const [f, attr] of bools) if (inMask(fields, f)) set.push([attr, r.bool(st[f], 'textStyle.' + f)]);
  if (inMask(fields, 'fontSize')) {
    const v = r.dim(st.fontSize, 'textStyle.fontSize');
    if (v !== undefined && v <= 0) r.fail('Font size must be greater than 0.');
    set.push(['FONT_SIZE', v]);
  }
  if (inMask(fields, 'weightedFontFamily')) {
    const w = r.obj(st.weightedFontFamily, 'textStyle.weightedFontFamily', 'WeightedFontFamily', ['fontFamily', 'weight']);
    set.push(['FONT_FAMILY', w ? r.str(w.fontFamily, 'textStyle.weightedFontFamily.fontFamily') || undefined : undefined]);
  }
  if (inMask(fields, 'foregroundColor')) set.push(['FOREGROUND_COLOR', r.color(st.foregroundColor, 'textStyle.foregroundColor') ?? undefined]);
  if (inMask(fields, 'backgroundColor')) set.push(['BACKGROUND_COLOR', r.color(st.backgroundColor, 'textStyle.backgroundColor') ?? undefined]);
  if (inMask(fields, 'link')) {
    const l = r.obj(st.link, 'textStyle.link', 'Link', ['url', 'bookmarkId', 'headingId', 'bookmark', 'heading', 'tabId']);
    const url = l && (r.str(l.url, 'textStyle.link.url') ?? (l.headingId ? `#heading=${String(l.headingId)}` : l.bookmarkId ? `#bookmark=${String(l.bookmarkId)}` : undefined));
    set.push(['LINK_URL', url || undefined]);
  }
  return set;
}

/**
 * Styles [a, b) of a paragraph's text; `nl` when the range also covers its newline. The newline's style is the
 * paragraph's text attributes (as DocumentApp's whole-paragraph setAttributes writes them); runs keep only what differs.
 */
function styleText(p: ParaNode, a: number, b: number, nl: boolean, set: [string, unknown][]): void {
  const inside = a < b ? splitRuns(p, a, b) : [];
  for (const [k, v] of set) {
    if (nl) {
      const old = p.attrs[k] ?? null;
      for (const run of p.runs) {
        if (inside.includes(run)) delete run.attrs[k];
        else if (!(k in run.attrs)) run.attrs[k] = old;
      }
      if (v === undefined) delete p.attrs[k];
      else p.attrs[k] = v;
    } else for (const run of inside) run.attrs[k] = v === undefined ? null : v;
  }
  for (const run of p.runs) {
    for (const k of Object.keys(run.attrs)) {
      const pv = p.attrs[k] ?? null;
      if (run.attrs[k] === pv || (run.attrs[k] === null && pv === null)) delete run.attrs[k];
    }
    // A canonical key order, so that runs with equal attributes merge.
    run.attrs = Object.fromEntries(Object.entries(run.attrs).sort(([x], [y]) => (x < y ? -1 : 1)));
  }
  normalizeRuns(p);
}

function updateTextStyle(r: Req, b: Json, m: DocModel): void {
  const set = textStyleSet(r, b);
  const { start, end } = range(r, b.range, m);
  for (const s of parasIn(bodyLayout(m).spans, start, end)) {
    const a = Math.max(0, start - s.start);
    const z = Math.min(s.len, end - s.start);
    styleText(s.p, a, z, start <= s.end - 1 && s.end - 1 < end, set);
  }
}

function tableAt(r: Req, m: DocModel, loc: unknown, sub: string): TableSpan {
  const o = r.obj(loc, sub, 'Location', ['index', 'segmentId', 'tabId']);
  const index = o ? r.int(o.index, sub + '.index') : undefined;
  const t = index === undefined ? null : findTable(bodyLayout(m).spans, index);
  if (!t) r.fail('Invalid table start location. Must specify the start index of the table.');
  return t;
}

const columnsOf = (t: TableNode): number => Math.max(0, ...t.rows.map((row) => row.cells.length));

function updateTableColumnProperties(r: Req, b: Json, m: DocModel): void {
  const fields = r.mask(b.fields, ['width', 'widthType']);
  const props = r.obj(b.tableColumnProperties, 'tableColumnProperties', 'TableColumnProperties', ['width', 'widthType']) ?? {};
  const t = tableAt(r, m, b.tableStartLocation, 'tableStartLocation').t;
  const n = columnsOf(t);
  const raw = b.columnIndices === undefined || b.columnIndices === null ? [] : b.columnIndices;
  if (!Array.isArray(raw)) throw new ApiError(`Invalid value at '${r.at('columnIndices')}' (TYPE_INT32), ${show(raw)}`);
  const cols = raw.length ? raw.map((v, i) => r.int(v, `columnIndices[${i}]`) ?? 0) : Array.from({ length: n }, (_, i) => i);
  for (const c of cols) if (c < 0 || c >= n) r.fail(`Column index ${c} is out of bounds: the table has ${n} columns.`);
  const type = inMask(fields, 'widthType') ? r.enum(props.widthType, 'tableColumnProperties.widthType', 'TableColumnProperties.WidthType', ['EVENLY_DISTRIBUTED', 'FIXED_WIDTH']) : undefined;
  const width = inMask(fields, 'width') ? r.dim(props.width, 'tableColumnProperties.width') : undefined;
  if (type === 'FIXED_WIDTH' && width === undefined) r.fail('A fixed width column must have a width.');
  if (width !== undefined && width < 5) r.fail('The column width must be at least 5 points.');
  for (const c of cols) {
    if (type === 'EVENLY_DISTRIBUTED' || (inMask(fields, 'widthType') && !type)) delete t.columnWidths[c];
    else if (width !== undefined) t.columnWidths[c] = width;
  }
}

function border(r: Req, v: unknown, sub: string): Border | undefined {
  const o = r.obj(v, sub, 'TableCellBorder', ['color', 'dashStyle', 'width']);
  if (!o) return undefined;
  return {
    width: r.dim(o.width, sub + '.width') ?? 0,
    color: r.color(o.color, sub + '.color'),
    dash: r.enum(o.dashStyle, sub + '.dashStyle', 'DashStyle', ['SOLID', 'DOT', 'DASH']) ?? 'SOLID',
  };
}

const OPPOSITE: Record<Side, [Side, number, number]> = { top: ['bottom', -1, 0], bottom: ['top', 1, 0], left: ['right', 0, -1], right: ['left', 0, 1] };

function updateTableCellStyle(r: Req, b: Json, m: DocModel): void {
  const fields = r.mask(b.fields, CELL_STYLE_FIELDS);
  const st = r.obj(b.tableCellStyle, 'tableCellStyle', 'TableCellStyle', CELL_STYLE_FIELDS) ?? {};
  const tr = r.obj(b.tableRange, 'tableRange', 'TableRange', ['tableCellLocation', 'rowSpan', 'columnSpan']);
  if (tr && b.tableStartLocation) throw new ApiError(`Invalid value at '${r.at()}' (oneof), oneof field 'cells' is already set. Cannot set 'tableRange'`);
  if (!tr && !b.tableStartLocation) r.fail('Either tableStartLocation or tableRange must be set.');
  let span: TableSpan;
  let r0 = 0;
  let c0 = 0;
  let rs: number;
  let cs: number;
  if (tr) {
    const cl = r.obj(tr.tableCellLocation, 'tableRange.tableCellLocation', 'TableCellLocation', ['tableStartLocation', 'rowIndex', 'columnIndex']) ?? {};
    span = tableAt(r, m, cl.tableStartLocation, 'tableRange.tableCellLocation.tableStartLocation');
    r0 = r.int(cl.rowIndex, 'tableRange.tableCellLocation.rowIndex') ?? 0;
    c0 = r.int(cl.columnIndex, 'tableRange.tableCellLocation.columnIndex') ?? 0;
    rs = r.int(tr.rowSpan, 'tableRange.rowSpan') ?? 0;
    cs = r.int(tr.columnSpan, 'tableRange.columnSpan') ?? 0;
    if (rs < 1 || cs < 1) r.fail('The table range must span at least one row and one column.');
  } else {
    span = tableAt(r, m, b.tableStartLocation, 'tableStartLocation');
    rs = span.t.rows.length;
    cs = columnsOf(span.t);
  }
  const t = span.t;
  if (r0 < 0 || c0 < 0 || r0 + rs > t.rows.length || c0 + cs > columnsOf(t)) r.fail('The table range is out of bounds of the table.');
  const cells: [number, number, ApiCell][] = [];
  for (let i = r0; i < r0 + rs; i++) for (let j = c0; j < c0 + cs; j++) if (t.rows[i].cells[j]) cells.push([i, j, t.rows[i].cells[j] as ApiCell]);
  const attr = (k: string, v: unknown) => {
    for (const [, , c] of cells) {
      if (v === undefined) delete c.attrs[k];
      else c.attrs[k] = v;
    }
  };
  if (inMask(fields, 'backgroundColor')) attr('BACKGROUND_COLOR', r.color(st.backgroundColor, 'tableCellStyle.backgroundColor') ?? undefined);
  for (const [f, k] of Object.entries(PADDINGS)) if (inMask(fields, f)) attr(k, r.dim(st[f], 'tableCellStyle.' + f));
  if (inMask(fields, 'contentAlignment')) {
    const v = r.enum(st.contentAlignment, 'tableCellStyle.contentAlignment', 'ContentAlignment', Object.keys(VALIGN_IN));
    attr('VERTICAL_ALIGNMENT', v && VALIGN_IN[v]);
  }
  // Google's order for borders shared by neighbouring cells: right, left, bottom, top.
  let borders = false;
  for (const side of ['right', 'left', 'bottom', 'top'] as Side[]) {
    const f = 'border' + side[0].toUpperCase() + side.slice(1);
    if (!inMask(fields, f)) continue;
    borders = true;
    const v = border(r, st[f], 'tableCellStyle.' + f);
    const [other, dr, dc] = OPPOSITE[side];
    for (const [i, j, c] of cells) {
      const put = (cell: ApiCell | undefined, s: Side) => {
        if (!cell) return;
        cell.borders = cell.borders ?? {};
        if (v) cell.borders[s] = { ...v };
        else delete cell.borders[s];
      };
      put(c, side);
      put(t.rows[i + dr]?.cells[j + dc] as ApiCell | undefined, other);
    }
  }
  if (borders) foldBorders(t);
}

/** The border of one side of a cell: its own, else the table's (BORDER_WIDTH / BORDER_COLOR, DocumentApp's defaults 1 and black). */
function borderOf(t: TableNode, c: ApiCell, s: Side): Border {
  const own = c.borders?.[s];
  if (own) return own;
  return { width: (t.attrs.BORDER_WIDTH as number | undefined) ?? 1, color: (t.attrs.BORDER_COLOR as string | undefined) ?? '#000000', dash: 'SOLID' };
}

/** When every border of every cell is the same solid line, it is the table's BORDER_WIDTH (and colour), as Table.setBorderWidth writes it. */
function foldBorders(t: TableNode): void {
  const all: Border[] = [];
  for (const row of t.rows) for (const c of row.cells) for (const s of ['top', 'bottom', 'left', 'right'] as Side[]) all.push(borderOf(t, c as ApiCell, s));
  if (!all.length) return;
  const w = all[0].width;
  const color = all[0].color;
  if (!all.every((x) => x.width === w && x.dash === 'SOLID' && (w === 0 || x.color === color))) return;
  t.attrs.BORDER_WIDTH = w;
  // An invisible border has no colour worth keeping: the table reads as Table.setBorderWidth(0) leaves it.
  if (w !== 0 && color && color !== ((t.attrs.BORDER_COLOR as string | undefined) ?? '#000000')) t.attrs.BORDER_COLOR = color;
  for (const row of t.rows) for (const c of row.cells) delete (c as ApiCell).borders;
}

function updateDocumentStyle(r: Req, b: Json, m: DocModel): void {
  const fields = r.mask(b.fields, DOC_STYLE_FIELDS);
  const st = r.obj(b.documentStyle, 'documentStyle', 'DocumentStyle', DOC_STYLE_FIELDS) ?? {};
  const def = { marginTop: 72, marginBottom: 72, marginLeft: 72, marginRight: 72 } as const;
  const margins: Record<string, 'top' | 'bottom' | 'left' | 'right'> = { marginTop: 'top', marginBottom: 'bottom', marginLeft: 'left', marginRight: 'right' };
  for (const [f, k] of Object.entries(margins)) {
    if (!inMask(fields, f)) continue;
    const v = r.dim(st[f], 'documentStyle.' + f);
    if (v !== undefined && v < 0) r.fail(`${f} cannot be negative.`);
    m.margins[k] = v ?? def[f as keyof typeof def];
  }
  if (inMask(fields, 'documentFormat')) {
    const df = r.obj(st.documentFormat, 'documentStyle.documentFormat', 'DocumentFormat', ['documentMode']) ?? {};
    m.documentMode = (r.enum(df.documentMode, 'documentStyle.documentFormat.documentMode', 'DocumentFormat.DocumentMode', ['PAGES', 'PAGELESS']) as 'PAGES' | 'PAGELESS' | undefined) ?? 'PAGES';
  }
  if (inMask(fields, 'pageSize')) {
    const ps = r.obj(st.pageSize, 'documentStyle.pageSize', 'Size', ['width', 'height']) ?? {};
    const all = fields.has('pageSize');
    if (all || fields.has('pageSize.width')) m.pageWidth = r.dim(ps.width, 'documentStyle.pageSize.width') ?? 612;
    if (all || fields.has('pageSize.height')) m.pageHeight = r.dim(ps.height, 'documentStyle.pageSize.height') ?? 792;
    if (m.pageWidth <= 0 || m.pageHeight <= 0) r.fail('The page size must be positive.');
  }
}

const HANDLERS: Record<string, [string[], (r: Req, b: Json, m: DocModel) => void]> = {
  insertText: [['text', 'location', 'endOfSegmentLocation'], insertText],
  insertTable: [['rows', 'columns', 'location', 'endOfSegmentLocation'], insertTable],
  insertPageBreak: [['location', 'endOfSegmentLocation'], insertPageBreak],
  deleteContentRange: [['range'], deleteContentRange],
  updateParagraphStyle: [['range', 'paragraphStyle', 'fields'], updateParagraphStyle],
  updateTextStyle: [['range', 'textStyle', 'fields'], updateTextStyle],
  updateTableColumnProperties: [['tableStartLocation', 'columnIndices', 'tableColumnProperties', 'fields'], updateTableColumnProperties],
  updateTableCellStyle: [['tableStartLocation', 'tableRange', 'tableCellStyle', 'fields'], updateTableCellStyle],
  updateDocumentStyle: [['documentStyle', 'fields', 'tabId'], updateDocumentStyle],
};

function applyRequest(m: DocModel, raw: unknown, i: number): Json {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ApiError(`Invalid value at 'requests[${i}]' (${V1}Request), ${show(raw)}`);
  const keys = Object.keys(raw);
  for (const k of keys) if (!KNOWN_REQUESTS.includes(k)) throw new ApiError(`Invalid JSON payload received. Unknown name "${k}" at 'requests[${i}]': Cannot find field.`);
  if (!keys.length) throw new ApiError(`Invalid requests[${i}]: No request set.`);
  if (keys.length > 1) throw new ApiError(`Invalid value at 'requests[${i}]' (oneof), oneof field 'request' is already set. Cannot set '${keys[1]}'`);
  const kind = keys[0];
  const h = HANDLERS[kind];
  if (!h) unsupported(`the ${kind} request`);
  const r = new Req(i, kind);
  const body = r.obj((raw as Json)[kind], '', kind[0].toUpperCase() + kind.slice(1) + 'Request', h[0]) ?? {};
  if (MOVES_INDEXES.has(kind)) laidOut = null;
  try {
    h[1](r, body, m);
  } finally {
    if (MOVES_INDEXES.has(kind)) laidOut = null;
  }
  return {};
}

// ---------------------------------------------------------------------------------------------------
// Documents as Docs API JSON

const dimJson = (v: number): Json => (v ? { magnitude: v, unit: 'PT' } : { unit: 'PT' });

function hexParts(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const n = parseInt(h, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function colorJson(hex: unknown): Json {
  const p = typeof hex === 'string' ? hexParts(hex) : null;
  if (!p) return {};
  const rgb: Json = {};
  (['red', 'green', 'blue'] as const).forEach((k, i) => {
    if (p[i]) rgb[k] = p[i] / 255;
  });
  return { color: { rgbColor: rgb } };
}

function textStyleJson(a: Attrs): Json {
  const out: Json = {};
  for (const [attr, f] of [
    ['BOLD', 'bold'],
    ['ITALIC', 'italic'],
    ['UNDERLINE', 'underline'],
    ['STRIKETHROUGH', 'strikethrough'],
  ])
    if (typeof a[attr] === 'boolean') out[f] = a[attr];
  if (a.BACKGROUND_COLOR) out.backgroundColor = colorJson(a.BACKGROUND_COLOR);
  if (a.FOREGROUND_COLOR) out.foregroundColor = colorJson(a.FOREGROUND_COLOR);
  if (typeof a.FONT_SIZE === 'number') out.fontSize = dimJson(a.FONT_SIZE);
  if (a.FONT_FAMILY) out.weightedFontFamily = { fontFamily: String(a.FONT_FAMILY), weight: 400 };
  if (a.LINK_URL) out.link = { url: String(a.LINK_URL) };
  return out;
}

function paragraphStyleJson(p: ParaNode | null): Json {
  const out: Json = { namedStyleType: (p && HEADING_TO_NAMED[p.heading]) ?? 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' };
  if (!p) return out;
  const a = p.attrs;
  if (typeof a.HORIZONTAL_ALIGNMENT === 'string' && ALIGN_OUT[a.HORIZONTAL_ALIGNMENT]) out.alignment = ALIGN_OUT[a.HORIZONTAL_ALIGNMENT];
  if (typeof a.LINE_SPACING === 'number') out.lineSpacing = Math.round(a.LINE_SPACING * 100 * 1000) / 1000;
  for (const [f, attr] of Object.entries(PARA_DIMS)) if (typeof a[attr] === 'number') out[f] = dimJson(a[attr] as number);
  return out;
}

function paragraphJson(s: ParaSpan | BlockSpan): Json {
  const els: Json[] = [];
  const keys: string[] = [];
  let at = s.start;
  const text = (content: string, style: Json) => {
    const key = JSON.stringify(style);
    const last = els[els.length - 1];
    if (last && keys[keys.length - 1] === key && last.textRun) {
      (last.textRun as Json).content += content;
      last.endIndex = (last.endIndex as number) + content.length;
    } else {
      els.push({ startIndex: at, endIndex: at + content.length, textRun: { content, textStyle: style } });
      keys.push(key);
    }
    at += content.length;
  };
  const object = (name: string, style: Json) => {
    els.push({ startIndex: at, endIndex: at + 1, [name]: { textStyle: style } });
    keys.push('');
    at += 1;
  };
  if (s.kind !== 'para') {
    object(s.kind === 'pb' ? 'pageBreak' : 'horizontalRule', {});
    text('\n', {});
    return { startIndex: s.start, endIndex: s.end, paragraph: { elements: els, paragraphStyle: paragraphStyleJson(null) } };
  }
  const p = s.p;
  for (const run of p.runs) if (run.text) text(run.text, textStyleJson(effective(p, run.attrs)));
  const own = textStyleJson(textAttrs(p.attrs));
  if (s.pb) object('pageBreak', own);
  text('\n', own);
  const para: Json = { elements: els, paragraphStyle: paragraphStyleJson(p) };
  if (p.type === 'LIST_ITEM') para.bullet = { listId: p.listId ?? 'kix.default', ...(p.nesting ? { nestingLevel: p.nesting } : {}) };
  return { startIndex: s.start, endIndex: s.end, paragraph: para };
}

function borderJson(b: Border): Json {
  return { color: colorJson(b.color ?? undefined), width: dimJson(b.width), dashStyle: b.dash };
}

function cellStyleJson(t: TableNode, c: ApiCell): Json {
  const a = c.attrs;
  const out: Json = { rowSpan: 1, columnSpan: 1, backgroundColor: colorJson(a.BACKGROUND_COLOR) };
  const tableBorders = t.attrs.BORDER_WIDTH !== undefined || t.attrs.BORDER_COLOR !== undefined;
  for (const s of ['left', 'right', 'top', 'bottom'] as Side[]) if (tableBorders || c.borders?.[s]) out['border' + s[0].toUpperCase() + s.slice(1)] = borderJson(borderOf(t, c, s));
  for (const [f, k] of Object.entries(PADDINGS)) out[f] = dimJson(typeof a[k] === 'number' ? (a[k] as number) : 5);
  out.contentAlignment = VALIGN_OUT[String(a.VERTICAL_ALIGNMENT ?? 'TOP')] ?? 'TOP';
  return out;
}

function contentJson(spans: Span[]): Json[] {
  return spans.map((s) => {
    if (s.kind !== 'table') return paragraphJson(s);
    const t = s.t;
    const cols = columnsOf(t);
    return {
      startIndex: s.start,
      endIndex: s.end,
      table: {
        rows: t.rows.length,
        columns: cols,
        tableRows: s.rows.map((row, ri) => ({
          startIndex: row.start,
          endIndex: row.end,
          tableCells: row.cells.map((c) => ({ startIndex: c.start, endIndex: c.end, content: contentJson(c.spans), tableCellStyle: cellStyleJson(t, c.cell as ApiCell) })),
          tableRowStyle: { minRowHeight: dimJson(Number(t.rows[ri].attrs.MINIMUM_HEIGHT ?? 0)) },
        })),
        tableStyle: {
          tableColumnProperties: Array.from({ length: cols }, (_, i) => (typeof t.columnWidths[i] === 'number' ? { widthType: 'FIXED_WIDTH', width: dimJson(t.columnWidths[i]) } : { widthType: 'EVENLY_DISTRIBUTED' })),
        },
      },
    };
  });
}

const NAMED_SIZES: Record<string, number> = { NORMAL_TEXT: 11, TITLE: 26, SUBTITLE: 15, HEADING_1: 20, HEADING_2: 16, HEADING_3: 14, HEADING_4: 12, HEADING_5: 11, HEADING_6: 11 };

function hash36(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0;
  for (let i = 0; i < s.length; i++) {
    h1 = Math.imul(h1 ^ s.charCodeAt(i), 16777619) >>> 0;
    h2 = (Math.imul(h2, 31) + s.charCodeAt(i)) >>> 0;
  }
  return h1.toString(36) + h2.toString(36);
}

/** A revision id that changes with the content (deterministic, so persisted runs stay stable). */
const revisionOf = (m: DocModel): string => 'ALm37B' + hash36(JSON.stringify(m));

function documentJson(d: DocState, m: DocModel, tabs: boolean): Json {
  const body = {
    content: [{ endIndex: 1, sectionBreak: { sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT', sectionType: 'CONTINUOUS' } } }, ...contentJson(bodyLayout(m).spans)],
  };
  const documentStyle: Json = {
    background: { color: {} },
    pageNumberStart: 1,
    marginTop: dimJson(m.margins.top),
    marginBottom: dimJson(m.margins.bottom),
    marginRight: dimJson(m.margins.right),
    marginLeft: dimJson(m.margins.left),
    pageSize: { height: dimJson(m.pageHeight), width: dimJson(m.pageWidth) },
    marginHeader: dimJson(36),
    marginFooter: dimJson(36),
    useCustomHeaderFooterMargins: true,
    documentFormat: { documentMode: m.documentMode ?? 'PAGES' },
  };
  const headers: Json = {};
  const footers: Json = {};
  if (m.header) {
    documentStyle.defaultHeaderId = 'kix.header';
    headers['kix.header'] = { headerId: 'kix.header', content: contentJson(layout(m.header, 0).spans) };
  }
  if (m.footer) {
    documentStyle.defaultFooterId = 'kix.footer';
    footers['kix.footer'] = { footerId: 'kix.footer', content: contentJson(layout(m.footer, 0).spans) };
  }
  const namedStyles = {
    styles: Object.entries(NAMED_SIZES).map(([namedStyleType, size]) => ({
      namedStyleType,
      textStyle: { fontSize: dimJson(size), weightedFontFamily: { fontFamily: 'Arial', weight: 400 }, ...(/^HEADING_[12]$/.test(namedStyleType) ? { bold: true } : {}) },
      paragraphStyle: { namedStyleType, direction: 'LEFT_TO_RIGHT', alignment: 'START', lineSpacing: 115 },
    })),
  };
  const content: Json = { body, ...(m.header ? { headers } : {}), ...(m.footer ? { footers } : {}), documentStyle, namedStyles };
  const out: Json = { title: d.name };
  if (tabs) out.tabs = [{ tabProperties: { tabId: 't.0', title: 'Tab 1', index: 0 }, documentTab: content }];
  else Object.assign(out, content);
  return { ...out, revisionId: revisionOf(m), suggestionsViewMode: 'SUGGESTIONS_INLINE', documentId: d.id };
}

// ---------------------------------------------------------------------------------------------------
// The service

/**
 * Docs.Documents. Errors read as Apps Script's: "API call to docs.documents.<method> failed with error: <Google's message>".
 * Reads and writes the document's saved state (what Drive and exports see) and keeps the DocumentApp view in step.
 */
export class DocsDocumentsF extends Fake {
  static override KEY = 'Docs.Documents';

  _api<T>(method: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const err = gasError(this._x, `API call to docs.documents.${method} failed with error: ${e.message}`) as Error & { details?: unknown };
      err.name = 'GoogleJsonResponseException';
      err.details = { code: e.code, message: e.message };
      throw err;
    }
  }

  _doc(id: unknown): DocState {
    const d = typeof id === 'string' ? this._x.g.state.docs[id] : undefined;
    if (!d) throw new ApiError('Requested entity was not found.', 404);
    return d;
  }

  /** Creates a blank document with the given title; other fields of the resource are ignored, as by Google. */
  create(resource?: GoogleAppsScript.Docs.Schema.Document): GoogleAppsScript.Docs.Schema.Document {
    return this._api('create', () => {
      const title = resource && typeof resource === 'object' && typeof resource.title === 'string' && resource.title ? resource.title : 'Untitled document';
      const id = createDocState(this._x.g, title, this._x.user);
      const d = this._doc(id);
      return documentJson(d, d.saved, false) as GoogleAppsScript.Docs.Schema.Document;
    });
  }

  /** optionalArgs: includeTabsContent, suggestionsViewMode. */
  get(documentId: string, optionalArgs?: object): GoogleAppsScript.Docs.Schema.Document {
    return this._api('get', () => {
      const args = (optionalArgs && typeof optionalArgs === 'object' ? optionalArgs : {}) as Json;
      for (const k of Object.keys(args))
        if (!['includeTabsContent', 'suggestionsViewMode', 'fields', 'quotaUser', 'prettyPrint'].includes(k))
          throw new ApiError(`Invalid JSON payload received. Unknown name "${k}": Cannot bind query parameter. Field '${k}' could not be found in request message.`);
      const d = this._doc(documentId);
      // DocumentApp may have changed the document since: never reuse a layout across calls.
      laidOut = null;
      return documentJson(d, d.saved, args.includeTabsContent === true) as GoogleAppsScript.Docs.Schema.Document;
    });
  }

  /** Applies the requests in order to a copy; the document changes only if all of them are valid. */
  batchUpdate(resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, documentId: string): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse {
    return this._api('batchUpdate', () => {
      if (typeof documentId !== 'string') unsupported('batchUpdate with a non-string documentId (the arguments are (resource, documentId))');
      const d = this._doc(documentId);
      tableOffByOne = !!this._x.g.state.docsTableOffByOne;
      // What the API receives is JSON: undefined members vanish, other realms' objects become plain ones.
      const res = JSON.parse(JSON.stringify(resource ?? {})) as Json;
      for (const k of Object.keys(res))
        if (!['requests', 'writeControl'].includes(k)) throw new ApiError(`Invalid JSON payload received. Unknown name "${k}": Cannot find field.`);
      const requests = res.requests ?? [];
      if (!Array.isArray(requests)) throw new ApiError(`Invalid value at 'requests' (${V1}Request), ${show(requests)}`);
      const run = (m: DocModel): { m: DocModel; replies: Json[] } => {
        const copy = structuredClone(m);
        laidOut = null;
        return { m: copy, replies: requests.map((q, i) => applyRequest(copy, q, i)) };
      };
      const { m, replies } = run(d.saved);
      if (requests.length) {
        // DocumentApp edits not saved yet (an open document in some run) are kept on top when they can be.
        const pending = JSON.stringify(d.current) !== JSON.stringify(d.saved);
        let current = structuredClone(m);
        if (pending) {
          try {
            current = run(d.current).m;
          } catch {
            current = structuredClone(m);
          }
        }
        d.saved = m;
        d.current = current;
        d.savedAt = this._x.g.nowMs();
      }
      return { documentId: d.id, replies, writeControl: { requiredRevisionId: revisionOf(d.saved) } };
    });
  }
}

/** Builders of the typed Docs global (Docs.newTextStyle() and so on): plain objects, not API calls. */
const BUILDERS =
  'AutoText Background BatchUpdateDocumentRequest Body Bullet Color ColumnBreak CreateNamedRangeRequest CreateParagraphBulletsRequest DeleteContentRangeRequest DeleteNamedRangeRequest DeleteParagraphBulletsRequest DeletePositionedObjectRequest DeleteTableColumnRequest DeleteTableRowRequest Dimension Document DocumentStyle EndOfSegmentLocation Equation FootnoteReference HorizontalRule InlineObjectElement InsertInlineImageRequest InsertPageBreakRequest InsertTableRequest InsertTableRowRequest InsertTextRequest Link Location NamedStyle NamedStyles OptionalColor PageBreak Paragraph ParagraphBorder ParagraphElement ParagraphStyle Range ReplaceAllTextRequest Request RgbColor SectionBreak SectionColumnProperties SectionStyle Shading Size StructuralElement SubstringMatchCriteria TabStop Table TableCell TableCellBorder TableCellLocation TableCellStyle TableColumnProperties TableOfContents TableRow TableRowStyle TableStyle TextRun TextStyle UpdateParagraphStyleRequest UpdateTextStyleRequest WeightedFontFamily WriteControl'.split(
    ' ',
  );

/** The `Docs` global: property reads are free, each Documents method call is counted as 'Docs.Documents.<method>'. */
export function createDocsGlobal(x: Exec): { Documents: DocsDocumentsF } & Record<string, unknown> {
  const g: Record<string, unknown> = { Documents: wrap(new DocsDocumentsF(x)) };
  for (const n of BUILDERS) g['new' + n] = () => x.toRealm({});
  return g as { Documents: DocsDocumentsF } & Record<string, unknown>;
}
