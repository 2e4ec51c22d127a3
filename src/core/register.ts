// The rules of "Sổ văn bản": document kinds, their number series and recipients, and the one state machine of sending.
import { AppError } from './errors';
import type { Job } from './schedule';

/**
 * How to use it (server side: src/server/register.ts reads and writes the sheet, this file decides):
 * - Each document belongs to a `DocKind`; `KINDS[kind]` says its number series (`type`, ND30
 *   abbreviation), who receives it (`recipients`: the settings' Sở KH&CN or Sở Tài chính lists, or
 *   the addresses stored on its own register row), whether sending it locks its period's figures,
 *   and whether it is one-per-period (a second number for the same period needs the user's consent).
 * - A number is `nextSeq(rows, year, type, adminSet)`: the series is per type and year, so a
 *   consultation answer (BC) and a progress report (BC) share one series.
 * - Before issuing: `planIssue(rows, spec, confirmed)` says whether a live document for the same
 *   subject exists (ask the user first) and which older drafts to mark superseded.
 * - Before sending: `planSend(row, rows, who)` refuses what must not go (superseded, a sibling already
 *   sent, an interrupted send, a resend by a non-admin); the send itself moves the row through
 *   `next(state, step)`: begin → "Đang gửi", then delivered → "Đã gửi" (or "Chờ duyệt" for a review
 *   copy to the admins), failed → "Gửi lỗi"; a row found "Đang gửi" later → "Chưa rõ kết quả gửi".
 * - The time-driven run asks `planJob(job, rows)` what to do with a due job.
 * Rows never leave the register: a replaced draft is "Đã thay thế", its number still accounted for.
 */

