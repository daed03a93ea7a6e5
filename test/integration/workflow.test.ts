// The SPEC §5.1 server functions through dist/Code.js on the seed data: IDs, the full lifecycle, permissions.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/sandbox';
import { EXAMPLE_TASK } from '../../emulator/seed';
import type { World } from '../../emulator/world';
import { cells, emptyWorld, emulatorFor, sampleWorld, sheetState } from '../helpers/project';

const QIANG = 'qiang@example.com'; // *强, 主管 and admin
const MING = 'ming@example.com'; // *明, member
const HUA = 'hua@example.com'; // *华, member
const LI = 'li@example.com'; // *丽, lead

const SPEC_EXAMPLE = EXAMPLE_TASK;

function rpc<T = unknown>(emu: Emulator, fn: string, arg: unknown, user: string) {
  return emu.call<T>(fn, arg === undefined ? [] : [arg], user, { rpc: true });
}

function ok<T = unknown>(emu: Emulator, fn: string, arg: unknown, user: string): T {
  const r = rpc<T>(emu, fn, arg, user);
  if (!r.ok) throw new Error(`${fn}: ${r.error!.message}`);
  return r.result;
}

const overviewRow = (world: World, id: string) => cells(world, '部门任务总览表').find((r) => r[0] === id)!;

describe('createTask', () => {
  it("returns the SPEC's example IDs in an empty 2024 workbook", () => {
    const world = emptyWorld();
    const emu = emulatorFor(world);
    emu.callOk('setupSheets', [], QIANG);
    world.spreadsheet.sheets
      .find((s) => s.name === '成员')!
      .rows.push(
        ['*强', QIANG, '主管', '管理组', '是'],
        ['*明', MING, '成员', '市场组', '是'],
        ['*华', HUA, '成员', '客户部', '是'],
      );
    expect(ok(emu, 'createTask', SPEC_EXAMPLE, QIANG)).toEqual({
      taskId: '产品迭代2024-001',
      subtaskIds: ['产品迭代2024-001-01'],
    });
  });

  it("follows the seed's example: 产品迭代 in 2024 after 产品迭代2024-001 exists → 产品迭代2024-002", () => {
    const world = sampleWorld();
    const emu = emulatorFor(world);
    const r = ok<{ taskId: string; subtaskIds: string[] }>(emu, 'createTask', SPEC_EXAMPLE, QIANG);
    expect(r).toEqual({ taskId: '产品迭代2024-002', subtaskIds: ['产品迭代2024-002-01'] });
    const row = overviewRow(world, '产品迭代2024-002');
    expect(row.slice(0, 8)).toEqual([
      '产品迭代2024-002',
      'Q4客户满意度调研报告',
      '*强',
      '*明',
      '*华',
      '提升客户复购率',
      '专项任务',
      '高',
    ]);
    expect(row[9]).toBe('未开始');
    const progress = cells(world, '任务执行进度跟踪表').find((x) => x[0] === '产品迭代2024-002-01')!;
    expect(progress.slice(0, 4)).toEqual([
      '产品迭代2024-002-01',
      '产品迭代2024-002',
      '调研问卷设计与发放',
      '*明',
    ]);
    expect(progress[9]).toBe('*华');
  });

  it('gives a task with no split one subtask named after the task, and allocates past archived IDs', () => {
    const world = sampleWorld();
    world.properties.document['taskSync.archivedSeq'] = JSON.stringify({ 紧急任务2024: 7 });
    const emu = emulatorFor(world);
    const r = ok<{ taskId: string; subtaskIds: string[] }>(
      emu,
      'createTask',
      { ...SPEC_EXAMPLE, prefix: '紧急任务', subtasks: [] },
      QIANG,
    );
    expect(r).toEqual({ taskId: '紧急任务2024-008', subtaskIds: ['紧急任务2024-008-01'] });
    expect(cells(world, '任务执行进度跟踪表').find((x) => x[0] === '紧急任务2024-008-01')![2]).toBe(
      'Q4客户满意度调研报告',
    );
  });

  it('stores formula-looking text as text', () => {
    const world = sampleWorld();
    const emu = emulatorFor(world);
    const r = ok<{ taskId: string }>(
      emu,
      'createTask',
      { ...SPEC_EXAMPLE, name: '=IMPORTXML("http://x")', notes: '+1-2' },
      QIANG,
    );
    const sheet = sheetState(world, '部门任务总览表');
    const row = sheet.rows.find((x) => x[0] === r.taskId)!;
    expect(row[1]).toBe('=IMPORTXML("http://x")');
    expect(row[10]).toBe('+1-2');
  });

  it('refuses bad input naming the fields, and changes nothing', () => {
    const world = sampleWorld();
    const emu = emulatorFor(world);
    const before = JSON.stringify(world.spreadsheet);
    const r = rpc(
      emu,
      'createTask',
      { ...SPEC_EXAMPLE, owner: '*无名', due: '2024-02-30', subtasks: [{}, {}, {}, {}] },
      QIANG,
    );
    expect(r.ok).toBe(false);
    expect(r.error!.message).toContain('负责人:「*无名」不在成员表中');
    expect(r.error!.message).toContain('预期完成时间:须为有效日期(yyyy-MM-dd)');
    expect(r.error!.message).toContain('子任务:最多 3 个');
    expect(JSON.stringify(world.spreadsheet)).toBe(before);
  });

  it('lets only a manager create a task on behalf of someone else', () => {
    const world = sampleWorld();
    const emu = emulatorFor(world);
    const r = rpc(emu, 'createTask', SPEC_EXAMPLE, MING);
    expect(r.ok).toBe(false);
    expect(r.error!.message).toBe('只有主管可以替他人发起任务');
    expect(rpc(emu, 'createTask', { ...SPEC_EXAMPLE, initiator: '*明' }, MING).ok).toBe(true);
  });
});

