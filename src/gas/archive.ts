// The archive (SPEC §8): moves finished tasks with their progress rows and Sync Log records to the archive sheets,
// and restores one by ID. Under the document lock; archive rows are written before live rows are removed, and live
// sheets are rewritten in one block each from the rows read, never by cached row numbers.

import { type ArchiveSheets, type Move, planArchive, planRestore } from '../core/archive-plan';
import { messageOf } from '../core/errors';
import { parseTaskId } from '../core/ids';
import type { Locale } from '../core/locale';
import { t } from '../core/strings';
import { withDocumentLock } from './lock';
import { type Clock, openClock } from './session';
import { readDocProps, writeArchivedSeq, writeJobRuns } from './settings';
import { calendarOf } from './snapshot';
import { appendRows, readTable, sheetsByName, type Table } from './tables';
import { currentLocale, tellUser } from './ui';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Tasks per run: a run this size stays well inside the 6-minute limit; the rest wait for the next run. */
const ARCHIVE_LIMIT = 5000;

type Tables = Record<keyof ArchiveSheets, Table>;

/** Six sheet reads: three live, three archive. */
function readTables(byName: Map<string, Sheet>, locale: Locale): Tables {
  const read = (key: keyof ArchiveSheets) => readTable(byName, key, locale);
  return {
    overview: read('overview'),
    progress: read('progress'),
    sync: read('sync'),
    archiveOverview: read('archiveOverview'),
    archiveProgress: read('archiveProgress'),
    archiveSync: read('archiveSync'),
  };
}

const LIVE = ['sync', 'progress', 'overview'] as const;

type Live = (typeof LIVE)[number];

/**
 * Carries out a move: first every row is appended where it goes, then each source sheet is rewritten from the rows it
 * keeps (one call each; blank rows fill in where rows left). Sync and progress go before the overview, so a run that
 * dies half way still finds the task and finishes it.
 */
function apply(m: Move, targets: Record<Live, Table>, sources: Record<Live, Table>): void {
  for (const key of LIVE) if (m.append[key].length) appendRows(targets[key], m.append[key]);
  for (const key of LIVE) {
    const keep = m.keep[key];
    if (m.moved[key] === 0 || keep.length === 0) continue;
    sources[key].sheet.getRange(2, 1, keep.length, sources[key].width).setValues(keep);
  }
}

/** The live sheets after a move: the header and the rows kept where rows left, else the sheet as read. */
function liveAfter(tables: Tables, m: Move): Record<Live, Table> {
  const after = (key: Live): Table => {
    const table = tables[key];
    return m.moved[key] ? { ...table, values: [table.values[0] ?? [], ...m.keep[key]] } : table;
  };
  return { overview: after('overview'), progress: after('progress'), sync: after('sync') };
}

interface ArchiveResult {
  archived: number;
  deferred: number;
}

/** The nightly archive: idempotent, so it is also safe to run by hand or again after a failure. */
export function runArchive(): ArchiveResult {
  return withDocumentLock(() => {
    const clock = openClock();
    const { result } = planArchiveRun(clock, sheetsByName(clock.ss)).carryOut();
    writeJobRuns({ ...clock.props.jobRuns, archive: clock.today });
    return result;
  });
}

/**
 * Saves the highest sequences about to leave the live sheets before any row moves: while they are live their rows keep
 * them, so a run that dies, or properties too full to take them, never lets an ID be used twice. When they cannot be
 * saved the run stops there, with a clear error, and nothing moves.
 */
function reserveArchivedIds(clock: Clock, planned: Record<string, number>): void {
  const seqs = { ...clock.props.archivedSeq };
  for (const [k, seq] of Object.entries(planned)) seqs[k] = Math.max(seqs[k] ?? 0, seq);
  try {
    writeArchivedSeq(clock.props.raw, seqs);
  } catch (e) {
    const error = messageOf(e);
    console.error(`Task Sync: archive stopped before moving any row: ${error}`);
    throw new Error(t('error.propsFull', clock.locale, { error }));
  }
}

