// The data health check (数据检查) through dist/Code.js: findings, structural repairs, call budget, job, English.
import { describe, expect, it } from 'vitest';
import { benchWorld } from '../../bench/fixtures';
import { runDueTriggers } from '../../emulator/clock';
import { ruleAt } from '../../emulator/model/rects';
import { at } from '../../emulator/seed';
import type { World } from '../../emulator/world';
import { deleteRow } from '../helpers/damage';
import { ADMIN, cells, emulatorFor, sampleWorld, sheetState } from '../helpers/project';

const MING = 'ming@example.com'; // *明, a member: may check, may not repair
const DATA = ['部门任务总览表', '任务执行进度跟踪表', '信息同步共享记录表', '成员'];

interface Result {
  problems: number;
  repaired: string[];
  sheet: string;
}

/** The report's finding rows: [cell, ID, problem, suggested fix] (row 1 is the summary, row 2 the header). */
const reported = (world: World, sheet = '数据检查') => sheetState(world, sheet).rows.slice(2);
const snapshot = (world: World) => DATA.map((name) => cells(world, name));
const rowsOf = (world: World, name: string) => sheetState(world, name).rows;

function check(world: World, user = ADMIN): Result {
  return emulatorFor(world).callOk<Result>('runHealthCheck', [], user);
}

/** Pasted values and script writes that skip validation and the edit handler, one of each kind. */
function damageRows(world: World): void {
  const ov = rowsOf(world, '部门任务总览表');
  const pr = rowsOf(world, '任务执行进度跟踪表');
  const sy = rowsOf(world, '信息同步共享记录表');
  ov[5] = [...ov[1]!]; // row 6: row 2 copied
  ov[1]![7] = '紧急'; // H2 priority
  ov[1]![8] = 'next week'; // I2 due date
  ov[2]![3] = '*磊、芳'; // D3 owner: two people
  ov[2]![4] = '芳、路人甲'; // E3 collaborators: one not on the Team
  ov[2]![9] = '已完成'; // J3 status: a valid value the guard never saw
  ov[3]![2] = ''; // C4 initiator emptied
  ov[4] = ['产品迭代24-9', '', '*强', '*明', '', '', '', '', '', '']; // row 5 typed by hand
  pr[1]![4] = 120; // E2 progress
  pr[1]![8] = '昨天'; // I2 updated on
  pr[1]![3] = '*华'; // D2 owner changed behind the guard
  pr[2]![1] = '日常协作2024-099'; // B3 a task that does not exist
  pr[3] = ['紧急任务2024-003-01', '日常协作2024-015', '修复', '*刚']; // row 4: a subtask under another task
  sy[1]![1] = ''; // B2 topic
  sy[1]![3] = '王五'; // D2 raised by someone not on the Team
  sy[2]![7] = '紧急任务2024-999'; // H3 an unknown task
  sy[2]![8] = '通知'; // I3 kind
}

