// Reads a sheet's header row against its template: columns found (moves tolerated), safe repairs, or problems to report.
import { cellText, isBlankRow, isDate } from './dates';
import { ENUMS } from './enums';
import { parseSubtaskId, parseTaskId } from './ids';
import { columnLetter } from './letters';
import type { Locale } from './locale';
import { t } from './strings';
import { type ColumnDef, headersOf, type SheetDef } from './templates';

export interface HeaderProblem {
  column: string;
  message: string;
}

export type HeaderPlan =
  /** positions[i] is the 1-based column of template column i. */
  | { action: 'ok'; positions: number[] }
  /** Write header texts into these cells of row 1 (empty sheet, overwritten header cells, appended columns). */
  | { action: 'write'; positions: number[]; cells: { col: number; text: string }[] }
  /** The header row was deleted (row 1 holds data): insert a row above it with the headers. */
  | { action: 'insertRow'; positions: number[] }
  | { action: 'report'; problems: HeaderProblem[] };

/** Whether a stored value could belong to the column (empty always fits). */
function valueFits(column: ColumnDef, v: unknown, locale: Locale): boolean {
  if (v === '' || v === null || v === undefined) return true;
  switch (column.type) {
    case 'taskId':
    case 'taskRef':
      return parseTaskId(v) !== null;
    case 'subtaskId':
      return parseSubtaskId(v) !== null;
    case 'date':
    case 'datetime':
      return isDate(v);
    case 'percent':
      return typeof v === 'number' && v >= 0 && v <= 100;
    case 'enum':
      return ENUMS[column.enumKey!].parse(v, locale) !== null;
    case 'email':
      return typeof v === 'string' && v.includes('@');
    case 'member':
      return typeof v === 'string';
    default:
      return true;
  }
}

function columnFits(column: ColumnDef, rows: unknown[][], col: number, locale: Locale): boolean {
  return rows.every((row) => valueFits(column, row[col - 1], locale));
}

/**
 * Plans the header of one sheet from its current values (row 1 first). It never guesses: a cell is rewritten only
 * where every recognised header already sits at its template position and the column's data fits the template.
 */
export function planHeader(
  def: SheetDef,
  locale: Locale,
  values: unknown[][],
  sheetName: string,
): HeaderPlan {
  const expected = headersOf(def, locale);
  const header = (values[0] ?? []).map(cellText);
  const data = values.slice(1).filter((row) => !isBlankRow(row));
  const templatePositions = expected.map((_, i) => i + 1);
  const problem = (
    key: Parameters<typeof t>[0],
    col: number,
    params: Record<string, string>,
  ): HeaderProblem => ({
    column: columnLetter(col),
    message: t(key, locale, { sheet: sheetName, column: columnLetter(col), ...params }),
  });

  const found = new Map<number, number[]>();
  const unknown: { col: number; text: string }[] = [];
  header.forEach((h, i) => {
    if (h === '') return;
    const idx = expected.indexOf(h);
    if (idx < 0) unknown.push({ col: i + 1, text: h });
    else found.set(idx, [...(found.get(idx) ?? []), i + 1]);
  });

  if (found.size === 0) {
    const allFit = def.columns.every((c, i) => columnFits(c, data, i + 1, locale));
    if (unknown.length === 0) {
      if (data.length === 0 || allFit) {
        return {
          action: 'write',
          positions: templatePositions,
          cells: expected.map((h, i) => ({ col: i + 1, text: h })),
        };
      }
    } else if (
      rowLooksLikeData(def, values[0] ?? [], locale) &&
      def.columns.every((c, i) => columnFits(c, values, i + 1, locale))
    ) {
      return { action: 'insertRow', positions: templatePositions };
    } else {
      // Row 1 holds something, but not one header: it may be data, so nothing is written over it.
      return {
        action: 'report',
        problems: [
          ...expected.map((h, i) => problem('problem.missingHeader', i + 1, { expected: h })),
          ...unknown.map((u) => problem('problem.unknownHeader', u.col, { found: u.text })),
        ],
      };
    }
  }

  const problems: HeaderProblem[] = [];
  for (const [idx, cols] of found) {
    for (const c of cols.slice(1))
      problems.push(problem('problem.duplicateHeader', c, { found: expected[idx]! }));
  }
  if (problems.length) return { action: 'report', problems };

  const missing = expected.map((_, i) => i).filter((i) => !found.has(i));
  const positions = expected.map((_, i) => found.get(i)?.[0] ?? i + 1);
  if (missing.length === 0) return { action: 'ok', positions };

  const inPlace = [...found].every(([idx, cols]) => cols[0] === idx + 1);
  const repairable =
    inPlace &&
    missing.every((i) => {
      const cell = header[i] ?? '';
      return (cell === '' || expected.indexOf(cell) < 0) && columnFits(def.columns[i]!, data, i + 1, locale);
    });
  if (repairable) {
    return { action: 'write', positions, cells: missing.map((i) => ({ col: i + 1, text: expected[i]! })) };
  }
  for (const i of missing) problems.push(problem('problem.missingHeader', i + 1, { expected: expected[i]! }));
  for (const u of unknown) problems.push(problem('problem.unknownHeader', u.col, { found: u.text }));
  if (inPlace) {
    for (const i of missing) {
      if (!columnFits(def.columns[i]!, data, i + 1, locale)) {
        problems.push(problem('problem.dataDoesNotFit', i + 1, { expected: expected[i]! }));
      }
    }
  }
  return { action: 'report', problems };
}

/** Typed columns whose values a header text can never pass for (a header is words, not a date or a list value). */
const TELLING_TYPES = new Set(['taskId', 'subtaskId', 'taskRef', 'date', 'datetime', 'enum', 'percent']);

/**
 * Row 1 holds a data row, as after someone deleted the header row: its ID column carries an ID, or (on a sheet
 * without IDs, like the Sync Log) some typed column holds a value of its type.
 */
function rowLooksLikeData(def: SheetDef, row: unknown[], locale: Locale): boolean {
  const telling = def.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => (def.idColumn ? c.key === def.idColumn : TELLING_TYPES.has(c.type)));
  return telling.some(({ c, i }) => row[i] !== '' && row[i] !== undefined && valueFits(c, row[i], locale));
}
