// Fake SpreadsheetApp.Sheet: ranges, size, row insertion and deletion, freezing, widths, visibility, protections, rules, charts.
import { parseA1 } from '../model/a1';
import { ruleAt } from '../model/rects';
import {
  cellAt,
  checkProtection,
  lastColumn,
  lastRow,
  PROTECTED_MESSAGE,
  setCell,
  sheetById,
  shiftLines,
} from '../model/sheet-ops';
import { emptySheet, type Rect, type SheetState } from '../world';
import { SheetCharts } from './charts';
import { conditionalState } from './conditional';
import { gasError } from './context';
import { cellToScript, type Env, scriptToCell } from './env';
import type { ProtectionFactory } from './protection';

export interface SheetDeps {
  env: Env;
  protections: ProtectionFactory;
  range: (sheetId: number, rect: Rect) => unknown;
  spreadsheet: () => unknown;
  conditionalRule: (sheetId: number, state: import('../world').ConditionalRule) => unknown;
}

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

export class Sheet {
  constructor(
    private readonly deps: SheetDeps,
    readonly sheetId: number,
  ) {}

  private state(): SheetState {
    const s = sheetById(this.deps.env.world.spreadsheet, this.sheetId);
    if (!s) throw gasError('This sheet has been deleted.');
    return s;
  }
  private assertEditable(rect: Rect): SheetState {
    const sheet = this.state();
    const { world, exec } = this.deps.env;
    if (checkProtection(world.spreadsheet, sheet, rect, exec.effectiveUser).blockedBy)
      throw gasError(PROTECTED_MESSAGE);
    return sheet;
  }
  private wholeRows(first: number, count: number): Rect {
    return { r1: first, c1: 1, r2: first + count - 1, c2: this.state().maxCols };
  }

