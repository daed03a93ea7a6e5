// Direct edits through dist/Code.js (SPEC §4): onEdit stamps and checks, handleEdit guards authority, pastes included.
import { describe, expect, it } from 'vitest';
import { applyUserEdit } from '../../emulator/edits';
import type { Emulator } from '../../emulator/sandbox';
import { EXAMPLE_TASK } from '../../emulator/seed';
import type { World } from '../../emulator/world';
import { cells, emulatorFor, sampleWorld, sheetState } from '../helpers/project';

const OV = '部门任务总览表';
const PR = '任务执行进度跟踪表';

function setup(identity: 'domain' | 'consumer' = 'domain') {
  const world = sampleWorld();
  world.config.identity = identity;
  return { world, emu: emulatorFor(world) };
}

function edit(emu: Emulator, sheet: string, a1: string, value: string | string[][], user: string) {
  const r = applyUserEdit(
    emu,
    typeof value === 'string' ? { sheet, a1, value, user } : { sheet, a1, values: value, user },
  );
  expect(
    r.triggers.every((x) => x.ok),
    JSON.stringify(r.triggers),
  ).toBe(true);
  return r;
}

const cell = (world: World, sheet: string, row: number, col: number) =>
  sheetState(world, sheet).rows[row - 1]?.[col - 1];
const note = (world: World, sheet: string, row: number, col: number) =>
  sheetState(world, sheet).notes[`${row}:${col}`];
const lastCalls = (world: World, fn: string) => world.executions.filter((x) => x.fn === fn).at(-1)!;

describe('onEdit (simple trigger)', () => {
  it('stamps 更新日期 and logs progress when a progress row is edited by hand, within 4 calls', () => {
    const { world, emu } = setup();
    edit(emu, PR, 'E3', '90', 'lei@example.com');
    expect(cell(world, PR, 3, 5)).toBe(90);
    const stamp = cell(world, PR, 3, 9) as { d: number };
    expect(stamp.d).toBeCloseTo(45589 + 10 / 24, 5); // 2024-10-24 10:00 in Shanghai
    expect(cells(world, '进度日志').at(-1)!.slice(1, 4)).toEqual([
      '日常协作2024-015-01',
      '日常协作2024-015',
      90,
    ]);
    const m = lastCalls(world, 'onEdit');
    expect(m.calls).toBeLessThanOrEqual(4);
    expect(m.flushes).toBe(0);
  });

  it('starts a 未开始 task when its first progress is typed by hand, as the sidebar does (SPEC §4)', () => {
    const { world, emu } = setup();
    const created = emu.callOk<{ taskId: string; subtaskIds: string[] }>(
      'createTask',
      [EXAMPLE_TASK],
      'qiang@example.com',
    );
    const taskRow = cells(world, OV).findIndex((r) => r[0] === created.taskId) + 1;
    const subRow = cells(world, PR).findIndex((r) => r[0] === created.subtaskIds[0]) + 1;
    expect(cell(world, OV, taskRow, 10)).toBe('未开始');
    edit(emu, PR, `E${subRow}`, '20', 'ming@example.com');
    expect(cell(world, OV, taskRow, 10)).toBe('进行中');
    const guard = JSON.parse(String(cell(world, OV, taskRow, 13))) as unknown[];
    expect(guard[3]).toBe('in_progress');
    const m = lastCalls(world, 'handleEdit');
    expect(m.flushes).toBe(0);
    // The status now stands: the owner's later edit of another cell changes nothing about it.
    edit(emu, PR, `F${subRow}`, '问卷已发出', 'ming@example.com');
    expect(cell(world, OV, taskRow, 10)).toBe('进行中');
    expect(note(world, OV, taskRow, 10)).toBeUndefined();
  });

  it('stamps without logging for a text-only edit, in 2 calls', () => {
    const { world, emu } = setup();
    const logRows = cells(world, '进度日志').length;
    edit(emu, PR, 'F2', '问卷发放完成', 'ming@example.com');
    expect(cell(world, PR, 2, 9)).toMatchObject({ d: expect.any(Number) });
    expect(cells(world, '进度日志')).toHaveLength(logRows);
    expect(lastCalls(world, 'onEdit').calls).toBe(2);
  });

  it('notes people in 协作人 who are not on the Team, and clears the note once fixed', () => {
    const { world, emu } = setup();
    edit(emu, OV, 'E2', '*华、路人甲', 'ming@example.com');
    expect(note(world, OV, 2, 5)).toBe('[产品迭代2024-001] 不在成员表中:路人甲');
    edit(emu, OV, 'E2', '*华、芳', 'ming@example.com');
    expect(note(world, OV, 2, 5)).toBeUndefined();
    expect(lastCalls(world, 'onEdit').calls).toBeLessThanOrEqual(4);
  });
});

