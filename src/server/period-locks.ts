// Periods covered by a formal report sent to Sở KH&CN: their events change only by an admin, with a trace.
import { AppError } from '../core/errors';
import { isAdmin } from '../core/settings';
import { isoToVn } from '../core/vn-format';
import { getProp, setProp, type Ctx } from './context';

export interface PeriodLock {
  from: string;
  to: string;
  number: string;
}

export const LOCKS_KEY = 'lhh.locks';

export function readLocks(ctx: Ctx): PeriodLock[] {
  const raw = getProp(ctx, LOCKS_KEY);
  return raw ? (JSON.parse(raw) as PeriodLock[]) : [];
}

export function addLock(ctx: Ctx, lock: PeriodLock): void {
  const locks = readLocks(ctx).filter((l) => !(l.from === lock.from && l.to === lock.to));
  locks.push(lock);
  setProp(ctx, LOCKS_KEY, JSON.stringify(locks));
}

export function lockFor(locks: PeriodLock[], date: string): PeriodLock | undefined {
  return locks.find((l) => date >= l.from && date <= l.to);
}

/**
 * Refuses a change touching a locked date unless the user is an admin; returns the lock an
 * admin overrode, so the caller can say so in the audit log.
 */
export function checkLocked(ctx: Ctx, locks: PeriodLock[], dates: string[]): PeriodLock | undefined {
  for (const d of dates) {
    const l = d ? lockFor(locks, d) : undefined;
    if (!l) continue;
    if (!isAdmin(ctx.settings, ctx.user)) {
      throw new AppError('periodLocked', { period: `${isoToVn(l.from)}–${isoToVn(l.to)}`, number: l.number });
    }
    return l;
  }
  return undefined;
}
