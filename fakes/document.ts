// DocumentApp fake: Document, Body/Header/Footer, Paragraph, ListItem, Text, Table, TableRow, TableCell over doc-model.ts.

import { Fake, gasError, type Exec, type GoogleCore } from './core';
import { BlobF } from './blob';
import {
  TEXT_ATTRS,
  docJson,
  docPdf,
  newDocModel,
  newPara,
  nodeText,
  normalizeRuns,
  paraText,
  splitRuns,
  type Attrs,
  type CellNode,
  type DocJson,
  type DocModel,
  type DocNode,
  type DocState,
  type ParaNode,
  type RowNode,
  type TableNode,
} from './doc-model';

const enumOf = (...keys: string[]) => Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as Record<string, string>);

export const ParagraphHeading = enumOf('NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE');
export const HorizontalAlignment = enumOf('LEFT', 'CENTER', 'RIGHT', 'JUSTIFY');
export const VerticalAlignment = enumOf('BOTTOM', 'CENTER', 'TOP');
export const GlyphType = enumOf('BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER');
export const ElementType = enumOf('BODY_SECTION', 'COMMENT_SECTION', 'DOCUMENT', 'EQUATION', 'FOOTER_SECTION', 'FOOTNOTE', 'FOOTNOTE_SECTION', 'HEADER_SECTION', 'HORIZONTAL_RULE', 'INLINE_IMAGE', 'LIST_ITEM', 'PAGE_BREAK', 'PARAGRAPH', 'TABLE', 'TABLE_CELL', 'TABLE_OF_CONTENTS', 'TABLE_ROW', 'TEXT', 'UNSUPPORTED');
export const Attribute = enumOf(
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
);

/** Documents closed by saveAndClose in an execution: further edits there throw, as on Google. */
const closedDocs = new WeakMap<Exec, Set<string>>();
function closed(x: Exec): Set<string> {
  let s = closedDocs.get(x);
  if (!s) closedDocs.set(x, (s = new Set()));
  return s;
}

export function createDocState(g: GoogleCore, name: string, owner: string): string {
  const id = g.nextId('1Doc');
  const m = newDocModel();
  if (g.state.newDocumentsPageless) m.documentMode = 'PAGELESS';
  g.state.docs[id] = { id, name, owner, createdAt: g.nowMs(), current: m, saved: structuredClone(m), savedAt: g.nowMs() };
  g.state.drive.placement[id] = ['root'];
  return id;
}

/** Structured view of a stored document; saved=true gives what an export would contain. */
export function documentJson(g: GoogleCore, id: string, saved = false): DocJson {
  const d = g.state.docs[id];
  if (!d) throw new Error(`No document ${id}`);
  return docJson(id, d.name, saved ? d.saved : d.current);
}

export function docPdfBytes(d: DocState): Uint8Array {
  return docPdf(d.name, d.saved, d.savedAt);
}

function docState(x: Exec, id: string): DocState {
  const d = x.g.state.docs[id];
  if (!d) throw gasError(x, 'Document is missing (perhaps it was deleted, or you don\'t have read access?)');
  return d;
}

export class DocumentAppF extends Fake {
  static override KEY = 'DocumentApp';
  readonly ParagraphHeading = ParagraphHeading;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly VerticalAlignment = VerticalAlignment;
  readonly GlyphType = GlyphType;
  readonly ElementType = ElementType;
  readonly Attribute = Attribute;
  readonly TextAlignment = enumOf('NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT');
  readonly FontFamily = enumOf('ARIAL', 'TIMES_NEW_ROMAN', 'CALIBRI', 'ROBOTO');
  create(name: string): DocumentF {
    const id = createDocState(this._x.g, String(name), this._x.user);
    return new DocumentF(this._x, id);
  }
  openById(id: string): DocumentF {
    docState(this._x, String(id));
    closed(this._x).delete(String(id));
    return new DocumentF(this._x, String(id));
  }
  openByUrl(url: string): DocumentF {
    const m = /\/d\/([^/]+)/.exec(url);
    if (!m) throw gasError(this._x, 'Invalid argument: url');
    return this.openById(m[1]);
  }
  getActiveDocument(): null {
    return null;
  }
}

abstract class DocPart extends Fake {
  constructor(
    x: Exec,
    readonly _docId_: string,
  ) {
    super(x);
  }
  override _docId(): string {
    return this._docId_;
  }
  _model(): DocModel {
    return docState(this._x, this._docId_).current;
  }
  /** Guard for mutators. */
  _w(): void {
    docState(this._x, this._docId_);
    if (closed(this._x).has(this._docId_)) throw gasError(this._x, 'Document is closed, its contents cannot be updated.');
  }
}

