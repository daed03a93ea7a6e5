// setupSheets through dist/Code.js: builds every sheet exactly, validates user entries, is idempotent, repairs damage.
import { describe, expect, it } from 'vitest';
import { applyUserEdit } from '../../emulator/edits';
import { ruleAt } from '../../emulator/model/rects';
import type { SheetState, World } from '../../emulator/world';
import { type Locale, pick } from '../../src/core/locale';
import { DASHBOARD_NAME, headersOf, SHEETS, sheetName } from '../../src/core/templates';
import { ADMIN, cells, emptyWorld, emulatorFor, sampleWorld, sheetState } from '../helpers/project';

interface Report {
  locale: string;
  changes: string[];
  problems: string[];
}

/** Script-side damage a careless editor or script could do (runs as the admin, in the project's global scope). */
const DAMAGE = `
function testDeleteSheet(name) { var ss = SpreadsheetApp.getActive(); ss.deleteSheet(ss.getSheetByName(name)); }
function testClearValidation(name, a1) { SpreadsheetApp.getActive().getSheetByName(name).getRange(a1).clearDataValidations(); }
function testRemoveProtections(name) {
  SpreadsheetApp.getActive().getSheetByName(name).getProtections(SpreadsheetApp.ProtectionType.RANGE).forEach(function (p) { p.remove(); });
}
function testSetValue(name, a1, v) { SpreadsheetApp.getActive().getSheetByName(name).getRange(a1).setValue(v); }
function testDeleteRow(name, row) { SpreadsheetApp.getActive().getSheetByName(name).deleteRow(row); }
function testInvalidScriptWrite(name) { SpreadsheetApp.getActive().getSheetByName(name).getRange('H2').setValue('紧急!'); }
`;

function setup(world: World, locale?: Locale, extra = DAMAGE) {
  const emu = emulatorFor(world, extra);
  const r = emu.call<Report>('setupSheets', locale ? [{ locale }] : [], ADMIN);
  if (!r.ok) throw new Error(r.error!.message);
  return { emu, report: r.result, metrics: r.metrics };
}

function validationCriteria(sheet: SheetState, row: number, col: number): string | null {
  return ruleAt(sheet.validations, row, col)?.criteria ?? null;
}

