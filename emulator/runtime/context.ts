// The per-execution state the fake services share: who runs, in which auth mode, and the call log.
import type { CallRecord, World } from '../world';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

export interface ExecutionState {
  id: number;
  fn: string;
  /** Session.getActiveUser(): '' when Apps Script cannot tell. */
  activeUser: string;
  /** Session.getEffectiveUser(): the account whose authority the code runs with. */
  effectiveUser: string;
  authMode: AuthModeName;
  /** True for simple triggers (onOpen/onEdit): no services that need authorization. */
  simpleTrigger: boolean;
  /** True when a UI (menu, sidebar, dialog) is attached, as in menu and sidebar executions. */
  ui: boolean;
  calls: CallRecord[];
  /** Reads plus writes so far (what the budgets count). */
  serviceCalls: number;
  pendingSheetWrites: boolean;
  flushes: number;
  simMs: number;
  emails: number;
  recipients: number;
  /** Die (throw) at the Nth service call (1-based): fault injection. After dying every call throws. */
  dieAtCall: number | null;
  /**
   * Why the execution was ended (an injected fault, the time limit, a wait in the lock queue), or null. Every later
   * call throws it, and the execution fails with it even if the script catches it: Apps Script's termination cannot
   * be caught.
   */
  death: string | null;
  /** Simulated milliseconds allowed (Apps Script: 6 minutes; simple triggers: 30 s). */
  simLimitMs: number;
  /** When true the world's clock advances by each call's simulated cost, so Date.now() sees the execution's time pass. */
  clockRuns: boolean;
  /** Fraction of a millisecond charged but not yet added to the clock (the clock stays whole). */
  clockCarry: number;
  /** A lock key whose first acquisition gives up at once: this run already waited its timeout in a queue. */
  lockTimedOut: string | null;
  /** Set when the execution stopped to wait for a lock held by a suspended execution (the host runs it again). */
  parked: boolean;
}

/** Hooks the host (test or playground) gives the runtime. */
export interface HostHooks {
  /** Called before every service call with its api name; may start another execution (race tests). */
  beforeCall?: (api: string, exec: ExecutionState) => void;
  /** Fault injection, asked at every service call after it is charged: extra simulated time, or an error to throw. */
  fault?: (api: string, exec: ExecutionState) => { delayMs?: number; error?: string } | null;
  /**
   * Asked when `exec` wants a lock another execution holds: true means the host will run `exec` again from the
   * start once `holder` releases it (the lock queue), so this attempt stops here; false means it times out.
   */
  contend?: (key: string, holder: number, exec: ExecutionState, timeoutMs: number) => boolean;
  /** Told when an execution releases a lock by hand (the host then runs the executions queued on it). */
  released?: (key: string, holder: number) => void;
  /** HTML files of the project by name (without .html). */
  htmlFiles: Record<string, string>;
  /** Deterministic random number in [0, 1). */
  random: () => number;
}

export interface Bridge {
  world: World;
  exec: ExecutionState;
  host: HostHooks;
}

/** Charges simulated time to an execution (and to the world's clock when the clock runs). */
export function charge(world: World, exec: ExecutionState, ms: number): void {
  exec.simMs += ms;
  if (!exec.clockRuns) return;
  exec.clockCarry += ms;
  const whole = Math.floor(exec.clockCarry);
  exec.clockCarry -= whole;
  world.clock.now += whole;
}

/** Ends the execution once its simulated time passes its limit, as Apps Script stops it (the death cannot be caught). */
export function enforceTimeLimit(exec: ExecutionState): void {
  if (exec.simMs <= exec.simLimitMs) return;
  exec.death = 'Exceeded maximum execution time';
  throw gasError(exec.death);
}

/** Errors the fake services throw look like Apps Script's: `Exception: …`. */
export function gasError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}