export class DocumentF extends DocPart {
  static override KEY = 'DocumentApp.Document';
  getId(): string {
    return this._docId_;
  }
  getName(): string {
    return docState(this._x, this._docId_).name;
  }
  setName(n: string): this {
    this._w();
    docState(this._x, this._docId_).name = n;
    return this;
  }
  getUrl(): string {
    return `https://docs.google.com/document/d/${this._docId_}/edit`;
  }
  getBody(): BodyF {
    return new BodyF(this._x, this._docId_, 'body');
  }
  getHeader(): BodyF | null {
    return this._model().header ? new BodyF(this._x, this._docId_, 'header') : null;
  }
  addHeader(): BodyF {
    this._w();
    const m = this._model();
    if (m.header) throw gasError(this._x, 'Document tab already contains a header.');
    m.header = [newPara()];
    return new BodyF(this._x, this._docId_, 'header');
  }
  getFooter(): BodyF | null {
    return this._model().footer ? new BodyF(this._x, this._docId_, 'footer') : null;
  }
  addFooter(): BodyF {
    this._w();
    const m = this._model();
    if (m.footer) throw gasError(this._x, 'Document tab already contains a footer.');
    m.footer = [newPara()];
    return new BodyF(this._x, this._docId_, 'footer');
  }
  saveAndClose(): void {
    const d = docState(this._x, this._docId_);
    d.saved = structuredClone(d.current);
    d.savedAt = this._x.g.nowMs();
    closed(this._x).add(this._docId_);
  }
  getAs(contentType: string): BlobF {
    if (contentType !== 'application/pdf') throw gasError(this._x, `Converting from application/vnd.google-apps.document to ${contentType} is not supported.`);
    const d = docState(this._x, this._docId_);
    return new BlobF(this._x, docPdfBytes(d), 'application/pdf', `${d.name}.pdf`);
  }
  getBlob(): BlobF {
    return this.getAs('application/pdf');
  }
  getEditors(): { getEmail(): string }[] {
    const email = docState(this._x, this._docId_).owner;
    return [{ getEmail: () => email }];
  }
  addEditor(): this {
    return this;
  }
  /** Structured model of the current content (not an Apps Script method). */
  toJSON(): DocJson {
    return documentJson(this._x.g, this._docId_);
  }
}

type Holder = { kids(): DocNode[] };

function wrapNode(x: Exec, docId: string, n: DocNode, parent: Holder): Fake {
  if (n.type === 'PARAGRAPH') return new ParagraphF(x, docId, n, parent);
  if (n.type === 'LIST_ITEM') return new ListItemF(x, docId, n, parent);
  if (n.type === 'TABLE') return new TableF(x, docId, n, parent);
  return new SimpleElementF(x, docId, n, parent);
}

function tableNode(cells?: unknown): TableNode {
  const rows = Array.isArray(cells) ? (cells as unknown[][]) : [];
  return {
    type: 'TABLE',
    attrs: {},
    columnWidths: {},
    rows: rows.map((r) => ({ attrs: {}, cells: (Array.isArray(r) ? r : []).map((c) => ({ attrs: {}, children: [newPara(c === null || c === undefined ? '' : String(c))] })) })),
  };
}

