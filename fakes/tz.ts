// Time-zone arithmetic (via Intl) and date formatting: Java SimpleDateFormat and Sheets number-format styles.

export interface ZParts {
  y: number;
  M: number; // 1-12
  d: number;
  H: number;
  m: number;
  s: number;
  ms: number;
  wd: number; // 0 = Sunday
}

const dtfCache = new Map<string, Intl.DateTimeFormat>();
function dtf(tz: string): Intl.DateTimeFormat {
  let f = dtfCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    dtfCache.set(tz, f);
  }
  return f;
}

const WD: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export function zoned(ms: number, tz: string): ZParts {
  const p: Record<string, string> = {};
  for (const part of dtf(tz).formatToParts(new Date(ms))) p[part.type] = part.value;
  let y = Number(p.year);
  if (p.era === 'BC') y = 1 - y;
  return { y, M: Number(p.month), d: Number(p.day), H: Number(p.hour) % 24, m: Number(p.minute), s: Number(p.second), ms: ((ms % 1000) + 1000) % 1000, wd: WD[p.weekday] ?? 0 };
}

/** Offset of tz from UTC at instant ms, in ms. */
export function tzOffset(ms: number, tz: string): number {
  const z = zoned(ms, tz);
  const asUtc = Date.UTC(z.y, z.M - 1, z.d, z.H, z.m, z.s, z.ms);
  return asUtc - ms;
}

/** Instant of a wall-clock time in tz. */
export function fromZoned(y: number, M: number, d: number, H: number, m: number, s: number, tz: string, ms = 0): number {
  const guess = Date.UTC(y, M - 1, d, H, m, s, ms);
  let t = guess - tzOffset(guess, tz);
  const o2 = tzOffset(t, tz);
  t = guess - o2;
  return t;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, w: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= w ? s : '0'.repeat(w - s.length) + s);
}

