// A domain's own story in the fault sweep: it starts from a checkpoint after setup (and the domain's seed), and every call of its own steps is a fault point.
//
// How to add one (see faults-dossiers.test.ts):
//
//   domainFaultSweep({
//     name: 'dossiers',
//     now: '2024-04-25T09:00:00+07:00',
//     seed: (s) => { s.call('saveOrganisation', STNMT); ... },   // not fault points: the domain's starting world
//     memo: { code: null, sent: [] },                             // JSON only: what later steps need, what the user believes
//     steps: [
//       { name: 'saveDossier', run: (s) => { const r = s.call('saveDossier', DOSSIER); if (r) s.memo.code = r.code; } },
//       ...
//     ],
//     check: (g, memo) => [...],   // the domain's own promises on the end state: nothing lost or duplicated
//   });
//
// in test/reliability/faults-<domain>.test.ts (one file per domain, so jest's two workers share the
// shards). The shared invariants are checked for every fault point as in the main story: no call
// throws, no action fails twice under one fault, every failure is a Vietnamese sentence and a passing
// error says "try again", the sheets keep their structure, no document number is skipped or reused,
// no email is sent twice and none is sent that the clean story does not send, every fault fired at
// exactly its own call. `check` adds the domain's: each record the user saw saved is there once.
//
// Cost: the world after setup is built once per file (about a second), each step starts from a
// checkpoint, and a replay stops once it stands where the clean story stood before a step. Keep a
// domain story to its own writing actions (≈ 50–150 calls, a few seconds of CPU); a domain with more
// splits its story over two files (`shard`/`shards`).
import type { FakeGoogle, State } from '../../fakes/index';
import { FakeGoogle as FakeGoogleClass } from '../../fakes/index';
import { runEntry } from '../../fakes/harness';
import { ADMIN, FAULT_SERVICES, SO_KHCN, code, commonViolations, gateOf, htmlOf, newGoogle, type Category, type Failure, type Result, type Violation } from './story';

/** What a step sees: the user's call with one retry, the story's memo, the world (for hand edits). */
export interface StepApi<M> {
  /** A sidebar call as the admin; on ok:false or a throw the user tries once more; null when both failed. */
  call: (fn: string, ...args: unknown[]) => Result | null;
  /** The same as another user. */
  callAs: (user: string, fn: string, ...args: unknown[]) => Result | null;
  /** JSON-only memory carried from step to step (ids made, what the user believes done). */
  memo: M;
  g: FakeGoogle;
  code: string;
}

export interface DomainStep<M> {
  name: string;
  run: (s: StepApi<M>) => void;
}

export interface DomainStory<M> {
  /** The domain, as in faults-<name>.test.ts. */
  name: string;
  /** The clock when setup runs (ISO with zone); default 2024-07-05 09:00 +07:00. */
  now?: string;
  /** Run once after setupWorkbook and saveSettings, before the checkpoint: its calls are not fault points. */
  seed?: (s: StepApi<M>) => void;
  /** The memo's value before the first step. */
  memo: M;
  steps: DomainStep<M>[];
  /** The domain's promises on the end state, given what the user believes (the memo): [] when kept. */
  check: (g: FakeGoogle, memo: M) => string[];
}

interface DomainRun {
  failures: Failure[];
  threw: { step: string; error: string }[];
  gaveUp: string[];
}

interface Checkpoint {
  state: string;
  memo: string;
  gate: string;
}

interface DomainRecording<M> {
  keys: string[];
  stepStart: number[];
  before: Checkpoint[];
  g: FakeGoogle;
  run: DomainRun;
  memo: M;
}

/** The worlds after setup (and saveSettings), by clock: one setup per worker and time. */
const afterSetup = new Map<string, string>();

/** A fresh world standing after setupWorkbook and saveSettings at `now`, from a per-process cache. */
export function googleAfterSetup(now: string): FakeGoogle {
  let json = afterSetup.get(now);
  if (!json) {
    const g = newGoogle(now);
    for (const [fn, args] of [
      ['setupWorkbook', []],
      ['saveSettings', [{ reportRecipients: [SO_KHCN], signerName: 'Nguyễn Văn Bình' }]],
    ] as const) {
      const r = runEntry(g, code(), fn, [...args], { kind: 'sidebar', user: ADMIN }) as Result;
      if (!r.ok) throw new Error(`${fn} failed before the domain story: ${r.message}`);
    }
    json = JSON.stringify(g.state);
    afterSetup.set(now, json);
  }
  return restore(json);
}