describe.each(['zh-CN', 'en'] as Locale[])('setupSheets on an empty workbook (%s)', (locale) => {
  const world = emptyWorld(locale);
  const { emu, report } = setup(world, locale);

  it('creates every sheet with the seed headers in order, tool columns appended, the default sheet removed', () => {
    expect(report.problems).toEqual([]);
    const names = SHEETS.map((d) => sheetName(d.key, locale));
    names.splice(names.indexOf(sheetName('team', locale)) + 1, 0, pick(DASHBOARD_NAME, locale));
    expect(world.spreadsheet.sheets.map((s) => s.name)).toEqual(names);
    for (const def of SHEETS) {
      const s = sheetState(world, sheetName(def.key, locale));
      expect(s.rows[0], def.key).toEqual(headersOf(def, locale));
      expect(s.frozenRows).toBe(1);
      expect(s.hidden).toBe(Boolean(def.hidden));
    }
    if (locale === 'zh-CN') {
      expect(sheetState(world, '部门任务总览表').rows[0]).toEqual([
        '任务ID',
        '任务名称',
        '发起人',
        '负责人',
        '协作人',
        '关联项目/目标',
        '任务类型',
        '优先级',
        '预期完成时间',
        '当前状态',
        '备注(验收标准/问题记录)',
        '完成日期',
        '守护值',
      ]);
      expect(sheetState(world, '部门任务总览表').hiddenColumns).toEqual([13]);
      expect(sheetState(world, '任务执行进度跟踪表').hiddenColumns).toEqual([11]);
      expect(sheetState(world, '归档-信息同步共享记录表').rows[0]!.slice(0, 3)).toEqual([
        '归档编号',
        '归档时间',
        '同步日期',
      ]);
    } else {
      expect(sheetState(world, 'Task Overview').rows[0]![11]).toBe('Completed On');
      expect(sheetState(world, 'Archive · Task Overview').rows[0]![0]).toBe('Archive Key');
    }
  });

  it('formats dates as yyyy-MM-dd, progress as a number and text columns as plain text', () => {
    const ov = sheetState(world, sheetName('overview', locale));
    expect(ruleAt(ov.formats, 2, 9)).toBe('yyyy-MM-dd');
    expect(ruleAt(ov.formats, 999, 12)).toBe('yyyy-MM-dd');
    expect(ruleAt(ov.formats, 5, 2)).toBe('@');
    const pr = sheetState(world, sheetName('progress', locale));
    expect(ruleAt(pr.formats, 2, 5)).toBe('0');
    expect(ov.styles.some((s) => s.r1 === 1 && s.v.fontWeight === 'bold')).toBe(true);
  });

  it('validates the live sheets but not the archive and log sheets', () => {
    const ov = sheetState(world, sheetName('overview', locale));
    expect(validationCriteria(ov, 2, 1)).toBe('CUSTOM_FORMULA');
    expect(validationCriteria(ov, 2, 3)).toBe('VALUE_IN_RANGE');
    expect(validationCriteria(ov, 2, 8)).toBe('VALUE_IN_LIST');
    expect(validationCriteria(ov, 2, 9)).toBe('DATE_IS_VALID_DATE');
    expect(validationCriteria(ov, 2, 2)).toBeNull();
    expect(validationCriteria(sheetState(world, sheetName('team', locale)), 2, 2)).toBe(
      'TEXT_IS_VALID_EMAIL',
    );
    expect(sheetState(world, sheetName('archiveOverview', locale)).validations).toEqual([]);
    expect(ruleAt(ov.validations, 2, 8)!.allowInvalid).toBe(false);
  });

  it('rejects a bad priority, a bad date, progress 120 and a malformed task ID typed by a user', () => {
    const ov = sheetName('overview', locale);
    const edit = (sheet: string, a1: string, value: string) =>
      applyUserEdit(emu, { sheet, a1, value, user: ADMIN });
    expect(edit(ov, 'H2', locale === 'en' ? 'Urgent' : '紧急').ok).toBe(false);
    expect(edit(ov, 'I2', '2024-02-30').ok).toBe(false);
    expect(edit(sheetName('progress', locale), 'E2', '120').ok).toBe(false);
    expect(edit(sheetName('progress', locale), 'E2', '50.5').ok).toBe(false);
    expect(edit(ov, 'A2', '产品迭代24-001').ok).toBe(false);
    expect(cells(world, ov)).toHaveLength(1);
    expect(edit(ov, 'H2', locale === 'en' ? 'Low' : '低').ok).toBe(true);
    expect(edit(ov, 'I2', '2024-02-29').ok).toBe(true);
    expect(edit(sheetName('progress', locale), 'E2', '100').ok).toBe(true);
    expect(edit(ov, 'A2', '产品迭代2024-001').ok).toBe(true);
  });

  it('lets a script write what a user may not type (validation applies to user edits only)', () => {
    const r = emu.call('testInvalidScriptWrite', [sheetName('overview', locale)], ADMIN);
    expect(r.ok).toBe(true);
    expect(sheetState(world, sheetName('overview', locale)).rows[1]![7]).toBe('紧急!');
  });

  it('protects header rows for the admin, tool columns with a warning, Team for admin and managers, archives for the admin', () => {
    const ov = sheetState(world, sheetName('overview', locale));
    const header = ov.protections.find((p) => p.type === 'RANGE' && p.rect.r1 === 1 && p.rect.r2 === 1)!;
    expect(header.warningOnly).toBe(false);
    expect(header.editors).toEqual([ADMIN]);
    const toolCols = ov.protections.filter((p) => p.warningOnly).map((p) => p.rect.c1);
    expect(toolCols.sort((a, b) => a - b)).toEqual([1, 12, 13]);
    expect(
      sheetState(world, sheetName('team', locale)).protections.find((p) => p.type === 'SHEET')!.editors,
    ).toEqual([ADMIN]);
    const archive = sheetState(world, sheetName('archiveOverview', locale)).protections;
    expect(archive).toHaveLength(1);
    expect(archive[0]).toMatchObject({ type: 'SHEET', warningOnly: false, editors: [ADMIN] });
    expect(
      sheetState(world, sheetName('progressLog', locale)).protections.find((p) => p.type === 'SHEET')!
        .warningOnly,
    ).toBe(true);
    const blocked = applyUserEdit(emu, {
      sheet: sheetName('archiveOverview', locale),
      a1: 'C2',
      value: 'x',
      user: 'ming@example.com',
    });
    expect(blocked.ok).toBe(false);
  });

  it('adds conditional formats for overdue, due soon and closed tasks', () => {
    const rules = sheetState(world, sheetName('overview', locale)).conditionalRules;
    expect(rules.map((r) => r.background)).toEqual(['#eeeeee', '#f4c7c3', '#fce8b2']);
    expect(String(rules[1]!.args[0])).toContain('TODAY()');
  });

  it('writes nothing at all when run again', () => {
    const again = setup(world);
    expect(again.report.changes).toEqual([]);
    expect(again.report.problems).toEqual([]);
    expect(again.metrics.writes).toBe(0);
    expect(again.metrics.flushes).toBe(0);
  });
});

