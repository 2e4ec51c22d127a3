// Fault injection: the whole user story, replayed with a transient error at each N-th Spreadsheet/Docs/Drive/Mail call; shard k of n takes every n-th fault point (faults-k.test.ts).
// A domain's own story does not go here (each of its fault points would replay the main story): it goes in
// test/reliability/faults-<domain>.test.ts with domainFaultSweep (domain-story.ts), starting from a
// checkpoint after setup, with the same invariants checked; see README, "A domain's story in the fault sweep".
import { FAULT_SERVICES, STEP_NAMES, faultFor, googleBefore, recordStory, runStory, sameAsClean, stepOf, structure, violations, type Category, type Recording, type Violation } from './story';

/** Calls that only read; the rest (writes, appends, creates, sends, builders) are the write path. */
const READ = /\.(get\w*|is\w*|has\w*|open\w*)$/;
/**
 * Every write-path call is a fault point. Reads are covered with a deterministic stride (the 1st,
 * 1+S-th, … read); FAULT_READ_STRIDE=1 (the default) covers all.
 */
const READ_STRIDE = Math.max(1, Number(process.env.FAULT_READ_STRIDE || 1));

/** Shards: the fault points are dealt round-robin, so each shard gets setup and later points alike. */
export const FAULT_SHARDS = 4;
/** The shard (1-based) of the i-th fault point (0-based) of the sweep. */
export const shardOf = (i: number): number => (i % FAULT_SHARDS) + 1;

