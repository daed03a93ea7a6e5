// The archive through dist/Code.js (SPEC §8): by ID, crash-safe at every service call, order-blind, and restorable.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/sandbox';
import { at } from '../../emulator/seed';
import type { World } from '../../emulator/world';
import { headersOf, type SheetKey, sheetDef, sheetName } from '../../src/core/templates';
import { cells, emulatorFor, sampleWorld, sheetState } from '../helpers/project';

const ADMIN = 'qiang@example.com';
const LIVE: SheetKey[] = ['overview', 'progress', 'sync'];
const ARCHIVE: Record<string, SheetKey> = {
  overview: 'archiveOverview',
  progress: 'archiveProgress',
  sync: 'archiveSync',
};

function worldAt(wall: string): { world: World; emu: Emulator } {
  const world = sampleWorld({ now: new Date(at(wall)).toISOString() });
  return { world, emu: emulatorFor(world) };
}

/** Every row's template cells, per live sheet, from the live and archive sheets together (archive columns left out). */
function inventory(world: World): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of LIVE) {
    const headers = headersOf(sheetDef(key), 'zh-CN');
    const rowsOf = (sheet: SheetKey) => {
      const [header, ...rows] = cells(world, sheetName(sheet, 'zh-CN'));
      const at = headers.map((h) => (header as unknown[]).indexOf(h));
      return rows.map((r) => JSON.stringify(at.map((i) => r[i] ?? '')));
    };
    out[key] = [...rowsOf(key), ...rowsOf(ARCHIVE[key]!)].sort();
  }
  return out;
}

const liveIds = (world: World) =>
  cells(world, '部门任务总览表')
    .slice(1)
    .map((r) => r[0]);
const archivedRows = (world: World, sheet: string) => cells(world, sheet).slice(1);

/** A finished task with two subtasks and a sync record, accepted on `acceptedOn` (a Shanghai wall time). */
function finishedTask(emu: Emulator, acceptedOn: string, prefix: string): string {
  const world = emu.world;
  world.clock.now = at(acceptedOn) - 3_600_000;
  const id = emu.callOk<{ taskId: string }>(
    'createTask',
    [
      {
        prefix,
        name: `${prefix}任务`,
        initiator: '*强',
        owner: '*明',
        type: 'routine',
        due: '2024-10-31',
        notes: '标准',
        subtasks: [
          { name: '一', owner: '*明', collaborators: [] },
          { name: '二', owner: '*华', collaborators: [] },
        ],
      },
    ],
    ADMIN,
  ).taskId;
  emu.callOk(
    'updateProgress',
    [{ subtaskId: `${id}-01`, progress: 100, blockers: '=SUM(A1)' }],
    'ming@example.com',
  );
  emu.callOk(
    'addSyncRecord',
    [{ topic: '进展', content: '完成', audience: '全体', kind: 'deliverable', taskId: id }],
    'ming@example.com',
  );
  emu.callOk('submitForAcceptance', [{ taskId: id }], 'ming@example.com');
  world.clock.now = at(acceptedOn);
  emu.callOk('acceptTask', [{ taskId: id }], ADMIN);
  return id;
}

