// The edge: coded errors become Vietnamese messages; a sidebar never sees a stack trace or a throw.
import { isAppError, setOwn } from '../core/errors';
import { fieldMessage, messageOf } from '../core/messages';
import type { Failure } from '../core/types';

/** Messages Google's services give when a call failed for reasons that pass. */
export const TRANSIENT = /timed out|Address unavailable|Service error|try again|Internal error|Service invoked too many times in a short time|Rate Limit|Service unavailable|Service \w+ failed while accessing|failed while accessing document|Server error|Backend error|temporarily unavailable|currently unavailable|Quota exceeded for quota metric/i;

/**
 * Reading a range, or writing the same values to the same range, is safe to repeat: a call that
 * failed in passing is tried again at once, twice at most, before the error reaches the user.
 */
export function again<T>(fn: () => T, tries = 3): T {
  for (let i = 1; ; i++) {
    try {
      return fn();
    } catch (e) {
      if (i >= tries || !TRANSIENT.test(String((e as { message?: unknown })?.message ?? e))) throw e;
    }
  }
}

export function isTransient(e: unknown): boolean {
  return e instanceof Object && TRANSIENT.test(String((e as { message?: unknown }).message ?? e));
}

export function failure(e: unknown): Failure {
  if (isAppError(e)) {
    const errors: Record<string, string> = {};
    for (const [field, p] of Object.entries(e.fields)) setOwn(errors, field, fieldMessage(field, p.code, p.params));
    const first = Object.keys(errors)[0];
    const message = e.code === 'invalidInput' && first && Object.keys(errors).length === 1 ? errors[first] : messageOf(e.code, e.params);
    return { ok: false, code: e.code, message, errors };
  }
  const text = String((e as { message?: unknown })?.message ?? e);
  if (/Lock timeout/i.test(text)) return { ok: false, code: 'busy', message: messageOf('busy'), errors: {} };
  if (isTransient(e)) return { ok: false, code: 'transient', message: messageOf('transient'), errors: {} };
  console.error(e);
  return { ok: false, code: 'unexpected', message: messageOf('unexpected', {}), errors: {} };
}

/** Runs an action for a sidebar or the menu: its JSON result, or a Failure. */
export function respond<T>(fn: () => T): T | Failure {
  try {
    return fn();
  } catch (e) {
    return failure(e);
  }
}

/** Retries an operation that is safe to repeat, with back-off, when Google's service fails in passing. */
export function retrying<T>(sleep: (ms: number) => void, fn: () => T, tries = 3): T {
  for (let i = 1; ; i++) {
    try {
      return fn();
    } catch (e) {
      if (i >= tries || !isTransient(e)) throw e;
      sleep(500 * 2 ** (i - 1));
    }
  }
}

/**
 * Steps after the user's change is safely written (audit entry, dashboard, computed columns) must
 * not turn a saved change into an error the user would "fix" by saving twice: they are tried
 * twice and then only logged.
 */
export function afterwards(what: string, fn: () => void): void {
  for (let i = 1; i <= 2; i++) {
    try {
      fn();
      return;
    } catch (e) {
      if (i === 2 || !isTransient(e)) {
        console.error(`${what}: ${String((e as { message?: unknown })?.message ?? e)}`);
        return;
      }
    }
  }
}