describe('the full lifecycle: create → progress → 待验收 → reject → progress → accept', () => {
  let world: World;
  let emu: Emulator;
  let taskId: string;
  beforeEach(() => {
    world = sampleWorld();
    emu = emulatorFor(world);
    taskId = ok<{ taskId: string }>(emu, 'createTask', { ...SPEC_EXAMPLE, initiator: '*丽' }, QIANG).taskId;
  });

  it('moves through every status with the right stamps and records', () => {
    const sub = `${taskId}-01`;
    expect(
      ok(
        emu,
        'updateProgress',
        { subtaskId: sub, progress: 40, done: '设计问卷', next: '发放', blockers: '需要客户名单' },
        MING,
      ),
    ).toEqual({
      taskStatus: 'in_progress',
    });
    expect(overviewRow(world, taskId)[9]).toBe('进行中');
    const progressRow = cells(world, '任务执行进度跟踪表').find((x) => x[0] === sub)!;
    expect(progressRow.slice(4, 8)).toEqual([40, '设计问卷', '发放', '需要客户名单']);
    expect(progressRow[8]).toMatchObject({ d: expect.any(Number) });
    const log = cells(world, '进度日志').at(-1)!;
    expect(log.slice(1, 6)).toEqual([sub, taskId, 40, '需要客户名单', '*明']);

    expect(ok(emu, 'submitForAcceptance', { taskId }, MING)).toEqual({ status: 'pending_acceptance' });
    expect(ok(emu, 'rejectTask', { taskId, reason: '缺少访谈数据' }, LI)).toEqual({ status: 'in_progress' });
    const decision = cells(world, '信息同步共享记录表').at(-1)!;
    expect(decision.slice(1, 5)).toEqual([
      '验收退回:Q4客户满意度调研报告',
      '退回原因:缺少访谈数据',
      '*丽',
      '*明',
    ]);
    expect(decision.slice(7)).toEqual([taskId, '决议']);

    ok(emu, 'updateProgress', { subtaskId: sub, progress: 100, done: '完成', next: '', blockers: '' }, MING);
    ok(emu, 'submitForAcceptance', { taskId }, MING);
    expect(ok(emu, 'acceptTask', { taskId, note: '数据完整' }, LI)).toEqual({ status: 'done' });
    const row = overviewRow(world, taskId);
    expect(row[9]).toBe('已完成');
    expect(row[11]).toMatchObject({ d: expect.any(Number) });
    const done = [taskId, '*丽', '*明', 'done', '2024-10-24', '2024-10-24', '2024-10-24'];
    expect(JSON.parse(String(row[12]))).toEqual(done);
  });

  it('refuses what the roles do not allow, with a readable reason, changing nothing', () => {
    const sub = `${taskId}-01`;
    const attempt = (fn: string, arg: unknown, user: string) => {
      const before = JSON.stringify(world.spreadsheet.sheets);
      const r = rpc(emu, fn, arg, user);
      expect(r.ok, `${fn} by ${user}`).toBe(false);
      expect(JSON.stringify(world.spreadsheet.sheets)).toBe(before);
      return r.error!.message;
    };
    expect(attempt('updateProgress', { subtaskId: sub, progress: 10 }, 'lei@example.com')).toContain(
      '只有子任务负责人',
    );
    expect(attempt('submitForAcceptance', { taskId }, HUA)).toContain('只有任务负责人');
    expect(attempt('acceptTask', { taskId }, LI)).toContain('「未开始」');
    ok(emu, 'submitForAcceptance', { taskId }, MING);
    expect(attempt('acceptTask', { taskId }, MING)).toBe('只有任务发起人或主管可以验收或退回');
    expect(attempt('rejectTask', { taskId, reason: 'x' }, HUA)).toBe('只有任务发起人或主管可以验收或退回');
    expect(attempt('rejectTask', { taskId, reason: '  ' }, LI)).toBe('原因:必填');
    expect(attempt('cancelTask', { taskId, reason: '不需要了' }, MING)).toBe(
      '只有任务发起人或主管可以取消任务',
    );
    expect(attempt('updateProgress', { subtaskId: sub, progress: 10 }, 'stranger@example.org')).toContain(
      '不在成员表中',
    );
    expect(ok(emu, 'acceptTask', { taskId }, QIANG)).toEqual({ status: 'done' });
    expect(attempt('cancelTask', { taskId, reason: '晚了' }, QIANG)).toContain('「已完成」');
  });

  it('cancels with a reason, stamping 完成日期 and logging a 决议', () => {
    expect(ok(emu, 'cancelTask', { taskId, reason: '需求取消' }, QIANG)).toEqual({ status: 'cancelled' });
    expect(overviewRow(world, taskId)[9]).toBe('已取消');
    expect(overviewRow(world, taskId)[11]).toMatchObject({ d: expect.any(Number) });
    expect(cells(world, '信息同步共享记录表').at(-1)!.slice(1, 3)).toEqual([
      '任务取消:Q4客户满意度调研报告',
      '取消原因:需求取消',
    ]);
  });

  it('lets a subtask owner submit once every subtask is at 100', () => {
    const id = ok<{ taskId: string }>(
      emu,
      'createTask',
      {
        ...SPEC_EXAMPLE,
        subtasks: [
          { name: 'a', owner: '*明', collaborators: [] },
          { name: 'b', owner: '*华', collaborators: [] },
        ],
      },
      QIANG,
    ).taskId;
    ok(emu, 'updateProgress', { subtaskId: `${id}-02`, progress: 100 }, HUA);
    expect(rpc(emu, 'submitForAcceptance', { taskId: id }, HUA).ok).toBe(false);
    ok(emu, 'updateProgress', { subtaskId: `${id}-01`, progress: 100 }, MING);
    expect(ok(emu, 'submitForAcceptance', { taskId: id }, HUA)).toEqual({ status: 'pending_acceptance' });
  });
});

