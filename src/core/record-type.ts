// Record types declared once: a sheet of records described by one declaration, and what derives from it.
/**
 * HOW TO DECLARE A NEW RECORD TYPE
 *
 * One declaration per sheet of records (events, budget lines, experts, dossiers, entries…). From it
 * come, with no code per type:
 *   - setup/repair (`setupWorkbook`): the sheet is created or its lost headers restored, header row
 *     frozen and bold, widths, number formats, dropdowns (`list`), computed columns protected;
 *   - the table mapping (`server/table.ts` readTables/readRecord/appendRecords/writeRecord): cells are
 *     found by header, read into typed values by `kind`, written back by `kind`;
 *   - the row checks (`checkRow`, `checkRefs`), the same for a hand edit (the edit trigger's notes,
 *     for types `checked: 'edits'`), for every read (`server/repo.ts`: bad rows set aside) and for
 *     "Kiểm tra dữ liệu" (check-data: field problems, unknown references, duplicate ids);
 *   - the sidebar form (`formOf`): labels, lists, limits and required flags as plain JSON, and the
 *     same validation in the browser as on the server (`validateForm`).
 *
 * Steps: write the declaration (here or in the domain's own core file), add it to `RECORD_TYPES` in
 * `core/sheets.ts` (the one registry list; its order is the order of the sheet tabs), and write the
 * domain rules (what only this type knows) as `rowCheck`, `compute` or in its action.
 *
 *   export const EXPERTS = defineRecordType({
 *     key: 'experts',
 *     name: 'Chuyên gia',
 *     color: '#188038',
 *     id: { key: 'id', prefix: 'CG', width: 4 },         // CG-2025-0001, see nextRecordId
 *     checked: 'edits',                                   // in the data check, and hand edits get notes
 *     columns: [
 *       field('id', 'Mã', 'text', { required: true, auto: () => '', width: 110 }),
 *       field('year', 'Năm', 'int', { required: true, format: '0' }),
 *       field('name', 'Họ và tên', 'text', { required: true, max: 200, input: true }),
 *       field('field', 'Lĩnh vực', 'text', { list: { choices: ['Nông nghiệp', 'Y tế'], help: 'Chọn lĩnh vực.' }, input: true }),
 *       field('memberCode', 'Hội thành viên', 'text', {
 *         list: { from: { sheet: 'members', column: 'code' }, help: 'Chọn hội có trong trang "Hội thành viên".' },
 *         ref: { sheet: 'members', column: 'code', code: 'unknownMember' },
 *         input: true,
 *       }),
 *       field('reviews', 'Số lần phản biện', 'int', { min: 0, max: 1000, input: true }),
 *       field('email', 'Email', 'text', { max: 200, input: true, check: (v) => (v && !/^\S+@\S+$/.test(String(v)) ? { code: 'invalidEmail', params: { value: String(v) } } : undefined) }),
 *       field('createdAt', 'Thời điểm tạo', 'datetime'),
 *     ],
 *   });
 *
 * Then: `readTables(ctx, [EXPERTS])` / `loadRecords(ctx, EXPERTS)` read it, `toItem(EXPERTS, rec)` gives the
 * domain object, `formOf(EXPERTS)` goes to the sidebar in its view, `validateForm(EXPERTS, input)`
 * checks what the sidebar sends (field → problem, nothing written when any).
 *
 * Conventions: a column keyed `year` is the record's year (references with `sameYear` match on it);
 * a `createdAt` column is stamped when a hand-typed row gets its id.
 */
import { setOwn, type ErrorCode, type FieldProblem, type Params } from './errors';
import { cleanInputText, hasControlChars } from './text-clean';
import { dmyToIso, isValidIso } from './cells';
import { FIELD_LABELS, messageOf } from './messages';

export type ColumnKind = 'text' | 'int' | 'number' | 'money' | 'date' | 'datetime' | 'percent' | 'url';

/** A typed cell value by column key, as read from the sheet (text '' and numbers null when empty). */
export type Rec = Record<string, string | number | null>;
export type Problems = Record<string, FieldProblem>;

/** A dropdown: fixed choices, or the values of a column of another record type's sheet. */
export interface ListDecl {
  choices?: readonly string[];
  from?: { sheet: string; column: string };
  /** The dropdown only suggests: other values are not a problem. */
  loose?: boolean;
  /** Help text of the dropdown (Vietnamese). */
  help: string;
}

/** The cell must name a row of another record type; checked on hand edits and in the data check. */
export interface RefDecl {
  sheet: string;
  column: string;
  /** Error code when nothing matches (its message gets `value`). */
  code: ErrorCode;
  /** Match only rows of the same `year`. */
  sameYear?: boolean;
}

