// Demands (issue 17): training/workshop demands and technology-transfer needs, their record types, checks, aggregation, planned events and supplier matching.
import { field as c, defineRecordType, toItem, validateForm, type Problems, type Rec } from './record-type';
import { cleanInputText } from './text-clean';
import { foldVn } from './experts';
import { isValidIso, dmyToIso } from './cells';
import type { IsoDate, Target } from './types';

/** What is asked for: a training conference, a scientific workshop, or a technology transfer (a supply–demand workshop answers it). */
export const DEMAND_KINDS = ['Tập huấn', 'Hội thảo', 'Chuyển giao công nghệ'] as const;
export type DemandKind = (typeof DEMAND_KINDS)[number];
export const DEMAND_STATES = ['Mới', 'Đã lên kế hoạch', 'Đã thực hiện', 'Không thực hiện'] as const;
export type DemandState = (typeof DEMAND_STATES)[number];
export const QUARTERS = ['Quý I', 'Quý II', 'Quý III', 'Quý IV'] as const;
/** The source of a demand typed from a letter; a demand from a form carries the response key instead. */
export const MANUAL_SOURCE = 'Nhập tay';

export const PLANNED_STATES = ['Đã lên kế hoạch', 'Đã thực hiện', 'Đã hủy'] as const;
export type PlannedState = (typeof PLANNED_STATES)[number];
export const SUPPLIER_KINDS = ['Viện nghiên cứu', 'Trường đại học', 'Doanh nghiệp', 'Trung tâm, tổ chức khác'] as const;
export const SUPPLIER_STATES = ['Đang hợp tác', 'Ngừng'] as const;

/** The seed plan's mapping of planned-event kinds (sheet "Tư vấn - chỉ tiêu"): P3.4 training, P3.5 workshops, P5.2 supply–demand workshops. */
export const SEED_PLANNED_KIND_TARGETS = [
  { year: 2024, kind: 'Tập huấn', targetCode: 'P3.4' },
  { year: 2024, kind: 'Hội thảo', targetCode: 'P3.5' },
  { year: 2024, kind: 'Chuyển giao công nghệ', targetCode: 'P5.2' },
];

// Codes the sidebars send: letters, digits, dot, dash (an association HTV-01, a commune X-TANYEN…).
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/;
const YEAR = { required: true, width: 60, format: '0' } as const;
const LIST_SEP = /[;\n]/;

/** One demand (sheet "Nhu cầu"): who asked for what, where and when, and what became of it. */
export interface Demand {
  /** `NC-2024-0001`. */
  code: string;
  year: number;
  demandKind: DemandKind;
  /** The topic of a training/workshop, or the technology needed. */
  topic: string;
  field: string;
  audience: string;
  participants: number | null;
  /** Scale of a technology-transfer need (hectares, households, a workshop…). */
  scale: string;
  /** Xã/phường where it would take place (two-level local government since 01/7/2025). */
  locality: string;
  quarter: string;
  /** Association code (Hội thành viên), commune or body code: who was asked. */
  proposerCode: string;
  proposerName: string;
  /** "Nhập tay", or the key of the form response it came from. */
  source: string;
  state: DemandState;
  /** The planned event that answers it. */
  plannedCode: string;
  note: string;
}

