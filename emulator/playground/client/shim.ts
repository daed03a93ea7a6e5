// google.script.run and google.script.host for the sidebar in the playground, over POST /rpc, with Apps Script's rules.
interface Runner {
  [fn: string]: unknown;
}
type Handler = (value: unknown, userObject?: unknown) => void;

const MAX_IN_FLIGHT = 10;
let inFlight = 0;
const waiting: (() => void)[] = [];

function user(): string {
  return new URLSearchParams(location.search).get('user') ?? '';
}

/** Apps Script refuses Dates, functions and DOM nodes (a form is the only element allowed, as the sole argument). */
function checkArg(v: unknown, path: string, seen: Set<unknown>): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === undefined) return undefined;
  if (typeof v === 'function') throw new Error(`Failed due to illegal value in property: ${path}`);
  if (v instanceof Date) throw new Error(`Failed due to illegal value in property: ${path}`);
  if (typeof Node !== 'undefined' && v instanceof Node)
    throw new Error(`Failed due to illegal value in property: ${path}`);
  if (seen.has(v)) throw new Error(`Failed due to a circular structure at ${path}`);
  seen.add(v);
  const out = Array.isArray(v)
    ? v.map((x, i) => checkArg(x, `${path}.${i}`, seen) ?? null)
    : Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .map(([k, x]) => [k, checkArg(x, `${path}.${k}`, seen)] as const)
          .filter(([, x]) => x !== undefined),
      );
  seen.delete(v);
  return out;
}

function formArgs(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  new FormData(form).forEach((value, key) => {
    out[key] = typeof value === 'string' ? value : null;
  });
  return out;
}

async function call(
  fn: string,
  args: unknown[],
  ok: Handler | null,
  fail: Handler | null,
  userObject: unknown,
): Promise<void> {
  let payload: unknown[];
  try {
    payload =
      args.length === 1 && typeof HTMLFormElement !== 'undefined' && args[0] instanceof HTMLFormElement
        ? [formArgs(args[0])]
        : args.map((a, i) => checkArg(a, String(i), new Set()));
  } catch (e) {
    setTimeout(() => fail?.(e, userObject));
    return;
  }
  if (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
  inFlight++;
  try {
    const res = await fetch('/rpc', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fn, args: payload, user: user() }),
    });
    const body = (await res.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
    if (body.ok) ok?.(body.result, userObject);
    else fail?.(new Error(body.error?.message ?? 'Unknown error'), userObject);
  } catch (e) {
    fail?.(new Error(`NetworkError: ${(e as Error).message}`), userObject);
  } finally {
    inFlight--;
    waiting.shift()?.();
  }
}

function runner(ok: Handler | null, fail: Handler | null, userObject: unknown): Runner {
  return new Proxy({} as Runner, {
    get(_t, prop) {
      if (prop === 'withSuccessHandler') return (h: Handler) => runner(h, fail, userObject);
      if (prop === 'withFailureHandler') return (h: Handler) => runner(ok, h, userObject);
      if (prop === 'withUserObject') return (o: unknown) => runner(ok, fail, o);
      if (typeof prop !== 'string' || prop.endsWith('_')) return undefined;
      return (...args: unknown[]) => {
        void call(prop, args, ok, fail, userObject);
      };
    },
  });
}

const post = (type: string, data: Record<string, unknown> = {}) =>
  parent.postMessage({ source: 'task-sync-sidebar', type, ...data }, '*');

(window as unknown as { google: unknown }).google = {
  script: {
    run: runner(null, null, undefined),
    host: {
      close: () => post('close'),
      setHeight: (h: number) => post('setHeight', { h }),
      setWidth: (w: number) => post('setWidth', { w }),
      editor: { focus: () => post('focus') },
      origin: location.origin,
    },
  },
};
