// What a budget line may contain: the shared zod schema and the stage rules for appraised/approved amounts.
import * as z from 'zod/mini';
import { AppError, isErrorCode, setOwn, type ErrorCode, type FieldProblem } from './errors';
import { BUDGET_STAGES, type BudgetLine, type BudgetStage, type Programme, type Target } from './types';
import { proposedAmount } from './budget';
import { CONTROL_CHARS as CONTROL, cleanInputText } from './text-clean';

export const BUDGET_FIELDS = ['id', 'programCode', 'targetCode', 'item', 'unit', 'quantity', 'unitPrice', 'appraised', 'approved', 'basis', 'stage', 'note'] as const;

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/;
const MAX_MONEY = 1e13;

const text = (max: number) =>
  z.string({ error: 'invalidType' }).check(z.maxLength(max, { error: 'tooLong' }), z.refine((s) => !CONTROL.test(s), { error: 'controlChars' }));

function amount(v: unknown): number | null | undefined {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.normalize('NFC').trim().replace(/\s*(đ|đồng)$/i, '').replace(/\s+/g, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
  if (/^-?\d+$/.test(s)) return Number(s);
  if (/^-?\d+,\d+$/.test(s)) return Number(s.replace(',', '.'));
  return undefined;
}

const money = (required: boolean) =>
  z.unknown().check(
    z.superRefine((v, ctx) => {
      const n = amount(v);
      const fail = (m: ErrorCode) => void ctx.issues.push({ code: 'custom', message: m, input: v });
      if (n === undefined) return fail('invalidMoney');
      if (n === null) return required ? fail('required') : undefined;
      if (n < 0) return fail('negative');
      if (!Number.isInteger(n)) return fail('invalidMoney');
      if (n > MAX_MONEY) return fail('tooLarge');
    }),
  );

export const budgetInputSchema = z.object({
  id: z.optional(z.string({ error: 'invalidType' }).check(z.refine((s) => s === '' || CODE.test(s), { error: 'invalidType' }))),
  programCode: z.string({ error: 'required' }).check(z.refine((s) => s.trim() !== '', { error: 'required' })),
  targetCode: z.optional(z.string({ error: 'invalidType' })),
  item: text(300).check(z.refine((s) => s.trim() !== '', { error: 'required' })),
  unit: z.optional(text(60)),
  quantity: z.unknown().check(
    z.superRefine((v, ctx) => {
      const n = amount(v);
      const fail = (m: ErrorCode) => void ctx.issues.push({ code: 'custom', message: m, input: v });
      if (n === undefined) return fail('invalidType');
      if (n === null) return fail('required');
      if (n <= 0) return fail('notPositive');
      if (n > 1e6) return fail('tooLarge');
      if (Math.round(n * 100) !== n * 100) return fail('invalidType');
    }),
  ),
  unitPrice: money(true),
  appraised: z.optional(money(false)),
  approved: z.optional(money(false)),
  basis: z.optional(text(500)),
  // No stage: a new line starts as "Dự thảo", an existing one keeps its own (validateBudgetLine).
  stage: z.optional(z.string({ error: 'invalidType' }).check(z.refine((s) => s.trim() === '' || (BUDGET_STAGES as readonly string[]).includes(s.normalize('NFC').trim()), { error: 'invalidChoice' }))),
  note: z.optional(text(1000)),
});

export interface BudgetInput {
  id?: string;
  programCode: string;
  targetCode?: string;
  item: string;
  unit?: string;
  quantity: number | string;
  unitPrice: number | string;
  appraised?: number | string | null;
  approved?: number | string | null;
  basis?: string;
  stage?: string;
  note?: string;
}

export function validateBudgetShape(input: unknown): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { item: { code: 'required' } };
  for (const k of Object.keys(input)) {
    if (!(BUDGET_FIELDS as readonly string[]).includes(k)) setOwn(fields, k, { code: 'unknownField', params: { value: k.slice(0, 40) } });
  }
  const r = budgetInputSchema.safeParse(input);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const key = String(issue.path[0] ?? 'item');
      if (fields[key]) continue;
      const code = isErrorCode(issue.message) ? issue.message : 'invalidType';
      fields[key] = {
        code,
        params: code === 'invalidChoice' ? { choices: BUDGET_STAGES.join(', ') } : code === 'tooLong' ? { max: key === 'item' ? 300 : key === 'unit' ? 60 : key === 'basis' ? 500 : 1000 } : code === 'tooLarge' ? { max: key === 'quantity' ? '1.000.000' : '10.000 tỷ' } : {},
      };
    }
  }
  return fields;
}

