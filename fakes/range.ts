// SpreadsheetApp Range, DataValidation (and builder) and Protection fakes over the stored grid.

import { Fake, gasError, isDateLike, unwrap, type CellState, type DvState, type Exec, type ProtectionState, type SheetState, type SpreadsheetState } from './core';
import { cellAt, cellFor, cellValue } from './sheet-model';
import { SheetF, getSheetState, getSsState } from './spreadsheet';
import { displayValue, interpretInput, toA1 } from './values';

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'Object[]';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  return 'Object';
}

type Fmt = 'nf' | 'bg' | 'fw' | 'fc' | 'fs' | 'fst' | 'ha' | 'va' | 'wrap' | 'note';

const FORMAT_DEFAULTS: Record<Fmt, unknown> = { nf: 'General', bg: '#ffffff', fw: 'normal', fc: '#000000', fs: 10, fst: 'normal', ha: 'general', va: 'bottom', wrap: false, note: '' };

export class RangeF extends Fake {
  static override KEY = 'SpreadsheetApp.Range';
  constructor(
    x: Exec,
    readonly _ssId: string,
    readonly _sheetId: number,
    readonly _r: number,
    readonly _c: number,
    readonly _nr: number,
    readonly _nc: number,
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
  _map<T>(fn: (cell: CellState | null, r: number, c: number) => T): T[][] {
    const sh = this._sh();
    const out: T[][] = [];
    for (let i = 0; i < this._nr; i++) {
      const row: T[] = [];
      for (let j = 0; j < this._nc; j++) row.push(fn(cellAt(sh, this._r + i, this._c + j), this._r + i, this._c + j));
      out.push(row);
    }
    return out;
  }
  _each(fn: (cell: CellState, i: number, j: number) => void): this {
    const sh = this._sh();
    for (let i = 0; i < this._nr; i++) for (let j = 0; j < this._nc; j++) fn(cellFor(sh, this._r + i, this._c + j), i, j);
    return this;
  }
  /** Validates a 2D argument against the range size with Apps Script's messages. */
  _check2D(method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data)) throw gasError(this._x, `The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    if (data.length !== this._nr) throw gasError(this._x, `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._nr}.`);
    for (const row of data) {
      if (!Array.isArray(row)) throw gasError(this._x, `The parameters (${typeName(row)}[]) don't match the method signature for SpreadsheetApp.Range.${method}.`);
      if (row.length !== this._nc) throw gasError(this._x, `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._nc}.`);
    }
    return data as unknown[][];
  }
  _write(cell: CellState, value: unknown): void {
    const ss = this._ss();
    if (value !== null && typeof value === 'object' && !isDateLike(value)) value = String(value);
    const r = interpretInput(value, cell.nf, ss.locale, ss.timeZone, this._x.g.nowMs());
    delete cell.v;
    delete cell.f;
    if (r.v !== undefined) cell.v = r.v;
    if (r.f !== undefined) cell.f = r.f;
  }
  _fmtGet<T>(k: Fmt): T[][] {
    return this._map((c) => (c?.[k] ?? FORMAT_DEFAULTS[k]) as T);
  }
  _fmtSet(k: Fmt, v: unknown): this {
    return this._each((c) => {
      if (v === null || v === undefined || v === '') delete c[k];
      else (c as Record<string, unknown>)[k] = v;
    });
  }
  _fmtSet2D(k: Fmt, method: string, vs: unknown): this {
    const data = this._check2D(method, vs);
    return this._each((c, i, j) => {
      const v = data[i][j];
      if (v === null || v === undefined || v === '') delete c[k];
      else (c as Record<string, unknown>)[k] = v;
    });
  }

  // ---- values ----
  getValues(): unknown[][] {
    const ss = this._ss();
    const sh = this._sh();
    this._x.g.countCells(this._nr * this._nc, 0);
    return this._map((_c, r, c) => cellValue(ss, sh, r, c));
  }
  getValue(): unknown {
    this._x.g.countCells(1, 0);
    return cellValue(this._ss(), this._sh(), this._r, this._c);
  }
  getDisplayValues(): string[][] {
    const ss = this._ss();
    const sh = this._sh();
    this._x.g.countCells(this._nr * this._nc, 0);
    return this._map((cell, r, c) => displayValue(cell, cellValue(ss, sh, r, c), ss.locale, ss.timeZone));
  }
  getDisplayValue(): string {
    const ss = this._ss();
    this._x.g.countCells(1, 0);
    return displayValue(cellAt(this._sh(), this._r, this._c), cellValue(ss, this._sh(), this._r, this._c), ss.locale, ss.timeZone);
  }
  setValues(values: unknown[][]): this {
    const data = this._check2D('setValues', values);
    this._x.g.countCells(0, this._nr * this._nc);
    return this._each((cell, i, j) => this._write(cell, data[i][j]));
  }
  setValue(value: unknown): this {
    this._x.g.countCells(0, this._nr * this._nc);
    return this._each((cell) => this._write(cell, value));
  }
  getFormulas(): string[][] {
    this._x.g.countCells(this._nr * this._nc, 0);
    return this._map((c) => c?.f ?? '');
  }
  getFormula(): string {
    return cellAt(this._sh(), this._r, this._c)?.f ?? '';
  }
  setFormula(f: string): this {
    this._x.g.countCells(0, this._nr * this._nc);
    return this._each((cell) => {
      delete cell.v;
      delete cell.f;
      if (f) cell.f = f.startsWith('=') ? f : '=' + f;
    });
  }
  setFormulas(fs: string[][]): this {
    const data = this._check2D('setFormulas', fs);
    this._x.g.countCells(0, this._nr * this._nc);
    return this._each((cell, i, j) => {
      const f = String(data[i][j] ?? '');
      delete cell.v;
      delete cell.f;
      if (f) cell.f = f.startsWith('=') ? f : '=' + f;
    });
  }
  isBlank(): boolean {
    return this._map((c) => !c || ((c.v === undefined || c.v === '') && !c.f)).every((r) => r.every(Boolean));
  }

  // ---- formats ----
  getNumberFormats(): string[][] {
    return this._fmtGet('nf');
  }
  getNumberFormat(): string {
    return this._fmtGet<string>('nf')[0][0];
  }
  setNumberFormat(nf: string): this {
    return this._fmtSet('nf', nf);
  }
  setNumberFormats(nfs: string[][]): this {
    return this._fmtSet2D('nf', 'setNumberFormats', nfs);
  }
  getBackgrounds(): string[][] {
    return this._fmtGet('bg');
  }
  getBackground(): string {
    return this._fmtGet<string>('bg')[0][0];
  }
  setBackground(c: string | null): this {
    return this._fmtSet('bg', c);
  }
  setBackgrounds(cs: string[][]): this {
    return this._fmtSet2D('bg', 'setBackgrounds', cs);
  }
  setBackgroundRGB(r: number, g: number, b: number): this {
    return this._fmtSet('bg', '#' + [r, g, b].map((n) => n.toString(16).padStart(2, '0')).join(''));
  }
  getFontWeights(): string[][] {
    return this._fmtGet('fw');
  }
  getFontWeight(): string {
    return this._fmtGet<string>('fw')[0][0];
  }
  setFontWeight(w: string | null): this {
    return this._fmtSet('fw', w);
  }
  setFontWeights(ws: string[][]): this {
    return this._fmtSet2D('fw', 'setFontWeights', ws);
  }
  getFontColor(): string {
    return this._fmtGet<string>('fc')[0][0];
  }
  getFontColors(): string[][] {
    return this._fmtGet('fc');
  }
  setFontColor(c: string | null): this {
    return this._fmtSet('fc', c);
  }
  setFontColors(cs: string[][]): this {
    return this._fmtSet2D('fc', 'setFontColors', cs);
  }
  getFontSize(): number {
    return this._fmtGet<number>('fs')[0][0];
  }
  setFontSize(n: number): this {
    return this._fmtSet('fs', n);
  }
  getFontStyle(): string {
    return this._fmtGet<string>('fst')[0][0];
  }
  setFontStyle(s: string | null): this {
    return this._fmtSet('fst', s);
  }
  setFontFamily(): this {
    return this;
  }
  getHorizontalAlignment(): string {
    return this._fmtGet<string>('ha')[0][0];
  }
  getHorizontalAlignments(): string[][] {
    return this._fmtGet('ha');
  }
  setHorizontalAlignment(a: string | null): this {
    return this._fmtSet('ha', a);
  }
  setHorizontalAlignments(as: string[][]): this {
    return this._fmtSet2D('ha', 'setHorizontalAlignments', as);
  }
  getVerticalAlignment(): string {
    return this._fmtGet<string>('va')[0][0];
  }
  setVerticalAlignment(a: string | null): this {
    return this._fmtSet('va', a);
  }
  getWrap(): boolean {
    return this._fmtGet<boolean>('wrap')[0][0];
  }
  getWraps(): boolean[][] {
    return this._fmtGet('wrap');
  }
  setWrap(w: boolean): this {
    return this._fmtSet('wrap', w ? true : null);
  }
  setWraps(ws: boolean[][]): this {
    return this._fmtSet2D('wrap', 'setWraps', ws);
  }
  setWrapStrategy(s: string): this {
    return this._fmtSet('wrap', s === 'WRAP' ? true : null);
  }
  setBorder(...args: unknown[]): this {
    const sh = this._sh();
    sh.borders = sh.borders.filter((b) => !b.startsWith(this.getA1Notation() + ' '));
    sh.borders.push(`${this.getA1Notation()} ${JSON.stringify(args)}`);
    return this;
  }

  // ---- notes ----
  getNote(): string {
    return this._fmtGet<string>('note')[0][0];
  }
  getNotes(): string[][] {
    return this._fmtGet('note');
  }
  setNote(n: string | null): this {
    return this._fmtSet('note', n);
  }
  setNotes(ns: string[][]): this {
    return this._fmtSet2D('note', 'setNotes', ns);
  }
  clearNote(): this {
    return this._fmtSet('note', null);
  }

  // ---- data validation ----
  setDataValidation(rule: DataValidationF | null): this {
    const st = rule ? (unwrapFake(rule) as DataValidationF)._st : null;
    return this._each((c) => {
      if (st) c.dv = structuredClone(st);
      else delete c.dv;
    });
  }
  setDataValidations(rules: (DataValidationF | null)[][]): this {
    const data = this._check2D('setDataValidations', rules);
    return this._each((c, i, j) => {
      const r = data[i][j] as DataValidationF | null;
      if (r) c.dv = structuredClone((unwrapFake(r) as DataValidationF)._st);
      else delete c.dv;
    });
  }
  getDataValidation(): DataValidationF | null {
    const c = cellAt(this._sh(), this._r, this._c);
    return c?.dv ? new DataValidationF(this._x, structuredClone(c.dv)) : null;
  }
  getDataValidations(): (DataValidationF | null)[][] {
    return this._map((c) => (c?.dv ? new DataValidationF(this._x, structuredClone(c.dv)) : null));
  }
  clearDataValidations(): this {
    return this._each((c) => delete c.dv);
  }
  insertCheckboxes(): this {
    return this._each((c) => {
      c.dv = { type: 'CHECKBOX', values: [], allowInvalid: false, helpText: null };
      if (c.v === undefined && !c.f) c.v = false;
    });
  }

  // ---- clearing ----
  clearContent(): this {
    this._x.g.countCells(0, this._nr * this._nc);
    return this._each((c) => {
      delete c.v;
      delete c.f;
    });
  }
  clearFormat(): this {
    return this._each((c) => {
      for (const k of ['nf', 'bg', 'fw', 'fc', 'fs', 'fst', 'ha', 'va', 'wrap'] as const) delete c[k];
    });
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean; validationsOnly?: boolean }): this {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.commentsOnly || o.validationsOnly;
    if (!any || o.contentsOnly) this.clearContent();
    if (!any || o.formatOnly) this.clearFormat();
    if (o.commentsOnly) this.clearNote();
    if (o.validationsOnly) this.clearDataValidations();
    return this;
  }

  // ---- geometry ----
  getRow(): number {
    return this._r;
  }
  getRowIndex(): number {
    return this._r;
  }
  getColumn(): number {
    return this._c;
  }
  getNumRows(): number {
    return this._nr;
  }
  getNumColumns(): number {
    return this._nc;
  }
  getHeight(): number {
    return this._nr;
  }
  getWidth(): number {
    return this._nc;
  }
  getLastRow(): number {
    return this._r + this._nr - 1;
  }
  getLastColumn(): number {
    return this._c + this._nc - 1;
  }
  getA1Notation(): string {
    return toA1(this._r, this._c, this._nr, this._nc);
  }
  getSheet(): SheetF {
    return new SheetF(this._x, this._ssId, this._sheetId);
  }
  getCell(row: number, col: number): RangeF {
    if (row < 1 || col < 1 || row > this._nr || col > this._nc) throw gasError(this._x, 'The coordinates of the range are outside the dimensions of the sheet.');
    return new RangeF(this._x, this._ssId, this._sheetId, this._r + row - 1, this._c + col - 1, 1, 1);
  }
  offset(rowOffset: number, colOffset: number, numRows?: number, numCols?: number): RangeF {
    return new SheetF(this._x, this._ssId, this._sheetId)._range(this._r + rowOffset, this._c + colOffset, numRows ?? this._nr, numCols ?? this._nc);
  }
  activate(): this {
    const ss = this._ss();
    ss.activeSheetId = this._sheetId;
    ss.activeRange = this.getA1Notation();
    return this;
  }
  merge(): this {
    const sh = this._sh();
    const a1 = this.getA1Notation();
    if (!sh.merges.includes(a1)) sh.merges.push(a1);
    return this;
  }
  mergeAcross(): this {
    return this.merge();
  }
  breakApart(): this {
    const sh = this._sh();
    sh.merges = sh.merges.filter((m) => m !== this.getA1Notation());
    return this;
  }
  protect(): ProtectionF {
    const sh = this._sh();
    const ss = this._ss();
    const st: ProtectionState = { id: ss.nextId++, kind: 'RANGE', a1: this.getA1Notation(), description: '', warningOnly: false, editors: [this._x.user || ss.owner], domainEdit: false };
    sh.protections.push(st);
    return new ProtectionF(this._x, this._ssId, this._sheetId, st.id);
  }
  copyTo(dest: RangeF): void {
    const d = unwrapFake(dest) as RangeF;
    const src = this._map((c) => (c ? structuredClone(c) : null));
    const dsh = d._sh();
    src.forEach((row, i) =>
      row.forEach((c, j) => {
        const target = cellFor(dsh, d._r + i, d._c + j);
        for (const k of Object.keys(target)) delete (target as Record<string, unknown>)[k];
        if (c) Object.assign(target, c);
      }),
    );
  }
  sort(spec: number | { column: number; ascending?: boolean } | Array<number | { column: number; ascending?: boolean }>): this {
    const specs = (Array.isArray(spec) ? spec : [spec]).map((s) => (typeof s === 'number' ? { column: s, ascending: true } : { column: s.column, ascending: s.ascending !== false }));
    const sh = this._sh();
    const ss = this._ss();
    const rows = this._map((c) => (c ? structuredClone(c) : null));
    const keys = rows.map((_, i) => specs.map((s) => cellValue(ss, sh, this._r + i, s.column)));
    const idx = rows.map((_, i) => i);
    idx.sort((a, b) => {
      for (let k = 0; k < specs.length; k++) {
        const x = keys[a][k];
        const y = keys[b][k];
        if (x === y) continue;
        if (x === '') return 1;
        if (y === '') return -1;
        const cmp = x instanceof Date && y instanceof Date ? x.getTime() - y.getTime() : typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        if (cmp !== 0) return specs[k].ascending ? cmp : -cmp;
      }
      return a - b;
    });
    idx.forEach((from, i) =>
      rows[from].forEach((c, j) => {
        const target = cellFor(sh, this._r + i, this._c + j);
        for (const k of Object.keys(target)) delete (target as Record<string, unknown>)[k];
        if (c) Object.assign(target, c);
      }),
    );
    return this;
  }
  override toString(): string {
    return 'Range';
  }
}

