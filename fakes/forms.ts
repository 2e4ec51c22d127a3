// FormApp fake: forms, question items, responses, and the response tab Google keeps in a destination spreadsheet.

import { Fake, gasError, isDateLike, wrap, type Exec, type GoogleCore, type SheetState, type SpreadsheetState, type Val } from './core';
import { UserF } from './misc';
import { cellFor, lastRow, newSheetState } from './sheet-model';
import { fromZoned, zoned } from './tz';
import { parseLocaleNumber } from './values';

const enumOf = (...keys: string[]) => Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as Record<string, string>);

const ITEM_TYPES = ['CHECKBOX', 'CHECKBOX_GRID', 'DATE', 'DATETIME', 'DURATION', 'GRID', 'IMAGE', 'LIST', 'MULTIPLE_CHOICE', 'PAGE_BREAK', 'PARAGRAPH_TEXT', 'SCALE', 'SECTION_HEADER', 'TEXT', 'TIME', 'VIDEO', 'FILE_UPLOAD'];
type ItemKind = 'TEXT' | 'PARAGRAPH_TEXT' | 'MULTIPLE_CHOICE' | 'LIST' | 'CHECKBOX' | 'DATE';

/** An answer as stored: text, a choice, several choices, or a day as YYYY-MM-DD. */
export type Answer = string | string[];

export interface ItemState {
  id: number;
  /** Prefilled links carry entry.<entry>, a number different from the item id, as on Google. */
  entry: number;
  type: ItemKind;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  other: boolean;
}

export interface ResponseState {
  id: string;
  at: number;
  email: string;
  answers: Record<string, Answer>;
}

export interface FormState {
  id: string;
  publishedId: string;
  title: string;
  description: string;
  owner: string;
  editors: string[];
  collectEmail: boolean;
  allowEdits: boolean;
  accepting: boolean;
  confirmation: string;
  items: ItemState[];
  responses: ResponseState[];
  destinationId: string | null;
  /** Column of each item in the response tab (item id -> 1-based column); columns are never reused. */
  columns: Record<string, number>;
  nextItem: number;
}

function forms(g: GoogleCore): Record<string, FormState> {
  return (g.state.forms ??= {});
}

const NO_FORM = 'No item with the given ID could be found, or you do not have permission to access it.';

function openForm(x: Exec, id: string): FormState {
  const f = forms(x.g)[id];
  if (!f || (x.user !== f.owner && !f.editors.includes(x.user.toLowerCase()))) throw gasError(x, NO_FORM);
  return f;
}

export class FormAppF extends Fake {
  static override KEY = 'FormApp';
  readonly DestinationType = enumOf('SPREADSHEET');
  readonly ItemType = enumOf(...ITEM_TYPES);
  readonly Alignment = enumOf('LEFT', 'CENTER', 'RIGHT');
  readonly FeedbackType = enumOf('CORRECT', 'INCORRECT', 'GENERAL');
  readonly PageNavigationType = enumOf('CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT');

