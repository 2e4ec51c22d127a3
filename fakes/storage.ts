// PropertiesService, CacheService and LockService fakes: stores and locks live in the shared state, across executions.

import { Fake, gasError, type CacheEntry, type Exec } from './core';

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;
const CACHE_VALUE_LIMIT = 100 * 1024;

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

// ---------- properties ----------

export class PropertiesServiceF extends Fake {
  static override KEY = 'PropertiesService';
  getScriptProperties(): PropertiesF {
    return new PropertiesF(this._x, () => this._x.g.state.properties.script);
  }
  getUserProperties(): PropertiesF {
    const st = this._x.g.state.properties.user;
    const u = this._x.user;
    return new PropertiesF(this._x, () => (st[u] ??= {}));
  }
  getDocumentProperties(): PropertiesF | null {
    const doc = this._x.docId;
    if (!doc) return null;
    const st = this._x.g.state.properties.document;
    return new PropertiesF(this._x, () => (st[doc] ??= {}));
  }
}

export class PropertiesF extends Fake {
  static override KEY = 'PropertiesService.Properties';
  constructor(
    x: Exec,
    readonly _store: () => Record<string, string>,
  ) {
    super(x);
  }
  _check(next: Record<string, string>): void {
    let total = 0;
    for (const [k, v] of Object.entries(next)) total += bytes(k) + bytes(v);
    if (total > STORE_LIMIT) throw gasError(this._x, 'You have exceeded the property storage quota. Please remove some properties and try again.');
  }
  _value(v: unknown): string {
    const s = String(v);
    if (bytes(s) > VALUE_LIMIT) throw gasError(this._x, 'Argument too large: value');
    return s;
  }
  getProperty(key: string): string | null {
    const s = this._store();
    return Object.prototype.hasOwnProperty.call(s, key) ? s[key] : null;
  }
  setProperty(key: string, value: unknown): this {
    if (key === undefined || key === null || key === '') throw gasError(this._x, 'Invalid argument: key');
    const s = this._store();
    const next = { ...s, [String(key)]: this._value(value) };
    this._check(next);
    s[String(key)] = next[String(key)];
    return this;
  }
  setProperties(props: Record<string, unknown>, deleteAllOthers = false): this {
    const s = this._store();
    const add: Record<string, string> = {};
    for (const [k, v] of Object.entries(props)) add[k] = this._value(v);
    const next = deleteAllOthers ? add : { ...s, ...add };
    this._check(next);
    if (deleteAllOthers) for (const k of Object.keys(s)) delete s[k];
    Object.assign(s, add);
    return this;
  }
  getProperties(): Record<string, string> {
    return { ...this._store() };
  }
  getKeys(): string[] {
    return Object.keys(this._store());
  }
  deleteProperty(key: string): this {
    delete this._store()[key];
    return this;
  }
  deleteAllProperties(): this {
    const s = this._store();
    for (const k of Object.keys(s)) delete s[k];
    return this;
  }
}

// ---------- cache ----------

export class CacheServiceF extends Fake {
  static override KEY = 'CacheService';
  getScriptCache(): CacheF {
    return new CacheF(this._x, () => this._x.g.state.cache.script);
  }
  getUserCache(): CacheF {
    const st = this._x.g.state.cache.user;
    const u = this._x.user;
    return new CacheF(this._x, () => (st[u] ??= {}));
  }
  getDocumentCache(): CacheF | null {
    const doc = this._x.docId;
    if (!doc) return null;
    const st = this._x.g.state.cache.document;
    return new CacheF(this._x, () => (st[doc] ??= {}));
  }
}

export class CacheF extends Fake {
  static override KEY = 'CacheService.Cache';
  constructor(
    x: Exec,
    readonly _store: () => Record<string, CacheEntry>,
  ) {
    super(x);
  }
  _live(key: string): CacheEntry | null {
    const s = this._store();
    const e = s[key];
    if (!e) return null;
    if (e.exp <= this._x.g.nowMs()) {
      delete s[key];
      return null;
    }
    return e;
  }
  _put(key: string, value: unknown, seconds?: number): void {
    if (typeof key !== 'string' || key.length === 0 || key.length > 250) throw gasError(this._x, 'Invalid argument: key');
    const v = String(value);
    if (bytes(v) > CACHE_VALUE_LIMIT) throw gasError(this._x, 'Argument too large: value');
    const secs = Math.min(Math.max(seconds ?? 600, 1), 21600);
    this._store()[key] = { v, exp: this._x.g.nowMs() + secs * 1000 };
  }
  get(key: string): string | null {
    return this._live(key)?.v ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const e = this._live(k);
      if (e) out[k] = e.v;
    }
    return out;
  }
  put(key: string, value: string, seconds?: number): void {
    this._put(key, value, seconds);
  }
  putAll(values: Record<string, string>, seconds?: number): void {
    for (const [k, v] of Object.entries(values)) this._put(k, v, seconds);
  }
  remove(key: string): void {
    delete this._store()[key];
  }
  removeAll(keys: string[]): void {
    for (const k of keys) delete this._store()[k];
  }
}

// ---------- locks ----------

export class LockServiceF extends Fake {
  static override KEY = 'LockService';
  getScriptLock(): LockF {
    return new LockF(this._x, 'script');
  }
  getUserLock(): LockF {
    return new LockF(this._x, `user:${this._x.user}`);
  }
  getDocumentLock(): LockF | null {
    // No container document in a time-driven run.
    if (this._x.kind === 'timeTrigger' || !this._x.activeSpreadsheetId) return null;
    return new LockF(this._x, `doc:${this._x.activeSpreadsheetId}`);
  }
}

export class LockF extends Fake {
  static override KEY = 'LockService.Lock';
  constructor(
    x: Exec,
    readonly _key: string,
  ) {
    super(x);
  }
  /** Takes the lock if free (or held by an execution that has ended); records contention otherwise. */
  _acquire(method: string): boolean {
    const g = this._x.g;
    const holder = g.state.locks[this._key];
    if (!holder || holder === this._x.id || !g.live.has(holder)) {
      g.state.locks[this._key] = this._x.id;
      return true;
    }
    g.lockContentions.push({ execution: this._x.id, lock: this._key, method, at: g.nowMs() });
    return false;
  }
  tryLock(ms: number): boolean {
    if (typeof ms !== 'number') throw gasError(this._x, 'Invalid argument: timeoutInMillis');
    return this._acquire('tryLock');
  }
  waitLock(ms: number): void {
    if (typeof ms !== 'number') throw gasError(this._x, 'Invalid argument: timeoutInMillis');
    if (!this._acquire('waitLock')) throw gasError(this._x, 'Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    const g = this._x.g;
    if (g.state.locks[this._key] === this._x.id) delete g.state.locks[this._key];
  }
  hasLock(): boolean {
    return this._x.g.state.locks[this._key] === this._x.id;
  }
}
