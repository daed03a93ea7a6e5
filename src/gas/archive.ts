// The archive (SPEC §8): moves finished tasks with their progress rows and Sync Log records to the archive sheets,
// and restores one by ID. Under the document lock; archive rows are written before live rows are removed, and live
// sheets are rewritten in one block each from the rows read, never by cached row numbers.

import { type ArchiveSheets, type Move, planArchive, planRestore } from '../core/archive-plan';
import { workingDays } from '../core/calendar';
import { parseTaskId } from '../core/ids';
import type { Locale } from '../core/locale';
import { t } from '../core/strings';
import { withDocumentLock } from './lock';
import { type Clock, openClock } from './session';
import { readDocProps, writeArchivedSeq, writeJobRuns } from './settings';
import { appendRows, readTable, sheetsByName, type Table } from './tables';
import { currentLocale, tellUser } from './ui';

/** Tasks per run: a run this size stays well inside the 6-minute limit; the rest wait for the next run. */
export const ARCHIVE_LIMIT = 5000;

interface Opened {
  clock: Clock;
  tables: Record<keyof ArchiveSheets, Table>;
}

/** Six sheet reads (three live, three archive) after the properties, the time zone and the sheet list. */
function open(): Opened {
  const clock = openClock();
  const byName = sheetsByName(clock.ss);
  const read = (key: keyof ArchiveSheets) => readTable(byName, key, clock.locale);
  return {
    clock,
    tables: {
      overview: read('overview'),
      progress: read('progress'),
      sync: read('sync'),
      archiveOverview: read('archiveOverview'),
      archiveProgress: read('archiveProgress'),
      archiveSync: read('archiveSync'),
    },
  };
}

function sheetsOf(tables: Opened['tables']): ArchiveSheets {
  const v = (tb: Table) => ({ values: tb.values, cols: tb.cols, width: tb.width });
  return {
    overview: v(tables.overview),
    progress: v(tables.progress),
    sync: v(tables.sync),
    archiveOverview: v(tables.archiveOverview),
    archiveProgress: v(tables.archiveProgress),
    archiveSync: v(tables.archiveSync),
  };
}

const LIVE = ['sync', 'progress', 'overview'] as const;

/**
 * Carries out a move: first every row is appended where it goes, then each source sheet is rewritten from the rows it
 * keeps (one call each; blank rows fill in where rows left). Sync and progress go before the overview, so a run that
 * dies half way still finds the task and finishes it.
 */
function apply(
  m: Move,
  targets: Record<(typeof LIVE)[number], Table>,
  sources: Record<(typeof LIVE)[number], Table>,
): void {
  for (const key of LIVE) if (m.append[key].length) appendRows(targets[key], m.append[key]);
  for (const key of LIVE) {
    const keep = m.keep[key];
    if (m.moved[key] === 0 || keep.length === 0) continue;
    sources[key].sheet.getRange(2, 1, keep.length, sources[key].width).setValues(keep);
  }
}

export interface ArchiveResult {
  archived: number;
  deferred: number;
}

/** The nightly archive: idempotent, so it is also safe to run by hand or again after a failure. */
export function runArchive(): ArchiveResult {
  return withDocumentLock(archiveHoldingLock);
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
    const error = String((e as Error)?.message ?? e);
    console.error(`Task Sync: archive stopped before moving any row: ${error}`);
    throw new Error(t('error.propsFull', clock.locale, { error }));
  }
}

/** The archive run itself, for callers that already hold the document lock (the scheduler). */
export function archiveHoldingLock(): ArchiveResult {
  const { clock, tables } = open();
  const settings = clock.props.settings;
  const wd = workingDays({
    kind: settings.calendar,
    extraHolidays: settings.extraHolidays,
    extraWorkdays: settings.extraWorkdays,
  });
  const plan = planArchive({
    sheets: sheetsOf(tables),
    locale: clock.locale,
    offset: clock.offset,
    today: clock.today,
    wd,
    delayDays: settings.archiveDelayDays,
    now: new Date(clock.now),
    limit: ARCHIVE_LIMIT,
  });
  if (plan.taskIds.length) {
    reserveArchivedIds(clock, plan.seqs);
    apply(
      plan,
      { overview: tables.archiveOverview, progress: tables.archiveProgress, sync: tables.archiveSync },
      { overview: tables.overview, progress: tables.progress, sync: tables.sync },
    );
  }
  writeJobRuns({ ...clock.props.jobRuns, archive: clock.today });
  return { archived: plan.taskIds.length, deferred: plan.deferred };
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
    const { tables } = open();
    const m = planRestore(sheetsOf(tables), taskId);
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
