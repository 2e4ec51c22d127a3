// SpreadsheetApp, Spreadsheet, Sheet and embedded chart fakes (Range lives in range.ts).

import { Fake, gasError, unwrap, type ChartState, type Exec, type GoogleCore, type SheetState, type SpreadsheetState } from './core';
import { DataValidationBuilderF, DataValidationCriteria, ProtectionF, RangeF } from './range';
import { BooleanCriteria, ConditionalFormatRuleBuilderF, ConditionalFormatRuleF, type CfState } from './conditional-format';
import { cellAt, cellFor, cellValue, deleteCols, deleteRows, findSheet, insertCols, insertRows, lastCol, lastRow, newSheetState } from './sheet-model';
import { UiF } from './ui';
import { displayValue, interpretInput, parseA1, quoteSheet } from './values';
import { BlobF } from './blob';
import { renderTextPdf } from './pdf';

const enumOf = (...keys: string[]) => Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as Record<string, string>);

export const ChartType = enumOf('AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'LINE', 'ORG', 'PIE', 'RADAR', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP', 'WATERFALL');

export function getSsState(x: Exec, id: string): SpreadsheetState {
  const ss = x.g.state.spreadsheets[id];
  if (!ss) throw gasError(x, `Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
  return ss;
}

export function getSheetState(x: Exec, ssId: string, sheetId: number): SheetState {
  const sh = getSsState(x, ssId).sheets.find((s) => s.id === sheetId);
  if (!sh) throw gasError(x, 'The sheet has been deleted.');
  return sh;
}

/** Creates a spreadsheet in state (one 'Sheet1' of 1000x26) and its Drive entry; used by SpreadsheetApp.create and the google API. */
export function createSpreadsheetState(g: GoogleCore, name: string, owner: string, rows = 1000, cols = 26): string {
  const id = g.nextId('1Ss');
  g.state.spreadsheets[id] = {
    id,
    name,
    locale: g.locale,
    timeZone: g.timeZone,
    owner,
    createdAt: g.nowMs(),
    sheets: [newSheetState(0, 'Sheet1', rows, cols)],
    activeSheetId: 0,
    activeRange: null,
    nextId: 1,
  };
  g.state.drive.placement[id] = ['root'];
  return id;
}

function newSheetId(ss: SpreadsheetState): number {
  // Real sheet ids are large pseudo-random ints; keep them deterministic.
  return (ss.nextId++ * 2654435761) % 2000000000 || 1;
}

export class SpreadsheetAppF extends Fake {
  static override KEY = 'SpreadsheetApp';
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly BorderStyle = enumOf('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE');
  readonly ProtectionType = enumOf('RANGE', 'SHEET');
  readonly WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP');
  readonly Dimension = enumOf('COLUMNS', 'ROWS');
  readonly SheetType = enumOf('GRID', 'OBJECT', 'DATASOURCE');
  readonly CopyPasteType = enumOf('PASTE_NORMAL', 'PASTE_NO_BORDERS', 'PASTE_FORMAT', 'PASTE_FORMULA', 'PASTE_DATA_VALIDATION', 'PASTE_VALUES', 'PASTE_CONDITIONAL_FORMATTING', 'PASTE_COLUMN_WIDTHS');
  readonly Direction = enumOf('UP', 'DOWN', 'PREVIOUS', 'NEXT');
  readonly TextDirection = enumOf('LEFT_TO_RIGHT', 'RIGHT_TO_LEFT');

  create(name: string, rows?: number, cols?: number): SpreadsheetF {
    const id = createSpreadsheetState(this._x.g, name, this._x.user, rows, cols);
    return new SpreadsheetF(this._x, id);
  }
  openById(id: string): SpreadsheetF {
    const st = this._x.g.state.spreadsheets[String(id)];
    if (!st) throw gasError(this._x, 'Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    // A file shared with named people only: Drive refuses anyone else.
    if (st.editors && this._x.user !== st.owner && !st.editors.includes(String(this._x.user).toLowerCase())) throw gasError(this._x, 'You do not have permission to access the requested document.');
    return new SpreadsheetF(this._x, String(id));
  }
  openByUrl(url: string): SpreadsheetF {
    const m = /\/d\/([^/]+)/.exec(url);
    if (!m || !this._x.g.state.spreadsheets[m[1]]) throw gasError(this._x, 'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    return new SpreadsheetF(this._x, m[1]);
  }
  getActiveSpreadsheet(): SpreadsheetF | null {
    const id = this._x.activeSpreadsheetId;
    return id && this._x.g.state.spreadsheets[id] ? new SpreadsheetF(this._x, id) : null;
  }
  getActive(): SpreadsheetF | null {
    return this.getActiveSpreadsheet();
  }
  setActiveSpreadsheet(ss: SpreadsheetF): void {
    this._x.activeSpreadsheetId = ss._id;
  }
  getActiveSheet(): SheetF | null {
    return this.getActiveSpreadsheet()?._activeSheet() ?? null;
  }
  getActiveRange(): RangeF | null {
    return this.getActiveSpreadsheet()?._activeRange() ?? null;
  }
  setActiveSheet(sheet: SheetF): SheetF {
    sheet._ss().activeSheetId = sheet._sheetId;
    return sheet;
  }
  setActiveRange(range: RangeF): RangeF {
    const ss = range._ss();
    ss.activeSheetId = range._sheetId;
    ss.activeRange = range.getA1Notation();
    return range;
  }
  getUi(): UiF {
    if (this._x.kind === 'timeTrigger') throw gasError(this._x, 'Cannot call SpreadsheetApp.getUi() from this context.');
    return new UiF(this._x, 'SpreadsheetApp');
  }
  newDataValidation(): DataValidationBuilderF {
    return new DataValidationBuilderF(this._x);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilderF {
    return new ConditionalFormatRuleBuilderF(this._x);
  }
  flush(): void {}
}

export class SpreadsheetF extends Fake {
  static override KEY = 'SpreadsheetApp.Spreadsheet';
  constructor(
    x: Exec,
    readonly _id: string,
  ) {
    super(x);
  }
  override _docId(): string {
    return this._id;
  }
  _ss(): SpreadsheetState {
    return getSsState(this._x, this._id);
  }
  _activeSheet(): SheetF {
    const ss = this._ss();
    const sh = ss.sheets.find((s) => s.id === ss.activeSheetId) ?? ss.sheets[0];
    return new SheetF(this._x, this._id, sh.id);
  }
  _activeRange(): RangeF {
    const ss = this._ss();
    const sheet = this._activeSheet();
    return sheet._a1(ss.activeRange ?? 'A1');
  }
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._ss().name;
  }
  rename(name: string): void {
    this._ss().name = name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getOwner(): { getEmail(): string } {
    const email = this._ss().owner;
    return { getEmail: () => email };
  }
  getEditors(): { getEmail(): string }[] {
    return [this._ss().owner, ...(this._ss().editors ?? [])].map((email) => ({ getEmail: () => email }));
  }
  addEditor(e: string | { getEmail(): string }): this {
    const email = (typeof e === 'string' ? e : e.getEmail()).toLowerCase();
    const ss = this._ss();
    ss.editors = ss.editors ?? [];
    if (email !== ss.owner && !ss.editors.includes(email)) ss.editors.push(email);
    return this;
  }
  addEditors(es: string[]): this {
    es.forEach((e) => this.addEditor(e));
    return this;
  }
  removeEditor(e: string | { getEmail(): string }): this {
    const email = (typeof e === 'string' ? e : e.getEmail()).toLowerCase();
    const ss = this._ss();
    ss.editors = (ss.editors ?? []).filter((x) => x !== email);
    return this;
  }
  getSheets(): SheetF[] {
    return this._ss().sheets.map((s) => new SheetF(this._x, this._id, s.id));
  }
  getNumSheets(): number {
    return this._ss().sheets.length;
  }
  getSheetByName(name: string): SheetF | null {
    const sh = findSheet(this._ss(), String(name));
    return sh ? new SheetF(this._x, this._id, sh.id) : null;
  }
  getSheetById(id: number): SheetF | null {
    const sh = this._ss().sheets.find((s) => s.id === id);
    return sh ? new SheetF(this._x, this._id, sh.id) : null;
  }
  insertSheet(a?: unknown, b?: unknown): SheetF {
    const ss = this._ss();
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    if (name === undefined) {
      let n = ss.sheets.length + 1;
      while (findSheet(ss, `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (findSheet(ss, name)) throw gasError(this._x, `A sheet with the name "${name}" already exists. Please enter another name.`);
    if (name.length > 100) throw gasError(this._x, 'Sheet name is too long.');
    const sh = newSheetState(newSheetId(ss), name);
    const at = index === undefined ? ss.sheets.length : Math.max(0, Math.min(index, ss.sheets.length));
    ss.sheets.splice(at, 0, sh);
    ss.activeSheetId = sh.id;
    ss.activeRange = null;
    return new SheetF(this._x, this._id, sh.id);
  }
  deleteSheet(sheet: SheetF): void {
    const ss = this._ss();
    if (ss.sheets.length <= 1) throw gasError(this._x, "You can't remove all the sheets in a document.");
    ss.sheets = ss.sheets.filter((s) => s.id !== sheet._sheetId);
    if (ss.activeSheetId === sheet._sheetId) ss.activeSheetId = ss.sheets[0].id;
  }
  getSpreadsheetLocale(): string {
    return this._ss().locale;
  }
  setSpreadsheetLocale(l: string): void {
    this._ss().locale = l;
  }
  getSpreadsheetTimeZone(): string {
    return this._ss().timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
    } catch {
      throw gasError(this._x, `Invalid argument: timeZone`);
    }
    this._ss().timeZone = tz;
  }
  toast(msg: string, title?: string, timeout?: number): void {
    this._x.ui.toasts.push({ msg: String(msg), title: title ?? null, timeout: timeout ?? null });
  }
  getRange(a1: string): RangeF {
    const p = parseA1(a1);
    if (!p) throw gasError(this._x, 'Range not found');
    const sheet = p.sheet ? this.getSheetByName(p.sheet) : this._activeSheet();
    if (!sheet) throw gasError(this._x, 'Range not found');
    return sheet._a1(a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1);
  }
  getActiveSheet(): SheetF {
    return this._activeSheet();
  }
  setActiveSheet(sheet: SheetF): SheetF {
    this._ss().activeSheetId = sheet._sheetId;
    return sheet;
  }
  getActiveRange(): RangeF {
    return this._activeRange();
  }
  getActiveCell(): RangeF {
    const r = this._activeRange();
    return r.getCell(1, 1);
  }
  setActiveRange(range: RangeF): RangeF {
    const ss = this._ss();
    ss.activeSheetId = range._sheetId;
    ss.activeRange = range.getA1Notation();
    return range;
  }
  setActiveSelection(a1: string | RangeF): RangeF {
    const r = typeof a1 === 'string' ? this.getRange(a1) : a1;
    return this.setActiveRange(r);
  }
  getSheetId(): number {
    return this._activeSheet()._sheetId;
  }
  getSheetName(): string {
    return this._activeSheet().getName();
  }
  getLastRow(): number {
    return this._activeSheet().getLastRow();
  }
  getLastColumn(): number {
    return this._activeSheet().getLastColumn();
  }
  getDataRange(): RangeF {
    return this._activeSheet()._dataRange();
  }
  appendRow(row: unknown[]): SheetF {
    return this._activeSheet().appendRow(row);
  }
  moveActiveSheet(pos: number): void {
    const ss = this._ss();
    const i = ss.sheets.findIndex((s) => s.id === ss.activeSheetId);
    const [sh] = ss.sheets.splice(i, 1);
    ss.sheets.splice(Math.max(0, pos - 1), 0, sh);
  }
  getAs(contentType: string): BlobF {
    if (contentType !== 'application/pdf') throw gasError(this._x, `Converting from application/vnd.google-apps.spreadsheet to ${contentType} is not supported.`);
    const ss = this._ss();
    const lines: { text: string; size?: number; bold?: boolean }[] = [];
    for (const sh of ss.sheets) {
      lines.push({ text: sh.name, size: 14, bold: true });
      for (let r = 1; r <= lastRow(sh); r++) {
        const cells: string[] = [];
        for (let c = 1; c <= lastCol(sh); c++) cells.push(displayValue(cellAt(sh, r, c), cellValue(ss, sh, r, c), ss.locale, ss.timeZone));
        lines.push({ text: cells.join(' | ') });
      }
    }
    return new BlobF(this._x, renderTextPdf(ss.name, lines), 'application/pdf', `${ss.name}.pdf`);
  }
  getBlob(): BlobF {
    return this.getAs('application/pdf');
  }
}