export const DEMANDS = defineRecordType({
  key: 'demands',
  name: 'Nhu cầu',
  color: '#f9ab00',
  id: { key: 'code', prefix: 'NC', width: 4 },
  checked: 'data',
  columns: [
    c('code', 'Mã nhu cầu', 'text', { required: true, width: 110, auto: () => '' }),
    c('year', 'Năm', 'int', YEAR),
    c('demandKind', 'Loại nhu cầu', 'text', {
      required: true,
      width: 150,
      list: { choices: DEMAND_KINDS, help: 'Tập huấn, hội thảo hoặc chuyển giao công nghệ.' },
      input: true,
    }),
    c('topic', 'Nội dung, chủ đề', 'text', { required: true, width: 300, max: 300, input: true }),
    c('field', 'Lĩnh vực', 'text', { width: 140, max: 80, input: true }),
    c('audience', 'Đối tượng tham gia, áp dụng', 'text', { width: 180, max: 200, input: true }),
    c('participants', 'Số người dự kiến', 'int', { width: 90, min: 0, max: 100000, input: true }),
    c('scale', 'Quy mô', 'text', { width: 140, max: 200, input: true }),
    c('locality', 'Xã/phường', 'text', { width: 140, max: 120, input: true }),
    c('quarter', 'Quý mong muốn', 'text', { width: 90, list: { choices: QUARTERS, help: 'Quý I, II, III hoặc IV.' }, input: true }),
    c('proposerCode', 'Mã đơn vị đề xuất', 'text', { width: 110, max: 30, pattern: CODE, patternCode: 'invalidType', input: true }),
    c('proposerName', 'Đơn vị đề xuất', 'text', { width: 220, max: 200, input: true }),
    c('source', 'Nguồn', 'text', { required: true, width: 160, auto: () => MANUAL_SOURCE }),
    c('state', 'Trạng thái', 'text', { required: true, width: 120, list: { choices: DEMAND_STATES, help: 'Mới → Đã lên kế hoạch → Đã thực hiện; hoặc Không thực hiện.' }, auto: () => DEMAND_STATES[0] }),
    c('plannedCode', 'Mã kế hoạch tổ chức', 'text', { width: 110, computed: true }),
    c('note', 'Ghi chú', 'text', { width: 200, max: 1000, input: true }),
    c('createdBy', 'Người tạo', 'text', { width: 160 }),
    c('createdAt', 'Thời điểm tạo', 'datetime', { width: 130 }),
  ],
});

/** One planned event (sheet "Kế hoạch tổ chức"): not an event, so no count can take it for one done. */
export interface PlannedEvent {
  /** `KH-2024-001`. */
  code: string;
  year: number;
  demandKind: DemandKind;
  title: string;
  targetCode: string;
  plannedDate: IsoDate | '';
  quarter: string;
  locality: string;
  /** The demands it answers. */
  demandCodes: string[];
  /** The technology supplier of a supply–demand workshop. */
  supplierCode: string;
  participants: number | null;
  state: PlannedState;
  /** The event ("Hoạt động") it became once done. */
  eventId: string;
  note: string;
}

export const PLANNED_EVENTS = defineRecordType({
  key: 'plannedEvents',
  name: 'Kế hoạch tổ chức',
  color: '#f9ab00',
  id: { key: 'code', prefix: 'KH', width: 3 },
  checked: 'data',
  columns: [
    c('code', 'Mã kế hoạch', 'text', { required: true, width: 110 }),
    c('year', 'Năm', 'int', YEAR),
    c('demandKind', 'Loại hoạt động', 'text', { required: true, width: 150, list: { choices: DEMAND_KINDS, help: 'Tập huấn, hội thảo hoặc hội thảo kết nối cung - cầu công nghệ.' } }),
    c('title', 'Tên hoạt động dự kiến', 'text', { required: true, width: 300 }),
    c('targetCode', 'Mã chỉ tiêu', 'text', { required: true, width: 90, ref: { sheet: 'targets', column: 'code', code: 'unknownTarget', sameYear: true } }),
    c('plannedDate', 'Ngày dự kiến', 'date', { width: 100 }),
    c('quarter', 'Quý dự kiến', 'text', { width: 90, list: { choices: QUARTERS, help: 'Quý I, II, III hoặc IV.' } }),
    c('locality', 'Địa điểm dự kiến', 'text', { width: 160 }),
    c('demandCodes', 'Nhu cầu đáp ứng', 'text', { width: 220 }),
    c('supplierCode', 'Mã đơn vị chuyển giao', 'text', { width: 110 }),
    c('participants', 'Số người dự kiến', 'int', { width: 90, min: 0 }),
    c('state', 'Trạng thái', 'text', { required: true, width: 120, list: { choices: PLANNED_STATES, help: 'Đã lên kế hoạch → Đã thực hiện (ghi thành hoạt động); hoặc Đã hủy.' } }),
    c('eventId', 'Mã hoạt động', 'text', { width: 110, computed: true }),
    c('note', 'Ghi chú', 'text', { width: 200 }),
    c('createdBy', 'Người tạo', 'text', { width: 160 }),
    c('createdAt', 'Thời điểm tạo', 'datetime', { width: 130 }),
  ],
});

