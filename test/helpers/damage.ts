// Template damage done to a world as people do it in Sheets (delete, rename, drag, insert, sort); reads by header.
import { shiftLines } from '../../emulator/model/sheet-ops';
import type { CellValue, Rect, RectRule, SheetState, World } from '../../emulator/world';
import { sheetState } from './project';

export function deleteSheet(world: World, name: string): void {
  const ss = world.spreadsheet;
  sheetState(world, name);
  ss.sheets = ss.sheets.filter((s) => s.name !== name);
  if (!ss.sheets.some((s) => s.id === ss.activeSheetId)) ss.activeSheetId = ss.sheets[0]!.id;
}

export function renameHeader(world: World, name: string, from: string, to: string): void {
  const header = sheetState(world, name).rows[0]!;
  const at = header.indexOf(from);
  if (at < 0) throw new Error(`${name} has no header ${from}`);
  header[at] = to;
}

/** Deletes sheet rows (1-based) as Sheets does: everything below moves up, rules and notes with it. */
export function deleteRow(world: World, name: string, row: number): void {
  shiftLines(world.spreadsheet, sheetState(world, name), 'row', row - 1, -1);
}

/** Inserts a blank row after `row`, as Insert → Row below does (it takes on the row's formats and validation). */
export function insertBlankRow(world: World, name: string, after: number): void {
  shiftLines(world.spreadsheet, sheetState(world, name), 'row', after, 1);
}

/** Sorts the data rows (2 down, whole rows) by a header's column, as Data → Sort sheet does. */
export function sortRows(world: World, name: string, header: string, descending = false): void {
  const sheet = sheetState(world, name);
  const col = sheet.rows[0]!.indexOf(header);
  if (col < 0) throw new Error(`${name} has no header ${header}`);
  const key = (r: CellValue[]) => String(r[col] ?? '');
  const data = sheet.rows.slice(1).filter((r) => r.some((v) => v !== ''));
  data.sort((a, b) => (descending ? -1 : 1) * key(a).localeCompare(key(b)));
  sheet.rows = [sheet.rows[0]!, ...data];
}

/**
 * Drags column `from` to position `to` (1-based): its cells, notes, formats, validations, styles, width, hidden state
 * and single-column protections and conditional ranges go with it; the columns in between close up. (Formulas inside
 * rules are not rewritten, so move columns that no custom-formula rule refers to.)
 */
export function moveColumn(world: World, name: string, from: number, to: number): void {
  const sheet = sheetState(world, name);
  const order = Array.from({ length: Math.max(sheet.maxCols, from, to) }, (_, i) => i + 1);
  order.splice(to - 1, 0, order.splice(from - 1, 1)[0]!);
  const newOf = new Map(order.map((old, i) => [old, i + 1]));
  const map = (col: number) => newOf.get(col) ?? col;
  sheet.rows = sheet.rows.map((line) => order.map((old) => line[old - 1] ?? '')).map(trimRow);
  sheet.notes = Object.fromEntries(
    Object.entries(sheet.notes).map(([k, v]) => {
      const [r, c] = k.split(':').map(Number) as [number, number];
      return [`${r}:${map(c)}`, v];
    }),
  );
  sheet.formats = perColumn(sheet.formats, map);
  sheet.validations = perColumn(sheet.validations, map);
  sheet.styles = perColumn(sheet.styles, map);
  sheet.hiddenColumns = sheet.hiddenColumns.map(map);
  sheet.columnWidths = Object.fromEntries(
    Object.entries(sheet.columnWidths).map(([c, w]) => [String(map(Number(c))), w]),
  );
  const single = <T extends Rect>(r: T): T => (r.c1 === r.c2 ? { ...r, c1: map(r.c1), c2: map(r.c1) } : r);
  sheet.protections = sheet.protections.map((p) => (p.type === 'RANGE' ? { ...p, rect: single(p.rect) } : p));
  sheet.conditionalRules = sheet.conditionalRules.map((rule) => ({
    ...rule,
    ranges: rule.ranges.map(single),
  }));
}

function trimRow(line: CellValue[]): CellValue[] {
  let end = line.length;
  while (end > 0 && line[end - 1] === '') end--;
  return line.slice(0, end);
}

/** Splits rules into one per column and moves each, keeping their order (later rules still win). */
function perColumn<T>(rules: RectRule<T>[], map: (col: number) => number): RectRule<T>[] {
  return rules.flatMap((r) =>
    Array.from({ length: r.c2 - r.c1 + 1 }, (_, i) => ({ ...r, c1: map(r.c1 + i), c2: map(r.c1 + i) })),
  );
}

/** A sheet's data rows as records keyed by header text (blank rows left out). */
export function byHeader(world: World, name: string): Record<string, CellValue>[] {
  const sheet: SheetState = sheetState(world, name);
  const header = (sheet.rows[0] ?? []).map(String);
  return sheet.rows
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
