// What every sidebar action starts from: settings, time zone, today, the sheets, the Team and who is acting.
import { type OffsetFn, ymdOf } from '../core/dates';
import type { Locale } from '../core/locale';
import { type Member, readMembers } from '../core/records';
import type { Settings } from '../core/settings';
import { t } from '../core/strings';
import type { Actor } from '../core/workflow';
import { actorOf } from './actor';
import { type DocProps, readDocProps } from './settings';
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

/** Settings and the time in the spreadsheet's time zone: two reads (document properties and the time zone). */
export interface Clock {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  props: DocProps;
  locale: Locale;
  timeZone: string;
  offset: OffsetFn;
  now: number;
  today: string;
}

export function openClock(): Clock {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const props = readDocProps();
  if (!props.settings.locale) throw new Error(t('error.notSetUp', 'zh-CN'));
  const timeZone = ss.getSpreadsheetTimeZone();
  const now = Date.now();
  const offset = offsetsFor(timeZone, now);
  return { ss, props, locale: props.settings.locale, timeZone, offset, now, today: ymdOf(now, offset) };
}

/** Four reads: document properties, the time zone, the sheet list and the Team. */
export function openSession(clock: Clock = openClock()): ActionSession {
  const { ss, props, locale } = clock;
  const byName = sheetsByName(ss);
  const team = readTable(byName, 'team', locale);
  const members = readMembers(team.values, team.cols, locale);
  return {
    ss,
    locale,
    settings: props.settings,
    archivedSeq: props.archivedSeq,
    timeZone: clock.timeZone,
    offset: clock.offset,
    now: clock.now,
    today: clock.today,
    byName,
    members,
    actor: actorOf(activeEmail(), members),
  };
}
