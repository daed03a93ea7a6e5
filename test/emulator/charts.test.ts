// Contract tests for embedded charts: building, reading back, modifying, removing, range shifts, enums and call kinds.
import { describe, expect, it } from 'vitest';
import { PROTECTED_MESSAGE } from '../../emulator/model/sheet-ops';
import { classify } from '../../emulator/runtime/cost';
import { EDITOR, OWNER, scriptEmulator } from '../helpers/script';

const CODE = `
function sheet_() { return SpreadsheetApp.getActiveSheet(); }
function describe_(chart) {
  var info = chart.getContainerInfo();
  return {
    id: chart.getChartId(),
    title: chart.getOptions().get('title'),
    ranges: chart.getRanges().map(function (r) { return r.getA1Notation(); }),
    position: [info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()],
  };
}
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
function charts() { return sheet_().getCharts().map(describe_); }
function retitle(title) {
  var chart = sheet_().getCharts()[0];
  sheet_().updateChart(chart.modify().setOption('title', title).build());
}
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

interface Described {
  id: number;
  title: string;
  ranges: string[];
  position: number[];
}

describe('Sheet.newChart and insertChart', () => {
  it('inserts a column chart that getCharts reads back: title, ranges, position', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'insertColumn');
    const [chart] = run<Described[]>(emu, 'charts');
    expect(chart).toEqual({
      id: expect.any(Number),
      title: '每月任务',
      ranges: ['A1:C4'],
      position: [2, 5, 10, 20],
    });
    expect(stored(emu)).toMatchObject([
      { id: chart!.id, type: 'COLUMN', title: '每月任务', ranges: [{ r1: 1, c1: 1, r2: 4, c2: 3 }] },
    ]);
  });

  it('stores options as plain data and reads nested ones by dotted path; a missing option is null', () => {
    const emu = scriptEmulator(`${CODE}
      function options() {
        var o = sheet_().getCharts()[0].getOptions();
        return [o.get('hAxis'), o.get('hAxis.title'), o.get('colors'), o.get('legend'), o.get('toString')];
      }`);
    run(emu, 'insertColumn');
    expect(run(emu, 'options')).toEqual([{ title: '月份' }, '月份', ['#1a73e8', '#e8710a'], null, null]);
    expect(stored(emu)[0]!.options).toEqual({
      title: '每月任务',
      hAxis: { title: '月份' },
      colors: ['#1a73e8', '#e8710a'],
    });
  });

  it('as…Chart() sets the type on the same builder; getChartId is null until the chart is inserted', () => {
    const emu = scriptEmulator(`${CODE}
      function typed() {
        table();
        var builder = sheet_().newChart().addRange(sheet_().getRange('A1:B4'));
        var types = [builder.asBarChart().getChartType(), builder.asLineChart().getChartType(),
          builder.asPieChart().getChartType(), builder.asColumnChart().getChartType()];
        var chart = builder.asLineChart().setOption('isStacked', true).build();
        var before = chart.getChartId();
        sheet_().insertChart(chart);
        return { types: types, before: before, after: typeof sheet_().getCharts()[0].getChartId() };
      }`);
    expect(run(emu, 'typed')).toEqual({
      types: ['BAR', 'LINE', 'PIE', 'COLUMN'],
      before: null,
      after: 'number',
    });
    expect(stored(emu)[0]).toMatchObject({ type: 'LINE', options: { isStacked: true }, title: '' });
  });

  it('addRange, removeRange and clearRanges edit the builder ranges', () => {
    const emu = scriptEmulator(`${CODE}
      function ranges() {
        var s = sheet_();
        var b = s.newChart().addRange(s.getRange('A1:A4')).addRange(s.getRange('C1:C4')).addRange(s.getRange('D1:D4'));
        b.removeRange(s.getRange('C1:C4'));
        var kept = b.getRanges().map(function (r) { return r.getA1Notation(); });
        return [kept, b.clearRanges().getRanges().length];
      }`);
    expect(run(emu, 'ranges')).toEqual([['A1:A4', 'D1:D4'], 0]);
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
});

describe('Sheet.updateChart and removeChart', () => {
  it('modify() + updateChart keeps the chart id and changes the title', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'insertColumn');
    const [before] = run<Described[]>(emu, 'charts');
    run(emu, 'retitle', '每周任务');
    const after = run<Described[]>(emu, 'charts');
    expect(after).toEqual([{ ...before, title: '每周任务' }]);
    expect(stored(emu)[0]).toMatchObject({ id: before!.id, title: '每周任务', type: 'COLUMN' });
  });

  it('modify() starts from the chart: a new position and type replace the old ones', () => {
    const emu = scriptEmulator(`${CODE}
      function move() {
        var chart = sheet_().getCharts()[0];
        sheet_().updateChart(chart.modify().asBarChart().setPosition(8, 1, 0, 0).build());
      }`);
    run(emu, 'insertColumn');
    run(emu, 'move');
    expect(run<Described[]>(emu, 'charts')[0]).toMatchObject({ title: '每月任务', position: [8, 1, 0, 0] });
    expect(stored(emu)[0]!.type).toBe('BAR');
  });

  it('removeChart removes it', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'insertColumn');
    run(emu, 'insertColumn');
    const [first, second] = run<Described[]>(emu, 'charts');
    expect(first!.id).not.toBe(second!.id);
    run(emu, 'removeFirst');
    expect(run<Described[]>(emu, 'charts').map((c) => c.id)).toEqual([second!.id]);
    run(emu, 'removeFirst');
    expect(run(emu, 'charts')).toEqual([]);
  });

  it('updateChart with a chart that was never inserted throws', () => {
    const emu = scriptEmulator(`${CODE}
      function updateNew() {
        table();
        sheet_().updateChart(sheet_().newChart().asLineChart().addRange(sheet_().getRange('A1:B4')).build());
      }`);
    expect(fail(emu, 'updateNew')).toMatch(/not on this sheet/);
  });
});

describe('charts and the sheet around them', () => {
  it("shifts the chart's ranges when rows are inserted above", () => {
    const emu = scriptEmulator(`${CODE}
      function insertAbove() { sheet_().insertRowsBefore(1, 2); }`);
    run(emu, 'insertColumn');
    run(emu, 'insertAbove');
    expect(run<Described[]>(emu, 'charts')[0]!.ranges).toEqual(['A3:C6']);
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
    for (const m of ['insertChart', 'updateChart', 'removeChart']) expect(classify('Sheet', m)).toBe('write');
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
