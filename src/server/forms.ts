// What the form actions share: the forms registers, building a form on FormApp, its response tab found by form id, responses read by item, mail within the quota.
import { AppError } from '../core/errors';
import { dateToIso, isDate, type Cell } from '../core/cells';
import type { Rec } from '../core/record-type';
import {
  CODE_QUESTION,
  FORM_KINDS,
  FORM_REVIEWS,
  FORM_SENDS,
  FORMS,
  keyOfResult,
  kindOfLabel,
  responseKey,
  sendableToday,
  toFormRecord,
  toReviewRecord,
  toSendRecord,
  type FormKind,
  type FormRecord,
  type Question,
  type ResponseRow,
  type ReviewRecord,
  type SendRecord,
} from '../core/forms';
import { isBlankRow, readRecord, readTables, type Table } from './table';
import { again } from './respond';
import type { Ctx } from './context';

type FormApi = GoogleAppsScript.Forms.Form;

export interface FormRows<T> {
  table: Table;
  items: T[];
  /** Index into table.rows of each item. */
  index: number[];
}

function rows<T>(table: Table, map: (r: Rec) => T): FormRows<T> {
  const items: T[] = [];
  const index: number[] = [];
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const { rec, problems } = readRecord(table, row);
    if (Object.keys(problems).length) return;
    items.push(map(rec));
    index.push(i);
  });
  return { table, items, index };
}

export interface FormsBook {
  forms: FormRows<FormRecord>;
  sends: FormRows<SendRecord>;
  reviews: FormRows<ReviewRecord>;
  /** Every form code in the sheet, good rows or not: a new code never reuses one. */
  codes: string[];
}

/** Reads "Biểu mẫu", "Gửi biểu mẫu" and "Duyệt phản hồi" together (one Sheets API call with whatever was prefetched). */
export function loadForms(ctx: Ctx): FormsBook {
  const [f, s, r] = readTables(ctx, [FORMS, FORM_SENDS, FORM_REVIEWS]);
  const codes = f.rows.map((row) => String(row[f.col.code] ?? '').trim()).filter(Boolean);
  return { forms: rows(f, toFormRecord), sends: rows(s, toSendRecord), reviews: rows(r, toReviewRecord), codes };
}

export function findForm(book: FormsBook, code: unknown): { form: FormRecord; index: number } {
  if (typeof code !== 'string' || !code.trim()) throw new AppError('invalidInput', {}, { formCode: { code: 'required' } });
  const i = book.forms.items.findIndex((f) => f.code === code.trim());
  if (i < 0) throw new AppError('formNotFound', { value: code.trim().slice(0, 30) });
  return { form: book.forms.items[i], index: book.forms.index[i] };
}

/** What "Câu hỏi (mã)" keeps: our question keys → the form's item ids, and whether the form collects email. */
export interface ItemMap {
  q: Record<string, number>;
  email: boolean;
}
export function itemMap(f: FormRecord): ItemMap {
  try {
    const m = JSON.parse(f.items || '{}') as Partial<ItemMap>;
    return { q: m.q && typeof m.q === 'object' ? m.q : {}, email: !!m.email };
  } catch {
    return { q: {}, email: false };
  }
}

export const formKind = (f: FormRecord): FormKind | undefined => kindOfLabel(f.kind);

/** Adds the questions to a new form; returns their item ids. */
export function addQuestions(form: FormApi, questions: Question[]): Record<string, number> {
  const ids: Record<string, number> = {};
  for (const q of questions) {
    let item: GoogleAppsScript.Forms.TextItem | GoogleAppsScript.Forms.ParagraphTextItem | GoogleAppsScript.Forms.MultipleChoiceItem | GoogleAppsScript.Forms.ListItem | GoogleAppsScript.Forms.CheckboxItem | GoogleAppsScript.Forms.DateItem;
    if (q.type === 'paragraph') item = form.addParagraphTextItem();
    else if (q.type === 'choice') item = form.addMultipleChoiceItem().setChoiceValues(q.choices || []);
    else if (q.type === 'list') item = form.addListItem().setChoiceValues(q.choices || []);
    else if (q.type === 'checkbox') item = form.addCheckboxItem().setChoiceValues(q.choices || []);
    else if (q.type === 'date') item = form.addDateItem();
    else item = form.addTextItem();
    item.setTitle(q.title);
    if (q.help) item.setHelpText(q.help);
    if (q.required) item.setRequired(true);
    ids[q.key] = item.getId();
  }
  return ids;
}

