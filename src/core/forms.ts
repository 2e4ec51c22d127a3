// Google Forms the add-on makes for people outside the office (issue 17): record types, the questions of each kind, response keys, sending, reminders, review.
import { field as c, defineRecordType, toItem, type Rec } from './record-type';
import type { IsoDate, Target } from './types';
import { setOwn, type FieldProblem } from './errors';
import { hasControlChars } from './text-clean';

/** The kinds of form, each with its own questions and recipients. */
export const FORM_KINDS = {
  training: { label: 'Nhu cầu tập huấn, hội thảo', title: (y: number) => `Phiếu đăng ký nhu cầu tập huấn, hội thảo năm ${y}`, audience: 'associations' },
  techNeeds: { label: 'Nhu cầu chuyển giao công nghệ', title: (y: number) => `Phiếu khảo sát nhu cầu ứng dụng, chuyển giao công nghệ năm ${y}`, audience: 'organisations' },
  activity: { label: 'Báo cáo hoạt động hội thành viên', title: (y: number, q?: string) => `Báo cáo kết quả hoạt động của hội thành viên${q ? ` ${q.replace(/^Quý/, 'quý')}` : ''} năm ${y}`, audience: 'associations' },
} as const;
export type FormKind = keyof typeof FORM_KINDS;
export const FORM_KIND_KEYS = Object.keys(FORM_KINDS) as FormKind[];
export const FORM_KIND_LABELS = FORM_KIND_KEYS.map((k) => FORM_KINDS[k].label);
export const kindOfLabel = (label: string): FormKind | undefined => FORM_KIND_KEYS.find((k) => FORM_KINDS[k].label === label);

export const FORM_STATES = ['Đang mở', 'Đã đóng'] as const;
export const SEND_STATES = ['Chờ gửi', 'Đã gửi', 'Gửi lỗi', 'Không có email'] as const;
export type SendState = (typeof SEND_STATES)[number];
export const REVIEW_DECISIONS = ['Đã nhận', 'Từ chối'] as const;
export const RECIPIENT_KINDS = ['Hội thành viên', 'Xã, phường', 'Sở, ngành', 'Doanh nghiệp', 'Cơ quan, đơn vị khác'] as const;

/** The recipient kind of an organisation (not an association), read from how its name begins. */
export function organisationKind(name: string): (typeof RECIPIENT_KINDS)[number] {
  if (/^(xã|phường|thị trấn|đặc khu)/i.test(name)) return RECIPIENT_KINDS[1];
  if (/^sở|ban|ủy ban/i.test(name)) return RECIPIENT_KINDS[2];
  if (/công ty|doanh nghiệp|hợp tác xã/i.test(name)) return RECIPIENT_KINDS[3];
  return RECIPIENT_KINDS[4];
}
export const QUARTERS = ['Quý I', 'Quý II', 'Quý III', 'Quý IV'] as const;

/** The consent line every form carries for the personal data it asks (Luật 91/2025/QH15). */
export const CONSENT_CHOICE = 'Tôi đồng ý để Liên hiệp các Hội KH&KT tỉnh lưu và dùng thông tin liên hệ trong phiếu này chỉ để liên lạc về nội dung phiếu.';

const YEAR = { required: true, width: 60, format: '0' } as const;

/** "Biểu mẫu": one row per form the add-on made. `items` maps our question keys to the form's item ids. */
export const FORMS = defineRecordType({
  key: 'forms',
  name: 'Biểu mẫu',
  color: '#7627bb',
  id: { key: 'code', prefix: 'BM', width: 4 },
  checked: 'data',
  columns: [
    c('code', 'Mã biểu mẫu', 'text', { required: true, width: 110 }),
    c('year', 'Năm', 'int', YEAR),
    c('kind', 'Loại biểu mẫu', 'text', { required: true, width: 200, list: { choices: FORM_KIND_LABELS, help: 'Loại biểu mẫu do LHH Tracker tạo.' } }),
    c('title', 'Tên biểu mẫu', 'text', { required: true, width: 320 }),
    c('period', 'Kỳ', 'text', { width: 70 }),
    c('formId', 'Mã Google Biểu mẫu', 'text', { required: true, width: 140 }),
    c('fillUrl', 'Liên kết điền', 'url', { width: 220 }),
    c('editUrl', 'Liên kết sửa', 'url', { width: 220 }),
    c('state', 'Trạng thái', 'text', { required: true, width: 90, list: { choices: FORM_STATES, help: 'Đang mở hoặc Đã đóng (đóng ở lần chạy hằng ngày đầu tiên sau hạn).' } }),
    c('deadline', 'Hạn trả lời', 'date', { width: 100 }),
    c('items', 'Câu hỏi (mã)', 'text', { width: 90 }),
    c('createdBy', 'Người tạo', 'text', { width: 160 }),
    c('createdAt', 'Thời điểm tạo', 'datetime', { width: 130 }),
    c('closedAt', 'Thời điểm đóng', 'datetime', { width: 130 }),
  ],
});