describe('handleEdit (installable, as the admin)', () => {
  it('is installed by setupSheets for the admin, once', () => {
    const { world, emu } = setup();
    emu.callOk('setupSheets', [], 'qiang@example.com');
    expect(
      world.triggers.filter((t) => t.handler === 'handleEdit').map((t) => [t.eventType, t.owner]),
    ).toEqual([['ON_EDIT', 'qiang@example.com']]);
  });

  it('restores a status the editor could not set through the sidebar, with a note saying why', () => {
    const { world, emu } = setup();
    edit(emu, OV, 'J3', '已完成', 'lei@example.com');
    expect(cell(world, OV, 3, 10)).toBe('待验收');
    expect(note(world, OV, 3, 10)).toBe(
      '[日常协作2024-015] 你无权将状态改为「已完成」(只有任务发起人或主管可以验收或退回);已恢复为「待验收」。',
    );
    expect(lastCalls(world, 'handleEdit').calls).toBeLessThanOrEqual(6);
  });

  it("accepts the initiator's acceptance and stamps 完成日期", () => {
    const { world, emu } = setup();
    edit(emu, OV, 'J3', '已完成', 'li@example.com');
    expect(cell(world, OV, 3, 10)).toBe('已完成');
    expect(cell(world, OV, 3, 12)).toMatchObject({ d: expect.any(Number) });
    expect(JSON.parse(String(cell(world, OV, 3, 13)))).toEqual([
      '日常协作2024-015',
      '*丽',
      '*磊',
      'done',
      '2024-10-24',
      '2024-10-24',
    ]);
  });

  it('sends rejections and cancellations to the sidebar, where a reason is required', () => {
    const { world, emu } = setup();
    edit(emu, OV, 'J3', '进行中', 'li@example.com');
    expect(cell(world, OV, 3, 10)).toBe('待验收');
    expect(note(world, OV, 3, 10)).toContain('请在侧边栏「我的任务」中操作');
  });

  it('restores IDs, and lets only the initiator or a manager reassign the owner', () => {
    const { world, emu } = setup();
    edit(emu, OV, 'A4', '紧急任务2024-009', 'qiang@example.com');
    expect(cell(world, OV, 4, 1)).toBe('紧急任务2024-003');
    edit(emu, OV, 'D2', '*华', 'ming@example.com');
    expect(cell(world, OV, 2, 4)).toBe('*明');
    edit(emu, OV, 'D3', '芳', 'li@example.com');
    expect(cell(world, OV, 3, 4)).toBe('芳');
    expect(JSON.parse(String(cell(world, OV, 3, 13)))[2]).toBe('芳');
    edit(emu, PR, 'A2', '产品迭代2024-001-09', 'qiang@example.com');
    expect(cell(world, PR, 2, 1)).toBe('产品迭代2024-001-01');
  });

  it('restores a multi-cell paste over guarded cells from the guard value', () => {
    const { world, emu } = setup();
    edit(
      emu,
      OV,
      'C2:D3',
      [
        ['*明', '*明'],
        ['*明', '*明'],
      ],
      'ming@example.com',
    );
    expect(
      cells(world, OV)
        .slice(1, 3)
        .map((r) => r.slice(2, 4)),
    ).toEqual([
      ['*强', '*明'],
      ['*丽', '*磊'],
    ]);
    expect(note(world, OV, 2, 3)).toBe('[产品迭代2024-001] 只有主管可以更改发起人;已恢复为「*强」。');
    expect(note(world, OV, 3, 4)).toBe('[日常协作2024-015] 只有发起人或主管可以更改负责人;已恢复为「*磊」。');
  });

  it('lets a manager make the same paste', () => {
    const { world, emu } = setup();
    edit(emu, OV, 'C3:D3', [['*强', '*华']], 'qiang@example.com');
    expect(cells(world, OV)[2]!.slice(2, 4)).toEqual(['*强', '*华']);
  });

  it('flags a hand-typed new row whose ID duplicates another', () => {
    const { world, emu } = setup();
    edit(emu, OV, 'A5', '产品迭代2024-001', 'qiang@example.com');
    expect(note(world, OV, 5, 1)).toBe('「产品迭代2024-001」与第 2 行重复');
    expect(cell(world, OV, 5, 13)).toContain('产品迭代2024-001');
  });

  it('allows an unknown identity and records the change in the Sync Log', () => {
    const { world, emu } = setup('consumer');
    edit(emu, OV, 'D2', '*华', 'ming@example.com');
    expect(cell(world, OV, 2, 4)).toBe('*华');
    const record = cells(world, '信息同步共享记录表').at(-1)!;
    expect(record[1]).toBe('直接编辑(未知用户)');
    expect(record[2]).toBe('产品迭代2024-001 owner=*华');
    expect(record[6]).toBe('(未知用户)');
  });

  it('refuses strangers (known, but not on the Team)', () => {
    const { world, emu } = setup();
    world.spreadsheet.editors.push('stranger@example.org');
    edit(emu, OV, 'D2', '*华', 'stranger@example.org');
    expect(cell(world, OV, 2, 4)).toBe('*明');
    expect(note(world, OV, 2, 4)).toBe('[产品迭代2024-001] 你不在成员表中,不能修改此单元格;已恢复。');
  });
});

