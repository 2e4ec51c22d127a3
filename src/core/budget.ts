// Budget maths: proposed = quantity × unit price; spent from linked events; totals per programme.
import type { BudgetLine, LoggedEvent, Programme } from './types';

export interface BudgetTotals {
  proposed: number;
  appraised: number;
  approved: number;
  spent: number;
  /** Approved minus spent (what is left to spend of what UBND approved). */
  remaining: number;
}

export interface BudgetLineFigures extends BudgetLine {
  spent: number;
  overspent: boolean;
}

export interface BudgetSummary extends BudgetTotals {
  byProgram: (BudgetTotals & { code: string; name: string })[];
  lines: BudgetLineFigures[];
  overspentLines: string[];
}

export function proposedAmount(quantity: number, unitPrice: number): number {
  return Math.round(quantity * unitPrice);
}

const zero = (): BudgetTotals => ({ proposed: 0, appraised: 0, approved: 0, spent: 0, remaining: 0 });

/**
 * Sums the budget of one plan year. Spent on a line = costs of the non-cancelled events linked
 * to it; spent on a programme = costs of all its events, linked or not.
 */
export function summarizeBudget(
  programs: Programme[],
  lines: BudgetLine[],
  events: LoggedEvent[],
  programOfTarget: (targetCode: string) => string | undefined,
): BudgetSummary {
  const spentByLine = new Map<string, number>();
  const spentByProgram = new Map<string, number>();
  for (const e of events) {
    if (e.state === 'Đã hủy' || !e.cost) continue;
    if (e.budgetLineId) spentByLine.set(e.budgetLineId, (spentByLine.get(e.budgetLineId) || 0) + e.cost);
    const p = programOfTarget(e.targetCode);
    if (p) spentByProgram.set(p, (spentByProgram.get(p) || 0) + e.cost);
  }
  const views: BudgetLineFigures[] = lines.map((l) => {
    const spent = spentByLine.get(l.id) || 0;
    return { ...l, spent, overspent: l.approved !== null ? spent > l.approved : false };
  });
  const byProgram = programs.map((p) => {
    const t = zero();
    for (const l of views) {
      if (l.programCode !== p.code) continue;
      t.proposed += l.proposed;
      t.appraised += l.appraised || 0;
      t.approved += l.approved || 0;
    }
    t.spent = spentByProgram.get(p.code) || 0;
    t.remaining = t.approved - t.spent;
    return { code: p.code, name: p.name, ...t };
  });
  const total = zero();
  for (const p of byProgram) {
    total.proposed += p.proposed;
    total.appraised += p.appraised;
    total.approved += p.approved;
    total.spent += p.spent;
  }
  total.remaining = total.approved - total.spent;
  return { ...total, byProgram, lines: views, overspentLines: views.filter((l) => l.overspent).map((l) => l.id) };
}
