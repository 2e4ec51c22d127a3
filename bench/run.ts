// `npm run bench`: every user action on generated workbooks of 1,000, 10,000 and 50,000 events; calls, modeled Apps Script time, CPU, bundle size.
import vm from 'node:vm';
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runEntry } from '../fakes/harness';
import type { ExecCtx } from '../fakes/core';
import type { DocNode } from '../fakes/doc-model';
import { computeProgress } from '../src/core/progress';
import { summarizeBudget } from '../src/core/budget';
import { buildBudgetSubmission, buildProgressReport, summaryForEmail } from '../src/core/report-model';
import { buildDashboard } from '../src/core/dashboard-model';
import { periodFromRange } from '../src/core/period';
import { defaultSettings } from '../src/core/settings';
import { ADMIN, generateData, generateWorkbook, type BenchWorld } from './generate';
import { minimum, minimumTerms, type Blocks } from './min-calls';

const ROOT = join(__dirname, '..');
const SIZES = (process.env.BENCH_SIZES || '1000,10000,50000').split(',').map(Number);
const LATENCY = JSON.parse(readFileSync(join(__dirname, 'latency.json'), 'utf8'));

/** Goals of the issue, checked and printed at the end. */
const GOALS = { ratio: 1.5, yearlyModeledMs: 30000, cpuMs: 1000 };

/** Latency of one call key: the most specific entry of latency.json wins. */
function latencyOf(key: string): number {
  const parts = key.split('.');
  const m = LATENCY.methods;
  if (m[key]) return m[key].ms;
  // Builders and in-process classes are listed by Service.Class.
  if (parts.length === 3 && m[`${parts[0]}.${parts[1]}`]) return m[`${parts[0]}.${parts[1]}`].ms;
  if (LATENCY.services[parts[0]]) return LATENCY.services[parts[0]].ms;
  return LATENCY.default.ms;
}

interface Measure {
  calls: number;
  callsAll: number;
  byMethod: Record<string, number>;
  cells: { read: number; written: number };
  docCells: number;
  doc: Blocks | null;
  wallMs: number;
  modeledMs: number;
  ok: boolean;
  message?: string;
}

function tableCells(nodes: DocNode[]): number {
  let n = 0;
  for (const x of nodes) if (x.type === 'TABLE') n += x.rows.reduce((a, r) => a + r.cells.length, 0);
  return n;
}

function blocksOf(nodes: DocNode[], batches: number): Blocks {
  return {
    batches,
    paragraphs: nodes.filter((x) => x.type === 'PARAGRAPH' || x.type === 'LIST_ITEM').length,
    tables: nodes.filter((x) => x.type === 'TABLE').length,
    pageBreaks: nodes.filter((x) => x.type === 'PAGE_BREAK').length,
  };
}

/** Runs entries as fresh executions and diffs the call and cell counters around them. */
function measure(w: BenchWorld, runs: { fn: string; args: unknown[]; ctx: ExecCtx }[]): Measure & { results: unknown[] } {
  const g = w.google;
  const docsBefore = new Set(Object.keys(g.state.docs));
  g.resetCalls();
  const t0 = performance.now();
  const results = runs.map((r) => runEntry(g, w.code, r.fn, r.args, r.ctx));
  const wallMs = performance.now() - t0;
  const byMethod = g.calls();
  const cells = g.cells();
  const made = Object.keys(g.state.docs).filter((id) => !docsBefore.has(id));
  const body = made.flatMap((id) => g.state.docs[id].current.body);
  const docCells = tableCells(body);
  let modeled = 0;
  let calls = 0;
  let callsAll = 0;
  for (const [k, n] of Object.entries(byMethod)) {
    callsAll += n;
    const l = latencyOf(k);
    modeled += n * l;
    // In-process calls (builders, enums, Utilities) are not round trips: not counted against the minimum.
    if (l > 0) calls += n;
  }
  modeled += cells.read * LATENCY.perCell.read.ms + cells.written * LATENCY.perCell.written.ms + docCells * LATENCY.perCell.docTableCell.ms;
  const last = results[results.length - 1] as { ok?: boolean; message?: string } | undefined;
  const ok = results.every((r) => r === undefined || (r as { ok?: boolean }).ok !== false);
  return { calls, callsAll, byMethod, cells, docCells, doc: made.length ? blocksOf(body, byMethod['Docs.Documents.batchUpdate'] || 0) : null, wallMs, modeledMs: Math.round(modeled), ok, message: ok ? undefined : last?.message, results };
}

