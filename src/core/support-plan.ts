// Replication support of a product stage by stage: payments only after the previous stage passed inspection, never above the plan.
import { AppError } from './errors';
import type { Problems } from './field-check';
import { formatMoney, isValidIsoDate } from './vn-format';
import type { IsoDate } from './types';

export const FINDINGS = ['Đạt', 'Chưa đạt'] as const;
export type Finding = (typeof FINDINGS)[number];

/** One công đoạn of a support plan, numbered from 1 in the order it must be done. */
export interface Stage {
  no: number;
  name: string;
  plannedAmount: number;
  plannedDate: IsoDate;
}

export interface Disbursement {
  stageNo: number;
  date: IsoDate;
  amount: number;
}

export interface Inspection {
  stageNo: number;
  date: IsoDate;
  inspector: string;
  finding: Finding;
  note: string;
}

export interface SupportState {
  stages: readonly Stage[];
  disbursements: readonly Disbursement[];
  inspections: readonly Inspection[];
}

/** The finding that stands for a stage on a day: the latest inspection dated on or before it. */
function passedBy(state: SupportState, stageNo: number, day: IsoDate): boolean {
  const found = state.inspections.filter((i) => i.stageNo === stageNo && i.date <= day);
  // Same-day inspections: the one recorded last stands (a re-inspection after a fix).
  let last: Inspection | undefined;
  for (const i of found) if (!last || i.date >= last.date) last = i;
  return !!last && last.finding === 'Đạt';
}

/**
 * Checks a payment before it is recorded. Throws `invalidInput` for a bad amount, date or stage,
 * `stageNotInspected` naming the first earlier stage whose inspection has not passed by the
 * payment's date, and `stageOverspend` naming the stage when the payment would exceed its plan.
 */
export function checkDisbursement(state: SupportState, d: Disbursement): void {
  const problems: Problems = {};
  const stage = state.stages.find((s) => s.no === d.stageNo);
  if (!stage) problems.stageNo = { code: 'unknownStage', params: { value: String(d.stageNo) } };
  if (!isValidIsoDate(d.date)) problems.date = { code: 'invalidDate' };
  if (typeof d.amount !== 'number' || !Number.isInteger(d.amount)) problems.amount = { code: 'invalidMoney' };
  else if (d.amount <= 0) problems.amount = { code: 'notPositive' };
  if (Object.keys(problems).length || !stage) throw new AppError('invalidInput', {}, problems);

  const earlier = [...state.stages].filter((s) => s.no < stage.no).sort((a, b) => a.no - b.no);
  const notPassed = earlier.find((s) => !passedBy(state, s.no, d.date));
  if (notPassed) throw new AppError('stageNotInspected', { stage: stage.name, previous: notPassed.name });

  const paid = state.disbursements.filter((x) => x.stageNo === stage.no).reduce((s, x) => s + x.amount, 0);
  if (paid + d.amount > stage.plannedAmount) {
    throw new AppError('stageOverspend', { stage: stage.name, planned: formatMoney(stage.plannedAmount), paid: formatMoney(paid), amount: formatMoney(d.amount) });
  }
}

/** Checks an inspection record: a known stage, a date, who inspected, and a finding. */
export function checkInspection(state: SupportState, i: Inspection): Problems {
  const problems: Problems = {};
  if (!state.stages.some((s) => s.no === i.stageNo)) problems.stageNo = { code: 'unknownStage', params: { value: String(i.stageNo) } };
  if (!isValidIsoDate(i.date)) problems.date = { code: 'invalidDate' };
  if (!String(i.inspector || '').trim()) problems.inspector = { code: 'required' };
  if (!(FINDINGS as readonly string[]).includes(i.finding)) problems.finding = { code: 'invalidChoice', params: { choices: FINDINGS.join(', ') } };
  return problems;
}

export interface StageSummary {
  no: number;
  name: string;
  planned: number;
  paid: number;
  passed: boolean;
}

export interface SupportSummary {
  stages: StageSummary[];
  planned: number;
  paid: number;
  stagesPassed: number;
  /** The product counts (P4.5) once its last stage has passed inspection. */
  counts: boolean;
  /** The date of the last stage's passing inspection: the day the product counts. */
  countedOn: IsoDate | '';
}

/** Where a supported product stands on `today`: paid vs planned per stage, and whether it counts. */
export function summarise(state: SupportState, today: IsoDate): SupportSummary {
  const sorted = [...state.stages].sort((a, b) => a.no - b.no);
  const stages = sorted.map((s) => ({
    no: s.no,
    name: s.name,
    planned: s.plannedAmount,
    paid: state.disbursements.filter((d) => d.stageNo === s.no).reduce((t, d) => t + d.amount, 0),
    passed: passedBy(state, s.no, today),
  }));
  const last = sorted[sorted.length - 1];
  const counts = !!last && passedBy(state, last.no, today);
  let countedOn: IsoDate | '' = '';
  if (counts) {
    // The first passing inspection of the last stage after which it stayed passed.
    const ins = state.inspections.filter((i) => i.stageNo === last.no && i.date <= today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const i of ins) countedOn = i.finding === 'Đạt' ? countedOn || i.date : '';
  }
  return {
    stages,
    planned: stages.reduce((t, s) => t + s.planned, 0),
    paid: stages.reduce((t, s) => t + s.paid, 0),
    stagesPassed: stages.filter((s) => s.passed).length,
    counts,
    countedOn,
  };
}
