// Test support: the built bundle on fresh in-memory Google services, one fresh execution per call.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createGoogle, type FakeGoogle } from '../../fakes/index';
import { runEntry } from '../../fakes/harness';
import type { ExecCtx } from '../../fakes/core';

const BUILD = join(__dirname, '..', '..', 'build');

export function bundleCode(): string {
  const p = join(BUILD, 'Code.js');
  if (!existsSync(p)) throw new Error('build/Code.js is missing: run `npm run build` (npm test does it first).');
  return readFileSync(p, 'utf8');
}

export function htmlFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ['LogSidebar', 'BudgetSidebar', 'CheckSidebar', 'ReportSidebar', 'SettingsSidebar', 'ImportDialog', 'ExpertsSidebar', 'DossierSidebar', 'FormsSidebar', 'ReviewSidebar']) {
    const p = join(BUILD, `${f}.html`);
    if (existsSync(p)) out[f] = readFileSync(p, 'utf8');
  }
  return out;
}

export const ADMIN = 'admin@lhh.example.vn';
export const STAFF = 'canbo@lhh.example.vn';

export interface World {
  google: FakeGoogle;
  code: string;
  /** A sidebar call as google.script.run makes it (JSON only), by default as the admin. */
  call: (fn: string, ...args: unknown[]) => any;
  /** The same as another user. */
  callAs: (user: string, fn: string, ...args: unknown[]) => any;
  run: (fn: string, args: unknown[], ctx?: ExecCtx) => any;
  ssId: string;
  sheet: (name: string) => unknown[][];
}

/**
 * A fresh world; `setup` runs setupWorkbook as the admin first. The clock is frozen at `now`.
 * `advancedServices` are those the manifest enables (default: Sheets and Docs, as appsscript.json).
 * `code` replaces build/Code.js (a variant bundle, test/support/variant-bundle.ts).
 */
export function world(opts: { setup?: boolean; now?: string; advancedServices?: string[]; code?: string } = {}): World {
  const google = createGoogle({ user: ADMIN, htmlFiles: htmlFiles(), ...(opts.advancedServices ? { advancedServices: opts.advancedServices } : {}) });
  google.clock.set(new Date(opts.now || '2024-07-05T09:00:00+07:00'));
  const code = opts.code || bundleCode();
  const run = (fn: string, args: unknown[], ctx?: ExecCtx) => runEntry(google, code, fn, args, ctx);
  const w: World = {
    google,
    code,
    run,
    call: (fn, ...args) => run(fn, args, { kind: 'sidebar', user: ADMIN }),
    callAs: (user, fn, ...args) => run(fn, args, { kind: 'sidebar', user }),
    ssId: google.activeSpreadsheetId as string,
    sheet: (name) => google.sheetValues(google.activeSpreadsheetId as string, name),
  };
  if (opts.setup !== false) {
    const r = w.call('setupWorkbook');
    if (!r.ok) throw new Error(`setup failed: ${r.message}`);
  }
  return w;
}

/** Every sheet's values, to prove that a call wrote nothing. */
export function snapshotSheets(w: World): string {
  return JSON.stringify(w.google.sheetNames(w.ssId).map((n) => [n, w.sheet(n)]));
}
