// A typed promise wrapper over google.script.run (names, arguments and results from the server entry's types), and a loader with retry.
import { button, h } from './dom';

type Server = typeof import('../entry/index');

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

declare const google: { script: { run: ScriptRunner } };

/** The runner HtmlService provides (a shim in the playground). */
function runner(): ScriptRunner {
  return google.script.run;
}

/** Calls a server function; resolves with its JSON result or rejects with its Error (message in the locale). */
export function callServer<K extends keyof Server>(
  fn: K,
  ...args: Parameters<Server[K]>
): Promise<ReturnType<Server[K]>> {
  return new Promise((resolve, reject) => {
    const run = runner()
      .withSuccessHandler((value) => resolve(value as ReturnType<Server[K]>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    (run as unknown as Record<K, (...a: unknown[]) => void>)[fn](...args);
  });
}

/** The readable message of a failed call. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Load<T> {
  /** The texts of the loading line and the retry button. */
  loading: string;
  retry: string;
  fetch: () => Promise<T>;
  show: (value: T) => void;
  /** What the retry button runs: the caller's whole load again. */
  again: () => void;
  /** Extra attributes of the error line and the retry button (test ids, the button's class). */
  errorAttrs?: Record<string, string>;
  retryAttrs?: Record<string, string>;
}

/** Shows a loading line in `root` while fetching, then the result; on failure the error and a retry. Resolves whether it showed. */
export async function loadInto<T>(root: HTMLElement, l: Load<T>): Promise<boolean> {
  root.replaceChildren(h('p', { class: 'loading', role: 'status' }, l.loading));
  try {
    l.show(await l.fetch());
    return true;
  } catch (e) {
    root.replaceChildren(
      h('p', { class: 'status status-error', role: 'alert', ...l.errorAttrs }, messageOf(e)),
      button(l.retry, l.again, { class: 'secondary', ...l.retryAttrs }),
    );
    return false;
  }
}
