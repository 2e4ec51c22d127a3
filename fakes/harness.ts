// Runs the built bundle in a fresh vm realm per execution, like Apps Script V8: entry calls, sidebar rules, interleavings, triggers.

import vm from 'node:vm';
import { isPlainObject, type ExecCtx, type Realm } from './core';
import type { Execution, FakeGoogle } from './index';

/** Node/browser globals Apps Script does not have. */
const ABSENT = ['require', 'module', 'exports', 'process', 'global', 'Buffer', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'structuredClone', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'fetch', 'atob', 'btoa'];

// Date inside the sandbox reads the simulated clock for `new Date()` and Date.now(); all else is the realm's own Date.
const CLOCK_DATE = `(function (nowFn) {
  var D0 = globalThis.Date;
  var ClockDate = function Date() {
    if (!new.target) return new D0(nowFn()).toString();
    var args = arguments.length === 0 ? [nowFn()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(D0, args, new.target);
  };
  ClockDate.prototype = D0.prototype;
  Object.defineProperty(D0.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true, enumerable: false });
  ClockDate.now = function now() { return nowFn(); };
  ClockDate.parse = D0.parse;
  ClockDate.UTC = D0.UTC;
  globalThis.Date = ClockDate;
})`;

const realms = new WeakMap<object, Realm & { JSON: JSON }>();

/** Fresh realm with only the execution's globals; runs the bundle and returns the realm's global object. */
 
export function loadBundle(code: string, exec: Execution): Record<string, any> {
  const ctx = vm.createContext({}) as Record<string, unknown>;
  for (const k of ABSENT) delete ctx[k];
  const install = vm.runInContext(CLOCK_DATE, ctx) as (now: () => number) => void;
  install(() => exec.g.nowMs());
  for (const [k, v] of Object.entries(exec.globals)) ctx[k] = v;
  // Builtins of a vm realm are not visible as properties of the sandbox object: fetch them from inside.
  const realm = vm.runInContext('({ Date: Date, Array: Array, Error: Error, Object: Object, JSON: JSON })', ctx) as Realm & { JSON: JSON };
  exec.setRealm(realm);
  realms.set(ctx, realm);
  vm.runInContext(code, ctx, { filename: 'Code.js' });
  return ctx;
}

/** Rejects what google.script.run cannot carry: Dates, functions, class instances. */
export function assertJsonLike(v: unknown, where: string, path = '$'): void {
  if (v === null || v === undefined) return;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return;
  if (t === 'function') throw new Error(`Invalid argument: ${where} ${path} is a function (google.script.run only carries strings, numbers, booleans, null, arrays and plain objects)`);
  if (t === 'bigint' || t === 'symbol') throw new Error(`Invalid argument: ${where} ${path} is a ${t}`);
  const tag = Object.prototype.toString.call(v);
  if (tag === '[object Date]') throw new Error(`Invalid argument: ${where} ${path} is a Date (google.script.run cannot pass Date; send an ISO string)`);
  if (Array.isArray(v)) {
    v.forEach((e, i) => assertJsonLike(e, where, `${path}[${i}]`));
    return;
  }
  if (!isPlainObject(v)) throw new Error(`Invalid argument: ${where} ${path} is not a plain object (${tag})`);
  for (const [k, e] of Object.entries(v)) assertJsonLike(e, where, `${path}.${k}`);
}

function jsonCopy<T>(v: T, parse: (s: string) => unknown = JSON.parse): T {
  return v === undefined ? v : (parse(JSON.stringify(v)) as T);
}

function callIn(ctx: Record<string, unknown>, fn: string, args: unknown[], sidebar: boolean): unknown {
  const f = ctx[fn] as unknown;
  if (typeof f !== 'function') throw new Error(`Script function not found: ${fn}`);
  let a = args;
  if (sidebar) {
    assertJsonLike(args, 'argument');
    const realmJson = realms.get(ctx)?.JSON ?? JSON;
    a = jsonCopy(args, (s) => realmJson.parse(s));
  }
  const r = (f as (...a: unknown[]) => unknown)(...a);
  if (!sidebar) return r;
  assertJsonLike(r, 'return value');
  return jsonCopy(r);
}