/** "Gửi biểu mẫu": who was sent which form, with their own pre-filled link (no email here: it is in the contacts file). */
export const FORM_SENDS = defineRecordType({
  key: 'formSends',
  name: 'Gửi biểu mẫu',
  color: '#7627bb',
  checked: 'data',
  columns: [
    c('formCode', 'Mã biểu mẫu', 'text', { required: true, width: 110, ref: { sheet: 'forms', column: 'code', code: 'formNotFound' } }),
    c('recipientCode', 'Mã đơn vị nhận', 'text', { required: true, width: 110 }),
    c('recipientKind', 'Loại đơn vị', 'text', { width: 120, list: { choices: RECIPIENT_KINDS, loose: true, help: 'Hội thành viên, xã/phường, sở/ngành, doanh nghiệp.' } }),
    c('recipientName', 'Tên đơn vị', 'text', { width: 240 }),
    c('link', 'Liên kết điền sẵn', 'url', { width: 220 }),
    c('state', 'Trạng thái gửi', 'text', { required: true, width: 100, list: { choices: SEND_STATES, help: 'Chờ gửi (hết hạn mức email hôm nay), Đã gửi, Gửi lỗi.' } }),
    c('queuedAt', 'Thời điểm xếp lịch', 'datetime', { width: 130 }),
    c('sentAt', 'Thời điểm gửi', 'datetime', { width: 130 }),
    c('remindedAt', 'Thời điểm nhắc', 'datetime', { width: 130 }),
  ],
});

/** "Duyệt phản hồi": the review of each response, by its key; what it became is named here and carries the key itself. */
export const FORM_REVIEWS = defineRecordType({
  key: 'formReviews',
  name: 'Duyệt phản hồi',
  color: '#7627bb',
  checked: 'data',
  columns: [
    c('key', 'Khóa phản hồi', 'text', { required: true, width: 260 }),
    c('formCode', 'Mã biểu mẫu', 'text', { required: true, width: 110, ref: { sheet: 'forms', column: 'code', code: 'formNotFound' } }),
    c('recipientCode', 'Mã đơn vị', 'text', { width: 100 }),
    c('submittedAt', 'Thời điểm trả lời', 'datetime', { width: 130 }),
    c('decision', 'Kết quả duyệt', 'text', { required: true, width: 90, list: { choices: REVIEW_DECISIONS, help: 'Đã nhận hoặc Từ chối.' } }),
    c('reason', 'Lý do từ chối', 'text', { width: 220 }),
    c('resultId', 'Đã thành', 'text', { width: 110 }),
    c('targetCode', 'Mã chỉ tiêu', 'text', { width: 80 }),
    c('reviewedBy', 'Người duyệt', 'text', { width: 160 }),
    c('reviewedAt', 'Thời điểm duyệt', 'datetime', { width: 130 }),
  ],
});

export const FORM_TYPES = [FORMS, FORM_SENDS, FORM_REVIEWS];

export interface FormRecord {
  code: string;
  year: number;
  kind: string;
  title: string;
  period: string;
  formId: string;
  fillUrl: string;
  editUrl: string;
  state: string;
  deadline: IsoDate;
  items: string;
  createdBy: string;
  /** As the sheet shows it: dd/mm/yyyy hh:mm. */
  createdAt: string;
  closedAt: string;
}
export interface SendRecord {
  formCode: string;
  recipientCode: string;
  recipientKind: string;
  recipientName: string;
  link: string;
  state: SendState;
  queuedAt: string;
  sentAt: string;
  remindedAt: string;
}
export interface ReviewRecord {
  key: string;
  formCode: string;
  recipientCode: string;
  submittedAt: string;
  decision: string;
  reason: string;
  resultId: string;
  targetCode: string;
  reviewedBy: string;
  reviewedAt: string;
}

