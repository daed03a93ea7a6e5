// Runtime entry, evaluated inside each execution's fresh context: installs the fake services and the simulated clock.
import { makeCharts } from './charts';
import { type Bridge, gasError } from './context';
import { makeEnv } from './env';
import { makeHtmlService } from './html';
import { makeTracker } from './instrument';
import { makeLockService } from './lock';
import { makeScriptApp } from './script';
import { makeLoggers, makeMailApp, makePropertiesService, makeSession } from './services';
import { makeSpreadsheetApp } from './spreadsheet';
import { uiGetter } from './ui';
import { makeUtilities } from './utilities';

/** What the host hands the context before the runtime runs (removed from the global scope at once). */
interface Handoff extends Bridge {
  addonName: string;
  scriptTimeZone: string;
  /** Filled in by the runtime: builds objects inside this realm for the host. */
  exports?: RuntimeExports;
}

export interface RuntimeExports {
  /** Runs a global function with JSON arguments; returns the JSON of the result (google.script.run rules when rpc). */
  invoke(name: string, argsJson: string, rpc: boolean): string;
  /** Runs a global function with an event object built here (edit or clock events). */
  invokeWithEvent(name: string, event: EventSpec): string;
}

export type EventSpec =
  | {
      kind: 'edit';
      sheetId: number;
      r1: number;
      c1: number;
      r2: number;
      c2: number;
      value?: string;
      oldValue?: string;
      user: string;
      authMode: string;
      triggerUid?: string;
    }
  | { kind: 'open'; user: string; authMode: string }
  | { kind: 'clock'; fields: Record<string, unknown> };

const g = globalThis as unknown as Record<string, unknown>;
const handoff = g.__taskSyncEmulator as Handoff;
delete g.__taskSyncEmulator;

installClock(handoff);
const tracker = makeTracker(handoff);
const env = makeEnv(handoff, tracker);
const { SpreadsheetApp, range } = makeSpreadsheetApp(env, uiGetter(env, handoff.addonName), (email) =>
  env.track({ getEmail: () => email }, 'User'),
);
const { Logger, console } = makeLoggers(env);
Object.assign(g, {
  SpreadsheetApp,
  Charts: makeCharts(env),
  ScriptApp: makeScriptApp(env),
  LockService: makeLockService(env),
  PropertiesService: makePropertiesService(env),
  MailApp: makeMailApp(env),
  Session: makeSession(env, handoff.scriptTimeZone),
  HtmlService: makeHtmlService(env),
  Utilities: makeUtilities(env),
  Logger,
  console,
});

function installClock(h: Handoff): void {
  const RealDate = Date;
  RealDate.now = () => h.world.clock.now;
  g.Date = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(
        target,
        args.length ? args : [h.world.clock.now],
        newTarget === g.Date ? target : newTarget,
      );
    },
    apply() {
      return new RealDate(h.world.clock.now).toString();
    },
  });
  Object.defineProperty(RealDate.prototype, 'constructor', {
    value: g.Date,
    writable: true,
    configurable: true,
  });
}

function globalFunction(name: string): (...args: unknown[]) => unknown {
  const fn = g[name];
  if (typeof fn !== 'function' || name.endsWith('_')) throw gasError(`Script function not found: ${name}`);
  return fn as (...args: unknown[]) => unknown;
}

/** google.script.run's rules for what may cross: primitives, arrays and plain objects; no Dates, functions or cycles. */
function rpcSafe(v: unknown, path: string, seen: Set<unknown>): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === undefined) return undefined;
  if (typeof v === 'function') throw gasError(`google.script.run cannot carry a function (at ${path}).`);
  if (Object.prototype.toString.call(v) === '[object Date]') {
    throw gasError(`google.script.run cannot carry a Date (at ${path}); send an ISO string instead.`);
  }
  if (seen.has(v)) throw gasError(`google.script.run cannot carry a circular structure (at ${path}).`);
  seen.add(v);
  if (Array.isArray(v)) return v.map((x, i) => rpcSafe(x, `${path}[${i}]`, seen) ?? null);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const safe = rpcSafe(x, `${path}.${k}`, seen);
    if (safe !== undefined) out[k] = safe;
  }
  seen.delete(v);
  return out;
}

function toJson(result: unknown, rpc: boolean): string {
  const value = rpc ? rpcSafe(result, 'result', new Set()) : result;
  return value === undefined ? 'null' : JSON.stringify(value);
}

function user(email: string): unknown {
  return env.track({ getEmail: () => email, toString: () => email }, 'User');
}

handoff.exports = {
  invoke(name, argsJson, rpc) {
    const fn = globalFunction(name);
    return toJson(fn.apply(g, JSON.parse(argsJson) as unknown[]), rpc);
  },
  invokeWithEvent(name, spec) {
    const fn = globalFunction(name);
    const ss =
      spec.kind !== 'clock' && spec.authMode !== 'NONE'
        ? (SpreadsheetApp as { getActive(): unknown }).getActive()
        : undefined;
    let event: Record<string, unknown>;
    if (spec.kind === 'edit') {
      event = {
        authMode: spec.authMode,
        source: ss,
        range: range(spec.sheetId, spec),
        user: user(spec.user),
      };
      if (spec.value !== undefined) event.value = spec.value;
      if (spec.oldValue !== undefined) event.oldValue = spec.oldValue;
      if (spec.triggerUid) event.triggerUid = spec.triggerUid;
    } else if (spec.kind === 'open') {
      event = { authMode: spec.authMode, source: ss, user: user(spec.user) };
    } else {
      event = { ...spec.fields };
    }
    return toJson(fn.call(g, event), false);
  },
};
