// A damaged template through dist/Code.js (SPEC §2, §14): each operation works by header or stops, changing nothing.
import { describe, expect, it } from 'vitest';
import type { Emulator, RunResult } from '../../emulator/sandbox';
import { appendRows, EXAMPLE_TASK } from '../../emulator/seed';
import type { CellValue, World } from '../../emulator/world';
import {
  decodeSubtaskGuard,
  decodeTaskGuard,
  encodeSubtaskGuard,
  encodeTaskGuard,
} from '../../src/core/guard';
import { pick } from '../../src/core/locale';
import {
  DASHBOARD_NAME,
  headersOf,
  SHEETS,
  type SheetKey,
  sheetDef,
  sheetName,
} from '../../src/core/templates';
import {
  byHeader,
  deleteRow,
  deleteSheet,
  insertBlankRow,
  moveColumn,
  renameHeader,
  sortRows,
} from '../helpers/damage';
import { ADMIN, emulatorFor, sampleWorld, sheetState } from '../helpers/project';

const LEI = 'lei@example.com'; // *磊, owner of 产品迭代2024-005-01
const LI = 'li@example.com'; // *丽, initiator of 日常协作2024-015 (待验收)
const MING = 'ming@example.com';

const NAMES = {
  ...(Object.fromEntries(SHEETS.map((d) => [d.key, sheetName(d.key, 'zh-CN')])) as Record<SheetKey, string>),
  dashboard: pick(DASHBOARD_NAME, 'zh-CN'),
};
type Key = keyof typeof NAMES;

/** The sample workbook plus a task in progress (the sample's open task awaits acceptance). */
function workbook(): World {
  const world = sampleWorld();
  const task = { id: '产品迭代2024-005', initiator: '*丽', owner: '*明' };
  const sub = { id: '产品迭代2024-005-01', taskId: task.id, owner: '*磊' };
  appendRows(
    world,
    'overview',
    [
      {
        taskId: task.id,
        name: '竞品分析',
        initiator: task.initiator,
        owner: task.owner,
        project: '提升客户复购率',
        type: { enum: 'type', code: 'project' },
        priority: { enum: 'priority', code: 'medium' },
        due: { date: '2024-10-31' },
        status: { enum: 'status', code: 'in_progress' },
        notes: '覆盖 5 家竞品',
        guard: encodeTaskGuard({ ...task, status: 'in_progress', completedOn: null }),
      },
    ],
    'zh-CN',
  );
  const row = { subtaskId: sub.id, taskId: task.id, name: '收集竞品', owner: sub.owner, progress: 40 };
  appendRows(
    world,
    'progress',
    [{ ...row, updatedOn: { date: '2024-10-23' }, guard: encodeSubtaskGuard(sub) }],
    'zh-CN',
  );
  return world;
}

const rows = (world: World, key: Key) => byHeader(world, NAMES[key]);
const find = (world: World, key: Key, header: string, value: string) =>
  rows(world, key).find((r) => r[header] === value);
const isDate = (v: CellValue | undefined) => typeof v === 'object' && v !== null && 'd' in v;
const allText = (world: World, name: string) => JSON.stringify(sheetState(world, name).rows);
const HEADER_TEXTS = new Set(
  (['overview', 'progress', 'sync', 'team'] as const).flatMap((k) => headersOf(sheetDef(k), 'zh-CN')),
);
/** A sheet's non-blank rows other than its header (wherever that is), sorted: what no repair may touch. */
const dataRows = (world: World, name: string) =>
  (world.spreadsheet.sheets.find((s) => s.name === name)?.rows ?? [])
    .filter((r) => r.some((v) => v !== '') && r.filter((v) => HEADER_TEXTS.has(String(v))).length < 3)
    .map((r) => JSON.stringify(r.slice(0, 13)))
    .sort();

interface Operation {
  name: string;
  /** The sheets it reads: damage to any of them stops it. */
  reads: Key[];
  run: (emu: Emulator) => RunResult;
  /** What a correct run left behind, read back by header. */
  verify: (world: World, result: unknown, before: World) => void;
}

const rpc = (emu: Emulator, fn: string, arg: unknown, user: string) =>
  emu.call(fn, [arg], user, { rpc: true });

