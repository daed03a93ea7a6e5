// Writes a report sheet (看板, 复盘) from its grid in three calls — formats, values, bold rows — growing it first when
// the grid is larger than the sheet.
import type { GridLayout } from '../core/grid';

/** A sheet's size as last known (read before any write, or the default of a sheet just inserted). */
export interface SheetSize {
  rows: number;
  cols: number;
}

/** The size Sheets gives a new sheet. */
export const NEW_SHEET_SIZE: SheetSize = { rows: 1000, cols: 26 };

/** Formats go in before values, so text cells take what they are given literally. */
export function writeGrid(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: GridLayout,
  size: SheetSize,
): void {
  const height = layout.values.length;
  const width = layout.values[0]!.length;
  if (height > size.rows) sheet.insertRowsAfter(size.rows, height - size.rows);
  if (width > size.cols) sheet.insertColumnsAfter(size.cols, width - size.cols);
  const range = sheet.getRange(1, 1, height, width);
  range.setNumberFormats(layout.formats);
  range.setValues(layout.values);
  const bold = new Set(layout.boldRows);
  range.setFontWeights(
    layout.values.map((_, i) => Array.from({ length: width }, () => (bold.has(i + 1) ? 'bold' : 'normal'))),
  );
}
