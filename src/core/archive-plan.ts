// Plans the archive (SPEC §8) and the restore, by ID only: which rows move, keyed how, and what the sheets keep.
// Re-running a plan after any partial run converges: rows already moved are recognised and never moved twice.
import type { WorkingDays } from './calendar';
import { cellText, cellYmd, isBlankRow, isDate, type OffsetFn } from './dates';
import { Status } from './enums';
import { parseTaskId } from './ids';
import type { Locale } from './locale';
import type { Columns } from './records';
import { sheetDef } from './templates';

/** A sheet's values (header first) and where its template columns are. */
export interface SheetValues {
  values: unknown[][];
  cols: Columns;
  /** Columns to write back (at least every template column). */
  width: number;
}

export interface ArchiveSheets {
  overview: SheetValues;
  progress: SheetValues;
  sync: SheetValues;
  archiveOverview: SheetValues;
  archiveProgress: SheetValues;
  archiveSync: SheetValues;
}

type Live = 'overview' | 'progress' | 'sync';
const LIVE: Live[] = ['overview', 'progress', 'sync'];

/** The columns a live row and its archive row share: the live template's, in template order. */
function liveKeys(key: Live): string[] {
  return sheetDef(key).columns.map((c) => c.key);
}

/** A row's identity for "already moved?": its template cells, dates by instant. */
function fingerprint(row: unknown[], cols: Columns, keys: string[]): string {
  return JSON.stringify(
    keys.map((k) => {
      const v = row[cols[k]!];
      return isDate(v) ? `D${v.getTime()}` : (v ?? '');
    }),
  );
}

/** The ID a row is moved by: the task's, in every sheet (its own in the overview, its parent's elsewhere). */
function taskIdOf(row: unknown[], cols: Columns): string {
  return cellText(row[cols.taskId!]);
}

/** The ID that makes a row unique within its sheet, where there is one (sync records have none). */
function rowIdOf(key: Live, row: unknown[], cols: Columns): string | null {
  if (key === 'overview') return cellText(row[cols.taskId!]);
  if (key === 'progress') return cellText(row[cols.subtaskId!]);
  return null;
}

/** Counts of what a target sheet already holds: row IDs, and fingerprints (a multiset) for rows without IDs. */
function holdings(key: Live, sheet: SheetValues) {
  const ids = new Set<string>();
  const prints = new Map<string, number>();
  const keys = liveKeys(key);
  for (const row of sheet.values.slice(1)) {
    if (isBlankRow(row)) continue;
    const id = rowIdOf(key, row, sheet.cols);
    if (id) ids.add(id);
    const fp = fingerprint(row, sheet.cols, keys);
    prints.set(fp, (prints.get(fp) ?? 0) + 1);
  }
  return {
    /** True (and consumed) when the target already has this row. */
    has(row: unknown[], cols: Columns): boolean {
      const id = rowIdOf(key, row, cols);
      if (id) return ids.has(id);
      const fp = fingerprint(row, cols, keys);
      const n = prints.get(fp) ?? 0;
      if (n > 0) prints.set(fp, n - 1);
      return n > 0;
    },
  };
}

/** Moves the rows of `taskIds` from one set of sheets to another: rows to append, and what each source keeps. */
export interface Move {
  /** Rows to append to each target sheet, already in its column order. */
  append: Record<Live, unknown[][]>;
  /** Each source sheet's data rows after the move, padded with blank rows to its former extent. */
  keep: Record<Live, unknown[][]>;
  /** Source rows moved (appended now or found already in the target). */
  moved: Record<Live, number>;
}

function reshape(
  row: unknown[],
  from: Columns,
  to: Columns,
  width: number,
  keys: string[],
  extra: Record<string, unknown>,
): unknown[] {
  const out: unknown[] = Array.from({ length: width }, () => '');
  for (const k of keys) out[to[k]!] = row[from[k]!] ?? '';
  for (const [k, v] of Object.entries(extra)) out[to[k]!] = v;
  return out;
}

function move(
  sources: Record<Live, SheetValues>,
  targets: Record<Live, SheetValues>,
  taskIds: ReadonlySet<string>,
  extraFor: (key: Live, row: unknown[], cols: Columns) => Record<string, unknown>,
): Move {
  const result: Move = {
    append: { overview: [], progress: [], sync: [] },
    keep: { overview: [], progress: [], sync: [] },
    moved: { overview: 0, progress: 0, sync: 0 },
  };
  for (const key of LIVE) {
    const source = sources[key];
    const target = targets[key];
    const held = holdings(key, target);
    const keys = liveKeys(key);
    const rows = source.values.slice(1);
    for (const row of rows) {
      if (isBlankRow(row)) continue;
      if (!taskIds.has(taskIdOf(row, source.cols))) {
        result.keep[key].push(row.slice(0, source.width));
        continue;
      }
      result.moved[key]++;
      if (!held.has(row, source.cols)) {
        result.append[key].push(
          reshape(row, source.cols, target.cols, target.width, keys, extraFor(key, row, source.cols)),
        );
      }
    }
    while (result.keep[key].length < rows.length)
      result.keep[key].push(Array.from({ length: source.width }, () => ''));
  }
  return result;
}

