// getExpertsView: searches the expert register (diacritics optional) and returns what the sidebar's forms need; no contact details.
import { AppError } from '../../core/errors';
import { openContext } from '../context';
import { expertsView, readQuery } from '../experts-view';
import { loadRegisters } from '../registers';
import type { Services } from '../services';

export function getExpertsView(svc: Services, query?: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const reg = loadRegisters(ctx, ['experts', 'associations', 'organisations']);
  return expertsView(ctx, reg, readQuery(query));
}