describe('addSyncRecord', () => {
  it('appends a record for an existing task and refuses an unknown one', () => {
    const world = sampleWorld();
    const emu = emulatorFor(world);
    const r = ok<{ row: number }>(
      emu,
      'addSyncRecord',
      {
        topic: '客户反馈',
        content: '<b>需要</b>确认',
        audience: '项目组全体',
        kind: 'problem',
        taskId: '产品迭代2024-001',
      },
      MING,
    );
    expect(r.row).toBe(4);
    const row = cells(world, '信息同步共享记录表')[3]!;
    expect(row.slice(1, 6)).toEqual(['客户反馈', '<b>需要</b>确认', '*明', '项目组全体', '/']);
    expect(row.slice(7)).toEqual(['产品迭代2024-001', '问题']);
    const bad = rpc(
      emu,
      'addSyncRecord',
      { topic: 't', content: 'c', audience: 'a', kind: 'problem', taskId: '产品迭代2024-999' },
      MING,
    );
    expect(bad.error?.message).toBe('找不到任务「产品迭代2024-999」');
  });
});

describe('unknown identity (SPEC §4)', () => {
  it('is allowed and recorded in the Sync Log as an unknown user', () => {
    const world = sampleWorld();
    const emu = emulatorFor(world);
    const r = emu.call<{ taskId: string }>('createTask', [{ ...SPEC_EXAMPLE, subtasks: [] }], '', {
      rpc: true,
    });
    expect(r.ok).toBe(true);
    const record = cells(world, '信息同步共享记录表').at(-1)!;
    expect(record[1]).toBe('新建任务:Q4客户满意度调研报告');
    expect(record[3]).toBe('');
    expect(record[6]).toBe('(未知用户)');
  });
});