describe('setupSheets repairs a damaged workbook without touching data rows', () => {
  const dataSheets = ['部门任务总览表', '任务执行进度跟踪表', '信息同步共享记录表', '成员'];
  const snapshot = (world: World) => Object.fromEntries(dataSheets.map((n) => [n, cells(world, n).slice(1)]));

  it('recreates a deleted sheet', () => {
    const world = sampleWorld();
    const emu = emulatorFor(world, DAMAGE);
    const overview = cells(world, '部门任务总览表');
    expect(emu.call('testDeleteSheet', ['信息同步共享记录表'], ADMIN).ok).toBe(true);
    const { report } = setup(world);
    expect(report.changes).toContain('已创建工作表「信息同步共享记录表」');
    expect(sheetState(world, '信息同步共享记录表').rows[0]![0]).toBe('同步日期');
    expect(world.spreadsheet.sheets.map((s) => s.name).indexOf('信息同步共享记录表')).toBe(2);
    expect(cells(world, '部门任务总览表')).toEqual(overview);
    expect(setup(world).metrics.writes).toBe(0);
  });

  it('restores a lost validation and a removed protection', () => {
    const world = sampleWorld();
    const emu = emulatorFor(world, DAMAGE);
    emu.callOk('testClearValidation', ['部门任务总览表', 'H2:H40'], ADMIN);
    emu.callOk('testRemoveProtections', ['任务执行进度跟踪表'], ADMIN);
    const before = snapshot(world);
    expect(applyUserEdit(emu, { sheet: '部门任务总览表', a1: 'H5', value: '紧急', user: ADMIN }).ok).toBe(
      true,
    );
    const { report } = setup(world);
    expect(report.changes).toEqual(
      expect.arrayContaining([
        '「部门任务总览表」「优先级」列:已恢复数据验证',
        '「任务执行进度跟踪表」:已恢复保护「任务同步:表头」',
      ]),
    );
    expect(applyUserEdit(emu, { sheet: '部门任务总览表', a1: 'H6', value: '紧急', user: ADMIN }).ok).toBe(
      false,
    );
    expect(sheetState(world, '任务执行进度跟踪表').protections.length).toBeGreaterThanOrEqual(4);
    const after = snapshot(world);
    after.部门任务总览表 = after.部门任务总览表!.filter((r) => (r as unknown[])[0] !== '');
    expect(after.部门任务总览表).toEqual(before.部门任务总览表);
    expect(after.任务执行进度跟踪表).toEqual(before.任务执行进度跟踪表);
    expect(setup(world).metrics.writes).toBe(0);
  });

  it('restores an overwritten header cell when every other header is in place', () => {
    const world = sampleWorld();
    const emu = emulatorFor(world, DAMAGE);
    emu.callOk('testSetValue', ['部门任务总览表', 'D1', 'owner?'], ADMIN);
    emu.callOk('testSetValue', ['任务执行进度跟踪表', 'E1', ''], ADMIN);
    const before = snapshot(world);
    const { report } = setup(world);
    expect(report.problems).toEqual([]);
    expect(sheetState(world, '部门任务总览表').rows[0]![3]).toBe('负责人');
    expect(sheetState(world, '任务执行进度跟踪表').rows[0]![4]).toBe('今日进度(%)');
    expect(report.changes).toContain('「部门任务总览表」第 D 列:已写入表头「负责人」');
    expect(snapshot(world)).toEqual(before);
  });

  it('puts back a deleted header row above the data', () => {
    const world = sampleWorld();
    const emu = emulatorFor(world, DAMAGE);
    emu.callOk('testDeleteRow', ['部门任务总览表', 1], ADMIN);
    const rowsBefore = cells(world, '部门任务总览表');
    expect(rowsBefore[0]![0]).toBe('产品迭代2024-001');
    const { report } = setup(world);
    expect(report.changes).toContain('「部门任务总览表」:表头行缺失,已在第 1 行插入表头');
    const after = cells(world, '部门任务总览表');
    expect(after[0]).toEqual(headersOf(SHEETS[0]!, 'zh-CN'));
    expect(after.slice(1)).toEqual(rowsBefore);
    expect(setup(world).metrics.writes).toBe(0);
  });

  it('tolerates a moved column and reports a renamed one among data, naming the sheet and column, changing nothing', () => {
    const world = sampleWorld();
    const ov = sheetState(world, '部门任务总览表');
    for (const row of ov.rows) row.splice(11, 0, row.splice(4, 1)[0] ?? '');
    const moved = setup(world);
    expect(moved.report.problems).toEqual([]);
    expect(setup(world).metrics.writes).toBe(0);

    const emu = emulatorFor(world, DAMAGE);
    emu.callOk('testSetValue', ['部门任务总览表', 'L1', '协作者'], ADMIN);
    const before = JSON.stringify(world.spreadsheet.sheets.find((s) => s.name === '部门任务总览表'));
    const { report, metrics } = setup(world);
    expect(report.problems).toEqual([
      '「部门任务总览表」缺少列「协作人」(应在第 E 列)',
      '「部门任务总览表」第 L 列的表头「协作者」不是模板中的列名',
    ]);
    expect(JSON.stringify(world.spreadsheet.sheets.find((s) => s.name === '部门任务总览表'))).toBe(before);
    expect(metrics.writes).toBe(0);
  });
});

