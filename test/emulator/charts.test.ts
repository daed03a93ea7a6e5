// Contract tests for embedded charts: building, inserting, removing, range shifts, protection, enums and call kinds.
import { describe, expect, it } from 'vitest';
import { PROTECTED_MESSAGE } from '../../emulator/model/sheet-ops';
import { classify } from '../../emulator/runtime/cost';
import { EDITOR, OWNER, scriptEmulator } from '../helpers/script';

const CODE = `
function sheet_() { return SpreadsheetApp.getActiveSheet(); }
function table() {
  sheet_().getRange('A1:C4').setValues([['月份', '完成', '新增'], ['1月', 3, 5], ['2月', 4, 2], ['3月', 6, 1]]);
}
function insertColumn() {
  table();
  var chart = sheet_().newChart()
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(sheet_().getRange('A1:C4'))
    .setOption('title', '每月任务')
    .setOption('hAxis', { title: '月份' })
    .setOption('colors', ['#1a73e8', '#e8710a'])
    .setPosition(2, 5, 10, 20)
    .build();
  sheet_().insertChart(chart);
}
function chartCount() { return sheet_().getCharts().length; }
function removeFirst() { sheet_().removeChart(sheet_().getCharts()[0]); }
`;

type Emu = ReturnType<typeof scriptEmulator>;
const run = <T>(emu: Emu, fn: string, ...args: unknown[]) => emu.callOk<T>(fn, args, OWNER);
const fail = (emu: Emu, fn: string, user = OWNER) => {
  const r = emu.call(fn, [], user);
  expect(r.ok).toBe(false);
  return r.error!.message;
};
const stored = (emu: Emu) => emu.world.spreadsheet.sheets[0]!.charts;

describe('Sheet.newChart and insertChart', () => {
  it('inserts a column chart with its type, title, ranges and position; getCharts counts it', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'insertColumn');
    expect(run(emu, 'chartCount')).toBe(1);
    expect(stored(emu)).toEqual([
      {
        id: expect.any(Number),
        type: 'COLUMN',
        title: '每月任务',
        ranges: [{ r1: 1, c1: 1, r2: 4, c2: 3 }],
        position: { row: 2, col: 5, offsetX: 10, offsetY: 20 },
        options: { hAxis: { title: '月份' }, colors: ['#1a73e8', '#e8710a'] },
      },
    ]);
  });

  it('asColumnChart() sets the type on the same builder; a chart without a title has an empty one', () => {
    const emu = scriptEmulator(`${CODE}
      function typed() {
        table();
        var builder = sheet_().newChart().setChartType(Charts.ChartType.LINE).addRange(sheet_().getRange('A1:B4'));
        sheet_().insertChart(builder.asColumnChart().setOption('isStacked', true).build());
      }`);
    run(emu, 'typed');
    expect(stored(emu)[0]).toMatchObject({ type: 'COLUMN', options: { isStacked: true }, title: '' });
  });

  it('build() without a range throws', () => {
    const emu = scriptEmulator(`${CODE}
      function empty() { sheet_().newChart().setChartType(Charts.ChartType.BAR).build(); }`);
    expect(fail(emu, 'empty')).toMatch(/range/);
  });

  it('insertChart refuses something that is not an EmbeddedChart', () => {
    const emu = scriptEmulator(`${CODE}
      function bogus() { sheet_().insertChart({ title: 'x' }); }`);
    expect(fail(emu, 'bogus')).toContain(
      "don't match the method signature for SpreadsheetApp.Sheet.insertChart",
    );
  });

  it('chart methods Task Sync does not use fail loudly, naming them', () => {
    const emu = scriptEmulator(`${CODE}
      function readBack() { return sheet_().getCharts()[0].getRanges(); }
      function modify() { sheet_().updateChart(sheet_().getCharts()[0]); }`);
    run(emu, 'insertColumn');
    expect(fail(emu, 'readBack')).toContain('EmbeddedChart.getRanges is not implemented');
    expect(fail(emu, 'modify')).toContain('Sheet.updateChart is not implemented');
  });
});

