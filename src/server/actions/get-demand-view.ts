// getDemandView: the "Nhu cầu" sidebar's state: demands of the year (filtered), grouped by topic, field or locality; planned events; suppliers.
import { AppError } from '../../core/errors';
import { openContext } from '../context';
import { loadDemandState } from '../demand-context';
import { demandView, readDemandQuery } from '../demand-view';
import type { Services } from '../services';

export function getDemandView(svc: Services, query?: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const st = loadDemandState(ctx);
  return demandView(ctx, st.book, { targets: st.plan.targets, mapping: st.mapping }, readDemandQuery(query));
}
