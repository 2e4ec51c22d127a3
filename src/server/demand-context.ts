// Reads what every demand action needs in one batch: demands, planned events, suppliers, the directories, the plan and the kind → target mapping.
import { SHEETS } from '../core/sheets';
import { KIND_TARGETS, toKindTarget } from '../core/expert-sheets';
import { loadDemandBook, type DemandBook } from './demand-flow';
import { loadPlan, type Plan } from './repo';
import { readTables, isBlankRow, readRecord } from './table';
import type { KindTarget } from '../core/dossiers';
import type { Ctx } from './context';

export interface DemandState {
  book: DemandBook;
  plan: Plan;
  mapping: KindTarget[];
}

export function loadDemandState(ctx: Ctx): DemandState {
  const book = loadDemandBook(ctx, ['demands', 'planned', 'suppliers', 'associations', 'organisations'], [SHEETS.programs, SHEETS.targets, KIND_TARGETS]);
  const plan = loadPlan(ctx, ctx.settings.planYear);
  const [kt] = readTables(ctx, [KIND_TARGETS]);
  const mapping: KindTarget[] = [];
  for (const row of kt.rows) {
    if (isBlankRow(row)) continue;
    const { rec, problems } = readRecord(kt, row);
    if (!Object.keys(problems).length) mapping.push(toKindTarget(rec));
  }
  return { book, plan, mapping };
}
