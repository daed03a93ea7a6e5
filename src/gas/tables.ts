// Sheets as tables found by header: one read per sheet, writes in contiguous blocks, appends that grow the sheet.

import type { Locale } from '../core/locale';
import { type Columns, findColumns, type HeaderDamage, locateColumns } from '../core/records';
import { t } from '../core/strings';
import { type SheetKey, sheetName } from '../core/templates';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Table {
  key: SheetKey;
  sheet: Sheet;
  /** Values read, header first: sheet row r is values[r - 1] (only the header when opened for appending). */
  values: unknown[][];
  cols: Columns;
  width: number;
  /** The last row with content: appends go below it. */
  lastRow: number;
}

/**
 * Every value of a sheet in one read, to its last row and column with content (getDataRange().getValues() costs two).
 * An empty sheet gives [['']], as getDataRange does: Apps Script refuses a block of no rows.
 */
export function allValues(sheet: Sheet): unknown[][] {
  try {
    return sheet.getSheetValues(1, 1, -1, -1);
  } catch {
    return [['']];
  }
}

/** The spreadsheet's sheets by name, from one getSheets() call. */
export function sheetsByName(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, Sheet> {
  const byName = new Map<string, Sheet>();
  for (const sheet of ss.getSheets()) byName.set(sheet.getName(), sheet);
  return byName;
}

export function sheetOf(byName: Map<string, Sheet>, key: SheetKey, locale: Locale): Sheet {
  const sheet = byName.get(sheetName(key, locale));
  if (!sheet) throw unreadable(key, locale, null);
  return sheet;
}

/** The error for a sheet that cannot be read as a table, naming the sheet (and the column) in the locale. */
function unreadable(key: SheetKey, locale: Locale, damage: HeaderDamage | null): Error {
  const sheet = sheetName(key, locale);
  if (!damage) return new Error(t('error.sheetMissing', locale, { sheet }));
  if (damage.kind === 'headerRow') return new Error(t('error.headerRowMissing', locale, { sheet }));
  return new Error(t('error.templateDamaged', locale, { sheet, column: damage.column }));
}

function tableOf(key: SheetKey, sheet: Sheet, values: unknown[][], cols: Columns, lastRow: number): Table {
  const header = values[0] ?? [];
  let width = header.length;
  while (width > 0 && String(header[width - 1] ?? '') === '') width--;
  width = Math.max(width, ...Object.values(cols).map((c) => c + 1));
  return { key, sheet, values, cols, width, lastRow };
}

/** What keeps a sheet from being read as a table: it is missing (null), or its header row is damaged. */
export interface Unreadable {
  damage: HeaderDamage | null;
}

/** Reads a whole sheet in one call (none when it is missing) and finds its columns by header, or says what is wrong. */
export function tryReadTable(byName: Map<string, Sheet>, key: SheetKey, locale: Locale): Table | Unreadable {
  const sheet = byName.get(sheetName(key, locale));
  if (!sheet) return { damage: null };
  const values = allValues(sheet);
  const found = locateColumns(key, locale, values[0] ?? []);
  return 'cols' in found ? tableOf(key, sheet, values, found.cols, values.length) : { damage: found.damage };
}

/** Reads a whole sheet in one call and finds its columns by header (a missing sheet or column is a clear error). */
export function readTable(byName: Map<string, Sheet>, key: SheetKey, locale: Locale): Table {
  const read = tryReadTable(byName, key, locale);
  if ('damage' in read) throw unreadable(key, locale, read.damage);
  return read;
}

/** Opens a sheet for appending only: its header and its last row with content, whatever its size. */
export function openForAppend(sheet: Sheet, key: SheetKey, locale: Locale): Table {
  const header = sheet.getRange('1:1').getValues();
  return tableOf(key, sheet, header, findColumns(key, locale, header[0] ?? []), sheet.getLastRow());
}

/**
 * Writes some cells of one row in a single call: the contiguous span from the first to the last changed column,
 * filled with the row as read where unchanged.
 */
export function writeCells(table: Table, row: number, changes: Record<string, unknown>): void {
  const current = table.values[row - 1] ?? [];
  table.values[row - 1] = current;
  const at = Object.keys(changes).map((k) => table.cols[k]!);
  const first = Math.min(...at);
  const last = Math.max(...at);
  const span: unknown[] = Array.from({ length: last - first + 1 }, (_, i) => current[first + i] ?? '');
  for (const [k, v] of Object.entries(changes)) span[table.cols[k]! - first] = v;
  table.sheet.getRange(row, first + 1, 1, span.length).setValues([span]);
  for (const [k, v] of Object.entries(changes)) current[table.cols[k]!] = v;
}

/** Spare rows added when a sheet fills up, so the next appends need no growth. */
const GROW_BY = 500;

/**
 * Writes rows below the last row with content. Rows are written into existing, formatted rows (plain-text columns
 * keep user text from becoming formulas); when the sheet is full, rows are inserted after its last row first, which
 * copies that row's formats and validations.
 */
export function appendRows(table: Table, rows: unknown[][]): number {
  const first = table.lastRow + 1;
  const width = table.width;
  const block = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = table.sheet.getRange(first, 1, block.length, width);
  } catch {
    const max = table.sheet.getMaxRows();
    table.sheet.insertRowsAfter(max, first + block.length - 1 - max + GROW_BY);
    range = table.sheet.getRange(first, 1, block.length, width);
  }
  range.setValues(block);
  table.lastRow += block.length;
  return first;
}
