// Sheet records (typed cell values by column key) ↔ domain objects; the row checks are the declarations' (core/sheets.ts).
import type { BudgetLine, LoggedEvent, Programme, Target, TargetStatus } from './types';
import { QUALIFIER_LABELS, SHEETS } from './sheets';
import { recordOf, toItem, type Rec } from './record-type';

export type { Problems, Rec } from './record-type';

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const n = (v: unknown) => (typeof v === 'number' ? v : null);

export function toProgramme(r: Rec): Programme {
  return {
    year: n(r.year) || 0,
    code: s(r.code).trim(),
    name: s(r.name),
    objectives: s(r.objectives)
      .split(/\n/)
      .map((x) => x.replace(/^\s*[-•+]\s*/, '').trim())
      .filter(Boolean),
  };
}

export function programmeRecord(p: Programme): Rec {
  return { year: p.year, code: p.code, name: p.name, objectives: p.objectives.map((o) => `- ${o}`).join('\n') };
}

export function toTarget(r: Rec): Target {
  const year = n(r.year) || 0;
  const q = n(r.quantity);
  return {
    year,
    code: s(r.code).trim(),
    programCode: s(r.programCode).trim(),
    name: s(r.name),
    content: s(r.content),
    quantity: q,
    unit: s(r.unit),
    upper: n(r.upper) || null,
    qualifier: s(r.qualifier) === QUALIFIER_LABELS.min ? 'min' : s(r.qualifier) === QUALIFIER_LABELS.about ? 'about' : 'exact',
    dueDate: s(r.dueDate) || null,
    endYear: n(r.endYear) || year,
    status: s(r.status) as TargetStatus | '',
    note: s(r.note),
  };
}

export function targetRecord(t: Target): Rec {
  return {
    year: t.year,
    code: t.code,
    programCode: t.programCode,
    name: t.name,
    content: t.content,
    quantity: t.quantity,
    unit: t.unit,
    upper: t.upper ?? null,
    qualifier: QUALIFIER_LABELS[t.qualifier],
    dueDate: t.dueDate,
    endYear: t.endYear !== t.year ? t.endYear : null,
    status: t.status,
    note: t.note,
  };
}

/** The event of a checked row (its checks are the declaration's: core/sheets.ts). */
export const toEvent = (r: Rec): LoggedEvent => toItem<LoggedEvent>(SHEETS.events, r);

/** createdAt/updatedAt are written by the caller as Date cells; everything else maps 1:1. */
export const eventRecord = (e: LoggedEvent): Record<string, unknown> => recordOf(SHEETS.events, e, ['createdAt', 'updatedAt']);

/** The line of a checked row, "Đề nghị" computed from quantity × unit price. */
export const toBudgetLine = (r: Rec): BudgetLine => toItem<BudgetLine>(SHEETS.budget, r);

export const budgetRecord = (l: BudgetLine): Record<string, unknown> => recordOf(SHEETS.budget, l);