function unwrapFake(v: unknown): unknown {
  return unwrap(v);
}

// ---------- data validation ----------

export const DataValidationCriteria = Object.freeze(
  Object.fromEntries(
    [
      'DATE_AFTER',
      'DATE_BEFORE',
      'DATE_BETWEEN',
      'DATE_EQUAL_TO',
      'DATE_IS_VALID_DATE',
      'DATE_NOT_BETWEEN',
      'DATE_ON_OR_AFTER',
      'DATE_ON_OR_BEFORE',
      'NUMBER_BETWEEN',
      'NUMBER_EQUAL_TO',
      'NUMBER_GREATER_THAN',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      'NUMBER_LESS_THAN',
      'NUMBER_LESS_THAN_OR_EQUAL_TO',
      'NUMBER_NOT_BETWEEN',
      'NUMBER_NOT_EQUAL_TO',
      'TEXT_CONTAINS',
      'TEXT_DOES_NOT_CONTAIN',
      'TEXT_EQUAL_TO',
      'TEXT_IS_VALID_EMAIL',
      'TEXT_IS_VALID_URL',
      'VALUE_IN_LIST',
      'VALUE_IN_RANGE',
      'CUSTOM_FORMULA',
      'CHECKBOX',
    ].map((k) => [k, k]),
  ) as Record<string, string>,
);