const sidebar: ExecCtx = { kind: 'sidebar', user: ADMIN };
const menu: ExecCtx = { kind: 'menu', user: ADMIN };

interface Action {
  name: string;
  runs: () => { fn: string; args: unknown[]; ctx: ExecCtx }[];
  /** Receives the first run's result (the yearly report's document is the one sendReport sends). */
  after?: (result: unknown) => void;
}

/** The user actions of the issue, in an order that gives each the state it needs. */
function actions(w: BenchWorld): Action[] {
  let yearlyDocId = '';
  let dossierCode = '';
  return [
    { name: 'onOpen', runs: () => [{ fn: 'onOpen', args: [{ authMode: 'NONE' }], ctx: { kind: 'simpleTrigger', authMode: 'NONE' } }] },
    {
      name: 'sidebarLoad',
      runs: () => [
        { fn: 'showLogSidebar', args: [], ctx: menu },
        { fn: 'getLogView', args: [], ctx: sidebar },
      ],
    },
    { name: 'logEvent', runs: () => [{ fn: 'logEvent', args: [{ targetCode: 'P2.1', date: '2024-12-20', title: 'Tư vấn, phản biện đề án (bench)', quantity: 1, cost: 2500000 }], ctx: sidebar }] },
    { name: 'getProgress', runs: () => [{ fn: 'getProgress', args: [{}], ctx: sidebar }] },
    { name: 'dashboardRefresh', runs: () => [{ fn: 'menuRefreshDashboard', args: [], ctx: menu }] },
    // Before the manual yearly report: a manual report of the same period satisfies the scheduled job.
    { name: 'scheduledRun', runs: () => [{ fn: 'runScheduledReports', args: [{ triggerUid: w.triggerUid }], ctx: { kind: 'timeTrigger', triggerUid: w.triggerUid, user: ADMIN } }] },
    {
      name: 'yearlyReport',
      runs: () => [{ fn: 'generateReport', args: [{ kind: 'progress', from: '2024-01-01', to: '2024-12-31', confirmNew: true }], ctx: sidebar }],
      after: (r) => (yearlyDocId = String((r as { docId?: string }).docId || '')),
    },
    { name: 'budgetDocument', runs: () => [{ fn: 'generateReport', args: [{ kind: 'budget' }], ctx: sidebar }] },
    { name: 'sendReport', runs: () => [{ fn: 'sendReport', args: [{ kind: 'progress', docId: yearlyDocId }], ctx: sidebar }] },
    // Registers and dossiers: experts = events / 10 and dossiers = events / 20 (1,000 and 500 at 10,000 events).
    { name: 'expertSearch', runs: () => [{ fn: 'getExpertsView', args: [{ text: 'nguyen van', field: 'Môi trường' }], ctx: sidebar }] },
    { name: 'saveExpert', runs: () => [{ fn: 'saveExpert', args: [{ name: 'Đặng Thị Bench', degree: 'TS', fields: ['Môi trường'], workplaceCode: 'DV-001', consent: true }], ctx: sidebar }] },
    { name: 'saveDossier', runs: () => [{ fn: 'saveDossier', args: [{ consultKind: 'Phản biện', subject: 'Quy hoạch sử dụng đất (bench)', requesterCode: 'DV-002', requestDate: '2024-12-01', deadline: '2024-12-30', fields: ['Môi trường'] }], ctx: sidebar }], after: (r) => (dossierCode = String((r as { code?: string }).code || '')) },
    { name: 'dossierView', runs: () => [{ fn: 'getDossierView', args: [dossierCode], ctx: sidebar }] },
    { name: 'savePanel', runs: () => [{ fn: 'savePanel', args: [dossierCode, [{ expertCode: 'CG-0003', role: 'Chủ tịch hội đồng' }, { expertCode: 'CG-0004', role: 'Phản biện' }]], ctx: sidebar }] },
    { name: 'sendDossierAnswer', runs: () => [{ fn: 'sendDossierAnswer', args: [dossierCode], ctx: sidebar }] },
  ];
}

