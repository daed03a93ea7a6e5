// The bench's naive baseline (bench/naive/naive.js) really does the product's work: same rows, IDs and recipients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveWorld, benchWorld } from '../../bench/fixtures';
import { naiveDist, naiveEmulator, removeNaiveDist } from '../../bench/naive/project';
import {
  archiveOperation,
  FIRST_PAINT_OPERATION,
  JOB_OPERATIONS,
  JOB_TEAM_SIZE,
  type Operation,
  REPORT_OPERATIONS,
  RESTORED_TASK,
  restoreOperation,
  SIDEBAR_OPERATIONS,
} from '../../bench/operations';
import type { Emulator } from '../../emulator/sandbox';
import type { ExecutionMetrics, World } from '../../emulator/world';
import { cells, emulatorFor } from '../helpers/project';

const LIVE = ['部门任务总览表', '任务执行进度跟踪表', '信息同步共享记录表'];
const ARCHIVE = LIVE.map((name) => `归档-${name}`);
const WRITTEN = [...LIVE, ...ARCHIVE, '进度日志'];

let dir = '';
beforeAll(() => {
  dir = naiveDist();
});
afterAll(() => removeNaiveDist(dir));

const byName = (list: Operation[], name: string) => list.find((op) => op.operation === name)!;

/** Runs an operation and its naive twin, each on its own copy of the workbook. */
function side(world: World, op: Operation) {
  const ours = emulatorFor(structuredClone(world));
  const naive = naiveEmulator(structuredClone(world), dir);
  return { ours: op.run(ours), naive: op.naive!(naive), oursWorld: ours.world, naiveWorld: naive.world };
}

const taskIds = (world: World) =>
  cells(world, '部门任务总览表')
    .slice(1)
    .map((r) => r[0]);
const recipients = (emu: Emulator | World) =>
  ('world' in emu ? emu.world : emu).outbox.map((m) => m.to).sort();

describe('the naive twins do the same work on a small workbook (benchWorld(10))', () => {
  const small = benchWorld(10);

  it('naiveCreateTask adds the rows createTask adds, with the same IDs', () => {
    const before = cells(small, '任务执行进度跟踪表').length;
    const { oursWorld, naiveWorld } = side(small, byName(SIDEBAR_OPERATIONS, 'createTask'));
    expect(taskIds(naiveWorld).at(-1)).toBe('产品迭代2024-002');
    expect(
      cells(naiveWorld, '任务执行进度跟踪表')
        .slice(before)
        .map((r) => r[0]),
    ).toEqual(['产品迭代2024-002-01', '产品迭代2024-002-02', '产品迭代2024-002-03']);
    for (const sheet of LIVE) expect(cells(naiveWorld, sheet), sheet).toEqual(cells(oursWorld, sheet));
  });

  it.each(SIDEBAR_OPERATIONS.filter((op) => op.naive && op.operation !== 'getSidebarModel'))(
    '$operation leaves the same rows in every sheet it writes',
    (op) => {
      const { oursWorld, naiveWorld } = side(small, op);
      for (const sheet of WRITTEN) expect(cells(naiveWorld, sheet), sheet).toEqual(cells(oursWorld, sheet));
    },
  );

  it('naiveGetSidebarModel finds the same open subtasks, missing updates and acceptances', () => {
    const run = (emu: Emulator, fn: string) => emu.callOk<any>(fn, [], 'li@example.com', { rpc: true });
    const ours = run(emulatorFor(structuredClone(small)), 'getSidebarModel');
    const naive = run(naiveEmulator(structuredClone(small), dir), 'naiveGetSidebarModel');
    const ids = (items: { subtaskId?: string; taskId: string }[]) =>
      items.map((x) => x.subtaskId ?? x.taskId).sort();
    expect(ids(naive.myOpenSubtasks)).toEqual(ids(ours.myOpenSubtasks));
    expect(naive.missingToday.sort()).toEqual(ours.missingToday.sort());
    expect(ids(naive.awaitingMyAcceptance)).toEqual(ids(ours.awaitingMyAcceptance));
    expect(naive.prefixes.sort()).toEqual(ours.prefixes.sort());
  });

  it.each([
    ['benchWorld(10)', small],
    ['two due, the other finished tasks closed today', archiveWorld(10, 2)],
  ])(
    'naiveArchive leaves the same live tasks as runArchive and archives the same rows: %s',
    (_name, world) => {
      const { oursWorld, naiveWorld } = side(world, archiveOperation);
      expect(taskIds(naiveWorld)).toEqual(taskIds(oursWorld));
      expect(taskIds(naiveWorld).length).toBeLessThan(taskIds(world).length);
      for (const sheet of [...LIVE, ...ARCHIVE])
        expect(cells(naiveWorld, sheet), sheet).toEqual(cells(oursWorld, sheet));
    },
  );

  it('naiveRestore brings back the same rows as restoreFromArchive', () => {
    const archived = archiveWorld(10, 2);
    emulatorFor(archived).callOk('runArchive', [], 'qiang@example.com');
    expect(taskIds(archived)).not.toContain(RESTORED_TASK);
    const { oursWorld, naiveWorld } = side(archived, restoreOperation);
    expect(taskIds(naiveWorld)).toContain(RESTORED_TASK);
    for (const sheet of [...LIVE, ...ARCHIVE])
      expect(cells(naiveWorld, sheet), sheet).toEqual(cells(oursWorld, sheet));
  });

  it.each(JOB_OPERATIONS.filter((op) => op.naive))('$operation mails the same recipients', (op) => {
    const { ours, naive, oursWorld, naiveWorld } = side(benchWorld(10, JOB_TEAM_SIZE), op);
    expect(ours.emails).toBeGreaterThan(0);
    expect(recipients(naiveWorld)).toEqual(recipients(oursWorld));
    expect(naive.emails).toBe(ours.emails);
  });

  it.each(REPORT_OPERATIONS)('$operation writes its sheet the naive way too, in more calls', (op) => {
    const { ours, naive, oursWorld, naiveWorld } = side(benchWorld(10, JOB_TEAM_SIZE), op);
    const sheet = op.operation === 'refreshDashboard' ? '看板' : '复盘-2024-10-01~2024-10-31';
    for (const w of [oursWorld, naiveWorld]) expect(cells(w, sheet).length, sheet).toBeGreaterThan(5);
    expect(naive.calls).toBeGreaterThan(ours.calls);
  });

  it('the first paint, ours and naive, opens the sidebar and reads the model', () => {
    const { ours, naive } = side(small, FIRST_PAINT_OPERATION);
    for (const m of [ours, naive]) expect(m.byApi['Ui.showSidebar']).toBe(1);
    expect(naive.calls).toBeGreaterThan(ours.calls);
  });
});

describe('at 1,000 tasks the naive way makes more service calls (benchWorld(1000))', () => {
  const large = benchWorld(1000);
  const cases: [string, Operation][] = [
    ['createTask', byName(SIDEBAR_OPERATIONS, 'createTask')],
    ['updateProgress', byName(SIDEBAR_OPERATIONS, 'updateProgress')],
    ['runArchive', archiveOperation],
  ];

  it.each(cases)('%s', (_name, op) => {
    const { ours, naive } = side(large, op);
    const check = (m: ExecutionMetrics) => expect(m.ok).toBe(true);
    check(ours);
    check(naive);
    expect(naive.calls).toBeGreaterThan(ours.calls);
  });
});