/** One execution: newExecution + loadBundle + call + end(). Sidebar calls obey google.script.run's value rules. */
export function runEntry(google: FakeGoogle, code: string, fn: string, args: unknown[] = [], ctx?: ExecCtx): unknown {
  const exec = google.newExecution(ctx);
  try {
    return callIn(loadBundle(code, exec), fn, args, ctx?.kind === 'sidebar');
  } finally {
    exec.end();
  }
}

export interface EntryCall {
  fn: string;
  args?: unknown[];
  ctx?: ExecCtx;
}

export interface InterleaveResult {
  first: unknown;
  firstError: unknown;
  second: unknown;
  secondError: unknown;
  /** The second run met a held lock and was re-run after the first ended (it would have waited). */
  deferred: boolean;
  /** The deferred attempt changed state before meeting the lock (product bug: write before lock). */
  sideEffectsWhileWaiting: boolean;
}

function snapshot(g: FakeGoogle): string {
  const s = g.state;
  return JSON.stringify([s.spreadsheets, s.docs, s.drive, s.mail, s.properties, s.triggers]);
}

/**
 * Runs `first`; right after its nth call of `at.method`, runs `second` to completion inside that hook.
 * If `second` met lock contention it is treated as having waited: discarded and re-run once `first` ends.
 */
export function interleave(google: FakeGoogle, code: string, first: EntryCall, second: EntryCall, at: { method: string; nth?: number }): InterleaveResult {
  const nth = at.nth ?? 1;
  const res: InterleaveResult = { first: undefined, firstError: undefined, second: undefined, secondError: undefined, deferred: false, sideEffectsWhileWaiting: false };
  const runSecond = () => {
    try {
      res.second = runEntry(google, code, second.fn, second.args ?? [], second.ctx);
      res.secondError = undefined;
    } catch (e) {
      res.second = undefined;
      res.secondError = e;
    }
  };
  const e1 = google.newExecution(first.ctx);
  let seen = 0;
  let fired = false;
  const off = google.onCall(at.method, ({ execution }) => {
    if (fired || execution !== e1 || ++seen < nth) return;
    fired = true;
    const before = google.lockContentions.length;
    const snap = snapshot(google);
    runSecond();
    if (google.lockContentions.length > before) {
      res.deferred = true;
      res.sideEffectsWhileWaiting = snapshot(google) !== snap;
    }
  });
  try {
    res.first = callIn(loadBundle(code, e1), first.fn, first.args ?? [], first.ctx?.kind === 'sidebar');
  } catch (e) {
    res.firstError = e;
  } finally {
    off();
    e1.end();
  }
  if (!fired) throw new Error(`interleave: ${first.fn} never made call #${nth} of ${at.method}`);
  if (res.deferred) runSecond();
  return res;
}

/** Fires the time-driven triggers due in (from, to] as 'timeTrigger' executions of their owners, moving the clock to each. */
export function fireDueTriggers(google: FakeGoogle, code: string, from: Date, to: Date): { uid: string; handler: string; owner: string; at: Date; result?: unknown; error?: unknown }[] {
  const out: { uid: string; handler: string; owner: string; at: Date; result?: unknown; error?: unknown }[] = [];
  for (const d of google.dueTriggers(from, to)) {
    // A frozen (test) clock is moved to the firing time; a running clock is left alone.
    if (google.state.clock.frozen !== null && google.clock.now().getTime() < d.at.getTime()) google.clock.set(d.at);
    const z = d.at;
    const event = { authMode: 'FULL', triggerUid: d.uid, year: z.getUTCFullYear(), month: z.getUTCMonth() + 1, 'day-of-month': z.getUTCDate(), hour: z.getUTCHours(), minute: z.getUTCMinutes(), second: 0, timezone: 'UTC' };
    const rec: (typeof out)[number] = { uid: d.uid, handler: d.handler, owner: d.owner, at: d.at };
    try {
      rec.result = runEntry(google, code, d.handler, [event], { kind: 'timeTrigger', triggerUid: d.uid, user: d.owner });
    } catch (e) {
      rec.error = e;
    }
    out.push(rec);
  }
  return out;
}
