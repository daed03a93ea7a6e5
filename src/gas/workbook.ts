// The active spreadsheet seen through the templates: its sheets by key, locale and time zone, with few service calls.
import type { Locale } from '../core/locale';
import { t } from '../core/strings';
import { type SheetKey, sheetName } from '../core/templates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Workbook {
  ss: Spreadsheet;
  locale: Locale;
  /** Every sheet by name, from one getSheets() call. */
  byName: Map<string, Sheet>;
}

export function openWorkbook(locale: Locale): Workbook {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const byName = new Map<string, Sheet>();
  for (const sheet of ss.getSheets()) byName.set(sheet.getName(), sheet);
  return { ss, locale, byName };
}

export function findSheet(wb: Workbook, key: SheetKey): Sheet | null {
  return wb.byName.get(sheetName(key, wb.locale)) ?? null;
}

/** The sheet, or an error in the user's language naming it and pointing to 初始化/修复模板. */
export function requireSheet(wb: Workbook, key: SheetKey): Sheet {
  const sheet = findSheet(wb, key);
  if (!sheet) throw new Error(t('error.sheetMissing', wb.locale, { sheet: sheetName(key, wb.locale) }));
  return sheet;
}