type RangeRef = { range: { ss: string; sheet: number; r: number; c: number; nr: number; nc: number } };

function dvIn(v: unknown): unknown {
  if (v instanceof RangeF) return { range: { ss: v._ssId, sheet: v._sheetId, r: v._r, c: v._c, nr: v._nr, nc: v._nc } } satisfies RangeRef;
  if (isDateLike(v)) return { d: v.getTime() };
  if (Array.isArray(v)) return v.map((e) => (isDateLike(e) ? { d: e.getTime() } : e));
  return v;
}

function dvOut(x: Exec, v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Partial<RangeRef> & { d?: number };
    if (o.range) return new RangeF(x, o.range.ss, o.range.sheet, o.range.r, o.range.c, o.range.nr, o.range.nc);
    if (typeof o.d === 'number') return new Date(o.d);
  }
  if (Array.isArray(v)) return v.map((e) => dvOut(x, e));
  return v;
}

export class DataValidationF extends Fake {
  static override KEY = 'SpreadsheetApp.DataValidation';
  constructor(
    x: Exec,
    readonly _st: DvState,
  ) {
    super(x);
  }
  getCriteriaType(): string {
    return this._st.type;
  }
  getCriteriaValues(): unknown[] {
    return this._st.values.map((v) => dvOut(this._x, v));
  }
  getAllowInvalid(): boolean {
    return this._st.allowInvalid;
  }
  getHelpText(): string | null {
    return this._st.helpText;
  }
  copy(): DataValidationBuilderF {
    return new DataValidationBuilderF(this._x, structuredClone(this._st));
  }
}