export const toFormRecord = (r: Rec): FormRecord => toItem<FormRecord>(FORMS, r);
export const toSendRecord = (r: Rec): SendRecord => toItem<SendRecord>(FORM_SENDS, r);
export const toReviewRecord = (r: Rec): ReviewRecord => toItem<ReviewRecord>(FORM_REVIEWS, r);

// ---------------------------------------------------------------------------------------------------
// Questions

export type QuestionType = 'text' | 'paragraph' | 'choice' | 'list' | 'checkbox' | 'date';
export interface Question {
  key: string;
  title: string;
  type: QuestionType;
  required?: boolean;
  help?: string;
  choices?: string[];
}

/** The question carrying the recipient's code: filled in by the pre-filled link, so answers are matched by who was asked. */
export const CODE_QUESTION = 'recipientCode';

const consent: Question = { key: 'consent', title: 'Đồng ý xử lý dữ liệu cá nhân', type: 'checkbox', required: true, choices: [CONSENT_CHOICE], help: 'Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.' };

/** A target as the activity report offers it: "P3.3 – Hội nghị tập huấn, chuyển giao kỹ thuật". */
export const targetChoice = (t: Pick<Target, 'code' | 'name'>): string => `${t.code} – ${t.name}`;
export const targetOfChoice = (s: string): string => (/^(\S+) – /.exec(s || '') || ['', ''])[1];

/** The questions of a kind of form; the activity report offers the year's quantified targets. */
export function questionsOf(kind: FormKind, targets: Pick<Target, 'code' | 'name' | 'quantity'>[] = []): Question[] {
  if (kind === 'training')
    return [
      { key: CODE_QUESTION, title: 'Mã hội (điền sẵn, xin không sửa)', type: 'text', required: true },
      { key: 'demandKind', title: 'Hình thức', type: 'choice', required: true, choices: ['Tập huấn', 'Hội thảo'] },
      { key: 'topic', title: 'Chủ đề tập huấn, hội thảo', type: 'text', required: true },
      { key: 'field', title: 'Lĩnh vực', type: 'text' },
      { key: 'audience', title: 'Đối tượng tham gia', type: 'text' },
      { key: 'participants', title: 'Số người dự kiến', type: 'text' },
      { key: 'locality', title: 'Địa điểm (xã, phường)', type: 'text' },
      { key: 'quarter', title: 'Quý dự kiến', type: 'list', choices: [...QUARTERS] },
      { key: 'contact', title: 'Người liên hệ, số điện thoại', type: 'text' },
      consent,
    ];
  if (kind === 'techNeeds')
    return [
      { key: CODE_QUESTION, title: 'Mã đơn vị (điền sẵn, xin không sửa)', type: 'text', required: true },
      { key: 'topic', title: 'Nhu cầu ứng dụng, chuyển giao công nghệ', type: 'paragraph', required: true },
      { key: 'field', title: 'Lĩnh vực', type: 'text' },
      { key: 'scale', title: 'Quy mô', type: 'text' },
      { key: 'audience', title: 'Đơn vị, người sẽ áp dụng', type: 'text' },
      { key: 'contact', title: 'Người liên hệ, số điện thoại', type: 'text' },
      consent,
    ];
  const choices = targets.filter((t) => t.quantity !== null).map(targetChoice);
  return [
    { key: CODE_QUESTION, title: 'Mã hội (điền sẵn, xin không sửa)', type: 'text', required: true },
    { key: 'title', title: 'Tên hoạt động', type: 'text', required: true },
    { key: 'date', title: 'Ngày tổ chức', type: 'date', required: true },
    { key: 'target', title: 'Hoạt động thuộc chỉ tiêu', type: 'list', required: true, choices: choices.length ? choices : ['Khác'] },
    { key: 'quantity', title: 'Số lượng (cuộc, lớp…)', type: 'text' },
    { key: 'participants', title: 'Số người tham dự', type: 'text' },
    { key: 'cost', title: 'Kinh phí (đồng)', type: 'text' },
    { key: 'location', title: 'Địa điểm', type: 'text' },
    { key: 'evidenceUrl', title: 'Liên kết minh chứng (ảnh, văn bản)', type: 'text' },
    { key: 'contact', title: 'Người báo cáo, số điện thoại', type: 'text' },
    consent,
  ];
}

