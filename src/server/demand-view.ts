// The "Nhu cầu" sidebar's state: demands of the plan year (filtered), their aggregation, planned events, suppliers and the lists the forms need.
import { aggregateDemands, filterDemands, DEMAND_KINDS, DEMAND_STATES, GROUP_BYS, QUARTERS, SUPPLIER_KINDS, SUPPLIER_STATES, whenText, type DemandFilter, type GroupBy } from '../core/demands';
import { isPlainObject } from '../core/field-check';
import { canReadContacts } from '../core/settings';
import type { Target } from '../core/types';
import type { KindTarget } from '../core/dossiers';
import type { DemandBook } from './demand-flow';
import { expertFields } from './registers';
import type { Ctx } from './context';

/** At most this many demands travel to the sidebar; the figures and groups cover every one filtered. */
export const LIST_LIMIT = 200;

export interface DemandQuery extends DemandFilter {
  groupBy?: GroupBy;
}

export function readDemandQuery(q: unknown): DemandQuery {
  if (!isPlainObject(q)) return {};
  const s = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC').slice(0, 200) : '');
  const g = s(q.groupBy) as GroupBy;
  return { demandKind: s(q.demandKind), field: s(q.field), locality: s(q.locality), state: s(q.state), text: s(q.text), groupBy: GROUP_BYS.includes(g) ? g : 'topic' };
}

export function demandView(ctx: Ctx, book: DemandBook, plan: { targets: readonly Target[]; mapping: readonly KindTarget[] }, query: DemandQuery = {}) {
  const year = ctx.settings.planYear;
  const all = book.demands.items.filter((d) => d.year === year);
  const hits = filterDemands(all, query);
  const groupBy = query.groupBy || 'topic';
  const kinds = new Set<string>(DEMAND_KINDS);
  const targetName = new Map(plan.targets.filter((t) => t.year === year).map((t) => [t.code, t.name] as const));
  const planned = book.planned.items
    .filter((p) => p.year === year)
    .map((p) => ({ ...p, when: whenText(p), targetName: targetName.get(p.targetCode) || '' }))
    .reverse();
  return {
    ok: true as const,
    year,
    total: all.length,
    found: hits.length,
    demands: hits.slice(-LIST_LIMIT).reverse(),
    groupBy,
    groups: aggregateDemands(hits, groupBy).slice(0, 100),
    planned,
    suppliers: book.suppliers.items,
    targets: plan.targets.filter((t) => t.year === year).map((t) => ({ code: t.code, name: t.name, quantity: t.quantity, unit: t.unit })),
    mapping: plan.mapping.filter((m) => m.year === year && kinds.has(m.kind)),
    canReadContacts: canReadContacts(ctx.settings, ctx.user),
    choices: {
      kinds: [...DEMAND_KINDS],
      states: [...DEMAND_STATES],
      quarters: [...QUARTERS],
      fields: expertFields(ctx),
      localities: [...new Set(all.map((d) => d.locality).filter(Boolean))].sort(),
      supplierKinds: [...SUPPLIER_KINDS],
      supplierStates: [...SUPPLIER_STATES],
    },
  };
}