/** An archive run read and planned, nothing written yet. */
interface PlannedArchive {
  /** The live sheets as read. */
  live: Record<Live, Table>;
  /** Moves the rows: what moved, and the live sheets as the move leaves them. */
  carryOut(): { result: ArchiveResult; live: Record<Live, Table> };
}

/** Reads the six sheets and plans the run, for a caller that holds the document lock (the scheduler, runArchive). */
export function planArchiveRun(clock: Clock, byName: Map<string, Sheet>): PlannedArchive {
  const tables = readTables(byName, clock.locale);
  const settings = clock.props.settings;
  const plan = planArchive({
    sheets: tables,
    locale: clock.locale,
    offset: clock.offset,
    today: clock.today,
    wd: calendarOf(settings),
    delayDays: settings.archiveDelayDays,
    now: new Date(clock.now),
    limit: ARCHIVE_LIMIT,
  });
  const carryOut = () => {
    if (plan.taskIds.length) {
      reserveArchivedIds(clock, plan.seqs);
      apply(
        plan,
        { overview: tables.archiveOverview, progress: tables.archiveProgress, sync: tables.archiveSync },
        tables,
      );
    }
    return {
      result: { archived: plan.taskIds.length, deferred: plan.deferred },
      live: liveAfter(tables, plan),
    };
  };
  return { live: tables, carryOut };
}

/** The archive sheets are the admin's (SPEC §2.5): only the admin archives or restores by hand. */
function assertAdmin(locale: Locale, message: 'archive.adminOnly' | 'archive.adminOnlyNow'): void {
  const admin = readDocProps().settings.admin.toLowerCase();
  if (Session.getEffectiveUser().getEmail().toLowerCase() !== admin)
    throw new Error(t(message, locale, { admin }));
}

/** Menu 立即归档 (the admin). */
export function archiveNow(): ArchiveResult {
  const locale = currentLocale();
  assertAdmin(locale, 'archive.adminOnlyNow');
  const result = runArchive();
  tellUser(
    t('menu.archiveNow', locale),
    t('archive.done', locale, { count: result.archived, deferred: result.deferred }),
  );
  return result;
}

/**
 * Menu 从归档恢复 (asks for the ID when called from the menu) or restoreFromArchive({ taskId }): the task and its rows
 * go back to the live sheets. The admin only, as the archive sheets are theirs.
 */
export function restoreFromArchive(input?: { taskId?: unknown }): { restored: string | null } {
  const locale = currentLocale();
  assertAdmin(locale, 'archive.adminOnly');
  const taskId = typeof input?.taskId === 'string' ? input.taskId.trim() : askTaskId(locale);
  if (taskId === null) return { restored: null };
  if (!parseTaskId(taskId)) throw new Error(t('error.noTask', locale, { id: taskId }));
  const restored = withDocumentLock(() => {
    const clock = openClock();
    const tables = readTables(sheetsByName(clock.ss), clock.locale);
    const m = planRestore(tables, taskId);
    if (m.moved.overview + m.moved.progress + m.moved.sync === 0) return false;
    apply(
      m,
      { overview: tables.overview, progress: tables.progress, sync: tables.sync },
      { overview: tables.archiveOverview, progress: tables.archiveProgress, sync: tables.archiveSync },
    );
    return true;
  });
  if (!restored) throw new Error(t('archive.notFound', locale, { id: taskId }));
  tellUser(t('menu.restore', locale), t('archive.restored', locale, { id: taskId }));
  return { restored: taskId };
}

/** The task ID from a prompt; null when the person cancels (or no UI is attached). */
function askTaskId(locale: Locale): string | null {
  try {
    const ui = SpreadsheetApp.getUi();
    const answer = ui.prompt(t('menu.restore', locale), t('archive.ask', locale), ui.ButtonSet.OK_CANCEL);
    return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : null;
  } catch {
    return null;
  }
}
