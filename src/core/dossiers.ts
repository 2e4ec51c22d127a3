// Consultation dossiers (tư vấn, phản biện, giám định xã hội): states, checks, kind → target per year, reminders, figures.
import { AppError } from './errors';
import { FieldReader, type Problems } from './field-check';
import type { Organisation } from './experts';
import type { EventFields, IsoDate, Target } from './types';
import { daysBetween } from './progress';

export const DOSSIER_KINDS = ['Tư vấn', 'Phản biện', 'Giám định xã hội', 'Tọa đàm góp ý văn bản'] as const;
export type DossierKind = (typeof DOSSIER_KINDS)[number];
export const DOSSIER_FORMS = ['Hội đồng', 'Nhóm chuyên gia', 'Hội thảo, tọa đàm', 'Lấy ý kiến bằng văn bản'] as const;
export const DOSSIER_STATES = ['Tiếp nhận', 'Đang thực hiện', 'Đã gửi kết quả', 'Đã có phản hồi', 'Hủy'] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];
export const UPTAKE_LEVELS = ['Tiếp thu toàn bộ', 'Tiếp thu một phần', 'Không tiếp thu', 'Chưa phản hồi'] as const;

/** One consultation request and what became of it (sheet "Tư vấn phản biện"). */
export interface Dossier {
  /** `TVPB-2024-001`. */
  code: string;
  year: number;
  consultKind: DossierKind;
  /** The plan target the answer counts for: from the year's mapping, changeable per dossier. */
  targetCode: string;
  /** Name of the scheme or draft reviewed. */
  subject: string;
  /** Code of the requesting body in "Cơ quan, đơn vị". */
  requesterCode: string;
  requestNumber: string;
  requestDate: IsoDate | '';
  deadline: IsoDate | '';
  fields: string[];
  form: string;
  heldDate: IsoDate | '';
  state: DossierState;
  cancelReason: string;
  /** Staff member answering for it: who the reminders go to. */
  staff: string;
  answerNumber: string;
  answerDate: IsoDate | '';
  answerDocId: string;
  answerUrl: string;
  /** 'addon' when the add-on emailed it; 'outside' when signed and sent through the e-office system. */
  sentBy: '' | 'addon' | 'outside';
  /** The event it counts as ("Hoạt động"), linked back by the event's result text. */
  eventId: string;
  uptake: string;
  uptakeNote: string;
  budgetLineId: string;
  /** Sum of the panel's fees: the cost of the counted event. */
  cost: number | null;
  /** Dates the deadline reminders went out: each is sent once. */
  remindedDue: IsoDate | '';
  remindedOverdue: IsoDate | '';
  note: string;
}

// ---------------------------------------------------------------------------------------------------
// States

const NEXT: Record<DossierState, readonly DossierState[]> = {
  'Tiếp nhận': ['Đang thực hiện', 'Hủy'],
  'Đang thực hiện': ['Đã gửi kết quả', 'Hủy'],
  'Đã gửi kết quả': ['Đã có phản hồi', 'Hủy'],
  'Đã có phản hồi': ['Hủy'],
  Hủy: [],
};

export function canMove(from: DossierState, to: DossierState): boolean {
  return NEXT[from].includes(to);
}

export interface MoveInput {
  to: DossierState;
  reason?: string;
  answerNumber?: string;
  answerDate?: IsoDate;
  answerUrl?: string;
  uptake?: string;
  uptakeNote?: string;
}

/**
 * The dossier after a state change, or an AppError: Hủy needs a reason; Đã gửi kết quả needs the
 * answer's number and date; Đã có phản hồi needs how far the answer was taken up.
 */
export function moveDossier(d: Dossier, m: MoveInput): Dossier {
  if (!canMove(d.state, m.to)) throw new AppError('dossierBadMove', { code: d.code, from: d.state, to: m.to });
  const next: Dossier = { ...d, state: m.to };
  const fields: Problems = {};
  if (m.to === 'Hủy') {
    const reason = (m.reason || '').normalize('NFC').trim();
    if (!reason) fields.reason = { code: 'required' };
    next.cancelReason = reason.slice(0, 500);
  }
  if (m.to === 'Đã gửi kết quả') {
    next.answerNumber = (m.answerNumber || d.answerNumber || '').trim();
    next.answerDate = m.answerDate || d.answerDate || '';
    if (m.answerUrl !== undefined) next.answerUrl = m.answerUrl;
    if (!next.answerNumber) fields.answerNumber = { code: 'required' };
    if (!next.answerDate) fields.answerDate = { code: 'required' };
  }
  if (m.to === 'Đã có phản hồi') {
    const u = UPTAKE_LEVELS.find((x) => x === m.uptake);
    if (!u || u === 'Chưa phản hồi') fields.uptake = { code: 'invalidChoice', params: { choices: UPTAKE_LEVELS.slice(0, 3).join(', ') } };
    next.uptake = u || '';
    next.uptakeNote = (m.uptakeNote || '').normalize('NFC').trim().slice(0, 1000);
  }
  if (Object.keys(fields).length) throw new AppError('invalidInput', {}, fields);
  return next;
}

