// The views sidebars receive from the server, declared once: the server builds them, the sidebars read them through the contract.
import type { BudgetStage, EventFields, LoggedEvent, Programme, Target } from './types';
import type { BudgetLineFigures, BudgetSummary, BudgetTotals } from './budget';
import type { TargetProgress } from './progress';

type Figures = Pick<TargetProgress, 'code' | 'programCode' | 'name' | 'unit' | 'planned' | 'done' | 'percent'>;

/** A target's figures as every view of progress carries them (the progress view and the logging sidebar). */
export function targetFigures(t: Figures): Figures {
  return { code: t.code, programCode: t.programCode, name: t.name, unit: t.unit, planned: t.planned, done: t.done, percent: t.percent };
}

/** A programme of the plan as the plan viewer and the import dialog show it. */
export function programmeJson(p: Pick<Programme, 'code' | 'name' | 'objectives'>): Pick<Programme, 'code' | 'name' | 'objectives'> {
  return { code: p.code, name: p.name, objectives: p.objectives };
}

type PlanTarget = Pick<Target, 'code' | 'programCode' | 'name' | 'content' | 'quantity' | 'upper' | 'unit' | 'qualifier' | 'dueDate' | 'endYear'>;

/** A target of the plan as plain JSON (the plan viewer adds its status, the import dialog its source sentence). */
export function targetJson(t: PlanTarget): PlanTarget {
  return {
    code: t.code,
    programCode: t.programCode,
    name: t.name,
    content: t.content,
    quantity: t.quantity,
    upper: t.upper ?? null,
    unit: t.unit,
    qualifier: t.qualifier,
    dueDate: t.dueDate,
    endYear: t.endYear,
  };
}

export interface TargetView {
  code: string;
  programCode: string;
  name: string;
  unit: string;
  planned: number | null;
  done: number;
  percent: number | null;
  /** "Tư vấn, phản biện — 3/16 cuộc". */
  label: string;
  /** The plan years, as the date field's bounds. */
  minDate: string;
  maxDate: string;
}

export type RecentEvent = EventFields & Pick<LoggedEvent, 'id' | 'state' | 'cancelReason' | 'createdBy'>;

export interface LogView {
  ok: true;
  year: number;
  user: string;
  isAdmin: boolean;
  programs: { code: string; name: string; percent: number | null }[];
  targets: TargetView[];
  budgetLines: { id: string; programCode: string; targetCode: string; item: string; label: string }[];
  recent: RecentEvent[];
}

/** A budget line as the budget sidebar shows it: the line and what its events spent. */
export type BudgetLineView = Pick<
  BudgetLineFigures,
  'id' | 'programCode' | 'targetCode' | 'item' | 'unit' | 'quantity' | 'unitPrice' | 'proposed' | 'appraised' | 'approved' | 'spent' | 'basis' | 'stage' | 'note' | 'overspent'
>;

/** Everything the budget sidebar shows, in one call (getBudgetView, and after saveBudgetLine). */
export interface BudgetView {
  ok: true;
  year: number;
  isAdmin: boolean;
  programs: Pick<Programme, 'code' | 'name'>[];
  targets: Pick<Target, 'code' | 'programCode' | 'name'>[];
  lines: BudgetLineView[];
  totals: BudgetTotals;
  byProgram: BudgetSummary['byProgram'];
  stages: BudgetStage[];
}
