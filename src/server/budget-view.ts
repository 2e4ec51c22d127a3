// The budget sidebar's whole state, from data already read.
import { summarizeBudget } from '../core/budget';
import { isAdmin } from '../core/settings';
import { BUDGET_STAGES } from '../core/types';
import type { BudgetView } from '../core/views';
import type { Ctx } from './context';
import { ofYear, type Workbook } from './repo';

export function buildBudgetView(ctx: Ctx, wb: Workbook): BudgetView {
  const programOf = new Map(wb.targets.map((t) => [t.code, t.programCode]));
  const b = summarizeBudget(wb.programs, ofYear(wb.budget.items, wb.year), ofYear(wb.events.items, wb.year), (c) => programOf.get(c));
  return {
    ok: true as const,
    year: wb.year,
    isAdmin: isAdmin(ctx.settings, ctx.user),
    programs: wb.programs.map((p) => ({ code: p.code, name: p.name })),
    targets: wb.targets.map((t) => ({ code: t.code, programCode: t.programCode, name: t.name })),
    lines: b.lines.map((l) => ({
      id: l.id,
      programCode: l.programCode,
      targetCode: l.targetCode,
      item: l.item,
      unit: l.unit,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      proposed: l.proposed,
      appraised: l.appraised,
      approved: l.approved,
      spent: l.spent,
      basis: l.basis,
      stage: l.stage,
      note: l.note,
      overspent: l.overspent,
    })),
    totals: { proposed: b.proposed, appraised: b.appraised, approved: b.approved, spent: b.spent, remaining: b.remaining },
    byProgram: b.byProgram,
    stages: BUDGET_STAGES.slice(),
  };
}

export type { BudgetView };
