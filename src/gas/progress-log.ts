// The hidden Progress Log (SPEC §2.2): every progress update appended, from the sidebar and from hand edits alike.
import { escapeFormulaText, toRow } from '../core/records';
import { sheetDef } from '../core/templates';
import { appendRows, type Table } from './tables';

export interface ProgressEntry {
  at: Date;
  subtaskId: string;
  taskId: unknown;
  progress: unknown;
  blockers: unknown;
  author: string;
}

/** The log's columns in template order, the order appendRow writes in. */
const TEMPLATE_COLUMNS = sheetDef('progressLog').columns;
const TEMPLATE = Object.fromEntries(TEMPLATE_COLUMNS.map((c, i) => [c.key, i]));

/** Text escaped: the row may land without the plain-text format, and a leading `'` keeps `=…` text from running. */
const logRow = (cols: Record<string, number>, width: number, entry: ProgressEntry) =>
  toRow(cols, width, { ...entry }).map(escapeFormulaText);

/** One entry, with appendRow: atomic, in template order, and no read needed. */
export function appendProgressEntry(log: GoogleAppsScript.Spreadsheet.Sheet, entry: ProgressEntry): void {
  log.appendRow(logRow(TEMPLATE, TEMPLATE_COLUMNS.length, entry));
}

/** Several entries in one block below the last row of the log, opened for appending before the caller's first write. */
export function appendProgressEntries(log: Table, entries: ProgressEntry[]): void {
  appendRows(
    log,
    entries.map((entry) => logRow(log.cols, log.width, entry)),
  );
}