describe('Sheet.removeChart', () => {
  it('removes the chart getCharts returned', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'insertColumn');
    run(emu, 'insertColumn');
    const [first, second] = stored(emu).map((c) => c.id);
    expect(first).not.toBe(second);
    run(emu, 'removeFirst');
    expect(stored(emu).map((c) => c.id)).toEqual([second]);
    run(emu, 'removeFirst');
    expect(run(emu, 'chartCount')).toBe(0);
  });

  it('removing a chart that was never inserted throws', () => {
    const emu = scriptEmulator(`${CODE}
      function removeNew() {
        table();
        sheet_().removeChart(sheet_().newChart().asColumnChart().addRange(sheet_().getRange('A1:B4')).build());
      }`);
    expect(fail(emu, 'removeNew')).toMatch(/not on this sheet/);
  });
});

describe('charts and the sheet around them', () => {
  it("shifts the chart's ranges when rows are inserted above", () => {
    const emu = scriptEmulator(`${CODE}
      function insertAbove() { sheet_().insertRowsBefore(1, 2); }`);
    run(emu, 'insertColumn');
    run(emu, 'insertAbove');
    expect(stored(emu)[0]!.ranges).toEqual([{ r1: 3, c1: 1, r2: 6, c2: 3 }]);
  });

  it('a sheet protection the user may not edit refuses chart changes; a range protection does not', () => {
    const emu = scriptEmulator(`${CODE}
      function chart() {
        sheet_().insertChart(sheet_().newChart().asColumnChart().addRange(sheet_().getRange('A1:C4')).build());
      }
      function protect(a1) {
        var p = a1 ? sheet_().getRange(a1).protect() : sheet_().protect();
        p.removeEditors(['${EDITOR}']);
      }`);
    run(emu, 'table');
    run(emu, 'protect', 'A1:C4');
    expect(emu.call('chart', [], EDITOR).ok).toBe(true);
    run(emu, 'protect', '');
    expect(fail(emu, 'chart', EDITOR)).toBe(PROTECTED_MESSAGE);
    expect(fail(emu, 'removeFirst', EDITOR)).toBe(PROTECTED_MESSAGE);
    expect(emu.call('chart', [], OWNER).ok).toBe(true);
    expect(stored(emu)).toHaveLength(2);
  });

  it('classifies getCharts as a read, chart changes as writes and the builder as local calls', () => {
    expect(classify('Sheet', 'getCharts')).toBe('read');
    for (const m of ['insertChart', 'removeChart']) expect(classify('Sheet', m)).toBe('write');
    for (const m of ['setChartType', 'addRange', 'setOption', 'build'])
      expect(classify('EmbeddedChartBuilder', m)).toBe('local');
    const r = scriptEmulator(CODE).call('insertColumn', [], OWNER);
    expect(r.metrics.byApi).toMatchObject({
      'Sheet.newChart': 1,
      'EmbeddedChartBuilder.build': 1,
      'Sheet.insertChart': 1,
    });
  });
});

describe('Charts enums', () => {
  it('Charts.ChartType has AREA, BAR, COLUMN, LINE, PIE, SCATTER and TABLE as strings', () => {
    const emu = scriptEmulator(`
      function types() {
        var t = Charts.ChartType;
        return [t.AREA, t.BAR, t.COLUMN, t.LINE, t.PIE, t.SCATTER, t.TABLE];
      }`);
    expect(run(emu, 'types')).toEqual(['AREA', 'BAR', 'COLUMN', 'LINE', 'PIE', 'SCATTER', 'TABLE']);
  });

  it('an enum the emulator lacks fails loudly, naming it', () => {
    const emu = scriptEmulator('function curve() { return String(Charts.CurveStyle.SMOOTH); }');
    const r = emu.call('curve', [], OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toContain('Charts.CurveStyle');
  });

  it('a chart type the emulator does not draw fails loudly, naming it', () => {
    const emu = scriptEmulator(`
      function gauge() { SpreadsheetApp.getActiveSheet().newChart().setChartType('GAUGE'); }`);
    expect(fail(emu, 'gauge')).toContain('Charts.ChartType.GAUGE');
  });
});