const OPERATIONS: Operation[] = [
  {
    name: 'createTask',
    reads: ['team', 'overview', 'progress'],
    run: (emu) =>
      rpc(
        emu,
        'createTask',
        {
          ...EXAMPLE_TASK,
          name: '新调研',
          notes: '验收标准',
          subtasks: [{ name: '问卷', owner: '*华', collaborators: ['*明'] }],
        },
        ADMIN,
      ),
    verify: (world, result) => {
      const { taskId, subtaskIds } = result as { taskId: string; subtaskIds: string[] };
      expect(taskId).toBe('产品迭代2024-006');
      const task = find(world, 'overview', '任务ID', taskId)!;
      expect(task).toMatchObject({
        任务名称: '新调研',
        发起人: '*强',
        负责人: '*明',
        协作人: '*华',
        '关联项目/目标': '提升客户复购率',
        任务类型: '专项任务',
        优先级: '高',
        当前状态: '未开始',
        '备注(验收标准/问题记录)': '验收标准',
      });
      expect(isDate(task.预期完成时间)).toBe(true);
      expect(decodeTaskGuard(String(task.守护值))?.id).toBe(taskId);
      const sub = find(world, 'progress', '子任务ID', subtaskIds[0]!)!;
      expect(sub).toMatchObject({ 所属主任务ID: taskId, 子任务名称: '问卷', 负责人: '*华', 协作人: '*明' });
      expect(decodeSubtaskGuard(String(sub.守护值))?.owner).toBe('*华');
    },
  },
  {
    name: 'updateProgress',
    reads: ['team', 'overview', 'progress', 'progressLog'],
    run: (emu) =>
      rpc(
        emu,
        'updateProgress',
        { subtaskId: '产品迭代2024-005-01', progress: 90, done: '已收齐', next: '汇总', blockers: '' },
        LEI,
      ),
    verify: (world) => {
      const sub = find(world, 'progress', '子任务ID', '产品迭代2024-005-01')!;
      expect(sub).toMatchObject({
        所属主任务ID: '产品迭代2024-005',
        子任务名称: '收集竞品',
        负责人: '*磊',
        '今日进度(%)': 90,
        已完成工作: '已收齐',
        下一步计划: '汇总',
        遇到的问题及所需支持: '',
      });
      expect(isDate(sub.更新日期)).toBe(true);
      expect(rows(world, 'progressLog').at(-1)).toMatchObject({
        子任务ID: '产品迭代2024-005-01',
        '进度(%)': 90,
      });
    },
  },
  {
    name: 'addSyncRecord',
    reads: ['team', 'sync', 'overview'],
    run: (emu) =>
      rpc(
        emu,
        'addSyncRecord',
        {
          topic: '客户访谈',
          content: '访谈 5 家',
          audience: '项目组全体',
          kind: 'problem',
          taskId: '产品迭代2024-001',
        },
        MING,
      ),
    verify: (world) => {
      const record = find(world, 'sync', '同步主题', '客户访谈')!;
      expect(record).toMatchObject({
        '同步内容(进展/问题/决议)': '访谈 5 家',
        同步发起人: '*明',
        同步对象: '项目组全体',
        关联任务ID: '产品迭代2024-001',
        记录类型: '问题',
      });
      expect(isDate(record.同步日期)).toBe(true);
    },
  },
  {
    name: 'acceptTask',
    reads: ['team', 'overview', 'sync'],
    run: (emu) => rpc(emu, 'acceptTask', { taskId: '日常协作2024-015', note: '好' }, LI),
    verify: (world) => {
      const task = find(world, 'overview', '任务ID', '日常协作2024-015')!;
      expect(task).toMatchObject({ 当前状态: '已完成', 发起人: '*丽', 负责人: '*磊' });
      expect(isDate(task.完成日期)).toBe(true);
      expect(decodeTaskGuard(String(task.守护值))?.status).toBe('done');
      expect(find(world, 'sync', '同步主题', '验收通过:月度部门工作总结素材收集')).toMatchObject({
        关联任务ID: '日常协作2024-015',
        记录类型: '决议',
      });
    },
  },
  {
    name: 'the digest job',
    reads: ['team', 'overview', 'progress', 'sync', 'progressLog', 'notificationLog'],
    run: (emu) => emu.call('runDailyDigest', [], ADMIN),
    verify: (world) => {
      expect(world.outbox.length).toBeGreaterThan(0);
      expect(rows(world, 'notificationLog').some((r) => r.任务 === 'digest' && r.状态 === 'done')).toBe(true);
    },
  },
  {
    name: 'the archive',
    reads: ['overview', 'progress', 'sync', 'archiveOverview', 'archiveProgress', 'archiveSync'],
    run: (emu) => emu.call('runArchive', [], ADMIN),
    verify: (world, result) => {
      expect(result).toMatchObject({ archived: 1 });
      expect(find(world, 'archiveOverview', '任务ID', '紧急任务2024-003')).toMatchObject({
        归档编号: '保障客户系统稳定运行-紧急任务2024-003-2024-10-20',
        任务名称: '客户系统故障应急处理',
        发起人: '*伟',
        负责人: '*刚',
        当前状态: '已完成',
      });
      expect(find(world, 'archiveSync', '同步主题', '系统故障应急处理同步')).toMatchObject({
        同步发起人: '*伟',
        关联任务ID: '紧急任务2024-003',
      });
      expect(find(world, 'overview', '任务ID', '紧急任务2024-003')).toBeUndefined();
      expect(find(world, 'overview', '任务ID', '日常协作2024-015')).toMatchObject({ 负责人: '*磊' });
    },
  },
  {
    name: 'refreshDashboard',
    reads: ['team', 'overview', 'progress', 'sync', 'progressLog', 'dashboard'],
    run: (emu) => emu.call('refreshDashboard', [], ADMIN),
    verify: (world) => {
      expect(allText(world, NAMES.dashboard)).toContain('*磊');
      // Headline figures: 日常协作2024-015 awaits acceptance; 产品迭代2024-005 is the one active task.
      const headline = (label: string) =>
        sheetState(world, NAMES.dashboard).rows.find((r) => r[0] === label)?.[1];
      expect(headline('待验收')).toBe(1);
      expect(headline('进行中的任务(未开始+进行中)')).toBe(1);
    },
  },
  {
    name: 'generateReview',
    reads: [
      'team',
      'overview',
      'progress',
      'sync',
      'progressLog',
      'archiveOverview',
      'archiveProgress',
      'archiveSync',
    ],
    run: (emu) => rpc(emu, 'generateReview', { from: '2024-10-14', to: '2024-10-20' }, ADMIN),
    verify: (world) => {
      const text = allText(world, '复盘-2024-10-14~2024-10-20');
      expect(text).toContain('紧急任务2024-003');
      expect(text).toContain('客户系统故障应急处理');
    },
  },
  {
    name: 'runHealthCheck',
    reads: [],
    run: (emu) => emu.call('runHealthCheck', [], ADMIN),
    verify: (world, result, before) => {
      expect(result).toMatchObject({ sheet: '数据检查' });
      expect(sheetState(world, '数据检查').rows[1]).toEqual(['单元格', 'ID', '问题', '建议处理']);
      // Its repairs (through 初始化/修复模板) touch structure only: every data row is still there, as it was.
      for (const key of ['overview', 'progress', 'sync', 'team'] as const)
        expect(dataRows(world, NAMES[key]), key).toEqual(dataRows(before, NAMES[key]));
    },
  },
];

