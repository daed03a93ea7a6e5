// The run's time budget: Apps Script stops an execution at 6 minutes, so long jobs stop starting new work at 5.

/** When this execution started: the script's globals are evaluated afresh at the start of every execution. */
const STARTED = Date.now();

/** Time a job may spend before it leaves the rest for the next hourly run (the last minute is for its writes). */
const BUDGET_MS = 5 * 60_000;

export function elapsedMs(): number {
  return Date.now() - STARTED;
}

export function outOfTime(): boolean {
  return elapsedMs() > BUDGET_MS;
}
