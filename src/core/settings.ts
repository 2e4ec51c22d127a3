// Settings: defaults for a template, validation of what the settings sidebar sends, admin checks.
import * as z from 'zod/mini';
import { AppError, isErrorCode, setOwn, type FieldProblem } from './errors';
import { SEED_DECISION } from './seed-plan';
import type { Settings } from './types';
import { isValidIso } from './cells';
import { cleanInputText } from './text-clean';

export function defaultSettings(year = 2024): Settings {
  return {
    orgName: 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang',
    parentOrgName: 'UBND tỉnh Bắc Giang',
    place: 'Bắc Giang',
    orgCode: 'LHH',
    signerAuthority: 'TM. BAN THƯỜNG VỤ',
    signerTitle: 'CHỦ TỊCH',
    signerName: '',
    reportRecipients: [],
    reportRecipientName: 'Sở Khoa học và Công nghệ tỉnh Bắc Giang',
    budgetRecipients: [],
    budgetRecipientName: 'Sở Tài chính tỉnh Bắc Giang',
    archiveLine: 'VT, VP',
    admins: [],
    driveFolderId: '',
    planYear: year,
    decision: { ...SEED_DECISION },
    schedule: { enabled: false, hour: 7, weeklyDay: 0, monthlyDay: 0, formalReports: true },
    contactReaders: [],
    expertFields: [...DEFAULT_EXPERT_FIELDS],
    reminderDays: 0,
    formReminderDays: 3,
    formsDuty: false,
  };
}

/** Fields of expertise a new workbook starts with; admins edit the list in settings. */
export const DEFAULT_EXPERT_FIELDS = [
  'Quản lý đất đai',
  'Môi trường',
  'Nông nghiệp',
  'Lâm nghiệp',
  'Thủy lợi',
  'Xây dựng, quy hoạch',
  'Giao thông',
  'Công nghiệp, năng lượng',
  'Công nghệ thông tin',
  'Y tế',
  'Giáo dục',
  'Kinh tế',
  'Pháp luật',
  'Văn hóa, xã hội',
];

