// Every write to the workbook runs under a lock, released in finally; state is read after acquiring it.
import { AppError } from '../core/errors';
import type { Services } from './services';

const WAIT_MS = 20000;

/**
 * Runs `fn` holding the document lock, or the script lock where a run has no document (time-driven).
 * A lock not obtained in time is a coded 'busy' error: nothing was written.
 */
export function withLock<T>(svc: Services, fn: () => T, opts: { numbering?: boolean } = {}): T {
  const doc = svc.LockService.getDocumentLock();
  // A time-driven run has no document lock and takes the script lock; actions that number
  // documents take it as well, so a scheduled report and one from the sidebar never share a number.
  const locks = doc ? (opts.numbering ? [doc, svc.LockService.getScriptLock()] : [doc]) : [svc.LockService.getScriptLock()];
  const held: GoogleAppsScript.Lock.Lock[] = [];
  try {
    for (const l of locks) {
      try {
        l.waitLock(WAIT_MS);
      } catch {
        throw new AppError('busy');
      }
      held.push(l);
    }
    return fn();
  } finally {
    for (const l of held.reverse()) l.releaseLock();
  }
}
