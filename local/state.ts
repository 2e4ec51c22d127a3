// Local run state: the built bundle on the in-memory Google services, persisted to .local/state.json between runs.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGoogle, loadGoogle, type ExecCtx, type Execution, type FakeGoogle, type LogEntry, type UiRecord } from '../fakes/index';
import { fireDueTriggers, loadBundle, runEntry } from '../fakes/harness';

export const LOCAL_USER = 'admin@lhh.example.vn';
export const ROOT = join(__dirname, '..');
export const BUILD_DIR = join(ROOT, 'build');

export interface RunError {
  name: string;
  message: string;
}

/** What one execution did, as the page needs it: value or error, plus what it showed. */
export interface RunOutcome {
  ok: boolean;
  value?: unknown;
  error?: RunError;
  ui: UiRecord;
  logs: LogEntry[];
}

export interface FiredTrigger {
  uid: string;
  handler: string;
  owner: string;
  at: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export interface StateOptions {
  stateDir: string;
  buildDir?: string;
  /** Start over (the 2024 plan) even when a saved state exists. */
  reset?: boolean;
  /** On a first run, run setupWorkbook (default true); false leaves an empty workbook to set up from the menu. */
  setup?: boolean;
  /** Simulated clock on a first run (default: today's date and time moved into the plan year, see demoStart). */
  now?: Date;
}

/** The year of the plan a new local run is set up with (the seeded 2024 plan). */
export const DEMO_PLAN_YEAR = 2024;

/**
 * Where the demo's clock starts when none is given: today's day, month and time of day (in Vietnam), in the
 * plan year. Started on the real date (2026) the 2024 plan would be two years late on every target.
 */
export function demoStart(real: Date, planYear = DEMO_PLAN_YEAR): Date {
  const VN = 7 * 3600000;
  const wall = new Date(real.getTime() + VN);
  const leapDay = wall.getUTCMonth() === 1 && wall.getUTCDate() === 29;
  // 29 February of a leap year becomes 28 February of a year that has none.
  const day = leapDay && new Date(Date.UTC(planYear, 1, 29)).getUTCMonth() !== 1 ? 28 : wall.getUTCDate();
  const moved = Date.UTC(planYear, wall.getUTCMonth(), day, wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds());
  return new Date(moved - VN);
}

function emptyUi(): UiRecord {
  return { menus: [], sidebars: [], dialogs: [], alerts: [], prompts: [], toasts: [] };
}

function errorOf(e: unknown): RunError {
  // Errors from the bundle belong to its vm realm: read them by shape, not instanceof.
  const o = e as { name?: unknown; message?: unknown } | null;
  if (o && typeof o === 'object' && 'message' in o) return { name: String(o.name ?? 'Error'), message: String(o.message) };
  return { name: 'Error', message: String(e) };
}

export class LocalState {
  google: FakeGoogle;
  readonly htmlFiles: Record<string, string> = {};
  readonly stateFile: string;
  private codeText = '';
  private codeMtime = 0;

  constructor(
    readonly opts: StateOptions,
    google?: FakeGoogle,
  ) {
    this.stateFile = join(opts.stateDir, 'state.json');
    this.refreshHtml();
    this.google = google ?? this.open();
  }

  get buildDir(): string {
    return this.opts.buildDir ?? BUILD_DIR;
  }

  /** build/Code.js, re-read when a rebuild replaced it so a running server picks up new code. */
  get code(): string {
    const p = join(this.buildDir, 'Code.js');
    // A rebuild empties build/ first: meanwhile the code already loaded keeps serving.
    const m = existsSync(p) ? statSync(p).mtimeMs : this.codeMtime;
    if (!this.codeText && !existsSync(p)) throw new Error('build/Code.js is missing: run `node scripts/build.mjs` (npm start does it).');
    if (m !== this.codeMtime) {
      this.codeText = readFileSync(p, 'utf8');
      this.codeMtime = m;
    }
    return this.codeText;
  }

  /** Sidebars are being written while the server runs: HtmlService sees whatever build/ holds now. */
  refreshHtml(): void {
    if (!existsSync(this.buildDir)) return;
    for (const f of readdirSync(this.buildDir)) {
      if (!f.endsWith('.html')) continue;
      try {
        this.htmlFiles[f.slice(0, -5)] = readFileSync(join(this.buildDir, f), 'utf8');
      } catch {
        // Removed by a rebuild between listing and reading: the previous copy stays.
      }
    }
  }

  private open(): FakeGoogle {
    const gopts = { user: LOCAL_USER, htmlFiles: this.htmlFiles };
    if (!this.opts.reset && existsSync(this.stateFile)) return loadGoogle(readFileSync(this.stateFile, 'utf8'), gopts);
    const google = createGoogle(gopts);
    this.google = google;
    // A simulated clock: it stands still until the triggers panel moves it.
    google.clock.set(this.opts.now ?? demoStart(new Date()));
    if (this.opts.setup !== false) {
      const r = this.run('setupWorkbook', [], { kind: 'menu' });
      const v = r.value as { ok?: boolean; message?: string } | undefined;
      if (!r.ok || !v || v.ok !== true) throw new Error(`setupWorkbook failed: ${r.error?.message ?? v?.message ?? JSON.stringify(v)}`);
    }
    this.save(google);
    return google;
  }

