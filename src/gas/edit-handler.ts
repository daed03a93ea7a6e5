// Direct edits (SPEC §4): onEdit stamps 更新日期 and checks people; handleEdit (installable, as the admin) guards authority.
import { type OffsetFn, ymdOf } from '../core/dates';
import { type Revert, reviewSubtaskEdit, reviewTaskEdit } from '../core/edit-review';
import { Status } from '../core/enums';
import {
  decodeSubtaskGuard,
  decodeTaskGuard,
  encodeSubtaskGuard,
  encodeTaskGuard,
  type SubtaskGuard,
  type TaskGuard,
} from '../core/guard';
import { parseSubtaskId, parseTaskId } from '../core/ids';
import { columnLetter } from '../core/letters';
import { type Bilingual, LOCALES, type Locale, pick } from '../core/locale';
import {
  type Columns,
  findColumns,
  readSubtasks,
  readTasks,
  type SubtaskRecord,
  type TaskRecord,
} from '../core/records';
import { t } from '../core/strings';
import { type SheetKey, sheetName, splitPeople } from '../core/templates';
import { type Actor, isManager, isUnknown } from '../core/workflow';
import { actorOf } from './actor';
import { type CellWrite, writeNotes } from './cell-runs';
import { editorEmail, openSyncLog, recordUnknown, teamOf } from './edit-people';
import { appendProgressEntries, appendProgressEntry, type ProgressEntry } from './progress-log';
import { recordRetroEdits } from './retro-edit';
import { openForAppend, sheetsByName, type Table, tryReadTable, writeCells } from './tables';
import { writeStatus } from './tasks';
import { offsetsFor } from './zone';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Sheets = Map<string, Sheet>;
type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

