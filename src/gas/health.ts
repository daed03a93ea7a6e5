// 数据检查 / Check data: one read per sheet, findings written to the 数据检查 sheet, structure-only repairs via setup.
import { checkRows, type Finding, HEALTH_SHEET_NAME, type LiveKey, type SheetValues } from '../core/health';
import { layoutHealth } from '../core/health-report';
import { headerFinding, missingSheetFinding, validationFindings } from '../core/health-structure';
import { type Locale, pick } from '../core/locale';
import { type Columns, type HeaderDamage, locateColumns, readMembers } from '../core/records';
import { mayRunSetup, teamNamesRange } from '../core/setup-plan';
import { t } from '../core/strings';
import { type SheetKey, sheetName } from '../core/templates';
import { withDocumentLock } from './lock';
import { NEW_SHEET_SIZE, writeGrid } from './report-sheet';
import { type Clock, openClock } from './session';
import { writeJobRuns } from './settings';
import { setupWorkbook, validationFingerprints } from './setup';
import { stampOf } from './snapshot';
import { allValues, sheetsByName } from './tables';
import { tellUser } from './ui';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface HealthResult {
  /** How many findings the check listed (structure and rows). */
  problems: number;
  /** The structural repairs made, in the workbook's language. */
  repaired: string[];
  /** The report sheet's name. */
  sheet: string;
}

/** One sheet as read: its values and columns, or why it could not be used. */
interface Read {
  name: string;
  sheet: Sheet | null;
  values: unknown[][];
  cols: Columns | null;
  damage: HeaderDamage | null;
}

/** One read of a sheet (none when it is missing), with its columns found by header. */
function readSheet(byName: Map<string, Sheet>, key: SheetKey, locale: Locale): Read {
  const name = sheetName(key, locale);
  const sheet = byName.get(name) ?? null;
  if (!sheet) return { name, sheet, values: [], cols: null, damage: null };
  const values = allValues(sheet);
  const found = locateColumns(key, locale, values[0] ?? []);
  return 'cols' in found
    ? { name, sheet, values, cols: found.cols, damage: null }
    : { name, sheet, values, cols: null, damage: found.damage };
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
 * The check for callers that hold the document lock (the nightly job). Reads the time zone, the sheet list, four
 * sheets and three sheets' validations, and replaces the report sheet in five calls (six past 1,000 findings).
 * Structural findings start 初始化/修复模板 (its own reads and writes) when the person running the check may run it.
 */
export function checkHealthHoldingLock(): { result: HealthResult; locale: Locale } {
  const clock: Clock = openClock();
  const { ss, locale } = clock;
  const byName = sheetsByName(ss);
  const team = readSheet(byName, 'team', locale);
  const live = LIVE.map((key) => ({ key, read: readSheet(byName, key, locale) }));
  const members = team.cols ? readMembers(team.values, team.cols, locale) : null;
  const managers = (members ?? []).filter((m) => m.role === 'manager').map((m) => m.email);
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const canRepair = mayRunSetup(clock.props.settings.admin.toLowerCase(), me, managers);

  const structure = [team, ...live.map((l) => l.read)].flatMap((r): Finding[] => {
    if (!r.sheet) return [missingSheetFinding(r.name, locale, canRepair)];
    return r.damage ? [headerFinding(r.name, r.damage, locale)] : [];
  });
  const teamRange = teamNamesRange(locale, (team.cols?.name ?? 0) + 1);
  for (const { key, read } of live)
    structure.push(...lostValidations(key, read, locale, teamRange, canRepair));
  const sheets = Object.fromEntries(
    live.map(({ key, read }) => [key, read.cols ? { values: read.values, cols: read.cols } : null]),
  ) as Record<LiveKey, SheetValues | null>;
  const names = members ? new Set(members.map((m) => m.name)) : null;
  const findings = [...structure, ...checkRows({ locale, offset: clock.offset, members: names, sheets })];

  const { repaired, unrepaired } = canRepair && structure.length ? repairStructure(locale) : NO_REPAIR;
  const name = pick(HEALTH_SHEET_NAME, locale);
  const layout = layoutHealth({ locale, stamp: stampOf(clock, clock.now), findings, repaired, unrepaired });
  // Like a review, the report replaces its sheet: no read of the old sheet's size, and it grows past 1,000 findings.
  const existing = byName.get(name);
  if (existing) ss.deleteSheet(existing);
  writeGrid(ss.insertSheet(name), layout, NEW_SHEET_SIZE);
  writeJobRuns({ ...clock.props.jobRuns, health: clock.today });
  return { result: { problems: findings.length, repaired, sheet: name }, locale };
}

/** One read of a sheet's data validations (rows 2 to the last with content), compared with the template's. */
function lostValidations(
  key: LiveKey,
  r: Read,
  locale: Locale,
  teamRange: string,
  canRepair: boolean,
): Finding[] {
  if (!r.sheet || !r.cols || r.values.length < 2) return [];
  const width = Math.max(...Object.values(r.cols)) + 1;
  const found = validationFingerprints(
    r.sheet.getRange(2, 1, r.values.length - 1, width).getDataValidations(),
  );
  return validationFindings({
    key,
    sheet: r.name,
    locale,
    cols: r.cols,
    teamNamesRange: teamRange,
    found,
    canRepair,
  });
}

const NO_REPAIR = { repaired: [] as string[], unrepaired: [] as string[] };

/** 初始化/修复模板's repairs (structure only: it never writes a data row); a failure is reported, not thrown. */
function repairStructure(locale: Locale): { repaired: string[]; unrepaired: string[] } {
  try {
    const report = setupWorkbook();
    return { repaired: report.changes, unrepaired: report.problems };
  } catch (e) {
    return {
      repaired: [],
      unrepaired: [t('health.repairFailed', locale, { message: (e as Error).message })],
    };
  }
}
