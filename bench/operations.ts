// The operations the benchmark measures and the budget tests assert, each run as a user who may perform it.
import { applyUserEdit } from '../emulator/edits';
import type { Emulator } from '../emulator/sandbox';
import type { ExecutionMetrics } from '../emulator/world';
import { fixtureTask } from './fixtures';

export interface Operation {
  operation: string;
  /** Runs the operation once on a fresh copy of the workbook; returns the metrics of the execution measured. */
  run: (emu: Emulator) => ExecutionMetrics;
}

const ADMIN = 'qiang@example.com';

function rpc(emu: Emulator, fn: string, arg: unknown, user: string): ExecutionMetrics {
  const r = emu.call(fn, arg === undefined ? [] : [arg], user, { rpc: true });
  if (!r.ok) throw new Error(`${fn} as ${user}: ${r.error!.message}`);
  return r.metrics;
}

const inProgress = fixtureTask(1);
const pending = fixtureTask(2);

/** The SPEC §5.1 functions the sidebar calls (budget: ≤ 10 calls, no read-after-write flush, same at every size). */
export const SIDEBAR_OPERATIONS: Operation[] = [
  { operation: 'getSidebarModel', run: (emu) => rpc(emu, 'getSidebarModel', undefined, 'ming@example.com') },
  {
    operation: 'createTask',
    run: (emu) =>
      rpc(
        emu,
        'createTask',
        {
          prefix: '产品迭代',
          name: '新任务',
          initiator: '*强',
          owner: '*明',
          collaborators: ['*华'],
          project: '提升客户复购率',
          type: 'project',
          priority: 'high',
          due: '2024-10-30',
          notes: '验收标准',
          subtasks: [
            { name: 'a', owner: '*明', collaborators: [] },
            { name: 'b', owner: '*华', collaborators: [] },
            { name: 'c', owner: '*明', collaborators: ['*华'] },
          ],
        },
        ADMIN,
      ),
  },
  {
    operation: 'updateProgress',
    run: (emu) =>
      rpc(
        emu,
        'updateProgress',
        { subtaskId: `${inProgress.id}-01`, progress: 60, done: 'x', next: 'y', blockers: 'z' },
        inProgress.subtaskOwnerEmail(1),
      ),
  },
  {
    operation: 'addSyncRecord',
    run: (emu) =>
      rpc(
        emu,
        'addSyncRecord',
        { topic: 't', content: 'c', audience: 'a', kind: 'problem', taskId: inProgress.id },
        'ming@example.com',
      ),
  },
  {
    operation: 'submitForAcceptance',
    run: (emu) => rpc(emu, 'submitForAcceptance', { taskId: inProgress.id }, inProgress.ownerEmail),
  },
  {
    operation: 'acceptTask',
    run: (emu) => rpc(emu, 'acceptTask', { taskId: pending.id, note: '好' }, pending.initiatorEmail),
  },
  {
    operation: 'rejectTask',
    run: (emu) => rpc(emu, 'rejectTask', { taskId: pending.id, reason: '不完整' }, pending.initiatorEmail),
  },
  {
    operation: 'cancelTask',
    run: (emu) =>
      rpc(emu, 'cancelTask', { taskId: inProgress.id, reason: '取消' }, inProgress.initiatorEmail),
  },
  { operation: 'getSettings', run: (emu) => rpc(emu, 'getSettings', undefined, ADMIN) },
  { operation: 'saveSettings', run: (emu) => rpc(emu, 'saveSettings', { digestHour: 8 }, ADMIN) },
];

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

/** The daily jobs, each run directly on a working day (budget: ≤ 15 Sheets calls, one sendEmail per recipient). */
export const JOB_OPERATIONS: Operation[] = [
  { operation: 'runDailyDigest', run: (emu) => rpc(emu, 'runDailyDigest', undefined, ADMIN) },
  { operation: 'runRollCall', run: (emu) => rpc(emu, 'runRollCall', undefined, ADMIN) },
  { operation: 'runEscalation', run: (emu) => rpc(emu, 'runEscalation', undefined, ADMIN) },
  {
    operation: 'runScheduledJobs (nothing due)',
    run: (emu) => {
      rpc(emu, 'runDailyDigest', undefined, ADMIN);
      emu.world.clock.now += 3_600_000;
      return rpc(emu, 'runScheduledJobs', undefined, ADMIN);
    },
  },
];

/** Members in the workbooks the jobs are measured on. */
export const JOB_TEAM_SIZE = 200;

/** The archive at different loads (budget: the same Sheets calls, ≤ 15, however many tasks move). */
export const ARCHIVE_LOADS = [1, 1000, 5000];
export const archiveOperation: Operation = {
  operation: 'runArchive',
  run: (emu) => rpc(emu, 'runArchive', undefined, ADMIN),
};
