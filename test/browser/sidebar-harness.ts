// Runs a built sidebar in headless Chromium with a google.script.run stand-in that forwards to a server in Node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createGoogle, type FakeGoogle, type GoogleOpts } from '../../fakes/index';
import { runEntry } from '../../fakes/harness';

export const ROOT = join(__dirname, '..', '..');
export const BUILD = join(ROOT, 'build');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

const built = new Map<string, string>();

/** A build output, read once per test process: the bundle is the same for every test of a run. */
export function readBuilt(file: string): string {
  let text = built.get(file);
  if (text === undefined) {
    text = readFileSync(file.includes('/') ? file : join(BUILD, file), 'utf8');
    built.set(file, text);
  }
  return text;
}

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
  /** Exceptions the server threw (the page's failure handler got them). */
  serverErrors: { fn: string; message: string }[];
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
 * The page side of the stand-in (exported for other hosts of the sidebars, e.g. the local web UI: they
 * provide `window.__gasCall(fn, argsJson) → Promise<'{"ok":true,"value":…}' | '{"ok":false,"message":…}'>`
 * and `window.__gasRefused(fn, path)`, then inject `(${pageBridge})()`). Like Google's: `google.script.run` and every with…Handler give a
 * runner, any other property is a server function; arguments are checked before anything leaves
 * (a Date, function or DOM node throws "Failed due to illegal value in property: …" synchronously);
 * handlers run asynchronously with the user object as second argument.
 */
export function pageBridge(): void {
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
  const html = readBuilt(name.endsWith('.html') ? name : `${name}.html`);
  const context = await browser.newContext({ viewport: { width: opts.width ?? 300, height: opts.height ?? 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const calls: ServerCall[] = [];
  const refused: { fn: string; path: string }[] = [];
  const badResults: { fn: string; path: string }[] = [];
  const pageErrors: string[] = [];
  const serverErrors: { fn: string; message: string }[] = [];
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
        serverErrors.push({ fn, message: String(err?.message ?? e) });
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
    serverErrors,
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
// The server: build/Code.js on the in-memory Google services.

export interface BundleServer {
  google: FakeGoogle;
  code: string;
  /** Runs a sidebar call ({ kind: 'sidebar' }: google.script.run's value rules apply), as the page's bridge does. */
  run: ServerRunner;
  /** Runs a menu item ({ kind: 'menu' }). */
  menu(fn: string, args?: unknown[]): unknown;
}

/** A fresh in-memory workbook served by the real bundle, after setupWorkbook (the 2024 plan of QĐ 1731). */
export function bundleServer(googleOpts: GoogleOpts = {}): BundleServer {
  const code = readBuilt('Code.js');
  const google = createGoogle(googleOpts);
  const run: ServerRunner = (fn, args) => runEntry(google, code, fn, args, { kind: 'sidebar' });
  const menu = (fn: string, args: unknown[] = []) => runEntry(google, code, fn, args, { kind: 'menu' });
  const setup = menu('setupWorkbook', []) as { ok?: boolean; message?: string };
  if (!setup || setup.ok !== true) throw new Error(`setupWorkbook failed: ${JSON.stringify(setup)}`);
  return { google, code, run, menu };
}

/** Rows of a sheet of the container spreadsheet as header → value objects (what a user sees in it). */
export function sheetRecords(google: FakeGoogle, sheet: string): Record<string, unknown>[] {
  const [header, ...rows] = google.sheetValues(google.activeSpreadsheetId as string, sheet);
  return rows
    .filter((r) => r.some((v) => v !== '' && v !== null))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}