const nfc = (v: unknown) => (typeof v === 'string' ? cleanInputText(v).trim() : '');

/**
 * A stage that claims a figure the line does not hold: "Đã thẩm định" without Sở Tài chính's amount,
 * "Đã phê duyệt" without UBND's. saveBudgetLine refuses it; a hand edit is only marked (the row
 * still counts in the totals), so this is not part of the row check.
 */
export function stageGaps(stage: string, appraised: number | null, approved: number | null): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  const rank = BUDGET_STAGES.indexOf(stage as BudgetStage);
  if (rank === 2 && appraised === null) out.appraised = { code: 'stageNeedsAmount', params: { stage: BUDGET_STAGES[2] } };
  if (rank === 3 && approved === null) out.approved = { code: 'stageNeedsAmount', params: { stage: BUDGET_STAGES[3] } };
  return out;
}

/**
 * Shape, stage rules and plan checks: the line to save (without id and year), or an AppError. A line sent
 * without a stage takes `currentStage` (the saved line's), else "Dự thảo", the first stage of the workflow.
 */
export function validateBudgetLine(input: unknown, programs: Programme[], targets: Target[], currentStage: BudgetStage = BUDGET_STAGES[0]): Omit<BudgetLine, 'id' | 'year'> {
  const shape = validateBudgetShape(input);
  if (Object.keys(shape).length) throw new AppError('invalidInput', {}, shape);
  const i = input as BudgetInput;
  const stage = (nfc(i.stage) || currentStage) as BudgetStage;
  const quantity = amount(i.quantity) as number;
  const unitPrice = amount(i.unitPrice) as number;
  const appraised = amount(i.appraised) ?? null;
  const approved = amount(i.approved) ?? null;
  const fields: Record<string, FieldProblem> = {};
  const programCode = nfc(i.programCode);
  const targetCode = nfc(i.targetCode);
  if (!programs.some((p) => p.code === programCode)) fields.programCode = { code: 'unknownProgram', params: { value: programCode.slice(0, 30) } };
  else if (targetCode) {
    const t = targets.find((x) => x.code === targetCode);
    if (!t) fields.targetCode = { code: 'unknownTarget', params: { value: targetCode.slice(0, 30) } };
    else if (t.programCode !== programCode) fields.targetCode = { code: 'targetOtherProgram' };
  }
  const rank = BUDGET_STAGES.indexOf(stage);
  // Sở Tài chính's figure exists only once it has appraised; UBND's only once it has approved.
  if (appraised !== null && rank < 2) fields.appraised = { code: 'stageTooEarly', params: { stage: 'Đã thẩm định' } };
  if (approved !== null && rank < 3) fields.approved = { code: 'stageTooEarly', params: { stage: 'Đã phê duyệt' } };
  Object.assign(fields, stageGaps(stage, appraised, approved));
  if (Object.keys(fields).length) throw new AppError('invalidInput', {}, fields);
  return {
    programCode,
    targetCode,
    item: nfc(i.item),
    unit: nfc(i.unit),
    quantity,
    unitPrice,
    proposed: proposedAmount(quantity, unitPrice),
    appraised,
    approved,
    basis: nfc(i.basis),
    stage,
    note: nfc(i.note),
  };
}
