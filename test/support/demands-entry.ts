// Test entry: the add-on plus one entry point standing in for the forms review, which calls addDemandsFromResponses under the lock.
import { respond } from '../../src/server/respond';
import { globalServices } from '../../src/server/services';
import { openContext } from '../../src/server/context';
import { withLock } from '../../src/server/lock';
import { addDemandFromResponse, addDemandsFromResponses, type ResponseDemand } from '../../src/server/demand-flow';

export * from '../../src/main';

/** What the review does with accepted demand responses: one batch, under the document lock. */
export function acceptDemandResponses(items: ResponseDemand[]) {
  return respond(() => {
    const svc = globalServices();
    const ctx = openContext(svc);
    return withLock(svc, () => ({ ok: true as const, results: addDemandsFromResponses(ctx, items) }));
  });
}

/** The single-response form of the same, as a review accepting one response calls it. */
export function acceptDemandResponse(kind: unknown, answers: unknown, key: unknown) {
  return respond(() => {
    const svc = globalServices();
    const ctx = openContext(svc);
    return withLock(svc, () => ({ ok: true as const, ...addDemandFromResponse(ctx, kind, answers, key) }));
  });
}