/** ND30 Phụ lục III abbreviations of the documents the add-on numbers. */
export const DOC_TYPES = ['BC', 'TTr', 'QĐ', 'GM', 'BB'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const isDocType = (v: unknown): v is DocType => typeof v === 'string' && (DOC_TYPES as readonly string[]).includes(v);

/** Register row states, as written in the sheet's "Trạng thái" column. */
export const DOC_STATES = {
  drafted: 'Dự thảo',
  review: 'Chờ duyệt',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Gửi lỗi',
  unknown: 'Chưa rõ kết quả gửi',
  superseded: 'Đã thay thế',
} as const;
export type DocState = (typeof DOC_STATES)[keyof typeof DOC_STATES];

export type DocKind = 'progress' | 'budget' | 'weekly' | 'consultation' | 'decision' | 'invitation' | 'minutes';

export interface KindRule {
  type: DocType;
  /** What the "Loại văn bản" column says; unique per kind, so a row's kind is read back from it. */
  label: string;
  /** A weekly summary is an email only: it takes no number. */
  numbered: boolean;
  /** `report`/`budget`: the settings' lists; `own`: the addresses on the row (the body that asked). */
  recipients: 'report' | 'budget' | 'own';
  /** Sending it to its recipients locks the figures of its period (formal progress reports). */
  locksPeriod: boolean;
  /** One live document per period: a new number for a period that has one needs the user's consent. */
  perPeriod: boolean;
}

export const KINDS: Record<DocKind, KindRule> = {
  progress: { type: 'BC', label: 'Báo cáo tiến độ', numbered: true, recipients: 'report', locksPeriod: true, perPeriod: true },
  budget: { type: 'TTr', label: 'Tờ trình dự toán', numbered: true, recipients: 'budget', locksPeriod: false, perPeriod: true },
  weekly: { type: 'BC', label: 'Tóm tắt tuần (email)', numbered: false, recipients: 'report', locksPeriod: false, perPeriod: true },
  consultation: { type: 'BC', label: 'Báo cáo kết quả tư vấn, phản biện', numbered: true, recipients: 'own', locksPeriod: false, perPeriod: false },
  decision: { type: 'QĐ', label: 'Quyết định', numbered: true, recipients: 'own', locksPeriod: false, perPeriod: false },
  invitation: { type: 'GM', label: 'Giấy mời', numbered: true, recipients: 'own', locksPeriod: false, perPeriod: false },
  minutes: { type: 'BB', label: 'Biên bản', numbered: true, recipients: 'own', locksPeriod: false, perPeriod: false },
};

/** What the core needs of a register row (the server's RegisterEntry has these and more). */
export interface RegisterRow {
  index: number;
  year: number;
  kind: DocKind;
  type: DocType;
  seq: number | null;
  number: string;
  periodFrom: string;
  periodTo: string;
  /** Addresses of an `own`-recipient document, comma-separated as in the sheet. */
  recipientEmails: string;
  docId: string;
  state: string;
  jobKey: string;
  /** For kinds that are not per period: what the document answers (a dossier id…); siblings share it. */
  subjectKey: string;
}

/**
 * A row's kind from its "Loại văn bản" cell; rows written before that column existed are told by
 * their type and document id (weekly summaries have an `email:` id).
 */
export function kindOf(label: unknown, type: unknown, docId: unknown): DocKind {
  const l = String(label ?? '').trim();
  for (const k of Object.keys(KINDS) as DocKind[]) if (KINDS[k].label === l) return k;
  if (type === 'TTr') return 'budget';
  if (type === 'QĐ') return 'decision';
  if (type === 'GM') return 'invitation';
  if (type === 'BB') return 'minutes';
  return String(docId ?? '').startsWith('email:') ? 'weekly' : 'progress';
}

/**
 * The number the next document of a series takes: one past the highest in the register, unless an
 * admin set it (the office also numbers documents outside the add-on: the higher wins) or chose to
 * leave it blank for the văn thư (`'blank'`: null).
 */
export function nextSeq(rows: Pick<RegisterRow, 'year' | 'type' | 'seq'>[], year: number, type: DocType, adminSet: string | null | undefined): number | null {
  let max = 0;
  for (const r of rows) if (r.year === year && r.type === type && r.seq !== null && r.seq > max) max = r.seq;
  if (adminSet === 'blank') return null;
  if (adminSet && /^\d+$/.test(adminSet)) return Math.max(+adminSet, max + 1);
  return max + 1;
}

// ---------------------------------------------------------------------------------------------------
// The state machine

export type SendStep = 'begin' | 'delivered' | 'deliveredForReview' | 'failed' | 'interrupted' | 'supersede';

const S = DOC_STATES;
const NEXT: Record<DocState, Partial<Record<SendStep, DocState>>> = {
  [S.drafted]: { begin: S.sending, supersede: S.superseded },
  [S.review]: { begin: S.sending, supersede: S.superseded },
  [S.failed]: { begin: S.sending, supersede: S.superseded },
  [S.sending]: { delivered: S.sent, deliveredForReview: S.review, failed: S.failed, interrupted: S.unknown },
  // An admin may send again what went (or may have gone) out: a conscious repeat, never automatic.
  [S.sent]: { begin: S.sending },
  [S.unknown]: { begin: S.sending },
  [S.superseded]: {},
};

const isState = (s: string): s is DocState => Object.prototype.hasOwnProperty.call(NEXT, s);

/**
 * The state a row moves to. A hand-typed or empty state counts as a draft (the register is a sheet
 * users can edit). A step the state does not allow is a coded error naming the document.
 */
export function next(state: string, step: SendStep, number = ''): DocState {
  const from: DocState = isState(state) ? state : S.drafted;
  const to = NEXT[from][step];
  if (!to) throw new AppError('documentState', { number: number || '(không số)', state: from });
  return to;
}

/** Still counts as the document of its subject: not replaced. */
export const isLive = (r: Pick<RegisterRow, 'state'>): boolean => r.state !== S.superseded;
/** Waiting to be sent to its recipients (a review copy to the admins is not the real send). */
export const isUnsent = (r: Pick<RegisterRow, 'state'>): boolean => r.state === S.drafted || r.state === S.review || r.state === S.failed || !isState(r.state);

/** Rows about the same thing: same kind and year, and the same period (or the same subject key). */
export function siblingsOf(rows: RegisterRow[], r: Pick<RegisterRow, 'index' | 'kind' | 'year' | 'periodFrom' | 'periodTo' | 'subjectKey'>): RegisterRow[] {
  return rows.filter((x) => x.index !== r.index && sameSubject(x, r));
}

function sameSubject(x: Pick<RegisterRow, 'kind' | 'year' | 'periodFrom' | 'periodTo' | 'subjectKey'>, r: Pick<RegisterRow, 'kind' | 'year' | 'periodFrom' | 'periodTo' | 'subjectKey'>): boolean {
  if (x.kind !== r.kind || x.year !== r.year) return false;
  return KINDS[r.kind].perPeriod ? x.periodFrom === r.periodFrom && x.periodTo === r.periodTo : !!r.subjectKey && x.subjectKey === r.subjectKey;
}

export interface Subject {
  kind: DocKind;
  year: number;
  periodFrom: string;
  periodTo: string;
  subjectKey?: string;
}

/** The documents a subject already has, newest first: the live one to offer, and whether one went out. */
export function subjectStatus<R extends RegisterRow>(rows: R[], s: Subject): { live: R | null; sent: R | null; all: R[] } {
  const key = { ...s, subjectKey: s.subjectKey || '', index: -1 };
  const all = rows.filter((x) => sameSubject(x, key) && (x.seq !== null || x.number || !KINDS[s.kind].numbered)).sort((a, b) => b.index - a.index);
  const live = all.find(isLive) || null;
  const sent = all.find((x) => x.state === S.sent || x.state === S.unknown || x.state === S.sending) || null;
  return { live, sent, all };
}

export type IssuePlan = { do: 'issue'; supersede: RegisterRow[] } | { do: 'confirm'; existing: RegisterRow };

/**
 * Whether a new document may take a number now. For a subject that already has a live document the
 * user must confirm first (numbers are not to be wasted); once confirmed, the older unsent drafts
 * are marked superseded. Documents already sent stay as they are: they went out.
 */
export function planIssue(rows: RegisterRow[], s: Subject, confirmed: boolean): IssuePlan {
  const { live, all } = subjectStatus(rows, s);
  if (live && !confirmed) return { do: 'confirm', existing: live };
  return { do: 'issue', supersede: all.filter((x) => isLive(x) && isUnsent(x)) };
}

export type SendPlan = { do: 'send'; supersede: RegisterRow[] } | { do: 'markUnknown' };

/**
 * Whether a row may be sent to its recipients by a user. An interrupted send is marked, not
 * repeated (`markUnknown`: the caller records it and tells the user `sendUnknown`). When it goes,
 * its unsent siblings are superseded: one document per subject reaches the recipients.
 */
export function planSend(row: RegisterRow, rows: RegisterRow[], who: { admin: boolean }): SendPlan {
  if (row.state === S.sending) return { do: 'markUnknown' };
  if (row.state === S.superseded) throw new AppError('documentSuperseded', { number: row.number || '(không số)' });
  const siblings = siblingsOf(rows, row);
  const went = siblings.find((x) => x.state === S.sent || x.state === S.unknown || x.state === S.sending);
  // Once one document of a subject went out, the others are not sent, except a correction made
  // after it, which only an admin sends (like any repeat).
  if (went && isUnsent(row) && (went.index > row.index || !who.admin)) throw new AppError('periodAlreadySent', { number: went.number || '(không số)' });
  if ((row.state === S.sent || row.state === S.unknown) && !who.admin) throw new AppError('notAdmin');
  return { do: 'send', supersede: siblings.filter((x) => isLive(x) && isUnsent(x)) };
}

/** Who gets a document: a review copy goes to the admins; otherwise the kind's recipients. */
export function recipientsOf(
  row: Pick<RegisterRow, 'kind' | 'recipientEmails'>,
  lists: { reportRecipients: string[]; budgetRecipients: string[]; admins: string[] },
  review: boolean,
): { to: string[]; cc: string[] } {
  if (review) return { to: lists.admins.slice(), cc: [] };
  const rule = KINDS[row.kind];
  if (rule.recipients === 'budget') {
    if (!lists.budgetRecipients.length) throw new AppError('noRecipients', { field: 'Email Sở Tài chính' });
    // Sở KH&CN follows the plan it monitors: it gets the budget submission in copy.
    return { to: lists.budgetRecipients.slice(), cc: lists.reportRecipients.filter((r) => !lists.budgetRecipients.includes(r)) };
  }
  if (rule.recipients === 'own') {
    const own = row.recipientEmails
      .split(/[,;\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (!own.length) throw new AppError('noRecipients', { field: 'Email nơi nhận' });
    return { to: own, cc: [] };
  }
  if (!lists.reportRecipients.length) throw new AppError('noRecipients', { field: 'Email Sở KH&CN' });
  return { to: lists.reportRecipients.slice(), cc: [] };
}

/** Sending this row to its recipients locks its period's figures. */
export const locksPeriodOnSend = (row: Pick<RegisterRow, 'kind' | 'seq' | 'periodFrom' | 'periodTo'>, review: boolean): boolean =>
  !review && KINDS[row.kind].locksPeriod && row.seq !== null && !!row.periodFrom && !!row.periodTo;

// ---------------------------------------------------------------------------------------------------
// Scheduled jobs

export type JobPlan =
  | { do: 'skip'; number: string }
  | { do: 'markUnknown'; row: RegisterRow }
  | { do: 'send'; row: RegisterRow }
  | { do: 'createWeekly' }
  | { do: 'issue'; supersede: RegisterRow[] };

/**
 * What the time-driven run does with a due job, from what the register says happened to it before:
 * a job handled once is skipped (sent, in review, outcome unknown, or replaced by a newer document);
 * a report of the period sent by hand does the job; a send that died half-way is marked, never
 * repeated blindly; a failed send is retried with the same document and number.
 */
export function planJob(job: Pick<Job, 'key' | 'kind' | 'from' | 'to'>, rows: RegisterRow[], year: number): JobPlan {
  const row = rows.find((r) => r.jobKey === job.key);
  if (row && (row.state === S.sent || row.state === S.review || row.state === S.unknown || row.state === S.superseded)) return { do: 'skip', number: row.number };
  if (row && row.state === S.sending) return { do: 'markUnknown', row };
  if (job.kind === 'weekly') return row ? { do: 'send', row } : { do: 'createWeekly' };
  if (row) return { do: 'send', row };
  const status = subjectStatus(rows, { kind: 'progress', year, periodFrom: job.from, periodTo: job.to });
  if (status.sent && status.sent.seq !== null && status.sent.state === S.sent) return { do: 'skip', number: status.sent.number };
  return { do: 'issue', supersede: status.all.filter((x) => isLive(x) && isUnsent(x)) };
}
