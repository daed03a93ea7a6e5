// Runs dist/Code.js like Apps Script: a fresh context per execution with the fake services, same-realm Dates, no Node globals.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { buildSync } from 'esbuild';
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

export interface RunResult<T = unknown> {
  ok: boolean;
  result: T;
  error: { name: string; message: string; stack: string } | null;
  metrics: ExecutionMetrics;
}

export interface EmulatorOptions {
  distDir?: string;
  /** Title of the add-on menu (createAddonMenu). */
  addonName?: string;
  /** Wall-clock guard against infinite loops, per execution. */
  timeoutMs?: number;
  beforeCall?: HostHooks['beforeCall'];
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
  private depth = 0;

  constructor(
    public world: World,
    private readonly options: EmulatorOptions = {},
  ) {
    this.distDir = options.distDir ?? path.join(PROJECT_ROOT, 'dist');
    this.beforeCall = options.beforeCall;
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
      simMs: 0,
      emails: 0,
      recipients: 0,
      dieAtCall: opts.dieAtCall ?? this.dieAtCall,
      dead: false,
      simLimitMs: opts.simpleTrigger ? 30_000 : 360_000,
    };
    this.dieAtCall = null;
    const host: HostHooks = {
      htmlFiles: project.html,
      random: this.random,
      beforeCall: this.beforeCall,
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
      for (const [key, holder] of Object.entries(world.locks))
        if (holder === exec.id) delete world.locks[key];
    }
    const cpu = process.cpuUsage(cpuBefore);
    const metrics = summarize(exec, ok, error?.message, (cpu.user + cpu.system) / 1000);
    world.executions.push(metrics);
    if (world.executions.length > 200) world.executions.splice(0, world.executions.length - 200);
    return { ok, result: result as T, error, metrics };
  }

  /** True while an execution is running (a nested call from a hook is a concurrent execution). */
  get busy(): boolean {
    return this.depth > 0;
  }
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
