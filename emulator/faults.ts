// Fault injection by data: service calls that start failing after some successes, or take far longer than usual.
/** One injected fault, matched by api name; its counters run across executions (a quota runs out mid-run). */
export interface CallFault {
  /** The api, as the call log names it (`MailApp.sendEmail`), or `*` for every call. */
  api: string;
  /** Matching calls that still behave before the fault starts (default 0). */
  after?: number;
  /** Matching calls the fault applies to once it starts (default: every one from then on). */
  times?: number;
  /** The message of the Exception the call throws (Apps Script's own wording where there is one). */
  error?: string;
  /** Extra simulated time the call takes; enough of it ends the execution at its time limit. */
  delayMs?: number;
  /** Matching calls seen so far. */
  seen?: number;
  /** Times the fault fired (each is one fault point injected). */
  fired?: number;
}

/** Apps Script's message when the day's mail quota is used up. */
export const MAIL_QUOTA_ERROR = 'Service invoked too many times for one day: email.';

/** The fault (delay, error) that applies to this call, updating the counters; null when none does. */
export function applyFaults(
  faults: readonly CallFault[],
  api: string,
): { delayMs?: number; error?: string } | null {
  const out: { delayMs?: number; error?: string } = {};
  let hit = false;
  for (const f of faults) {
    if (f.api !== '*' && f.api !== api) continue;
    f.seen = (f.seen ?? 0) + 1;
    const seen = f.seen;
    const start = f.after ?? 0;
    if (seen <= start || (f.times !== undefined && seen > start + f.times)) continue;
    f.fired = (f.fired ?? 0) + 1;
    hit = true;
    if (f.delayMs) out.delayMs = (out.delayMs ?? 0) + f.delayMs;
    if (f.error && !out.error) out.error = f.error;
  }
  return hit ? out : null;
}

/** Fault points injected so far by a list of faults. */
export function faultsFired(faults: readonly CallFault[]): number {
  return faults.reduce((n, f) => n + (f.fired ?? 0), 0);
}
