// Interleavings of writing actions: the second run at every sheet read and write of the first, from one seeded world; the shared actions and their seed, for concurrency.test.ts and each domain's file.
//
// How a domain adds its pairs (see concurrency-dossiers.test.ts), in test/reliability/concurrency-<domain>.test.ts:
//
//   const suite = interleavings({
//     seed: (w) => ({ ...sharedSeed(w), dossier: ok(w.call('saveDossier', …)).code }),  // the world every run starts from
//     actions: (ids) => [...domainActions(ids), ...sharedActions(ids).filter((a) => TOUCHED.includes(a.name))],
//     pairs: (a, b) => MINE.includes(a.name) || MINE.includes(b.name),   // its own with each other and with the shared ones it touches
//     checks: [(g) => …],                                                 // the domain's invariants besides each action's `landed`
//   });
//   test('…', () => expect(suite.report()).toEqual([]));
//
// Every ordered pair runs at each read and write of sheet values by the first (SpreadsheetApp or
// Sheets API); a second run that meets the lock waits (is re-run once the first ends). Checked each
// time: neither throws nor answers ok:false, nothing is written while waiting, each action's effect
// landed, ids and document numbers stay unique and every document made is in the register. Cost: a
// pair of actions costs about (reads+writes of the first) × 2 runs; keep a domain to a few dozen
// interleavings per action (a file of 100–200 interleavings is ~20 s of CPU).
import { FakeGoogle, type State } from '../../fakes/index';
import { interleave, runEntry, type EntryCall } from '../../fakes/harness';
import { ADMIN, STAFF, htmlFiles, world, type World } from '../support/bundle';
import { rowsOf } from './story';

export interface Action {
  name: string;
  call: EntryCall;
  /** What must hold once the action has run, whatever ran beside it. */
  landed: (g: FakeGoogle) => string | null;
}

/** Ids the seed made, named for the actions that use them. */
export type Ids = Record<string, string>;

export const sidebar = (user = ADMIN) => ({ kind: 'sidebar' as const, user });

export const ok = (r: { ok: boolean; message?: string }) => {
  if (!r.ok) throw new Error(r.message);
  return r as any;
};