describe('the seed data', () => {
  it('archives 紧急任务2024-003 (done 2024-10-20) after 3 working days, with its key and its sync record', () => {
    const early = worldAt('2024-10-22 01:30');
    expect(early.emu.callOk('runArchive', [], ADMIN)).toEqual({ archived: 0, deferred: 0 });
    const { world, emu } = worldAt('2024-10-23 01:30');
    expect(emu.callOk('runArchive', [], ADMIN)).toEqual({ archived: 1, deferred: 0 });
    expect(liveIds(world)).toEqual(['产品迭代2024-001', '日常协作2024-015']);
    const [row] = archivedRows(world, '归档-部门任务总览表');
    expect(row!.slice(0, 1)).toEqual(['保障客户系统稳定运行-紧急任务2024-003-2024-10-20']);
    expect(row![1]).toMatchObject({ d: expect.any(Number) });
    expect(row![2]).toBe('紧急任务2024-003');
    expect(archivedRows(world, '归档-信息同步共享记录表').map((r) => r[3])).toEqual(['系统故障应急处理同步']);
    expect(
      cells(world, '信息同步共享记录表')
        .slice(1)
        .map((r) => r[7]),
    ).toEqual(['产品迭代2024-001']);
  });

  it('keeps IDs unique after their rows leave: the next 紧急任务 in 2024 is 004', () => {
    const { emu } = worldAt('2024-10-23 01:30');
    emu.callOk('runArchive', [], ADMIN);
    const r = emu.callOk<{ taskId: string }>(
      'createTask',
      [
        {
          prefix: '紧急任务',
          name: '新的紧急任务',
          initiator: '*强',
          owner: '*刚',
          type: 'urgent',
          due: '2024-10-25',
          notes: '两小时内恢复',
        },
      ],
      ADMIN,
    );
    expect(r.taskId).toBe('紧急任务2024-004');
  });

  it('lets a task completed on 2024-09-30 wait past National Day (archived on 10-10, the third working day)', () => {
    const { world, emu } = worldAt('2024-09-27 10:00');
    const id = finishedTask(emu, '2024-09-30 15:00', '国庆前');
    for (const [day, expected] of [
      ['2024-10-08', true],
      ['2024-10-09', true],
      ['2024-10-10', false],
    ] as const) {
      world.clock.now = at(`${day} 01:30`);
      emu.callOk('runArchive', [], ADMIN);
      expect(liveIds(world).includes(id), day).toBe(expected);
    }
  });
});

describe('crash safety', () => {
  /** Three finished tasks due, one not, on 2024-11-06. */
  function fixture(): World {
    const { world, emu } = worldAt('2024-10-21 09:00');
    finishedTask(emu, '2024-10-28 10:00', '甲项目');
    finishedTask(emu, '2024-10-29 10:00', '乙项目');
    finishedTask(emu, '2024-11-05 10:00', '丙项目');
    world.clock.now = at('2024-11-06 01:30');
    return world;
  }

  it('leaves every row exactly once when the run dies at any service call, the live rows are re-sorted by hand, and it runs again', () => {
    const base = JSON.stringify(fixture());
    const before = inventory(JSON.parse(base));
    const clean = emulatorFor(JSON.parse(base));
    const full = clean.call<{ archived: number }>('runArchive', [], ADMIN);
    expect(full.result.archived).toBe(4);
    expect(full.metrics.calls).toBeGreaterThanOrEqual(14);
    const expectedLive = liveIds(clean.world);
    for (let k = 1; k <= full.metrics.calls; k++) {
      const emu = emulatorFor(JSON.parse(base));
      emu.dieAtCall = k;
      expect(emu.call('runArchive', [], ADMIN).ok, `death at call ${k}`).toBe(false);
      // Between the runs someone sorts the live sheets by hand (issue 5): here, reverses their rows.
      for (const key of LIVE) {
        const sheet = sheetState(emu.world, sheetName(key, 'zh-CN'));
        const [header, ...rows] = sheet.rows;
        const filled = rows.filter((r) => r.some((v) => v !== ''));
        sheet.rows = [header!, ...filled.reverse(), ...rows.filter((r) => !r.some((v) => v !== ''))];
      }
      const resorted = liveIds(emu.world);
      expect(emu.call('runArchive', [], ADMIN).ok, `rerun after death at call ${k}`).toBe(true);
      expect(inventory(emu.world), `after death at call ${k}`).toEqual(before);
      expect([...liveIds(emu.world)].sort(), `after death at call ${k}`).toEqual([...expectedLive].sort());
      // The remaining live rows keep the order they were given by hand.
      expect(liveIds(emu.world), `after death at call ${k}`).toEqual(
        [...new Set(resorted)].filter((id) => expectedLive.includes(id)),
      );
      for (const key of LIVE) {
        const archived = archivedRows(emu.world, sheetName(ARCHIVE[key]!, 'zh-CN'));
        expect(archived.length, `${key} after death at call ${k}`).toBe(
          archivedRows(clean.world, sheetName(ARCHIVE[key]!, 'zh-CN')).length,
        );
      }
    }
  });

  it('archives by ID: rows sorted or moved by hand between runs change nothing', () => {
    const base = JSON.stringify(fixture());
    const straight = emulatorFor(JSON.parse(base));
    straight.callOk('runArchive', [], ADMIN);
    const shuffled = emulatorFor(JSON.parse(base));
    for (const key of LIVE) {
      const sheet = sheetState(shuffled.world, sheetName(key, 'zh-CN'));
      const [header, ...rows] = sheet.rows;
      sheet.rows = [header!, ...rows.reverse()];
    }
    shuffled.callOk('runArchive', [], ADMIN);
    expect(inventory(shuffled.world)).toEqual(inventory(straight.world));
    expect([...liveIds(shuffled.world)].sort()).toEqual([...liveIds(straight.world)].sort());
    for (const key of LIVE) {
      const ids = (w: World) =>
        archivedRows(w, sheetName(ARCHIVE[key]!, 'zh-CN'))
          .map((r) => String(r[0]))
          .sort();
      expect(ids(shuffled.world)).toEqual(ids(straight.world));
    }
  });

  it('archives nothing twice: a second run reads but writes nothing', () => {
    const world = fixture();
    const emu = emulatorFor(world);
    emu.callOk('runArchive', [], ADMIN);
    const after = JSON.stringify(world.spreadsheet);
    const again = emu.call<{ archived: number }>('runArchive', [], ADMIN);
    expect(again.result.archived).toBe(0);
    expect(JSON.stringify(world.spreadsheet)).toBe(after);
  });
});

