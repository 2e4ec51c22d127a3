// getPlan: the programmes and targets of a plan year, as plain JSON for sidebars and tests.
import { AppError } from '../../core/errors';
import { openContext } from '../context';
import { loadPlan } from '../repo';
import { programmeJson, targetJson } from '../../core/views';
import type { Services } from '../services';

export interface PlanView {
  ok: true;
  year: number;
  programs: { code: string; name: string; objectives: string[] }[];
  targets: { code: string; programCode: string; name: string; content: string; quantity: number | null; unit: string; dueDate: string | null; endYear: number; qualifier: string; status: string }[];
}

export function getPlan(svc: Services, options?: unknown): PlanView {
  const o = (options && typeof options === 'object' ? options : {}) as { year?: unknown };
  if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
    throw new AppError('invalidInput', {}, { year: { code: 'invalidType' } });
  }
  if (o.year !== undefined && (typeof o.year !== 'number' || !Number.isInteger(o.year))) {
    throw new AppError('invalidInput', {}, { year: { code: 'notInteger' } });
  }
  const ctx = openContext(svc);
  const year = (o.year as number | undefined) ?? ctx.settings.planYear;
  const plan = loadPlan(ctx, year);
  return {
    ok: true,
    year,
    programs: plan.programs.map(programmeJson),
    targets: plan.targets.map((t) => ({ ...targetJson(t), status: t.status })),
  };
}