describe('when the admin leaves the Team', () => {
  /** The sample with *丽 made a 主管 (and added to the protections by the admin's next repair). */
  function liPromoted() {
    const world = sampleWorld();
    const team = sheetState(world, '成员');
    team.rows.find((r) => r[0] === '*丽')![team.rows[0]!.indexOf('角色')] = '主管';
    const emu = emulatorFor(world);
    expect(emu.call('setupSheets', [], ADMIN).ok).toBe(true);
    return { world, emu, team };
  }

  /** Then the admin *强's row removed from the Team sheet. */
  function adminGone() {
    const x = liPromoted();
    x.team.rows = x.team.rows.filter((r) => r[0] !== '*强');
    return x;
  }

  it('a 主管 running 初始化/修复模板 takes over as admin: settings, the edit check and its protections', () => {
    const { world, emu } = adminGone();
    const r = emu.call<Report>('setupSheets', [], 'li@example.com');
    expect(r.ok, r.error?.message).toBe(true);
    expect(r.result.changes.join('\n')).toContain('由主管 li@example.com 接任管理员');
    expect(emu.call('getSettings', [], 'li@example.com').ok).toBe(true);
    expect(emu.call('getSettings', [], ADMIN).ok).toBe(false);
    expect(world.triggers.some((t) => t.handler === 'handleEdit' && t.owner === 'li@example.com')).toBe(true);
    // The admin-only protections stay the old admin's until the file's owner repairs them; setup says so.
    expect(r.result.problems.join('\n')).toContain('请表格所有者运行「初始化/修复模板」');
    expect(emu.call('setupSheets', [], ADMIN).ok).toBe(true);
    const again = emu.call<Report>('setupSheets', [], 'li@example.com');
    expect(again.result.problems).toEqual([]);
  });

  it('a member who is not a 主管 cannot take over, and nothing changes', () => {
    const { world, emu } = adminGone();
    const before = JSON.stringify(world.properties);
    const r = emu.call('setupSheets', [], 'ming@example.com');
    expect(r.ok).toBe(false);
    expect(r.error!.message).toContain(ADMIN);
    expect(JSON.stringify(world.properties)).toBe(before);
  });

  it('while the admin is still on the Team, another 主管 repairs without taking over', () => {
    const { emu } = liPromoted();
    expect(emu.call('setupSheets', [], 'li@example.com').ok).toBe(true);
    expect(emu.call('getSettings', [], ADMIN).ok).toBe(true);
  });
});

describe('saveSettings with a new due-soon window', () => {
  it('re-applies only the conditional formats that read it, within the sidebar budget and without a flush', () => {
    const world = sampleWorld();
    const emu = emulatorFor(world);
    const overview = sheetState(world, '部门任务总览表');
    const before = JSON.stringify(overview.conditionalRules.map((r) => r.args));
    const r = emu.call('saveSettings', [{ dueSoonDays: 5 }], ADMIN);
    expect(r.ok, r.error?.message).toBe(true);
    expect(r.metrics.calls).toBeLessThanOrEqual(10);
    expect(r.metrics.flushes).toBe(0);
    const after = JSON.stringify(overview.conditionalRules.map((r) => r.args));
    expect(after).toContain('WORKDAY(TODAY(),5)');
    expect(after.replace('WORKDAY(TODAY(),5)', '')).toBe(before.replace(/WORKDAY\(TODAY\(\),\d+\)/, ''));
    expect(emu.call('setupSheets', [], ADMIN).metrics.writes).toBe(0);
  });
});
