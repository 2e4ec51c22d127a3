// Runs a built sidebar in headless Chromium with a google.script.run stand-in that forwards to a server in Node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..');
export const BUILD = join(ROOT, 'build');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** Runs one server function with JSON arguments; may return a promise. Throwing is a server exception. */
export type ServerRunner = (fn: string, args: unknown[]) => unknown;

export interface ServerCall {
  fn: string;
  args: unknown[];
}

export interface SidebarSession {
  page: Page;
  /** Every call the page made through google.script.run that Google would have accepted, in order. */
  calls: ServerCall[];
  /** Calls refused in the page for what Google refuses (Date, function, DOM node arguments). */
  refused: { fn: string; path: string }[];
  /** Results Google could not have returned (a Date inside): the page got null, as on Google. */
  badResults: { fn: string; path: string }[];
  /** Uncaught errors and console errors of the page. */
  pageErrors: string[];
  /** Most calls in flight at once (Google allows 10). */
  maxInFlight(): number;
  /** Holds every later call until release(): to see the page while a call is in flight. */
  hold(): void;
  release(): void;
  /** Resolves when no call is in flight. */
  idle(): Promise<void>;
  /** Resolves once the page is no longer busy (the sidebars mark body[aria-busy] during calls) and no call is in flight. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Debian's Chromium; CHROMIUM_PATH overrides it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Path of the first value google.script.run cannot carry (Date, function, class instance), or null. */
export function illegalPath(v: unknown, path = 'value'): string | null {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'string' || t === 'boolean') return null;
  if (t === 'number') return Number.isFinite(v) ? null : path;
  if (t !== 'object') return path;
  const tag = Object.prototype.toString.call(v);
  if (tag === '[object Array]') {
    const a = v as unknown[];
    for (let i = 0; i < a.length; i++) {
      const p = illegalPath(a[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (tag !== '[object Object]') return path;
  // Objects from another realm (the vm sandbox of the bundle) have another Object.prototype: accept any plain-looking object.
  const proto = Object.getPrototypeOf(v);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return path;
  for (const k of Object.keys(v as object)) {
    const p = illegalPath((v as Record<string, unknown>)[k], `${path}.${k}`);
    if (p) return p;
  }
  return null;
}

/**
 * The page side of the stand-in. Like Google's: `google.script.run` and every with…Handler give a
 * runner, any other property is a server function; arguments are checked before anything leaves
 * (a Date, function or DOM node throws "Failed due to illegal value in property: …" synchronously);
 * handlers run asynchronously with the user object as second argument.
 */
function pageBridge(): void {
  type Handler = ((v: unknown, u?: unknown) => void) | null;
  const w = window as unknown as {
    google: unknown;
    __gasCall(fn: string, argsJson: string): Promise<string>;
    __gasRefused(fn: string, path: string): Promise<void>;
  };
  function illegal(v: unknown, path: string): string | null {
    if (v === null || v === undefined) return null;
    const t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') return null;
    if (t !== 'object') return path;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const p = illegal(v[i], `${path}.${i}`);
        if (p) return p;
      }
      return null;
    }
    // A <form> is the one non-plain object Google accepts; the sidebars never send one.
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return path;
    for (const k of Object.keys(v as object)) {
      const p = illegal((v as Record<string, unknown>)[k], `${path}.${k}`);
      if (p) return p;
    }
    return null;
  }
  function runner(success: Handler, failure: Handler, user: unknown): unknown {
    return new Proxy(
      {},
      {
        get(_t, name) {
          if (name === 'withSuccessHandler') return (f: Handler) => runner(f, failure, user);
          if (name === 'withFailureHandler') return (f: Handler) => runner(success, f, user);
          if (name === 'withUserObject') return (u: unknown) => runner(success, failure, u);
          if (typeof name !== 'string' || name === 'then' || name === 'toJSON') return undefined;
          return (...args: unknown[]) => {
            for (let i = 0; i < args.length; i++) {
              const where = illegal(args[i], String(i));
              if (where !== null) {
                void w.__gasRefused(name, where);
                throw new Error(`Failed due to illegal value in property: ${where}`);
              }
            }
            w.__gasCall(name, JSON.stringify(args)).then(
              (text) => {
                const r = JSON.parse(text) as { ok: boolean; value?: unknown; message?: string; name?: string };
                if (r.ok) {
                  if (success) success(r.value === undefined ? null : r.value, user);
                } else if (failure) {
                  const e = new Error(r.message);
                  e.name = r.name || 'ScriptError';
                  failure(e, user);
                }
              },
              (e: unknown) => {
                if (failure) failure(e instanceof Error ? e : new Error(String(e)), user);
              },
            );
          };
        },
      },
    );
  }
  w.google = {
    script: {
      run: runner(null, null, undefined),
      host: { close() {}, setHeight() {}, setWidth() {}, editor: { focus() {} }, origin: location.origin },
    },
  };
}

export interface OpenOptions {
  /** Sidebar viewport; Google's sidebar is 300 px wide. */
  width?: number;
  height?: number;
  /** Added to every server call, to make in-flight states observable. */
  latencyMs?: number;
}

/** The origin sidebars are served from: an https origin like Google's, with all other traffic blocked. */
export const SIDEBAR_ORIGIN = 'https://sidebar.lhh.test';

/**
 * Opens `build/<name>.html` (or any built HTML file path) in a new page whose google.script.run
 * forwards to `server`.
 */
export async function openSidebar(browser: Browser, name: string, server: ServerRunner, opts: OpenOptions = {}): Promise<SidebarSession> {
  const file = name.endsWith('.html') ? name : join(BUILD, `${name}.html`);
  const html = readFileSync(file, 'utf8');
  const context = await browser.newContext({ viewport: { width: opts.width ?? 300, height: opts.height ?? 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const calls: ServerCall[] = [];
  const refused: { fn: string; path: string }[] = [];
  const badResults: { fn: string; path: string }[] = [];
  const pageErrors: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let gate: Promise<void> | null = null;
  let openGate: (() => void) | null = null;
  let idleWaiters: (() => void)[] = [];

  page.on('pageerror', (e) => pageErrors.push(String(e && e.message)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${SIDEBAR_ORIGIN}/`)) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    return route.abort();
  });
  await page.exposeFunction('__gasRefused', (fn: string, path: string) => {
    refused.push({ fn, path });
  });
  await page.exposeFunction('__gasCall', async (fn: string, argsJson: string) => {
    const args = JSON.parse(argsJson) as unknown[];
    calls.push({ fn, args });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (gate) await gate;
      if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
      let value: unknown;
      try {
        value = await server(fn, args);
      } catch (e) {
        const err = e as { name?: string; message?: string };
        return JSON.stringify({ ok: false, name: err?.name || 'Error', message: String(err?.message ?? e) });
      }
      const bad = illegalPath(value);
      if (bad) {
        // Google gives the success handler null when the result holds a Date.
        badResults.push({ fn, path: bad });
        return JSON.stringify({ ok: true, value: null });
      }
      return JSON.stringify({ ok: true, value });
    } finally {
      inFlight--;
      if (inFlight === 0) {
        const w = idleWaiters;
        idleWaiters = [];
        for (const f of w) f();
      }
    }
  });
  await page.addInitScript(pageBridge);
  await page.goto(`${SIDEBAR_ORIGIN}/${name.replace(/^.*\//, '')}`);
  return {
    page,
    calls,
    refused,
    badResults,
    pageErrors,
    maxInFlight: () => maxInFlight,
    hold() {
      if (!gate) gate = new Promise((r) => (openGate = r));
    },
    release() {
      if (openGate) openGate();
      gate = null;
      openGate = null;
    },
    idle() {
      return inFlight === 0 ? Promise.resolve() : new Promise((r) => idleWaiters.push(r));
    },
    async settle() {
      await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
      if (inFlight) await new Promise<void>((r) => idleWaiters.push(r));
    },
    close: () => context.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// The server: build/Code.js on the in-memory Google services (fakes/index.ts, fakes/harness.ts).

/** What this harness needs of the fakes; matches fakes/index.ts and fakes/harness.ts. */
export interface FakeGoogleApi {
  createGoogle(opts?: Record<string, unknown>): unknown;
  runEntry(google: unknown, code: string, fn: string, args: unknown[], ctx?: Record<string, unknown>): unknown;
}

/**
 * Loads the fakes, or null while they are still being written. Loaded by path, not imported, so
 * this file type-checks and the browser tests report "skipped" instead of failing to compile.
 * Until fakes/harness.ts exists, runEntry is the stand-in below.
 */
export function loadFakes(): FakeGoogleApi | null {
  const load = (name: string): Partial<FakeGoogleApi> | null => {
    try {
      return require(join(ROOT, 'fakes', name)) as Partial<FakeGoogleApi>;
    } catch (e) {
      if ((e as { code?: string }).code === 'MODULE_NOT_FOUND' && String((e as Error).message).includes(name)) return null;
      throw e;
    }
  };
  const index = load('index');
  if (!index || typeof index.createGoogle !== 'function') return null;
  const harness = load('harness');
  // SIDEBAR_RUN_ENTRY=interim forces the stand-in (to tell a sidebar bug from a harness one).
  const useHarness = harness && typeof harness.runEntry === 'function' && process.env.SIDEBAR_RUN_ENTRY !== 'interim';
  const runEntry = useHarness ? (harness.runEntry as FakeGoogleApi['runEntry']) : interimRunEntry;
  return { createGoogle: index.createGoogle, runEntry };
}

interface ExecutionLike {
  globals: Record<string, unknown>;
  setRealm(realm: Record<string, unknown>): void;
  end(): void;
}

/**
 * Stand-in for fakes/harness.ts runEntry: one execution, the bundle evaluated in a fresh vm context
 * whose globals are the fakes (as Apps Script re-evaluates the project on every run), the function
 * called with arguments made in that realm.
 */
export function interimRunEntry(google: unknown, code: string, fn: string, args: unknown[], ctx: Record<string, unknown> = {}): unknown {
  const x = (google as { newExecution(ctx: Record<string, unknown>): ExecutionLike }).newExecution(ctx);
  try {
    const sandbox = vm.createContext({ ...x.globals });
    x.setRealm(vm.runInContext('({ Date: Date, Array: Array, Error: Error, Object: Object })', sandbox) as Record<string, unknown>);
    vm.runInContext(code, sandbox, { filename: 'Code.js' });
    const f = (sandbox as Record<string, unknown>)[fn];
    if (typeof f !== 'function') throw new Error(`Script function not found: ${fn}`);
    const realmArgs = (vm.runInContext('JSON.parse', sandbox) as (s: string) => unknown[])(JSON.stringify(args));
    return (f as (...a: unknown[]) => unknown)(...realmArgs);
  } finally {
    x.end();
  }
}

export interface BundleServer<G = unknown> {
  google: G;
  code: string;
  /** Runs a sidebar call ({ kind: 'sidebar' }), as google.script.run would. */
  run: ServerRunner;
  /** Runs a menu item ({ kind: 'menu' }). */
  menu(fn: string, args?: unknown[]): unknown;
}

/** A fresh in-memory workbook served by the real bundle; setupWorkbook has run (the 2024 QĐ 1731 plan). */
export async function bundleServer<G = unknown>(fakes: FakeGoogleApi, googleOpts: Record<string, unknown> = {}): Promise<BundleServer<G>> {
  const code = readFileSync(join(BUILD, 'Code.js'), 'utf8');
  const google = fakes.createGoogle(googleOpts) as G;
  const run: ServerRunner = (fn, args) => fakes.runEntry(google, code, fn, args, { kind: 'sidebar' });
  const menu = (fn: string, args: unknown[] = []) => fakes.runEntry(google, code, fn, args, { kind: 'menu' });
  const setup = (await menu('setupWorkbook', [])) as { ok?: boolean; message?: string };
  if (!setup || setup.ok !== true) throw new Error(`setupWorkbook failed: ${JSON.stringify(setup)}`);
  return { google, code, run, menu };
}

/** Rows of a sheet of the container spreadsheet as header → value objects (what a user sees in it). */
export function sheetRecords(google: { activeSpreadsheetId: string | null; sheetValues(id: string, sheet: string): unknown[][] }, sheet: string): Record<string, unknown>[] {
  const [header, ...rows] = google.sheetValues(google.activeSpreadsheetId as string, sheet);
  return rows
    .filter((r) => r.some((v) => v !== '' && v !== null))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}
