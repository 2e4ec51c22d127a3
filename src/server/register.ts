// "Sổ văn bản" on the sheet: reads rows, takes numbers, writes states; the rules are in core/register.ts.
import { SHEETS } from '../core/sheets';
import { AppError } from '../core/errors';
import { docNumber } from '../core/vn-format';
import { dateToIso } from '../core/cells';
import {
  DOC_STATES,
  KINDS,
  isDocType,
  kindOf,
  next,
  nextSeq,
  isLive,
  isUnsent,
  locksPeriodOnSend,
  planIssue,
  recipientsOf,
  siblingsOf,
  type DocKind,
  type DocType,
  type RegisterRow,
  type SendStep,
} from '../core/register';
import { appendRecords, readRecord, readTables, writeRecord, type Table } from './table';
import { deleteProp, getProp, setProp, type Ctx } from './context';
import { afterwards } from './respond';
import { audit } from './audit';
import { addLock } from './period-locks';

export { DOC_STATES, type DocType, type DocKind };

export interface RegisterEntry extends RegisterRow {
  date: string;
  summary: string;
  /** Kính gửi names, as written in "Nơi nhận". */
  recipients: string;
  docUrl: string;
  note: string;
}

export interface Register {
  table: Table;
  entries: RegisterEntry[];
}

export function readRegister(ctx: Ctx): Register {
  const table = readTables(ctx, [SHEETS.register])[0];
  const entries: RegisterEntry[] = [];
  table.rows.forEach((row, index) => {
    const { rec } = readRecord(table, row);
    if (!rec.docId && !rec.number) return;
    const s = (k: string) => String(rec[k] ?? '');
    const type = s('type');
    entries.push({
      index,
      year: (rec.year as number) || 0,
      kind: kindOf(rec.kind, type, rec.docId),
      type: (isDocType(type) ? type : 'BC') as DocType,
      seq: (rec.seq as number | null) ?? null,
      number: s('number'),
      date: s('date'),
      summary: s('summary'),
      periodFrom: s('periodFrom'),
      periodTo: s('periodTo'),
      recipients: s('recipients'),
      recipientEmails: s('recipientEmails'),
      docUrl: s('docUrl'),
      docId: s('docId'),
      state: s('state'),
      jobKey: s('jobKey'),
      subjectKey: s('subjectKey'),
      note: s('note'),
    });
  });
  return { table, entries };
}

const nextKey = (year: number, type: DocType) => `lhh.nextNumber.${year}.${type}`;

/** The number the next document of a series takes (core nextSeq with the admin's setting). */
export function nextNumber(ctx: Ctx, entries: RegisterRow[], year: number, type: DocType): number | null {
  return nextSeq(entries, year, type, getProp(ctx, nextKey(year, type)));
}

export function setNextNumber(ctx: Ctx, year: number, type: DocType, n: number | null): void {
  setProp(ctx, nextKey(year, type), n === null ? 'blank' : String(n));
}

/** Clears an admin-set number once it has been used, so numbering goes on from the register. */
export function consumeNextNumber(ctx: Ctx, year: number, type: DocType): void {
  const v = getProp(ctx, nextKey(year, type));
  if (v && v !== 'blank') deleteProp(ctx, nextKey(year, type));
}

type NewEntry = Omit<RegisterEntry, 'index' | 'note' | 'recipientEmails' | 'subjectKey'> & Partial<Pick<RegisterEntry, 'note' | 'recipientEmails' | 'subjectKey'>>;

export function addEntry(ctx: Ctx, reg: Register, e: NewEntry & { createdBy: string; createdAt: Date }): RegisterEntry {
  void ctx;
  const full = { note: '', recipientEmails: '', subjectKey: '', ...e };
  const row = appendRecords(reg.table, [{ ...full, kind: KINDS[e.kind].label }]);
  const entry: RegisterEntry = { ...full, index: row - 2 };
  delete (entry as Partial<{ createdBy: string; createdAt: Date }>).createdBy;
  delete (entry as Partial<{ createdBy: string; createdAt: Date }>).createdAt;
  reg.entries.push(entry);
  return entry;
}

export function updateEntry(ctx: Ctx, table: Table, index: number, patch: Partial<RegisterEntry> & { sentAt?: Date }): void {
  void ctx;
  const rec: Record<string, unknown> = { ...patch };
  if (patch.kind) rec.kind = KINDS[patch.kind].label;
  writeRecord(table, index, rec);
}

/** Moves a row one step of the state machine and writes it; returns the new state. */
export function step(ctx: Ctx, reg: Register, entry: RegisterEntry, s: SendStep, extra: { sentAt?: Date; note?: string } = {}): string {
  const state = next(entry.state, s, entry.number);
  updateEntry(ctx, reg.table, entry.index, { state, ...extra });
  entry.state = state;
  const e = reg.entries.find((x) => x.index === entry.index);
  if (e && e !== entry) e.state = state;
  return state;
}

