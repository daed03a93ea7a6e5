// Runs dist/Code.js like Apps Script: a fresh context per execution with the fake services, same-realm Dates, no Node globals.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { buildSync } from 'esbuild';
import { applyFaults, type CallFault } from './faults';
import type { AuthModeName, ExecutionState, HostHooks } from './runtime/context';
import { SHEET_CLASSES } from './runtime/cost';
import type { EventSpec, RuntimeExports } from './runtime/index';
import type { ExecutionMetrics, TriggerState, World } from './world';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(here, '..');

let runtimeScript: vm.Script | null = null;
/** The fake services, bundled once per process and evaluated inside every execution's context. */
function runtime(): vm.Script {
  if (!runtimeScript) {
    const out = buildSync({
      entryPoints: [path.join(here, 'runtime', 'index.ts')],
      bundle: true,
      format: 'iife',
      target: 'es2022',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
    });
    runtimeScript = new vm.Script(out.outputFiles[0]!.text, { filename: 'emulator-runtime.js' });
  }
  return runtimeScript;
}

let collectGarbage: (() => void) | null = null;
const heapUsed = () => v8.getHeapStatistics().used_heap_size;

/** One execution's heap: collected in full at its start, then sampled; the peak is in MB above the start. */
function heapProbe() {
  if (!collectGarbage) {
    // The flag makes every new context carry gc(); set it only when asked, as it changes the process.
    v8.setFlagsFromString('--expose-gc');
    collectGarbage = vm.runInNewContext('gc') as () => void;
  }
  collectGarbage();
  const start = heapUsed();
  let peak = start;
  return {
    sample: () => {
      peak = Math.max(peak, heapUsed());
    },
    peakMb: () => Math.round((peak - start) / 1e5) / 10,
  };
}

interface LoadedProject {
  /** Code.js first, then any other .js files alphabetically: one global scope, as Apps Script loads a project's files. */
  code: vm.Script[];
  html: Record<string, string>;
  scriptTimeZone: string;
  stamp: string;
}
const projects = new Map<string, LoadedProject>();

/** Loads dist/ (Code.js, the HTML files, appsscript.json), reloading when the build changes. */
function loadProject(distDir: string): LoadedProject {
  const codePath = path.join(distDir, 'Code.js');
  if (!fs.existsSync(codePath)) throw new Error(`${codePath} is missing: run \`npm run build\` first.`);
  const files = fs.readdirSync(distDir);
  const stamp = files.map((f) => `${f}:${fs.statSync(path.join(distDir, f)).mtimeMs}`).join('|');
  const cached = projects.get(distDir);
  if (cached && cached.stamp === stamp) return cached;
  const html: Record<string, string> = {};
  for (const f of files)
    if (f.endsWith('.html')) html[f.slice(0, -5)] = fs.readFileSync(path.join(distDir, f), 'utf8');
  const manifestPath = path.join(distDir, 'appsscript.json');
  const manifest = fs.existsSync(manifestPath) ? JSON.parse(fs.readFileSync(manifestPath, 'utf8')) : {};
  const scripts = ['Code.js', ...files.filter((f) => f.endsWith('.js') && f !== 'Code.js').sort()];
  const project = {
    code: scripts.map((f) => new vm.Script(fs.readFileSync(path.join(distDir, f), 'utf8'), { filename: f })),
    html,
    scriptTimeZone: String(manifest.timeZone ?? 'UTC'),
    stamp,
  };
  projects.set(distDir, project);
  return project;
}

export interface ExecOptions {
  activeUser: string;
  effectiveUser: string;
  authMode?: AuthModeName;
  simpleTrigger?: boolean;
  ui?: boolean;
  rpc?: boolean;
  dieAtCall?: number | null;
}

/** How a rerun from the lock queue starts: after its wait, giving up at once if the wait outlasted its timeout. */
interface QueuedStart {
  waitedMs: number;
  timedOutKey: string | null;
  /** The result handed out when the execution first queued, completed when it finally runs. */
  result: RunResult;
}

/** An execution that stopped to wait for a lock a suspended execution holds (lockWaits = 'queue'). */
interface Waiter {
  key: string;
  holder: number;
  timeoutMs: number;
  /** The holder's simulated time when the waiter queued: the wait is what the holder spends after that. */
  holderSimAtPark: number;
  rerun: (start: QueuedStart) => RunResult;
  result: RunResult;
}

