// Who made a hand edit: the Team as the edited sheet's locale names it, the editor's email, and the Sync Log record of
// changes by an unknown identity.
import { SyncKind } from '../core/enums';
import type { Locale } from '../core/locale';
import { findColumns, type Member, readMembers } from '../core/records';
import { t } from '../core/strings';
import { sheetName } from '../core/templates';
import { allValues, appendRows, openForAppend } from './tables';

type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

/** The Team sheet's members, or none when it is missing or its header is damaged. */
export function teamOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, locale: Locale): Member[] {
  const sheet = ss.getSheetByName(sheetName('team', locale));
  if (!sheet) return [];
  const values = allValues(sheet);
  try {
    return readMembers(values, findColumns('team', locale, values[0] ?? []), locale);
  } catch {
    return [];
  }
}

/** The editor's email when Apps Script tells it ('' when it cannot, SPEC §4). */
export function editorEmail(e: EditEvent): string {
  try {
    return String(e.user?.getEmail() ?? '')
      .trim()
      .toLowerCase();
  } catch {
    return '';
  }
}

/** A Sync Log record of what an unknown identity changed (SPEC §4: allowed, and recorded). */
export function recordUnknown(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  locale: Locale,
  now: number,
  changes: string[],
): void {
  const sheet = ss.getSheetByName(sheetName('sync', locale));
  if (!sheet) return;
  // Into the Sync Log's plain-text rows, as the sidebar writes: a change naming `=…` or `+1` stays that text exactly.
  const table = openForAppend(sheet, 'sync', locale);
  const { cols } = table;
  const row: unknown[] = Array.from({ length: table.width }, () => '');
  row[cols.date!] = new Date(now);
  row[cols.topic!] = t('edit.unknownTopic', locale);
  row[cols.content!] = changes.join('; ');
  row[cols.notes!] = t('sync.unknownUser', locale);
  row[cols.kind!] = SyncKind.label('progress', locale);
  appendRows(table, [row]);
}