/** Anything holding a list of block children: Body, Header, Footer, TableCell. */
abstract class ContainerF extends DocPart {
  abstract _kids(): DocNode[];
  _holder(): Holder {
    return { kids: () => this._kids() };
  }
  _insert(index: number, n: DocNode): Fake {
    this._w();
    const kids = this._kids();
    if (index < 0 || index > kids.length) throw gasError(this._x, `Index (${index}) must be less than or equal to the number of child elements (${kids.length}).`);
    kids.splice(index, 0, n);
    return wrapNode(this._x, this._docId_, n, this._holder());
  }
  _para(v: unknown, type: 'PARAGRAPH' | 'LIST_ITEM'): ParaNode {
    if (v instanceof ParagraphF) {
      const copy = structuredClone(v._p);
      copy.type = type;
      return copy;
    }
    return newPara(v === undefined || v === null ? '' : String(v), type);
  }
  appendParagraph(v: unknown): Fake {
    return this._insert(this._kids().length, this._para(v, 'PARAGRAPH'));
  }
  insertParagraph(i: number, v: unknown): Fake {
    return this._insert(i, this._para(v, 'PARAGRAPH'));
  }
  appendListItem(v: unknown): Fake {
    return this._insert(this._kids().length, this._para(v, 'LIST_ITEM'));
  }
  insertListItem(i: number, v: unknown): Fake {
    return this._insert(i, this._para(v, 'LIST_ITEM'));
  }
  appendTable(cells?: unknown): Fake {
    const n = cells instanceof TableF ? structuredClone(cells._t) : tableNode(cells);
    return this._insert(this._kids().length, n);
  }
  insertTable(i: number, cells?: unknown): Fake {
    const n = cells instanceof TableF ? structuredClone(cells._t) : tableNode(cells);
    return this._insert(i, n);
  }
  appendHorizontalRule(): Fake {
    return this._insert(this._kids().length, { type: 'HORIZONTAL_RULE' });
  }
  insertHorizontalRule(i: number): Fake {
    return this._insert(i, { type: 'HORIZONTAL_RULE' });
  }
  getNumChildren(): number {
    return this._kids().length;
  }
  getChild(i: number): Fake {
    const kids = this._kids();
    if (i < 0 || i >= kids.length) throw gasError(this._x, `Child index (${i}) must be less than the number of child elements (${kids.length}).`);
    return wrapNode(this._x, this._docId_, kids[i], this._holder());
  }
  getChildIndex(el: { _node?: () => DocNode }): number {
    const n = el._node?.();
    const i = n ? this._kids().indexOf(n) : -1;
    if (i < 0) throw gasError(this._x, 'Element does not contain the specified child element.');
    return i;
  }
  removeChild(el: { _node?: () => DocNode }): this {
    this._w();
    const kids = this._kids();
    const i = this.getChildIndex(el);
    const paras = kids.filter((k) => k.type === 'PARAGRAPH' || k.type === 'LIST_ITEM');
    if (paras.length === 1 && paras[0] === kids[i]) throw gasError(this._x, "Can't remove the last paragraph in a document section.");
    kids.splice(i, 1);
    return this;
  }
  _allParas(nodes: DocNode[] = this._kids(), out: { n: ParaNode; h: Holder }[] = [], h: Holder = this._holder()): { n: ParaNode; h: Holder }[] {
    for (const n of nodes) {
      if (n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM') out.push({ n, h });
      else if (n.type === 'TABLE') for (const r of n.rows) for (const c of r.cells) this._allParas(c.children, out, { kids: () => c.children });
    }
    return out;
  }
  _getParagraphs(): Fake[] {
    return this._allParas().map(({ n, h }) => wrapNode(this._x, this._docId_, n, h));
  }
  _getListItems(): Fake[] {
    return this._allParas()
      .filter(({ n }) => n.type === 'LIST_ITEM')
      .map(({ n, h }) => wrapNode(this._x, this._docId_, n, h));
  }
  _getTables(): TableF[] {
    const out: TableF[] = [];
    const walk = (nodes: DocNode[], h: Holder) => {
      for (const n of nodes)
        if (n.type === 'TABLE') {
          out.push(new TableF(this._x, this._docId_, n, h));
          for (const r of n.rows) for (const c of r.cells) walk(c.children, { kids: () => c.children });
        }
    };
    walk(this._kids(), this._holder());
    return out;
  }
  getText(): string {
    return this._kids().map(nodeText).join('\n');
  }
  setText(t: string): this {
    this._w();
    const kids = this._kids();
    kids.splice(0, kids.length, newPara(String(t)));
    return this;
  }
  clear(): this {
    this._w();
    const kids = this._kids();
    kids.splice(0, kids.length, newPara());
    return this;
  }
  replaceText(pattern: string, replacement: string): this {
    this._w();
    const re = new RegExp(pattern, 'g');
    for (const { n } of this._allParas()) replaceInPara(n, re, replacement);
    return this;
  }
  editAsText(): TextF {
    const first = this._allParas()[0];
    if (!first) throw gasError(this._x, 'Element does not contain text.');
    return new TextF(this._x, this._docId_, first.n);
  }
  getType(): string {
    return 'UNSUPPORTED';
  }
}

function replaceInPara(p: ParaNode, re: RegExp, replacement: string): void {
  const text = paraText(p);
  re.lastIndex = 0;
  if (!re.test(text)) return;
  re.lastIndex = 0;
  const attrs = p.runs[0]?.attrs ?? {};
  const next = text.replace(re, replacement);
  p.runs = next ? [{ text: next, attrs: { ...attrs } }] : [];
}

export class BodyF extends ContainerF {
  static override KEY = 'DocumentApp.Body';
  constructor(
    x: Exec,
    docId: string,
    readonly _section: 'body' | 'header' | 'footer',
  ) {
    super(x, docId);
  }
  _kids(): DocNode[] {
    const m = this._model();
    const k = this._section === 'body' ? m.body : this._section === 'header' ? m.header : m.footer;
    if (!k) throw gasError(this._x, 'The section has been removed.');
    return k;
  }
  override getType(): string {
    return this._section === 'body' ? 'BODY_SECTION' : this._section === 'header' ? 'HEADER_SECTION' : 'FOOTER_SECTION';
  }
  getParagraphs(): Fake[] {
    return this._getParagraphs();
  }
  getListItems(): Fake[] {
    return this._getListItems();
  }
  getTables(): TableF[] {
    return this._getTables();
  }
  appendPageBreak(): Fake {
    return this._insert(this._kids().length, { type: 'PAGE_BREAK' });
  }
  insertPageBreak(i: number): Fake {
    return this._insert(i, { type: 'PAGE_BREAK' });
  }
  _margin(k: 'top' | 'bottom' | 'left' | 'right', v?: number): number | this {
    if (v === undefined) return this._model().margins[k];
    this._w();
    this._model().margins[k] = v;
    return this;
  }
  setMarginTop(v: number): this {
    return this._margin('top', v) as this;
  }
  setMarginBottom(v: number): this {
    return this._margin('bottom', v) as this;
  }
  setMarginLeft(v: number): this {
    return this._margin('left', v) as this;
  }
  setMarginRight(v: number): this {
    return this._margin('right', v) as this;
  }
  getMarginTop(): number {
    return this._model().margins.top;
  }
  getMarginBottom(): number {
    return this._model().margins.bottom;
  }
  getMarginLeft(): number {
    return this._model().margins.left;
  }
  getMarginRight(): number {
    return this._model().margins.right;
  }
  setPageWidth(w: number): this {
    this._w();
    this._model().pageWidth = w;
    return this;
  }
  setPageHeight(h: number): this {
    this._w();
    this._model().pageHeight = h;
    return this;
  }
  getPageWidth(): number {
    return this._model().pageWidth;
  }
  getPageHeight(): number {
    return this._model().pageHeight;
  }
  setAttributes(a: Attrs): this {
    this._w();
    const m = this._model();
    const map: Record<string, () => void> = {
      MARGIN_TOP: () => (m.margins.top = a.MARGIN_TOP as number),
      MARGIN_BOTTOM: () => (m.margins.bottom = a.MARGIN_BOTTOM as number),
      MARGIN_LEFT: () => (m.margins.left = a.MARGIN_LEFT as number),
      MARGIN_RIGHT: () => (m.margins.right = a.MARGIN_RIGHT as number),
      PAGE_WIDTH: () => (m.pageWidth = a.PAGE_WIDTH as number),
      PAGE_HEIGHT: () => (m.pageHeight = a.PAGE_HEIGHT as number),
    };
    for (const [k, v] of Object.entries(a)) {
      if (map[k]) map[k]();
      else m.bodyAttrs[k] = v;
    }
    return this;
  }
  getAttributes(): Attrs {
    const m = this._model();
    return { ...m.bodyAttrs, MARGIN_TOP: m.margins.top, MARGIN_BOTTOM: m.margins.bottom, MARGIN_LEFT: m.margins.left, MARGIN_RIGHT: m.margins.right, PAGE_WIDTH: m.pageWidth, PAGE_HEIGHT: m.pageHeight };
  }
  removeFromParent(): void {
    this._w();
    const m = this._model();
    if (this._section === 'header') m.header = null;
    else if (this._section === 'footer') m.footer = null;
    else throw gasError(this._x, 'Cannot remove the body section.');
  }
}

/** Block element inside a container. */
abstract class BlockF extends DocPart {
  constructor(
    x: Exec,
    docId: string,
    readonly _n: DocNode,
    readonly _parent: Holder,
  ) {
    super(x, docId);
  }
  _node(): DocNode {
    return this._n;
  }
  getType(): string {
    return this._n.type;
  }
  removeFromParent(): this {
    this._w();
    const kids = this._parent.kids();
    const i = kids.indexOf(this._n);
    if (i >= 0) kids.splice(i, 1);
    return this;
  }
  getNextSibling(): Fake | null {
    const kids = this._parent.kids();
    const i = kids.indexOf(this._n);
    return i >= 0 && i + 1 < kids.length ? wrapNode(this._x, this._docId_, kids[i + 1], this._parent) : null;
  }
  getPreviousSibling(): Fake | null {
    const kids = this._parent.kids();
    const i = kids.indexOf(this._n);
    return i > 0 ? wrapNode(this._x, this._docId_, kids[i - 1], this._parent) : null;
  }
  isAtDocumentEnd(): boolean {
    const kids = this._parent.kids();
    return kids[kids.length - 1] === this._n;
  }
}

export class SimpleElementF extends BlockF {
  static override KEY = 'DocumentApp.Element';
  getText(): string {
    return '';
  }
}

export class ParagraphF extends BlockF {
  static override KEY = 'DocumentApp.Paragraph';
  get _p(): ParaNode {
    return this._n as ParaNode;
  }
  getText(): string {
    return paraText(this._p);
  }
  setText(t: string): this {
    this._w();
    const attrs = this._p.runs[0]?.attrs ?? {};
    this._p.runs = t ? [{ text: String(t), attrs: { ...attrs } }] : [];
    return this;
  }
  appendText(t: string): TextF {
    this._w();
    const p = this._p;
    const last = p.runs[p.runs.length - 1];
    const start = paraText(p).length;
    p.runs.push({ text: String(t), attrs: last ? { ...last.attrs } : {} });
    normalizeRuns(p);
    return new TextF(this._x, this._docId_, p, start, start + String(t).length);
  }
  insertText(offset: number, t: string): TextF {
    return new TextF(this._x, this._docId_, this._p).insertText(offset, t);
  }
  editAsText(): TextF {
    return new TextF(this._x, this._docId_, this._p);
  }
  clear(): this {
    this._w();
    this._p.runs = [];
    return this;
  }
  getNumChildren(): number {
    return this._p.runs.length ? 1 : 0;
  }
  getChild(i: number): TextF {
    if (i !== 0 || !this._p.runs.length) throw gasError(this._x, `Child index (${i}) must be less than the number of child elements (${this.getNumChildren()}).`);
    return new TextF(this._x, this._docId_, this._p);
  }
  setHeading(h: string): this {
    this._w();
    this._p.heading = h;
    return this;
  }
  getHeading(): string {
    return this._p.heading;
  }
  _attr(k: string, v: unknown): this {
    this._w();
    if (v === null || v === undefined) delete this._p.attrs[k];
    else this._p.attrs[k] = v;
    return this;
  }
  setAlignment(a: string): this {
    return this._attr('HORIZONTAL_ALIGNMENT', a);
  }
  getAlignment(): string {
    return (this._p.attrs.HORIZONTAL_ALIGNMENT as string) ?? 'LEFT';
  }
  setIndentFirstLine(v: number): this {
    return this._attr('INDENT_FIRST_LINE', v);
  }
  getIndentFirstLine(): number | null {
    return (this._p.attrs.INDENT_FIRST_LINE as number) ?? null;
  }
  setIndentStart(v: number): this {
    return this._attr('INDENT_START', v);
  }
  getIndentStart(): number | null {
    return (this._p.attrs.INDENT_START as number) ?? null;
  }
  setIndentEnd(v: number): this {
    return this._attr('INDENT_END', v);
  }
  getIndentEnd(): number | null {
    return (this._p.attrs.INDENT_END as number) ?? null;
  }
  setSpacingBefore(v: number): this {
    return this._attr('SPACING_BEFORE', v);
  }
  getSpacingBefore(): number | null {
    return (this._p.attrs.SPACING_BEFORE as number) ?? null;
  }
  setSpacingAfter(v: number): this {
    return this._attr('SPACING_AFTER', v);
  }
  getSpacingAfter(): number | null {
    return (this._p.attrs.SPACING_AFTER as number) ?? null;
  }
  setLineSpacing(v: number): this {
    return this._attr('LINE_SPACING', v);
  }
  getLineSpacing(): number | null {
    return (this._p.attrs.LINE_SPACING as number) ?? null;
  }
  setLinkUrl(u: string | null): this {
    return this._attr('LINK_URL', u);
  }
  getLinkUrl(): string | null {
    return (this._p.attrs.LINK_URL as string) ?? null;
  }
  setLeftToRight(b: boolean): this {
    return this._attr('LEFT_TO_RIGHT', b);
  }
  isLeftToRight(): boolean {
    return this._p.attrs.LEFT_TO_RIGHT !== false;
  }
  setAttributes(a: Attrs): this {
    this._w();
    for (const [k, v] of Object.entries(a)) {
      if (k === 'HEADING') this._p.heading = String(v);
      else if (v === null || v === undefined) delete this._p.attrs[k];
      else this._p.attrs[k] = v;
      // Setting a text attribute on the element sets it for all its text.
      if (TEXT_ATTRS.has(k)) for (const r of this._p.runs) delete r.attrs[k];
    }
    return this;
  }
  getAttributes(): Attrs {
    const out: Attrs = {};
    for (const k of Object.keys(Attribute)) out[k] = null;
    return { ...out, ...this._p.attrs, HEADING: this._p.heading };
  }
  replaceText(pattern: string, replacement: string): this {
    this._w();
    replaceInPara(this._p, new RegExp(pattern, 'g'), replacement);
    return this;
  }
  copy(): ParagraphF {
    const n = structuredClone(this._p);
    return new (this.constructor as typeof ParagraphF)(this._x, this._docId_, n, { kids: () => [] });
  }
  getParent(): Fake | null {
    return null;
  }
}

export class ListItemF extends ParagraphF {
  static override KEY = 'DocumentApp.ListItem';
  setGlyphType(g: string): this {
    this._w();
    this._p.glyph = g;
    return this;
  }
  getGlyphType(): string {
    return this._p.glyph ?? 'BULLET';
  }
  setNestingLevel(n: number): this {
    this._w();
    this._p.nesting = n;
    return this;
  }
  getNestingLevel(): number {
    return this._p.nesting ?? 0;
  }
  setListId(other: ListItemF): this {
    this._w();
    this._p.listId = other._p.listId ?? (other._p.listId = `kix.${Math.abs(hash(JSON.stringify(other._p)))}`);
    return this;
  }
  getListId(): string {
    return this._p.listId ?? 'kix.default';
  }
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}

/** Text of one paragraph (or a slice of it after appendText). Offsets are inclusive, as in Apps Script. */
export class TextF extends DocPart {
  static override KEY = 'DocumentApp.Text';
  constructor(
    x: Exec,
    docId: string,
    readonly _p: ParaNode,
    readonly _from = 0,
    readonly _to: number | null = null,
  ) {
    super(x, docId);
  }
  _len(): number {
    return paraText(this._p).length;
  }
  _set(k: string, args: unknown[]): this {
    this._w();
    let start: number, end: number, v: unknown;
    if (args.length >= 3) {
      start = this._from + Number(args[0]);
      end = this._from + Number(args[1]) + 1;
      v = args[2];
      if (Number(args[0]) < 0 || end > this._len() || start >= end) throw gasError(this._x, `Invalid text offsets: ${String(args[0])}, ${String(args[1])}`);
    } else {
      start = this._from;
      end = this._to ?? this._len();
      v = args[0];
    }
    if (start === 0 && end >= this._len() && this._to === null) {
      // Whole text: store on the paragraph so text appended later keeps it, like Docs.
      for (const r of this._p.runs) delete r.attrs[k];
      if (v === null || v === undefined) delete this._p.attrs[k];
      else this._p.attrs[k] = v;
    } else
      for (const r of splitRuns(this._p, start, end)) {
        if (v === null || v === undefined) delete r.attrs[k];
        else r.attrs[k] = v;
      }
    normalizeRuns(this._p);
    return this;
  }
  _get(k: string, offset?: number): unknown {
    const pos = this._from + (offset ?? 0);
    let at = 0;
    for (const r of this._p.runs) {
      if (pos < at + r.text.length) return r.attrs[k] ?? this._p.attrs[k] ?? null;
      at += r.text.length;
    }
    return this._p.attrs[k] ?? null;
  }
  getText(): string {
    return paraText(this._p).slice(this._from, this._to ?? undefined);
  }
  setText(t: string): this {
    this._w();
    const attrs = this._p.runs[0]?.attrs ?? {};
    this._p.runs = t ? [{ text: String(t), attrs: { ...attrs } }] : [];
    return this;
  }
  appendText(t: string): TextF {
    this._w();
    const last = this._p.runs[this._p.runs.length - 1];
    const start = this._len();
    this._p.runs.push({ text: String(t), attrs: last ? { ...last.attrs } : {} });
    normalizeRuns(this._p);
    return new TextF(this._x, this._docId_, this._p, start, start + String(t).length);
  }
  insertText(offset: number, t: string): this {
    this._w();
    const text = paraText(this._p);
    if (offset < 0 || offset > text.length) throw gasError(this._x, `Invalid offset: ${offset}`);
    splitRuns(this._p, offset, offset);
    let at = 0;
    let idx = this._p.runs.length;
    for (let i = 0; i < this._p.runs.length; i++) {
      if (at >= offset) {
        idx = i;
        break;
      }
      at += this._p.runs[i].text.length;
    }
    const neighbour = this._p.runs[idx - 1] ?? this._p.runs[idx];
    this._p.runs.splice(idx, 0, { text: String(t), attrs: neighbour ? { ...neighbour.attrs } : {} });
    normalizeRuns(this._p);
    return this;
  }
  deleteText(start: number, endInclusive: number): this {
    this._w();
    const runs = splitRuns(this._p, start, endInclusive + 1);
    this._p.runs = this._p.runs.filter((r) => !runs.includes(r));
    normalizeRuns(this._p);
    return this;
  }
  setBold(...a: unknown[]): this {
    return this._set('BOLD', a);
  }
  setItalic(...a: unknown[]): this {
    return this._set('ITALIC', a);
  }
  setUnderline(...a: unknown[]): this {
    return this._set('UNDERLINE', a);
  }
  setStrikethrough(...a: unknown[]): this {
    return this._set('STRIKETHROUGH', a);
  }
  setFontSize(...a: unknown[]): this {
    return this._set('FONT_SIZE', a);
  }
  setFontFamily(...a: unknown[]): this {
    return this._set('FONT_FAMILY', a);
  }
  setForegroundColor(...a: unknown[]): this {
    return this._set('FOREGROUND_COLOR', a);
  }
  setBackgroundColor(...a: unknown[]): this {
    return this._set('BACKGROUND_COLOR', a);
  }
  setLinkUrl(...a: unknown[]): this {
    return this._set('LINK_URL', a);
  }
  setTextAlignment(): this {
    return this;
  }
  setAttributes(...a: unknown[]): this {
    const attrs = a[a.length - 1] as Attrs;
    const range = a.length >= 3 ? [a[0], a[1]] : [];
    for (const [k, v] of Object.entries(attrs)) if (TEXT_ATTRS.has(k)) this._set(k, [...range, v]);
    return this;
  }
  getAttributes(offset?: number): Attrs {
    const out: Attrs = {};
    for (const k of TEXT_ATTRS) out[k] = this._get(k, offset);
    return out;
  }
  isBold(offset?: number): boolean | null {
    return (this._get('BOLD', offset) as boolean | null) ?? null;
  }
  isItalic(offset?: number): boolean | null {
    return (this._get('ITALIC', offset) as boolean | null) ?? null;
  }
  isUnderline(offset?: number): boolean | null {
    return (this._get('UNDERLINE', offset) as boolean | null) ?? null;
  }
  getFontSize(offset?: number): number | null {
    return (this._get('FONT_SIZE', offset) as number | null) ?? null;
  }
  getFontFamily(offset?: number): string | null {
    return (this._get('FONT_FAMILY', offset) as string | null) ?? null;
  }
  getForegroundColor(offset?: number): string | null {
    return (this._get('FOREGROUND_COLOR', offset) as string | null) ?? null;
  }
  getLinkUrl(offset?: number): string | null {
    return (this._get('LINK_URL', offset) as string | null) ?? null;
  }
  getTextAttributeIndices(): number[] {
    const out: number[] = [];
    let at = 0;
    for (const r of this._p.runs) {
      out.push(at);
      at += r.text.length;
    }
    return out.length ? out : [0];
  }
  replaceText(pattern: string, replacement: string): this {
    this._w();
    replaceInPara(this._p, new RegExp(pattern, 'g'), replacement);
    return this;
  }
  getType(): string {
    return 'TEXT';
  }
}

export class TableF extends BlockF {
  static override KEY = 'DocumentApp.Table';
  get _t(): TableNode {
    return this._n as TableNode;
  }
  getNumRows(): number {
    return this._t.rows.length;
  }
  getNumChildren(): number {
    return this._t.rows.length;
  }
  getRow(i: number): TableRowF {
    const r = this._t.rows[i];
    if (!r) throw gasError(this._x, `Child index (${i}) must be less than the number of child elements (${this._t.rows.length}).`);
    return new TableRowF(this._x, this._docId_, this._t, r);
  }
  getChild(i: number): TableRowF {
    return this.getRow(i);
  }
  getCell(r: number, c: number): TableCellF {
    return this.getRow(r).getCell(c);
  }
  appendTableRow(cells?: unknown): TableRowF {
    this._w();
    const row: RowNode = { attrs: {}, cells: Array.isArray(cells) ? cells.map((c) => ({ attrs: {}, children: [newPara(String(c ?? ''))] })) : [] };
    this._t.rows.push(row);
    return new TableRowF(this._x, this._docId_, this._t, row);
  }
  insertTableRow(i: number, cells?: unknown): TableRowF {
    this._w();
    const row: RowNode = { attrs: {}, cells: Array.isArray(cells) ? cells.map((c) => ({ attrs: {}, children: [newPara(String(c ?? ''))] })) : [] };
    this._t.rows.splice(i, 0, row);
    return new TableRowF(this._x, this._docId_, this._t, row);
  }
  removeRow(i: number): TableRowF {
    this._w();
    const [row] = this._t.rows.splice(i, 1);
    return new TableRowF(this._x, this._docId_, this._t, row);
  }
  setBorderWidth(w: number): this {
    this._w();
    this._t.attrs.BORDER_WIDTH = w;
    return this;
  }
  getBorderWidth(): number {
    return (this._t.attrs.BORDER_WIDTH as number) ?? 1;
  }
  setBorderColor(c: string): this {
    this._w();
    this._t.attrs.BORDER_COLOR = c;
    return this;
  }
  getBorderColor(): string {
    return (this._t.attrs.BORDER_COLOR as string) ?? '#000000';
  }
  setColumnWidth(i: number, w: number): this {
    this._w();
    this._t.columnWidths[i] = w;
    return this;
  }
  getColumnWidth(i: number): number | null {
    return this._t.columnWidths[i] ?? null;
  }
  setAttributes(a: Attrs): this {
    this._w();
    Object.assign(this._t.attrs, a);
    return this;
  }
  getAttributes(): Attrs {
    return { ...this._t.attrs };
  }
  getText(): string {
    return nodeText(this._t);
  }
  replaceText(pattern: string, replacement: string): this {
    this._w();
    const re = new RegExp(pattern, 'g');
    for (const r of this._t.rows) for (const c of r.cells) for (const n of c.children) if (n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM') replaceInPara(n, re, replacement);
    return this;
  }
  copy(): TableF {
    return new TableF(this._x, this._docId_, structuredClone(this._t), { kids: () => [] });
  }
}

export class TableRowF extends DocPart {
  static override KEY = 'DocumentApp.TableRow';
  constructor(
    x: Exec,
    docId: string,
    readonly _t: TableNode,
    readonly _r: RowNode,
  ) {
    super(x, docId);
  }
  getNumCells(): number {
    return this._r.cells.length;
  }
  getNumChildren(): number {
    return this._r.cells.length;
  }
  getCell(i: number): TableCellF {
    const c = this._r.cells[i];
    if (!c) throw gasError(this._x, `Child index (${i}) must be less than the number of child elements (${this._r.cells.length}).`);
    return new TableCellF(this._x, this._docId_, this._t, this._r, c);
  }
  getChild(i: number): TableCellF {
    return this.getCell(i);
  }
  appendTableCell(text?: string): TableCellF {
    this._w();
    const c: CellNode = { attrs: {}, children: [newPara(text === undefined ? '' : String(text))] };
    this._r.cells.push(c);
    return new TableCellF(this._x, this._docId_, this._t, this._r, c);
  }
  removeCell(i: number): TableCellF {
    this._w();
    const [c] = this._r.cells.splice(i, 1);
    return new TableCellF(this._x, this._docId_, this._t, this._r, c);
  }
  setMinimumHeight(h: number): this {
    this._w();
    this._r.attrs.MINIMUM_HEIGHT = h;
    return this;
  }
  getMinimumHeight(): number {
    return (this._r.attrs.MINIMUM_HEIGHT as number) ?? 0;
  }
  setAttributes(a: Attrs): this {
    this._w();
    Object.assign(this._r.attrs, a);
    return this;
  }
  getAttributes(): Attrs {
    return { ...this._r.attrs };
  }
  getText(): string {
    return this._r.cells.map((c) => c.children.map(nodeText).join('\n')).join('\t');
  }
  getType(): string {
    return 'TABLE_ROW';
  }
  getParentTable(): TableF {
    return new TableF(this._x, this._docId_, this._t, { kids: () => [] });
  }
}

export class TableCellF extends ContainerF {
  static override KEY = 'DocumentApp.TableCell';
  constructor(
    x: Exec,
    docId: string,
    readonly _t: TableNode,
    readonly _r: RowNode,
    readonly _c: CellNode,
  ) {
    super(x, docId);
  }
  _kids(): DocNode[] {
    return this._c.children;
  }
  override getType(): string {
    return 'TABLE_CELL';
  }
  override setText(t: string): this {
    this._w();
    const first = this._c.children.find((n): n is ParaNode => n.type === 'PARAGRAPH');
    const p = newPara(String(t));
    if (first) {
      p.attrs = { ...first.attrs };
      p.heading = first.heading;
      if (first.runs[0]) p.runs.forEach((r) => (r.attrs = { ...first.runs[0].attrs }));
    }
    this._c.children.splice(0, this._c.children.length, p);
    return this;
  }
  _cattr(k: string, v: unknown): this {
    this._w();
    this._c.attrs[k] = v;
    return this;
  }
  setBackgroundColor(c: string): this {
    return this._cattr('BACKGROUND_COLOR', c);
  }
  getBackgroundColor(): string | null {
    return (this._c.attrs.BACKGROUND_COLOR as string) ?? null;
  }
  setWidth(w: number): this {
    return this._cattr('WIDTH', w);
  }
  getWidth(): number | null {
    return (this._c.attrs.WIDTH as number) ?? null;
  }
  setPaddingTop(v: number): this {
    return this._cattr('PADDING_TOP', v);
  }
  setPaddingBottom(v: number): this {
    return this._cattr('PADDING_BOTTOM', v);
  }
  setPaddingLeft(v: number): this {
    return this._cattr('PADDING_LEFT', v);
  }
  setPaddingRight(v: number): this {
    return this._cattr('PADDING_RIGHT', v);
  }
  getPaddingTop(): number {
    return (this._c.attrs.PADDING_TOP as number) ?? 5;
  }
  getPaddingBottom(): number {
    return (this._c.attrs.PADDING_BOTTOM as number) ?? 5;
  }
  getPaddingLeft(): number {
    return (this._c.attrs.PADDING_LEFT as number) ?? 5;
  }
  getPaddingRight(): number {
    return (this._c.attrs.PADDING_RIGHT as number) ?? 5;
  }
  setVerticalAlignment(a: string): this {
    return this._cattr('VERTICAL_ALIGNMENT', a);
  }
  getVerticalAlignment(): string {
    return (this._c.attrs.VERTICAL_ALIGNMENT as string) ?? 'TOP';
  }
  setAttributes(a: Attrs): this {
    this._w();
    for (const [k, v] of Object.entries(a)) {
      if (TEXT_ATTRS.has(k)) {
        for (const n of this._c.children) if (n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM') n.attrs[k] = v;
      } else this._c.attrs[k] = v;
    }
    return this;
  }
  getAttributes(): Attrs {
    return { ...this._c.attrs };
  }
  getColSpan(): number {
    return 1;
  }
  getRowSpan(): number {
    return 1;
  }
  getParentRow(): TableRowF {
    return new TableRowF(this._x, this._docId_, this._t, this._r);
  }
  getParentTable(): TableF {
    return new TableF(this._x, this._docId_, this._t, { kids: () => [] });
  }
}
