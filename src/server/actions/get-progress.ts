// getProgress: targets, programmes and budget for a date range of the plan year.
import { AppError, type FieldProblem } from '../../core/errors';
import { computeProgress } from '../../core/progress';
import { summarizeBudget } from '../../core/budget';
import { isValidIso } from '../../core/cells';
import { dateToIso } from '../../core/cells';
import { loadWorkbook, ofYear } from '../repo';
import { openContext } from '../context';
import type { Services } from '../services';
import { targetFigures } from '../../core/views';

function checkRange(range: unknown): { from: string | null; to: string | null } {
  if (range === undefined || range === null) return { from: null, to: null };
  if (typeof range !== 'object' || Array.isArray(range)) throw new AppError('invalidInput', {}, { from: { code: 'invalidType' } });
  const r = range as Record<string, unknown>;
  const fields: Record<string, FieldProblem> = {};
  const pick = (k: 'from' | 'to') => {
    const v = r[k];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string' || !isValidIso(v)) {
      fields[k] = { code: 'invalidDate' };
      return null;
    }
    return v;
  };
  const from = pick('from');
  const to = pick('to');
  if (from && to && from > to) fields.to = { code: 'dateOrder' };
  if (Object.keys(fields).length) throw new AppError('invalidInput', {}, fields);
  return { from, to };
}

export function getProgress(svc: Services, range?: unknown) {
  const { from, to } = checkRange(range);
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const wb = loadWorkbook(ctx, ctx.settings.planYear);
  const events = ofYear(wb.events.items, wb.year);
  const p = computeProgress(wb.programs, wb.targets, events, { from, to }, dateToIso(ctx.now, ctx.tz));
  const programOf = new Map(wb.targets.map((t) => [t.code, t.programCode]));
  const inRange = events.filter((e) => (!from || e.date >= from) && (!to || e.date <= to));
  const b = summarizeBudget(wb.programs, ofYear(wb.budget.items, wb.year), inRange, (c) => programOf.get(c));
  return {
    ok: true as const,
    year: wb.year,
    from,
    to,
    targets: p.targets.map((t) => ({
      ...targetFigures(t),
      status: t.status,
      note: t.note,
      flags: t.flags,
      events: t.events,
    })),
    programs: p.programs.map((x) => ({ code: x.code, name: x.name, percent: x.percent })),
    budget: {
      proposed: b.proposed,
      appraised: b.appraised,
      approved: b.approved,
      spent: b.spent,
      remaining: b.remaining,
      byProgram: b.byProgram,
      overspentLines: b.overspentLines,
    },
  };
}
