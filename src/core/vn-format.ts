// Vietnamese number, money, date and document-number formatting (ND30 conventions), plus HTML escaping.
import type { IsoDate } from './types';

/** ND30 Phụ lục III abbreviations of the document types the add-on issues or cites. */
export const DOC_TYPES = {
  BC: 'Báo cáo',
  KH: 'Kế hoạch',
  TTr: 'Tờ trình',
  QĐ: 'Quyết định',
  CTr: 'Chương trình',
  TB: 'Thông báo',
  BB: 'Biên bản',
  ĐA: 'Đề án',
  GM: 'Giấy mời',
} as const;
export type DocTypeAbbr = keyof typeof DOC_TYPES;

/** Vietnam's only time zone; the default wherever a zone is needed. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * `1250000` → `1.250.000`; `-1250000` → `-1.250.000`; fractions keep at most 2 decimals after a comma
 * (`2.5` → `2,5`), since quantities are not always whole.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const neg = n < 0;
  const rounded = Math.round(Math.abs(n) * 100) / 100;
  const whole = Math.floor(rounded);
  const cents = Math.round((rounded - whole) * 100);
  let s = groupThousands(String(whole));
  if (cents) s += ',' + String(cents).padStart(2, '0').replace(/0$/, '');
  return neg && (whole || cents) ? '-' + s : s;
}

/** `1250000` → `1.250.000 đ` (whole VND). */
export function formatMoney(n: number): string {
  if (!Number.isFinite(n)) return '';
  return formatNumber(Math.round(n)) + ' đ';
}

/**
 * Reads an amount typed by staff: `1.250.000`, `1250000`, `1.250.000 đ`, ` 1 250 000 `, `1.250.000 đồng`.
 * Anything that could be a decimal (`1,5`, `1.25`) or is not a non-negative whole amount gives null,
 * because guessing wrong on money is worse than asking again.
 */
export function parseMoney(s: string): number | null {
  if (typeof s !== 'string') return null;
  let t = s.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  t = t.replace(/\s*(đồng|đ|vnđ|vnd)$/i, '').trim();
  if (!t) return null;
  let digits: string;
  if (/^\d+$/.test(t)) digits = t;
  else if (/^\d{1,3}(\.\d{3})+$/.test(t)) digits = t.replace(/\./g, '');
  else if (/^\d{1,3}( \d{3})+$/.test(t)) digits = t.replace(/ /g, '');
  else return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

/** `18.75` → `18,75`; `100` → `100`; at most 2 decimals, comma as the decimal mark. */
export function formatPercent(n: number): string {
  return formatNumber(n);
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isValidIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  return !!m && validYmd(+m[1], +m[2], +m[3]);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `2024-01-05` → `05/01/2024`; '' when the input is not a valid ISO date. */
export function isoToVn(iso: IsoDate): string {
  if (!isValidIsoDate(iso)) return '';
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** `5/1/2024` or `05/01/2024` → `2024-01-05`; null when it is not a real date in dd/mm/yyyy order. */
export function vnToIso(s: string): IsoDate | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  if (!m) return null;
  const d = +m[1];
  const mo = +m[2];
  const y = +m[3];
  if (!validYmd(y, mo, d)) return null;
  return `${m[3]}-${pad2(mo)}-${pad2(d)}`;
}

/** ND30 date parts: day < 10 and months 1–2 take a leading zero, other months do not. */
export function ndDateParts(iso: IsoDate): { day: string; month: string; year: string } {
  const d = +iso.slice(8, 10);
  const m = +iso.slice(5, 7);
  return { day: pad2(d), month: m <= 2 ? pad2(m) : String(m), year: iso.slice(0, 4) };
}

/** `ngày 05 tháng 01 năm 2024` (no place). */
export function ndDate(iso: IsoDate): string {
  const p = ndDateParts(iso);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** The địa danh line of ô 4: `Bắc Giang, ngày 05 tháng 01 năm 2024`. */
export function ndDateLine(place: string, iso: IsoDate): string {
  const where = (place || '').trim();
  if (!where) {
    const s = ndDate(iso);
    return s.charAt(0).toUpperCase() + s.slice(1);
  }
  return `${where}, ${ndDate(iso)}`;
}

/**
 * The số, ký hiệu of ô 3 without `Số: `: `05/BC-LHH`. A null number leaves three spaces before the
 * slash so the văn thư can write the number in by hand, as on paper drafts.
 */
export function docNumber(n: number | null, typeAbbr: string, orgCode: string): string {
  const num = n === null || n === undefined ? '   ' : n < 10 ? pad2(n) : String(n);
  const code = (orgCode || '').trim();
  return `${num}/${typeAbbr}${code ? '-' + code : ''}`;
}

// One formatter per zone, made on first use: building one costs far more than using it.
const tzFormats = new Map<string, Intl.DateTimeFormat>();
function partsInTz(date: Date, timeZone: string): Record<string, string> {
  let fmt = tzFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    tzFormats.set(timeZone, fmt);
  }
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(date)) out[p.type] = p.value;
  // Some engines still print midnight as 24 despite h23.
  if (out.hour === '24') out.hour = '00';
  return out;
}

/** The calendar date of an instant in a zone: `YYYY-MM-DD`. */
export function toIsoInTz(date: Date, timeZone: string = VN_TIME_ZONE): IsoDate {
  const p = partsInTz(date, timeZone);
  return `${p.year.padStart(4, '0')}-${p.month}-${p.day}`;
}

/** `dd/mm/yyyy HH:mm` of an instant in a zone. */
export function formatDateTimeVn(date: Date, timeZone: string = VN_TIME_ZONE): string {
  const p = partsInTz(date, timeZone);
  return `${p.day}/${p.month}/${p.year.padStart(4, '0')} ${p.hour}:${p.minute}`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: unknown): string {
  return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Upper-cases Vietnamese text for ND30 capitalised elements, keeping NFC. */
export function upperVn(s: string): string {
  return (s || '').normalize('NFC').toUpperCase().normalize('NFC');
}