/** A unit with technologies to transfer (sheet "Đơn vị chuyển giao"). Its people's contacts live only in the contacts file. */
export interface Supplier {
  /** `DVCG-001`. */
  code: string;
  name: string;
  supplierKind: string;
  technologies: string[];
  fields: string[];
  keywords: string[];
  state: string;
  note: string;
}

export const SUPPLIERS = defineRecordType({
  key: 'suppliers',
  name: 'Đơn vị chuyển giao',
  color: '#f9ab00',
  checked: 'data',
  columns: [
    c('code', 'Mã đơn vị', 'text', { required: true, width: 100 }),
    c('name', 'Tên đơn vị', 'text', { required: true, width: 280, max: 300, input: true }),
    c('supplierKind', 'Loại đơn vị', 'text', { width: 140, list: { choices: SUPPLIER_KINDS, help: 'Viện, trường, doanh nghiệp hoặc tổ chức khác.' }, input: true }),
    c('technologies', 'Công nghệ, tiến bộ kỹ thuật', 'text', { required: true, width: 320, max: 2000, input: true }),
    c('fields', 'Lĩnh vực', 'text', { width: 180, max: 500, input: true }),
    c('keywords', 'Từ khóa', 'text', { width: 200, max: 500, input: true }),
    c('state', 'Trạng thái', 'text', { width: 110, list: { choices: SUPPLIER_STATES, help: 'Đang hợp tác hoặc ngừng.' }, auto: () => SUPPLIER_STATES[0] }),
    c('note', 'Ghi chú', 'text', { width: 200, max: 1000, input: true }),
  ],
});

/** Order matters: "Kế hoạch tổ chức" refers to targets; all three go after the registers. */
export const DEMAND_TYPES = [DEMANDS, PLANNED_EVENTS, SUPPLIERS];

// ---------------------------------------------------------------------------------------------------
// Rows ↔ domain objects

export const splitList = (v: unknown): string[] =>
  String(v ?? '')
    .split(LIST_SEP)
    .map((s) => s.trim())
    .filter(Boolean);
export const joinList = (xs: readonly string[]): string => xs.join('; ');

export const toDemand = (r: Rec): Demand => {
  const o = toItem<Demand>(DEMANDS, r);
  return { ...o, plannedCode: r.plannedCode === null || r.plannedCode === undefined ? '' : String(r.plannedCode).trim() };
};
export const toPlanned = (r: Rec): PlannedEvent => {
  const o = toItem<Record<string, unknown>>(PLANNED_EVENTS, r);
  return { ...(o as unknown as PlannedEvent), demandCodes: splitList(o.demandCodes), eventId: r.eventId === null || r.eventId === undefined ? '' : String(r.eventId).trim() };
};
export const plannedRecord = (p: PlannedEvent): Record<string, unknown> => ({ ...p, demandCodes: joinList(p.demandCodes) });
export const toSupplier = (r: Rec): Supplier => {
  const o = toItem<Record<string, unknown>>(SUPPLIERS, r);
  return { ...(o as unknown as Supplier), technologies: splitList(o.technologies), fields: splitList(o.fields), keywords: splitList(o.keywords) };
};
export const supplierRecord = (s: Supplier): Record<string, unknown> => ({ ...s, technologies: joinList(s.technologies), fields: joinList(s.fields), keywords: joinList(s.keywords) });