  getName(): string {
    return this.state().name;
  }
  setName(name: string): Sheet {
    const ss = this.deps.env.world.spreadsheet;
    const n = String(name);
    if (ss.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase() && s.id !== this.sheetId)) {
      throw gasError(`A sheet with the name "${n}" already exists. Please enter another name.`);
    }
    this.state().name = n;
    return this;
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getIndex(): number {
    return this.deps.env.world.spreadsheet.sheets.findIndex((s) => s.id === this.sheetId) + 1;
  }
  getParent(): unknown {
    return this.deps.spreadsheet();
  }
  activate(): Sheet {
    this.deps.env.world.spreadsheet.activeSheetId = this.sheetId;
    return this;
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): unknown {
    const sheet = this.state();
    let rect: Rect;
    if (typeof a === 'string') {
      const parsed = parseA1(a, sheet.maxRows, sheet.maxCols);
      if (!parsed) throw gasError('Range not found');
      rect = parsed.rect;
    } else {
      if (typeof a !== 'number' || typeof column !== 'number') {
        throw gasError(
          "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
        );
      }
      const nr = numRows ?? 1;
      const nc = numColumns ?? 1;
      if (nr < 1) throw gasError('The number of rows in the range must be at least 1.');
      if (nc < 1) throw gasError('The number of columns in the range must be at least 1.');
      rect = { r1: a, c1: column, r2: a + nr - 1, c2: column + nc - 1 };
    }
    if (rect.r1 < 1 || rect.c1 < 1 || rect.r2 > sheet.maxRows || rect.c2 > sheet.maxCols)
      throw gasError(OUTSIDE);
    return this.deps.range(this.sheetId, rect);
  }
  /** A1 to the last cell with content; on an empty sheet, A1. */
  getDataRange(): unknown {
    const sheet = this.state();
    return this.deps.range(this.sheetId, {
      r1: 1,
      c1: 1,
      r2: Math.max(1, lastRow(sheet)),
      c2: Math.max(1, lastColumn(sheet)),
    });
  }
  /**
   * The values of a block in one call, as Range.getValues gives them; -1 rows or columns reach the last row or column
   * with content. A block with no rows or columns throws, as getRange does.
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const sheet = this.state();
    const rows = numRows === -1 ? lastRow(sheet) - startRow + 1 : numRows;
    const cols = numColumns === -1 ? lastColumn(sheet) - startColumn + 1 : numColumns;
    if (rows < 1) throw gasError('The number of rows in the range must be at least 1.');
    if (cols < 1) throw gasError('The number of columns in the range must be at least 1.');
    if (
      startRow < 1 ||
      startColumn < 1 ||
      startRow + rows - 1 > sheet.maxRows ||
      startColumn + cols - 1 > sheet.maxCols
    )
      throw gasError(OUTSIDE);
    const env = this.deps.env;
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => cellToScript(env, cellAt(sheet, startRow + i, startColumn + j))),
    );
  }
  getLastRow(): number {
    return lastRow(this.state());
  }
  getLastColumn(): number {
    return lastColumn(this.state());
  }
  getMaxRows(): number {
    return this.state().maxRows;
  }
  getMaxColumns(): number {
    return this.state().maxCols;
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    const sheet = this.state();
    if (afterPosition < 1 || afterPosition > sheet.maxRows || howMany < 1)
      throw gasError('Those rows are out of bounds.');
    this.assertEditable(this.wholeRows(afterPosition, 1));
    shiftLines(this.deps.env.world.spreadsheet, sheet, 'row', afterPosition, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    const sheet = this.state();
    if (beforePosition < 1 || beforePosition > sheet.maxRows || howMany < 1)
      throw gasError('Those rows are out of bounds.');
    this.assertEditable(this.wholeRows(beforePosition, 1));
    shiftLines(this.deps.env.world.spreadsheet, sheet, 'row', beforePosition - 1, howMany);
    return this;
  }
  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    const sheet = this.state();
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > sheet.maxRows)
      throw gasError('Those rows are out of bounds.');
    const frozen = sheet.frozenRows;
    const firstUnfrozen = frozen + 1;
    if (
      rowPosition <= firstUnfrozen &&
      rowPosition + howMany - 1 >= sheet.maxRows &&
      sheet.maxRows - howMany < firstUnfrozen
    ) {
      throw gasError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.assertEditable(this.wholeRows(rowPosition, howMany));
    shiftLines(this.deps.env.world.spreadsheet, sheet, 'row', rowPosition - 1, -howMany);
  }
  deleteRow(rowPosition: number): void {
    this.deleteRows(rowPosition, 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    const sheet = this.state();
    if (afterPosition < 1 || afterPosition > sheet.maxCols || howMany < 1)
      throw gasError('Those columns are out of bounds.');
    shiftLines(this.deps.env.world.spreadsheet, sheet, 'col', afterPosition, howMany);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    const sheet = this.state();
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > sheet.maxCols)
      throw gasError('Those columns are out of bounds.');
    shiftLines(this.deps.env.world.spreadsheet, sheet, 'col', columnPosition - 1, -howMany);
  }
  /** Atomic append below the last row with content; grows the sheet when full. */
  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents)) {
      throw gasError(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    const sheet = this.state();
    const row = lastRow(sheet) + 1;
    this.assertEditable({ r1: row, c1: 1, r2: row, c2: Math.max(1, rowContents.length) });
    if (row > sheet.maxRows) sheet.maxRows = row;
    if (rowContents.length > sheet.maxCols) sheet.maxCols = rowContents.length;
    rowContents.forEach((v, i) => {
      const format = ruleAt(sheet.formats, row, i + 1) ?? '';
      setCell(sheet, row, i + 1, scriptToCell(this.deps.env, v, format, 'SpreadsheetApp.Sheet.appendRow'));
    });
    return this;
  }
  clear(): Sheet {
    const sheet = this.assertEditable({ r1: 1, c1: 1, r2: this.state().maxRows, c2: this.state().maxCols });
    sheet.rows = [];
    sheet.notes = {};
    sheet.formats = [];
    sheet.styles = [];
    return this;
  }
  clearContents(): Sheet {
    const sheet = this.assertEditable({ r1: 1, c1: 1, r2: this.state().maxRows, c2: this.state().maxCols });
    sheet.rows = [];
    return this;
  }

  getFrozenRows(): number {
    return this.state().frozenRows;
  }
  setFrozenRows(rows: number): void {
    const sheet = this.state();
    if (rows < 0 || rows >= sheet.maxRows) throw gasError('You can’t freeze all visible rows on the sheet.');
    sheet.frozenRows = rows;
  }
  getColumnWidth(columnPosition: number): number {
    return this.state().columnWidths[String(columnPosition)] ?? 100;
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.state().columnWidths[String(columnPosition)] = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.setColumnWidth(c, width);
    return this;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    const sheet = this.state();
    for (let c = columnIndex; c < columnIndex + numColumns; c++)
      if (!sheet.hiddenColumns.includes(c)) sheet.hiddenColumns.push(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    const sheet = this.state();
    sheet.hiddenColumns = sheet.hiddenColumns.filter((c) => c < columnIndex || c >= columnIndex + numColumns);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.state().hiddenColumns.includes(columnPosition);
  }
  setTabColor(_color: string | null): Sheet {
    return this;
  }
  hideSheet(): Sheet {
    const ss = this.deps.env.world.spreadsheet;
    if (ss.sheets.filter((s) => !s.hidden && s.id !== this.sheetId).length === 0) {
      throw gasError("You can't hide all the sheets in a document.");
    }
    this.state().hidden = true;
    return this;
  }
  showSheet(): Sheet {
    this.state().hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.state().hidden;
  }

  protect(): unknown {
    const sheet = this.state();
    return this.deps.protections.create(this.sheetId, 'SHEET', {
      r1: 1,
      c1: 1,
      r2: sheet.maxRows,
      c2: sheet.maxCols,
    });
  }
  getProtections(type: string): unknown[] {
    return this.state()
      .protections.filter((p) => p.type === String(type))
      .map((p) => this.deps.protections.wrap(this.sheetId, p));
  }

  getConditionalFormatRules(): unknown[] {
    return this.state().conditionalRules.map((r) => this.deps.conditionalRule(this.sheetId, r));
  }
  setConditionalFormatRules(rules: unknown[]): void {
    if (!Array.isArray(rules)) {
      throw gasError(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
      );
    }
    this.state().conditionalRules = rules.map((r) => conditionalState(r));
  }

  private charts(): SheetCharts {
    return new SheetCharts(this.deps.env, this.sheetId, () => this.state());
  }
  newChart(): unknown {
    return this.charts().newChart();
  }
  insertChart(chart: unknown): void {
    this.charts().insert(chart);
  }
  getCharts(): unknown[] {
    return this.charts().list();
  }
  removeChart(chart: unknown): void {
    this.charts().remove(chart);
  }
}

export function newSheetState(ss: { sheets: SheetState[] }, name: string): SheetState {
  return emptySheet(Math.max(-1, ...ss.sheets.map((s) => s.id)) + 1, name);
}
