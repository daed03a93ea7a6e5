// The document lock around every write that allocates IDs or addresses rows, with a readable "try again" when busy.
import { BUSY_MESSAGE, t } from '../core/strings';
import { type ActionSession, openSession } from './session';
import { readSettings } from './settings';

/** How long a sidebar action waits for the lock before it asks the user to try again. */
const WAIT_MS = 10_000;

export function documentLock(): GoogleAppsScript.Lock.Lock {
  return LockService.getDocumentLock() ?? LockService.getScriptLock();
}

/**
 * "Try again" in the workbook's language. Read only when the lock is refused, so a successful action pays nothing for
 * it; both languages when even the settings cannot be read.
 */
function busyMessage(): string {
  try {
    const locale = readSettings().locale;
    return locale ? t('error.busy', locale) : BUSY_MESSAGE;
  } catch {
    return BUSY_MESSAGE;
  }
}

/**
 * Runs `fn` holding the document lock. The lock is released when the execution ends, after Apps Script commits the
 * writes, so no other execution reads the sheets half-written; releasing it by hand would need a flush first.
 */
export function withDocumentLock<T>(fn: () => T): T {
  if (!documentLock().tryLock(WAIT_MS)) throw new Error(busyMessage());
  return fn();
}

/** Runs an action under the document lock with a session read inside it, so IDs and rows cannot change under it. */
export function lockedAction<T>(fn: (s: ActionSession) => T): T {
  return withDocumentLock(() => fn(openSession()));
}