describe('getSidebarModel', () => {
  it("gives the acting user's open work, missing updates and tasks awaiting acceptance, JSON-safe", () => {
    const world = sampleWorld();
    const emu = emulatorFor(world);
    const lei = ok<Record<string, unknown>>(emu, 'getSidebarModel', undefined, 'lei@example.com');
    expect(lei.me).toEqual({
      email: 'lei@example.com',
      name: '*磊',
      role: 'member',
      isAdmin: false,
      known: true,
    });
    expect(lei.myOpenSubtasks).toEqual([]);
    const li = ok<{ awaitingMyAcceptance: { taskId: string; canAccept: boolean }[]; prefixes: string[] }>(
      emu,
      'getSidebarModel',
      undefined,
      LI,
    );
    expect(li.awaitingMyAcceptance.map((t) => [t.taskId, t.canAccept])).toEqual([['日常协作2024-015', true]]);
    expect(li.prefixes).toEqual(['产品迭代', '日常协作', '紧急任务']);
    const id = ok<{ taskId: string }>(emu, 'createTask', SPEC_EXAMPLE, QIANG).taskId;
    const ming = ok<{ myOpenSubtasks: { subtaskId: string }[]; missingToday: string[]; today: string }>(
      emu,
      'getSidebarModel',
      undefined,
      MING,
    );
    expect(ming.today).toBe('2024-10-24');
    expect(ming.myOpenSubtasks.map((s) => s.subtaskId)).toEqual([`${id}-01`]);
    expect(ming.missingToday).toEqual([`${id}-01`]);
  });
});

describe('settings', () => {
  it('are for the admin only, validated, and saved', () => {
    const world = sampleWorld();
    const emu = emulatorFor(world);
    expect(rpc(emu, 'getSettings', undefined, MING).error?.message).toBe(
      '只有管理员(qiang@example.com)可以修改设置',
    );
    expect(rpc(emu, 'saveSettings', { maxSubtasks: 9 }, QIANG).error?.message).toBe(
      '子任务上限:须为 1 到 3 之间的整数',
    );
    const saved = ok<{ maxSubtasks: number; status: { remainingEmailQuota: number } }>(
      emu,
      'saveSettings',
      { maxSubtasks: 2, calendar: 'weekdays' },
      QIANG,
    );
    expect(saved.maxSubtasks).toBe(2);
    expect(saved.status.remainingEmailQuota).toBe(100);
    const r = rpc(
      emu,
      'createTask',
      {
        ...SPEC_EXAMPLE,
        subtasks: [
          { name: 'a', owner: '*明' },
          { name: 'b', owner: '*明' },
          { name: 'c', owner: '*明' },
        ],
      },
      QIANG,
    );
    expect(r.error?.message).toBe('子任务:最多 2 个');
  });
});

describe('schema errors keep user text verbatim', () => {
  // Text a naive message template would rewrite: String.replace patterns ($&, $', $`, $$), a placeholder, separators.
  const NAMES = ['$&x', 'a=b|c', "$'y$`z$$", '{name}'];
  const FIELDS: [string, (name: string) => unknown][] = [
    ['owner', (name) => ({ ...SPEC_EXAMPLE, owner: name })],
    ['initiator', (name) => ({ ...SPEC_EXAMPLE, initiator: name })],
    ['collaborators', (name) => ({ ...SPEC_EXAMPLE, collaborators: [name] })],
    [
      'a subtask owner',
      (name) => ({ ...SPEC_EXAMPLE, subtasks: [{ name: 's', owner: name, collaborators: [] }] }),
    ],
  ];
  it.each(NAMES.flatMap((name) => FIELDS.map(([field, arg]) => ({ name, field, arg }))))(
    'createTask with $field $name (not on the Team) names it exactly, and writes nothing',
    ({ name, arg }) => {
      const world = sampleWorld();
      const before = JSON.stringify(world.spreadsheet);
      const r = rpc(emulatorFor(world), 'createTask', arg(name), QIANG);
      expect(r.ok).toBe(false);
      expect(r.error?.message).toContain(`「${name}」`);
      expect(r.error?.message).toContain('不在成员表中');
      expect(JSON.stringify(world.spreadsheet)).toBe(before);
    },
  );
});
