// What a logged event may contain: the declaration's form checks (core/sheets.ts), shared by the sidebar and the server, plus plan checks.
import { AppError, type FieldProblem } from './errors';
import { dmyToIso, isValidIso } from './cells';
import { inputKeys, typedNumber, validateForm } from './record-type';
import { SHEETS } from './sheets';
import type { BudgetLine, EventFields, Target } from './types';
import { cleanInputText } from './text-clean';

/** The cancel box's limit (the form's other limits are the declaration's: core/sheets.ts). */
export const LIMITS = { reason: SHEETS.events.columns.find((c) => c.key === 'cancelReason')?.max as number } as const;

/** What the log form sends: the declaration's input fields. */
export const EVENT_FIELDS = inputKeys(SHEETS.events) as readonly (keyof EventFields)[];
export type EventField = keyof EventFields;

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

/** Field → error code for the shape alone (no plan needed): what the sidebar shows next to each field. */
export function validateEventShape(input: unknown, allowed: readonly string[] = EVENT_FIELDS): Record<string, FieldProblem> {
  return validateForm(SHEETS.events, input, allowed);
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
    quantity: typedNumber(input.quantity) ?? 1,
    location: nfc(input.location),
    partner: nfc(input.partner),
    participants: typedNumber(input.participants) ?? null,
    cost: typedNumber(input.cost) ?? null,
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