/** Settings for a blank template: no organisation assumed. */
export function blankSettings(year: number): Settings {
  return {
    ...defaultSettings(year),
    orgName: '',
    parentOrgName: '',
    place: '',
    reportRecipientName: 'Sở Khoa học và Công nghệ',
    budgetRecipientName: 'Sở Tài chính',
    decision: { number: '', date: '', issuer: '' },
  };
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function isEmail(s: string): boolean {
  return EMAIL.test(s);
}

const MAX_LENGTH: Record<string, number> = {
  orgName: 200,
  parentOrgName: 200,
  place: 80,
  signerAuthority: 120,
  signerTitle: 120,
  signerName: 120,
  reportRecipientName: 200,
  budgetRecipientName: 200,
  archiveLine: 120,
  decision: 120,
  expertFields: 80,
};

const text = (max: number) => z.string().check(z.maxLength(max, { error: 'tooLong' }));

// Built on first use, not at load: Apps Script evaluates the bundle on every execution, and most
// executions never validate this (README, "Bundle size").
function makeSettingsSchema() {
  return z.object({
    orgName: text(200).check(z.minLength(1, { error: 'required' })),
    parentOrgName: text(200),
    place: text(80).check(z.minLength(1, { error: 'required' })),
    orgCode: z.string().check(z.regex(/^[A-ZĐ0-9&.-]{1,20}$/, { error: 'invalidType' })),
    signerAuthority: text(120),
    signerTitle: text(120).check(z.minLength(1, { error: 'required' })),
    signerName: text(120),
    reportRecipients: z.array(z.string()),
    reportRecipientName: text(200).check(z.minLength(1, { error: 'required' })),
    budgetRecipients: z.array(z.string()),
    budgetRecipientName: text(200).check(z.minLength(1, { error: 'required' })),
    archiveLine: text(120),
    admins: z.array(z.string()),
    driveFolderId: z.string().check(z.regex(/^[A-Za-z0-9_-]{0,100}$/, { error: 'invalidType' })),
    planYear: z.number().check(z.int({ error: 'notInteger' }), z.gte(2000, { error: 'invalidType' }), z.lte(2100, { error: 'invalidType' })),
    decision: z.object({ number: text(60), date: z.string(), issuer: text(120) }),
    schedule: z.object({
      enabled: z.boolean(),
      hour: z.number().check(z.int({ error: 'invalidHour' }), z.gte(0, { error: 'invalidHour' }), z.lte(23, { error: 'invalidHour' })),
      weeklyDay: z.number().check(z.int({ error: 'invalidType' }), z.gte(0, { error: 'invalidType' }), z.lte(7, { error: 'invalidType' })),
      monthlyDay: z.number().check(z.int({ error: 'invalidType' }), z.gte(0, { error: 'invalidType' }), z.lte(28, { error: 'invalidType' })),
      formalReports: z.boolean(),
    }),
    contactReaders: z.array(z.string()),
    expertFields: z.array(z.string().check(z.minLength(1, { error: 'required' }), z.maxLength(80, { error: 'tooLong' }))).check(z.maxLength(100, { error: 'tooLong' })),
    reminderDays: z.number().check(z.int({ error: 'notInteger' }), z.gte(0, { error: 'negative' }), z.lte(60, { error: 'tooLarge' })),
    formReminderDays: z.optional(z.number().check(z.int({ error: 'notInteger' }), z.gte(0, { error: 'negative' }), z.lte(60, { error: 'tooLarge' }))),
    formsDuty: z.optional(z.boolean()),
  });
}
let settingsSchemaCache: ReturnType<typeof makeSettingsSchema> | undefined;
const settingsSchema = (): ReturnType<typeof makeSettingsSchema> => (settingsSchemaCache ??= makeSettingsSchema());

const clean = (s: string) => cleanInputText(s).trim();

/**
 * Validates settings from the sidebar (a partial patch over `current`), returning the new settings
 * or throwing an AppError with one coded problem per field.
 */
export function validateSettings(input: unknown, current: Settings): Settings {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new AppError('invalidInput', {}, { settings: { code: 'invalidType' } });
  const fields: Record<string, FieldProblem> = {};
  const merged: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (!Object.prototype.hasOwnProperty.call(current, k)) {
      setOwn(fields, k, { code: 'unknownField', params: { value: k.slice(0, 40) } });
      continue;
    }
    if (k === 'schedule' || k === 'decision') {
      merged[k] = v && typeof v === 'object' && !Array.isArray(v) ? { ...(current[k] as object), ...(v as object) } : v;
    } else merged[k] = typeof v === 'string' ? clean(v) : v;
  }
  for (const k of ['reportRecipients', 'budgetRecipients', 'admins', 'contactReaders'] as const) {
    const v = merged[k];
    if (typeof v === 'string') merged[k] = v.split(/[\s,;]+/).filter(Boolean);
    if (Array.isArray(merged[k])) {
      const list = (merged[k] as unknown[]).map((x) => (typeof x === 'string' ? clean(x).toLowerCase() : x));
      merged[k] = list.filter((x, i) => list.indexOf(x) === i);
      const bad = list.find((x) => typeof x !== 'string' || !isEmail(x));
      if (bad !== undefined) fields[k] = { code: 'invalidEmail', params: { value: String(bad) } };
    }
  }
  if (typeof merged.expertFields === 'string') merged.expertFields = merged.expertFields.split(/\n|;/);
  if (Array.isArray(merged.expertFields)) {
    const fl = (merged.expertFields as unknown[]).map((x) => (typeof x === 'string' ? clean(x) : x)).filter((x) => x !== '');
    merged.expertFields = fl.filter((x, i) => fl.indexOf(x) === i);
  }
  const r = settingsSchema().safeParse(merged);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const key = String(issue.path[0] ?? 'settings');
      const code = isErrorCode(issue.message) ? issue.message : 'invalidType';
      if (!fields[key]) fields[key] = { code, params: code === 'tooLong' ? { max: MAX_LENGTH[key] ?? 200 } : code === 'tooLarge' ? { max: 60 } : {} };
    }
  }
  const d = merged.decision as Settings['decision'] | undefined;
  if (d && typeof d === 'object' && d.date && !isValidIso(String(d.date))) fields.decision = { code: 'invalidDate' };
  if (Array.isArray(merged.admins) && merged.admins.length === 0 && !fields.admins) fields.admins = { code: 'emptyList' };
  if (Object.keys(fields).length) throw new AppError('invalidInput', {}, fields);
  return r.data as Settings;
}

/** The daily trigger must exist while any daily duty is on: scheduled reports, deadline reminders, or forms to send, remind about or close. */
export function dailyDutyOn(settings: Settings): boolean {
  return settings.schedule.enabled || (settings.reminderDays || 0) > 0 || !!settings.formsDuty;
}

/** Admins and the staff settings name may read personal contact details. */
export function canReadContacts(settings: Settings, user: string): boolean {
  const u = (user || '').trim().toLowerCase();
  return isAdmin(settings, u) || (!!u && (settings.contactReaders || []).some((a) => a.toLowerCase() === u));
}

export function isAdmin(settings: Settings, user: string): boolean {
  const u = (user || '').trim().toLowerCase();
  return !!u && settings.admins.some((a) => a.toLowerCase() === u);
}
