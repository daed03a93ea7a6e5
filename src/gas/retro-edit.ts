// Retrospective conclusions typed straight into a review report (复盘-…): handleEdit copies each into its task's 备注.
import { ymdOf } from '../core/dates';
import { LOCALES, type Locale, pick } from '../core/locale';
import { escapeFormulaText, findColumns, readTasks } from '../core/records';
import { notesWithRetro, retroRefusal } from '../core/retrospective';
import { REVIEW_SHEET_PREFIX, retroHeader } from '../core/review-layout';
import { t } from '../core/strings';
import { sheetName } from '../core/templates';
import { type Actor, isUnknown } from '../core/workflow';
import { editorEmail, recordUnknown, teamOf } from './edit-people';
import { allValues } from './tables';
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
 * is its initiator or a 主管; otherwise leaves the text where it is, with a note saying why.
 */
export function recordRetroEdits(e: EditEvent): void {
  const sheet = e.range.getSheet();
  const locale = reviewLocale(sheet.getName());
  if (!locale) return;
  const entries = entriesOf(allValues(sheet), retroHeader(locale), e.range);
  if (entries.length === 0) return;
  const ss = e.source;
  const members = teamOf(ss, locale);
  const email = editorEmail(e);
  const actor: Actor = { email, member: members.find((m) => m.email === email) ?? null };
  const overview = ss.getSheetByName(sheetName('overview', locale));
  if (!overview) return;
  const values = allValues(overview);
  const now = Date.now();
  const offset = offsetsFor(ss.getSpreadsheetTimeZone(), now);
  const cols = findColumns('overview', locale, values[0] ?? []);
  const tasks = new Map(readTasks(values, cols, { locale, offset }).map((x) => [x.id, x]));
  const recorded: string[] = [];
  for (const entry of entries) {
    const task = tasks.get(entry.id);
    const refusal = task ? retroRefusal(actor, task, locale) : t('error.noTask', locale, { id: entry.id });
    if (refusal || !task) {
      sheet.getRange(entry.row, entry.col).setNote(refusal);
      continue;
    }
    task.notes = notesWithRetro(task.notes, entry.text, ymdOf(now, offset), locale);
    overview.getRange(task.row, cols.notes! + 1).setValue(escapeFormulaText(task.notes));
    sheet.getRange(entry.row, entry.col).setNote(t('retro.recorded', locale, { id: task.id }));
    recorded.push(`${task.id}: ${entry.text}`);
  }
  if (recorded.length && isUnknown(actor)) recordUnknown(ss, locale, now, recorded);
}