/** CPU time (user + system) of the core functions each action runs, in Node, on the same data. */
function cpuOfCore(events: number): Record<string, number> {
  const data = generateData(events);
  const settings = { ...defaultSettings(2024), reportRecipients: ['so.khcn@bacgiang.gov.vn'] };
  const today = '2025-01-05';
  const year = 2024;
  const p = periodFromRange('2024-01-01', '2024-12-31');
  if (!p.ok) throw new Error('period');
  const period = { from: p.from, to: p.to, label: p.label, title: p.title, kind: p.kind };
  const programOf = new Map(data.targets.map((t) => [t.code, t.programCode]));
  const progress = () => computeProgress(data.programs, data.targets, data.events, {}, today);
  const budget = () => summarizeBudget(data.programs, data.lines, data.events, (c) => programOf.get(c));
  const report = () => buildProgressReport({ settings, programs: data.programs, targets: data.targets, events: data.events, period, today, number: 1, year, lines: data.lines });
  const work: Record<string, () => unknown> = {
    onOpen: () => 0,
    sidebarLoad: () => progress(),
    logEvent: () => [progress(), progress(), budget()],
    getProgress: () => [progress(), budget()],
    dashboardRefresh: () => buildDashboard({ year, progress: computeProgress(data.programs, data.targets, data.events, { from: '2024-01-01', to: '2025-12-31' }, today), budget: budget(), updatedAt: '05/01/2025 09:00' }),
    yearlyReport: () => report(),
    budgetDocument: () => buildBudgetSubmission({ settings, programs: data.programs, targets: data.targets, lines: data.lines, today, number: 1, year }),
    sendReport: () => summaryForEmail({ settings, programs: data.programs, targets: data.targets, events: data.events, period, today, number: 1, year, lines: data.lines }),
    scheduledRun: () => [report(), summaryForEmail({ settings, programs: data.programs, targets: data.targets, events: data.events, period, today, number: 2, year, lines: data.lines })],
  };
  const out: Record<string, number> = {};
  for (const [name, fn] of Object.entries(work)) {
    fn(); // warm-up: the JIT, as a second execution would be
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const c0 = process.cpuUsage();
      fn();
      const c = process.cpuUsage(c0);
      times.push((c.user + c.system) / 1000);
    }
    times.sort((a, b) => a - b);
    out[name] = +times[2].toFixed(1);
  }
  return out;
}