export function formDescription(kind: FormKind, orgName: string, deadline: IsoDate): string {
  const due = deadline ? ` Xin gửi trước ngày ${deadline.slice(8, 10)}/${deadline.slice(5, 7)}/${deadline.slice(0, 4)}.` : '';
  const who = FORM_KINDS[kind].audience === 'associations' ? 'các hội thành viên, hội viên tập thể' : 'các xã, phường, sở, ngành, doanh nghiệp';
  return `${orgName || 'Liên hiệp các Hội Khoa học và Kỹ thuật'} đề nghị ${who} điền phiếu này. Mỗi đơn vị dùng đúng liên kết được gửi riêng (đã điền sẵn mã đơn vị).${due}`;
}

// ---------------------------------------------------------------------------------------------------
// Responses

/**
 * A response tab has no response id: a response is the recipient's code (from its pre-filled link) plus
 * the second it was submitted; response editing is off on our forms, so that pair never changes.
 */
export function responseKey(formCode: string, recipientCode: string, submittedAtIso: string): string {
  const who = (recipientCode || '').trim().replace(/[|\s]+/g, '_').slice(0, 40) || '-';
  return `${formCode}|${who}|${submittedAtIso.slice(0, 19)}Z`;
}

/** The marker a record made from a response carries, so a retry finds it even when the review row was never written. */
export const RESPONSE_LINK = 'Phản hồi biểu mẫu ';
export function keyOfResult(text: string): string {
  const m = /Phản hồi biểu mẫu (BM-\d{4}-\d+\|[^|\s;]+\|[0-9T:-]+Z)/.exec(text || '');
  return m ? m[1] : '';
}

export interface ResponseRow {
  key: string;
  recipientCode: string;
  submittedAt: string;
  email: string;
  answers: Record<string, string>;
}

