// The 看板 / Dashboard through dist/Code.js: built by setup, refreshed by the menu and the 09:00 job, charts kept.
import { describe, expect, it } from 'vitest';
import { runDueTriggers } from '../../emulator/clock';
import { at } from '../../emulator/seed';
import type { World } from '../../emulator/world';
import { ADMIN, emulatorFor, sampleWorld, sheetState } from '../helpers/project';

const TZ = 'Asia/Shanghai';

const dashboard = (world: World, name = '看板') => sheetState(world, name);
const texts = (world: World, name = '看板') => dashboard(world, name).rows.map((r) => r.map(String));
/** The number beside a label in the first column. */
const figure = (world: World, label: string) => texts(world).find((r) => r[0] === label)?.[1];

describe('the dashboard sheet', () => {
  it('is created by setup right after the Team, waiting for its first refresh', () => {
    const world = sampleWorld();
    const names = world.spreadsheet.sheets.map((s) => s.name);
    expect(names.indexOf('看板')).toBe(names.indexOf('成员') + 1);
    expect(dashboard(world).charts).toHaveLength(0);
  });

  it('is refreshed from the menu: headline figures, tables and three charts over the ranges it wrote', () => {
    const world = sampleWorld();
    const emu = emulatorFor(world);
    const r = emu.callOk<{ updatedAt: string }>('refreshDashboard', [], ADMIN);
    expect(r.updatedAt).toBe('2024-10-24 10:00');
    expect(texts(world)[0]![0]).toBe('任务看板');
    expect(texts(world)[1]![0]).toContain('2024-10-24 10:00');
    expect(figure(world, '待验收')).toBe('1');
    expect(world.ui.alerts.at(-1)?.prompt).toContain('2024-10-24 10:00');
    const charts = dashboard(world).charts;
    expect(charts.map((c) => [c.type, c.title])).toEqual([
      ['BAR', '负责人工作量'],
      ['COLUMN', '按任务类型统计状态'],
      ['LINE', '近 14 天进度更新'],
    ]);
    for (const c of charts) {
      const header = texts(world)[c.ranges[0]!.r1 - 1]!;
      expect(header[c.ranges[0]!.c1 - 1], c.title).not.toBe('');
    }
  });

  it('charts status by type over exactly the type table: its header and one row per task type', () => {
    const world = sampleWorld();
    emulatorFor(world).callOk('refreshDashboard', [], ADMIN);
    const [range] = dashboard(world).charts.find((c) => c.type === 'COLUMN')!.ranges;
    const rows = texts(world).slice(range!.r1 - 1, range!.r2);
    expect(rows.map((r) => r[0])).toEqual(['任务类型', '专项任务', '常规任务', '紧急任务']);
    expect(rows[0]!.slice(range!.c1 - 1, range!.c2)).toEqual([
      '任务类型',
      '未开始',
      '进行中',
      '待验收',
      '已完成',
      '已取消',
    ]);
  });

  it('refreshes again in ≤ 15 Sheets calls with one chart call, and puts back a chart someone deleted', () => {
    const world = sampleWorld();
    const emu = emulatorFor(world);
    emu.callOk('refreshDashboard', [], ADMIN);
    const ids = dashboard(world).charts.map((c) => c.id);
    emu.callOk('refreshDashboard', [], ADMIN);
    const again = world.executions.at(-1)!;
    expect(again.sheetCalls).toBeLessThanOrEqual(15);
    expect(again.flushes).toBe(0);
    expect(Object.keys(again.byApi).filter((k) => /Chart/.test(k))).toEqual(['Sheet.getCharts']);
    expect(dashboard(world).charts.map((c) => c.id)).toEqual(ids);
    dashboard(world).charts.splice(1, 1);
    emu.callOk('refreshDashboard', [], ADMIN);
    expect(dashboard(world).charts.map((c) => c.type)).toEqual(['BAR', 'COLUMN', 'LINE']);
  });

  it('speaks English in an English workbook', () => {
    const world = sampleWorld({ locale: 'en' });
    emulatorFor(world).callOk('refreshDashboard', [], ADMIN);
    expect(texts(world, 'Dashboard')[0]![0]).toBe('Task dashboard');
    expect(dashboard(world, 'Dashboard').charts.map((c) => c.title)).toEqual([
      'Workload by owner',
      'Status by task type',
      'Progress updates, last 14 days',
    ]);
  });

  it('shows an owner typed like a formula as text', () => {
    const world = sampleWorld();
    const progress = sheetState(world, '任务执行进度跟踪表');
    const col = progress.rows[0]!.indexOf('负责人');
    const row = progress.rows.findIndex((r) => r[col] === '*磊');
    progress.rows[row]![col] = '=SUM(1)';
    const overview = sheetState(world, '部门任务总览表');
    const task = overview.rows.find((r) => r[0] === progress.rows[row]![1])!;
    task[overview.rows[0]!.indexOf('当前状态')] = '进行中';
    emulatorFor(world).callOk('refreshDashboard', [], ADMIN);
    expect(texts(world).some((r) => r[0] === '=SUM(1)')).toBe(true);
    expect(JSON.stringify(dashboard(world).rows)).not.toContain('"f"');
  });

  it('is refreshed by the hourly job at the digest hour on working days, once a day', () => {
    const world = sampleWorld({ now: new Date(at('2024-10-21 08:00', TZ)).toISOString() });
    const emu = emulatorFor(world);
    emu.callOk('installDailyJobs', [], ADMIN);
    const refreshed = () => texts(world)[1]?.[0] ?? '';
    /** Runs the firings due up to a Shanghai wall time; each must succeed. Returns how many ran. */
    const fire = (wall: string) => {
      const firings = runDueTriggers(emu, at(wall, TZ), TZ);
      for (const f of firings)
        expect(f.result.ok, `${f.handler} at ${f.at}: ${f.result.error?.message}`).toBe(true);
      return firings.length;
    };
    fire('2024-10-21 08:59');
    expect(refreshed()).not.toContain('2024-10-21');
    expect(fire('2024-10-21 10:30')).toBeGreaterThan(0);
    expect(refreshed()).toMatch(/2024-10-21 09:\d\d/);
    const first = refreshed();
    expect(world.outbox.length).toBeGreaterThan(0);
    expect(fire('2024-10-21 16:00')).toBeGreaterThan(0);
    expect(refreshed()).toBe(first);
    expect(fire('2024-10-22 10:00')).toBeGreaterThan(0);
    expect(refreshed()).toMatch(/2024-10-22 09:\d\d/);
  });

  it('never keeps the digest from going out: with the sheet deleted the job logs the error and mails', () => {
    const world = sampleWorld({ now: new Date(at('2024-10-21 08:00', TZ)).toISOString() });
    const emu = emulatorFor(world);
    emu.callOk('installDailyJobs', [], ADMIN);
    world.spreadsheet.sheets = world.spreadsheet.sheets.filter((s) => s.name !== '看板');
    runDueTriggers(emu, at('2024-10-21 10:30', TZ), TZ);
    expect(world.outbox.length).toBeGreaterThan(0);
    const log = sheetState(world, '通知日志').rows.map((r) => r.map(String));
    const error = log.find((r) => r.includes('dashboard') && r.includes('error'));
    expect(error?.join(' ')).toContain('看板');
  });
});
