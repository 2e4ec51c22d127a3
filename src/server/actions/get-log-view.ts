// getLogView: everything the logging sidebar shows, in one call.
import { AppError } from '../../core/errors';
import { loadWorkbook } from '../repo';
import { openContext } from '../context';
import { buildLogView, type LogView } from '../log-view';
import type { Services } from '../services';

export function getLogView(svc: Services): LogView {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  return buildLogView(ctx, loadWorkbook(ctx, ctx.settings.planYear));
}