interface Target {
  sheet: Sheet;
  key: SheetKey;
  locale: Locale;
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

/** The edited template sheet (overview or progress, in either locale) and data rows, or null for anything else. */
function targetOf(e: EditEvent, keys: SheetKey[]): Target | null {
  const range = e?.range;
  if (!range) return null;
  const sheet = range.getSheet();
  const name = sheet.getName();
  for (const locale of LOCALES) {
    const key = keys.find((k) => sheetName(k, locale) === name);
    if (!key) continue;
    const r1 = Math.max(2, range.getRow());
    const r2 = range.getLastRow();
    if (r2 < r1) return null;
    return { sheet, key, locale, r1, r2, c1: range.getColumn(), c2: range.getLastColumn() };
  }
  return null;
}

/** Rows near the top come with the header in one read; further down, the header and the rows are two reads. */
const ONE_READ_ROWS = 300;

interface Block {
  header: unknown[];
  cols: Columns;
  /** Values of rows r1..r2, preceded by the header (so mapRows-style readers see row 1 first). */
  values: unknown[][];
}

function readBlock(tg: Target): Block | null {
  let header: unknown[];
  let rows: unknown[][];
  if (tg.r2 <= ONE_READ_ROWS) {
    const all = tg.sheet.getRange(`1:${tg.r2}`).getValues();
    header = all[0] ?? [];
    rows = all.slice(tg.r1 - 1);
  } else {
    header = tg.sheet.getRange('1:1').getValues()[0] ?? [];
    rows = tg.sheet.getRange(`${tg.r1}:${tg.r2}`).getValues();
  }
  try {
    return { header, cols: findColumns(tg.key, tg.locale, header), values: [header, ...rows] };
  } catch {
    return null;
  }
}

function editedKeys(tg: Target, cols: Columns): Set<string> {
  return new Set(
    Object.entries(cols)
      .filter(([, at]) => at + 1 >= tg.c1 && at + 1 <= tg.c2)
      .map(([k]) => k),
  );
}

const PROGRESS_CONTENT = ['progress', 'done', 'next', 'blockers'];

/**
 * Simple trigger: a hand edit of a progress row stamps 更新日期 (the instant; the cell shows the date in the
 * spreadsheet's time zone) and logs a progress change; people typed into 协作人 are checked against the Team.
 * Everything is read before the first write.
 */
export function onEdit(e: EditEvent): void {
  const tg = targetOf(e, ['overview', 'progress']);
  if (!tg) return;
  const block = readBlock(tg);
  if (!block) return;
  const edited = editedKeys(tg, block.cols);
  const stamps = tg.key === 'progress' && PROGRESS_CONTENT.some((k) => edited.has(k));
  const people = edited.has('collaborators');
  if (!stamps && !people) return;
  const now = new Date();
  const entries = stamps && edited.has('progress') ? progressEntries(e, block, now) : [];
  const byName: Sheets = entries.length || people ? sheetsByName(e.source) : new Map();
  const logSheet = entries.length ? byName.get(sheetName('progressLog', tg.locale)) : undefined;
  const log = logSheet && entries.length > 1 ? openForAppend(logSheet, 'progressLog', tg.locale) : null;
  const team = people ? new Set(teamOf(byName, tg.locale).map((m) => m.name)) : null;
  if (stamps) stampProgress(tg, block, now);
  if (log) appendProgressEntries(log, entries);
  else if (logSheet) appendProgressEntry(logSheet, entries[0]!);
  if (team) notePeople(tg, block, team);
}

/** Progress Log entries for the edited rows that have a subtask ID and a numeric progress. */
function progressEntries(e: EditEvent, block: Block, now: Date): ProgressEntry[] {
  const { cols } = block;
  const author = editorEmail(e);
  return block.values.slice(1).flatMap((r) => {
    const subtaskId = String(r[cols.subtaskId!] ?? '').trim();
    if (!subtaskId || typeof r[cols.progress!] !== 'number') return [];
    const entry = { at: now, subtaskId, taskId: r[cols.taskId!], progress: r[cols.progress!] };
    return [{ ...entry, blockers: r[cols.blockers!], author }];
  });
}

/** Stamps 更新日期 on every edited row that has a subtask ID, in one write. */
function stampProgress(tg: Target, block: Block, now: Date): void {
  const { cols } = block;
  const stamps = block.values
    .slice(1)
    .map((r) => [String(r[cols.subtaskId!] ?? '').trim() ? now : r[cols.updatedOn!]]);
  tg.sheet.getRange(tg.r1, cols.updatedOn! + 1, stamps.length, 1).setValues(stamps);
}

/** Notes each 协作人 cell naming someone not on the Team, and clears the note once it is right: one write. */
function notePeople(tg: Target, block: Block, names: Set<string>): void {
  const col = block.cols.collaborators! + 1;
  const id = block.cols[idKeyOf(tg)]!;
  const notes = block.values.slice(1).map((r) => {
    const unknown = splitPeople(r[col - 1]).filter((n) => !names.has(n));
    return [
      unknown.length ? rowNote(r[id], t('edit.unknownPeople', tg.locale, { names: unknown.join('、') })) : '',
    ];
  });
  tg.sheet.getRange(tg.r1, col, notes.length, 1).setNotes(notes);
}

const idKeyOf = (tg: Target) => (tg.key === 'overview' ? 'taskId' : 'subtaskId');

/** The guarded cells of each sheet, and the hidden guard column itself: a paste over it must not vouch for the row. */
const GUARDED: Partial<Record<SheetKey, string[]>> = {
  overview: ['taskId', 'initiator', 'owner', 'status', 'completedOn', 'guard'],
  progress: ['subtaskId', 'taskId', 'owner', 'guard'],
};

const PASTED_GUARD: Bilingual = {
  zh: '粘贴覆盖了守护值,本行受保护的单元格(ID、发起人、负责人、状态、完成日期)无法核对;如非有意,请撤销这次粘贴。',
  en: "A paste overwrote this row's guard value, so its guarded cells (IDs, initiator, owner, status, completed on) could not be checked; undo the paste if it was a mistake.",
};

/** What the edit tells about the row before it: for a one-cell edit, which guard field changed and its old value. */
interface EditFacts {
  /** The guard field of the one edited cell (`id` for the row's own ID) and its old value (null: it was empty). */
  cell: { field: string; oldValue: string | null } | null;
  /** A paste covered the guard column: the guard now in the row is what was pasted, not what stood. */
  guardPasted: boolean;
  /** The guard cell itself was typed over: what stood is the edit's old value. */
  guardTyped: boolean;
}

function factsOf(e: EditEvent, tg: Target, edited: Set<string>): EditFacts {
  const oneCell = tg.r1 === tg.r2 && tg.c1 === tg.c2;
  const key = oneCell ? ([...edited][0] ?? null) : null;
  let oldValue = e.oldValue === undefined ? null : String(e.oldValue);
  if (key === 'status' && oldValue !== null) oldValue = Status.parse(oldValue, tg.locale);
  return {
    cell: key === null ? null : { field: key === idKeyOf(tg) ? 'id' : key, oldValue },
    guardPasted: !oneCell && edited.has('guard'),
    guardTyped: key === 'guard',
  };
}

/**
 * The guard as it stood: the stored value (the edit's old value when the guard cell itself was typed over), or for a
 * one-cell edit of a row without one, the row with the old value; null for a row without one (a new row), undefined
 * when a paste overwrote the guard, so what stood is unknown.
 */
function standing<T extends TaskGuard | SubtaskGuard>(
  stored: string,
  current: T,
  decode: (text: string) => T | null,
  facts: EditFacts,
): T | null | undefined {
  if (facts.guardPasted) return undefined;
  const guard = decode(facts.guardTyped ? (facts.cell!.oldValue ?? '') : stored);
  if (guard) return guard;
  const { cell } = facts;
  if (!cell || cell.oldValue === null || !(cell.field in current)) return null;
  return { ...current, [cell.field]: cell.oldValue };
}

/**
 * Installable edit trigger (runs as the admin who installed it): restores guarded cells the editor could not have
 * changed through the sidebar — pastes included, from the row's guard value — and notes why; flags malformed and
 * duplicate IDs and rows whose guard a paste overwrote; records changes by an unknown identity in the Sync Log; copies
 * review reports' retrospectives to 备注. Every row is reviewed before the first write.
 */
export function handleEdit(e: EditEvent): void {
  const tg = targetOf(e, ['overview', 'progress']);
  if (!tg) {
    if (e?.range) recordRetroEdits(e);
    return;
  }
  const block = readBlock(tg);
  if (!block) return;
  const edited = editedKeys(tg, block.cols);
  const guardedEdit = GUARDED[tg.key]!.some((k) => edited.has(k));
  const progressEdit = tg.key === 'progress' && edited.has('progress');
  if (!guardedEdit && !progressEdit) return;
  const ss = e.source;
  const byName = sheetsByName(ss);
  // Who edited matters only to the guard: a progress value alone needs no Team read.
  const actor = actorOf(editorEmail(e), guardedEdit ? teamOf(byName, tg.locale) : []);
  const sync = guardedEdit && isUnknown(actor) ? openSyncLog(byName, tg.locale) : null;
  const now = Date.now();
  const offset = offsetsFor(ss.getSpreadsheetTimeZone(), now);
  const idKey = idKeyOf(tg);
  const ids = edited.has(idKey) ? idColumn(tg, block, idKey) : null;
  const facts = factsOf(e, tg, edited);
  const review: Review = { tg, actor, edited, facts, unknownChanges: [] };
  const writes: RowWrite[] = [];
  let starts: TaskRecord[] = [];
  let startTable: Table | null = null;
  if (tg.key === 'overview') {
    const tasks = readTasks(block.values, block.cols, { locale: tg.locale, offset }).map((x) => ({
      ...x,
      row: x.row + tg.r1 - 2,
    }));
    let subtasks: SubtaskRecord[] | null = null;
    const subtasksOf = (taskId: string) => {
      subtasks ??= readRecords(byName, 'progress', tg.locale, offset, readSubtasks);
      return subtasks.filter((x) => x.taskId === taskId);
    };
    for (const task of tasks) writes.push(guardTaskRow(review, task, { now, offset }, subtasksOf));
  } else {
    const subs = readSubtasks(block.values, block.cols, { locale: tg.locale, offset }).map((x) => ({
      ...x,
      row: x.row + tg.r1 - 2,
    }));
    const overview = tryReadTable(byName, 'overview', tg.locale);
    const taskList =
      'damage' in overview ? [] : readTasks(overview.values, overview.cols, { locale: tg.locale, offset });
    const tasks = new Map(taskList.map((x) => [x.id, x]));
    if (guardedEdit)
      for (const sub of subs) writes.push(guardSubtaskRow(review, sub, tasks.get(sub.taskId) ?? null));
    if (progressEdit && !('damage' in overview)) starts = tasksToStart(subs, tasks);
    startTable = 'damage' in overview ? null : overview;
  }
  const table = blockTable(tg, block);
  const notes: CellWrite[] = [];
  for (const w of writes) {
    writeRow(table, w);
    for (const n of w.notes) notes.push({ row: w.row, col: block.cols[n.key]! + 1, value: n.text });
  }
  if (ids) notes.push(...idProblems(tg, block, ids, writes));
  writeNotes(tg.sheet, joinedByCell(notes));
  if (sync && review.unknownChanges.length) recordUnknown(sync, tg.locale, now, review.unknownChanges);
  // Written last: the overview is another sheet, and everything was read before the first write.
  const clock = { locale: tg.locale, today: ymdOf(now, offset), now };
  if (startTable) for (const task of starts) writeStatus(clock, startTable, task, 'in_progress');
}

/**
 * A progress value typed by hand is a progress update, and the first one starts its task (SPEC §4), as the sidebar's
 * does: the tasks still 未开始 among those whose subtasks got a number.
 */
function tasksToStart(subs: SubtaskRecord[], tasks: Map<string, TaskRecord>): TaskRecord[] {
  const ids = new Set(subs.filter((x) => typeof x.progress === 'number').map((x) => x.taskId));
  return [...ids].map((id) => tasks.get(id)).filter((x): x is TaskRecord => x?.status === 'not_started');
}

/** The records of a whole template sheet (one read), or none when the sheet is missing or its header is damaged. */
function readRecords<T>(
  byName: Sheets,
  key: 'overview' | 'progress',
  locale: Locale,
  offset: OffsetFn,
  read: (values: unknown[][], cols: Columns, ctx: { locale: Locale; offset: OffsetFn }) => T[],
): T[] {
  const table = tryReadTable(byName, key, locale);
  return 'damage' in table ? [] : read(table.values, table.cols, { locale, offset });
}

/** The edited block as a table (sheet row r at values[r - 1]), so rows are written through writeCells. */
function blockTable(tg: Target, block: Block): Table {
  const values: unknown[][] = [block.header];
  block.values.slice(1).forEach((r, i) => {
    values[tg.r1 - 1 + i] = r;
  });
  return {
    key: tg.key,
    sheet: tg.sheet,
    values,
    cols: block.cols,
    width: block.header.length,
    lastRow: tg.r2,
  };
}

/** What every row's review shares: the sheet, who is editing, what the edit tells, and what an unknown identity changed. */
interface Review {
  tg: Target;
  actor: Actor;
  edited: Set<string>;
  facts: EditFacts;
  unknownChanges: string[];
}

/** What a reviewed row needs written: restored cells and the guard, and notes (a reason on each restored cell). */
interface RowWrite {
  row: number;
  changes: Record<string, unknown>;
  notes: { key: string; text: string }[];
  /** The row's ID was restored (its old value), so the ID typed or pasted there is gone. */
  restoredId: string | null;
}

function reviewed(
  row: { row: number; id: string },
  changes: Record<string, unknown>,
  reverts: Revert[],
  idKey: string,
): RowWrite {
  return {
    row: row.row,
    changes,
    notes: reverts.map((r) => ({ key: r.key, text: rowNote(row.id, r.note) })),
    restoredId: reverts.find((r) => r.key === idKey)?.value ?? null,
  };
}

/**
 * A row whose guard a paste overwrote: what stood is unknown. A row pasted whole (its guard fits its cells) stands as
 * it was copied, and a copy is flagged as a duplicate ID; otherwise a 主管's or an unknown identity's paste stands
 * (the latter recorded), and anyone else's is flagged so the paste can be undone.
 */
function pastedOver<T extends TaskGuard | SubtaskGuard>(
  review: Review,
  row: number,
  pasted: T | null,
  current: T,
  encode: (g: T) => string,
  shown: Record<string, unknown>,
): RowWrite {
  const fits = pasted !== null && Object.entries(current).every(([k, v]) => pasted[k as keyof T] === v);
  const idKey = idKeyOf(review.tg);
  if (fits) return { row, changes: {}, notes: [], restoredId: null };
  if (isManager(review.actor) || isUnknown(review.actor)) {
    if (isUnknown(review.actor)) {
      const cells = Object.entries(shown).map(([k, v]) => `${k}=${v ?? ''}`);
      review.unknownChanges.push(`${current.id} ${cells.join(' ')}`);
    }
    return { row, changes: { guard: encode(current) }, notes: [], restoredId: null };
  }
  return {
    row,
    changes: {},
    notes: [{ key: idKey, text: rowNote(current.id, pick(PASTED_GUARD, review.tg.locale)) }],
    restoredId: null,
  };
}

function guardTaskRow(
  review: Review,
  task: TaskRecord,
  clock: { now: number; offset: OffsetFn },
  subtasksOf: (taskId: string) => SubtaskRecord[],
): RowWrite {
  const { tg, actor } = review;
  const current: TaskGuard = {
    id: task.id,
    initiator: task.initiator,
    owner: task.owner,
    status: task.status,
    completedOn: task.completedOn,
  };
  const before = standing(task.guard, current, decodeTaskGuard, review.facts);
  if (before === undefined) {
    const status = current.status ? Status.label(current.status, tg.locale) : '';
    const shown = {
      initiator: current.initiator,
      owner: current.owner,
      status,
      completedOn: current.completedOn,
    };
    return pastedOver(review, task.row, decodeTaskGuard(task.guard), current, encodeTaskGuard, shown);
  }
  if (before === null) return reviewed(task, { guard: encodeTaskGuard(current) }, [], 'taskId');
  const after: TaskRecord = review.edited.has('completedOn')
    ? task
    : { ...task, completedOn: before.completedOn };
  const today = ymdOf(clock.now, clock.offset);
  const result = reviewTaskEdit(actor, tg.locale, today, before, after, () => subtasksOf(task.id));
  const changes: Record<string, unknown> = {};
  for (const r of result.reverts) changes[r.key] = r.value;
  if (result.stampCompleted) {
    changes.completedOn = new Date(clock.now);
    result.guard.completedOn = ymdOf(clock.now, clock.offset);
  }
  changes.guard = encodeTaskGuard(result.guard);
  for (const c of result.changedByUnknown) review.unknownChanges.push(`${task.id} ${c.key}=${c.value}`);
  return reviewed(task, changes, result.reverts, 'taskId');
}

function guardSubtaskRow(review: Review, sub: SubtaskRecord, task: TaskRecord | null): RowWrite {
  const current: SubtaskGuard = { id: sub.id, taskId: sub.taskId, owner: sub.owner };
  const before = standing(sub.guard, current, decodeSubtaskGuard, review.facts);
  if (before === undefined) {
    const shown = { taskId: current.taskId, owner: current.owner };
    return pastedOver(review, sub.row, decodeSubtaskGuard(sub.guard), current, encodeSubtaskGuard, shown);
  }
  if (before === null) return reviewed(sub, { guard: encodeSubtaskGuard(current) }, [], 'subtaskId');
  const result = reviewSubtaskEdit(review.actor, review.tg.locale, before, sub, task);
  const changes: Record<string, unknown> = { guard: encodeSubtaskGuard(result.guard) };
  for (const r of result.reverts) changes[r.key] = r.value;
  for (const c of result.changedByUnknown) review.unknownChanges.push(`${sub.id} ${c.key}=${c.value}`);
  return reviewed(sub, changes, result.reverts, 'subtaskId');
}

/** Writes a row's restored cells and guard in one span, only if something differs from the row as read. */
function writeRow(table: Table, { row, changes }: RowWrite): void {
  const current = table.values[row - 1]!;
  const differs = Object.entries(changes).some(
    ([k, v]) => String(current[table.cols[k]!] ?? '') !== String(v ?? ''),
  );
  if (differs) writeCells(table, row, changes);
}

/** Notes name the row they are about, so one that ends up elsewhere (rows closed up by the archive) still reads right. */
function rowNote(id: unknown, text: string): string {
  const label = String(id ?? '').trim();
  return label ? `[${label}] ${text}` : text;
}

/** Several notes for one cell (a restored or pasted row whose ID is also a duplicate) become one, line by line. */
function joinedByCell(notes: CellWrite[]): CellWrite[] {
  const byCell = new Map<string, CellWrite>();
  for (const n of notes) {
    const key = `${n.row}:${n.col}`;
    const had = byCell.get(key);
    byCell.set(key, had ? { ...had, value: `${had.value}\n${n.value}` } : n);
  }
  return [...byCell.values()];
}

/** The whole ID column as it stands (rows 2 down), read before any write. */
function idColumn(tg: Target, block: Block, key: string): string[] {
  const letter = columnLetter(block.cols[key]! + 1);
  return tg.sheet
    .getRange(`${letter}2:${letter}`)
    .getValues()
    .map((r) => String(r[0] ?? '').trim());
}

/**
 * Notes for edited rows whose ID stands (not restored) but is malformed or used by another row: a hand-typed new row,
 * or a row pasted over another one, guard and all. `ids` is the ID column as read, with the restored IDs put back.
 */
function idProblems(tg: Target, block: Block, ids: string[], writes: RowWrite[]): CellWrite[] {
  const col = block.cols[idKeyOf(tg)]! + 1;
  const all = [...ids];
  const restored = new Set<number>();
  for (const w of writes) {
    if (w.restoredId === null) continue;
    all[w.row - 2] = w.restoredId;
    restored.add(w.row);
  }
  const valid = tg.key === 'overview' ? parseTaskId : parseSubtaskId;
  return block.values.slice(1).flatMap((_, i): CellWrite[] => {
    const row = tg.r1 + i;
    const id = all[row - 2] ?? '';
    if (id === '' || restored.has(row)) return [];
    if (!valid(id)) return [{ row, col, value: t('edit.badId', tg.locale, { id }) }];
    const twin = all.findIndex((x, j) => x === id && j !== row - 2);
    if (twin < 0) return [];
    return [{ row, col, value: t('edit.duplicateId', tg.locale, { id, row: String(twin + 2) }) }];
  });
}