function bundleStats() {
  const code = readFileSync(join(ROOT, 'build', 'Code.js'), 'utf8');
  const sidebarBytes: Record<string, number> = {};
  for (const f of ['LogSidebar', 'BudgetSidebar', 'CheckSidebar', 'ReportSidebar', 'SettingsSidebar', 'ImportDialog', 'ExpertsSidebar', 'DossierSidebar']) {
    const p = join(ROOT, 'build', `${f}.html`);
    if (existsSync(p)) sidebarBytes[`${f}.html`] = statSync(p).size;
  }
  // Apps Script evaluates the whole file in a fresh context on every execution.
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    vm.runInContext(code, vm.createContext({}));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { codeBytes: statSync(join(ROOT, 'build', 'Code.js')).size, sidebarBytes, coldLoadMs: +times[Math.floor(times.length / 2)].toFixed(2) };
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const padEnd = (s: string | number, n: number) => String(s).padEnd(n);

function main() {
  const started = performance.now();
  const results: { sizes: number[]; actions: Record<string, Record<string, { calls: number; minCalls: number; modeledMs: number; cpuMs: number }>>; bundle: ReturnType<typeof bundleStats> } = {
    sizes: SIZES,
    actions: {},
    bundle: bundleStats(),
  };
  const detail: Record<string, Record<string, unknown>> = {};
  const minimumNotes: Record<string, string[]> = {};
  for (const size of SIZES) {
    const w = generateWorkbook(size);
    console.log(`\n== ${size.toLocaleString('en')} events, ${w.lines} budget lines (workbook generated in ${(w.generateMs / 1000).toFixed(1)} s) ==`);
    const cpu = cpuOfCore(size);
    console.log(`${padEnd('action', 17)}${pad('calls', 7)}${pad('min', 6)}${pad('ratio', 7)}${pad('cells read', 12)}${pad('written', 9)}${pad('doc cells', 10)}${pad('modeled s', 11)}${pad('cpu ms', 9)}${pad('fakes s', 9)}  top methods`);
    for (const a of actions(w)) {
      const m = measure(w, a.runs());
      a.after?.(m.results[0]);
      const min = minimum(a.name, m.doc);
      minimumNotes[a.name] = minimumTerms(a.name, m.doc).map((t) => `${t.why} [${t.n}]`);
      const row = { calls: m.calls, minCalls: min, modeledMs: m.modeledMs, cpuMs: cpu[a.name] ?? 0 };
      (results.actions[a.name] ??= {})[String(size)] = row;
      (detail[a.name] ??= {})[String(size)] = { callsIncludingInProcess: m.callsAll, cells: m.cells, docTableCells: m.docCells, fakesWallMs: Math.round(m.wallMs), ok: m.ok, message: m.message, byMethod: m.byMethod };
      const top = Object.entries(m.byMethod)
        .sort((x, y) => y[1] - x[1])
        .slice(0, 3)
        .map(([k, n]) => `${k.replace(/^(\w+App|\w+Service)\./, '')}×${n}`)
        .join(', ');
      console.log(
        `${padEnd(a.name, 17)}${pad(m.calls, 7)}${pad(min, 6)}${pad((m.calls / min).toFixed(2), 7)}${pad(m.cells.read.toLocaleString('en'), 12)}${pad(m.cells.written.toLocaleString('en'), 9)}${pad(m.docCells.toLocaleString('en'), 10)}${pad((m.modeledMs / 1000).toFixed(1), 11)}${pad(cpu[a.name] ?? "-", 9)}${pad((m.wallMs / 1000).toFixed(1), 9)}  ${m.ok ? '' : `FAILED: ${m.message} `}${top}`,
      );
    }
  }
  const b = results.bundle;
  console.log(`\nbundle: build/Code.js ${(b.codeBytes / 1024).toFixed(1)} KB; load into a fresh context ${b.coldLoadMs} ms (median of 30; paid on every execution); sidebars ${Object.entries(b.sidebarBytes).map(([f, n]) => `${f} ${(n / 1024).toFixed(1)} KB`).join(', ')}`);

  // Goals of the issue.
  const names = Object.keys(results.actions);
  // Growth with rows, not content: a paragraph more when the data has more to say (one more programme with lines) is not growth.
  const grows = (n: string) => SIZES.some((s, i) => i > 0 && results.actions[n][String(s)].calls > results.actions[n][String(SIZES[i - 1])].calls * 1.02 + 2);
  const growth = names.filter(grows).map((n) => `${n} ${SIZES.map((s) => results.actions[n][String(s)].calls).join('→')}`);
  console.log(`\ncalls at ${SIZES.map((s) => s.toLocaleString('en')).join(' / ')} events: ${names.map((n) => `${n} ${SIZES.map((s) => results.actions[n][String(s)].calls).join('/')}`).join(', ')}`);
  const overRatio = names.flatMap((n) => SIZES.map((s) => [n, s, results.actions[n][String(s)]] as const).filter(([, , r]) => r.calls / r.minCalls > GOALS.ratio).map(([n, s, r]) => `${n}@${s} ${(r.calls / r.minCalls).toFixed(2)}`));
  const biggest = String(Math.max(...SIZES));
  const yearly = results.actions.yearlyReport?.[biggest];
  const cpuMax = Math.max(...names.map((n) => results.actions[n][biggest].cpuMs));
  const mark = (ok: boolean) => (ok ? 'MET    ' : 'NOT MET');
  console.log('\ngoals:');
  console.log(`  ${mark(!growth.length)} calls do not grow with the row count (more than 2% + 2 calls from one size to the next)${growth.length ? `: ${growth.join('; ')}` : ''}`);
  console.log(`  ${mark(!overRatio.length)} calls / fewest possible <= ${GOALS.ratio}${overRatio.length ? `: ${overRatio.filter((x) => x.includes(`@${biggest}`)).join(', ')}` : ''}`);
  console.log(`  ${mark(!!yearly && yearly.modeledMs < GOALS.yearlyModeledMs)} yearly report at ${Number(biggest).toLocaleString('en')} events models under ${GOALS.yearlyModeledMs / 1000} s: ${yearly ? (yearly.modeledMs / 1000).toFixed(1) : '?'} s`);
  console.log(`  ${mark(cpuMax < GOALS.cpuMs)} pure computation at ${Number(biggest).toLocaleString('en')} events under ${GOALS.cpuMs} ms: slowest ${cpuMax} ms`);
  console.log('\nfewest possible calls, per action (what the ratio divides by):');
  for (const [n, terms] of Object.entries(minimumNotes)) console.log(`  ${n} = ${results.actions[n][String(SIZES[SIZES.length - 1])].minCalls}: ${terms.join("; ")}`);
  console.log('\nmodeled time = calls × bench/latency.json (estimates, sources there) + sheet cells × per-cell cost + document table cells × per-cell cost.');

  writeFileSync(join(__dirname, 'results.json'), JSON.stringify({ ...results, detail }, null, 2) + '\n');
  console.log(`\nwrote bench/results.json (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
}

main();