export interface ColumnDef {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Label in messages and forms, where it differs from the header. */
  label?: string;
  required?: boolean;
  /** The header must exist, but a row may leave the cell empty (a qualitative target has no quantity). */
  mayBeEmpty?: boolean;
  /** Written by the add-on; protected with a warning so hand edits are deliberate. */
  computed?: boolean;
  width?: number;
  /** Number format of the column; defaults by kind (FORMATS). */
  format?: string;
  /** Dropdown source. A list with `choices` also makes any other value a row problem. */
  list?: ListDecl;
  ref?: RefDecl;
  /** Lowest allowed number: below it is `negative` (min 0) or `notPositive` (min above 0). */
  min?: number;
  /** Form limit: text length, or the largest number. */
  max?: number;
  /** How the form's "too large" message writes `max` ("1.000.000"). */
  maxText?: string;
  /** Form only: the text must match (a code, an id); else `patternCode` with the given value. */
  pattern?: RegExp;
  patternCode?: ErrorCode;
  /** A field the sidebar form sends. */
  input?: boolean;
  /** What differs for the form (a default the action gives, a stricter minimum). */
  form?: Partial<Pick<ColumnDef, 'required' | 'min' | 'max'>>;
  /** Value of an empty cell that the add-on fills in (a hand-typed row's id, state, year): no error then; null keeps `required`. */
  auto?: (rec: Rec) => string | number | null;
  /** Per-field rule, for cells and forms alike, on the read value. */
  check?: (value: string | number | null, rec: Rec) => FieldProblem | undefined;
}

export interface SheetDef {
  key: string;
  name: string;
  columns: ColumnDef[];
  /** Tab colour, to tell data sheets from those the add-on writes. */
  color?: string;
  /** Ids of the form PREFIX-YEAR-000N. */
  id?: { key: string; prefix: string; width: number };
  /** 'data': "Kiểm tra dữ liệu" lists its bad rows; 'edits': also the edit trigger marks bad cells typed or pasted by hand. */
  checked?: 'data' | 'edits';
  /** Hand edits of a row whose value here falls in a reported period are marked and audited. */
  periodField?: string;
  /** The whole sheet is the add-on's: editing it by hand asks for confirmation. */
  protect?: string;
  /** Computed columns' values from the row (the edit trigger writes them when they differ). */
  compute?: (rec: Rec) => Rec;
  /** Cross-field domain rule on a row whose cells read well. */
  rowCheck?: (rec: Rec, problems: Problems) => void;
  /**
   * Rows whose `column` holds `value` are greyed by one conditional-format rule that setup/repair sets:
   * it follows hand edits and costs nothing per action.
   */
  greyWhen?: { column: string; value: string };
  /** Columns kept in view when scrolling sideways (the id first), besides the frozen header row. */
  frozenColumns?: number;
}

/** A record type is a sheet declaration; the two names are one thing. */
export type RecordType = SheetDef;

export const field = (key: string, header: string, kind: ColumnKind, extra: Partial<ColumnDef> = {}): ColumnDef => ({ key, header, kind, ...extra });

export function defineRecordType<T extends SheetDef>(def: T): T {
  return def;
}

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

function minProblem(c: ColumnDef, n: number): FieldProblem | undefined {
  if (c.min === undefined || n >= c.min) return undefined;
  return { code: c.min <= 0 ? 'negative' : 'notPositive' };
}

/**
 * The row checks of a record read from cells (kinds already parsed by table.readRecord): required,
 * auto-filled values, choices, minimum, per-field and cross-field rules. Adds to `problems`.
 */
export function checkRow(def: SheetDef, rec: Rec, problems: Problems, present: (key: string) => boolean = () => true): void {
  for (const c of def.columns) {
    if (problems[c.key]) continue;
    let v = rec[c.key];
    const a = isEmpty(v) && c.auto ? c.auto(rec) : null;
    if (a !== null) rec[c.key] = v = a;
    if (isEmpty(v)) {
      if (a === null && c.required && !c.mayBeEmpty && !c.computed && present(c.key)) problems[c.key] = { code: 'required' };
      continue;
    }
    if (c.list && c.list.choices && !c.list.loose && !c.list.choices.includes(String(v))) {
      problems[c.key] = { code: 'invalidChoice', params: { choices: c.list.choices.join(', ') } };
      continue;
    }
    const p = (typeof v === 'number' ? minProblem(c, v) : undefined) || (c.check && c.check(v, rec));
    if (p) problems[c.key] = p;
  }
  if (def.compute) Object.assign(rec, def.compute(rec));
  if (def.rowCheck && !Object.keys(problems).length) def.rowCheck(rec, problems);
}

