// The operations the benchmark measures and the budget tests assert, each run as a user who may perform it.
import { applyUserEdit } from '../emulator/edits';
import type { Emulator, ExecOptions } from '../emulator/sandbox';
import { EXAMPLE_TASK, SAMPLE_ADMIN } from '../emulator/seed';
import type { ExecutionMetrics } from '../emulator/world';
import { fixtureTask } from './fixtures';

export interface Operation {
  operation: string;
  /** Runs the operation once on a fresh copy of the workbook; returns the metrics of the execution measured. */
  run: (emu: Emulator) => ExecutionMetrics;
  /**
   * The same operation done the naive way (bench/naive/naive.js) on the same data, when it has a twin; needs an
   * emulator whose project holds naive.js (bench/naive/project.ts).
   */
  naive?: (emu: Emulator) => ExecutionMetrics;
}

/** Runs top-level `fn` as `user` in a new execution (by default as google.script.run calls it); throws if it fails. */
export function execution(
  emu: Emulator,
  fn: string,
  user: string,
  args: unknown[] = [],
  opts: Partial<ExecOptions> = { rpc: true },
): ExecutionMetrics {
  const r = emu.call(fn, args, user, opts);
  if (!r.ok) throw new Error(`${fn} as ${user}: ${r.error!.message}`);
  return r.metrics;
}

/** Metrics of several executions added up, as what one user action costs in total. */
export function sumMetrics(...all: ExecutionMetrics[]): ExecutionMetrics {
  const byApi: Record<string, number> = {};
  for (const m of all) for (const [api, n] of Object.entries(m.byApi)) byApi[api] = (byApi[api] ?? 0) + n;
  const sum = (key: 'calls' | 'sheetCalls' | 'reads' | 'writes' | 'meta' | 'local' | 'flushes') =>
    all.reduce((n, m) => n + m[key], 0);
  const first = all[0]!;
  return {
    ...first,
    fn: all.map((m) => m.fn).join(' + '),
    calls: sum('calls'),
    sheetCalls: sum('sheetCalls'),
    reads: sum('reads'),
    writes: sum('writes'),
    meta: sum('meta'),
    local: sum('local'),
    flushes: sum('flushes'),
    emails: all.reduce((n, m) => n + m.emails, 0),
    recipients: all.reduce((n, m) => n + m.recipients, 0),
    simMs: all.reduce((n, m) => n + m.simMs, 0),
    cpuMs: Math.round(all.reduce((n, m) => n + m.cpuMs, 0) * 10) / 10,
    // The executions ran one after another: the most any of them held.
    ...(all.some((m) => m.peakHeapMb !== undefined)
      ? { peakHeapMb: Math.max(...all.map((m) => m.peakHeapMb ?? 0)) }
      : {}),
    byApi,
    ok: all.every((m) => m.ok),
  };
}

/** A sidebar action: one server call as `user`, and its naive twin (when named) called the same way. */
function sidebarAction(fn: string, arg: unknown, user: string, naiveFn?: string): Operation {
  const args = arg === undefined ? [] : [arg];
  return {
    operation: fn,
    run: (emu) => execution(emu, fn, user, args),
    ...(naiveFn ? { naive: (emu: Emulator) => execution(emu, naiveFn, user, args) } : {}),
  };
}

const inProgress = fixtureTask(1);
const pending = fixtureTask(2);

/** The SPEC §5.1 functions the sidebar calls (budget: ≤ 10 calls, no read-after-write flush, same at every size). */
export const SIDEBAR_OPERATIONS: Operation[] = [
  sidebarAction('getSidebarModel', undefined, 'ming@example.com', 'naiveGetSidebarModel'),
  sidebarAction(
    'createTask',
    {
      ...EXAMPLE_TASK,
      name: '新任务',
      subtasks: [
        { name: 'a', owner: '*明', collaborators: [] },
        { name: 'b', owner: '*华', collaborators: [] },
        { name: 'c', owner: '*明', collaborators: ['*华'] },
      ],
    },
    SAMPLE_ADMIN,
    'naiveCreateTask',
  ),
  sidebarAction(
    'updateProgress',
    { subtaskId: `${inProgress.id}-01`, progress: 60, done: 'x', next: 'y', blockers: 'z' },
    inProgress.subtaskOwnerEmail(1),
    'naiveUpdateProgress',
  ),
  sidebarAction(
    'addSyncRecord',
    { topic: 't', content: 'c', audience: 'a', kind: 'problem', taskId: inProgress.id },
    'ming@example.com',
    'naiveAddSyncRecord',
  ),
  sidebarAction(
    'submitForAcceptance',
    { taskId: inProgress.id },
    inProgress.ownerEmail,
    'naiveSubmitForAcceptance',
  ),
  sidebarAction('acceptTask', { taskId: pending.id, note: '好' }, pending.initiatorEmail, 'naiveAcceptTask'),
  sidebarAction(
    'rejectTask',
    { taskId: pending.id, reason: '不完整' },
    pending.initiatorEmail,
    'naiveRejectTask',
  ),
  sidebarAction(
    'cancelTask',
    { taskId: inProgress.id, reason: '取消' },
    inProgress.initiatorEmail,
    'naiveCancelTask',
  ),
  sidebarAction('getSettings', undefined, SAMPLE_ADMIN),
  sidebarAction('saveSettings', { digestHour: 8 }, SAMPLE_ADMIN),
];