export class DataValidationBuilderF extends Fake {
  static override KEY = 'SpreadsheetApp.DataValidationBuilder';
  constructor(
    x: Exec,
    readonly _st: DvState = { type: '', values: [], allowInvalid: true, helpText: null },
  ) {
    super(x);
  }
  _req(type: string, ...values: unknown[]): this {
    this._st.type = type;
    this._st.values = values.map(dvIn);
    return this;
  }
  requireValueInList(values: string[], showDropdown = true): this {
    return this._req('VALUE_IN_LIST', [...values], showDropdown);
  }
  requireValueInRange(range: RangeF, showDropdown = true): this {
    return this._req('VALUE_IN_RANGE', range, showDropdown);
  }
  requireDate(): this {
    return this._req('DATE_IS_VALID_DATE');
  }
  requireDateAfter(d: Date): this {
    return this._req('DATE_AFTER', d);
  }
  requireDateBefore(d: Date): this {
    return this._req('DATE_BEFORE', d);
  }
  requireDateBetween(a: Date, b: Date): this {
    return this._req('DATE_BETWEEN', a, b);
  }
  requireDateOnOrAfter(d: Date): this {
    return this._req('DATE_ON_OR_AFTER', d);
  }
  requireDateOnOrBefore(d: Date): this {
    return this._req('DATE_ON_OR_BEFORE', d);
  }
  requireDateEqualTo(d: Date): this {
    return this._req('DATE_EQUAL_TO', d);
  }
  requireNumberBetween(a: number, b: number): this {
    return this._req('NUMBER_BETWEEN', a, b);
  }
  requireNumberNotBetween(a: number, b: number): this {
    return this._req('NUMBER_NOT_BETWEEN', a, b);
  }
  requireNumberEqualTo(a: number): this {
    return this._req('NUMBER_EQUAL_TO', a);
  }
  requireNumberNotEqualTo(a: number): this {
    return this._req('NUMBER_NOT_EQUAL_TO', a);
  }
  requireNumberGreaterThan(a: number): this {
    return this._req('NUMBER_GREATER_THAN', a);
  }
  requireNumberGreaterThanOrEqualTo(a: number): this {
    return this._req('NUMBER_GREATER_THAN_OR_EQUAL_TO', a);
  }
  requireNumberLessThan(a: number): this {
    return this._req('NUMBER_LESS_THAN', a);
  }
  requireNumberLessThanOrEqualTo(a: number): this {
    return this._req('NUMBER_LESS_THAN_OR_EQUAL_TO', a);
  }
  requireTextContains(s: string): this {
    return this._req('TEXT_CONTAINS', s);
  }
  requireTextDoesNotContain(s: string): this {
    return this._req('TEXT_DOES_NOT_CONTAIN', s);
  }
  requireTextEqualTo(s: string): this {
    return this._req('TEXT_EQUAL_TO', s);
  }
  requireTextIsEmail(): this {
    return this._req('TEXT_IS_VALID_EMAIL');
  }
  requireTextIsUrl(): this {
    return this._req('TEXT_IS_VALID_URL');
  }
  requireFormulaSatisfied(f: string): this {
    return this._req('CUSTOM_FORMULA', f);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    return checked === undefined ? this._req('CHECKBOX') : unchecked === undefined ? this._req('CHECKBOX', checked) : this._req('CHECKBOX', checked, unchecked);
  }
  withCriteria(type: string, values: unknown[]): this {
    return this._req(type, ...values);
  }
  setAllowInvalid(b: boolean): this {
    this._st.allowInvalid = !!b;
    return this;
  }
  setHelpText(t: string): this {
    this._st.helpText = t;
    return this;
  }
  getCriteriaType(): string {
    return this._st.type;
  }
  getCriteriaValues(): unknown[] {
    return this._st.values.map((v) => dvOut(this._x, v));
  }
  getAllowInvalid(): boolean {
    return this._st.allowInvalid;
  }
  getHelpText(): string | null {
    return this._st.helpText;
  }
  copy(): DataValidationBuilderF {
    return new DataValidationBuilderF(this._x, structuredClone(this._st));
  }
  build(): DataValidationF {
    if (!this._st.type) throw gasError(this._x, 'You must specify a criteria type for the data validation rule.');
    return new DataValidationF(this._x, structuredClone(this._st));
  }
}