describe('runHealthCheck finds each kind of problem at its cell', () => {
  const world = sampleWorld();
  damageRows(world);
  const before = snapshot(world);
  const result = check(world);

  it('lists every finding with the cell, the row ID, the problem and the fix, in reading order', () => {
    expect(reported(world)).toEqual([
      [
        '部门任务总览表!H2',
        '产品迭代2024-001',
        '「优先级」的「紧急」不在下拉列表中',
        '从下拉列表中选择:高 / 中 / 低',
      ],
      [
        '部门任务总览表!I2',
        '产品迭代2024-001',
        '「预期完成时间」的「next week」不是日期',
        '重新输入为日期,如 2024-10-30',
      ],
      [
        '部门任务总览表!D3',
        '日常协作2024-015',
        '「负责人」应只有一人,现为 2 人:*磊、芳',
        '恢复为「*磊」(守护值中记录的值)',
      ],
      [
        '部门任务总览表!E3',
        '日常协作2024-015',
        '「协作人」中的 路人甲 不在成员表中',
        '改为成员表中的姓名,或请主管把此人加入「成员」表',
      ],
      [
        '部门任务总览表!J3',
        '日常协作2024-015',
        '「当前状态」是「已完成」,但任务同步最后记录的是「待验收」(这次修改没有经过侧边栏或编辑检查)',
        '若这次修改未经许可,恢复为「待验收」;若确需修改,请在侧边栏中办理',
      ],
      [
        '部门任务总览表!A4',
        '紧急任务2024-003',
        '任务「紧急任务2024-003」在「任务执行进度跟踪表」中没有子任务',
        '在「任务执行进度跟踪表」中为它添加一行子任务「紧急任务2024-003-01」',
      ],
      ['部门任务总览表!C4', '紧急任务2024-003', '「发起人」为空', '恢复为「*伟」(守护值中记录的值)'],
      [
        '部门任务总览表!A5',
        '产品迭代24-9',
        '「任务ID」的「产品迭代24-9」不是有效的 ID 格式',
        '格式应为 项目简称+年份-序号,如 产品迭代2024-001(子任务再加 -01)',
      ],
      ['部门任务总览表!B5', '产品迭代24-9', '「任务名称」为空', '填写「任务名称」'],
      [
        '部门任务总览表!J5',
        '产品迭代24-9',
        '「当前状态」为空',
        '从下拉列表中选择:未开始 / 进行中 / 待验收 / 已完成 / 已取消',
      ],
      [
        '部门任务总览表!A6',
        '产品迭代2024-001',
        '「任务ID」的「产品迭代2024-001」与第 2 行重复',
        '删除重复复制的那一行;若两行都是有效任务,请把被改动的 ID 按守护值恢复',
      ],
      [
        '任务执行进度跟踪表!D2',
        '产品迭代2024-001-01',
        '「负责人」是「*华」,但任务同步最后记录的是「*明」(这次修改没有经过侧边栏或编辑检查)',
        '若这次修改未经许可,恢复为「*明」;若确需修改,请在侧边栏中办理',
      ],
      [
        '任务执行进度跟踪表!E2',
        '产品迭代2024-001-01',
        '「今日进度(%)」的「120」不是 0 到 100 之间的整数',
        '输入 0 到 100 之间的整数',
      ],
      [
        '任务执行进度跟踪表!I2',
        '产品迭代2024-001-01',
        '「更新日期」的「昨天」不是日期',
        '重新输入为日期,如 2024-10-30',
      ],
      [
        '任务执行进度跟踪表!B3',
        '日常协作2024-015-01',
        '「所属主任务ID」的「日常协作2024-099」在「部门任务总览表」中不存在',
        '填入「日常协作2024-015」',
      ],
      [
        '任务执行进度跟踪表!B4',
        '紧急任务2024-003-01',
        '子任务「紧急任务2024-003-01」不属于「所属主任务ID」中的任务「日常协作2024-015」',
        '填入「紧急任务2024-003」',
      ],
      ['信息同步共享记录表!B2', '产品迭代2024-001', '「同步主题」为空', '填写「同步主题」'],
      [
        '信息同步共享记录表!D2',
        '产品迭代2024-001',
        '「同步发起人」中的 王五 不在成员表中',
        '改为成员表中的姓名,或请主管把此人加入「成员」表',
      ],
      [
        '信息同步共享记录表!H3',
        '紧急任务2024-999',
        '「关联任务ID」的「紧急任务2024-999」在「部门任务总览表」中不存在',
        '改为已有的任务ID或清空(已归档任务的记录应在归档表中)',
      ],
      [
        '信息同步共享记录表!I3',
        '紧急任务2024-999',
        '「记录类型」的「通知」不在下拉列表中',
        '从下拉列表中选择:进展 / 问题 / 决议 / 交付',
      ],
    ]);
  });

  it('opens with a summary line and a bold header, and returns the count', () => {
    const sheet = sheetState(world, '数据检查');
    expect(sheet.rows[0]![0]).toBe(
      '检查时间 2024-10-24 10:00:发现 20 个问题(结构 0,部门任务总览表 11,任务执行进度跟踪表 5,信息同步共享记录表 4),已自动修复 0 项',
    );
    expect(sheet.rows[1]).toEqual(['单元格', 'ID', '问题', '建议处理']);
    expect(ruleAt(sheet.styles, 2, 1)?.fontWeight).toBe('bold');
    expect(ruleAt(sheet.formats, 3, 3)).toBe('@');
    expect(result).toEqual({ problems: 20, repaired: [], sheet: '数据检查' });
  });

  it('changes no user data', () => {
    expect(snapshot(world)).toEqual(before);
  });

  it('tells the person who ran it from the menu', () => {
    expect(world.ui.alerts.at(-1)).toMatchObject({
      title: '数据检查',
      prompt: '数据检查完成:发现 20 个问题,已自动修复 0 项。详见工作表「数据检查」。',
    });
  });
});

describe('runHealthCheck on a healthy workbook', () => {
  it("reports only the seed's task without a subtask, and writes its report again in place", () => {
    const world = sampleWorld();
    expect(check(world).problems).toBe(1);
    expect(check(world).problems).toBe(1);
    expect(reported(world)).toEqual([
      [
        '部门任务总览表!A4',
        '紧急任务2024-003',
        '任务「紧急任务2024-003」在「任务执行进度跟踪表」中没有子任务',
        '在「任务执行进度跟踪表」中为它添加一行子任务「紧急任务2024-003-01」',
      ],
    ]);
    expect(world.spreadsheet.sheets.filter((s) => s.name === '数据检查')).toHaveLength(1);
  });

  it('keeps formula-looking user text as text in its report', () => {
    const world = sampleWorld();
    rowsOf(world, '部门任务总览表')[4] = ['=HYPERLINK("http://x")', '坏行', '*强', '*明'];
    check(world);
    const row = reported(world).find((r) => r[0] === '部门任务总览表!A5')!;
    expect(row[1]).toBe('=HYPERLINK("http://x")');
    expect(row[2]).toBe('「任务ID」的「=HYPERLINK("http://x")」不是有效的 ID 格式');
  });
});