/**
 * How an execution waits for a lock another one holds. 'timeout': it waits out its whole timeout on the simulated
 * clock and fails (tryLock false, waitLock throws) — what happens when the holder runs longer than the timeout.
 * 'queue': it waits until the holder releases, as Apps Script's blocking lock does; being single-threaded, the
 * emulator stops the waiting execution at its tryLock/waitLock and runs it again from the start the moment the
 * holder releases (at releaseLock or at its end), with the wait charged to its time (and the clock). It then gives up
 * as with 'timeout' if the holder ran longer after it queued than its timeout. Running it again from the start is
 * the same as resuming it only if it changed nothing before asking for the lock, so an execution that already wrote
 * something times out as with 'timeout' instead.
 */
export type LockWaits = 'timeout' | 'queue';

export interface RunResult<T = unknown> {
  ok: boolean;
  result: T;
  error: { name: string; message: string; stack: string } | null;
  metrics: ExecutionMetrics;
  /** True while the execution waits in the lock queue; the host fills in this result when it has run. */
  pending?: boolean;
  /** Simulated ms it waited in the lock queue before it ran. */
  waitedMs?: number;
}

/** Apps Script stops an execution after 6 minutes, a simple trigger after 30 s (here: of simulated time). */
export const APPS_SCRIPT_LIMIT_MS = 360_000;
const SIMPLE_TRIGGER_LIMIT_MS = 30_000;

export interface EmulatorOptions {
  distDir?: string;
  /** Title of the add-on menu (createAddonMenu). */
  addonName?: string;
  /** Wall-clock guard against infinite loops, per execution. */
  timeoutMs?: number;
  beforeCall?: HostHooks['beforeCall'];
  /** How a contender waits for a lock (default 'timeout'; see LockWaits). */
  lockWaits?: LockWaits;
  /** Let the clock advance by each call's simulated cost, so Date.now() sees an execution's time pass (default off). */
  clockRuns?: boolean;
  /** Simulated ms an execution may run before it is stopped, overriding Apps Script's limits (the bench's naive runs). */
  simLimitMs?: number;
  /** Record each execution's peakHeapMb (a full garbage collection per execution: for the benchmark). */
  measureHeap?: boolean;
}

export class ScriptError extends Error {
  constructor(
    message: string,
    readonly metrics: ExecutionMetrics,
  ) {
    super(message);
  }
}

export class Emulator {
  private readonly distDir: string;
  /** Set to make executions die at a given service call (fault injection); applies to the next execution only. */
  dieAtCall: number | null = null;
  beforeCall: HostHooks['beforeCall'];
  /** Faults injected into every execution's service calls (counters run across executions). */
  faults: CallFault[] = [];
  lockWaits: LockWaits;
  clockRuns: boolean;
  private depth = 0;
  /** Executions started and not yet ended (a nested execution's caller is suspended, not ended). */
  private readonly running = new Map<number, ExecutionState>();
  private readonly queue: Waiter[] = [];
  /** Where each execution that decided to queue waits (filled by contend, read when its attempt ends). */
  private readonly parking = new Map<number, Omit<Waiter, 'rerun' | 'result'>>();

  constructor(
    public world: World,
    private readonly options: EmulatorOptions = {},
  ) {
    this.distDir = options.distDir ?? path.join(PROJECT_ROOT, 'dist');
    this.beforeCall = options.beforeCall;
    this.lockWaits = options.lockWaits ?? 'timeout';
    this.clockRuns = options.clockRuns ?? false;
  }