/** Key of a referenced row: `year|value` for same-year references. */
export const refKey = (ref: RefDecl, year: unknown, value: unknown) => (ref.sameYear ? `${year ?? ''}|${String(value ?? '').trim()}` : String(value ?? '').trim());

/** Unknown references of a record; `known(ref)` gives the keys (refKey) present in the referenced sheet. */
export function checkRefs(def: SheetDef, rec: Rec, problems: Problems, known: (ref: RefDecl) => Set<string>): void {
  for (const c of def.columns) {
    const v = rec[c.key];
    if (!c.ref || problems[c.key] || isEmpty(v)) continue;
    const keys = known(c.ref);
    if (keys.has(refKey(c.ref, rec.year, v))) continue;
    // A row whose year is not known yet (its date still to type) names a real target if any year has it:
    // the cell is right, the empty year is the problem to tell.
    if (c.ref.sameYear && isEmpty(rec.year) && [...keys].some((k) => k.slice(k.indexOf('|') + 1) === String(v).trim())) continue;
    problems[c.key] = { code: c.ref.code, params: { value: String(v).trim() } };
  }
}

/** The record types a declaration's references name, each once. */
export const refSheets = (def: SheetDef): string[] => [...new Set(def.columns.filter((c) => c.ref).map((c) => (c.ref as RefDecl).sheet))];

/**
 * The domain object of a checked record: text trimmed where it names something (ids, lists,
 * references), computed columns left out unless `compute` gives them.
 */
export function toItem<T>(def: SheetDef, rec: Rec): T {
  const o: Record<string, unknown> = {};
  const computed = def.compute ? def.compute(rec) : {};
  for (const c of def.columns) {
    if (c.computed && !(c.key in computed)) continue;
    const v = c.key in computed ? computed[c.key] : rec[c.key];
    const text = c.kind === 'text' || c.kind === 'url' || c.kind === 'date' || c.kind === 'datetime';
    o[c.key] = text ? (isEmpty(v) ? '' : c.list || c.ref || (def.id && def.id.key === c.key) ? String(v).trim() : String(v)) : v ?? null;
  }
  return o as T;
}

/** The cells of an item to write: every declared column the item has, but those in `omit`. */
export function recordOf(def: SheetDef, item: object, omit: string[] = []): Record<string, unknown> {
  const src = item as Record<string, unknown>;
  const r: Record<string, unknown> = {};
  for (const c of def.columns) if (c.key in src && !omit.includes(c.key)) r[c.key] = src[c.key];
  return r;
}

/** Next id of the form HD-2024-0007 given the ids in use (any year). */
export function nextId(prefix: string, year: number, ids: string[], width = 4): string {
  const re = new RegExp(`^${prefix}-${year}-(\\d+)$`);
  let max = 0;
  for (const id of ids) {
    const m = re.exec(id);
    if (m) max = Math.max(max, +m[1]);
  }
  return `${prefix}-${year}-${String(max + 1).padStart(width, '0')}`;
}

export function nextRecordId(def: SheetDef, year: number, ids: string[]): string {
  // A declaration bug, caught by the record-type tests, never a user's error.
  // eslint-disable-next-line no-restricted-syntax
  if (!def.id) throw new Error(`${def.key} has no id`);
  return nextId(def.id.prefix, year, ids, def.id.width);
}

/** A field's name for people: its declared label, else its header (a key unknown here: the shared label of the key). */
export function labelOf(def: SheetDef, key: string): string {
  const c = def.columns.find((x) => x.key === key);
  return c ? c.label || c.header : Object.prototype.hasOwnProperty.call(FIELD_LABELS, key) ? FIELD_LABELS[key] : key;
}

/** "Label: message" for a problem of a field of this record type. */
/** "Số lượng: Phải lớn hơn 0."; a message that already names its field ("Ngày 31/02/2024 không có thật.") stands alone. */
export const problemText = (def: SheetDef, key: string, p: FieldProblem): string => {
  const label = labelOf(def, key);
  const m = messageOf(p.code, p.params);
  return m.startsWith(`${label} `) ? m : `${label}: ${m}`;
};

/** One field of a sidebar form, as plain JSON. */
export interface FormField {
  key: string;
  label: string;
  kind: ColumnKind;
  required: boolean;
  max?: number;
  min?: number;
  choices?: string[];
  /** The dropdown offers the values of this record type's column (the view carries them). */
  from?: { sheet: string; column: string };
}