export class SheetF extends Fake {
  static override KEY = 'SpreadsheetApp.Sheet';
  constructor(
    x: Exec,
    readonly _ssId: string,
    readonly _sheetId: number,
  ) {
    super(x);
  }
  override _docId(): string {
    return this._ssId;
  }
  _ss(): SpreadsheetState {
    return getSsState(this._x, this._ssId);
  }
  _sh(): SheetState {
    return getSheetState(this._x, this._ssId, this._sheetId);
  }
  /** Like Google's, the form's /viewform address by form id, not its published (/d/e/…) address. */
  getFormUrl(): string | null {
    const id = this._sh().formId;
    return id ? `https://docs.google.com/forms/d/${id}/viewform` : null;
  }
  _range(row: number, col: number, numRows = 1, numCols = 1): RangeF {
    const x = this._x;
    const args = [row, col, numRows, numCols];
    if (args.some((n) => typeof n !== 'number' || Number.isNaN(n)))
      throw gasError(x, `The parameters (${args.map((n) => (typeof n === 'number' ? 'number' : n === null || n === undefined ? 'null' : typeof n === 'string' ? 'String' : 'Object')).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
    [row, col, numRows, numCols] = args.map(Math.floor);
    if (row < 1) throw gasError(x, 'The starting row of the range is too small.');
    if (col < 1) throw gasError(x, 'The starting column of the range is too small.');
    if (numRows < 1) throw gasError(x, 'The number of rows in the range must be at least 1.');
    if (numCols < 1) throw gasError(x, 'The number of columns in the range must be at least 1.');
    const sh = this._sh();
    if (row + numRows - 1 > sh.maxRows || col + numCols - 1 > sh.maxCols) throw gasError(x, 'The coordinates of the range are outside the dimensions of the sheet.');
    return new RangeF(x, this._ssId, this._sheetId, row, col, numRows, numCols);
  }
  _a1(a1: string): RangeF {
    const p = parseA1(a1);
    if (!p) throw gasError(this._x, 'Range not found');
    let target: SheetF = this;
    if (p.sheet) {
      const sh = findSheet(this._ss(), p.sheet);
      if (!sh) throw gasError(this._x, 'Range not found');
      target = new SheetF(this._x, this._ssId, sh.id);
    }
    const st = target._sh();
    return target._range(p.row, p.col, p.numRows ?? st.maxRows - p.row + 1, p.numCols ?? st.maxCols - p.col + 1);
  }
  _dataRange(): RangeF {
    const sh = this._sh();
    return this._range(1, 1, Math.max(1, lastRow(sh)), Math.max(1, lastCol(sh)));
  }
  getName(): string {
    return this._sh().name;
  }
  setName(name: string): this {
    const ss = this._ss();
    const other = findSheet(ss, name);
    if (other && other.id !== this._sheetId) throw gasError(this._x, `A sheet with the name "${name}" already exists. Please enter another name.`);
    this._sh().name = name;
    return this;
  }
  getSheetId(): number {
    return this._sheetId;
  }
  getSheetName(): string {
    return this.getName();
  }
  getIndex(): number {
    return this._ss().sheets.findIndex((s) => s.id === this._sheetId) + 1;
  }
  getParent(): SpreadsheetF {
    return new SpreadsheetF(this._x, this._ssId);
  }
  getType(): string {
    return 'GRID';
  }
  getLastRow(): number {
    return lastRow(this._sh());
  }
  getLastColumn(): number {
    return lastCol(this._sh());
  }
  getMaxRows(): number {
    return this._sh().maxRows;
  }
  getMaxColumns(): number {
    return this._sh().maxCols;
  }
  getRange(a: number | string, col?: number, numRows?: number, numCols?: number): RangeF {
    if (typeof a === 'string') return this._a1(a);
    return this._range(a, col as number, numRows ?? 1, numCols ?? 1);
  }
  getDataRange(): RangeF {
    return this._dataRange();
  }
  getSheetValues(row: number, col: number, numRows: number, numCols: number): unknown[][] {
    const sh = this._sh();
    const nr = numRows === -1 ? Math.max(lastRow(sh) - row + 1, 1) : numRows;
    const nc = numCols === -1 ? Math.max(lastCol(sh) - col + 1, 1) : numCols;
    return this._range(row, col, nr, nc).getValues();
  }
  appendRow(values: unknown[]): this {
    if (!Array.isArray(values)) throw gasError(this._x, `The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`);
    const sh = this._sh();
    const ss = this._ss();
    const r = lastRow(sh) + 1;
    if (r > sh.maxRows) sh.maxRows = r;
    if (values.length > sh.maxCols) sh.maxCols = values.length;
    values.forEach((v, j) => {
      const cell = cellFor(sh, r, j + 1);
      const res = interpretInput(v, cell.nf, ss.locale, ss.timeZone, this._x.g.nowMs());
      delete cell.v;
      delete cell.f;
      if (res.v !== undefined) cell.v = res.v;
      if (res.f !== undefined) cell.f = res.f;
    });
    this._x.g.countCells(0, values.length);
    return this;
  }
  insertRowsAfter(after: number, n: number): this {
    this._boundsRow(after);
    insertRows(this._sh(), after + 1, n);
    return this;
  }
  insertRowsBefore(before: number, n: number): this {
    this._boundsRow(before);
    insertRows(this._sh(), before, n);
    return this;
  }
  insertRowAfter(after: number): this {
    return this.insertRowsAfter(after, 1);
  }
  insertRowBefore(before: number): this {
    return this.insertRowsBefore(before, 1);
  }
  insertRows(before: number, n = 1): void {
    this.insertRowsBefore(before, n);
  }
  _boundsRow(r: number): void {
    if (r < 1 || r > this._sh().maxRows) throw gasError(this._x, 'Those rows are out of bounds.');
  }
  deleteRow(r: number): this {
    deleteRows(this._x, this._sh(), r, 1);
    return this;
  }
  deleteRows(r: number, n: number): void {
    deleteRows(this._x, this._sh(), r, n);
  }
  insertColumnsAfter(after: number, n: number): this {
    insertCols(this._sh(), after + 1, n);
    return this;
  }
  insertColumnsBefore(before: number, n: number): this {
    insertCols(this._sh(), before, n);
    return this;
  }
  insertColumnAfter(after: number): this {
    return this.insertColumnsAfter(after, 1);
  }
  insertColumnBefore(before: number): this {
    return this.insertColumnsBefore(before, 1);
  }
  deleteColumn(c: number): this {
    deleteCols(this._x, this._sh(), c, 1);
    return this;
  }
  deleteColumns(c: number, n: number): void {
    deleteCols(this._x, this._sh(), c, n);
  }
  setFrozenRows(n: number): void {
    this._sh().frozenRows = n;
  }
  getFrozenRows(): number {
    return this._sh().frozenRows;
  }
  setFrozenColumns(n: number): void {
    this._sh().frozenCols = n;
  }
  _ruleRanges(): (st: CfState) => RangeF[] {
    const ssId = this._ssId;
    const x = this._x;
    const sheetId = this._sheetId;
    return (st) => st.ranges.map((a1) => new SheetF(x, ssId, st.sheetId ?? sheetId).getRange(a1));
  }
  getConditionalFormatRules(): ConditionalFormatRuleF[] {
    const mk = this._ruleRanges();
    return (this._sh().conditionalRules || []).map((st) => new ConditionalFormatRuleF(this._x, structuredClone(st), mk));
  }
  setConditionalFormatRules(rules: ConditionalFormatRuleF[]): void {
    const raw = rules.map((r) => unwrap(r));
    for (const r of raw) if (r._st.sheetId !== null && r._st.sheetId !== this._sheetId) throw gasError(this._x, 'The conditional format rule cannot reference a different sheet.');
    this._sh().conditionalRules = raw.map((r) => ({ ...structuredClone(r._st), sheetId: this._sheetId }));
  }
  clearConditionalFormatRules(): void {
    this._sh().conditionalRules = [];
  }
  getFrozenColumns(): number {
    return this._sh().frozenCols;
  }
  setColumnWidth(col: number, w: number): this {
    this._sh().colWidths[col] = w;
    return this;
  }
  setColumnWidths(start: number, n: number, w: number): this {
    for (let c = start; c < start + n; c++) this._sh().colWidths[c] = w;
    return this;
  }
  getColumnWidth(col: number): number {
    return this._sh().colWidths[col] ?? 100;
  }
  autoResizeColumns(): this {
    return this;
  }
  autoResizeColumn(): this {
    return this;
  }
  setRowHeight(): this {
    return this;
  }
  setRowHeights(): this {
    return this;
  }
  hideColumns(col: number, n = 1): void {
    const sh = this._sh();
    for (let c = col; c < col + n; c++) if (!sh.hiddenCols.includes(c)) sh.hiddenCols.push(c);
  }
  showColumns(col: number, n = 1): void {
    const sh = this._sh();
    sh.hiddenCols = sh.hiddenCols.filter((c) => c < col || c >= col + n);
  }
  isColumnHiddenByUser(col: number): boolean {
    return this._sh().hiddenCols.includes(col);
  }
  hideRows(row: number, n = 1): void {
    const sh = this._sh();
    for (let r = row; r < row + n; r++) if (!sh.hiddenRows.includes(r)) sh.hiddenRows.push(r);
  }
  showRows(row: number, n = 1): void {
    const sh = this._sh();
    sh.hiddenRows = sh.hiddenRows.filter((r) => r < row || r >= row + n);
  }
  isRowHiddenByUser(row: number): boolean {
    return this._sh().hiddenRows.includes(row);
  }
  setTabColor(c: string | null): this {
    this._sh().tabColor = c;
    return this;
  }
  getTabColor(): string | null {
    return this._sh().tabColor;
  }
  activate(): this {
    this._ss().activeSheetId = this._sheetId;
    return this;
  }
  clear(): this {
    const sh = this._sh();
    sh.rows = [];
    return this;
  }
  clearContents(): this {
    for (const row of this._sh().rows)
      for (const c of row ?? []) {
        if (c) {
          delete c.v;
          delete c.f;
        }
      }
    return this;
  }
  clearFormats(): this {
    for (const row of this._sh().rows) for (const c of row ?? []) if (c) for (const k of ['nf', 'bg', 'fw', 'fc', 'fs', 'fst', 'ha', 'va', 'wrap'] as const) delete c[k];
    return this;
  }
  clearNotes(): this {
    for (const row of this._sh().rows) for (const c of row ?? []) if (c) delete c.note;
    return this;
  }
  protect(): ProtectionF {
    const sh = this._sh();
    const ss = this._ss();
    const st = { id: ss.nextId++, kind: 'SHEET' as const, a1: null, description: '', warningOnly: false, editors: [this._x.user || ss.owner], domainEdit: false };
    sh.protections.push(st);
    return new ProtectionF(this._x, this._ssId, this._sheetId, st.id);
  }
  getProtections(type: string): ProtectionF[] {
    return this._sh()
      .protections.filter((p) => p.kind === type)
      .map((p) => new ProtectionF(this._x, this._ssId, this._sheetId, p.id));
  }
  newChart(): EmbeddedChartBuilderF {
    return new EmbeddedChartBuilderF(this._x, this._ssId, this._sheetId, null, { id: 0, type: 'LINE', ranges: [], position: { row: 1, col: 1, offsetX: 0, offsetY: 0 }, options: {} });
  }
  insertChart(chart: EmbeddedChartF): void {
    const sh = this._sh();
    const st = structuredClone(chart._st);
    st.id = this._ss().nextId++;
    sh.charts.push(st);
    chart._st.id = st.id;
  }
  getCharts(): EmbeddedChartF[] {
    return this._sh().charts.map((c) => new EmbeddedChartF(this._x, this._ssId, this._sheetId, structuredClone(c)));
  }
  removeChart(chart: EmbeddedChartF): void {
    const sh = this._sh();
    sh.charts = sh.charts.filter((c) => c.id !== chart._st.id);
  }
  updateChart(chart: EmbeddedChartF): void {
    const sh = this._sh();
    const i = sh.charts.findIndex((c) => c.id === chart._st.id);
    if (i < 0) throw gasError(this._x, 'The chart does not exist in this sheet.');
    sh.charts[i] = structuredClone(chart._st);
  }
  hideSheet(): this {
    return this;
  }
  showSheet(): this {
    return this;
  }
  isSheetHidden(): boolean {
    return false;
  }
  override toString(): string {
    return 'Sheet';
  }
}

// ---------- charts ----------

export class EmbeddedChartBuilderF extends Fake {
  static override KEY = 'SpreadsheetApp.EmbeddedChartBuilder';
  constructor(
    x: Exec,
    readonly _ssId: string,
    readonly _sheetId: number,
    readonly _existing: number | null,
    readonly _st: ChartState,
  ) {
    super(x);
  }
  addRange(range: RangeF): this {
    this._st.ranges.push(`${quoteSheet(range.getSheet().getName())}!${range.getA1Notation()}`);
    return this;
  }
  removeRange(range: RangeF): this {
    const a1 = `${quoteSheet(range.getSheet().getName())}!${range.getA1Notation()}`;
    this._st.ranges = this._st.ranges.filter((r) => r !== a1);
    return this;
  }
  clearRanges(): this {
    this._st.ranges = [];
    return this;
  }
  getRanges(): RangeF[] {
    return this._st.ranges.map((a1) => new SpreadsheetF(this._x, this._ssId).getRange(a1));
  }
  setChartType(t: string): this {
    this._st.type = t;
    return this;
  }
  getChartType(): string {
    return this._st.type;
  }
  setPosition(row: number, col: number, offsetX: number, offsetY: number): this {
    this._st.position = { row, col, offsetX, offsetY };
    return this;
  }
  setOption(k: string, v: unknown): this {
    this._st.options[k] = v;
    return this;
  }
  setTitle(t: string): this {
    return this.setOption('title', t);
  }
  setXAxisTitle(t: string): this {
    return this.setOption('hAxis.title', t);
  }
  setYAxisTitle(t: string): this {
    return this.setOption('vAxis.title', t);
  }
  setLegendPosition(p: string): this {
    return this.setOption('legend.position', p);
  }
  setStacked(): this {
    return this.setOption('isStacked', true);
  }
  setColors(cs: string[]): this {
    return this.setOption('colors', [...cs]);
  }
  setNumHeaders(n: number): this {
    return this.setOption('headers', n);
  }
  asColumnChart(): this {
    return this.setChartType('COLUMN');
  }
  asBarChart(): this {
    return this.setChartType('BAR');
  }
  asLineChart(): this {
    return this.setChartType('LINE');
  }
  asPieChart(): this {
    return this.setChartType('PIE');
  }
  asAreaChart(): this {
    return this.setChartType('AREA');
  }
  asComboChart(): this {
    return this.setChartType('COMBO');
  }
  asTableChart(): this {
    return this.setChartType('TABLE');
  }
  build(): EmbeddedChartF {
    const st = structuredClone(this._st);
    if (this._existing !== null) st.id = this._existing;
    return new EmbeddedChartF(this._x, this._ssId, this._sheetId, st);
  }
}

export class EmbeddedChartF extends Fake {
  static override KEY = 'SpreadsheetApp.EmbeddedChart';
  constructor(
    x: Exec,
    readonly _ssId: string,
    readonly _sheetId: number,
    readonly _st: ChartState,
  ) {
    super(x);
  }
  getChartId(): number | null {
    return this._st.id || null;
  }
  getRanges(): RangeF[] {
    return this._st.ranges.map((a1) => new SpreadsheetF(this._x, this._ssId).getRange(a1));
  }
  getOptions(): { get(k: string): unknown } {
    const o = structuredClone(this._st.options);
    return { get: (k: string) => o[k] ?? null };
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    const p = this._st.position;
    return { getAnchorRow: () => p.row, getAnchorColumn: () => p.col, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY };
  }
  modify(): EmbeddedChartBuilderF {
    return new EmbeddedChartBuilderF(this._x, this._ssId, this._sheetId, this._st.id, structuredClone(this._st));
  }
}

export class ChartsF extends Fake {
  static override KEY = 'Charts';
  readonly ChartType = ChartType;
  readonly Position = enumOf('TOP', 'RIGHT', 'BOTTOM', 'NONE');
  readonly CurveStyle = enumOf('NORMAL', 'SMOOTH');
}
