// Progress of targets and programmes over a date range: counts, percents, overdue and pace flags.
import type { IsoDate, LoggedEvent, Programme, Target, TargetStatus } from './types';

export type ProgressFlag = 'overdue' | 'behind' | 'complete' | 'over';

export interface TargetProgress {
  code: string;
  programCode: string;
  name: string;
  unit: string;
  planned: number | null;
  /** Upper end of a range target ("15–20"); the percentage counts against `planned`, the lower end. */
  upper: number | null;
  done: number;
  percent: number | null;
  status: TargetStatus | '';
  note: string;
  flags: ProgressFlag[];
  /** Non-cancelled events in range, quantified or not (qualitative targets are cited by them). */
  events: number;
}

export interface ProgrammeProgress {
  code: string;
  name: string;
  /** Mean of its quantified targets' completion, each capped at 100; null when it has none. */
  percent: number | null;
  quantified: number;
  complete: number;
}

export interface DateRange {
  from?: IsoDate | null;
  to?: IsoDate | null;
}

/** Tolerance of the straight-line pace rule, in percentage points of the planned quantity. */
export const PACE_TOLERANCE_POINTS = 10;

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function inRange(date: IsoDate, range: DateRange): boolean {
  if (range.from && date < range.from) return false;
  if (range.to && date > range.to) return false;
  return true;
}

/** Days between two ISO dates (b − a), computed on UTC midnights so no time zone leaks in. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const ta = Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10));
  const tb = Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10));
  return Math.round((tb - ta) / 86400000);
}

/** Where a target's straight line ends: its due date, else 31/12 of its last year. */
export function targetEnd(t: Target): IsoDate {
  return t.dueDate || `${t.endYear || t.year}-12-31`;
}

/**
 * Progress of every target of a plan year, counting the non-cancelled events dated within `range`.
 * `today` drives the overdue and pace flags only.
 */
export function computeProgress(
  programs: Programme[],
  targets: Target[],
  events: LoggedEvent[],
  range: DateRange,
  today: IsoDate,
): { targets: TargetProgress[]; programs: ProgrammeProgress[] } {
  const done = new Map<string, number>();
  const count = new Map<string, number>();
  for (const e of events) {
    if (e.state === 'Đã hủy' || !inRange(e.date, range)) continue;
    done.set(e.targetCode, (done.get(e.targetCode) || 0) + e.quantity);
    count.set(e.targetCode, (count.get(e.targetCode) || 0) + 1);
  }
  const rows: TargetProgress[] = targets.map((t) => {
    const d = done.get(t.code) || 0;
    const planned = t.quantity;
    const percent = planned ? round2((d / planned) * 100) : null;
    const flags: ProgressFlag[] = [];
    const complete = planned !== null ? d >= planned : t.status === 'Hoàn thành';
    if (complete) flags.push('complete');
    // Over plan only past the top of a range: 18 of "15–20" is within it.
    if (planned !== null && d > (t.upper ?? planned)) flags.push('over');
    const end = targetEnd(t);
    if (!complete && t.dueDate && today > t.dueDate) flags.push('overdue');
    else if (!complete && planned !== null && isBehindPace(t, d, today, end)) flags.push('behind');
    return {
      code: t.code,
      programCode: t.programCode,
      name: t.name,
      unit: t.unit,
      planned,
      upper: t.upper ?? null,
      done: d,
      percent,
      status: t.status,
      note: t.note,
      flags,
      events: count.get(t.code) || 0,
    };
  });
  const progs: ProgrammeProgress[] = programs.map((p) => {
    const own = rows.filter((r) => r.programCode === p.code && r.planned !== null && r.planned > 0);
    const percent = own.length
      ? round2(own.reduce((s, r) => s + Math.min(100, ((r.done / (r.planned as number)) * 100)), 0) / own.length)
      : null;
    return {
      code: p.code,
      name: p.name,
      percent,
      quantified: own.length,
      complete: own.filter((r) => r.done >= (r.planned as number)).length,
    };
  });
  return { targets: rows, programs: progs };
}

/**
 * Straight-line pace: by `today` a target should have reached the share of its quantity equal
 * to the share of its span (1 January of its year to its end) that has elapsed. It is behind when
 * it trails that line by more than PACE_TOLERANCE_POINTS. Multi-year targets spread over all their years.
 */
export function isBehindPace(t: Target, done: number, today: IsoDate, end: IsoDate): boolean {
  const start = `${t.year}-01-01`;
  if (today <= start || t.quantity === null || t.quantity <= 0) return false;
  const span = daysBetween(start, end);
  if (span <= 0) return false;
  const elapsed = Math.min(1, daysBetween(start, today) / span);
  const expectedPercent = elapsed * 100;
  const actualPercent = (done / t.quantity) * 100;
  return actualPercent + PACE_TOLERANCE_POINTS < expectedPercent;
}
