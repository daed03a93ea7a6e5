// Races, deterministically: a second execution started just before the k-th service call of a first one, for every k.
import { classify } from './runtime/cost';
import type { Emulator, RunResult } from './sandbox';

/** Starts an execution on an emulator (a call, a trigger, an edit) and returns its result. */
export type Start = (emu: Emulator) => RunResult;

export interface Race {
  /** The call point of the first execution the second one started before (1-based); 0 when it never came. */
  point: number;
  /** The api of that call. */
  api: string;
  first: RunResult;
  /** The second execution's result (completed when it waited for a lock the first one held). */
  second: RunResult;
}

/**
 * The service calls that are call points: everything but local calls (builders, Logger, Utilities), which never
 * leave the execution, so another execution starting before one of them is the same as starting before the next.
 */
function isCallPoint(api: string): boolean {
  const dot = api.indexOf('.');
  return classify(api.slice(0, dot), api.slice(dot + 1)) !== 'local';
}

/** How many call points an execution had, from its metrics. */
export function callPoints(r: RunResult): number {
  return Object.entries(r.metrics.byApi)
    .filter(([api]) => isCallPoint(api))
    .reduce((n, [, count]) => n + count, 0);
}

/**
 * Runs `first` on `emu` and, just before its `point`-th call point, `second` to completion (the emulator's lock
 * semantics decide whether it waits; see LockWaits). When the first execution makes fewer calls, the second runs after
 * it. Any beforeCall hook already set keeps running.
 */
export function raceAt(emu: Emulator, point: number, first: Start, second: Start): Race {
  const previous = emu.beforeCall;
  let firstId: number | null = null;
  let seen = 0;
  let started: { api: string; result: RunResult } | null = null;
  emu.beforeCall = (api, exec) => {
    previous?.(api, exec);
    firstId ??= exec.id;
    if (exec.id !== firstId || started || !isCallPoint(api)) return;
    if (++seen === point) started = { api, result: second(emu) };
  };
  let firstResult: RunResult;
  try {
    firstResult = first(emu);
  } finally {
    emu.beforeCall = previous;
  }
  const done = started as { api: string; result: RunResult } | null;
  if (done) return { point, api: done.api, first: firstResult, second: done.result };
  return { point: 0, api: '', first: firstResult, second: second(emu) };
}

/**
 * Every race of `second` against `first`: `first` alone on a fresh emulator counts its call points, then for each
 * point k a fresh emulator runs `raceAt(k)` and `check` inspects the outcome. Returns how many races ran.
 */
export function everyRace(
  fresh: () => Emulator,
  first: Start,
  second: Start,
  check: (race: Race, emu: Emulator) => void,
): number {
  const points = callPoints(first(fresh()));
  for (let k = 1; k <= points; k++) {
    const emu = fresh();
    check(raceAt(emu, k, first, second), emu);
  }
  return points;
}
