// What a budget line may contain: the declaration's form checks (core/sheets.ts) and the stage rules for appraised/approved amounts.
import { AppError, type FieldProblem } from './errors';
import { BUDGET_STAGES, type BudgetLine, type BudgetStage, type Programme, type Target } from './types';
import { proposedAmount } from './budget';
import { inputKeys, typedNumber, validateForm } from './record-type';
import { SHEETS } from './sheets';
import { cleanInputText } from './text-clean';

/** What the budget form sends: the declaration's input fields. */
export const BUDGET_FIELDS = inputKeys(SHEETS.budget);

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

/** Field → error code for the shape alone, by the declaration (core/sheets.ts). */
export function validateBudgetShape(input: unknown): Record<string, FieldProblem> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { item: { code: 'required' } };
  return validateForm(SHEETS.budget, input);
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
  const quantity = typedNumber(i.quantity) as number;
  const unitPrice = typedNumber(i.unitPrice) as number;
  const appraised = typedNumber(i.appraised) ?? null;
  const approved = typedNumber(i.approved) ?? null;
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
