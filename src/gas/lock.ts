// The document lock around every write that allocates IDs or addresses rows, with a readable "try again" when busy.
import { BUSY_MESSAGE } from '../core/strings';
import { type ActionSession, openSession } from './session';

const WAIT_MS = 10_000;

/**
 * Runs `fn` holding the document lock. The lock is released when the execution ends, after Apps Script commits the
 * writes, so no other execution reads the sheets half-written; releasing it by hand would need a flush first.
 */
export function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(WAIT_MS)) throw new Error(BUSY_MESSAGE);
  return fn();
}

/** Runs an action under the document lock with a session read inside it, so IDs and rows cannot change under it. */
export function lockedAction<T>(fn: (s: ActionSession) => T): T {
  return withDocumentLock(() => fn(openSession()));
}