/** The answers of an accepted activity report as an event of the chosen target. */
export function activityEvent(
  r: ResponseRow,
  targetCode: string,
  associationName: string,
): { ok: true; event: { targetCode: string; date: IsoDate; title: string; quantity: number; location: string; partner: string; participants: number | null; cost: number | null; budgetLineId: string; result: string; evidenceUrl: string } } | { ok: false; field: string } {
  const a = r.answers;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(a.date || '') ? a.date : '';
  if (!date) return { ok: false, field: 'date' };
  const num = (s: string | undefined): number | null | undefined => {
    const t = String(s ?? '').replace(/\s|đ|đồng/g, '');
    if (!t) return null;
    if (/^\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ''));
    return /^\d+$/.test(t) ? Number(t) : undefined;
  };
  const quantity = num(a.quantity);
  const participants = num(a.participants);
  const cost = num(a.cost);
  if (quantity === undefined || quantity === 0) return { ok: false, field: 'quantity' };
  if (participants === undefined) return { ok: false, field: 'participants' };
  if (cost === undefined) return { ok: false, field: 'cost' };
  const url = /^https?:\/\/[^\s<>"']+$/i.test(a.evidenceUrl || '') ? a.evidenceUrl : '';
  return {
    ok: true,
    event: {
      targetCode,
      date,
      title: String(a.title || '').slice(0, 300),
      quantity: quantity ?? 1,
      location: String(a.location || '').slice(0, 200),
      partner: associationName.slice(0, 200),
      participants,
      cost,
      budgetLineId: '',
      result: `${RESPONSE_LINK}${r.key}; báo cáo của ${associationName || r.recipientCode}.`.slice(0, 2000),
      evidenceUrl: url,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Sending and the daily duties

/**
 * How many of `queued` go out today: the MailApp quota left, less what today's scheduled reports still
 * need (they share the quota and come first).
 */
export function sendableToday(remaining: number, reserve: number, queued: number): number {
  return Math.max(0, Math.min(queued, remaining - reserve));
}

const DAY = 86400000;
export const daysBetween = (a: IsoDate, b: IsoDate): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

/** Open forms past their deadline: the first daily run after it closes them. */
export const dueToClose = (f: Pick<FormRecord, 'state' | 'deadline'>, today: IsoDate): boolean => f.state === FORM_STATES[0] && !!f.deadline && today > f.deadline;

/** The reminder window: from N days before the deadline to the deadline itself. */
export const inReminderWindow = (f: Pick<FormRecord, 'state' | 'deadline'>, today: IsoDate, days: number): boolean =>
  days > 0 && f.state === FORM_STATES[0] && !!f.deadline && today <= f.deadline && daysBetween(today, f.deadline) <= days;

/** Recipients to remind: sent, not answered, not reminded yet. */
export function toRemind(sends: SendRecord[], answered: Set<string>): SendRecord[] {
  return sends.filter((s) => s.state === 'Đã gửi' && !s.remindedAt && !answered.has(s.recipientCode));
}

/** The manifest's scopes as the add-on knows them; a new scope makes every user (and the trigger's owner) authorise again. */
export const SCOPE_VERSION = 'forms-1';

/**
 * What Cài đặt says when the trigger's owner has not authorised the current scopes: their trigger's
 * runs fail before the script starts (so the scheduled reports stop too) until they open the add-on once.
 */
export function reauthNotice(info: { owner: string; createdAt: string; lastRun: string; scopeVersion?: string } | null, nowIso: string): string {
  if (!info || info.scopeVersion === SCOPE_VERSION) return '';
  const since = info.lastRun || info.createdAt;
  const late = since ? Date.parse(nowIso) - Date.parse(since) > 26 * 3600000 : false;
  const when = late && since ? ` Lần chạy hằng ngày gần nhất: ${since.slice(8, 10)}/${since.slice(5, 7)}/${since.slice(0, 4)}; từ đó báo cáo theo lịch, nhắc hạn và biểu mẫu đều dừng.` : '';
  return `Tiện ích đã thêm quyền Google Biểu mẫu. ${info.owner} (người sở hữu trình kích hoạt hằng ngày) cần mở tiện ích một lần (Tiện ích → LHH Tracker → Cài đặt) và cấp quyền mới; đến lúc đó lần chạy hằng ngày không chạy được.${when}`;
}

// ---------------------------------------------------------------------------------------------------
// What the sidebars send

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && Object.prototype.toString.call(v) === '[object Object]';
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const realIso = (s: string) => ISO.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/;

function unknownKeys(o: Record<string, unknown>, allowed: string[], problems: Record<string, FieldProblem>): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) setOwn<FieldProblem>(problems, k, { code: 'unknownField', params: { value: k.slice(0, 40) } });
}

export interface CreateFormInput {
  kind: FormKind;
  period: string;
  deadline: IsoDate;
}

/** A new form: its kind, the quarter of an activity report, the deadline (today or later, within the plan year or the next). */
export function checkCreateForm(input: unknown, today: IsoDate, planYear: number): { ok: true; value: CreateFormInput } | { ok: false; problems: Record<string, FieldProblem> } {
  const problems: Record<string, FieldProblem> = {};
  if (!isObj(input)) return { ok: false, problems: { formKind: { code: 'required' } } };
  unknownKeys(input, ['formKind', 'period', 'deadline'], problems);
  const kind = input.formKind;
  if (typeof kind !== 'string' || !FORM_KIND_KEYS.includes(kind as FormKind)) problems.formKind = kind === undefined || kind === '' ? { code: 'required' } : { code: 'invalidChoice', params: { choices: FORM_KIND_LABELS.join(', ') } };
  const period = input.period === undefined || input.period === null ? '' : input.period;
  if (typeof period !== 'string' || (period !== '' && !(QUARTERS as readonly string[]).includes(period))) problems.period = { code: 'invalidChoice', params: { choices: QUARTERS.join(', ') } };
  else if (kind === 'activity' && !period) problems.period = { code: 'required' };
  const deadline = input.deadline;
  if (typeof deadline !== 'string' || !deadline) problems.deadline = { code: 'required' };
  else if (!realIso(deadline)) problems.deadline = { code: 'invalidDate' };
  else if (deadline < today) problems.deadline = { code: 'dateOrder' };
  else if (+deadline.slice(0, 4) > planYear + 1) problems.deadline = { code: 'dateOutOfPlan' };
  if (Object.keys(problems).length) return { ok: false, problems };
  return { ok: true, value: { kind: kind as FormKind, period: period as string, deadline: deadline as string } };
}

export interface SendInput {
  formCode: string;
  recipients: string[];
}

export function checkSend(input: unknown): { ok: true; value: SendInput } | { ok: false; problems: Record<string, FieldProblem> } {
  const problems: Record<string, FieldProblem> = {};
  if (!isObj(input)) return { ok: false, problems: { formCode: { code: 'required' } } };
  unknownKeys(input, ['formCode', 'recipients'], problems);
  if (typeof input.formCode !== 'string' || !CODE.test(input.formCode.trim())) problems.formCode = { code: input.formCode ? 'formNotFound' : 'required', params: { value: String(input.formCode).slice(0, 30) } };
  const r = input.recipients;
  if (!Array.isArray(r) || !r.length) problems.recipients = { code: 'emptyList' };
  else if (r.length > 2000 || r.some((x) => typeof x !== 'string' || !CODE.test(x.trim()))) problems.recipients = { code: 'invalidType' };
  if (Object.keys(problems).length) return { ok: false, problems };
  const list = (r as string[]).map((x) => x.trim());
  return { ok: true, value: { formCode: (input.formCode as string).trim(), recipients: list.filter((x, i) => list.indexOf(x) === i) } };
}

export interface ReviewInput {
  formCode: string;
  key: string;
  verdict: 'accept' | 'reject';
  targetCode: string;
  reason: string;
}

/** A review: accept (an activity report names its target) or reject with a reason. */
export function checkReview(input: unknown): { ok: true; value: ReviewInput } | { ok: false; problems: Record<string, FieldProblem> } {
  const problems: Record<string, FieldProblem> = {};
  if (!isObj(input)) return { ok: false, problems: { key: { code: 'required' } } };
  unknownKeys(input, ['formCode', 'key', 'verdict', 'targetCode', 'rejectReason'], problems);
  if (typeof input.formCode !== 'string' || !CODE.test(input.formCode.trim())) problems.formCode = { code: 'required' };
  if (typeof input.key !== 'string' || !input.key.trim() || input.key.length > 120 || hasControlChars(input.key)) problems.key = { code: 'required' };
  if (input.verdict !== 'accept' && input.verdict !== 'reject') problems.verdict = { code: 'invalidChoice', params: { choices: 'accept, reject' } };
  const target = input.targetCode === undefined || input.targetCode === null ? '' : input.targetCode;
  if (typeof target !== 'string' || (target !== '' && !CODE.test(target.trim()))) problems.targetCode = { code: 'unknownTarget', params: { value: String(target).slice(0, 30) } };
  const reason = input.rejectReason === undefined || input.rejectReason === null ? '' : input.rejectReason;
  if (typeof reason !== 'string') problems.rejectReason = { code: 'invalidType' };
  else if (reason.length > 500) problems.rejectReason = { code: 'tooLong', params: { max: 500 } };
  else if (hasControlChars(reason)) problems.rejectReason = { code: 'controlChars' };
  else if (input.verdict === 'reject' && !reason.trim()) problems.rejectReason = { code: 'required' };
  if (Object.keys(problems).length) return { ok: false, problems };
  return { ok: true, value: { formCode: (input.formCode as string).trim(), key: (input.key as string).trim(), verdict: input.verdict as 'accept' | 'reject', targetCode: (target as string).trim(), reason: (reason as string).normalize('NFC').trim() } };
}

/** "05/07/2024 09:00" → "2024-07-05 09:00", so times of one zone compare as text. */
export const sortableTime = (dmy: string): string => {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})/.exec(dmy || '');
  return m ? `${m[3]}-${m[2]}-${m[1]} ${m[4]}:${m[5]}` : '';
};
