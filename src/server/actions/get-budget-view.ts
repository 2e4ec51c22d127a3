// getBudgetView: everything the budget sidebar shows, in one call.
import { AppError } from '../../core/errors';
import { loadWorkbook } from '../repo';
import { openContext } from '../context';
import { buildBudgetView, type BudgetView } from '../budget-view';
import type { Services } from '../services';

export function getBudgetView(svc: Services): BudgetView {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  return buildBudgetView(ctx, loadWorkbook(ctx, ctx.settings.planYear));
}