function offsetString(offMs: number, style: 'Z' | 'X' | 'XXX' | 'z'): string {
  const sign = offMs < 0 ? '-' : '+';
  const mins = Math.round(Math.abs(offMs) / 60000);
  const hh = pad(Math.floor(mins / 60), 2);
  const mm = pad(mins % 60, 2);
  if (style === 'X' && offMs === 0) return 'Z';
  if (style === 'XXX') return offMs === 0 ? 'Z' : `${sign}${hh}:${mm}`;
  if (style === 'z') return `GMT${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

/** Utilities.formatDate: Java SimpleDateFormat pattern in an IANA zone. */
export function formatJava(ms: number, tz: string, pattern: string): string {
  const z = zoned(ms, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      const j = pattern.indexOf("'", i + 1);
      if (j === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const end = j < 0 ? pattern.length : j;
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    switch (c) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(z.y % 100, 2) : pad(z.y, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[z.M - 1] : n === 3 ? MONTHS[z.M - 1].slice(0, 3) : pad(z.M, n);
        break;
      case 'd':
        out += pad(z.d, n);
        break;
      case 'H':
        out += pad(z.H, n);
        break;
      case 'k':
        out += pad(z.H === 0 ? 24 : z.H, n);
        break;
      case 'h':
        out += pad(z.H % 12 === 0 ? 12 : z.H % 12, n);
        break;
      case 'K':
        out += pad(z.H % 12, n);
        break;
      case 'm':
        out += pad(z.m, n);
        break;
      case 's':
        out += pad(z.s, n);
        break;
      case 'S':
        out += pad(z.ms, 3).slice(0, Math.max(n, 3));
        break;
      case 'E':
        out += n >= 4 ? DAYS[z.wd] : DAYS[z.wd].slice(0, 3);
        break;
      case 'u':
        out += String(z.wd === 0 ? 7 : z.wd);
        break;
      case 'a':
        out += z.H < 12 ? 'AM' : 'PM';
        break;
      case 'D': {
        const doy = Math.round((Date.UTC(z.y, z.M - 1, z.d) - Date.UTC(z.y, 0, 1)) / 86400000) + 1;
        out += pad(doy, n);
        break;
      }
      case 'Z':
        out += offsetString(tzOffset(ms, tz), 'Z');
        break;
      case 'X':
        out += offsetString(tzOffset(ms, tz), n >= 3 ? 'XXX' : 'X');
        break;
      case 'z':
        out += offsetString(tzOffset(ms, tz), 'z');
        break;
      default:
        throw new Error(`Illegal pattern character '${c}'`);
    }
  }
  return out;
}

/** Whether a Sheets number format is a date/time format (has d/m/y/h/s tokens outside quotes, no digits placeholders). */
export function isDateFormat(nf: string): boolean {
  const bare = nf.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dmyhsDMYHS]/.test(bare) && !/[0#]/.test(bare.replace(/\.0+/g, ''));
}

/** Formats an instant with a Sheets date/time number format (dd/mm/yyyy, hh:mm, mmm...). */
export function formatSheetsDate(ms: number, tz: string, nf: string): string {
  const z = zoned(ms, tz);
  // Tokenise first so "m" can be resolved to minutes when next to h or s.
  type Tok = { t: string; n: number } | { lit: string };
  const toks: Tok[] = [];
  let i = 0;
  const hasAmPm = /am\/pm|a\/p/i.test(nf);
  while (i < nf.length) {
    const c = nf[i];
    if (c === '"') {
      const j = nf.indexOf('"', i + 1);
      toks.push({ lit: nf.slice(i + 1, j < 0 ? nf.length : j) });
      i = j < 0 ? nf.length : j + 1;
      continue;
    }
    if (c === '\\') {
      toks.push({ lit: nf[i + 1] ?? '' });
      i += 2;
      continue;
    }
    if (/am\/pm/i.test(nf.slice(i, i + 5))) {
      toks.push({ lit: z.H < 12 ? 'AM' : 'PM' });
      i += 5;
      continue;
    }
    const lc = c.toLowerCase();
    if ('dmyhs'.includes(lc)) {
      let n = 1;
      while (nf[i + n]?.toLowerCase() === lc) n++;
      toks.push({ t: lc, n });
      i += n;
      continue;
    }
    if (c === '[') {
      const j = nf.indexOf(']', i);
      i = j < 0 ? nf.length : j + 1;
      continue;
    }
    toks.push({ lit: c });
    i++;
  }
  const kinds = toks.map((t) => ('t' in t ? t.t : null));
  let out = '';
  toks.forEach((t, k) => {
    if ('lit' in t) {
      out += t.lit;
      return;
    }
    let kind = t.t;
    if (kind === 'm' && t.n <= 2) {
      const prev = kinds.slice(0, k).reverse().find((q) => q !== null);
      const next = kinds.slice(k + 1).find((q) => q !== null);
      if (prev === 'h' || next === 's') kind = 'min';
    }
    switch (kind) {
      case 'd':
        out += t.n >= 4 ? DAYS[z.wd] : t.n === 3 ? DAYS[z.wd].slice(0, 3) : pad(z.d, t.n);
        break;
      case 'm':
        out += t.n >= 4 ? MONTHS[z.M - 1] : t.n === 3 ? MONTHS[z.M - 1].slice(0, 3) : pad(z.M, t.n);
        break;
      case 'min':
        out += pad(z.m, t.n);
        break;
      case 'y':
        out += t.n <= 2 ? pad(z.y % 100, 2) : String(z.y);
        break;
      case 'h':
        out += pad(hasAmPm ? (z.H % 12 === 0 ? 12 : z.H % 12) : z.H, t.n);
        break;
      case 's':
        out += pad(z.s, t.n);
        break;
    }
  });
  return out;
}

/** Spreadsheet serial number (days since 1899-12-30 in the sheet's zone) <-> instant. */
export function serialToMs(serial: number, tz: string): number {
  const days = Math.floor(serial);
  const frac = serial - days;
  const base = Date.UTC(1899, 11, 30) + days * 86400000;
  const d = new Date(base);
  const secs = Math.round(frac * 86400);
  return fromZoned(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), Math.floor(secs / 3600), Math.floor((secs % 3600) / 60), secs % 60, tz);
}