describe('structure', () => {
  /** A paste over 优先级 H2:H4 took the dropdown with it. */
  function lostDropdown(): World {
    const world = sampleWorld();
    sheetState(world, '部门任务总览表').validations.push({ r1: 2, c1: 8, r2: 4, c2: 8, v: null });
    return world;
  }

  it('repairs a dropdown lost to a paste when the admin runs it, changing no data', () => {
    const world = lostDropdown();
    const before = snapshot(world);
    const result = check(world);
    expect(result.repaired).toEqual(['「部门任务总览表」「优先级」列:已恢复数据验证']);
    expect(reported(world)[0]).toEqual([
      '部门任务总览表!H2:H4',
      '',
      '「优先级」列有 3 个单元格的数据验证丢失或被替换(例如被粘贴覆盖)',
      '已恢复该列的数据验证(单元格中的值未改动)',
    ]);
    const rule = ruleAt(sheetState(world, '部门任务总览表').validations, 3, 8);
    expect(rule?.criteria).toBe('VALUE_IN_LIST');
    expect(rule?.allowInvalid).toBe(false);
    expect(snapshot(world)).toEqual(before);
    const rows = sheetState(world, '数据检查').rows;
    expect(rows.flat()).toContain('已自动修复(仅结构,未改动任何数据)');
    expect(rows.flat()).toContain('「部门任务总览表」「优先级」列:已恢复数据验证');
    expect(check(world)).toMatchObject({ problems: 1, repaired: [] });
  });

  it('only reports it when a member runs it, pointing to the admin', () => {
    const world = lostDropdown();
    const result = check(world, MING);
    expect(result.repaired).toEqual([]);
    expect(reported(world)[0]![3]).toBe('请管理员运行「任务同步 → 初始化/修复模板」');
    expect(ruleAt(sheetState(world, '部门任务总览表').validations, 3, 8)).toBeNull();
  });

  it('reports a renamed column and the admin repair puts the header back where it was overwritten', () => {
    const world = sampleWorld();
    rowsOf(world, '任务执行进度跟踪表')[0]![3] = '负责';
    const before = snapshot(world).map((rows) => rows.slice(1));
    const result = check(world);
    expect(reported(world)[0]).toEqual([
      '任务执行进度跟踪表!1:1',
      '',
      '表头中找不到列「负责人」(被删除或改名),无法检查该表的各行',
      '把该列的表头改回「负责人」(表头只是被改写时,「初始化/修复模板」会自动恢复),然后再次运行数据检查',
    ]);
    expect(result.repaired).toContain('「任务执行进度跟踪表」第 D 列:已写入表头「负责人」');
    expect(rowsOf(world, '任务执行进度跟踪表')[0]![3]).toBe('负责人');
    expect(snapshot(world).map((rows) => rows.slice(1))).toEqual(before);
  });
  it('reports a deleted header row, and the admin repair puts it back above the data', () => {
    const world = sampleWorld();
    deleteRow(world, '信息同步共享记录表', 1);
    const data = cells(world, '信息同步共享记录表');
    const result = check(world);
    expect(reported(world)[0]).toEqual([
      '信息同步共享记录表!1:1',
      '',
      '第 1 行不是表头(表头行被删除或被数据覆盖),无法检查该表的各行',
      '运行「初始化/修复模板」在数据上方插回表头行,然后再次运行数据检查',
    ]);
    expect(result.repaired).toContain('「信息同步共享记录表」:表头行缺失,已在第 1 行插入表头');
    expect(cells(world, '信息同步共享记录表')[0]).toEqual([
      '同步日期',
      '同步主题',
      '同步内容(进展/问题/决议)',
      '同步发起人',
      '同步对象',
      '附件/参考(占位符)',
      '备注',
      '关联任务ID',
      '记录类型',
    ]);
    expect(cells(world, '信息同步共享记录表').slice(1)).toEqual(data);
  });
});

