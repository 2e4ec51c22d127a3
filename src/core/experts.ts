// The LHH's people registers: member associations, experts, requesting bodies; search, checks, bulk paste, anonymising.
import { FieldReader, nextCode, type Problems } from './field-check';
import type { IsoDate } from './types';
import type { ErrorCode } from './errors';

export const ACADEMIC_TITLES = ['GS', 'PGS'] as const;
export const DEGREES = ['TSKH', 'TS', 'ThS', 'BSCKII', 'BSCKI', 'KS', 'BS', 'DS', 'CN', 'KTS', 'LS'] as const;
export const EXPERT_STATES = ['Đang hoạt động', 'Ngừng hoạt động', 'Đã ẩn danh'] as const;
export type ExpertState = (typeof EXPERT_STATES)[number];
export const PROVINCE_SCOPES = ['Trong tỉnh', 'Ngoài tỉnh'] as const;
export const ASSOCIATION_KINDS = ['Hội thành viên', 'Hội viên tập thể'] as const;
export const ASSOCIATION_STATES = ['Đang hoạt động', 'Tạm ngừng', 'Giải thể'] as const;

/** What the workbook's "Chuyên gia" sheet holds: what a panel list and a report need, no contact details. */
export interface Expert {
  /** `CG-0007`: stable, also after anonymising. */
  code: string;
  name: string;
  academicTitle: string;
  degree: string;
  fields: string[];
  speciality: string;
  /** Code of the organisation the expert works for (from "Cơ quan, đơn vị"), so conflicts match by code. */
  workplaceCode: string;
  workplace: string;
  position: string;
  associationCode: string;
  scope: string;
  consent: boolean;
  consentDate: IsoDate | '';
  note: string;
  state: ExpertState;
}

/** Personal contact details: kept only in the restricted contacts spreadsheet, keyed by the person's code. */
export interface Contact {
  /** `CG-0007`, or `HTV-01` for an association's chair. */
  code: string;
  name: string;
  phone: string;
  email: string;
  address: string;
}

export interface Association {
  /** `HTV-01`. */
  code: string;
  name: string;
  fields: string[];
  kind: string;
  chair: string;
  members: number | null;
  admittedDate: IsoDate | '';
  state: string;
  note: string;
}

/** A body that asks for consultations (Sở, Ban, UBND xã…): the answer's addressee and its email. */
export interface Organisation {
  /** `DV-001`, or a code the staff chose. */
  code: string;
  name: string;
  email: string;
  note: string;
}

// ---------------------------------------------------------------------------------------------------
// Search

