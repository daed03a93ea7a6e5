// 数据检查 / Check data: one read per sheet, findings written to the 数据检查 sheet, structure-only repairs via setup.

import { stampOf } from '../core/dates';
import { messageOf } from '../core/errors';
import { checkRows, type Finding, HEALTH_SHEET_NAME, type LiveKey } from '../core/health';
import { layoutHealth } from '../core/health-report';
import { headerFinding, missingSheetFinding, validationFindings } from '../core/health-structure';
import { type Locale, pick } from '../core/locale';
import { readMembers } from '../core/records';
import { mayRunSetup, teamNamesRange } from '../core/setup-plan';
import { t } from '../core/strings';
import { type SheetKey, sheetName } from '../core/templates';
import { withDocumentLock } from './lock';
import { NEW_SHEET_SIZE, writeGrid } from './report-sheet';
import { type Clock, openClock } from './session';
import { writeJobRuns } from './settings';
import { setupWorkbook, validationFingerprints } from './setup';
import { sheetsByName, type Table, tryReadTable, type Unreadable } from './tables';
import { tellUser } from './ui';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface HealthResult {
  /** How many findings the check listed (structure and rows). */
  problems: number;
  /** The structural repairs made, in the workbook's language. */
  repaired: string[];
  /** The report sheet's name. */
  sheet: string;
}

const LIVE: LiveKey[] = ['overview', 'progress', 'sync'];

/** Menu 数据检查: the check under the document lock, then a summary alert. */
export function runHealthCheck(): HealthResult {
  const { result, locale } = withDocumentLock(checkHealthHoldingLock);
  const params = { problems: result.problems, repaired: result.repaired.length, sheet: result.sheet };
  tellUser(t('menu.health', locale), t('health.done', locale, params));
  return result;
}

/**
 * The check on its own: reads the time zone, the sheet list, four sheets and three sheets' validations, and replaces
 * the report sheet in five calls (six past 1,000 findings).
 */
function checkHealthHoldingLock(): { result: HealthResult; locale: Locale } {
  const clock = openClock();
  const result = readHealth(clock, sheetsByName(clock.ss)).report();
  writeJobRuns({ ...clock.props.jobRuns, health: clock.today });
  return { result, locale: clock.locale };
}

/** A check whose reads are made: it reports on the live sheets as read, or as a later write left them. */
interface HealthCheck {
  report(after?: Record<LiveKey, Table>): HealthResult;
}

/**
 * The check's reads, for a caller that holds the document lock: the Team, the live sheets (unless given, as the
 * archive read them) and their validations — all before any write, so none waits for a flush. Structural findings
 * start 初始化/修复模板 (its own reads and writes) when the person running the check may run it.
 */
export function readHealth(
  clock: Clock,
  byName: Map<string, Sheet>,
  given?: Record<LiveKey, Table>,
): HealthCheck {
  const { locale } = clock;
  const team = tryReadTable(byName, 'team', locale);
  const live = LIVE.map((key) => ({ key, read: given?.[key] ?? tryReadTable(byName, key, locale) }));
  const members = 'damage' in team ? null : readMembers(team.values, team.cols, locale);
  const managers = (members ?? []).filter((m) => m.role === 'manager').map((m) => m.email);
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const canRepair = mayRunSetup(clock.props.settings.admin.toLowerCase(), me, managers);
  const structure = structuralFindings(team, live, locale, canRepair);
  const asRead = Object.fromEntries(
    live.map(({ key, read }) => [key, 'damage' in read ? null : read]),
  ) as Record<LiveKey, Table | null>;
  const names = members ? new Set(members.map((m) => m.name)) : null;
  return {
    report: (after) => {
      const sheets = after ?? asRead;
      const findings = [...structure, ...checkRows({ locale, offset: clock.offset, members: names, sheets })];
      const repairs = canRepair && structure.length ? repairStructure(locale) : NO_REPAIR;
      return writeReport(clock, byName, findings, repairs);
    },
  };
}

/** Missing sheets, damaged header rows, and the validations the live sheets lost (one read each). */
function structuralFindings(
  team: Table | Unreadable,
  live: { key: LiveKey; read: Table | Unreadable }[],
  locale: Locale,
  canRepair: boolean,
): Finding[] {
  const unreadable = [{ key: 'team' as SheetKey, read: team }, ...live].flatMap(({ key, read }) => {
    if (!('damage' in read)) return [];
    const name = sheetName(key, locale);
    return [
      read.damage ? headerFinding(name, read.damage, locale) : missingSheetFinding(name, locale, canRepair),
    ];
  });
  const teamRange = teamNamesRange(locale, ('damage' in team ? 0 : (team.cols.name ?? 0)) + 1);
  const lost = live.flatMap(({ key, read }) =>
    'damage' in read ? [] : lostValidations(key, read, locale, teamRange, canRepair),
  );
  return [...unreadable, ...lost];
}

/** Like a review, the report replaces its sheet: no read of the old sheet's size, and it grows past 1,000 findings. */
function writeReport(
  clock: Clock,
  byName: Map<string, Sheet>,
  findings: Finding[],
  { repaired, unrepaired }: Repairs,
): HealthResult {
  const { ss, locale } = clock;
  const name = pick(HEALTH_SHEET_NAME, locale);
  const layout = layoutHealth({ locale, stamp: stampOf(clock, clock.now), findings, repaired, unrepaired });
  const existing = byName.get(name);
  if (existing) ss.deleteSheet(existing);
  writeGrid(ss.insertSheet(name), layout, NEW_SHEET_SIZE);
  return { problems: findings.length, repaired, sheet: name };
}

/** One read of a sheet's data validations (rows 2 to the last with content), compared with the template's. */
function lostValidations(
  key: LiveKey,
  table: Table,
  locale: Locale,
  teamRange: string,
  canRepair: boolean,
): Finding[] {
  if (table.values.length < 2) return [];
  const width = Math.max(...Object.values(table.cols)) + 1;
  const found = validationFingerprints(
    table.sheet.getRange(2, 1, table.values.length - 1, width).getDataValidations(),
  );
  return validationFindings({
    key,
    sheet: sheetName(key, locale),
    locale,
    cols: table.cols,
    teamNamesRange: teamRange,
    found,
    canRepair,
  });
}

/** What 初始化/修复模板 repaired, and what it could not. */
interface Repairs {
  repaired: string[];
  unrepaired: string[];
}

const NO_REPAIR: Repairs = { repaired: [], unrepaired: [] };

/** 初始化/修复模板's repairs (structure only: it never writes a data row); a failure is reported, not thrown. */
function repairStructure(locale: Locale): Repairs {
  try {
    const report = setupWorkbook();
    return { repaired: report.changes, unrepaired: report.problems };
  } catch (e) {
    return {
      repaired: [],
      unrepaired: [t('health.repairFailed', locale, { message: messageOf(e) })],
    };
  }
}
