// The logging sidebar's whole state, built from data already read, so one call loads or refreshes it.
import { computeProgress } from '../core/progress';
import { isAdmin } from '../core/settings';
import { formatMoney } from '../core/vn-format';
import { dateToIso } from '../core/cells';
import type { Ctx } from './context';
import { targetFigures, type LogView } from '../core/views';

export type { LogView };
import { ofYear, type Workbook } from './repo';

const RECENT = 30;

/** "Tư vấn, phản biện — 3/16 cuộc"; qualitative targets show their event count. */
export function targetLabel(name: string, planned: number | null, done: number, unit: string, events: number): string {
  if (planned === null) return `${name} — ${events} hoạt động`;
  return `${name} — ${done}/${planned} ${unit}`.trim();
}

export function buildLogView(ctx: Ctx, wb: Workbook): LogView {
  const year = wb.year;
  const events = ofYear(wb.events.items, year);
  const today = dateToIso(ctx.now, ctx.tz);
  const p = computeProgress(wb.programs, wb.targets, events, {}, today);
  const byCode = new Map(wb.targets.map((t) => [t.code, t]));
  const recent = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date === b.e.date ? b.i - a.i : a.e.date < b.e.date ? 1 : -1))
    .slice(0, RECENT)
    .map(({ e }) => ({
      id: e.id,
      targetCode: e.targetCode,
      date: e.date,
      title: e.title,
      quantity: e.quantity,
      location: e.location,
      partner: e.partner,
      participants: e.participants,
      cost: e.cost,
      budgetLineId: e.budgetLineId,
      result: e.result,
      evidenceUrl: e.evidenceUrl,
      state: e.state,
      cancelReason: e.cancelReason,
      createdBy: e.createdBy,
    }));
  return {
    ok: true,
    year,
    user: ctx.user,
    isAdmin: isAdmin(ctx.settings, ctx.user),
    programs: p.programs.map((x) => ({ code: x.code, name: x.name, percent: x.percent })),
    targets: p.targets.map((t) => {
      const def = byCode.get(t.code);
      return {
        ...targetFigures(t),
        label: targetLabel(t.name, t.planned, t.done, t.unit, t.events),
        minDate: `${year}-01-01`,
        maxDate: `${def ? def.endYear || year : year}-12-31`,
      };
    }),
    budgetLines: ofYear(wb.budget.items, year).map((l) => ({
      id: l.id,
      programCode: l.programCode,
      targetCode: l.targetCode,
      item: l.item,
      label: `${l.id}: ${l.item} (${formatMoney(l.approved ?? l.proposed)})`,
    })),
    recent,
  };
}