/** The form a sidebar draws for a record type (layout stays the sidebar's own HTML). */
export function formOf(def: SheetDef, keys?: readonly string[]): FormField[] {
  const cols = keys ? keys.map((k) => def.columns.find((c) => c.key === k) as ColumnDef) : def.columns.filter((c) => c.input);
  return cols.map((decl) => {
    const c = decl.form ? { ...decl, ...decl.form } : decl;
    const f: FormField = { key: c.key, label: labelOf(def, c.key), kind: c.kind, required: !!c.required && !c.mayBeEmpty };
    if (c.max !== undefined) f.max = c.max;
    if (c.min !== undefined) f.min = c.min;
    if (c.list && c.list.choices) f.choices = [...c.list.choices];
    if (c.list && c.list.from) f.from = { ...c.list.from };
    return f;
  });
}

/** A number typed as a number or as Vietnamese text ("1.250.000", "3", "2,5", "1.000.000 đ"); empty is null, unreadable undefined. */
export function typedNumber(v: unknown): number | null | undefined {
  if (isEmpty(v)) return null;
  if (typeof v === 'number') return isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.normalize('NFC').trim().replace(/\s*(đ|đồng|VND)$/i, '').replace(/\s+/g, '');
  if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
  if (/^-?\d+$/.test(s)) return Number(s);
  if (/^-?\d+([.,]\d+)$/.test(s)) return Number(s.replace(',', '.'));
  return undefined;
}

const BAD_NUMBER: Partial<Record<ColumnKind, ErrorCode>> = { int: 'notInteger', money: 'invalidMoney' };

/** One field of a form input: its problem, or undefined. Runs in the browser as on the server. */
export function checkInput(decl: ColumnDef, v: unknown): FieldProblem | undefined {
  const c = decl.form ? { ...decl, ...decl.form } : decl;
  const max: Params = c.max === undefined ? {} : { max: c.maxText || c.max };
  const required = !!c.required && !c.mayBeEmpty;
  if (c.kind === 'int' || c.kind === 'number' || c.kind === 'money' || c.kind === 'percent') {
    const n = typedNumber(v);
    const bad: FieldProblem = { code: BAD_NUMBER[c.kind] || 'invalidType' };
    if (n === undefined) return bad;
    if (n === null) return required ? { code: 'required' } : undefined;
    // Whole numbers for int and money; at most two decimals otherwise.
    if (c.kind === 'int' || c.kind === 'money' ? !Number.isInteger(n) : Math.round(n * 100) !== n * 100) return bad;
    const low = minProblem(c, n);
    if (low) return low;
    if (c.max !== undefined && n > c.max) return { code: 'tooLarge', params: max };
    return c.check && c.check(n, {});
  }
  if (v === undefined && !required) return undefined;
  // A choice, a reference or a date that is not text was not chosen; other text is of the wrong type.
  if (typeof v !== 'string') return { code: required && (c.list || c.ref || c.kind === 'date') ? 'required' : 'invalidType' };
  const s = v.trim();
  if (c.max !== undefined && v.length > c.max) return { code: 'tooLong', params: max };
  if (hasControlChars(v)) return { code: 'controlChars' };
  if (!s) return required ? { code: 'required' } : undefined;
  if (c.kind === 'date' && !isValidIso(s) && dmyToIso(s) === null) return { code: 'invalidDate' };
  if (c.kind === 'url' && !/^https?:\/\/[^\s<>"']+$/i.test(s)) return { code: 'invalidUrl' };
  if (c.pattern && !c.pattern.test(s)) return { code: c.patternCode || 'invalidType', params: { value: v.slice(0, 30) } };
  if (c.list && c.list.choices && !c.list.loose && !c.list.choices.includes(cleanInputText(s))) return { code: 'invalidChoice', params: { choices: c.list.choices.join(', ') } };
  return c.check && c.check(s, {});
}

/** The keys a sidebar form sends for a record type, in column order. */
export const inputKeys = (def: SheetDef): string[] => def.columns.filter((c) => c.input).map((c) => c.key);

/**
 * Field → problem for a form input: unknown fields (those not in `allowed`), then each input field
 * of the declaration. Empty when the input may be saved as far as the shape goes.
 */
export function validateForm(def: SheetDef, input: unknown, allowed: readonly string[] = inputKeys(def)): Problems {
  const cols = def.columns.filter((c) => c.input);
  const problems: Problems = {};
  if (!input || typeof input !== 'object' || Array.isArray(input) || Object.prototype.toString.call(input) !== '[object Object]') {
    return { [(cols.find((c) => c.required) || cols[0]).key]: { code: 'required' } };
  }
  const o = input as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!allowed.includes(k)) setOwn<FieldProblem>(problems, k, { code: 'unknownField', params: { value: k.slice(0, 40) } });
  for (const c of cols) {
    const p = checkInput(c, Object.prototype.hasOwnProperty.call(o, c.key) ? o[c.key] : undefined);
    if (p && !problems[c.key]) problems[c.key] = p;
  }
  return problems;
}
