// What a logged event may contain: one zod schema shared by the sidebar and the server, plus plan checks.
import * as z from 'zod/mini';
import { AppError, isErrorCode, setOwn, type ErrorCode, type FieldProblem } from './errors';
import { dmyToIso, isValidIso } from './cells';
import { typedNumber } from './record-type';
import type { BudgetLine, EventFields, Target } from './types';
import { CONTROL_CHARS as CONTROL, cleanInputText } from './text-clean';

export const LIMITS = {
  title: 300,
  location: 200,
  partner: 200,
  result: 2000,
  evidenceUrl: 500,
  reason: 500,
  quantity: 10000,
  participants: 1000000,
  cost: 1e13,
} as const;

export const EVENT_FIELDS = [
  'targetCode',
  'date',
  'title',
  'quantity',
  'location',
  'partner',
  'participants',
  'cost',
  'budgetLineId',
  'result',
  'evidenceUrl',
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

export interface EventInput {
  targetCode: string;
  date: string;
  title: string;
  quantity?: number | string | null;
  location?: string;
  partner?: string;
  participants?: number | string | null;
  cost?: number | string | null;
  budgetLineId?: string;
  result?: string;
  evidenceUrl?: string;
}

/** The event once checked: text in NFC and trimmed, numbers as numbers. */
export type CleanEvent = EventFields;

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/;

const text = (max: number) =>
  z.string({ error: 'invalidType' }).check(
    z.maxLength(max, { error: 'tooLong' }),
    z.refine((s) => !CONTROL.test(s), { error: 'controlChars' }),
  );
const requiredText = (max: number) => text(max).check(z.refine((s) => s.trim().length > 0, { error: 'required' }));

const wholeNumber = typedNumber;

const numberField = (opts: { min: number; max: number; minCode: ErrorCode; money?: boolean }) =>
  z.unknown().check(
    z.superRefine((v, ctx) => {
      const n = wholeNumber(v);
      const code = (c: ErrorCode) => void ctx.issues.push({ code: 'custom', message: c, input: v });
      if (n === undefined || (typeof n === 'number' && !isFinite(n))) return code(opts.money ? 'invalidMoney' : 'notInteger');
      if (n === null) return;
      if (!Number.isInteger(n)) return code(opts.money ? 'invalidMoney' : 'notInteger');
      if (n < opts.min) return code(opts.minCode);
      if (n > opts.max) return code('tooLarge');
    }),
  );

/** The shape check, runnable in the browser as on the server. Messages are error codes. */
// Built on first use, not at load: Apps Script evaluates the bundle on every execution, and most
// executions never validate this (README, "Bundle size").
function makeEventInputSchema() {
  return z.object({
    targetCode: z.string({ error: 'required' }).check(z.refine((s) => s.trim() !== '', { error: 'required' }), z.refine((s) => s.trim() === '' || CODE.test(s.trim()), { error: 'unknownTarget' })),
    date: z.string({ error: 'required' }).check(
      z.refine((s) => s.trim() !== '', { error: 'required' }),
      z.refine((s) => s.trim() === '' || isValidIso(s.trim()) || dmyToIso(s) !== null, { error: 'invalidDate' }),
    ),
    title: requiredText(LIMITS.title),
    quantity: z.optional(numberField({ min: 1, max: LIMITS.quantity, minCode: 'notPositive' })),
    location: z.optional(text(LIMITS.location)),
    partner: z.optional(text(LIMITS.partner)),
    participants: z.optional(numberField({ min: 0, max: LIMITS.participants, minCode: 'negative' })),
    cost: z.optional(numberField({ min: 0, max: LIMITS.cost, minCode: 'negative', money: true })),
    budgetLineId: z.optional(z.string({ error: 'invalidType' }).check(z.refine((s) => s.trim() === '' || CODE.test(s.trim()), { error: 'unknownBudgetLine' }))),
    result: z.optional(text(LIMITS.result)),
    evidenceUrl: z.optional(
      text(LIMITS.evidenceUrl).check(z.refine((s) => s.trim() === '' || /^https?:\/\/[^\s<>"']+$/i.test(s.trim()), { error: 'invalidUrl' })),
    ),
  });
}
let eventInputSchemaCache: ReturnType<typeof makeEventInputSchema> | undefined;
export const eventInputSchema = (): ReturnType<typeof makeEventInputSchema> => (eventInputSchemaCache ??= makeEventInputSchema());

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.prototype.toString.call(v) === '[object Object]';
}

/** Field → error code for the shape alone (no plan needed): what the sidebar shows next to each field. */
export function validateEventShape(input: unknown, allowed: readonly string[] = EVENT_FIELDS): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  if (!isPlainObject(input)) return { targetCode: { code: 'required' } };
  for (const k of Object.keys(input)) {
    if (!allowed.includes(k)) setOwn(fields, k, { code: 'unknownField', params: { value: k.slice(0, 40) } });
  }
  const r = eventInputSchema().safeParse(input);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const key = String(issue.path[0] ?? 'targetCode');
      if (fields[key]) continue;
      const msg = issue.message;
      const code = isErrorCode(msg) ? msg : 'invalidType';
      const given = (input as Record<string, unknown>)[key];
      const params: Record<string, string | number> = key in LIMITS ? { max: (LIMITS as Record<string, number>)[key] } : {};
      if (code === 'unknownTarget' || code === 'unknownBudgetLine') params.value = typeof given === 'string' ? given.slice(0, 30) : String(given);
      fields[key] = { code, params };
    }
  }
  return fields;
}

