// Every write to the workbook runs under a lock, released in finally; state is read after acquiring it.
import { AppError } from '../core/errors';
import type { Services } from './services';

const WAIT_MS = 20000;

/**
 * Runs `fn` holding the document lock, or the script lock where a run has no document (time-driven).
 * A lock not obtained in time is a coded 'busy' error: nothing was written.
 */
export function withLock<T>(svc: Services, fn: () => T): T {
  const lock = svc.LockService.getDocumentLock() || svc.LockService.getScriptLock();
  try {
    lock.waitLock(WAIT_MS);
  } catch {
    throw new AppError('busy');
  }
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
