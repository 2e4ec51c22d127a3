// Sheet records (typed cell values by column key) ↔ domain objects, with row-level checks.
import type { FieldProblem } from './errors';
import { BUDGET_STAGES, EVENT_STATES, TARGET_STATUSES } from './types';
import type { BudgetLine, BudgetStage, EventState, LoggedEvent, Programme, Target, TargetStatus } from './types';
import { QUALIFIER_LABELS } from './sheets';
import { proposedAmount } from './budget';

export type Rec = Record<string, string | number | null>;
export type Problems = Record<string, FieldProblem>;

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

export function toTarget(r: Rec, problems: Problems = {}): Target {
  const year = n(r.year) || 0;
  const status = s(r.status) as TargetStatus | '';
  if (status && !(TARGET_STATUSES as readonly string[]).includes(status)) problems.status = { code: 'invalidChoice', params: { choices: TARGET_STATUSES.join(', ') } };
  const q = n(r.quantity);
  if (q !== null && q < 0) problems.quantity = { code: 'negative' };
  return {
    year,
    code: s(r.code).trim(),
    programCode: s(r.programCode).trim(),
    name: s(r.name),
    content: s(r.content),
    quantity: q,
    unit: s(r.unit),
    qualifier: s(r.qualifier) === QUALIFIER_LABELS.min ? 'min' : s(r.qualifier) === QUALIFIER_LABELS.about ? 'about' : 'exact',
    dueDate: s(r.dueDate) || null,
    endYear: n(r.endYear) || year,
    status: problems.status ? '' : status,
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
    qualifier: QUALIFIER_LABELS[t.qualifier],
    dueDate: t.dueDate,
    endYear: t.endYear !== t.year ? t.endYear : null,
    status: t.status,
    note: t.note,
  };
}

export function toEvent(r: Rec, problems: Problems = {}): LoggedEvent {
  const state = (s(r.state) || 'Hiệu lực') as EventState;
  if (!(EVENT_STATES as readonly string[]).includes(state)) problems.state = { code: 'invalidChoice', params: { choices: EVENT_STATES.join(', ') } };
  const quantity = n(r.quantity);
  if (quantity !== null && quantity <= 0) problems.quantity = { code: 'notPositive' };
  const participants = n(r.participants);
  if (participants !== null && participants < 0) problems.participants = { code: 'negative' };
  return {
    id: s(r.id).trim(),
    year: n(r.year) || 0,
    targetCode: s(r.targetCode).trim(),
    date: s(r.date),
    title: s(r.title),
    quantity: quantity ?? 0,
    location: s(r.location),
    partner: s(r.partner),
    participants,
    cost: n(r.cost),
    budgetLineId: s(r.budgetLineId).trim(),
    result: s(r.result),
    evidenceUrl: s(r.evidenceUrl),
    state,
    cancelReason: s(r.cancelReason),
    createdBy: s(r.createdBy),
    createdAt: s(r.createdAt),
    updatedBy: s(r.updatedBy),
    updatedAt: s(r.updatedAt),
  };
}

/** createdAt/updatedAt are written by the caller as Date cells; everything else maps 1:1. */
export function eventRecord(e: LoggedEvent): Record<string, unknown> {
  const { createdAt, updatedAt, ...rest } = e;
  void createdAt;
  void updatedAt;
  return { ...rest };
}

export function toBudgetLine(r: Rec, problems: Problems = {}): BudgetLine {
  const stage = (s(r.stage) || 'Dự thảo') as BudgetStage;
  if (!(BUDGET_STAGES as readonly string[]).includes(stage)) problems.stage = { code: 'invalidChoice', params: { choices: BUDGET_STAGES.join(', ') } };
  const quantity = n(r.quantity) ?? 0;
  const unitPrice = n(r.unitPrice) ?? 0;
  if (quantity < 0) problems.quantity = { code: 'negative' };
  return {
    id: s(r.id).trim(),
    year: n(r.year) || 0,
    programCode: s(r.programCode).trim(),
    targetCode: s(r.targetCode).trim(),
    item: s(r.item),
    unit: s(r.unit),
    quantity,
    unitPrice,
    proposed: proposedAmount(quantity, unitPrice),
    appraised: n(r.appraised),
    approved: n(r.approved),
    basis: s(r.basis),
    stage,
    note: s(r.note),
  };
}

export function budgetRecord(l: BudgetLine): Rec {
  return {
    id: l.id,
    year: l.year,
    programCode: l.programCode,
    targetCode: l.targetCode,
    item: l.item,
    unit: l.unit,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    proposed: l.proposed,
    appraised: l.appraised,
    approved: l.approved,
    basis: l.basis,
    stage: l.stage,
    note: l.note,
  };
}
