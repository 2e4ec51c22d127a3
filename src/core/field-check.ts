// Small field checkers shared by the registers (associations, experts, dossiers): one coded problem per field.
import { AppError, setOwn, type ErrorCode, type FieldProblem } from './errors';
import { isValidIso, dmyToIso } from './cells';
import { isEmail } from './settings';

// C0/C1 control characters except tab and newlines: they corrupt cells and documents.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export type Problems = Record<string, FieldProblem>;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.prototype.toString.call(v) === '[object Object]';
}

/**
 * Reads a sidebar payload field by field. Each getter records at most one problem per field and
 * returns a clean value (NFC, trimmed); `done()` throws when anything was wrong, so nothing is written.
 */
export class FieldReader {
  readonly problems: Problems = {};
  private readonly src: Record<string, unknown>;

  constructor(input: unknown, allowed: readonly string[], firstField: string) {
    if (!isPlainObject(input)) {
      this.src = {};
      this.problems[firstField] = { code: 'required' };
      return;
    }
    this.src = input;
    for (const k of Object.keys(input)) if (!allowed.includes(k)) setOwn<FieldProblem>(this.problems, k, { code: 'unknownField', params: { value: k.slice(0, 40) } });
  }

  private fail(key: string, code: ErrorCode, params: Record<string, string | number> = {}): void {
    if (!this.problems[key]) this.problems[key] = { code, params };
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.src, key);
  }

  text(key: string, max: number, required = false): string {
    const v = this.src[key];
    if (v === undefined || v === null) {
      if (required) this.fail(key, 'required');
      return '';
    }
    if (typeof v !== 'string' && typeof v !== 'number') {
      this.fail(key, 'invalidType');
      return '';
    }
    const s = String(v).normalize('NFC').trim();
    if (s.length > max) this.fail(key, 'tooLong', { max });
    else if (CONTROL.test(s)) this.fail(key, 'controlChars');
    else if (required && !s) this.fail(key, 'required');
    return s;
  }

  choice<T extends string>(key: string, choices: readonly T[], required = false): T | '' {
    const s = this.text(key, 80, required);
    if (!s) return '';
    const hit = choices.find((c) => c.toLowerCase() === s.toLowerCase());
    if (!hit) this.fail(key, 'invalidChoice', { choices: choices.join(', ') });
    return hit || '';
  }

  /** Several values from an array or a text separated by ";" or ",". */
  list(key: string, maxItems: number, maxLen: number): string[] {
    const v = this.src[key];
    if (v === undefined || v === null || v === '') return [];
    const raw = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[;,\n]/) : null;
    if (!raw || raw.some((x) => typeof x !== 'string')) {
      this.fail(key, 'invalidType');
      return [];
    }
    const items = (raw as string[]).map((x) => x.normalize('NFC').trim()).filter(Boolean);
    const out = items.filter((x, i) => items.findIndex((y) => y.toLowerCase() === x.toLowerCase()) === i);
    if (out.length > maxItems || out.some((x) => x.length > maxLen)) this.fail(key, 'tooLong', { max: maxLen });
    else if (out.some((x) => CONTROL.test(x))) this.fail(key, 'controlChars');
    return out;
  }

  date(key: string, required = false): string {
    const s = this.text(key, 20, required);
    if (!s) return '';
    const iso = isValidIso(s) ? s : dmyToIso(s);
    if (!iso) {
      this.fail(key, 'invalidDate');
      return '';
    }
    return iso;
  }

  email(key: string, required = false): string {
    const s = this.text(key, 200, required).toLowerCase();
    if (s && !isEmail(s)) this.fail(key, 'invalidEmail', { value: s.slice(0, 60) });
    return s;
  }

  phone(key: string): string {
    const s = this.text(key, 40);
    if (s && !/^\+?[0-9][0-9 .()-]{5,}$/.test(s)) this.fail(key, 'invalidPhone');
    return s;
  }

  int(key: string, min: number, max: number): number | null {
    const v = this.src[key];
    if (v === undefined || v === null || v === '') return null;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,3}(\.\d{3})*\s*$|^\s*\d+\s*$/.test(v) ? Number(v.replace(/[.\s]/g, '')) : NaN;
    if (!Number.isInteger(n)) this.fail(key, 'notInteger');
    else if (n < min) this.fail(key, min > 0 ? 'notPositive' : 'negative');
    else if (n > max) this.fail(key, 'tooLarge', { max });
    else return n;
    return null;
  }

  bool(key: string): boolean {
    const v = this.src[key];
    if (v === undefined || v === null || v === '') return false;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(có|co|x|yes|true|1|đồng ý|dong y)$/i.test(v.normalize('NFC').trim())) return true;
    if (typeof v === 'string' && /^(không|khong|no|false|0)$/i.test(v.normalize('NFC').trim())) return false;
    this.fail(key, 'invalidType');
    return false;
  }

  /** A problem found by a rule beyond the field's own shape (unknown code, conflicting dates). */
  add(key: string, code: ErrorCode, params: Record<string, string | number> = {}): void {
    this.fail(key, code, params);
  }

  ok(): boolean {
    return Object.keys(this.problems).length === 0;
  }

  done(): void {
    if (!this.ok()) throw new AppError('invalidInput', {}, this.problems);
  }
}

/** Next code of the form CG-0007 (or TVPB-2024-001 with a year part) given the codes in use. */
export function nextCode(prefix: string, codes: readonly string[], width: number): string {
  const re = new RegExp(`^${prefix.replace(/[-]/g, '\\-')}-(\\d+)$`);
  let max = 0;
  for (const c of codes) {
    const m = re.exec(c);
    if (m) max = Math.max(max, +m[1]);
  }
  return `${prefix}-${String(max + 1).padStart(width, '0')}`;
}
