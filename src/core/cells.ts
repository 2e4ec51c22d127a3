// Cell values ↔ domain values: what getValues hands us, and what setValues must be given.
import type { ColumnKind } from './sheets';
import type { FieldProblem } from './errors';
import { cleanInputText } from './text-clean';

export type Cell = string | number | boolean | Date;

/** Dates from another realm (the vm harness, Apps Script's own) fail instanceof: test the tag. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !isNaN((v as Date).getTime());
}

// Building an Intl.DateTimeFormat costs far more than using one (a tenth of a story's time in the
// fault sweep), and every date cell passes here: one formatter per zone, made on first use.
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let f = zoneFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    zoneFormats.set(timeZone, f);
  }
  return f;
}

/** Minutes to add to UTC to get wall-clock time in `timeZone` at instant `t`. */
export function tzOffsetMinutes(t: number, timeZone: string): number {
  const parts = zoneFormat(timeZone).formatToParts(new Date(t));
  const get = (type: string) => +(parts.find((p) => p.type === type)?.value || 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(t / 1000) * 1000) / 60000);
}

/** The wall-clock parts of an instant in a time zone. */
export function zonedParts(d: Date, timeZone: string): { y: number; m: number; d: number; hh: number; mm: number } {
  const w = new Date(d.getTime() + tzOffsetMinutes(d.getTime(), timeZone) * 60000);
  return { y: w.getUTCFullYear(), m: w.getUTCMonth() + 1, d: w.getUTCDate(), hh: w.getUTCHours(), mm: w.getUTCMinutes() };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function dateToIso(d: Date, timeZone: string): string {
  const p = zonedParts(d, timeZone);
  return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
}

export function dateTimeToText(d: Date, timeZone: string): string {
  const p = zonedParts(d, timeZone);
  return `${pad(p.d)}/${pad(p.m)}/${p.y} ${pad(p.hh)}:${pad(p.mm)}`;
}

/** Midnight of an ISO day in the sheet's time zone, so Sheets shows that very day. */
export function isoToDate(iso: string, timeZone: string): Date {
  const utcMidnight = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  const off = tzOffsetMinutes(utcMidnight, timeZone);
  return new Date(utcMidnight - off * 60000);
}

/** Day 0 of spreadsheet serial numbers (30/12/1899), as a UTC wall-clock time. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/**
 * A spreadsheet serial number (days since 30/12/1899 in the sheet's time zone, fraction = time of
 * day), as the Sheets API gives dates, → the instant it shows. Rounded to the second, as Sheets keeps them.
 */
export function serialToDate(serial: number, timeZone: string): Date {
  const wall = Math.round((SERIAL_EPOCH_MS + serial * DAY_MS) / 1000) * 1000;
  // Vietnam has kept one offset since 1975; the second look handles zones whose offset changes.
  const first = wall - tzOffsetMinutes(wall, timeZone) * 60000;
  return new Date(wall - tzOffsetMinutes(first, timeZone) * 60000);
}

/** An instant → the serial number Sheets stores for it in `timeZone`. */
export function dateToSerial(d: Date, timeZone: string): number {
  const t = d.getTime();
  return (t + tzOffsetMinutes(t, timeZone) * 60000 - SERIAL_EPOCH_MS) / DAY_MS;
}

// Calendar checks live with the rest of the Vietnamese date formatting.
export { isValidIsoDate as isValidIso, vnToIso as dmyToIso } from './vn-format';
import { isValidIsoDate as isValidIso, vnToIso as dmyToIso } from './vn-format';

/**
 * Strings Sheets would turn into something else when written: formulas (= + - @), numbers,
 * dates, booleans, or a leading apostrophe. They get an apostrophe so they stay text.
 */
export function needsTextGuard(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@']/.test(s)) return true;
  // Digits with separators: numbers, percentages, times and dates (15/05/2024, 2024-05-15, 13-11-2023).
  if (/^\s*[\d.,\s/:%-]+\s*$/.test(s) && /\d/.test(s)) return true;
  // Scientific notation (1e3, 2,5E-3) and accounting negatives ((5)).
  if (/^\s*\d*[.,]?\d+\s*e\s*[+-]?\d+\s*$/i.test(s) || /^\s*\(\s*[\d.,]+\s*\)\s*$/.test(s)) return true;
  // A currency sign before or after a number ($5, 5 €, ₫1.000).
  if (/^\s*[$€£¥₫]\s*[\d.,]+\s*$/.test(s) || /^\s*[\d.,]+\s*[$€£¥₫]\s*$/.test(s)) return true;
  // Times with AM/PM (9:30 AM, 9 pm).
  if (/^\s*\d{1,2}(:\d{2}){0,2}\s*(am|pm)\s*$/i.test(s)) return true;
  if (/^\s*(true|false)\s*$/i.test(s)) return true;
  return false;
}

export function textCell(s: string): string {
  return needsTextGuard(s) ? `'${s}` : s;
}

/** A domain value → the cell to write for a column kind. */
export function toCell(kind: ColumnKind, v: unknown, timeZone: string): Cell {
  if (v === null || v === undefined || v === '') return '';
  switch (kind) {
    case 'date':
      return typeof v === 'string' && isValidIso(v) ? isoToDate(v, timeZone) : textCell(String(v));
    case 'datetime':
      return isDate(v) ? v : typeof v === 'string' ? textCell(v) : '';
    case 'int':
    case 'number':
    case 'money':
    case 'percent':
      return typeof v === 'number' && isFinite(v) ? v : textCell(String(v));
    default:
      return textCell(String(v));
  }
}

export interface ReadResult<T> {
  value: T;
  problem?: FieldProblem;
}

function num(v: Cell): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const s = v.trim().replace(/\s*đ$/, '');
    if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) return +s.replace(/\./g, '');
    if (/^-?\d+(,\d+)?$/.test(s)) return +s.replace(',', '.');
  }
  return null;
}

/** A cell → a domain value for a column kind, with the problem when the cell is wrong. */
export function fromCell(kind: ColumnKind, v: Cell, timeZone: string): ReadResult<string | number | null> {
  if (v === '' || v === null || v === undefined) return { value: kind === 'text' || kind === 'url' ? '' : null };
  switch (kind) {
    case 'text':
      return { value: isDate(v) ? dateToIso(v, timeZone) : cleanInputText(String(v)) };
    case 'url': {
      const s = String(v).trim();
      return /^https?:\/\/\S+$/i.test(s) ? { value: s } : { value: s, problem: { code: 'invalidUrl' } };
    }
    case 'date': {
      if (isDate(v)) return { value: dateToIso(v, timeZone) };
      const iso = typeof v === 'string' ? dmyToIso(v) || (isValidIso(v.trim()) ? v.trim() : null) : null;
      return iso ? { value: iso } : { value: null, problem: { code: 'invalidDate' } };
    }
    case 'datetime':
      return { value: isDate(v) ? dateTimeToText(v, timeZone) : String(v) };
    case 'int': {
      const n = num(v);
      if (n === null) return { value: null, problem: { code: 'notInteger' } };
      if (!Number.isInteger(n)) return { value: null, problem: { code: 'notInteger' } };
      return { value: n };
    }
    case 'money': {
      const n = num(v);
      if (n === null || !Number.isInteger(n)) return { value: null, problem: { code: 'invalidMoney' } };
      if (n < 0) return { value: null, problem: { code: 'negative' } };
      return { value: n };
    }
    default: {
      const n = num(v);
      return n === null ? { value: null, problem: { code: 'invalidType' } } : { value: n };
    }
  }
}