  create(title: string): FormF {
    const g = this._x.g;
    const id = g.nextId('1Fm');
    forms(g)[id] = {
      id,
      publishedId: g.nextId('1FAIpQLS'),
      title: String(title),
      description: '',
      owner: this._x.user,
      editors: [],
      collectEmail: false,
      allowEdits: false,
      accepting: true,
      confirmation: '',
      items: [],
      responses: [],
      destinationId: null,
      columns: {},
      nextItem: 1,
    };
    return new FormF(this._x, id);
  }
  openById(id: string): FormF {
    openForm(this._x, String(id));
    return new FormF(this._x, String(id));
  }
  openByUrl(url: string): FormF {
    const m = /\/forms\/d\/(?!e\/)([^/?#]+)/.exec(String(url));
    if (!m) throw gasError(this._x, NO_FORM);
    return this.openById(m[1]);
  }
}

export class FormF extends Fake {
  static override KEY = 'FormApp.Form';
  constructor(
    x: Exec,
    readonly _id: string,
  ) {
    super(x);
  }
  override _docId(): string {
    return this._id;
  }
  _f(): FormState {
    return openForm(this._x, this._id);
  }
  _add(type: ItemKind): ItemF {
    const f = this._f();
    const n = f.nextItem++;
    // Real item ids and entry ids are unrelated large ints; keep them deterministic.
    const item: ItemState = { id: 100000000 + ((n * 2654435761) % 900000000), entry: 1000000000 + ((n * 40503) % 900000000), type, title: '', helpText: '', required: false, choices: [], other: false };
    f.items.push(item);
    return new ItemF(this._x, this._id, item.id, type);
  }
  getId(): string {
    return this._id;
  }
  getTitle(): string {
    return this._f().title;
  }
  setTitle(title: string): FormF {
    this._f().title = String(title);
    return this;
  }
  getDescription(): string {
    return this._f().description;
  }
  setDescription(d: string): FormF {
    this._f().description = String(d);
    return this;
  }
  setConfirmationMessage(m: string): FormF {
    this._f().confirmation = String(m);
    return this;
  }
  getConfirmationMessage(): string {
    return this._f().confirmation;
  }
  addTextItem(): ItemF {
    return this._add('TEXT');
  }
  addParagraphTextItem(): ItemF {
    return this._add('PARAGRAPH_TEXT');
  }
  addMultipleChoiceItem(): ItemF {
    return this._add('MULTIPLE_CHOICE');
  }
  addListItem(): ItemF {
    return this._add('LIST');
  }
  addCheckboxItem(): ItemF {
    return this._add('CHECKBOX');
  }
  addDateItem(): ItemF {
    return this._add('DATE');
  }
  getItems(type?: string): ItemF[] {
    return this._f()
      .items.filter((i) => type === undefined || i.type === type)
      .map((i) => new ItemF(this._x, this._id, i.id, null));
  }
  getItemById(id: number): ItemF | null {
    const i = this._f().items.find((it) => it.id === id);
    return i ? new ItemF(this._x, this._id, i.id, null) : null;
  }
  deleteItem(a: unknown): void {
    const f = this._f();
    const at = typeof a === 'number' ? a : f.items.findIndex((i) => a instanceof ItemF && i.id === a._itemId);
    if (!(at >= 0 && at < f.items.length)) throw gasError(this._x, 'Invalid argument: index');
    f.items.splice(at, 1);
  }
  setCollectEmail(on: boolean): FormF {
    this._f().collectEmail = !!on;
    return this;
  }
  collectsEmail(): boolean {
    return this._f().collectEmail;
  }
  setAllowResponseEdits(on: boolean): FormF {
    this._f().allowEdits = !!on;
    return this;
  }
  canEditResponse(): boolean {
    return this._f().allowEdits;
  }
  setAcceptingResponses(on: boolean): FormF {
    this._f().accepting = !!on;
    return this;
  }
  isAcceptingResponses(): boolean {
    return this._f().accepting;
  }
  getPublishedUrl(): string {
    return `https://docs.google.com/forms/d/e/${this._f().publishedId}/viewform`;
  }
  getEditUrl(): string {
    return `https://docs.google.com/forms/d/${this._f().id}/edit`;
  }
  addEditor(who: unknown): FormF {
    const email = (who instanceof UserF ? who._email : String(who)).trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw gasError(this._x, `Invalid email: ${email}`);
    const f = this._f();
    if (email !== f.owner && !f.editors.includes(email)) f.editors.push(email);
    return this;
  }
  addEditors(emails: string[]): FormF {
    for (const e of emails) this.addEditor(e);
    return this;
  }
  removeEditor(who: unknown): FormF {
    const email = (who instanceof UserF ? who._email : String(who)).trim().toLowerCase();
    const f = this._f();
    f.editors = f.editors.filter((e) => e !== email);
    return this;
  }
  getEditors(): UserF[] {
    const f = this._f();
    return [f.owner, ...f.editors].map((e) => new UserF(this._x, e));
  }
  setDestination(type: string, id: string): FormF {
    const x = this._x;
    if (type !== 'SPREADSHEET') throw gasError(x, 'Invalid argument: type');
    const ss = x.g.state.spreadsheets[String(id)];
    if (!ss || (ss.editors && x.user !== ss.owner && !ss.editors.includes(x.user.toLowerCase()))) throw gasError(x, 'Unexpected error while getting the method or property setDestination on object FormApp.Form.');
    const f = this._f();
    if (f.destinationId === ss.id && responseSheet(ss, f.id)) return this;
    unlink(x.g, f);
    f.destinationId = ss.id;
    f.columns = {};
    // Google makes the tab at once and copies the responses the form already holds.
    const sh = newResponseSheet(ss, f.id);
    if (f.responses.length === 0) writeHeader(ss, sh, f);
    for (const r of f.responses) writeRow(ss, sh, f, r);
    return this;
  }
  removeDestination(): FormF {
    const f = this._f();
    unlink(this._x.g, f);
    f.destinationId = null;
    return this;
  }
  getDestinationId(): string {
    const f = this._f();
    if (!f.destinationId) throw gasError(this._x, 'The form currently has no response destination.');
    return f.destinationId;
  }
  getDestinationType(): string {
    if (!this._f().destinationId) throw gasError(this._x, 'The form currently has no response destination.');
    return 'SPREADSHEET';
  }
  createResponse(): FormResponseF {
    this._f();
    return new FormResponseF(this._x, this._id, null);
  }
  getResponses(since?: Date): FormResponseF[] {
    const from = since && isDateLike(since) ? since.getTime() : -Infinity;
    return this._f()
      .responses.filter((r) => r.at >= from)
      .map((r) => new FormResponseF(this._x, this._id, r.id));
  }
  getResponse(id: string): FormResponseF {
    if (!this._f().responses.some((r) => r.id === String(id))) throw gasError(this._x, 'Invalid argument: responseId');
    return new FormResponseF(this._x, this._id, String(id));
  }
  deleteAllResponses(): FormF {
    // As on Google, the rows already in the response tab stay.
    this._f().responses = [];
    return this;
  }
}

const CAST: Record<string, ItemKind> = {
  asTextItem: 'TEXT',
  asParagraphTextItem: 'PARAGRAPH_TEXT',
  asMultipleChoiceItem: 'MULTIPLE_CHOICE',
  asListItem: 'LIST',
  asCheckboxItem: 'CHECKBOX',
  asDateItem: 'DATE',
};

/** Any item, generic or typed (asTextItem...): one class, since only the method set differs on Google. */
export class ItemF extends Fake {
  static override KEY = 'FormApp.Item';
  constructor(
    x: Exec,
    readonly _formId: string,
    readonly _itemId: number,
    /** The typed view this object is (null: a generic Item from getItems). */
    readonly _as: ItemKind | null,
  ) {
    super(x);
  }
  override _docId(): string {
    return this._formId;
  }
  _it(): ItemState {
    const it = openForm(this._x, this._formId).items.find((i) => i.id === this._itemId);
    if (!it) throw gasError(this._x, 'The item has been deleted.');
    return it;
  }
  _cast(method: string): ItemF {
    const it = this._it();
    if (it.type !== CAST[method]) throw gasError(this._x, `Invalid conversion for item type: ${it.type}.`);
    return new ItemF(this._x, this._formId, this._itemId, it.type);
  }
  _typed(): ItemState {
    const it = this._it();
    // Google's generic Item has no typed methods; calling one on it is a TypeError in the script.
    if (this._as === null) throw gasError(this._x, 'TypeError: this method is only on the typed item (asTextItem(), asListItem()...).');
    return it;
  }
  asTextItem(): ItemF {
    return this._cast('asTextItem');
  }
  asParagraphTextItem(): ItemF {
    return this._cast('asParagraphTextItem');
  }
  asMultipleChoiceItem(): ItemF {
    return this._cast('asMultipleChoiceItem');
  }
  asListItem(): ItemF {
    return this._cast('asListItem');
  }
  asCheckboxItem(): ItemF {
    return this._cast('asCheckboxItem');
  }
  asDateItem(): ItemF {
    return this._cast('asDateItem');
  }
  getId(): number {
    return this._it().id;
  }
  getIndex(): number {
    return openForm(this._x, this._formId).items.findIndex((i) => i.id === this._itemId);
  }
  getType(): string {
    return this._it().type;
  }
  getTitle(): string {
    return this._it().title;
  }
  setTitle(t: string): ItemF {
    this._it().title = String(t);
    return this;
  }
  getHelpText(): string {
    return this._it().helpText;
  }
  setHelpText(t: string): ItemF {
    this._it().helpText = String(t);
    return this;
  }
  isRequired(): boolean {
    return this._typed().required;
  }
  setRequired(on: boolean): ItemF {
    this._typed().required = !!on;
    return this;
  }
  setChoiceValues(values: string[]): ItemF {
    const it = this._typed();
    if (!['MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'].includes(it.type)) throw gasError(this._x, 'TypeError: setChoiceValues is not a function');
    if (!Array.isArray(values) || values.length === 0) throw gasError(this._x, 'Invalid argument: values');
    it.choices = values.map(String);
    return this;
  }
  getChoices(): ChoiceF[] {
    return this._typed().choices.map((v) => new ChoiceF(this._x, v));
  }
  showOtherOption(on: boolean): ItemF {
    const it = this._typed();
    if (it.type !== 'MULTIPLE_CHOICE' && it.type !== 'CHECKBOX') throw gasError(this._x, 'TypeError: showOtherOption is not a function');
    it.other = !!on;
    return this;
  }
  hasOtherOption(): boolean {
    return this._typed().other;
  }
  createResponse(value: unknown): ItemResponseF {
    const it = this._typed();
    const x = this._x;
    let ans: Answer;
    if (it.type === 'CHECKBOX') {
      if (!Array.isArray(value)) throw gasError(x, 'Invalid argument: responses');
      ans = value.map(String);
      for (const v of ans) if (!it.other && !it.choices.includes(v)) throw gasError(x, `Invalid response submitted to item: ${v}`);
    } else if (it.type === 'DATE') {
      if (!isDateLike(value)) throw gasError(x, 'Invalid argument: response');
      const z = zoned(value.getTime(), x.g.timeZone);
      ans = `${z.y}-${String(z.M).padStart(2, '0')}-${String(z.d).padStart(2, '0')}`;
    } else {
      if (typeof value !== 'string') throw gasError(x, 'Invalid argument: response');
      ans = value;
      if ((it.type === 'LIST' || (it.type === 'MULTIPLE_CHOICE' && !it.other)) && !it.choices.includes(ans)) throw gasError(x, `Invalid response submitted to item: ${ans}`);
    }
    return new ItemResponseF(x, this._formId, it.id, ans);
  }
}

export class ChoiceF extends Fake {
  static override KEY = 'FormApp.Choice';
  constructor(
    x: Exec,
    readonly _value: string,
  ) {
    super(x);
  }
  getValue(): string {
    return this._value;
  }
  isCorrectAnswer(): boolean {
    return false;
  }
}

export class ItemResponseF extends Fake {
  static override KEY = 'FormApp.ItemResponse';
  constructor(
    x: Exec,
    readonly _formId: string,
    readonly _itemId: number,
    readonly _answer: Answer,
  ) {
    super(x);
  }
  getItem(): ItemF {
    return new ItemF(this._x, this._formId, this._itemId, null);
  }
  getResponse(): string | string[] {
    return Array.isArray(this._answer) ? [...this._answer] : this._answer;
  }
}

export class FormResponseF extends Fake {
  static override KEY = 'FormApp.FormResponse';
  /** Answers of a response being built (createResponse), before submit(). */
  readonly _draft: Record<string, Answer> = {};
  constructor(
    x: Exec,
    readonly _formId: string,
    public _respId: string | null,
  ) {
    super(x);
  }
  _r(): ResponseState | null {
    if (!this._respId) return null;
    return openForm(this._x, this._formId).responses.find((r) => r.id === this._respId) ?? null;
  }
  withItemResponse(ir: ItemResponseF): FormResponseF {
    if (this._respId) throw gasError(this._x, 'This response has already been submitted.');
    if (ir._formId !== this._formId) throw gasError(this._x, 'Invalid argument: response');
    this._draft[String(ir._itemId)] = ir._answer;
    return this;
  }
  submit(): FormResponseF {
    if (this._respId) throw gasError(this._x, 'This response has already been submitted.');
    // A response made by the script has no respondent email, as on Google.
    this._respId = submitResponse(this._x, this._formId, '', this._draft).id;
    return this;
  }
  toPrefilledUrl(): string {
    const f = openForm(this._x, this._formId);
    const answers = this._r()?.answers ?? this._draft;
    const parts = ['usp=pp_url'];
    for (const it of f.items) {
      const a = answers[String(it.id)];
      if (a === undefined) continue;
      for (const v of Array.isArray(a) ? a : [a]) parts.push(`entry.${it.entry}=${encodeURIComponent(v).replace(/%20/g, '+')}`);
    }
    return `https://docs.google.com/forms/d/e/${f.publishedId}/viewform?${parts.join('&')}`;
  }
  getId(): string | null {
    return this._respId;
  }
  getTimestamp(): Date | null {
    const r = this._r();
    return r ? new Date(r.at) : null;
  }
  getRespondentEmail(): string {
    return this._r()?.email ?? '';
  }
  getEditResponseUrl(): string {
    const f = openForm(this._x, this._formId);
    return `https://docs.google.com/forms/d/e/${f.publishedId}/viewform?edit2=${this._respId ?? ''}`;
  }
  getItemResponses(): ItemResponseF[] {
    const f = openForm(this._x, this._formId);
    const answers = this._r()?.answers ?? this._draft;
    return f.items.filter((it) => answers[String(it.id)] !== undefined).map((it) => new ItemResponseF(this._x, this._formId, it.id, answers[String(it.id)]));
  }
  getResponseForItem(item: ItemF): ItemResponseF | null {
    const a = (this._r()?.answers ?? this._draft)[String(item._itemId)];
    return a === undefined ? null : new ItemResponseF(this._x, this._formId, item._itemId, a);
  }
}

/** A response arriving at the form: stored, and a row in the response tab when the form has a destination. */
function submitResponse(x: Exec, formId: string, email: string, answers: Record<string, Answer>): ResponseState {
  const f = forms(x.g)[formId];
  if (!f) throw gasError(x, NO_FORM);
  if (!f.accepting) throw gasError(x, 'This form is no longer accepting responses.');
  const r: ResponseState = { id: x.g.nextId('2_ABaOnu'), at: x.g.nowMs(), email: f.collectEmail ? email : '', answers: { ...answers } };
  f.responses.push(r);
  const ss = f.destinationId ? x.g.state.spreadsheets[f.destinationId] : undefined;
  if (ss) {
    // A response tab the user deleted is made again, as Google does on the next response.
    const sh = responseSheet(ss, f.id) ?? newResponseSheet(ss, f.id);
    writeRow(ss, sh, f, r);
  }
  return r;
}

/**
 * A respondent filling in the published form (the fake's stand-in for the web page): answers by item id,
 * checked like the typed createResponse; uncounted, since it is not a script call.
 */
export function respondToForm(exec: Exec, formId: string, respondentEmail: string, answers: Record<number, unknown>): string {
  const f = forms(exec.g)[formId];
  if (!f) throw new Error(`No form ${formId}`);
  // The respondent is not an editor: checks run as the form's owner would see the form.
  const asOwner = Object.create(exec) as Exec;
  Object.defineProperty(asOwner, 'user', { value: f.owner });
  const out: Record<string, Answer> = {};
  for (const [id, v] of Object.entries(answers)) {
    const it = f.items.find((i) => i.id === Number(id));
    if (!it) throw new Error(`No item ${id} in form ${formId}`);
    out[id] = new ItemF(asOwner, formId, it.id, it.type).createResponse(v)._answer;
  }
  for (const it of f.items) if (it.required && out[String(it.id)] === undefined) throw new Error(`Required question unanswered: ${it.title}`);
  return submitResponse(asOwner, formId, respondentEmail, out).id;
}

/** Plain view of a form's state for tests and the local page (uncounted). */
export function formState(g: GoogleCore, formId: string): FormState | undefined {
  return forms(g)[formId];
}

function isVi(ss: SpreadsheetState): boolean {
  return /^vi/i.test(ss.locale);
}

function responseSheet(ss: SpreadsheetState, formId: string): SheetState | undefined {
  return ss.sheets.find((s) => s.formId === formId);
}

function newResponseSheet(ss: SpreadsheetState, formId: string): SheetState {
  const base = isVi(ss) ? 'Câu trả lời biểu mẫu' : 'Form Responses';
  let n = 1;
  while (ss.sheets.some((s) => s.name === `${base} ${n}`)) n++;
  const sh = newSheetState((ss.nextId++ * 2654435761) % 2000000000 || 1, `${base} ${n}`);
  sh.formId = formId;
  sh.frozenRows = 1;
  // Google puts the response tab first.
  ss.sheets.unshift(sh);
  return sh;
}

function unlink(g: GoogleCore, f: FormState): void {
  const old = f.destinationId ? g.state.spreadsheets[f.destinationId] : undefined;
  const sh = old && responseSheet(old, f.id);
  if (sh) delete sh.formId;
}

function put(sh: SheetState, r: number, c: number, v: Val, nf?: string): void {
  if (r > sh.maxRows) sh.maxRows = r;
  if (c > sh.maxCols) sh.maxCols = c;
  const cell = cellFor(sh, r, c);
  cell.v = v;
  if (nf) cell.nf = nf;
}

/** Header row from the form's current items: new questions get the next free column, renamed ones keep theirs. */
function writeHeader(ss: SpreadsheetState, sh: SheetState, f: FormState): void {
  const vi = isVi(ss);
  put(sh, 1, 1, vi ? 'Dấu thời gian' : 'Timestamp');
  let next = 2;
  if (f.collectEmail) {
    put(sh, 1, 2, vi ? 'Địa chỉ email' : 'Email Address');
    next = 3;
  }
  for (const c of Object.values(f.columns)) next = Math.max(next, c + 1);
  for (const it of f.items) {
    const key = String(it.id);
    if (f.columns[key] === undefined) f.columns[key] = next++;
    put(sh, 1, f.columns[key], it.title);
  }
}

function writeRow(ss: SpreadsheetState, sh: SheetState, f: FormState, r: ResponseState): void {
  const vi = isVi(ss);
  writeHeader(ss, sh, f);
  const row = Math.max(2, lastRow(sh) + 1);
  put(sh, row, 1, { d: r.at }, vi ? 'dd/MM/yyyy HH:mm:ss' : 'M/d/yyyy H:mm:ss');
  if (f.collectEmail) put(sh, row, 2, r.email);
  for (const it of f.items) {
    const a = r.answers[String(it.id)];
    if (a === undefined) continue;
    const col = f.columns[String(it.id)];
    if (it.type === 'DATE') {
      const [y, M, d] = (a as string).split('-').map(Number);
      put(sh, row, col, { d: fromZoned(y, M, d, 0, 0, 0, ss.timeZone) }, vi ? 'dd/MM/yyyy' : 'M/d/yyyy');
    } else if (Array.isArray(a)) put(sh, row, col, a.join(', '));
    else put(sh, row, col, /^-?(0|[1-9]\d*)([.,]\d+)?$/.test(a) ? (parseLocaleNumber(a, ss.locale) ?? a) : a);
  }
}

/** The FormApp global of an execution. */
export function createFormApp(x: Exec): FormAppF {
  return wrap(new FormAppF(x));
}
