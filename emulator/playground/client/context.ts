// What the page's parts share: the latest data, the acting user, and the actions that refresh them.
import type { State, Workbook } from './api';

export interface Ctx {
  readonly state: State;
  readonly workbook: Workbook;
  /** The email every call is made as. */
  readonly user: string;
  setUser(email: string): Promise<void>;
  /** Reloads the state, the workbook and the open bottom panel after a mutating call. */
  refresh(): Promise<void>;
  /** Opens the file again (onOpen for the menu) and reloads everything: after a user switch or a reset. */
  reopen(): Promise<void>;
  status(text: string, tone?: 'info' | 'error'): void;
  showSidebar(): void;
  /** Runs a user action, reporting a failure in the status line instead of losing it. */
  run(action: () => Promise<void>): Promise<void>;
}