/** The shared seed: settings with the schedule on, two events, a budget line; the scheduled trigger's uid. */
export function sharedSeed(w: World): Ids {
  ok(w.call('saveSettings', { reportRecipients: ['so.khcn@bacgiang.gov.vn'], admins: [ADMIN], schedule: { enabled: true, hour: 7, formalReports: true } }));
  const e1 = ok(w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-12', title: 'Tư vấn quy hoạch tỉnh', quantity: 1, location: 'Bắc Giang' })).id;
  const e2 = ok(w.call('logEvent', { targetCode: 'P3.5', date: '2024-04-02', title: 'Hội thảo nông nghiệp', quantity: 1 })).id;
  const l1 = ok(w.call('saveBudgetLine', { programCode: 'P2', item: 'Hội nghị tư vấn', unit: 'cuộc', quantity: 16, unitPrice: 5000000, stage: 'Dự thảo' })).id;
  return { e1, e2, l1 };
}

const events = (g: FakeGoogle) => rowsOf(g, 'Hoạt động');
export const one = (rows: Record<string, unknown>[], what: string, pred: (r: Record<string, unknown>) => boolean) => {
  const n = rows.filter(pred).length;
  return n === 1 ? null : `${what}: ${n} rows`;
};

/** The shared writing actions (events, budget lines, reports, the scheduled run) over the shared seed's ids. */
export function sharedActions(ids: Ids): Action[] {
  const { e1, e2, l1 } = ids;
  const budgetLine = (g: FakeGoogle) => rowsOf(g, 'Kinh phí').find((r) => r['Mã'] === l1);
  return [
    {
      name: 'logEvent A',
      call: { fn: 'logEvent', args: [{ targetCode: 'P2.3', date: '2024-05-06', title: 'Tọa đàm song song A', quantity: 1, cost: 2000000, budgetLineId: l1 }], ctx: sidebar() },
      landed: (g) => one(events(g), 'event A', (r) => r['Tên hoạt động'] === 'Tọa đàm song song A'),
    },
    {
      name: 'logEvent B (staff)',
      call: { fn: 'logEvent', args: [{ targetCode: 'P2.3', date: '2024-05-07', title: 'Tọa đàm song song B', quantity: 2 }], ctx: sidebar(STAFF) },
      landed: (g) => one(events(g), 'event B', (r) => r['Tên hoạt động'] === 'Tọa đàm song song B'),
    },
    {
      name: 'updateEvent E1 location',
      call: { fn: 'updateEvent', args: [e1, { location: 'Hội trường tỉnh ủy' }], ctx: sidebar() },
      landed: (g) => (events(g).find((r) => r['Mã'] === e1)?.['Địa điểm'] === 'Hội trường tỉnh ủy' ? null : `E1 location lost: ${JSON.stringify(events(g).find((r) => r['Mã'] === e1)?.['Địa điểm'])}`),
    },
    {
      name: 'updateEvent E1 participants (staff)',
      call: { fn: 'updateEvent', args: [e1, { participants: 120 }], ctx: sidebar(STAFF) },
      landed: (g) => (events(g).find((r) => r['Mã'] === e1)?.['Số người tham dự'] === 120 ? null : 'E1 participants lost'),
    },
    {
      name: 'cancelEvent E2',
      call: { fn: 'cancelEvent', args: [e2, 'Hoãn sang quý sau'], ctx: sidebar() },
      landed: (g) => (events(g).find((r) => r['Mã'] === e2)?.['Trạng thái'] === 'Đã hủy' ? null : 'E2 cancellation lost'),
    },
    {
      name: 'saveBudgetLine new',
      call: { fn: 'saveBudgetLine', args: [{ programCode: 'P3', item: 'Hội thảo khoa học', unit: 'hội thảo', quantity: 5, unitPrice: 30000000, stage: 'Dự thảo' }], ctx: sidebar() },
      landed: (g) => one(rowsOf(g, 'Kinh phí'), 'new budget line', (r) => r['Nội dung chi'] === 'Hội thảo khoa học'),
    },
    {
      name: 'saveBudgetLine update L1',
      call: { fn: 'saveBudgetLine', args: [{ id: l1, programCode: 'P2', item: 'Hội nghị tư vấn', unit: 'cuộc', quantity: 20, unitPrice: 5000000, stage: 'Dự thảo' }], ctx: sidebar(STAFF) },
      landed: (g) => (budgetLine(g)?.['Số lượng'] === 20 ? null : 'L1 quantity update lost'),
    },
    {
      name: 'scheduled run',
      call: { fn: 'runScheduledReports', args: [{ triggerUid: '' }], ctx: { kind: 'timeTrigger', user: ADMIN } },
      landed: (g) =>
        one(rowsOf(g, 'Sổ văn bản'), 'register entry of the half-year job', (r) => r['Khóa lịch'] === 'half:2024') ??
        (g.outbox.filter((m) => m.subject.startsWith('[Chờ duyệt]')).length === 1 ? null : `review emails: ${g.outbox.filter((m) => m.subject.startsWith('[Chờ duyệt]')).length}`),
    },
    {
      name: 'generateReport',
      // Confirmed: the scheduled run may have drafted the same period first.
      call: { fn: 'generateReport', args: [{ kind: 'progress', from: '2024-01-01', to: '2024-06-30', confirmNew: true }], ctx: sidebar() },
      landed: (g) => (rowsOf(g, 'Sổ văn bản').some((r) => r['Khóa lịch'] === '' && r['Loại'] === 'BC') ? null : 'generated report not in the register'),
    },
  ];
}

/** What every interleaving must keep, besides each action's own effect. */
export function sharedChecks(g: FakeGoogle): string[] {
  const out: string[] = [];
  const ids = events(g).map((r) => String(r['Mã']));
  if (new Set(ids).size !== ids.length) out.push(`event ids not unique: ${ids.join(', ')}`);
  const lines = rowsOf(g, 'Kinh phí').map((r) => String(r['Mã']));
  if (new Set(lines).size !== lines.length) out.push(`budget line ids not unique: ${lines.join(', ')}`);
  const numbers = rowsOf(g, 'Sổ văn bản').filter((r) => typeof r['Số'] === 'number').map((r) => `${r['Loại']} ${r['Số']}`);
  if (new Set(numbers).size !== numbers.length) out.push(`document numbers reused: ${numbers.join(', ')}`);
  // With no fault, every document made is in the register: one missing was overwritten by a concurrent run.
  const registered = new Set(rowsOf(g, 'Sổ văn bản').map((r) => String(r['Mã tài liệu'])));
  const lost = Object.values(g.state.docs).filter((d) => !registered.has(d.id)).map((d) => d.name);
  if (lost.length) out.push(`documents made but not in the register (their number is reused): ${lost.map((n) => JSON.stringify(n.slice(0, 40))).join(', ')}`);
  return out;
}

export const METHODS = ['SpreadsheetApp.Range.getValues', 'SpreadsheetApp.Range.setValues', 'Sheets.Spreadsheets.Values.batchGet', 'Sheets.Spreadsheets.Values.batchUpdate', 'Sheets.Spreadsheets.Values.append'];

export interface Suite {
  /** Problems of the ordered pairs `filter` keeps, each with how many interleavings showed it; [] when none. */
  report: (filter?: (a: string, b: string) => boolean) => string[];
  readonly interleavings: number;
  readonly deferred: number;
  readonly pairs: number;
}

/**
 * Registers a beforeAll that runs every ordered pair `pairs` keeps (default: all), the second at each
 * read and write of sheet values by the first, from the world `seed` built after setupWorkbook.
 */
export function interleavings(opts: { label?: string; seed: (w: World) => Ids; actions: (ids: Ids) => Action[]; pairs?: (a: Action, b: Action) => boolean; checks?: ((g: FakeGoogle) => string[])[]; now?: string }): Suite {
  const problems = new Map<string, { a: string; b: string; where: string[] }>();
  const counts = { interleavings: 0, deferred: 0, pairs: 0 };
  beforeAll(() => {
    const w = world(opts.now ? { now: opts.now } : {});
    const code = w.code;
    const html = htmlFiles();
    const ids = opts.seed(w);
    const uid = w.google.state.triggers.find((t) => t.handler === 'runScheduledReports')?.uid ?? '';
    // JSON.parse restores the world several times faster than structuredClone.
    const base = JSON.stringify(w.google.state);
    const fresh = () => new FakeGoogle({ user: ADMIN, htmlFiles: html }, JSON.parse(base) as State);
    const withTrigger = (a: Action): EntryCall => (a.call.fn !== 'runScheduledReports' ? a.call : { fn: a.call.fn, args: [{ triggerUid: uid }], ctx: { kind: 'timeTrigger', user: ADMIN, triggerUid: uid } });
    const acts = opts.actions(ids);
    const checks = [sharedChecks, ...(opts.checks ?? [])];
    // How many reads and writes each action makes alone: each is a point where the other may run.
    const points = new Map<string, Record<string, number>>();
    for (const a of acts) {
      const g = fresh();
      g.resetCalls();
      const c0 = withTrigger(a);
      runEntry(g, code, c0.fn, c0.args, c0.ctx);
      const c = g.calls();
      points.set(a.name, Object.fromEntries(METHODS.map((m) => [m, c[m] ?? 0])));
    }
    for (const a of acts) {
      for (const b of acts) {
        if (a === b || (opts.pairs && !opts.pairs(a, b))) continue;
        counts.pairs++;
        for (const method of METHODS) {
          for (let nth = 1; nth <= points.get(a.name)![method]; nth++) {
            const g = fresh();
            const r = interleave(g, code, withTrigger(a), withTrigger(b), { method, nth });
            counts.interleavings++;
            if (r.deferred) counts.deferred++;
            const where = `${a.name} ‖ ${b.name} after ${method.split('.').pop()} #${nth}`;
            const errs: string[] = [];
            if (r.firstError || r.secondError) errs.push(`threw: ${String(r.firstError ?? r.secondError)}`);
            for (const [who, res] of [
              [a, r.first],
              [b, r.second],
            ] as const) {
              const x = res as { ok?: boolean; message?: string; outcomes?: { outcome: string }[] } | undefined;
              if (!x || x.ok !== true) errs.push(`${who.name} answered ${JSON.stringify(x).slice(0, 160)}`);
              if (x?.outcomes?.some((o) => o.outcome === 'failed')) errs.push(`${who.name}: ${JSON.stringify(x.outcomes)}`);
            }
            if (r.sideEffectsWhileWaiting) errs.push('the waiting run wrote before it held the lock');
            for (const who of [a, b]) {
              const e = who.landed(g);
              if (e) errs.push(e);
            }
            for (const check of checks) errs.push(...check(g));
            for (const e of errs) {
              const key = `${a.name} ‖ ${b.name}: ${e}`;
              const p = problems.get(key) ?? { a: a.name, b: b.name, where: [] };
              p.where.push(where);
              problems.set(key, p);
            }
          }
        }
      }
    }
    console.log(
      `${opts.label ? `${opts.label} ` : ''}interleavings: ${counts.interleavings} (${acts.length} actions, ${counts.pairs} ordered pairs, the second run at every read and write of sheet values by the first, SpreadsheetApp or Sheets API); the second waited for the lock in ${counts.deferred}`,
    );
  }, 600_000);
  return {
    report: (filter = () => true) => {
      const out = [...problems].filter(([, p]) => filter(p.a, p.b)).map(([k, p]) => `${k}  ← ${p.where.length} interleaving(s), e.g. ${p.where[0]}`);
      if (out.length) console.log(out.join('\n'));
      return out;
    },
    get interleavings() {
      return counts.interleavings;
    },
    get deferred() {
      return counts.deferred;
    },
    get pairs() {
      return counts.pairs;
    },
  };
}