// Text as it enters: NFC, line ends as LF, Word's private-use bullets gone (src/core/text-clean.ts).
const nfc = (v: unknown) => (typeof v === 'string' ? cleanInputText(v).trim() : '');

/** Normalises an input whose shape passed. */
export function cleanEvent(input: EventInput): CleanEvent {
  const date = input.date.trim();
  return {
    targetCode: nfc(input.targetCode),
    date: isValidIso(date) ? date : (dmyToIso(date) as string),
    title: nfc(input.title),
    quantity: wholeNumber(input.quantity) ?? 1,
    location: nfc(input.location),
    partner: nfc(input.partner),
    participants: wholeNumber(input.participants) ?? null,
    cost: wholeNumber(input.cost) ?? null,
    budgetLineId: nfc(input.budgetLineId),
    result: nfc(input.result),
    evidenceUrl: nfc(input.evidenceUrl),
  };
}

/** Checks against the plan: the target exists, the date is within its years, the budget line fits. */
export function checkAgainstPlan(e: CleanEvent, targets: Target[], lines: BudgetLine[]): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  const t = targets.find((x) => x.code === e.targetCode);
  if (!t) {
    fields.targetCode = { code: 'unknownTarget', params: { value: e.targetCode } };
    return fields;
  }
  const y = +e.date.slice(0, 4);
  if (y < t.year || y > (t.endYear || t.year)) {
    fields.date = { code: 'dateOutOfPlan', params: { years: t.endYear > t.year ? `${t.year}–${t.endYear}` : String(t.year) } };
  }
  if (e.budgetLineId) {
    const l = lines.find((x) => x.id === e.budgetLineId);
    if (!l) fields.budgetLineId = { code: 'unknownBudgetLine', params: { value: e.budgetLineId } };
    else if (l.programCode !== t.programCode) fields.budgetLineId = { code: 'budgetLineOtherProgram' };
  }
  return fields;
}

/** Shape, then plan: the checked event, or an AppError with one problem per field. */
export function validateEvent(input: unknown, targets: Target[], lines: BudgetLine[]): CleanEvent {
  const shape = validateEventShape(input);
  if (Object.keys(shape).length) throw new AppError('invalidInput', {}, shape);
  const e = cleanEvent(input as EventInput);
  const plan = checkAgainstPlan(e, targets, lines);
  if (Object.keys(plan).length) throw new AppError('invalidInput', {}, plan);
  return e;
}

export { nextId } from './record-type';
