// The operations the benchmark measures and the budget tests assert, each run as a user who may perform it.
import { applyUserEdit } from '../emulator/edits';
import type { Emulator } from '../emulator/sandbox';
import { EXAMPLE_TASK } from '../emulator/seed';
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

const ADMIN = 'qiang@example.com';

function rpc(emu: Emulator, fn: string, arg: unknown, user: string): ExecutionMetrics {
  const r = emu.call(fn, arg === undefined ? [] : [arg], user, { rpc: true });
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
    byApi,
    ok: all.every((m) => m.ok),
  };
}

/** A sidebar action: one server call as `user`, and its naive twin (when named) called the same way. */
function sidebarAction(fn: string, arg: unknown, user: string, naiveFn?: string): Operation {
  return {
    operation: fn,
    run: (emu) => rpc(emu, fn, arg, user),
    ...(naiveFn ? { naive: (emu: Emulator) => rpc(emu, naiveFn, arg, user) } : {}),
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
    ADMIN,
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
  sidebarAction('getSettings', undefined, ADMIN),
  sidebarAction('saveSettings', { digestHour: 8 }, ADMIN),
];

const SIDEBAR_USER = 'ming@example.com';

/**
 * What opening the sidebar costs on the server (SPEC §13: the first paint needs at most one server call): the menu's
 * openSidebar execution plus the one getSidebarModel call the page makes, summed. The naive twin opens the same
 * sidebar and asks naiveGetSidebarModel instead.
 */
export const FIRST_PAINT_OPERATION: Operation = {
  operation: 'sidebar first paint',
  run: (emu) => sumMetrics(openSidebar(emu), rpc(emu, 'getSidebarModel', undefined, SIDEBAR_USER)),
  naive: (emu) => sumMetrics(openSidebar(emu), rpc(emu, 'naiveGetSidebarModel', undefined, SIDEBAR_USER)),
};

function openSidebar(emu: Emulator): ExecutionMetrics {
  const r = emu.call('openSidebar', [], SIDEBAR_USER, { ui: true });
  if (!r.ok) throw new Error(`openSidebar: ${r.error!.message}`);
  return r.metrics;
}

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

/** The daily jobs, each run directly on a working day (budget: ≤ 15 Sheets calls, one sendEmail per recipient). */
export const JOB_OPERATIONS: Operation[] = [
  {
    operation: 'runDailyDigest',
    run: (emu) => rpc(emu, 'runDailyDigest', undefined, ADMIN),
    naive: (emu) => rpc(emu, 'naiveDailyDigest', undefined, ADMIN),
  },
  {
    operation: 'runRollCall',
    run: (emu) => rpc(emu, 'runRollCall', undefined, ADMIN),
    naive: (emu) => rpc(emu, 'naiveRollCall', undefined, ADMIN),
  },
  {
    operation: 'runEscalation',
    run: (emu) => rpc(emu, 'runEscalation', undefined, ADMIN),
    naive: (emu) => rpc(emu, 'naiveEscalation', undefined, ADMIN),
  },
  {
    operation: 'runScheduledJobs (nothing due)',
    run: (emu) => {
      rpc(emu, 'runScheduledJobs', undefined, ADMIN);
      emu.world.clock.now += 3_600_000;
      return rpc(emu, 'runScheduledJobs', undefined, ADMIN);
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
      rpc(emu, 'refreshDashboard', undefined, ADMIN);
      return rpc(emu, 'refreshDashboard', undefined, ADMIN);
    },
    naive: (emu) => rpc(emu, 'naiveDashboard', undefined, ADMIN),
  },
  {
    operation: 'generateReview (a month)',
    run: (emu) => rpc(emu, 'generateReview', REVIEW_MONTH, ADMIN),
    naive: (emu) => rpc(emu, 'naiveReview', REVIEW_MONTH, ADMIN),
    growth: 1,
  },
];

/** Members in the workbooks the jobs are measured on. */
export const JOB_TEAM_SIZE = 200;

/** The archive (budget: the same Sheets calls, ≤ 15, however many tasks move). */
export const archiveOperation: Operation = {
  operation: 'runArchive',
  run: (emu) => rpc(emu, 'runArchive', undefined, ADMIN),
  naive: (emu) => rpc(emu, 'naiveArchive', undefined, ADMIN),
};

/** The task restoreOperation brings back: the seed's first sample task, which archiveWorld always archives. */
export const RESTORED_TASK = '产品迭代2024-001';

/** 从归档恢复 by the admin, on a workbook whose archive has run (admin only, as the archive sheets are theirs). */
export const restoreOperation: Operation = {
  operation: 'restoreFromArchive',
  run: (emu) => rpc(emu, 'restoreFromArchive', { taskId: RESTORED_TASK }, ADMIN),
  naive: (emu) => rpc(emu, 'naiveRestore', { taskId: RESTORED_TASK }, ADMIN),
};
