// Cell value semantics of Sheets: typed-input interpretation per locale, display formatting, A1 notation.

import type { CellState, Val } from './core';
import { formatSheetsDate, fromZoned, isDateFormat, serialToMs, zoned } from './tz';

export interface LocaleSeps {
  decimal: string;
  group: string;
  dayFirst: boolean;
}

// Locales that write 1.234,5 and day-first dates; en_US-like otherwise.
const COMMA_DECIMAL = /^(vi|de|fr|es|it|pt|nl|ru|id|tr|pl|da|sv|nb|fi|cs|sk|hu|ro|uk|el)/;
export function seps(locale: string): LocaleSeps {
  const comma = COMMA_DECIMAL.test(locale);
  const dayFirst = !/^en_US|^en$/.test(locale) || locale === 'en_GB';
  return { decimal: comma ? ',' : '.', group: comma ? '.' : ',', dayFirst };
}

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Parses a locale-formatted number ("1.250", "1,5", "12%", "-3"); null when it is not one. */
export function parseLocaleNumber(s: string, locale: string): number | null {
  const { decimal, group } = seps(locale);
  let t = s.trim();
  if (!t) return null;
  let pct = false;
  if (t.endsWith('%')) {
    pct = true;
    t = t.slice(0, -1).trim();
  }
  const g = esc(group);
  const d = esc(decimal);
  const re = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?$`);
  const m = re.exec(t);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const int = (m[2] ?? '0').split(group).join('');
  const num = Number(`${m[1]}${int}.${m[3] ?? '0'}${m[4] ? 'e' + m[4] : ''}`);
  if (!Number.isFinite(num)) return null;
  return pct ? num / 100 : num;
}

function daysIn(y: number, M: number): number {
  return new Date(Date.UTC(y, M, 0)).getUTCDate();
}

/** Parses a date typed as Sheets would accept it in the locale; returns the instant in tz, or null. */
export function parseLocaleDate(s: string, locale: string, tz: string, nowMs: number): number | null {
  const t = s.trim();
  let y: number, M: number, d: number;
  let rest = '';
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](.*))?$/.exec(t);
  if (m) {
    y = +m[1];
    M = +m[2];
    d = +m[3];
    rest = m[4] ?? '';
  } else {
    m = /^(\d{1,2})([/-])(\d{1,2})(?:\2(\d{2}|\d{4}))?(?:\s+(.*))?$/.exec(t);
    if (!m) return null;
    const a = +m[1];
    const b = +m[3];
    const dayFirst = seps(locale).dayFirst;
    d = dayFirst ? a : b;
    M = dayFirst ? b : a;
    y = m[4] === undefined ? zoned(nowMs, tz).y : m[4].length === 2 ? 2000 + +m[4] - (+m[4] >= 30 ? 100 : 0) : +m[4];
    rest = m[5] ?? '';
  }
  if (M < 1 || M > 12 || d < 1 || d > daysIn(y, M)) return null;
  let H = 0,
    mi = 0,
    sec = 0;
  if (rest) {
    const tm = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(rest.trim());
    if (!tm) return null;
    H = +tm[1];
    mi = +tm[2];
    sec = +(tm[3] ?? 0);
    if (H > 23 || mi > 59 || sec > 59) return null;
  }
  return fromZoned(y, M, d, H, mi, sec, tz);
}

/** How Sheets stores a value written by a script (setValue/setValues/appendRow) into a cell. */
export function interpretInput(value: unknown, nf: string | undefined, locale: string, tz: string, nowMs: number): { v?: Val; f?: string } {
  if (value === null || value === undefined) return {};
  if (typeof value === 'number') return Number.isFinite(value) ? { v: value } : { v: '#NUM!' };
  if (typeof value === 'boolean') return { v: value };
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const ms = (value as Date).getTime();
    return Number.isNaN(ms) ? { v: '' } : { v: { d: ms } };
  }
  const s = typeof value === 'string' ? value : String(value);
  if (s === '') return {};
  if (nf === '@') return { v: s };
  if (s.startsWith("'")) return s.length > 1 ? { v: s.slice(1) } : {};
  if (s.startsWith('=') && s.length > 1) return { f: s };
  const upper = s.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { v: upper === 'TRUE' };
  const n = parseLocaleNumber(s, locale);
  if (n !== null) return { v: n };
  // Sheets reads a currency sign before or after a number as a currency-formatted number ("$5", "5 ₫").
  const cur = /^\s*([+-]?)\s*[$€£¥₫]\s*([\d.,]+)\s*$/.exec(s) || /^\s*([+-]?)([\d.,]+)\s*[$€£¥₫]\s*$/.exec(s);
  const cn = cur ? parseLocaleNumber(cur[1] + cur[2], locale) : null;
  if (cn !== null) return { v: cn };
  const d = parseLocaleDate(s, locale, tz, nowMs);
  if (d !== null) return { v: { d } };
  // A leading + or - followed by something that is not a number is parsed as a formula.
  if (/^[+-][^\s+-]/.test(s)) return { f: '=' + s };
  return { v: s };
}

export function isDateVal(v: Val | undefined): v is { d: number } {
  return typeof v === 'object' && v !== null;
}

function groupInt(intStr: string, group: string): string {
  return intStr.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/** Default display of a number in a locale (no grouping, up to 10 significant digits). */
export function defaultNumber(n: number, locale: string): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(10)));
  return s.replace('.', seps(locale).decimal);
}

/** Applies a numeric Sheets number format ('#,##0 "đ"', '0.00%', '0.0') to a number. */
export function formatNumber(n: number, nf: string, locale: string): string {
  const sections = splitSections(nf);
  let sec = sections[0];
  let neg = n < 0;
  if (n < 0 && sections[1] !== undefined) {
    sec = sections[1];
    neg = false;
  } else if (n === 0 && sections[2] !== undefined) sec = sections[2];
  const { decimal, group } = seps(locale);
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let seenPattern = false;
  let i = 0;
  while (i < sec.length) {
    const c = sec[i];
    if (c === '"') {
      const j = sec.indexOf('"', i + 1);
      const lit = sec.slice(i + 1, j < 0 ? sec.length : j);
      if (seenPattern) suffix += lit;
      else prefix += lit;
      i = j < 0 ? sec.length : j + 1;
      continue;
    }
    if (c === '\\') {
      if (seenPattern) suffix += sec[i + 1] ?? '';
      else prefix += sec[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (c === '[') {
      const j = sec.indexOf(']', i);
      const inner = sec.slice(i + 1, j);
      const cur = /^\$([^-\]]*)/.exec(inner);
      if (cur) {
        if (seenPattern) suffix += cur[1];
        else prefix += cur[1];
      }
      i = j < 0 ? sec.length : j + 1;
      continue;
    }
    if ('#0?,.'.includes(c) && (!seenPattern || suffix === '')) {
      pattern += c;
      seenPattern = true;
      i++;
      continue;
    }
    if (c === '%') {
      pattern += '';
      if (seenPattern) suffix += '%';
      else prefix += '%';
      i++;
      continue;
    }
    if (c === '_' || c === '*') {
      i += 2;
      continue;
    }
    if (seenPattern) suffix += c;
    else prefix += c;
    i++;
  }
  let x = Math.abs(n);
  if (sec.replace(/"[^"]*"/g, '').includes('%')) x *= 100;
  const [ip, dp = ''] = pattern.split('.');
  const decimals = dp.replace(/[^0#?]/g, '').length;
  const minDec = dp.replace(/[^0]/g, '').length;
  const grouping = ip.includes(',');
  let str = x.toFixed(decimals);
  let [intPart, decPart = ''] = str.split('.');
  if (decPart && minDec < decimals) decPart = decPart.replace(/0+$/, '').padEnd(minDec, '0');
  const minInt = ip.replace(/[^0]/g, '').length;
  if (intPart === '0' && minInt === 0) intPart = '';
  if (intPart.length < minInt) intPart = intPart.padStart(minInt, '0');
  if (grouping) intPart = groupInt(intPart, group);
  str = intPart + (decPart ? decimal + decPart : '');
  return (neg && Number(str.replace(/\D/g, '')) !== 0 ? '-' : '') + prefix + str + suffix;
}

function splitSections(nf: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const c of nf) {
    if (c === '"') q = !q;
    if (c === ';' && !q) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The value a script reads back (getValues): dates for date cells and numbers in date formats. */
export function readValue(v: Val | undefined, nf: string | undefined, tz: string): string | number | boolean | Date {
  if (v === undefined) return '';
  if (isDateVal(v)) return new Date(v.d);
  if (typeof v === 'number' && nf && nf !== '@' && isDateFormat(nf)) return new Date(serialToMs(v, tz));
  return v;
}

/** What the cell shows (getDisplayValues). */
export function displayValue(cell: CellState | null | undefined, value: string | number | boolean | Date, locale: string, tz: string): string {
  const nf = cell?.nf;
  if (value === '') return '';
  if (value instanceof Date) {
    const ms = value.getTime();
    if (nf && nf !== '@' && isDateFormat(nf)) return formatSheetsDate(ms, tz, nf);
    const z = zoned(ms, tz);
    const dayFirst = seps(locale).dayFirst;
    const datePart = dayFirst ? `${String(z.d).padStart(2, '0')}/${String(z.M).padStart(2, '0')}/${z.y}` : `${z.M}/${z.d}/${z.y}`;
    if (z.H === 0 && z.m === 0 && z.s === 0) return datePart;
    return `${datePart} ${String(z.H).padStart(2, '0')}:${String(z.m).padStart(2, '0')}:${String(z.s).padStart(2, '0')}`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!nf || nf === '@' || /^general$/i.test(nf)) return defaultNumber(value, locale);
    return formatNumber(value, nf, locale);
  }
  return value;
}

// ---------- A1 notation ----------

export function colToLetters(c: number): string {
  let s = '';
  while (c > 0) {
    const r = (c - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

export function lettersToCol(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface A1 {
  sheet: string | null;
  row: number;
  col: number;
  numRows: number | null; // null = to the end of the sheet
  numCols: number | null;
}

/** Parses 'A1', 'A1:C3', 'A:A', '1:3', 'A2:C', "'My sheet'!B2:D". */
export function parseA1(input: string): A1 | null {
  let s = input.trim();
  let sheet: string | null = null;
  const bang = s.lastIndexOf('!');
  if (bang >= 0) {
    sheet = s.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    s = s.slice(bang + 1);
  }
  s = s.replace(/\$/g, '').toUpperCase();
  const ref = /^([A-Z]*)(\d*)$/;
  const [a, b] = s.split(':');
  const ma = ref.exec(a);
  if (!ma || (ma[1] === '' && ma[2] === '')) return null;
  const mb = b === undefined ? ma : ref.exec(b);
  if (!mb || (mb[1] === '' && mb[2] === '')) return null;
  const c1 = ma[1] ? lettersToCol(ma[1]) : 1;
  const r1 = ma[2] ? Number(ma[2]) : 1;
  if (b === undefined && (!ma[1] || !ma[2])) return null;
  const c2 = mb[1] ? lettersToCol(mb[1]) : null;
  const r2 = mb[2] ? Number(mb[2]) : null;
  const row = Math.min(r1, r2 ?? r1);
  const col = Math.min(c1, c2 ?? c1);
  return {
    sheet,
    row,
    col,
    numRows: r2 === null || !ma[2] ? null : Math.abs(r2 - r1) + 1,
    numCols: c2 === null || !ma[1] ? null : Math.abs(c2 - c1) + 1,
  };
}

export function toA1(row: number, col: number, numRows: number, numCols: number): string {
  const a = `${colToLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return a;
  return `${a}:${colToLetters(col + numCols - 1)}${row + numRows - 1}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
