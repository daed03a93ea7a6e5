// Browser test of embedded charts in the playground: a script inserts a column and a line chart; the page draws both.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSampleWorld } from '../../emulator/seed';
import { emulatorFor } from '../helpers/project';
import { ARTIFACTS, SKIP_BROWSER } from './chromium';
import { usePlayground } from './session';

const SHEET = '图表测试';

/** A test-only script file: a sheet with a small weekly table and two charts over it. */
const EXTRA = `
function makeChartTestSheet() {
  var sheet = SpreadsheetApp.getActive().insertSheet('${SHEET}');
  sheet.getRange('A1:C5').setValues([
    ['周', '完成', '新增'], ['第1周', 5, 8], ['第2周', 7, 6], ['第3周', 9, 4], ['第4周', 12, 3]]);
  var data = sheet.getRange('A1:C5');
  sheet.insertChart(sheet.newChart().asColumnChart().addRange(data)
    .setOption('title', '每周任务 Weekly tasks').setPosition(1, 5, 0, 0).build());
  sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.LINE).addRange(data)
    .setOption('title', '趋势 <Trend>').setPosition(20, 5, 0, 0).build());
}
`;

describe.skipIf(SKIP_BROWSER)('charts in the playground', () => {
  const session = usePlayground(() => {
    const world = createSampleWorld({ data: 'sample' });
    emulatorFor(world, EXTRA).callOk('makeChartTestSheet', [], world.spreadsheet.owner);
    return world;
  });
  let page: Page;

  beforeAll(async () => {
    page = await session.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(session.server.url);
    await page.waitForSelector('#app[data-ready="true"]');
    await page.getByTestId(`tab-${SHEET}`).click();
  });

  const charts = () => page.getByTestId('chart');

  it('serves each chart with its data as a table of series in /api/workbook', async () => {
    const workbook = await session.workbook();
    const sheet = workbook.sheets.find((s) => s.name === SHEET)!;
    expect(sheet.values[1]).toEqual(['第1周', '5', '8']);
    expect(sheet.charts.map((c) => [c.type, c.title, c.position])).toEqual([
      ['COLUMN', '每周任务 Weekly tasks', { row: 1, col: 5 }],
      ['LINE', '趋势 <Trend>', { row: 20, col: 5 }],
    ]);
    expect(sheet.charts[0]!.series).toEqual({
      labels: ['第1周', '第2周', '第3周', '第4周'],
      columns: [
        { name: '完成', values: [5, 7, 9, 12] },
        { name: '新增', values: [8, 6, 4, 3] },
      ],
    });
  });

  it('draws both charts with their titles as text', async () => {
    await charts().first().waitFor();
    expect(await charts().count()).toBe(2);
    expect(await page.getByTestId('chart-title').allTextContents()).toEqual([
      '每周任务 Weekly tasks',
      '趋势 <Trend>',
    ]);
  });

  it('draws a bar per week and series in the column chart, with axis labels and a legend', async () => {
    const column = charts().nth(0);
    expect(await column.getAttribute('data-type')).toBe('COLUMN');
    expect(await column.locator('rect.bar').count()).toBe(8);
    expect(await column.locator('.category-axis text').allTextContents()).toEqual([
      '第1周',
      '第2周',
      '第3周',
      '第4周',
    ]);
    expect(await column.locator('.chart-legend li').allTextContents()).toEqual(['完成', '新增']);
    const heights = await column
      .locator('rect.bar')
      .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('height'))));
    expect(heights[3]).toBeGreaterThan(heights[0]!);
  });

  it('draws a line with a point per week for each series in the line chart', async () => {
    const line = charts().nth(1);
    expect(await line.getAttribute('data-type')).toBe('LINE');
    expect(await line.locator('polyline.line').count()).toBe(2);
    expect(await line.locator('circle.point').count()).toBe(8);
  });

  it('hides the chart pane on a sheet without charts', async () => {
    await page.getByTestId('tab-成员').click();
    expect(await page.getByTestId('charts').isVisible()).toBe(false);
    await page.getByTestId(`tab-${SHEET}`).click();
    expect(await page.getByTestId('charts').isVisible()).toBe(true);
  });

  it('saves a screenshot', async () => {
    await page.screenshot({ path: path.join(ARTIFACTS, 'charts.png'), fullPage: true });
  });
});