/** Open dossiers: work is still owed to the requesting body. */
export const isOpen = (d: Pick<Dossier, 'state'>): boolean => d.state === 'Tiếp nhận' || d.state === 'Đang thực hiện';

// ---------------------------------------------------------------------------------------------------
// Kind → target, chosen per plan year (sheet "Tư vấn - chỉ tiêu")

export interface KindTarget {
  year: number;
  kind: string;
  targetCode: string;
}

/** The seed plan's mapping: Bắc Giang 2024 counts tư vấn and phản biện in P2.1, giám định in P2.2, tọa đàm in P2.3. */
export const SEED_KIND_TARGETS: KindTarget[] = [
  { year: 2024, kind: 'Tư vấn', targetCode: 'P2.1' },
  { year: 2024, kind: 'Phản biện', targetCode: 'P2.1' },
  { year: 2024, kind: 'Giám định xã hội', targetCode: 'P2.2' },
  { year: 2024, kind: 'Tọa đàm góp ý văn bản', targetCode: 'P2.3' },
];

export function targetForKind(mapping: readonly KindTarget[], year: number, kind: string): string {
  return mapping.find((m) => m.year === year && m.kind === kind)?.targetCode || '';
}

// ---------------------------------------------------------------------------------------------------
// Checks of what the sidebar sends

export const DOSSIER_INPUT_FIELDS = ['code', 'consultKind', 'targetCode', 'subject', 'requesterCode', 'requestNumber', 'requestDate', 'deadline', 'fields', 'form', 'heldDate', 'staff', 'budgetLineId', 'note'] as const;

export interface DossierLists {
  year: number;
  targets: readonly Target[];
  organisations: readonly Organisation[];
  mapping: readonly KindTarget[];
  fields: readonly string[];
}

/** Checks a new or edited dossier; the target defaults to the year's mapping of its kind. */
export function checkDossier(input: unknown, lists: DossierLists): { dossier: Omit<Dossier, 'code' | 'year' | 'state' | 'cancelReason' | 'answerNumber' | 'answerDate' | 'answerDocId' | 'answerUrl' | 'sentBy' | 'eventId' | 'uptake' | 'uptakeNote' | 'cost' | 'remindedDue' | 'remindedOverdue'>; problems: Problems } {
  const r = new FieldReader(input, DOSSIER_INPUT_FIELDS, 'consultKind');
  const consultKind = r.choice('consultKind', DOSSIER_KINDS, true) as DossierKind;
  let targetCode = r.text('targetCode', 30);
  if (!targetCode && consultKind) targetCode = targetForKind(lists.mapping, lists.year, consultKind);
  if (!targetCode && consultKind) r.add('targetCode', 'noKindTarget', { kind: consultKind, year: lists.year });
  else if (targetCode && !lists.targets.some((t) => t.code === targetCode && t.year <= lists.year && lists.year <= (t.endYear || t.year)))
    r.add('targetCode', 'unknownTarget', { value: targetCode.slice(0, 30) });
  const subject = r.text('subject', 500, true);
  const requesterCode = r.text('requesterCode', 30, true);
  if (requesterCode && !lists.organisations.some((o) => o.code === requesterCode)) r.add('requesterCode', 'unknownOrganisation', { value: requesterCode.slice(0, 30) });
  const requestNumber = r.text('requestNumber', 60);
  const requestDate = r.date('requestDate');
  const deadline = r.date('deadline');
  if (requestDate && deadline && deadline < requestDate) r.add('deadline', 'dateOrder');
  const fields = r.list('fields', 10, 80);
  const form = r.choice('form', DOSSIER_FORMS) || 'Hội đồng';
  const heldDate = r.date('heldDate');
  const staff = r.email('staff');
  const budgetLineId = r.text('budgetLineId', 30);
  const note = r.text('note', 1000);
  r.text('code', 30);
  return { dossier: { consultKind, targetCode, subject, requesterCode, requestNumber, requestDate, deadline, fields, form, heldDate, staff, budgetLineId, note }, problems: r.problems };
}

