// Report periods (month, quarter, half year, nine months, year, any range) with their Vietnamese labels.
import type { IsoDate } from './types';
import { isValidIsoDate, isoToVn } from './vn-format';

export type PeriodSpec =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  /** First half ("6 tháng đầu năm", the sơ kết) unless `half` is 2. */
  | { kind: 'half'; year: number; half?: 1 | 2 }
  | { kind: 'nineMonths'; year: number }
  | { kind: 'year'; year: number }
  | { kind: 'range'; from: IsoDate; to: IsoDate };

export type PeriodKind = PeriodSpec['kind'];

export interface Period {
  kind: PeriodKind;
  from: IsoDate;
  to: IsoDate;
  /** Reads after "thực hiện … ": `tháng 6 năm 2024`, `quý II năm 2024`, `6 tháng đầu năm 2024`. */
  label: string;
  /** The report's short name: `Báo cáo quý II năm 2024`, `Sơ kết 6 tháng đầu năm 2024`, `Tổng kết năm 2024`. */
  title: string;
}

export type PeriodErrorCode =
  | 'PERIOD_KIND_INVALID'
  | 'PERIOD_YEAR_INVALID'
  | 'PERIOD_MONTH_INVALID'
  | 'PERIOD_QUARTER_INVALID'
  | 'PERIOD_HALF_INVALID'
  | 'PERIOD_FROM_INVALID'
  | 'PERIOD_TO_INVALID'
  | 'PERIOD_RANGE_REVERSED';

export type PeriodResult = ({ ok: true } & Period) | { ok: false; code: PeriodErrorCode; field: string };

export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

/** Roman numeral for section and annex numbering; plain digits past what a report ever needs. */
export function roman(n: number): string {
  return ROMAN[n - 1] || String(n);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function lastDay(year: number, month: number): IsoDate {
  return `${year}-${pad2(month)}-${pad2(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

const validYear = (y: unknown): y is number => Number.isInteger(y) && (y as number) >= 2000 && (y as number) <= 2100;
const isInt = (n: unknown, lo: number, hi: number): boolean => Number.isInteger(n) && (n as number) >= lo && (n as number) <= hi;

const fail = (code: PeriodErrorCode, field: string): PeriodResult => ({ ok: false, code, field });
const ok = (p: Period): PeriodResult => ({ ok: true, ...p });

/** Dates, label and title of a period, or the first thing wrong with it. */
export function resolvePeriod(spec: PeriodSpec): PeriodResult {
  if (!spec || typeof spec !== 'object') return fail('PERIOD_KIND_INVALID', 'kind');
  if (spec.kind === 'range') {
    if (!isValidIsoDate(spec.from)) return fail('PERIOD_FROM_INVALID', 'from');
    if (!isValidIsoDate(spec.to)) return fail('PERIOD_TO_INVALID', 'to');
    if (spec.from > spec.to) return fail('PERIOD_RANGE_REVERSED', 'to');
    const label = `từ ngày ${isoToVn(spec.from)} đến ngày ${isoToVn(spec.to)}`;
    return ok({ kind: 'range', from: spec.from, to: spec.to, label, title: `Báo cáo ${label}` });
  }
  const y = spec.year;
  if (!validYear(y)) return fail('PERIOD_YEAR_INVALID', 'year');
  switch (spec.kind) {
    case 'month': {
      if (!isInt(spec.month, 1, 12)) return fail('PERIOD_MONTH_INVALID', 'month');
      const label = `tháng ${spec.month} năm ${y}`;
      return ok({ kind: 'month', from: `${y}-${pad2(spec.month)}-01`, to: lastDay(y, spec.month), label, title: `Báo cáo ${label}` });
    }
    case 'quarter': {
      if (!isInt(spec.quarter, 1, 4)) return fail('PERIOD_QUARTER_INVALID', 'quarter');
      const first = spec.quarter * 3 - 2;
      const label = `quý ${roman(spec.quarter)} năm ${y}`;
      return ok({ kind: 'quarter', from: `${y}-${pad2(first)}-01`, to: lastDay(y, first + 2), label, title: `Báo cáo ${label}` });
    }
    case 'half': {
      const h = spec.half === undefined ? 1 : spec.half;
      if (h !== 1 && h !== 2) return fail('PERIOD_HALF_INVALID', 'half');
      if (h === 1) {
        const label = `6 tháng đầu năm ${y}`;
        return ok({ kind: 'half', from: `${y}-01-01`, to: `${y}-06-30`, label, title: `Sơ kết ${label}` });
      }
      const label = `6 tháng cuối năm ${y}`;
      return ok({ kind: 'half', from: `${y}-07-01`, to: `${y}-12-31`, label, title: `Báo cáo ${label}` });
    }
    case 'nineMonths': {
      const label = `9 tháng đầu năm ${y}`;
      return ok({ kind: 'nineMonths', from: `${y}-01-01`, to: `${y}-09-30`, label, title: `Báo cáo ${label}` });
    }
    case 'year': {
      const label = `năm ${y}`;
      return ok({ kind: 'year', from: `${y}-01-01`, to: `${y}-12-31`, label, title: `Tổng kết ${label}` });
    }
    default:
      return fail('PERIOD_KIND_INVALID', 'kind');
  }
}

/**
 * The period a date range is, named as staff would name it: 01/04–30/06 is "quý II", 01/01–30/06 the
 * sơ kết 6 tháng, 01/01–31/12 the tổng kết; anything else is labelled by its dates.
 */
export function periodFromRange(from: IsoDate, to: IsoDate): PeriodResult {
  const range = resolvePeriod({ kind: 'range', from, to });
  if (!range.ok) return range;
  const y = +from.slice(0, 4);
  if (+to.slice(0, 4) !== y) return range;
  const m1 = +from.slice(5, 7);
  const m2 = +to.slice(5, 7);
  if (from.slice(8) !== '01' || to !== lastDay(y, m2)) return range;
  if (m1 === 1 && m2 === 12) return resolvePeriod({ kind: 'year', year: y });
  if (m1 === 1 && m2 === 6) return resolvePeriod({ kind: 'half', year: y, half: 1 });
  if (m1 === 7 && m2 === 12) return resolvePeriod({ kind: 'half', year: y, half: 2 });
  if (m1 === 1 && m2 === 9) return resolvePeriod({ kind: 'nineMonths', year: y });
  if (m1 === m2) return resolvePeriod({ kind: 'month', year: y, month: m1 });
  if (m2 === m1 + 2 && m1 % 3 === 1) return resolvePeriod({ kind: 'quarter', year: y, quarter: (m1 + 2) / 3 });
  return range;
}

/**
 * The last whole month, quarter, half year or year that ended before `today`: what a scheduled job
 * reports on (run on 05/07/2024, 'half' gives the sơ kết 6 tháng đầu năm 2024).
 */
export function lastCompletePeriod(kind: 'month' | 'quarter' | 'half' | 'year', today: IsoDate): PeriodSpec {
  const y = +today.slice(0, 4);
  const m = +today.slice(5, 7);
  switch (kind) {
    case 'month':
      return m === 1 ? { kind: 'month', year: y - 1, month: 12 } : { kind: 'month', year: y, month: m - 1 };
    case 'quarter': {
      const q = Math.ceil(m / 3) - 1;
      return q === 0 ? { kind: 'quarter', year: y - 1, quarter: 4 } : { kind: 'quarter', year: y, quarter: q };
    }
    case 'half':
      return m <= 6 ? { kind: 'half', year: y - 1, half: 2 } : { kind: 'half', year: y, half: 1 };
    case 'year':
      return { kind: 'year', year: y - 1 };
  }
}