describe('restore', () => {
  it('brings a task back with its rows, and archiving again round-trips it exactly', () => {
    const { world, emu } = worldAt('2024-11-05 01:30');
    const original = inventory(world);
    const rowOf = (sheet: string, id: string) => cells(world, sheet).find((r) => r[0] === id || r[1] === id);
    const originalRows = [
      rowOf('部门任务总览表', '产品迭代2024-001'),
      rowOf('任务执行进度跟踪表', '产品迭代2024-001'),
    ];
    emu.callOk('runArchive', [], ADMIN);
    expect(liveIds(world)).toEqual(['日常协作2024-015']);
    const archivedBefore = archivedRows(world, '归档-任务执行进度跟踪表');
    expect(emu.callOk('restoreFromArchive', [{ taskId: '产品迭代2024-001' }], ADMIN)).toEqual({
      restored: '产品迭代2024-001',
    });
    expect([
      rowOf('部门任务总览表', '产品迭代2024-001'),
      rowOf('任务执行进度跟踪表', '产品迭代2024-001'),
    ]).toEqual(originalRows);
    expect(archivedRows(world, '归档-部门任务总览表').map((r) => r[2])).toEqual(['紧急任务2024-003']);
    expect(inventory(world)).toEqual(original);
    emu.callOk('runArchive', [], ADMIN);
    expect(inventory(world)).toEqual(original);
    expect(archivedRows(world, '归档-任务执行进度跟踪表').map((r) => r.slice(2))).toEqual(
      archivedBefore.map((r) => r.slice(2)),
    );
  });

  it('asks for the ID from the menu, and is for the admin only', () => {
    const { world, emu } = worldAt('2024-11-05 01:30');
    emu.callOk('runArchive', [], ADMIN);
    world.ui.pendingAnswers = ['紧急任务2024-003'];
    expect(emu.callOk('restoreFromArchive', [], ADMIN)).toEqual({ restored: '紧急任务2024-003' });
    world.ui.pendingAnswers = [null];
    expect(emu.callOk('restoreFromArchive', [], ADMIN)).toEqual({ restored: null });
    const r = emu.call('restoreFromArchive', [{ taskId: '产品迭代2024-001' }], 'ming@example.com');
    expect(r.error?.message).toBe('只有管理员(qiang@example.com)可以从归档恢复');
    const missing = emu.call('restoreFromArchive', [{ taskId: '产品迭代2024-999' }], ADMIN);
    expect(missing.error?.message).toBe('归档中没有任务「产品迭代2024-999」');
  });
});