  save(google = this.google): void {
    mkdirSync(this.opts.stateDir, { recursive: true });
    const tmp = `${this.stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(google.toJSON()));
    renameSync(tmp, this.stateFile);
  }

  get spreadsheetId(): string {
    const id = this.google.activeSpreadsheetId;
    if (!id) throw new Error('No container spreadsheet');
    return id;
  }

  /** Runs `body` and returns the executions it started, so their ui records can be shown. */
  private capture<T>(body: () => T): { value: T; execs: Execution[] } {
    const g = this.google as FakeGoogle & { newExecution: FakeGoogle['newExecution'] };
    const orig = g.newExecution.bind(g);
    const execs: Execution[] = [];
    g.newExecution = (ctx?: ExecCtx) => {
      const x = orig(ctx);
      execs.push(x);
      return x;
    };
    try {
      return { value: body(), execs };
    } finally {
      delete (g as Partial<typeof g>).newExecution;
    }
  }

  private merge(execs: Execution[]): { ui: UiRecord; logs: LogEntry[] } {
    const ui = emptyUi();
    const logs: LogEntry[] = [];
    for (const x of execs) {
      for (const k of Object.keys(ui) as (keyof UiRecord)[]) (ui[k] as unknown[]).push(...(x.ui[k] as unknown[]));
      logs.push(...x.logs);
    }
    return { ui, logs };
  }

  /** One entry-point call (menu item, google.script.run, onOpen...) with what it showed. */
  run(fn: string, args: unknown[] = [], ctx: ExecCtx = { kind: 'menu' }): RunOutcome {
    this.refreshHtml();
    const code = this.code;
    let value: unknown;
    let error: RunError | undefined;
    const { execs } = this.capture(() => {
      try {
        value = runEntry(this.google, code, fn, args, { user: LOCAL_USER, ...ctx });
      } catch (e) {
        error = errorOf(e);
      }
    });
    const { ui, logs } = this.merge(execs);
    return error ? { ok: false, error, ui, logs } : { ok: true, value, ui, logs };
  }

  /** A cell typed by the user: stored as Sheets interprets typed text, then the add-on's onEdit runs as a simple trigger. */
  edit(sheetName: string, row: number, col: number, text: string): RunOutcome {
    const ssId = this.spreadsheetId;
    const google = this.google;
    const code = this.code;
    let oldValue: string | undefined;
    let error: RunError | undefined;
    const { execs } = this.capture(() => {
      const w = google.newExecution({ kind: 'local', user: LOCAL_USER });
      try {
        const sheet = google.gas(w).SpreadsheetApp.openById(ssId).getSheetByName(sheetName);
        if (!sheet) throw new Error(`Không có trang tính "${sheetName}"`);
        const range = sheet.getRange(row, col);
        const before = range.getDisplayValue();
        oldValue = before === '' ? undefined : before;
        if (text === '') range.clearContent();
        else range.setValue(text);
      } catch (e) {
        error = errorOf(e);
      } finally {
        w.end();
      }
      if (error) return;
      const x = google.newExecution({ kind: 'simpleTrigger', authMode: 'LIMITED', user: LOCAL_USER });
      try {
        const ctx = loadBundle(code, x);
        if (typeof ctx.onEdit !== 'function') return;
        const ss = google.gas(x).SpreadsheetApp.getActiveSpreadsheet();
        const sheet = ss.getSheetByName(sheetName);
        if (!sheet) return;
        const event = {
          range: sheet.getRange(row, col),
          value: text === '' ? undefined : text,
          oldValue,
          source: ss,
          authMode: 'LIMITED',
          triggerUid: '',
          user: { getEmail: () => LOCAL_USER, getNickname: () => LOCAL_USER.split('@')[0] },
        };
        ctx.onEdit(event);
      } catch (e) {
        error = errorOf(e);
      } finally {
        x.end();
      }
    });
    const { ui, logs } = this.merge(execs);
    return error ? { ok: false, error, ui, logs } : { ok: true, ui, logs };
  }

  /** Moves the simulated clock forward to `toMs`, firing the time-driven triggers due on the way. */
  advanceClock(toMs: number): { from: number; to: number; fired: FiredTrigger[]; mailsSent: number } {
    const from = this.google.clock.now();
    const to = new Date(Math.max(toMs, from.getTime()));
    const before = this.google.state.mail.outbox.length;
    if (this.google.state.clock.frozen === null) this.google.clock.set(from);
    const fired = fireDueTriggers(this.google, this.code, from, to).map((f) => ({
      uid: f.uid,
      handler: f.handler,
      owner: f.owner,
      at: f.at.getTime(),
      ok: f.error === undefined,
      result: f.result === undefined ? undefined : JSON.parse(JSON.stringify(f.result)),
      error: f.error === undefined ? undefined : errorOf(f.error).message,
    }));
    this.google.clock.set(to);
    return { from: from.getTime(), to: to.getTime(), fired, mailsSent: this.google.state.mail.outbox.length - before };
  }

  /** A document's PDF exactly as the add-on gets it: getAs('application/pdf') in a run of its own. */
  pdf(docId: string): Buffer {
    const x = this.google.newExecution({ kind: 'local', user: LOCAL_USER });
    try {
      const bytes = this.google.gas(x).DocumentApp.openById(docId).getAs('application/pdf').getBytes();
      return Buffer.from(Uint8Array.from(bytes, (n) => n & 255));
    } finally {
      x.end();
    }
  }
}
