// Menu items that report to the person who clicked them: set up or repair the sheets, and About.
import type { Locale } from '../core/locale';
import { t } from '../core/strings';
import { SHEETS, sheetName } from '../core/templates';
import { type SetupReport, setupWorkbook } from './setup';
import { currentLocale, tellUser } from './ui';

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