const SIDEBAR_USER = 'ming@example.com';

/**
 * What opening the sidebar costs on the server (SPEC §13: the first paint needs at most one server call): the menu's
 * openSidebar execution plus the one getSidebarModel call the page makes, summed. The naive twin opens the same
 * sidebar and asks naiveGetSidebarModel instead.
 */
export const FIRST_PAINT_OPERATION: Operation = {
  operation: 'sidebar first paint',
  run: (emu) => sumMetrics(openSidebar(emu), execution(emu, 'getSidebarModel', SIDEBAR_USER)),
  naive: (emu) => sumMetrics(openSidebar(emu), execution(emu, 'naiveGetSidebarModel', SIDEBAR_USER)),
};

const openSidebar = (emu: Emulator) => execution(emu, 'openSidebar', SIDEBAR_USER, [], { ui: true });

/** Hand edits and the trigger executions they cause (budget: onEdit ≤ 4 calls). */
export const EDIT_OPERATIONS: Operation[] = [
  {
    operation: 'onEdit (progress typed by hand)',
    run: (emu) => {
      applyUserEdit(emu, { sheet: '任务执行进度跟踪表', a1: 'E3', value: '90', user: 'lei@example.com' });
      return emu.world.executions.filter((x) => x.fn === 'onEdit').at(-1)!;
    },
  },
  {
    operation: 'handleEdit (status restored)',
    run: (emu) => {
      applyUserEdit(emu, { sheet: '部门任务总览表', a1: 'J3', value: '已完成', user: 'lei@example.com' });
      return emu.world.executions.filter((x) => x.fn === 'handleEdit').at(-1)!;
    },
  },
];

/** The month the review operation reports on (the bench workbooks' activity is in October 2024). */
const REVIEW_MONTH = { from: '2024-10-01', to: '2024-10-31' };

/**
 * The daily jobs, each run directly on a working day (budget: ≤ 15 Sheets calls, one sendEmail per recipient; the
 * health check mails no one).
 */
export const JOB_OPERATIONS: Operation[] = [
  {
    operation: 'runDailyDigest',
    run: (emu) => execution(emu, 'runDailyDigest', SAMPLE_ADMIN),
    naive: (emu) => execution(emu, 'naiveDailyDigest', SAMPLE_ADMIN),
  },
  {
    operation: 'runRollCall',
    run: (emu) => execution(emu, 'runRollCall', SAMPLE_ADMIN),
    naive: (emu) => execution(emu, 'naiveRollCall', SAMPLE_ADMIN),
  },
  {
    operation: 'runEscalation',
    run: (emu) => execution(emu, 'runEscalation', SAMPLE_ADMIN),
    naive: (emu) => execution(emu, 'naiveEscalation', SAMPLE_ADMIN),
  },
  { operation: 'runHealthCheck', run: (emu) => execution(emu, 'runHealthCheck', SAMPLE_ADMIN) },
  {
    operation: 'runScheduledJobs (nothing due)',
    run: (emu) => {
      execution(emu, 'runScheduledJobs', SAMPLE_ADMIN);
      emu.world.clock.now += 3_600_000;
      return execution(emu, 'runScheduledJobs', SAMPLE_ADMIN);
    },
  },
];

/**
 * The reports, on the jobs' workbooks (budget: ≤ 15 Sheets calls). The dashboard is measured on its second refresh,
 * as every day after the first; a review longer than a new sheet's 1,000 rows grows it first, in one more call.
 */
export const REPORT_OPERATIONS: (Operation & { growth?: number })[] = [
  {
    operation: 'refreshDashboard',
    run: (emu) => {
      execution(emu, 'refreshDashboard', SAMPLE_ADMIN);
      return execution(emu, 'refreshDashboard', SAMPLE_ADMIN);
    },
    naive: (emu) => execution(emu, 'naiveDashboard', SAMPLE_ADMIN),
  },
  {
    operation: 'generateReview (a month)',
    run: (emu) => execution(emu, 'generateReview', SAMPLE_ADMIN, [REVIEW_MONTH]),
    naive: (emu) => execution(emu, 'naiveReview', SAMPLE_ADMIN, [REVIEW_MONTH]),
    growth: 1,
  },
];

/** Members in the workbooks the jobs are measured on. */
export const JOB_TEAM_SIZE = 200;

/** The archive (budget: the same Sheets calls, ≤ 15, however many tasks move). */
export const archiveOperation: Operation = {
  operation: 'runArchive',
  run: (emu) => execution(emu, 'runArchive', SAMPLE_ADMIN),
  naive: (emu) => execution(emu, 'naiveArchive', SAMPLE_ADMIN),
};

/** The task restoreOperation brings back: the seed's first sample task, which archiveWorld always archives. */
export const RESTORED_TASK = '产品迭代2024-001';

/** 从归档恢复 by the admin, on a workbook whose archive has run (admin only, as the archive sheets are theirs). */
export const restoreOperation: Operation = {
  operation: 'restoreFromArchive',
  run: (emu) => execution(emu, 'restoreFromArchive', SAMPLE_ADMIN, [{ taskId: RESTORED_TASK }]),
  naive: (emu) => execution(emu, 'naiveRestore', SAMPLE_ADMIN, [{ taskId: RESTORED_TASK }]),
};