// ---------- protection ----------

export class ProtectionF extends Fake {
  static override KEY = 'SpreadsheetApp.Protection';
  constructor(
    x: Exec,
    readonly _ssId: string,
    readonly _sheetId: number,
    readonly _id: number,
  ) {
    super(x);
  }
  _st(): ProtectionState {
    const p = getSheetState(this._x, this._ssId, this._sheetId).protections.find((q) => q.id === this._id);
    if (!p) throw gasError(this._x, 'The protection has been removed.');
    return p;
  }
  setWarningOnly(b: boolean): this {
    this._st().warningOnly = !!b;
    return this;
  }
  isWarningOnly(): boolean {
    return this._st().warningOnly;
  }
  setDescription(d: string): this {
    this._st().description = d;
    return this;
  }
  getDescription(): string {
    return this._st().description;
  }
  addEditor(e: string | { getEmail(): string }): this {
    const email = typeof e === 'string' ? e : e.getEmail();
    const st = this._st();
    if (!st.editors.includes(email)) st.editors.push(email);
    return this;
  }
  addEditors(es: string[]): this {
    es.forEach((e) => this.addEditor(e));
    return this;
  }
  removeEditor(e: string | { getEmail(): string }): this {
    const email = typeof e === 'string' ? e : e.getEmail();
    const st = this._st();
    st.editors = st.editors.filter((x) => x !== email);
    return this;
  }
  removeEditors(es: string[]): this {
    es.forEach((e) => this.removeEditor(e));
    return this;
  }
  getEditors(): { getEmail(): string }[] {
    return this._st().editors.map((email) => ({ getEmail: () => email }));
  }
  setDomainEdit(b: boolean): this {
    this._st().domainEdit = !!b;
    return this;
  }
  canDomainEdit(): boolean {
    return this._st().domainEdit;
  }
  canEdit(): boolean {
    const st = this._st();
    return st.warningOnly || st.editors.includes(this._x.user);
  }
  getProtectionType(): string {
    return this._st().kind;
  }
  getRange(): RangeF {
    const st = this._st();
    const sheet = new SheetF(this._x, this._ssId, this._sheetId);
    return st.a1 ? sheet._a1(st.a1) : sheet._dataRange();
  }
  setUnprotectedRanges(): this {
    return this;
  }
  remove(): void {
    const sh = getSheetState(this._x, this._ssId, this._sheetId);
    sh.protections = sh.protections.filter((p) => p.id !== this._id);
  }
}