/** Lower case without diacritics: "Nguyễn Văn Đức" → "nguyen van duc". */
export function foldVn(s: string): string {
  return (s || '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** "PGS.TS. Nguyễn Văn An", as panels and reports name people. */
export function displayName(e: Pick<Expert, 'academicTitle' | 'degree' | 'name'>): string {
  const prefix = [e.academicTitle, e.degree].filter(Boolean).join('.');
  return prefix ? `${prefix}. ${e.name}` : e.name;
}

export interface ExpertQuery {
  text?: string;
  field?: string;
  associationCode?: string;
  includeInactive?: boolean;
}

/**
 * Experts matching every word of the query (in the name, code, fields, speciality or workplace,
 * diacritics optional) and the field and association filters; at most `limit`, by name.
 */
export function searchExperts(experts: readonly Expert[], q: ExpertQuery, limit = 50): { total: number; items: Expert[] } {
  const words = foldVn(q.text || '').split(' ').filter(Boolean);
  const field = foldVn(q.field || '');
  const hits: Expert[] = [];
  for (const e of experts) {
    if (!q.includeInactive && e.state !== 'Đang hoạt động') continue;
    if (q.associationCode && e.associationCode !== q.associationCode) continue;
    if (field && !e.fields.some((f) => foldVn(f) === field)) continue;
    if (words.length) {
      const hay = ' ' + foldVn([e.code, e.name, e.fields.join(' '), e.speciality, e.workplace].join(' ')) + ' ';
      if (!words.every((w) => hay.includes(w))) continue;
    }
    hits.push(e);
  }
  hits.sort((a, b) => (foldVn(lastFirst(a.name)) < foldVn(lastFirst(b.name)) ? -1 : 1));
  return { total: hits.length, items: hits.slice(0, limit) };
}

/** Vietnamese lists sort by the given name (the last word), then the rest. */
function lastFirst(name: string): string {
  const w = name.trim().split(/\s+/);
  return [w[w.length - 1], ...w.slice(0, -1)].join(' ');
}

// ---------------------------------------------------------------------------------------------------
// Checks

export const EXPERT_INPUT_FIELDS = [
  'code',
  'name',
  'academicTitle',
  'degree',
  'fields',
  'speciality',
  'workplaceCode',
  'position',
  'associationCode',
  'scope',
  'consent',
  'consentDate',
  'note',
  'state',
  'phone',
  'email',
  'address',
] as const;

export interface ExpertLists {
  /** The controlled list of fields of expertise (settings). */
  fields: readonly string[];
  organisations: readonly Organisation[];
  associations: readonly Association[];
}

/** Checks an expert from the sidebar or a pasted row: the record for the workbook and the contact for the restricted file. */
export function checkExpert(input: unknown, lists: ExpertLists, today: IsoDate): { expert: Omit<Expert, 'code'> & { code: string }; contact: Omit<Contact, 'code' | 'name'>; problems: Problems } {
  const r = new FieldReader(input, EXPERT_INPUT_FIELDS, 'name');
  const code = r.text('code', 20);
  const name = r.text('name', 120, true);
  const academicTitle = r.choice('academicTitle', ACADEMIC_TITLES);
  const degree = r.choice('degree', DEGREES);
  const fields = r.list('fields', 10, 80).map((f) => lists.fields.find((x) => foldVn(x) === foldVn(f)) || f);
  const unknown = fields.find((f) => !lists.fields.includes(f));
  if (unknown) r.add('fields', 'unknownExpertField', { value: unknown.slice(0, 60) });
  if (!fields.length) r.add('fields', 'required');
  const speciality = r.text('speciality', 200);
  const workplaceCode = r.text('workplaceCode', 30);
  const org = lists.organisations.find((o) => o.code === workplaceCode);
  if (workplaceCode && !org) r.add('workplaceCode', 'unknownOrganisation', { value: workplaceCode });
  const position = r.text('position', 120);
  const associationCode = r.text('associationCode', 20);
  if (associationCode && !lists.associations.some((a) => a.code === associationCode)) r.add('associationCode', 'unknownAssociation', { value: associationCode });
  const scope = r.choice('scope', PROVINCE_SCOPES) || 'Trong tỉnh';
  const consent = r.bool('consent');
  let consentDate = r.date('consentDate');
  if (consent && !consentDate) consentDate = today;
  if (!consent) consentDate = '';
  const note = r.text('note', 1000);
  const state = (r.choice('state', EXPERT_STATES) || 'Đang hoạt động') as ExpertState;
  const phone = r.phone('phone');
  const email = r.email('email');
  const address = r.text('address', 300);
  const expert = { code, name, academicTitle, degree, fields, speciality, workplaceCode, workplace: org ? org.name : '', position, associationCode, scope, consent, consentDate, note, state };
  return { expert, contact: { phone, email, address }, problems: r.problems };
}

export const ASSOCIATION_INPUT_FIELDS = ['code', 'name', 'fields', 'kind', 'chair', 'members', 'admittedDate', 'state', 'note', 'phone', 'email', 'address'] as const;

/** Checks a member association; the chair's and the association's contact go to the restricted file. */
export function checkAssociation(input: unknown): { association: Association; contact: Omit<Contact, 'code' | 'name'>; problems: Problems } {
  const r = new FieldReader(input, ASSOCIATION_INPUT_FIELDS, 'name');
  const association: Association = {
    code: r.text('code', 20),
    name: r.text('name', 200, true),
    fields: r.list('fields', 10, 80),
    kind: r.choice('kind', ASSOCIATION_KINDS) || 'Hội thành viên',
    chair: r.text('chair', 120),
    members: r.int('members', 0, 10000000),
    admittedDate: r.date('admittedDate'),
    state: r.choice('state', ASSOCIATION_STATES) || 'Đang hoạt động',
    note: r.text('note', 1000),
  };
  const contact = { phone: r.phone('phone'), email: r.email('email'), address: r.text('address', 300) };
  return { association, contact, problems: r.problems };
}

export const ORGANISATION_INPUT_FIELDS = ['code', 'name', 'email', 'note'] as const;

export function checkOrganisation(input: unknown): { organisation: Organisation; problems: Problems } {
  const r = new FieldReader(input, ORGANISATION_INPUT_FIELDS, 'name');
  const organisation = { code: r.text('code', 30), name: r.text('name', 200, true), email: r.email('email'), note: r.text('note', 500) };
  if (organisation.code && !/^[A-Za-z0-9Đđ._-]{1,30}$/.test(organisation.code)) r.add('code', 'invalidType');
  return { organisation, problems: r.problems };
}

export const nextExpertCode = (codes: readonly string[]): string => nextCode('CG', codes, 4);
export const nextAssociationCode = (codes: readonly string[]): string => nextCode('HTV', codes, 2);
export const nextOrganisationCode = (codes: readonly string[]): string => nextCode('DV', codes, 3);

// ---------------------------------------------------------------------------------------------------
// Withdrawal and deletion (Law 91/2025/QH15): the person is anonymised, the panels they sat on stay.

/** The expert as a panel list still shows them after a deletion request: "Chuyên gia CG-0007", nothing else personal. */
export function anonymiseExpert(e: Expert): Expert {
  return {
    ...e,
    name: `Chuyên gia ${e.code}`,
    academicTitle: '',
    degree: '',
    speciality: '',
    workplaceCode: '',
    workplace: '',
    position: '',
    associationCode: '',
    consent: false,
    consentDate: '',
    note: '',
    state: 'Đã ẩn danh',
  };
}

// ---------------------------------------------------------------------------------------------------
// Bulk paste: the lists LHHs already keep in Excel, copied as tab-separated rows.

/** Header words (folded) → input field, so a pasted header row maps the columns in any order. */
const PASTE_HEADERS: [RegExp, string][] = [
  [/^(ho (va )?ten|ho ten|ten chuyen gia)/, 'name'],
  [/^hoc ham/, 'academicTitle'],
  [/^hoc vi|trinh do/, 'degree'],
  [/^linh vuc/, 'fields'],
  [/^chuyen (nganh|mon)/, 'speciality'],
  [/^(noi|co quan|don vi) cong tac|^ma co quan|^co quan/, 'workplaceCode'],
  [/^chuc vu/, 'position'],
  [/^(hoi|ma hoi)/, 'associationCode'],
  [/trong.*ngoai tinh|^pham vi/, 'scope'],
  [/^(dien thoai|sdt|so dien thoai)/, 'phone'],
  [/^e-?mail|thu dien tu/, 'email'],
  [/^dia chi/, 'address'],
  [/^ngay dong y/, 'consentDate'],
  [/^dong y/, 'consent'],
  [/^ghi chu/, 'note'],
];

/** Column order when the paste has no header row. */
export const PASTE_DEFAULT_ORDER = ['name', 'academicTitle', 'degree', 'fields', 'speciality', 'workplaceCode', 'position', 'associationCode', 'scope', 'phone', 'email', 'consent', 'consentDate', 'note'];

export interface PasteRowError {
  /** 1-based line of the pasted text. */
  line: number;
  field: string;
  code: ErrorCode;
  params: Record<string, string | number>;
}

export interface PasteResult {
  rows: { line: number; expert: ReturnType<typeof checkExpert>['expert']; contact: ReturnType<typeof checkExpert>['contact'] }[];
  errors: PasteRowError[];
  columns: string[];
}

export const MAX_PASTE_ROWS = 2000;

/**
 * Parses pasted rows (tab-separated; a header row optional). Every row is checked on its own; the
 * workplace column may hold an organisation's code or its exact name. A name already in the register
 * with the same workplace is reported as a duplicate, not added twice.
 */
export function parseExpertPaste(text: string, lists: ExpertLists & { existing: readonly Expert[] }, today: IsoDate): PasteResult {
  const lines = String(text || '').normalize('NFC').split(/\r?\n/);
  const out: PasteResult = { rows: [], errors: [], columns: PASTE_DEFAULT_ORDER };
  let start = 0;
  while (start < lines.length && !lines[start].trim()) start++;
  const first = (lines[start] || '').split('\t').map(foldVn);
  const mapped = first.map((h) => PASTE_HEADERS.find(([re]) => re.test(h))?.[1] || '');
  if (mapped.filter(Boolean).length >= 2 && mapped.includes('name')) {
    out.columns = mapped;
    start++;
  }
  const seen = new Set(lists.existing.map((e) => foldVn(e.name) + '|' + e.workplaceCode));
  const byName = new Map(lists.organisations.map((o) => [foldVn(o.name), o.code] as const));
  for (let i = start; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    if (out.rows.length + out.errors.length >= MAX_PASTE_ROWS) {
      out.errors.push({ line: i + 1, field: 'name', code: 'tooManyRows', params: { max: MAX_PASTE_ROWS } });
      break;
    }
    const cells = lines[i].split('\t');
    const input: Record<string, string> = {};
    out.columns.forEach((key, j) => {
      if (key && cells[j] !== undefined && cells[j].trim() !== '') input[key] = cells[j];
    });
    if (input.workplaceCode && byName.has(foldVn(input.workplaceCode))) input.workplaceCode = byName.get(foldVn(input.workplaceCode)) as string;
    const r = checkExpert(input, lists, today);
    const keys = Object.keys(r.problems);
    if (keys.length) {
      for (const k of keys) out.errors.push({ line: i + 1, field: k, code: r.problems[k].code, params: r.problems[k].params || {} });
      continue;
    }
    const key = foldVn(r.expert.name) + '|' + r.expert.workplaceCode;
    if (seen.has(key)) {
      out.errors.push({ line: i + 1, field: 'name', code: 'duplicateExpert', params: { value: r.expert.name } });
      continue;
    }
    seen.add(key);
    out.rows.push({ line: i + 1, expert: r.expert, contact: r.contact });
  }
  return out;
}