function restore(state: string): FakeGoogle {
  return new FakeGoogleClass({ user: ADMIN, htmlFiles: htmlOf() }, JSON.parse(state) as State);
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Runs steps from..end on g; stops before step i when stopBefore says the replay rejoined the clean run. */
function runDomain<M>(story: DomainStory<M>, g: FakeGoogle, from: number, memo: M, opts: { onStep?: (i: number, memo: M) => void; stopBefore?: (i: number, memo: M) => boolean } = {}) {
  const run: DomainRun = { failures: [], threw: [], gaveUp: [] };
  let current = '';
  const callAs = (user: string, fn: string, ...args: unknown[]): Result | null => {
    for (let attempt = 1; attempt <= 2; attempt++) {
      let r: Result;
      try {
        r = runEntry(g, code(), fn, args, { kind: 'sidebar', user }) as Result;
      } catch (e) {
        run.threw.push({ step: current, error: String((e as Error)?.message ?? e) });
        continue;
      }
      if (r && r.ok) return r;
      run.failures.push({ step: current, attempt, code: String(r?.code), message: String(r?.message) });
    }
    run.gaveUp.push(current);
    return null;
  };
  const api: StepApi<M> = { call: (fn, ...args) => callAs(ADMIN, fn, ...args), callAs, memo, g, code: code() };
  for (let i = from; i < story.steps.length; i++) {
    if (i > from && opts.stopBefore?.(i, api.memo)) return { run, memo: api.memo, stoppedBefore: i as number | null };
    opts.onStep?.(i, api.memo);
    current = story.steps[i].name;
    story.steps[i].run(api);
  }
  return { run, memo: api.memo, stoppedBefore: null as number | null };
}

function recordDomain<M>(story: DomainStory<M>): DomainRecording<M> {
  const g = googleAfterSetup(story.now ?? '2024-07-05T09:00:00+07:00');
  const memo = clone(story.memo);
  if (story.seed) {
    const seeded = runDomain({ ...story, steps: [{ name: 'seed', run: story.seed }] }, g, 0, memo);
    if (seeded.run.failures.length || seeded.run.threw.length) throw new Error(`the ${story.name} seed failed: ${JSON.stringify(seeded.run).slice(0, 300)}`);
  }
  const keys: string[] = [];
  const stepStart: number[] = [];
  const before: Checkpoint[] = [];
  g.onCall('*', ({ method }) => {
    if (FAULT_SERVICES.test(method)) keys.push(method);
  });
  const r = runDomain(story, g, 0, memo, {
    onStep: (_i, m) => {
      stepStart.push(keys.length);
      before.push({ state: JSON.stringify(g.state), memo: JSON.stringify(m), gate: gateOf(g.state) });
    },
  });
  return { keys, stepStart, before, g, run: r.run, memo: r.memo };
}

/**
 * The fault sweep of a domain story: every Spreadsheet/Sheets/Docs/Drive/Mail call of its steps is a
 * fault point (a transient error at exactly that call), replayed from the checkpoint before its step.
 * `shard`/`shards` split one story over several files.
 */
export function domainFaultSweep<M>(story: DomainStory<M>, opts: { shard?: number; shards?: number } = {}): void {
  const shard = opts.shard ?? 1;
  const shards = opts.shards ?? 1;
  interface PointResult {
    n: number;
    step: string;
    method: string;
    fired: number;
    firedAt: number;
    expectedAt: number;
    violations: Violation[];
  }
  let rec: DomainRecording<M>;
  const results: PointResult[] = [];
  let total = 0;
  let rejoined = 0;

  beforeAll(() => {
    rec = recordDomain(story);
    const baseline = baselineOf(rec);
    total = rec.keys.length;
    for (let n = 1; n <= rec.keys.length; n++) {
      if ((n - 1) % shards !== shard - 1) continue;
      let k = 0;
      while (k + 1 < rec.stepStart.length && rec.stepStart[k + 1] <= n - 1) k++;
      const offset = rec.stepStart[k];
      const method = rec.keys[n - 1];
      let nth = 0;
      for (let i = offset; i < n; i++) if (rec.keys[i] === method) nth++;
      const g = restore(rec.before[k].state);
      g.failOn(method, nth);
      let seen = 0;
      let firedAt = -1;
      g.onCall('*', ({ method: m }) => {
        if (!FAULT_SERVICES.test(m)) return;
        seen++;
        if (firedAt < 0 && g.faultsFired() > 0) firedAt = seen - 1;
      });
      const r = runDomain(story, g, k, JSON.parse(rec.before[k].memo) as M, {
        stopBefore: (i, memo) => g.faultsFired() > 0 && gateOf(g.state) === rec.before[i].gate && JSON.stringify(memo) === rec.before[i].memo && JSON.stringify(g.state) === rec.before[i].state,
      });
      if (firedAt < 0 && g.faultsFired() > 0) firedAt = seen;
      if (r.stoppedBefore !== null) rejoined++;
      // A replay that rejoined the clean run ends as the clean run does.
      const end = r.stoppedBefore === null ? g : rec.g;
      const memo = r.stoppedBefore === null ? r.memo : rec.memo;
      const v = commonViolations(end, r.run, baseline);
      for (const text of story.check(end, memo)) v.push({ category: 'records', text });
      results.push({ n, step: story.steps[k].name, method, fired: g.faultsFired(), firedAt, expectedAt: n - 1 - offset, violations: v });
    }
    console.log(
      `${story.name} story: ${results.length} of its ${total} fault points in this file${shards > 1 ? ` (shard ${shard} of ${shards})` : ''}; ` +
        `${rejoined} replays met the clean run's state before the end\n  steps start at call: ${story.steps.map((s, i) => `${s.name}@${rec.stepStart[i] + 1}`).join(', ')}`,
    );
  }, 600_000);

  function report(cats: Category[]): string[] {
    const groups = new Map<string, string[]>();
    for (const r of results) {
      for (const v of r.violations) {
        if (!cats.includes(v.category)) continue;
        const list = groups.get(v.text) ?? [];
        list.push(`#${r.n} (${r.step}: ${r.method})`);
        groups.set(v.text, list);
      }
    }
    const out = [...groups].map(([k, pts]) => `${k}  ← ${pts.length} fault point(s): ${pts.slice(0, 5).join(', ')}${pts.length > 5 ? ', …' : ''}`);
    if (out.length) console.log(`[${story.name}: ${cats.join(', ')}]\n  ${out.join('\n  ')}`);
    return out;
  }

  describe(`the ${story.name} story under a transient error at each of its calls`, () => {
    test('the clean story keeps its promises and makes calls to fault', () => {
      expect(rec.run).toEqual({ failures: [], threw: [], gaveUp: [] });
      expect(story.check(rec.g, rec.memo)).toEqual([]);
      expect(rec.keys.length).toBeGreaterThan(story.steps.length);
    });

    test('every fault point injected exactly one fault, at exactly its call', () => {
      const misplaced = results.filter((r) => r.fired !== 1 || r.firedAt !== r.expectedAt).map((r) => `#${r.n} ${r.method}: fired ${r.fired} at ${r.firedAt}, expected ${r.expectedAt}`);
      expect(misplaced).toEqual([]);
      expect(results.length).toBe(Math.floor((total - shard) / shards) + 1);
    });

    test('no call throws to the sidebar and no action fails twice in a row under a single fault', () => {
      expect(report(['threw', 'gaveUp'])).toEqual([]);
    });

    test('nothing the user saw saved is lost or duplicated; the sheets keep their structure', () => {
      expect(report(['records', 'structure'])).toEqual([]);
    });

    test('no document number is skipped or reused; no email is sent twice', () => {
      expect(report(['register', 'email'])).toEqual([]);
    });

    test('every failure reached the user as a Vietnamese sentence, a passing error as "try again"', () => {
      expect(report(['message', 'classification'])).toEqual([]);
    });
  });
}

function baselineOf<M>(rec: DomainRecording<M>) {
  const ss = rec.g.activeSpreadsheetId as string;
  const sheets = rec.g.sheetNames(ss);
  const headers: Record<string, string[]> = {};
  for (const s of sheets) if (s !== 'Tổng hợp') headers[s] = (rec.g.sheetValues(ss, s)[0] || []).map(String).filter((h) => h !== '');
  return { sheets, headers, emails: rec.g.outbox.length, numbers: registerNumbers(rec.g) };
}

/** Per document type, the numbers the register holds. */
export function registerNumbers(g: FakeGoogle): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const names = g.sheetNames(g.activeSpreadsheetId as string);
  if (!names.includes('Sổ văn bản')) return out;
  const v = g.sheetValues(g.activeSpreadsheetId as string, 'Sổ văn bản');
  const head = (v[0] || []).map(String);
  const type = head.indexOf('Loại');
  const num = head.indexOf('Số');
  for (const row of v.slice(1)) if (typeof row[num] === 'number') (out[String(row[type])] ??= []).push(row[num] as number);
  return out;
}