// ---------------------------------------------------------------------------------------------------
// Checks of what staff type (saveDemand) and what a form response brings (addDemandFromResponse)

export const DEMAND_INPUT_FIELDS = ['code', 'demandKind', 'topic', 'field', 'audience', 'participants', 'scale', 'locality', 'quarter', 'proposerCode', 'proposerName', 'note'] as const;
/** What a form response may carry for a demand: the staff fields but the code and the kind (the form decides the kind). */
export const ANSWER_FIELDS = DEMAND_INPUT_FIELDS.filter((k) => k !== 'code' && k !== 'demandKind');
export type DemandAnswers = Partial<Record<(typeof ANSWER_FIELDS)[number], string | number | null>>;

export type DemandFields = Pick<Demand, 'demandKind' | 'topic' | 'field' | 'audience' | 'participants' | 'scale' | 'locality' | 'quarter' | 'proposerCode' | 'proposerName' | 'note'>;

const text = (v: unknown): string => (typeof v === 'string' ? cleanInputText(v).trim() : typeof v === 'number' ? String(v) : '');

/** "Quý 2", "quý II", "2", "II" → "Quý II"; anything else is kept for the check to refuse. */
export function normaliseQuarter(v: string): string {
  const s = foldVn(v).replace(/^quy\s*/, '');
  const roman: Record<string, string> = { '1': 'I', '2': 'II', '3': 'III', '4': 'IV', i: 'I', ii: 'II', iii: 'III', iv: 'IV' };
  return roman[s] ? `Quý ${roman[s]}` : v;
}

/**
 * Checks a demand from staff or from a form answer: the declaration's field rules (lengths, numbers,
 * choices, control characters), one problem per field; nothing to write when any.
 */
export function checkDemand(input: unknown, allowed: readonly string[] = DEMAND_INPUT_FIELDS): { demand: DemandFields; problems: Problems } {
  // Answers come as a form gives them: "Quý 2", a number typed as text; normalised before the field rules.
  const src = input && typeof input === 'object' && !Array.isArray(input) ? { ...(input as Record<string, unknown>) } : input;
  if (src && typeof src === 'object' && typeof (src as Record<string, unknown>).quarter === 'string') {
    const o = src as Record<string, unknown>;
    o.quarter = normaliseQuarter(String(o.quarter));
  }
  const problems = validateForm(DEMANDS, src, allowed);
  const o = (src && typeof src === 'object' && !Array.isArray(src) ? src : {}) as Record<string, unknown>;
  const n = o.participants;
  const participants = typeof n === 'number' ? n : typeof n === 'string' && n.trim() ? Number(n.replace(/[.\s]/g, '')) : null;
  const demand: DemandFields = {
    demandKind: text(o.demandKind) as DemandKind,
    topic: text(o.topic),
    field: text(o.field),
    audience: text(o.audience),
    participants: participants !== null && Number.isFinite(participants) ? participants : null,
    scale: text(o.scale),
    locality: text(o.locality),
    quarter: text(o.quarter),
    proposerCode: text(o.proposerCode),
    proposerName: text(o.proposerName),
    note: text(o.note),
  };
  if (!problems.proposerCode && !problems.proposerName && !demand.proposerCode && !demand.proposerName) problems.proposerName = { code: 'required' };
  return { demand, problems };
}

/** The forms' kinds (src/core/forms.ts) as they name them: the training form's answer says which of the two; the needs survey is a transfer. */
const FORM_KIND: Record<string, DemandKind | 'answer'> = { training: 'answer', techNeeds: 'Chuyển giao công nghệ' };

/**
 * Checks a form's answers for a demand: the same field rules as staff input. `kind` is a demand kind
 * or the form's kind ('training': the answer "Hình thức" decides; 'techNeeds': a transfer need). The
 * pre-filled recipient code (`recipientCode`) is who asked; questions that are not a demand's (the
 * contact line, the consent box) stay in the response tab and are not copied.
 */