  /** Deterministic random numbers from the world's seed (mulberry32), so runs repeat exactly. */
  random = (): number => {
    this.world.config.seed = (this.world.config.seed + 0x6d2b79f5) >>> 0;
    let t = this.world.config.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  /** A user-initiated execution (menu item, sidebar call, editor run) of a top-level function with JSON arguments. */
  call<T = unknown>(
    fn: string,
    args: unknown[],
    user: string,
    opts: Partial<ExecOptions> = {},
  ): RunResult<T> {
    return this.execute<T>(
      fn,
      { kind: 'args', args },
      { activeUser: user, effectiveUser: user, ui: true, ...opts },
    );
  }

  /** Like call(), but throws a ScriptError when the script throws. */
  callOk<T = unknown>(fn: string, args: unknown[], user: string, opts: Partial<ExecOptions> = {}): T {
    const r = this.call<T>(fn, args, user, opts);
    if (!r.ok) throw new ScriptError(r.error!.message, r.metrics);
    return r.result;
  }

  /** A simple trigger (onOpen/onEdit): limited authorization; the active user may be unknown. */
  simpleTrigger(fn: string, event: EventSpec, user: string, authMode: AuthModeName = 'LIMITED'): RunResult {
    return this.execute(
      fn,
      { kind: 'event', event },
      {
        activeUser: this.visibleUser(user),
        effectiveUser: user,
        authMode,
        simpleTrigger: true,
        ui: true,
      },
    );
  }

  /** An installable trigger: runs as the account that created it. */
  installableTrigger(trigger: TriggerState, event: EventSpec, editor?: string): RunResult {
    return this.execute(
      trigger.handler,
      { kind: 'event', event },
      {
        activeUser: editor === undefined ? trigger.owner : this.visibleUser(editor, trigger.owner),
        effectiveUser: trigger.owner,
        authMode: 'FULL',
      },
    );
  }

  /** Whom Session.getActiveUser() reveals to code run for `user` but not authorised by them. */
  visibleUser(user: string, runner?: string): string {
    if (this.world.config.identity === 'domain') return user;
    return user === (runner ?? this.world.spreadsheet.owner) ? user : '';
  }

  private execute<T>(
    fn: string,
    what: { kind: 'args'; args: unknown[] } | { kind: 'event'; event: EventSpec },
    opts: ExecOptions,
    queued?: QueuedStart,
  ): RunResult<T> {
    const project = loadProject(this.distDir);
    const world = this.world;
    const exec: ExecutionState = {
      id: world.seq++,
      fn,
      activeUser: opts.activeUser,
      effectiveUser: opts.effectiveUser,
      authMode: opts.authMode ?? 'FULL',
      simpleTrigger: opts.simpleTrigger ?? false,
      ui: opts.ui ?? false,
      calls: [],
      serviceCalls: 0,
      pendingSheetWrites: false,
      flushes: 0,
      simMs: queued?.waitedMs ?? 0,
      emails: 0,
      recipients: 0,
      dieAtCall: opts.dieAtCall ?? this.dieAtCall,
      death: null,
      simLimitMs:
        this.options.simLimitMs ?? (opts.simpleTrigger ? SIMPLE_TRIGGER_LIMIT_MS : APPS_SCRIPT_LIMIT_MS),
      clockRuns: this.clockRuns,
      clockCarry: 0,
      lockTimedOut: queued?.timedOutKey ?? null,
      parked: false,
    };
    this.dieAtCall = null;
    if (queued && !this.clockRuns) world.clock.now += queued.waitedMs;
    const heap = this.options.measureHeap ? heapProbe() : null;
    const host: HostHooks = {
      htmlFiles: project.html,
      random: this.random,
      beforeCall: (api, e) => {
        heap?.sample();
        this.beforeCall?.(api, e);
      },
      fault: (api) => (this.faults.length ? applyFaults(this.faults, api) : null),
      contend: (key, holder, e, timeoutMs) => this.contend(key, holder, e, timeoutMs),
      released: (key, holder) => this.runWaiters(holder, key),
    };
    const handoff: Record<string, unknown> = {
      world,
      exec,
      host,
      addonName: this.options.addonName ?? '任务同步',
      scriptTimeZone: project.scriptTimeZone,
    };
    const context = vm.createContext({ __taskSyncEmulator: handoff }, { microtaskMode: 'afterEvaluate' });
    const timeout = this.options.timeoutMs ?? 60_000;
    let ok = true;
    let result: unknown = null;
    let error: RunResult['error'] = null;
    this.depth++;
    this.running.set(exec.id, exec);
    const cpuBefore = process.cpuUsage();
    try {
      runtime().runInContext(context, { timeout });
      for (const script of project.code) script.runInContext(context, { timeout });
      const exports = handoff.exports as RuntimeExports;
      context.__call = () =>
        what.kind === 'args'
          ? exports.invoke(fn, JSON.stringify(what.args), opts.rpc ?? false)
          : exports.invokeWithEvent(fn, what.event);
      const json = vm.runInContext('__call()', context, { timeout }) as string;
      result = JSON.parse(json);
    } catch (e) {
      ok = false;
      const err = e as { name?: string; message?: string; stack?: string };
      error = {
        name: String(err?.name ?? 'Error'),
        message: String(err?.message ?? e),
        stack: String(err?.stack ?? ''),
      };
    } finally {
      this.depth--;
      this.running.delete(exec.id);
      for (const [key, holder] of Object.entries(world.locks))
        if (holder === exec.id) delete world.locks[key];
    }
    if (exec.death && ok) {
      ok = false;
      result = null;
      error = { name: 'Exception', message: exec.death, stack: '' };
    }
    const cpu = process.cpuUsage(cpuBefore);
    const metrics = summarize(exec, ok, error?.message, (cpu.user + cpu.system) / 1000);
    if (heap) metrics.peakHeapMb = heap.peakMb();
    if (exec.parked)
      return this.park<T>(exec, metrics, queued, (start) => this.execute(fn, what, opts, start));
    world.executions.push(metrics);
    if (world.executions.length > 200) world.executions.splice(0, world.executions.length - 200);
    if (error) logFailure(world, exec.id, error);
    const out: RunResult<T> = { ok, result: result as T, error, metrics };
    if (queued) out.waitedMs = queued.waitedMs;
    this.runWaiters(exec.id);
    return out;
  }

  /** The runtime asks whether `exec` should queue for a lock `holder` holds (see LockWaits). */
  private contend(key: string, holder: number, exec: ExecutionState, timeoutMs: number): boolean {
    const holding = this.running.get(holder);
    if (this.lockWaits !== 'queue' || !holding || timeoutMs <= 0) return false;
    if (exec.calls.some((c) => c.kind === 'write' && c.service !== 'Lock')) return false;
    this.parking.set(exec.id, { key, holder, timeoutMs, holderSimAtPark: holding.simMs });
    return true;
  }

  /** Queues an execution that stopped at a held lock; its result is pending until it has run again. */
  private park<T>(
    exec: ExecutionState,
    metrics: ExecutionMetrics,
    queued: QueuedStart | undefined,
    rerun: Waiter['rerun'],
  ): RunResult<T> {
    const spot = this.parking.get(exec.id)!;
    this.parking.delete(exec.id);
    const result: RunResult = queued?.result ?? {
      ok: false,
      result: null,
      error: { name: 'Queued', message: `waiting for ${spot.key}`, stack: '' },
      metrics,
      pending: true,
    };
    this.queue.push({ ...spot, rerun, result });
    return result as RunResult<T>;
  }

  /** Runs, in the order they queued, the executions waiting for locks `holder` has released. */
  private runWaiters(holder: number, key?: string): void {
    const holding = this.running.get(holder);
    const ready = this.queue.filter((w) => w.holder === holder && (key === undefined || w.key === key));
    if (ready.length === 0) return;
    for (const w of ready) this.queue.splice(this.queue.indexOf(w), 1);
    const holderSim = holding?.simMs ?? this.world.executions.find((m) => m.exec === holder)?.simMs ?? 0;
    let before = 0;
    for (const w of ready) {
      const waited = Math.max(0, holderSim - w.holderSimAtPark) + before;
      const timedOut = waited > w.timeoutMs;
      const done = w.rerun({
        waitedMs: Math.min(waited, w.timeoutMs),
        timedOutKey: timedOut ? w.key : null,
        result: w.result,
      });
      if (done.pending) continue;
      Object.assign(w.result, done);
      delete w.result.pending;
      before += done.metrics.simMs - (done.waitedMs ?? 0);
    }
  }

  /** True while an execution is running (a nested call from a hook is a concurrent execution). */
  get busy(): boolean {
    return this.depth > 0;
  }
}

/** A failed execution leaves its error in the log, as Apps Script's Executions page shows it. */
function logFailure(world: World, exec: number, error: NonNullable<RunResult['error']>): void {
  world.logs.push({
    at: new Date(world.clock.now).toISOString(),
    exec,
    level: 'error',
    message: `${error.name}: ${error.message}`,
  });
  if (world.logs.length > 2000) world.logs.splice(0, world.logs.length - 2000);
}

export function summarize(exec: ExecutionState, ok: boolean, error?: string, cpuMs = 0): ExecutionMetrics {
  const byApi: Record<string, number> = {};
  let reads = 0;
  let writes = 0;
  let meta = 0;
  let local = 0;
  let sheetCalls = 0;
  for (const c of exec.calls) {
    if (SHEET_CLASSES.has(c.service) && (c.kind === 'read' || c.kind === 'write')) sheetCalls++;
    byApi[c.api] = (byApi[c.api] ?? 0) + 1;
    if (c.kind === 'read') reads++;
    else if (c.kind === 'write') writes++;
    else if (c.kind === 'meta') meta++;
    else local++;
  }
  return {
    exec: exec.id,
    fn: exec.fn,
    user: exec.effectiveUser,
    calls: reads + writes,
    sheetCalls,
    reads,
    writes,
    meta,
    local,
    flushes: exec.flushes,
    emails: exec.emails,
    recipients: exec.recipients,
    simMs: Math.round(exec.simMs),
    cpuMs: Math.round(cpuMs * 10) / 10,
    byApi,
    ok,
    ...(error === undefined ? {} : { error }),
  };
}