/** A sheet row as a person copies it: dates as yyyy-MM-dd, the hidden guard column included. */
function copied(world: World, sheet: string, row: number): string[] {
  return sheetState(world, sheet).rows[row - 1]!.map((v) =>
    typeof v === 'object' && v && 'd' in v
      ? new Date(Math.round((v as { d: number }).d * 86_400_000) + Date.UTC(1899, 11, 30))
          .toISOString()
          .slice(0, 10)
      : String(v),
  );
}

describe('handleEdit: pastes over the hidden guard column', () => {
  it('flags a whole row pasted over another task as a duplicate ID, without a read after a write', () => {
    const { world, emu } = setup();
    const row2 = copied(world, OV, 2).slice(0, 13);
    edit(emu, OV, 'A3:M3', [row2], 'lei@example.com');
    expect(note(world, OV, 3, 1)).toBe('「产品迭代2024-001」与第 2 行重复');
    expect(note(world, OV, 2, 1)).toBeUndefined();
    expect(lastCalls(world, 'handleEdit').flushes).toBe(0);
  });

  it('flags a whole row pasted onto a new row as a duplicate ID', () => {
    const { world, emu } = setup();
    edit(emu, OV, 'A5:M5', [copied(world, OV, 2).slice(0, 13)], 'lei@example.com');
    expect(note(world, OV, 5, 1)).toBe('「产品迭代2024-001」与第 2 行重复');
  });

  it('notes a member’s paste whose guard does not fit the row, and accepts a 主管’s', () => {
    const { world, emu } = setup();
    const row3 = copied(world, OV, 3).slice(0, 13);
    const forged = [...row3.slice(0, 2), '*磊', ...row3.slice(3, 9), '已完成', row3[10]!, '', ''];
    edit(emu, OV, 'A3:M3', [forged], 'lei@example.com');
    expect(note(world, OV, 3, 1)).toBe(
      '[日常协作2024-015] 粘贴覆盖了守护值,本行受保护的单元格(ID、发起人、负责人、状态、完成日期)无法核对;如非有意,请撤销这次粘贴。',
    );
    expect(cell(world, OV, 3, 13)).toBe('');
    const other = setup();
    edit(other.emu, OV, 'A3:M3', [forged], 'qiang@example.com');
    expect(note(other.world, OV, 3, 1)).toBeUndefined();
    expect(JSON.parse(String(cell(other.world, OV, 3, 13)))).toEqual([
      '日常协作2024-015',
      '*磊',
      '*磊',
      'done',
      '',
      '',
    ]);
  });

  it('restores a guard value typed over from the edit’s old value', () => {
    const { world, emu } = setup();
    const guard = cell(world, OV, 3, 13);
    edit(emu, OV, 'M3', '["日常协作2024-015","*磊","*磊","done","",""]', 'lei@example.com');
    expect(cell(world, OV, 3, 13)).toBe(guard);
    edit(emu, OV, 'J3', '已完成', 'lei@example.com');
    expect(cell(world, OV, 3, 10)).toBe('待验收');
  });
});

describe('edit triggers read everything before their first write', () => {
  it('records an unknown identity’s change in the Sync Log without a flush', () => {
    const { world, emu } = setup('consumer');
    edit(emu, OV, 'D2', '*华', 'ming@example.com');
    expect(cells(world, '信息同步共享记录表').at(-1)![2]).toBe('产品迭代2024-001 owner=*华');
    const m = lastCalls(world, 'handleEdit');
    expect(m.flushes).toBe(0);
    expect(m.calls).toBeLessThanOrEqual(8);
  });

  it('stamps, logs and checks people for a two-row paste in one write each, without a flush', () => {
    const { world, emu } = setup();
    const logRows = cells(world, '进度日志').length;
    edit(
      emu,
      PR,
      'E2:J3',
      [
        ['50', '完成', '继续', '', '', '路人甲'],
        ['60', '完成', '继续', '', '', '*华'],
      ],
      'qiang@example.com',
    );
    expect(
      cells(world, '进度日志')
        .slice(logRows)
        .map((r) => r.slice(1, 4)),
    ).toEqual([
      ['产品迭代2024-001-01', '产品迭代2024-001', 50],
      ['日常协作2024-015-01', '日常协作2024-015', 60],
    ]);
    expect(note(world, PR, 2, 10)).toBe('[产品迭代2024-001-01] 不在成员表中:路人甲');
    expect(note(world, PR, 3, 10)).toBeUndefined();
    const m = lastCalls(world, 'onEdit');
    expect(m.flushes).toBe(0);
    expect(m.byApi['Sheet.appendRow'] ?? 0).toBe(0);
    expect(m.byApi['Range.setNote'] ?? 0).toBe(0);
    expect(m.calls).toBeLessThanOrEqual(8);
  });
});