/** The sweep's tests for one shard: its fault points, each replayed from the checkpoint before its step. */
export function faultSweep(shard: number): void {
  interface PointResult {
    n: number;
    step: string;
    method: string;
    nth: number;
    fired: number;
    firedAt: number;
    expectedAt: number;
    violations: Violation[];
    failures: { step: string; code: string }[];
  }

  let rec: Recording;
  let baseline: ReturnType<typeof structure>;
  const results: PointResult[] = [];
  let readsTotal = 0;
  let readsCovered = 0;
  /** Covered fault points per shard: together they must be every fault point of the sweep. */
  const perShard = Array.from({ length: FAULT_SHARDS }, () => 0);
  /** Replays that met the clean run's state before the story's end, and where. */
  const rejoined: Record<string, number> = {};

  beforeAll(() => {
    rec = recordStory();
    baseline = structure(rec.g);
    let readIndex = 0;
    let point = 0;
    for (let n = 1; n <= rec.keys.length; n++) {
      const method = rec.keys[n - 1];
      if (READ.test(method)) {
        readsTotal++;
        if (readIndex++ % READ_STRIDE !== 0) continue;
        readsCovered++;
      }
      const own = shardOf(point++);
      perShard[own - 1]++;
      if (own !== shard) continue;
      // Replay from the state just before the step holding call n: earlier steps are deterministic.
      const k = stepOf(rec, n);
      const g = googleBefore(rec, k);
      const offset = rec.stepStart[k];
      const f = faultFor(rec.keys, n, offset);
      g.failOn(f.method, f.nth);
      // Where the fault fired: the number of fault-point calls that succeeded before it.
      let seen = 0;
      let firedAt = -1;
      g.onCall('*', ({ method: m }) => {
        if (!FAULT_SERVICES.test(m)) return;
        seen++;
        if (firedAt < 0 && g.faultsFired() > 0) firedAt = seen - 1;
      });
      // Once the fault has fired and the replay stands where the clean run stood before a step, the
      // rest of the story is the clean run's: its final state and what the user learnt are the clean
      // ones, and only what this replay saw before (failures, retries) differs.
      const run = runStory(g, { from: k, carry: rec.before[k].carry, stopBefore: (i, carry) => g.faultsFired() > 0 && sameAsClean(rec, g, i, carry) });
      if (firedAt < 0 && g.faultsFired() > 0) firedAt = seen;
      if (run.stoppedBefore !== null) rejoined[STEP_NAMES[run.stoppedBefore]] = (rejoined[STEP_NAMES[run.stoppedBefore]] ?? 0) + 1;
      const end = run.stoppedBefore === null ? g : rec.g;
      const story = run.stoppedBefore === null ? run : { ...run, believed: rec.run.believed };
      results.push({
        n,
        step: STEP_NAMES[k],
        method: f.method,
        nth: f.nth,
        fired: g.faultsFired(),
        firedAt,
        expectedAt: n - 1 - offset,
        violations: violations(end, story, baseline),
        failures: run.failures.map((x) => ({ step: x.step, code: x.code })),
      });
    }
    const fired = results.reduce((a, r) => a + r.fired, 0);
    const bySvc: Record<string, number> = {};
    for (const r of results) bySvc[r.method.split('.')[0]] = (bySvc[r.method.split('.')[0]] ?? 0) + 1;
    const writes = rec.keys.length - readsTotal;
    console.log(
      `shard ${shard} of ${FAULT_SHARDS}: ${results.length} of the sweep's ${perShard.reduce((a, b) => a + b, 0)} fault points; ` +
        `${Object.values(rejoined).reduce((a, b) => a + b, 0)} replays met the clean run's state before the end (before: ${JSON.stringify(rejoined)})\n` +
        `fault points: ${perShard.reduce((a, b) => a + b, 0)} of the story's ${rec.keys.length} Spreadsheet/Docs/Drive/Mail calls ` +
        `(every write-path call: ${writes}; reads: every ${READ_STRIDE === 1 ? '' : `${READ_STRIDE}-th `}read, ${readsCovered} of ${readsTotal}), faults fired in this shard: ${fired}\n` +
        `  by service: ${JSON.stringify(bySvc)}\n` +
        `  story steps start at call: ${STEP_NAMES.map((s, i) => `${s}@${rec.stepStart[i] + 1}`).join(', ')}\n` +
        `  failures the user saw and retried: ${results.reduce((a, r) => a + r.failures.length, 0)}`,
    );
  }, 900_000);

  /** The violations of some categories, grouped by text (ids and numbers blurred), each with a few of its fault points. */
  function report(cats: Category[]): string[] {
    const groups = new Map<string, string[]>();
    for (const r of results) {
      for (const v of r.violations) {
        if (!cats.includes(v.category)) continue;
        const key = v.text.replace(/HD-\d{4}-\d+/g, 'HD-…').replace(/\d{2}\/BC-[A-Z]+/g, '…/BC-…');
        const list = groups.get(key) ?? [];
        list.push(`#${r.n} (${r.step}: ${r.method} call ${r.nth})`);
        groups.set(key, list);
      }
    }
    const out = [...groups].map(([k, pts]) => `${k}  ← ${pts.length} fault point(s): ${pts.slice(0, 5).join(', ')}${pts.length > 5 ? ', …' : ''}`);
    if (out.length) console.log(`[${cats.join(', ')}]\n  ${out.join('\n  ')}`);
    return out;
  }

  test('the clean story ends as the user expects: 3 events (one cancelled), one budget line, BC 01 sent by hand, BC 02 (June) sent by the schedule', () => {
    expect(violations(rec.g, rec.run, baseline)).toEqual([]);
    expect(rec.run.failures).toEqual([]);
    expect(rec.g.outbox.map((m) => /\d{2}\/BC-LHH/.exec(m.subject)?.[0])).toEqual(['01/BC-LHH', '02/BC-LHH']);
    // The half-year job is satisfied by the report sent by hand; the June report is the schedule's.
    expect(rec.run.scheduled).toEqual([
      expect.objectContaining({ ok: true, reminders: [], outcomes: [expect.objectContaining({ key: 'monthly:2024-06', outcome: 'sent' }), expect.objectContaining({ key: 'half:2024', outcome: 'skipped' })] }),
    ]);
    // A floor, so a story that silently stopped early cannot pass (batched reads/writes made it ~440 calls).
    expect(rec.keys.length).toBeGreaterThan(350);
  });

  test('every fault point injected exactly one fault, at exactly its call', () => {
    const fired = results.reduce((a, r) => a + r.fired, 0);
    expect(fired).toBe(results.length);
    const misplaced = results.filter((r) => r.fired !== 1 || r.firedAt !== r.expectedAt).map((r) => `#${r.n} ${r.method}: fired ${r.fired} at ${r.firedAt}, expected ${r.expectedAt}`);
    expect(misplaced).toEqual([]);
    expect(perShard.reduce((a, b) => a + b, 0)).toBe(rec.keys.length - readsTotal + readsCovered);
    expect(results.length).toBe(perShard[shard - 1]);
  });

  test('no call throws to the sidebar and no action fails twice in a row under a single fault', () => {
    expect(report(['threw', 'gaveUp'])).toEqual([]);
  });

  test('no event or budget line is lost or duplicated; the update and the cancellation land; the sheets keep their structure', () => {
    expect(report(['events', 'budget', 'structure'])).toEqual([]);
  });

  test('no document number is skipped or reused', () => {
    expect(report(['register'])).toEqual([]);
  });

  // A transient error in the audit row written after a successful send must not make sendReport answer
  // ok:false: the user would retry and the report would be emailed a second time.
  test('no email is sent twice and none the user saw sent is missing', () => {
    expect(report(['email'])).toEqual([]);
  });

  test('every failure reached the user as a Vietnamese sentence, never a stack trace or an English service error', () => {
    expect(report(['message'])).toEqual([]);
  });

  // Docs and Mail transient errors ("Service Documents failed while accessing document…", "Service unavailable:
  // Mail") are passing errors too: retried where safe, worded as "try again" otherwise.
  test('a passing Google error reaches the user as "try again" (transient), not as an unexpected error', () => {
    expect(report(['classification'])).toEqual([]);
  });

}
