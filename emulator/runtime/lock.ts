// Fake LockService: one holder per scope, released at the end of the execution; contention waits on the simulated clock.
import { charge, enforceTimeLimit, gasError } from './context';
import type { Env } from './env';

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/** What the script sees when this attempt is abandoned to wait in the lock queue (the host runs it again). */
const QUEUED = 'Waiting for the lock held by another execution (the emulator runs this execution again).';

/**
 * A lock on one scope (document, script or user). Apps Script blocks a contender until the holder releases or the
 * timeout passes; the emulator is single-threaded, so a contender either waits out its whole timeout on the simulated
 * clock and gives up (the default), or — when the host queues it — stops here and is run again from the start as soon
 * as the holder releases (see Emulator.lockWaits).
 */
class Lock {
  constructor(
    private readonly env: Env,
    private readonly key: string,
  ) {}

  private holder(): number | undefined {
    return this.env.world.locks[this.key];
  }

  tryLock(timeoutInMillis: number): boolean {
    const { world, exec, host } = this.env;
    const timeout = Math.max(0, Number(timeoutInMillis) || 0);
    if (exec.lockTimedOut === this.key) {
      // A queued rerun whose wait was longer than this timeout: it gives up here, as it would have while waiting.
      exec.lockTimedOut = null;
      return false;
    }
    const holder = this.holder();
    if (holder === undefined || holder === exec.id) {
      world.locks[this.key] = exec.id;
      return true;
    }
    if (host.contend?.(this.key, holder, exec, timeout)) {
      exec.parked = true;
      exec.death = QUEUED;
      throw gasError(QUEUED);
    }
    // The wait passes on the clock even when calls' costs do not move it (Emulator clockRuns off).
    charge(world, exec, timeout);
    if (!exec.clockRuns) world.clock.now += timeout;
    enforceTimeLimit(exec);
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw gasError(LOCK_TIMEOUT);
  }

  releaseLock(): void {
    if (this.holder() !== this.env.exec.id) return;
    delete this.env.world.locks[this.key];
    this.env.host.released?.(this.key, this.env.exec.id);
  }

  hasLock(): boolean {
    return this.holder() === this.env.exec.id;
  }
}

export function makeLockService(env: Env): unknown {
  return env.track(
    {
      getDocumentLock: () => env.track(new Lock(env, `document:${env.world.spreadsheet.id}`), 'Lock'),
      getScriptLock: () => env.track(new Lock(env, 'script'), 'Lock'),
      getUserLock: () => env.track(new Lock(env, `user:${env.exec.effectiveUser}`), 'Lock'),
    },
    'LockService',
  );
}
