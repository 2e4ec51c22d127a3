// What importing a decision changes in a year's plan: targets and programmes added, changed, kept, matched by code.
import type { Programme, Target } from './types';

/**
 * What a decision decides about an existing target: its programme, count, unit and dates. Its short
 * name and wording stay as the staff keep them (they may have shortened or corrected them).
 */
export const DECIDED_TARGET_FIELDS = ['programCode', 'quantity', 'upper', 'unit', 'qualifier', 'dueDate', 'endYear'] as const;

export interface PlanDiff {
  added: string[];
  changed: { code: string; fields: string[] }[];
  /** Targets of the year the decision does not name: kept as they are, never deleted. */
  kept: string[];
  newPrograms: Programme[];
  changedPrograms: Programme[];
}

/** The difference between the year's plan in the workbook (`old*`) and the one imported. */
export function planDiff(oldP: Programme[], oldT: Target[], plan: { programs: Programme[]; targets: Pick<Target, (typeof DECIDED_TARGET_FIELDS)[number] | 'code'>[] }): PlanDiff {
  const added = plan.targets.filter((t) => !oldT.some((x) => x.code === t.code)).map((t) => t.code);
  const changed = plan.targets
    .map((t) => {
      const old = oldT.find((x) => x.code === t.code);
      return old ? { code: t.code, fields: DECIDED_TARGET_FIELDS.filter((f) => JSON.stringify(old[f] ?? null) !== JSON.stringify(t[f] ?? null)) as string[] } : null;
    })
    .filter((x): x is { code: string; fields: string[] } => !!x && x.fields.length > 0);
  const kept = oldT.filter((x) => !plan.targets.some((t) => t.code === x.code)).map((x) => x.code);
  const newPrograms = plan.programs.filter((p) => !oldP.some((x) => x.code === p.code));
  const changedPrograms = plan.programs.filter((p) => {
    const old = oldP.find((x) => x.code === p.code);
    return !!old && (old.name !== p.name || JSON.stringify(old.objectives) !== JSON.stringify(p.objectives));
  });
  return { added, changed, kept, newPrograms, changedPrograms };
}
