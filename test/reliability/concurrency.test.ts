// Concurrency: pairs of writing actions interleaved at every sheet read and write of the first, in both orders (the engine and the shared actions: interleavings.ts; a domain's pairs go in concurrency-<domain>.test.ts).
import { interleavings, sharedActions, sharedSeed } from './interleavings';

const suite = interleavings({ seed: sharedSeed, actions: sharedActions });

/** A time-driven run has no document lock (it takes the script lock); these pairs both write the register. */
const scheduledVsRegister = (a: string, b: string) => [a, b].includes('scheduled run') && [a, b].includes('generateReport');

test('sidebar actions under the document lock, and the scheduled run beside them: no lost update, ids and numbers unique, nothing written while waiting', () => {
  expect(suite.report((a, b) => !scheduledVsRegister(a, b))).toEqual([]);
  expect(suite.interleavings).toBeGreaterThan(200);
  expect(suite.deferred).toBeGreaterThan(100);
});

// The time-driven run has no document lock: it holds the script lock, which numbering actions from the
// sidebar take as well, so the two never read "Sổ văn bản" at the same time.
test('the scheduled run and a report issued from the sidebar at the same moment never share a number or lose a register row', () => {
  expect(suite.report(scheduledVsRegister)).toEqual([]);
});