describe('Sheets calls', () => {
  it('are the same at 10 and 1,000 tasks (≤ 15), with no read-after-write flush', () => {
    const metrics = [10, 1000].map((n) => {
      const emu = emulatorFor(benchWorld(n));
      const first = emu.call('runHealthCheck', [], ADMIN).metrics;
      const again = emu.call('runHealthCheck', [], ADMIN).metrics;
      return { first: first.sheetCalls, again: again.sheetCalls, flushes: first.flushes + again.flushes };
    });
    expect(metrics[0]).toEqual(metrics[1]);
    expect(metrics[0]!.first).toBeLessThanOrEqual(15);
    expect(metrics[0]!.again).toBeLessThanOrEqual(15);
    expect(metrics[0]!.flushes).toBe(0);
  });
});

describe('the nightly job', () => {
  it('runs silently at the archive hour on a working day, once', () => {
    const world = sampleWorld({ now: '2024-10-25T00:30:00+08:00' });
    const emu = emulatorFor(world);
    emu.callOk('installDailyJobs', [], ADMIN);
    const alerts = world.ui.alerts.length;
    const firings = runDueTriggers(emu, at('2024-10-25 01:59'), 'Asia/Shanghai');
    expect(firings.map((f) => f.result.ok)).toEqual(firings.map(() => true));
    expect(firings.flatMap((f) => (f.result.result as { ran: string[] }).ran)).toEqual(['archive', 'health']);
    // The archive ran first: the seed's task without a subtask has left the live sheets.
    expect(reported(world)).toEqual([['未发现问题。', '', '', '']]);
    expect(world.ui.alerts).toHaveLength(alerts);
    const later = runDueTriggers(emu, at('2024-10-25 04:59'), 'Asia/Shanghai');
    expect(later.flatMap((f) => (f.result.result as { ran: string[] }).ran)).toEqual([]);
  });

  it('checks the rows the archive leaves, reading each sheet once and waiting for no flush', () => {
    const world = sampleWorld({ now: '2024-10-25T01:30:00+08:00' });
    const r = emulatorFor(world).call<{ ran: string[] }>('runScheduledJobs', [], ADMIN);
    expect(r.result).toEqual({ ran: ['archive', 'health'] });
    expect(reported(world)).toEqual([['未发现问题。', '', '', '']]);
    expect(r.metrics.flushes).toBe(0);
    // The Team, the three live and the three archive sheets, one read each; the properties and the time zone once.
    expect(r.metrics.byApi['Sheet.getSheetValues']).toBe(7);
    expect(r.metrics.byApi['Spreadsheet.getSheets']).toBe(1);
    expect(r.metrics.byApi['Properties.getProperties']).toBe(1);
    expect(r.metrics.byApi['Spreadsheet.getSpreadsheetTimeZone']).toBe(1);
  });

  it('leaves a check that fails for the next hourly run, keeping the archive it ran before', () => {
    const world = sampleWorld({ now: '2024-10-25T01:30:00+08:00' });
    const emu = emulatorFor(world);
    emu.faults = [{ api: 'Range.getDataValidations', error: 'Service Spreadsheets failed', times: 1 }];
    expect(emu.callOk('runScheduledJobs', [], ADMIN)).toEqual({ ran: ['archive'], deferred: ['health'] });
    const logged = world.logs.filter((l) => l.level === 'error').map((l) => l.message);
    expect(logged).toContainEqual(expect.stringContaining('health did not run'));
    world.clock.now += 3_600_000;
    expect(emu.callOk('runScheduledJobs', [], ADMIN)).toEqual({ ran: ['health'] });
    expect(reported(world)).toEqual([['未发现问题。', '', '', '']]);
  });
});

describe('an English workbook', () => {
  it('reports in English with quoted sheet names', () => {
    const world = sampleWorld({ locale: 'en' });
    rowsOf(world, 'Task Overview')[2]![7] = 'Urgent';
    expect(check(world).problems).toBe(2);
    const sheet = sheetState(world, 'Data Health');
    expect(sheet.rows[0]![0]).toBe(
      'Checked 2024-10-24 10:00: 2 problems (structure 0, Task Overview 2, Progress Tracker 0, Sync Log 0); 0 repairs made',
    );
    expect(sheet.rows[1]).toEqual(['Cell', 'ID', 'Problem', 'Suggested fix']);
    expect(reported(world, 'Data Health')).toEqual([
      [
        "'Task Overview'!H3",
        '日常协作2024-015',
        '"Priority": "Urgent" is not one of the list\'s values',
        'Choose one of: High / Medium / Low',
      ],
      [
        "'Task Overview'!A4",
        '紧急任务2024-003',
        'The task "紧急任务2024-003" has no subtask in "Progress Tracker"',
        'Add a subtask row "紧急任务2024-003-01" for it in "Progress Tracker"',
      ],
    ]);
    expect(world.ui.alerts.at(-1)?.prompt).toBe(
      'Data check finished: 2 problems found, 0 repairs made. See the sheet "Data Health".',
    );
  });
});