export function checkAnswers(kind: unknown, answers: unknown): { demand: DemandFields; problems: Problems } {
  const base = answers && typeof answers === 'object' && !Array.isArray(answers) && Object.prototype.toString.call(answers) === '[object Object]' ? (answers as Record<string, unknown>) : null;
  const k = typeof kind === 'string' ? kind.normalize('NFC').trim() : '';
  const fromForm = Object.prototype.hasOwnProperty.call(FORM_KIND, k) ? FORM_KIND[k] : undefined;
  const asked = fromForm === 'answer' ? (base && typeof base.demandKind === 'string' ? base.demandKind.normalize('NFC').trim() : '') : fromForm || k;
  const hit = DEMAND_KINDS.find((x) => x === asked);
  const picked: Record<string, unknown> = {};
  if (base) {
    for (const f of ANSWER_FIELDS) if (Object.prototype.hasOwnProperty.call(base, f)) picked[f] = base[f];
    if (!picked.proposerCode && Object.prototype.hasOwnProperty.call(base, 'recipientCode')) picked.proposerCode = base.recipientCode;
    picked.demandKind = hit || '';
  }
  const r = checkDemand(base ? picked : base, [...ANSWER_FIELDS, 'demandKind']);
  if (!hit) r.problems.demandKind = { code: 'invalidChoice', params: { choices: (fromForm === 'answer' ? ['Tập huấn', 'Hội thảo'] : DEMAND_KINDS).join(', ') } };
  return r;
}

/** The response key as a cell keeps it: trimmed NFC text, at most 200 characters, no control characters; '' when unusable. */
export function cleanResponseKey(key: unknown): string {
  if (typeof key !== 'string') return '';
  const k = cleanInputText(key).trim();
  return k && k.length <= 200 && k !== MANUAL_SOURCE ? k : '';
}

// ---------------------------------------------------------------------------------------------------
// Aggregation by topic, field and locality

export type GroupBy = 'topic' | 'field' | 'locality';
export const GROUP_BYS: readonly GroupBy[] = ['topic', 'field', 'locality'];

export interface DemandGroup {
  /** The group's value as most demands spell it ('' groups those that left it empty). */
  label: string;
  count: number;
  /** Sum of the expected participants given. */
  participants: number;
  /** Distinct requesters (code, else name). */
  requesters: number;
  kinds: string[];
  /** Demands still open (Mới): what a planned event could still answer. */
  open: number;
  codes: string[];
}

export interface DemandFilter {
  demandKind?: string;
  field?: string;
  locality?: string;
  state?: string;
  text?: string;
}

