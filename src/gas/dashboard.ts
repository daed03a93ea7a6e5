// The 看板 / Dashboard sheet: refreshed in one block from one computation, with its charts kept over the ranges it writes.

import { type ChartSpec, computeDashboard, layoutDashboard } from '../core/dashboard';
import { stampOf } from '../core/dates';
import type { DigestInput } from '../core/digest';
import { type Locale, pick } from '../core/locale';
import { t } from '../core/strings';
import { DASHBOARD_NAME } from '../core/templates';
import { writeGrid } from './report-sheet';
import { openClock, openSession } from './session';
import { writeDashboardCharts } from './settings';
import { readSnapshot } from './snapshot';
import { tellUser } from './ui';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface DashboardContext {
  byName: Map<string, Sheet>;
  locale: Locale;
  timeZone: string;
  stamp: string;
  /** The charts' signature saved when they were last inserted (document property). */
  charts: string;
}

/** What identifies the charts a layout asks for: their types, titles, ranges and places. */
function signatureOf(charts: ChartSpec[]): string {
  return JSON.stringify(charts.map((c) => [c.type, c.title, c.range, c.anchor.row, c.anchor.col]));
}

/**
 * Writes the dashboard from already-read data: formats, values and bold rows in one call each. The charts' ranges are fixed by
 * the layout, so they are rebuilt only when one is missing or the layout changed (another locale, a new version):
 * otherwise the refresh makes a single chart call, the count, before writing (with the sheet's size, three reads).
 */
export function refreshDashboardWith(input: DigestInput, ctx: DashboardContext): void {
  const name = pick(DASHBOARD_NAME, ctx.locale);
  const sheet = ctx.byName.get(name);
  if (!sheet) throw new Error(t('error.sheetMissing', ctx.locale, { sheet: name }));
  const existing = sheet.getCharts();
  const size = { rows: sheet.getMaxRows(), cols: sheet.getMaxColumns() };
  const layout = layoutDashboard(computeDashboard(input), ctx.locale, ctx.stamp, ctx.timeZone);
  sheet.clearContents();
  writeGrid(sheet, layout, size);
  const signature = signatureOf(layout.charts);
  if (existing.length === layout.charts.length && ctx.charts === signature) return;
  for (const chart of existing) sheet.removeChart(chart);
  for (const spec of layout.charts) {
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType[spec.type])
        .addRange(sheet.getRange(spec.range))
        .setPosition(spec.anchor.row, spec.anchor.col, 0, 0)
        .setOption('title', spec.title)
        .setOption('isStacked', spec.stacked)
        .setOption('legend', { position: 'bottom' })
        .build(),
    );
  }
  writeDashboardCharts(signature);
}

/** Menu 刷新看板 (and the daily job): reads the sheets once and rewrites the dashboard. */
export function refreshDashboard(): { updatedAt: string } {
  const clock = openClock();
  const s = openSession(clock);
  const { input } = readSnapshot(s);
  const stamp = stampOf(s, s.now);
  refreshDashboardWith(input, {
    byName: s.byName,
    locale: s.locale,
    timeZone: s.timeZone,
    stamp,
    charts: clock.props.dashboardCharts,
  });
  tellUser(t('menu.dashboard', s.locale), t('dashboard.done', s.locale, { at: stamp }));
  return { updatedAt: stamp };
}