/** `TVPB-2024-001` given the codes in use. */
export function nextDossierCode(year: number, codes: readonly string[]): string {
  const re = new RegExp(`^TVPB-${year}-(\\d+)$`);
  let max = 0;
  for (const c of codes) {
    const m = re.exec(c);
    if (m) max = Math.max(max, +m[1]);
  }
  return `TVPB-${year}-${String(max + 1).padStart(3, '0')}`;
}

// ---------------------------------------------------------------------------------------------------
// Deadline reminders: due within N days, and overdue; each once, marked on the dossier row.

export interface Reminder {
  code: string;
  kind: 'due' | 'overdue';
  staff: string;
  deadline: IsoDate;
  daysLeft: number;
}

export function dueReminders(dossiers: readonly Dossier[], today: IsoDate, daysBefore: number): Reminder[] {
  const out: Reminder[] = [];
  for (const d of dossiers) {
    if (!isOpen(d) || !d.deadline) continue;
    const left = daysBetween(today, d.deadline);
    if (left < 0) {
      if (!d.remindedOverdue) out.push({ code: d.code, kind: 'overdue', staff: d.staff, deadline: d.deadline, daysLeft: left });
    } else if (left <= daysBefore && !d.remindedDue) out.push({ code: d.code, kind: 'due', staff: d.staff, deadline: d.deadline, daysLeft: left });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Figures for the dashboard and the progress report

export interface DossierStats {
  received: number;
  inProgress: number;
  answered: number;
  overdue: number;
  cancelled: number;
  /** Answers taken up fully or in part, among those the body replied to; null when none replied. */
  takeUpRate: number | null;
}

export function dossierStats(dossiers: readonly Dossier[], year: number, today: IsoDate): DossierStats {
  const s: DossierStats = { received: 0, inProgress: 0, answered: 0, overdue: 0, cancelled: 0, takeUpRate: null };
  let replied = 0;
  let taken = 0;
  for (const d of dossiers) {
    if (d.year !== year) continue;
    if (d.state === 'Hủy') {
      s.cancelled++;
      continue;
    }
    s.received++;
    if (d.state === 'Đang thực hiện') s.inProgress++;
    if (d.state === 'Đã gửi kết quả' || d.state === 'Đã có phản hồi') s.answered++;
    if (isOpen(d) && d.deadline && d.deadline < today) s.overdue++;
    if (d.state === 'Đã có phản hồi' && d.uptake && d.uptake !== 'Chưa phản hồi') {
      replied++;
      if (d.uptake === 'Tiếp thu toàn bộ' || d.uptake === 'Tiếp thu một phần') taken++;
    }
  }
  if (replied) s.takeUpRate = Math.round((taken / replied) * 10000) / 100;
  return s;
}

// ---------------------------------------------------------------------------------------------------
// The event the answer counts as

/** Marker in the event's result text that ties it to its dossier: how the edit trigger and updateEvent know. */
export const DOSSIER_LINK = 'Hồ sơ tư vấn ';

/** The one event recorded when the answer is sent: dated the day it was sent, costed with the panel's fees. */
export function dossierEvent(d: Dossier, org: Organisation | undefined, sentOn: IsoDate): EventFields {
  const kind = d.consultKind === 'Tọa đàm góp ý văn bản' ? 'Tọa đàm, góp ý' : d.consultKind;
  return {
    targetCode: d.targetCode,
    date: sentOn,
    title: `${kind} ${d.subject}`.slice(0, 300),
    quantity: 1,
    location: '',
    partner: org ? org.name : '',
    participants: null,
    cost: d.cost,
    budgetLineId: d.budgetLineId,
    result: `${DOSSIER_LINK}${d.code}; văn bản trả lời số ${d.answerNumber}.`,
    evidenceUrl: d.answerUrl,
  };
}

/** The dossier code an event was recorded for, or '' (read from its result text). */
export function dossierOfEvent(result: string): string {
  const m = /Hồ sơ tư vấn (TVPB-\d{4}-\d+)/.exec(result || '');
  return m ? m[1] : '';
}

/** Days from today to the deadline; negative when overdue. */
export function daysLeft(d: Pick<Dossier, 'deadline'>, today: IsoDate): number | null {
  return d.deadline ? daysBetween(today, d.deadline) : null;
}