/** Demands of the filter: the same field/locality test as the grouping (diacritics and case ignored), the text in any of the words. */
export function filterDemands(demands: readonly Demand[], f: DemandFilter): Demand[] {
  const field = foldVn(f.field || '');
  const locality = foldVn(f.locality || '');
  const words = foldVn(f.text || '').split(' ').filter(Boolean);
  return demands.filter((d) => {
    if (f.demandKind && d.demandKind !== f.demandKind) return false;
    if (f.state && d.state !== f.state) return false;
    if (field && foldVn(d.field) !== field) return false;
    if (locality && foldVn(d.locality) !== locality) return false;
    if (words.length) {
      const hay = ` ${foldVn([d.code, d.topic, d.field, d.audience, d.locality, d.proposerName, d.proposerCode, d.scale].join(' '))} `;
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

/**
 * Groups demands by topic, field or locality. Spellings that differ only by case, diacritics or
 * spaces ("Trồng bưởi", "trong buoi") are one group; cancelled demands ("Không thực hiện") are left
 * out. Largest groups first, then by label.
 */
export function aggregateDemands(demands: readonly Demand[], by: GroupBy): DemandGroup[] {
  const groups = new Map<string, { spellings: Map<string, number>; g: DemandGroup; who: Set<string> }>();
  for (const d of demands) {
    if (d.state === 'Không thực hiện') continue;
    const raw = String(d[by] || '').trim();
    const key = foldVn(raw);
    let e = groups.get(key);
    if (!e) {
      e = { spellings: new Map(), who: new Set(), g: { label: '', count: 0, participants: 0, requesters: 0, kinds: [], open: 0, codes: [] } };
      groups.set(key, e);
    }
    e.spellings.set(raw, (e.spellings.get(raw) || 0) + 1);
    e.g.count++;
    e.g.participants += d.participants || 0;
    e.who.add(d.proposerCode || foldVn(d.proposerName));
    if (!e.g.kinds.includes(d.demandKind)) e.g.kinds.push(d.demandKind);
    if (d.state === 'Mới') e.g.open++;
    e.g.codes.push(d.code);
  }
  const out: DemandGroup[] = [];
  for (const { spellings, g, who } of groups.values()) {
    // The spelling most demands use names the group; ties go to the first met.
    let best = '';
    let n = -1;
    for (const [s, k] of spellings) if (k > n) [best, n] = [s, k];
    out.push({ ...g, label: best, requesters: who.size });
  }
  return out.sort((a, b) => b.count - a.count || (foldVn(a.label) < foldVn(b.label) ? -1 : foldVn(a.label) > foldVn(b.label) ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------------
// Planned events

export const PLANNED_INPUT_FIELDS = ['demandKind', 'title', 'targetCode', 'plannedDate', 'quarter', 'locality', 'demandCodes', 'supplierCode', 'participants', 'note'] as const;

export interface PlannedLists {
  year: number;
  targets: readonly Target[];
  /** Kind → target of the year (sheet "Tư vấn - chỉ tiêu"). */
  mapping: readonly { year: number; kind: string; targetCode: string }[];
  demands: readonly Demand[];
  suppliers: readonly Pick<Supplier, 'code'>[];
}

export type PlannedFields = Pick<PlannedEvent, 'demandKind' | 'title' | 'targetCode' | 'plannedDate' | 'quarter' | 'locality' | 'demandCodes' | 'supplierCode' | 'participants' | 'note'>;

const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && Object.prototype.toString.call(v) === '[object Object]';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Checks a planned event: a title, a kind, a date in the plan year or a quarter, the demands it
 * answers (open ones of the year: none already planned elsewhere), and the target: the one given, else
 * the year's mapping of the kind. One problem per field.
 */
export function checkPlanned(input: unknown, lists: PlannedLists, self = ''): { planned: PlannedFields; problems: Problems } {
  const problems: Problems = {};
  const o = isPlain(input) ? input : {};
  if (!isPlain(input)) problems.title = { code: 'required' };
  for (const k of Object.keys(o)) if (!(PLANNED_INPUT_FIELDS as readonly string[]).includes(k)) Object.defineProperty(problems, k, { value: { code: 'unknownField', params: { value: k.slice(0, 40) } }, enumerable: true, writable: true, configurable: true });
  const str = (k: string, max: number, required = false): string => {
    const v = o[k];
    if (v === undefined || v === null || v === '') {
      if (required && !problems[k]) problems[k] = { code: 'required' };
      return '';
    }
    if (typeof v !== 'string') {
      if (!problems[k]) problems[k] = { code: 'invalidType' };
      return '';
    }
    const s = cleanInputText(v).trim();
    if (problems[k]) return s;
    if (v.length > max) problems[k] = { code: 'tooLong', params: { max } };
    else if (CONTROL.test(v)) problems[k] = { code: 'controlChars' };
    else if (required && !s) problems[k] = { code: 'required' };
    return s;
  };
  const kindText = str('demandKind', 80, true);
  const demandKind = DEMAND_KINDS.find((k) => k === kindText) || '';
  if (kindText && !demandKind && !problems.demandKind) problems.demandKind = { code: 'invalidChoice', params: { choices: DEMAND_KINDS.join(', ') } };
  const title = str('title', 300, true);
  let targetCode = str('targetCode', 30);
  const mapped = (k: string) => lists.mapping.find((m) => m.year === lists.year && m.kind === k)?.targetCode || '';
  if (!targetCode && demandKind && !problems.targetCode) {
    targetCode = mapped(demandKind);
    if (!targetCode) problems.targetCode = { code: 'noKindTarget', params: { kind: demandKind, year: lists.year } };
  } else if (targetCode && !problems.targetCode && !lists.targets.some((t) => t.code === targetCode && t.year <= lists.year && lists.year <= (t.endYear || t.year)))
    problems.targetCode = { code: 'unknownTarget', params: { value: targetCode.slice(0, 30) } };
  const dateText = str('plannedDate', 20);
  let plannedDate = '';
  if (dateText && !problems.plannedDate) {
    plannedDate = isValidIso(dateText) ? dateText : dmyToIso(dateText) || '';
    if (!plannedDate) problems.plannedDate = { code: 'invalidDate' };
    else if (+plannedDate.slice(0, 4) !== lists.year) problems.plannedDate = { code: 'dateOutOfPlan', params: { years: String(lists.year) } };
  }
  const q = str('quarter', 20);
  const quarter = q ? normaliseQuarter(q) : '';
  if (quarter && !problems.quarter && !(QUARTERS as readonly string[]).includes(quarter)) problems.quarter = { code: 'invalidChoice', params: { choices: QUARTERS.join(', ') } };
  if (!plannedDate && !quarter && !problems.plannedDate && !problems.quarter) problems.plannedDate = { code: 'required' };
  const locality = str('locality', 200);
  // The demands it answers: an array of codes, or text separated by ";" or ",".
  let demandCodes: string[] = [];
  const dv = o.demandCodes;
  if (dv !== undefined && dv !== null && dv !== '' && !problems.demandCodes) {
    const raw = Array.isArray(dv) ? dv : typeof dv === 'string' ? dv.split(/[;,\n]/) : null;
    if (!raw || raw.some((x) => typeof x !== 'string') || raw.length > 200) problems.demandCodes = { code: 'invalidType' };
    else {
      demandCodes = (raw as string[]).map((x) => x.trim()).filter(Boolean).filter((x, i, a) => a.indexOf(x) === i);
      for (const code of demandCodes) {
        const d = lists.demands.find((x) => x.code === code && x.year === lists.year);
        if (!d) {
          problems.demandCodes = { code: 'unknownDemand', params: { value: code.slice(0, 30) } };
          break;
        }
        if (d.state !== 'Mới' && !(self && d.plannedCode === self)) {
          problems.demandCodes = { code: 'demandTaken', params: { value: d.code, planned: d.plannedCode || d.state } };
          break;
        }
      }
    }
  }
  const supplierCode = str('supplierCode', 30);
  if (supplierCode && !problems.supplierCode && !lists.suppliers.some((s) => s.code === supplierCode)) problems.supplierCode = { code: 'unknownSupplier', params: { value: supplierCode.slice(0, 30) } };
  let participants: number | null = null;
  const pv = o.participants;
  if (pv !== undefined && pv !== null && pv !== '' && !problems.participants) {
    const n = typeof pv === 'number' ? pv : typeof pv === 'string' && /^\s*\d{1,3}(\.\d{3})*\s*$|^\s*\d+\s*$/.test(pv) ? Number(pv.replace(/[.\s]/g, '')) : NaN;
    if (!Number.isInteger(n)) problems.participants = { code: 'notInteger' };
    else if (n < 0) problems.participants = { code: 'negative' };
    else if (n > 100000) problems.participants = { code: 'tooLarge', params: { max: '100.000' } };
    else participants = n;
  }
  const note = str('note', 1000);
  return { planned: { demandKind: demandKind as DemandKind, title, targetCode, plannedDate, quarter, locality, demandCodes, supplierCode, participants, note }, problems };
}

/** Planned (not done, not cancelled) events per target of the year: what the dashboard shows beside the done count. */
export function plannedByTarget(planned: readonly PlannedEvent[], year: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of planned) if (p.year === year && p.state === 'Đã lên kế hoạch') out[p.targetCode] = (out[p.targetCode] || 0) + 1;
  return out;
}

/** When a planned event is meant to happen, as people say it: "15/05/2024" or "Quý II". */
export function whenText(p: Pick<PlannedEvent, 'plannedDate' | 'quarter'>): string {
  if (p.plannedDate) return `${p.plannedDate.slice(8, 10)}/${p.plannedDate.slice(5, 7)}/${p.plannedDate.slice(0, 4)}`;
  return p.quarter;
}

/** Marker in an event's result text naming the planned event it came from (and so its demands). */
export const PLANNED_LINK = 'Kế hoạch tổ chức ';

/** The planned event an event came from, or '' (read from the event's result text). */
export function plannedOfEvent(result: string): string {
  const m = /Kế hoạch tổ chức (KH-\d{4}-\d+)/.exec(result || '');
  return m ? m[1] : '';
}

/** The result line of the event a planned event became: it and its demands, by code. */
export function plannedEventResult(p: Pick<PlannedEvent, 'code' | 'demandCodes'>, extra = ''): string {
  const demands = p.demandCodes.length ? `; đáp ứng nhu cầu ${p.demandCodes.join(', ')}` : '';
  return `${PLANNED_LINK}${p.code}${demands}.${extra ? ` ${extra}` : ''}`.slice(0, 2000);
}

// ---------------------------------------------------------------------------------------------------
// Matching technology-transfer needs to suppliers

export interface SupplierMatch {
  code: string;
  name: string;
  /** Same field (diacritics and case ignored). */
  field: boolean;
  /** Keywords and technology words the need's text contains. */
  words: string[];
  score: number;
}

const STOP = new Set(['va', 'cho', 'cua', 'cac', 'nhung', 'trong', 'tren', 'ky', 'thuat', 'cong', 'nghe', 'ung', 'dung', 'chuyen', 'giao', 'mo', 'hinh', 'tai', 'ho', 'de', 'voi', 'theo', 'moi']);

/** Significant folded words of a text (two letters or more, stop words out). */
function wordsOf(s: string): string[] {
  return foldVn(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !STOP.has(w));
}

/**
 * Suppliers for a need: those in the need's field, and those whose keywords (or technology words)
 * occur in the need's topic, scale or audience, diacritics and case ignored ("bưởi" finds "BUOI").
 * A keyword of several words must occur as a phrase. Best first: a field match counts 2, each word 1.
 * Suppliers that stopped working with the LHH are left out.
 */
export function matchSuppliers(need: Pick<Demand, 'topic' | 'field' | 'scale' | 'audience'>, suppliers: readonly Supplier[], limit = 10): SupplierMatch[] {
  const hay = ` ${wordsOf([need.topic, need.scale, need.audience].join(' ')).join(' ')} `;
  const field = foldVn(need.field);
  const out: SupplierMatch[] = [];
  for (const s of suppliers) {
    if (s.state === 'Ngừng') continue;
    const sameField = !!field && s.fields.some((f) => foldVn(f) === field);
    const words: string[] = [];
    for (const k of s.keywords) {
      const phrase = wordsOf(k).join(' ');
      if (phrase && hay.includes(` ${phrase} `) && !words.includes(k)) words.push(k);
    }
    for (const t of s.technologies)
      for (const w of wordsOf(t)) if (w.length >= 3 && hay.includes(` ${w} `) && !words.some((x) => foldVn(x) === w)) words.push(w);
    const score = (sameField ? 2 : 0) + words.length;
    if (score > 0) out.push({ code: s.code, name: s.name, field: sameField, words, score });
  }
  return out.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, limit);
}

/** Checks a supplier from the sidebar (the declaration's rules; lists as text or arrays). */
export const SUPPLIER_INPUT_FIELDS = ['code', 'name', 'supplierKind', 'technologies', 'fields', 'keywords', 'state', 'note', 'phone', 'email', 'address'] as const;