/**
 * Runs each operation on its own damaged copy of the workbook. With `stop`, the operations that read that sheet stop
 * with the message and change nothing (cells, properties, mail); every other operation works, checked by header.
 */
function runEach(damage: (world: World) => void, stop?: { on: Key; message: string }) {
  for (const op of OPERATIONS) {
    const world = workbook();
    damage(world);
    const state = () => JSON.stringify([world.spreadsheet, world.properties.document, world.outbox]);
    const before = state();
    const damaged = structuredClone(world);
    const r = op.run(emulatorFor(world));
    if (stop && op.reads.includes(stop.on)) {
      expect(r.ok, `${op.name} should stop`).toBe(false);
      expect(r.error?.message, op.name).toBe(stop.message);
      expect(state(), `${op.name} changed something`).toBe(before);
    } else {
      expect(r.ok, `${op.name}: ${r.error?.message}`).toBe(true);
      op.verify(world, r.result, damaged);
    }
  }
}

const SETUP = '请让管理员运行「任务同步 → 初始化/修复模板」。';

describe('a deleted sheet', () => {
  it.each(Object.keys(NAMES) as Key[])('%s: what reads it stops, naming the sheet; the rest works', (key) => {
    const name = NAMES[key];
    runEach((w) => deleteSheet(w, name), { on: key, message: `找不到工作表「${name}」。${SETUP}` });
  });

  it('is recreated (empty) by the health check run by the admin, and reported', () => {
    const world = workbook();
    deleteSheet(world, NAMES.sync);
    const r = emulatorFor(world).callOk<{ problems: number; repaired: string[] }>(
      'runHealthCheck',
      [],
      ADMIN,
    );
    expect(r.repaired).toContain('已创建工作表「信息同步共享记录表」');
    expect(sheetState(world, '数据检查').rows[2]).toEqual([
      '信息同步共享记录表',
      '',
      '工作表「信息同步共享记录表」不存在',
      '已重新创建空白的工作表;原有数据请从「文件 → 版本记录」中恢复',
    ]);
  });
});

