// Session, Logger, console and Utilities fakes.

import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Fake, bytesFrom, gasError, isDateLike, toSigned } from './core';
import { BlobF } from './blob';
import { formatJava } from './tz';

const enumOf = (...keys: string[]) => Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as Record<string, string>);

export class UserF extends Fake {
  static override KEY = 'Session.User';
  constructor(
    x: import('./core').Exec,
    readonly _email: string,
  ) {
    super(x);
  }
  getEmail(): string {
    return this._email;
  }
  override toString(): string {
    return this._email;
  }
}

export class SessionF extends Fake {
  static override KEY = 'Session';
  getActiveUser(): UserF {
    // Simple triggers do not know who is at the keyboard.
    return new UserF(this._x, this._x.kind === 'simpleTrigger' ? '' : this._x.user);
  }
  getEffectiveUser(): UserF {
    return new UserF(this._x, this._x.kind === 'simpleTrigger' ? '' : this._x.user);
  }
  getScriptTimeZone(): string {
    return this._x.g.timeZone;
  }
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`key:${this._x.user}`).digest('base64url').slice(0, 43);
  }
  getActiveUserLocale(): string {
    return this._x.g.locale.split('_')[0];
  }
}

function fmt(args: unknown[]): string {
  if (typeof args[0] === 'string' && args.length > 1 && /%[sdifo]/.test(args[0])) {
    let i = 1;
    return args[0].replace(/%[sdifo]/g, () => show(args[i++]));
  }
  return args.map(show).join(' ');
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isDateLike(v)) return v.toString();
  if (v instanceof Error || (v && typeof v === 'object' && 'stack' in v && 'message' in v)) return `${(v as Error).name}: ${(v as Error).message}`;
  try {
    return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  } catch {
    return String(v);
  }
}

export class LoggerF extends Fake {
  static override KEY = 'Logger';
  log(...args: unknown[]): this {
    this._x.g.log(this._x, 'log', fmt(args));
    return this;
  }
  getLog(): string {
    return this._x.logs.map((l) => l.message).join('\n');
  }
  clear(): void {
    this._x.logs.length = 0;
  }
}

export class ConsoleF extends Fake {
  static override KEY = 'console';
  log(...a: unknown[]): void {
    this._x.g.log(this._x, 'log', fmt(a));
  }
  info(...a: unknown[]): void {
    this._x.g.log(this._x, 'info', fmt(a));
  }
  warn(...a: unknown[]): void {
    this._x.g.log(this._x, 'warn', fmt(a));
  }
  error(...a: unknown[]): void {
    this._x.g.log(this._x, 'error', fmt(a));
  }
  time(): void {}
  timeEnd(): void {}
}

export const Charset = enumOf('US_ASCII', 'UTF_8');
export const DigestAlgorithm = enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');
export const MacAlgorithm = enumOf('HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512');

const NODE_DIGEST: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

export class UtilitiesF extends Fake {
  static override KEY = 'Utilities';
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  formatDate(date: Date, tz: string, pattern: string): string {
    if (!isDateLike(date)) throw gasError(this._x, 'The parameters (String,String,String) don\'t match the method signature for Utilities.formatDate.');
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
    } catch {
      tz = 'GMT';
    }
    try {
      return formatJava(date.getTime(), tz, pattern);
    } catch (e) {
      throw gasError(this._x, (e as Error).message);
    }
  }
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return template.replace(/%(-?\d*)(?:\.(\d+))?([sdfx%])/g, (_m, w: string, p: string, c: string) => {
      if (c === '%') return '%';
      const v = args[i++];
      let s = c === 'd' ? String(Math.trunc(Number(v))) : c === 'f' ? Number(v).toFixed(p ? Number(p) : 6) : c === 'x' ? Math.trunc(Number(v)).toString(16) : String(v);
      const width = Math.abs(Number(w || 0));
      if (s.length < width) s = w.startsWith('-') ? s.padEnd(width) : s.padStart(width);
      return s;
    });
  }
  sleep(ms: number): void {
    // Never block: move the simulated clock instead.
    this._x.g.clock.advance(Math.max(0, Number(ms) || 0));
  }
  getUuid(): string {
    return randomUUID();
  }
  newBlob(data: unknown, contentType?: string, name?: string): BlobF {
    return new BlobF(this._x, bytesFrom(data ?? ''), contentType ?? null, name ?? null);
  }
  base64Encode(data: unknown): string {
    return Buffer.from(bytesFrom(data)).toString('base64');
  }
  base64EncodeWebSafe(data: unknown): string {
    return Buffer.from(bytesFrom(data)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(s: string): number[] {
    return toSigned(new Uint8Array(Buffer.from(String(s), 'base64')));
  }
  base64DecodeWebSafe(s: string): number[] {
    return toSigned(new Uint8Array(Buffer.from(String(s).replace(/-/g, '+').replace(/_/g, '/'), 'base64')));
  }
  computeDigest(alg: string, value: unknown): number[] {
    const a = NODE_DIGEST[alg];
    if (!a) throw gasError(this._x, `Unsupported digest algorithm: ${alg}`);
    return toSigned(new Uint8Array(createHash(a).update(bytesFrom(value)).digest()));
  }
  computeHmacSha256Signature(value: unknown, key: unknown): number[] {
    return toSigned(new Uint8Array(createHmac('sha256', bytesFrom(key)).update(bytesFrom(value)).digest()));
  }
  computeHmacSignature(alg: string, value: unknown, key: unknown): number[] {
    const a = NODE_DIGEST[alg.replace(/^HMAC_/, '')];
    if (!a) throw gasError(this._x, `Unsupported MAC algorithm: ${alg}`);
    return toSigned(new Uint8Array(createHmac(a, bytesFrom(key)).update(bytesFrom(value)).digest()));
  }
  parseCsv(csv: string, delimiter = ','): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let q = false;
    for (let i = 0; i < csv.length; i++) {
      const c = csv[i];
      if (q) {
        if (c === '"' && csv[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') q = false;
        else cell += c;
      } else if (c === '"') q = true;
      else if (c === delimiter) {
        row.push(cell);
        cell = '';
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && csv[i + 1] === '\n') i++;
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
      } else cell += c;
    }
    if (cell || row.length) {
      row.push(cell);
      rows.push(row);
    }
    return rows;
  }
}
