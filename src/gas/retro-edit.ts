// Retrospective conclusions typed straight into a review report (复盘-…): handleEdit copies each into its task's 备注.
import { ymdOf } from '../core/dates';
import { LOCALES, type Locale, pick } from '../core/locale';
import { readTasks } from '../core/records';
import { notesWithRetro, retroRefusal } from '../core/retrospective';
import { REVIEW_SHEET_PREFIX, retroHeader } from '../core/review-layout';
import { t } from '../core/strings';
import { sheetName } from '../core/templates';
import { isUnknown } from '../core/workflow';
import { actorOf } from './actor';
import { type CellWrite, writeNotes, writeValues } from './cell-runs';
import { editorEmail, openSyncLog, recordUnknown, teamOf } from './edit-people';
import { allValues, readTable, sheetsByName } from './tables';
import { offsetsFor } from './zone';

type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

const PERIOD = /^\d{4}-\d{2}-\d{2}~\d{4}-\d{2}-\d{2}$/;

/** The locale a review report's name is in, or null for any other sheet. */
function reviewLocale(name: string): Locale | null {
  return (
    LOCALES.find((l) => {
      const prefix = pick(REVIEW_SHEET_PREFIX, l);
      return name.startsWith(prefix) && PERIOD.test(name.slice(prefix.length));
    }) ?? null
  );
}

interface Entry {
  row: number;
  col: number;
  id: string;
  text: string;
}

/** Non-empty conclusions in the edited cells of the completed-tasks table (ID in column A, rows up to a blank one). */
function entriesOf(values: unknown[][], header: string, range: GoogleAppsScript.Spreadsheet.Range): Entry[] {
  const top = values.findIndex((r) => r.includes(header));
  if (top < 0) return [];
  const col = values[top]!.indexOf(header) + 1;
  if (col < range.getColumn() || col > range.getLastColumn()) return [];
  const entries: Entry[] = [];
  for (let i = top + 1; i < values.length && String(values[i]![0] ?? '').trim() !== ''; i++) {
    const row = i + 1;
    const text = String(values[i]![col - 1] ?? '').trim();
    if (row >= range.getRow() && row <= range.getLastRow() && text)
      entries.push({ row, col, id: String(values[i]![0]).trim(), text });
  }
  return entries;
}

/**
 * Copies conclusions written into a review report's 复盘结论 column into each completed task's 备注, when the editor
 * is its initiator or a 主管; otherwise leaves the text where it is, with a note saying why. Everything is read before
 * the first write; notes and 备注 cells are written as runs of adjacent rows.
 */
export function recordRetroEdits(e: EditEvent): void {
  const sheet = e.range.getSheet();
  const locale = reviewLocale(sheet.getName());
  if (!locale) return;
  const entries = entriesOf(allValues(sheet), retroHeader(locale), e.range);
  if (entries.length === 0) return;
  const ss = e.source;
  const byName = sheetsByName(ss);
  if (!byName.has(sheetName('overview', locale))) return;
  const actor = actorOf(editorEmail(e), teamOf(byName, locale));
  const overview = readTable(byName, 'overview', locale);
  const sync = isUnknown(actor) ? openSyncLog(byName, locale) : null;
  const now = Date.now();
  const offset = offsetsFor(ss.getSpreadsheetTimeZone(), now);
  const tasks = new Map(readTasks(overview.values, overview.cols, { locale, offset }).map((x) => [x.id, x]));
  const notesCol = overview.cols.notes! + 1;
  const cells: CellWrite[] = [];
  const reportNotes: CellWrite[] = [];
  const recorded: string[] = [];
  for (const entry of entries) {
    const task = tasks.get(entry.id);
    const refusal = task ? retroRefusal(actor, task, locale) : t('error.noTask', locale, { id: entry.id });
    if (refusal || !task) {
      reportNotes.push({ row: entry.row, col: entry.col, value: refusal ?? '' });
      continue;
    }
    // 备注 is a plain-text column, as the sidebar writes it: the text goes in as it is.
    task.notes = notesWithRetro(task.notes, entry.text, ymdOf(now, offset), locale);
    cells.push({ row: task.row, col: notesCol, value: task.notes });
    reportNotes.push({ row: entry.row, col: entry.col, value: t('retro.recorded', locale, { id: task.id }) });
    recorded.push(`${task.id}: ${entry.text}`);
  }
  writeValues(overview.sheet, cells);
  writeNotes(sheet, reportNotes);
  if (sync && recorded.length) recordUnknown(sync, locale, now, recorded);
}