/** The archive key `项目名称-任务ID-完成日期` (SPEC §2.5); 项目名称 is 关联项目/目标, or the ID prefix when empty. */
export function archiveKey(project: string, taskId: string, completedOn: string): string {
  const name = project.trim() || parseTaskId(taskId)?.prefix || taskId;
  return `${name}-${taskId}-${completedOn}`;
}

interface ArchivePlanInput {
  sheets: ArchiveSheets;
  locale: Locale;
  offset: OffsetFn;
  today: string;
  wd: WorkingDays;
  delayDays: number;
  now: Date;
  /** At most this many tasks per run; the rest wait for the next run. */
  limit: number;
}

interface ArchivePlan extends Move {
  taskIds: string[];
  /** Tasks due but left for the next run (over the limit). */
  deferred: number;
  /** Highest sequence archived per `<prefix><yyyy>`, to keep IDs unique after the rows leave. */
  seqs: Record<string, number>;
}

/**
 * Tasks due for the archive: 已完成 or 已取消 with 完成日期 at least `delayDays` working days ago. Tasks already in the
 * archive whose rows are still live (a run that died half way) are finished too.
 */
export function planArchive(input: ArchivePlanInput): ArchivePlan {
  const { sheets, locale, offset, today, wd } = input;
  const ov = sheets.overview;
  const archivedIds = new Set(
    sheets.archiveOverview.values.slice(1).map((r) => cellText(r[sheets.archiveOverview.cols.taskId!])),
  );
  const liveIds = new Set(ov.values.slice(1).map((r) => cellText(r[ov.cols.taskId!])));
  const due: string[] = [];
  const completedOf = new Map<string, { project: string; completedOn: string }>();
  for (const row of ov.values.slice(1)) {
    const id = cellText(row[ov.cols.taskId!]);
    const status = Status.parse(row[ov.cols.status!], locale);
    const completedOn = cellYmd(row[ov.cols.completedOn!], offset);
    if (!id || (status !== 'done' && status !== 'cancelled') || !completedOn) continue;
    completedOf.set(id, { project: cellText(row[ov.cols.project!]), completedOn });
    if (completedOn <= today && wd.between(completedOn, today) >= input.delayDays) due.push(id);
  }
  const chosen = due.slice(0, input.limit);
  const leftovers = (['progress', 'sync'] as const).flatMap((key) =>
    sheets[key].values
      .slice(1)
      .map((r) => cellText(r[sheets[key].cols.taskId!]))
      .filter((id) => archivedIds.has(id) && !liveIds.has(id)),
  );
  const taskIds = new Set([...chosen, ...leftovers]);
  const archivedAt = input.now;
  const keyOf = (taskId: string) => {
    const c = completedOf.get(taskId);
    return c ? archiveKey(c.project, taskId, c.completedOn) : taskId;
  };
  const plan = move(
    { overview: ov, progress: sheets.progress, sync: sheets.sync },
    { overview: sheets.archiveOverview, progress: sheets.archiveProgress, sync: sheets.archiveSync },
    taskIds,
    (_key, row, cols) => ({ archiveKey: keyOf(taskIdOf(row, cols)), archivedAt }),
  );
  const seqs: Record<string, number> = {};
  for (const id of taskIds) {
    const parsed = parseTaskId(id);
    if (!parsed) continue;
    const k = `${parsed.prefix}${parsed.year}`;
    seqs[k] = Math.max(seqs[k] ?? 0, parsed.seq);
  }
  return { ...plan, taskIds: [...taskIds], deferred: due.length - chosen.length, seqs };
}

/** Restore one task from the archive: its rows go back to the live sheets (without the archive columns). */
export function planRestore(sheets: ArchiveSheets, taskId: string): Move {
  return move(
    { overview: sheets.archiveOverview, progress: sheets.archiveProgress, sync: sheets.archiveSync },
    { overview: sheets.overview, progress: sheets.progress, sync: sheets.sync },
    new Set([taskId]),
    () => ({}),
  );
}
