// Who made a hand edit: the Team as the edited sheet's locale names it, the editor's email, and the Sync Log record of
// changes by an unknown identity.
import { SyncKind } from '../core/enums';
import type { Locale } from '../core/locale';
import { type Member, readMembers, toRow } from '../core/records';
import { t } from '../core/strings';
import { sheetName } from '../core/templates';
import { appendRows, openForAppend, type Table, tryReadTable } from './tables';

type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;
type Sheets = Map<string, GoogleAppsScript.Spreadsheet.Sheet>;

/** The Team sheet's members, or none when it is missing or its header is damaged. */
export function teamOf(byName: Sheets, locale: Locale): Member[] {
  const team = tryReadTable(byName, 'team', locale);
  return 'damage' in team ? [] : readMembers(team.values, team.cols, locale);
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

/**
 * The Sync Log opened for appending (two reads, taken before the edit's first write), or null when it is missing or
 * its header is damaged: the edit is still checked, only not recorded.
 */
export function openSyncLog(byName: Sheets, locale: Locale): Table | null {
  const sheet = byName.get(sheetName('sync', locale));
  if (!sheet) return null;
  try {
    return openForAppend(sheet, 'sync', locale);
  } catch {
    return null;
  }
}

/**
 * A Sync Log record of what an unknown identity changed (SPEC §4: allowed, and recorded), into its plain-text rows as
 * the sidebar writes: a change naming `=…` or `+1` stays that text exactly.
 */
export function recordUnknown(sync: Table, locale: Locale, now: number, changes: string[]): void {
  appendRows(sync, [
    toRow(sync.cols, sync.width, {
      date: new Date(now),
      topic: t('edit.unknownTopic', locale),
      content: changes.join('; '),
      notes: t('sync.unknownUser', locale),
      kind: SyncKind.label('progress', locale),
    }),
  ]);
}
