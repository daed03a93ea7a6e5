// A typed promise wrapper over google.script.run: names, arguments and results come from the server entry's own types.
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