/** Marks older drafts replaced, naming the document that replaces them: a register accounts for every number. */
export function supersede(ctx: Ctx, reg: Register, rows: RegisterRow[], by: string): void {
  for (const r of rows) {
    const e = reg.entries.find((x) => x.index === r.index);
    if (!e) continue;
    step(ctx, reg, e, 'supersede', { note: `Thay bằng văn bản số ${by}` });
    afterwards('audit', () => audit(ctx, 'Đánh dấu văn bản bị thay thế', e.number, `Thay bằng văn bản số ${by}`));
  }
}

export interface IssueSpec {
  kind: DocKind;
  year: number;
  /** Trích yếu; `render` may return it when the document's model makes it. */
  summary: string;
  periodFrom?: string;
  periodTo?: string;
  /** Kính gửi names for the "Nơi nhận" column. */
  recipients: string;
  /** For kinds sent to their own recipients (`KINDS[kind].recipients === 'own'`). */
  recipientEmails?: string[];
  /** What the document belongs to (a dossier id…), for kinds that are not per period. */
  subjectKey?: string;
  jobKey?: string;
  state?: string;
  /** The user agreed to take a new number although the subject already has a document. */
  confirmed?: boolean;
}

/**
 * Takes the next number of the kind's series, lets `render` make the document with it, and records
 * it. Call under `withLock(svc, …, { numbering: true })`. The row is written only once the document
 * exists, so a failed render skips no number. A subject that already has a live document refuses
 * with `documentExists` unless `spec.confirmed`; then the older unsent drafts are marked superseded.
 */
export function issueRegistered(
  ctx: Ctx,
  reg: Register,
  spec: IssueSpec,
  render: (seq: number | null, number: string) => { id: string; url: string; summary?: string },
): RegisterEntry {
  const rule = KINDS[spec.kind];
  const subject = { kind: spec.kind, year: spec.year, periodFrom: spec.periodFrom || '', periodTo: spec.periodTo || '', subjectKey: spec.subjectKey || '' };
  const plan = planIssue(reg.entries, subject, !!spec.confirmed);
  if (plan.do === 'confirm') throw new AppError('documentExists', { number: plan.existing.number || '(không số)', state: plan.existing.state });
  const seq = rule.numbered ? nextNumber(ctx, reg.entries, spec.year, rule.type) : null;
  const number = rule.numbered ? docNumber(seq, rule.type, ctx.settings.orgCode) : '';
  const doc = render(seq, number);
  const entry = addEntry(ctx, reg, {
    year: spec.year,
    kind: spec.kind,
    type: rule.type,
    seq,
    number,
    date: dateToIso(ctx.now, ctx.tz),
    summary: doc.summary ?? spec.summary,
    periodFrom: subject.periodFrom,
    periodTo: subject.periodTo,
    recipients: spec.recipients,
    recipientEmails: (spec.recipientEmails || []).join(', '),
    subjectKey: subject.subjectKey,
    docUrl: doc.url,
    docId: doc.id,
    state: spec.state || DOC_STATES.drafted,
    jobKey: spec.jobKey || '',
    createdBy: ctx.user,
    createdAt: ctx.now,
  });
  if (seq !== null) consumeNextNumber(ctx, spec.year, rule.type);
  if (plan.supersede.length) afterwards('register', () => supersede(ctx, reg, plan.supersede, number));
  return entry;
}

/** The row's recipients from the settings or the row itself (core recipientsOf). */
export function recipientsForEntry(ctx: Ctx, entry: Pick<RegisterRow, 'kind' | 'recipientEmails'>, review: boolean): { to: string[]; cc: string[] } {
  return recipientsOf(entry, ctx.settings, review);
}

/**
 * Sends a row through the state machine: "Đang gửi" before `send`, "Gửi lỗi" if it throws, then
 * "Đã gửi" (or "Chờ duyệt" for a review copy). A run that dies inside `send` leaves "Đang gửi",
 * which the next look turns into "Chưa rõ kết quả gửi" instead of sending again. After a real send,
 * the subject's other drafts are superseded and a formal report locks its period.
 */
export function deliver(ctx: Ctx, reg: Register, entry: RegisterEntry, review: boolean, send: () => void): void {
  const siblings = review ? [] : siblingsOf(reg.entries, entry).filter((x) => isLive(x) && isUnsent(x));
  step(ctx, reg, entry, 'begin');
  try {
    send();
  } catch (e) {
    step(ctx, reg, entry, 'failed');
    throw e;
  }
  step(ctx, reg, entry, review ? 'deliveredForReview' : 'delivered', { sentAt: ctx.now });
  if (siblings.length) afterwards('register', () => supersede(ctx, reg, siblings, entry.number));
  if (locksPeriodOnSend(entry, review)) afterwards('period lock', () => addLock(ctx, { from: entry.periodFrom, to: entry.periodTo, number: entry.number }));
}