describe('a renamed column', () => {
  const RENAMED: [Key, string][] = [
    ['overview', '负责人'],
    ['progress', '今日进度(%)'],
    ['sync', '同步发起人'],
    ['team', '邮箱'],
  ];
  it.each(RENAMED)(
    '%s "%s": what reads the sheet stops, naming sheet and column; the rest works',
    (key, column) => {
      const name = NAMES[key];
      runEach((w) => renameHeader(w, name, column, `${column}(改)`), {
        on: key,
        message: `工作表「${name}」的列「${column}」缺失或被改名。${SETUP}`,
      });
    },
  );
});

describe('a deleted header row', () => {
  it.each(['overview', 'progress', 'sync', 'team'] as Key[])(
    '%s: what reads the sheet stops, saying the header row is gone; the rest works',
    (key) => {
      const name = NAMES[key];
      runEach((w) => deleteRow(w, name, 1), {
        on: key,
        message: `工作表「${name}」的第 1 行不是表头(表头行被删除或覆盖)。${SETUP}`,
      });
    },
  );
});

/** Columns dragged elsewhere on each sheet people edit (none that a custom-formula rule refers to). */
function moveColumns(world: World): void {
  moveColumn(world, NAMES.overview, 5, 12); // 协作人 after 完成日期
  moveColumn(world, NAMES.progress, 6, 9); // 已完成工作 after 更新日期
  moveColumn(world, NAMES.sync, 4, 7); // 同步发起人 after 备注
  moveColumn(world, NAMES.team, 2, 4); // 邮箱 after 小组
}

describe('damage every operation works through', () => {
  it('a moved column: every operation writes into the right columns', () => {
    const moved = workbook();
    moveColumns(moved);
    expect(sheetState(moved, NAMES.overview).rows[0]![11]).toBe('协作人');
    expect(sheetState(moved, NAMES.progress).rows[0]![8]).toBe('已完成工作');
    runEach(moveColumns);
  });

  it('a blank row inserted in the middle of the data', () => {
    runEach((w) => {
      insertBlankRow(w, NAMES.overview, 2);
      insertBlankRow(w, NAMES.progress, 2);
      insertBlankRow(w, NAMES.sync, 2);
    });
  });

  it('rows sorted by hand', () => {
    runEach((w) => {
      sortRows(w, NAMES.overview, '任务名称', true);
      sortRows(w, NAMES.progress, '子任务名称', true);
      sortRows(w, NAMES.sync, '同步主题', true);
    });
  });

  it('the health check finds the same problems in a moved, gapped or sorted workbook as in the sample', () => {
    const found = (damage: (w: World) => void) => {
      const world = workbook();
      damage(world);
      const r = emulatorFor(world).callOk<{ problems: number }>('runHealthCheck', [], ADMIN);
      const findings = sheetState(world, '数据检查').rows.slice(2);
      return { problems: r.problems, ids: findings.map((x) => x[1]).filter(Boolean) };
    };
    const healthy = found(() => {});
    expect(healthy).toEqual({ problems: 1, ids: ['紧急任务2024-003'] });
    expect(found(moveColumns)).toEqual(healthy);
    expect(found((w) => insertBlankRow(w, NAMES.overview, 2))).toEqual(healthy);
    expect(found((w) => sortRows(w, NAMES.overview, '任务名称'))).toEqual(healthy);
  });
});

describe('in an English workbook', () => {
  const SETUP_EN = 'Ask the admin to run "Task Sync → Set up or repair sheets".';
  const stops = (world: World, fn: string, message: string) => {
    const before = JSON.stringify(world.spreadsheet);
    const r = emulatorFor(world).call(fn, [], ADMIN);
    expect(r.error?.message).toBe(message);
    expect(JSON.stringify(world.spreadsheet)).toBe(before);
  };

  it('stops in English, naming the sheet and the column', () => {
    const renamed = sampleWorld({ locale: 'en' });
    renameHeader(renamed, 'Task Overview', 'Owner', 'Owner (old)');
    stops(
      renamed,
      'refreshDashboard',
      `The sheet "Task Overview" lacks the column "Owner" (missing or renamed). ${SETUP_EN}`,
    );
    const headless = sampleWorld({ locale: 'en' });
    deleteRow(headless, 'Sync Log', 1);
    stops(
      headless,
      'runDailyDigest',
      `The sheet "Sync Log" has no header in row 1 (the header row was deleted or overwritten). ${SETUP_EN}`,
    );
    const deleted = sampleWorld({ locale: 'en' });
    deleteSheet(deleted, 'Archive · Sync Log');
    stops(deleted, 'runArchive', `The sheet "Archive · Sync Log" is missing. ${SETUP_EN}`);
  });
});
