// The Apps Script surface: every export becomes a top-level function of dist/Code.js. Thin: no logic here.
import type { Locale } from '../core/locale';
import { t } from '../core/strings';
import { SHEETS, sheetName } from '../core/templates';
import { buildMenu } from '../gas/menu';
import { type SetupReport, setupWorkbook } from '../gas/setup';
import { currentLocale, showSidebar, tellUser } from '../gas/ui';

export function onOpen(e?: { authMode?: unknown }): void {
  buildMenu(e);
}

export function onInstall(e?: { authMode?: unknown }): void {
  onOpen(e);
}

export function openSidebar(): void {
  showSidebar();
}

/** Menu 初始化/修复模板. Tests and the playground may pass `{ locale }` for a first setup. */
export function setupSheets(options?: { locale?: Locale }): SetupReport {
  const report = setupWorkbook(options?.locale);
  const lines = report.changes.length
    ? [t('setup.done', report.locale), ...report.changes]
    : [t('setup.unchanged', report.locale)];
  if (report.problems.length) lines.push('', t('setup.needsHand', report.locale), ...report.problems);
  tellUser(t('menu.setup', report.locale), lines.join('\n'));
  return report;
}

export function showAbout(): void {
  const locale = currentLocale();
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const sheets = SHEETS.map((d) => sheetName(d.key, locale)).join('、');
  tellUser(t('menu.about', locale), t('about.body', locale, { sheets, timeZone }));
}
