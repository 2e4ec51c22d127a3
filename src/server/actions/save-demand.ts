// saveDemand: staff record a demand that came by letter (source "Nhập tay"), or correct one not yet planned.
import { AppError } from '../../core/errors';
import { checkDemand, MANUAL_SOURCE, type Demand } from '../../core/demands';
import { writeRecord } from '../table';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import { appendDemands } from '../demand-flow';
import { loadDemandState } from '../demand-context';
import { demandView } from '../demand-view';
import type { Services } from '../services';

export function saveDemand(svc: Services, input: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const r = checkDemand(input);
  if (Object.keys(r.problems).length) throw new AppError('invalidInput', {}, r.problems);
  const code = typeof (input as { code?: unknown }).code === 'string' ? String((input as { code: string }).code).trim() : '';
  return withLock(svc, () => {
    const st = loadDemandState(ctx);
    const { book } = st;
    let d: Demand;
    if (code) {
      const k = book.demands.items.findIndex((x) => x.code === code);
      if (k < 0) throw new AppError('demandNotFound', { code: code.slice(0, 30) });
      const old = book.demands.items[k];
      if (old.state !== 'Mới') throw new AppError('demandBadMove', { code, state: old.state, planned: old.plannedCode || '—' });
      d = { ...old, ...r.demand };
      writeRecord(book.demands.table, book.demands.index[k], { ...d });
      book.demands.items[k] = d;
    } else {
      [d] = appendDemands(ctx, book, [{ demand: r.demand, source: MANUAL_SOURCE }]);
    }
    afterwards('audit', () => audit(ctx, code ? 'Sửa nhu cầu' : 'Thêm nhu cầu', d.code, `${d.demandKind}; ${d.topic}; ${d.proposerCode || d.proposerName}${d.locality ? `; ${d.locality}` : ''}; nguồn ${d.source}`));
    return { ...demandView(ctx, book, { targets: st.plan.targets, mapping: st.mapping }), code: d.code };
  });
}
