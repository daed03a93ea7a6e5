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
  dead: boolean;
  /** Simulated milliseconds allowed (Apps Script: 6 minutes; simple triggers: 30 s). */
  simLimitMs: number;
}

/** Hooks the host (test or playground) gives the runtime. */
export interface HostHooks {
  /** Called before every service call with its api name; may start another execution (race tests). */
  beforeCall?: (api: string, exec: ExecutionState) => void;
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

/** Errors the fake services throw look like Apps Script's: `Exception: …`. */
export function gasError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}
