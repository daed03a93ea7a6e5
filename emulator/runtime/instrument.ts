// Wraps fake service objects so every method call is logged, classified, charged, and unknown methods fail loudly.
import { type Bridge, charge, enforceTimeLimit, gasError } from './context';
import { classify, SHEET_CLASSES, SIM_COST } from './cost';

const PASS_THROUGH = new Set([
  'then',
  'toJSON',
  'constructor',
  'toString',
  'valueOf',
  'inspect',
  'asymmetricMatch',
  'nodeType',
  '$$typeof',
]);

/** Methods allowed in AuthMode.NONE: building the add-on menu only. */
const NONE_ALLOWED = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  'Menu.addToUi',
]);

/** An enum the emulator lacks (e.g. SpreadsheetApp.BorderStyle): any member access throws, naming it. */
function missingEnum(cls: string, prop: string): unknown {
  return new Proxy(
    {},
    {
      get(_t, member) {
        if (typeof member === 'symbol' || PASS_THROUGH.has(member)) return undefined;
        throw gasError(`${cls}.${prop} is not implemented by the Task Sync emulator.`);
      },
    },
  );
}

/** The scope a simple trigger lacks for each service that needs authorization. */
const SCOPES: Record<string, string> = {
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  TriggerBuilder: 'https://www.googleapis.com/auth/script.scriptapp',
  ClockTriggerBuilder: 'https://www.googleapis.com/auth/script.scriptapp',
  SpreadsheetTriggerBuilder: 'https://www.googleapis.com/auth/script.scriptapp',
};

export function makeTracker(bridge: Bridge) {
  const { exec, host, world } = bridge;

  function record(cls: string, method: string): void {
    const api = `${cls}.${method}`;
    if (exec.death) throw gasError(exec.death);
    if (exec.authMode === 'NONE' && !NONE_ALLOWED.has(api) && cls !== 'Logger') {
      throw gasError(
        `You do not have permission to call ${api}. (AuthMode.NONE allows only building the add-on menu.)`,
      );
    }
    if (exec.simpleTrigger && SCOPES[cls] && classify(cls, method) !== 'local') {
      throw gasError(`You do not have permission to call ${api}. Required permissions: ${SCOPES[cls]}`);
    }
    host.beforeCall?.(api, exec);
    const kind = classify(cls, method);
    const sheets = SHEET_CLASSES.has(cls);
    let flush = false;
    if (sheets && kind === 'read' && exec.pendingSheetWrites) {
      flush = true;
      exec.flushes++;
      exec.pendingSheetWrites = false;
      charge(world, exec, SIM_COST.flush);
    }
    if (sheets && kind === 'write') exec.pendingSheetWrites = true;
    exec.calls.push({ api, kind, service: cls, flush });
    charge(world, exec, SIM_COST[kind]);
    if (kind === 'read' || kind === 'write') {
      exec.serviceCalls++;
      if (exec.dieAtCall !== null && exec.serviceCalls >= exec.dieAtCall) {
        exec.death = 'Execution was terminated (injected fault).';
        throw gasError(exec.death);
      }
    }
    const fault = host.fault?.(api, exec);
    if (fault?.delayMs) charge(world, exec, fault.delayMs);
    enforceTimeLimit(exec);
    if (fault?.error) throw gasError(fault.error);
  }

  /** Wraps an instance: calls are logged as `${cls}.${method}`; unknown methods throw when called. */
  function track<T extends object>(obj: T, cls: string): T {
    return new Proxy(obj, {
      get(target, prop, receiver) {
        if (typeof prop === 'symbol' || PASS_THROUGH.has(prop)) return Reflect.get(target, prop, receiver);
        const value = Reflect.get(target, prop, receiver);
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            record(cls, prop);
            const out = value.apply(target, args);
            return out === target ? receiver : out;
          };
        }
        if (value !== undefined || prop in target) return value;
        if (/^[A-Z]/.test(prop)) return missingEnum(cls, prop);
        return () => {
          throw gasError(`${cls}.${prop} is not implemented by the Task Sync emulator.`);
        };
      },
    });
  }

  return { track, record };
}

export type Tracker = ReturnType<typeof makeTracker>;