/** The sheet that holds this form's responses: found by the form id it links to, never by its name or place. */
export function responseTab(ctx: Ctx, formId: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  const want = `/forms/d/${formId}/`;
  for (const sh of ctx.ss.getSheets()) {
    const url = sh.getFormUrl();
    if (url && url.indexOf(want) >= 0) return sh;
  }
  return null;
}

/** Every form's response tab by form id, asking each sheet once. */
export function responseTabs(ctx: Ctx): Map<string, GoogleAppsScript.Spreadsheet.Sheet> {
  const out = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();
  for (const sh of ctx.ss.getSheets()) {
    const m = /\/forms\/d\/([^/?#]+)/.exec(sh.getFormUrl() || '');
    if (m && !out.has(m[1])) out.set(m[1], sh);
  }
  return out;
}

const text = (v: Cell | undefined): string => (v === undefined || v === null ? '' : String(v).trim());

/**
 * The responses of a form, read from its tab in one getValues. Columns are resolved from the form's items
 * now (a renamed question renames its column; headers follow the workbook's locale), by the item ids kept
 * at creation; the timestamp is the first column and the email the second when collected, as Google lays them.
 */
export function readResponses(ctx: Ctx, f: FormRecord, tab: GoogleAppsScript.Spreadsheet.Sheet | null): ResponseRow[] {
  if (!tab) throw new AppError('formTabMissing', { code: f.code });
  const map = itemMap(f);
  const form = again(() => ctx.svc.FormApp.openById(f.formId));
  const titles: Record<string, string> = {};
  for (const [key, id] of Object.entries(map.q)) {
    const item = form.getItemById(id);
    if (item) titles[key] = item.getTitle();
  }
  const values = again(() => tab.getDataRange().getValues()) as Cell[][];
  const header = (values[0] || []).map((h) => text(h));
  const col: Record<string, number> = {};
  for (const [key, title] of Object.entries(titles)) {
    const i = header.indexOf(title.trim());
    if (i >= 0) col[key] = i;
  }
  const out: ResponseRow[] = [];
  for (const row of values.slice(1)) {
    const at = row[0];
    if (!isDate(at)) continue;
    const answers: Record<string, string> = {};
    for (const [key, i] of Object.entries(col)) {
      const v = row[i];
      answers[key] = isDate(v) ? dateToIso(v, ctx.tz) : typeof v === 'number' ? String(v) : text(v);
    }
    const iso = at.toISOString();
    out.push({ key: responseKey(f.code, answers[CODE_QUESTION] || '', iso), recipientCode: answers[CODE_QUESTION] || '', submittedAt: iso, email: map.email ? text(row[1]) : '', answers });
  }
  return out;
}

/** Keys already reviewed, or already carried by a record a review made (its review row may have been lost in a failure). */
export function handledKeys(book: FormsBook, resultTexts: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of resultTexts) {
    const k = keyOfResult(t);
    if (k) out.set(k, 'record');
  }
  for (const r of book.reviews.items) out.set(r.key, r.decision);
  return out;
}

/** What today's scheduled reports may still need of the shared MailApp quota: they go first. */
export function mailReserve(ctx: Ctx): number {
  const s = ctx.settings;
  return s.schedule.enabled ? s.reportRecipients.length + s.admins.length : 0;
}

export function mailRoom(ctx: Ctx, wanted: number): number {
  if (!wanted) return 0;
  return sendableToday(ctx.svc.MailApp.getRemainingDailyQuota(), mailReserve(ctx), wanted);
}

/**
 * One pre-filled link per recipient from a single toPrefilledUrl: the code goes where a placeholder was,
 * encoded as Google encodes it (so calls do not grow with the recipients).
 */
export function prefilledLinks(form: FormApi, codeItemId: number, codes: string[]): Record<string, string> {
  const PLACE = 'LHHCODEPLACEHOLDER';
  const item = form.getItemById(codeItemId);
  if (!item) throw new AppError('formNotFound', { value: String(codeItemId) });
  const url = form.createResponse().withItemResponse(item.asTextItem().createResponse(PLACE)).toPrefilledUrl();
  const out: Record<string, string> = {};
  for (const c of codes) out[c] = url.replace(PLACE, encodeURIComponent(c).replace(/%20/g, '+'));
  return out;
}

export function formTitle(kind: FormKind, year: number, period: string): string {
  return kind === 'activity' ? FORM_KINDS.activity.title(year, period) : FORM_KINDS[kind].title(year);
}
