// What every sidebar action starts from: settings, time zone, today, the sheets, the Team and who is acting.
import { type OffsetFn, ymdOf } from '../core/dates';
import type { Locale } from '../core/locale';
import { type Member, readMembers } from '../core/records';
import type { Settings } from '../core/settings';
import { t } from '../core/strings';
import type { Actor } from '../core/workflow';
import { readDocProps } from './settings';
import { readTable, sheetsByName } from './tables';
import { offsetsFor } from './zone';

export interface ActionSession {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  locale: Locale;
  settings: Settings;
  archivedSeq: Record<string, number>;
  timeZone: string;
  offset: OffsetFn;
  now: number;
  today: string;
  byName: Map<string, GoogleAppsScript.Spreadsheet.Sheet>;
  members: Member[];
  actor: Actor;
}

/** The email Apps Script reveals for the person at the keyboard ('' when it cannot tell; SPEC §4). */
export function activeEmail(): string {
  return String(Session.getActiveUser().getEmail() ?? '')
    .trim()
    .toLowerCase();
}

/** Four reads: document properties, the time zone, the sheet list and the Team. */
export function openSession(): ActionSession {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { settings, archivedSeq } = readDocProps();
  if (!settings.locale) throw new Error(t('error.notSetUp', 'zh-CN'));
  const locale = settings.locale;
  const timeZone = ss.getSpreadsheetTimeZone();
  const now = Date.now();
  const offset = offsetsFor(timeZone, now);
  const byName = sheetsByName(ss);
  const team = readTable(byName, 'team', locale);
  const members = readMembers(team.values, team.cols, locale);
  const email = activeEmail();
  const actor: Actor = { email, member: members.find((m) => m.email === email) ?? null };
  return {
    ss,
    locale,
    settings,
    archivedSeq,
    timeZone,
    offset,
    now,
    today: ymdOf(now, offset),
    byName,
    members,
    actor,
  };
}
