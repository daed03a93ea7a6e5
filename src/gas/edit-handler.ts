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
import { LOCALES, type Locale } from '../core/locale';
import {
  type Columns,
  escapeFormulaText,
  findColumns,
  readSubtasks,
  readTasks,
  type SubtaskRecord,
  type TaskRecord,
} from '../core/records';
import { t } from '../core/strings';
import { type SheetKey, sheetName, splitPeople } from '../core/templates';
import type { Actor } from '../core/workflow';
import { editorEmail, recordUnknown, teamOf } from './edit-people';
import { recordRetroEdits } from './retro-edit';
import { allValues } from './tables';
import { offsetsFor } from './zone';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
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
 */
export function onEdit(e: EditEvent): void {
  const tg = targetOf(e, ['overview', 'progress']);
  if (!tg) return;
  const block = readBlock(tg);
  if (!block) return;
  const edited = editedKeys(tg, block.cols);
  if (tg.key === 'progress' && PROGRESS_CONTENT.some((k) => edited.has(k)))
    stampProgress(e, tg, block, edited);
  if (edited.has('collaborators')) checkPeople(e, tg, block);
}

function stampProgress(e: EditEvent, tg: Target, block: Block, edited: Set<string>): void {
  const { cols } = block;
  const now = new Date();
  const rows = block.values.slice(1);
  const log = edited.has('progress') ? e.source.getSheetByName(sheetName('progressLog', tg.locale)) : null;
  const stamps = rows.map((r) => [String(r[cols.subtaskId!] ?? '').trim() ? now : r[cols.updatedOn!]]);
  tg.sheet.getRange(tg.r1, cols.updatedOn! + 1, stamps.length, 1).setValues(stamps);
  if (!log) return;
  for (const r of rows) {
    const id = String(r[cols.subtaskId!] ?? '').trim();
    if (!id || typeof r[cols.progress!] !== 'number') continue;
    log.appendRow(
      [now, id, r[cols.taskId!], r[cols.progress!], r[cols.blockers!], editorEmail(e)].map(escapeFormulaText),
    );
  }
}

/** Notes each 协作人 cell naming someone not on the Team, and clears the note once it is right. */
function checkPeople(e: EditEvent, tg: Target, block: Block): void {
  const names = new Set(teamOf(e.source, tg.locale).map((m) => m.name));
  const col = block.cols.collaborators! + 1;
  const idKey = tg.key === 'overview' ? 'taskId' : 'subtaskId';
  block.values.slice(1).forEach((r, i) => {
    const unknown = splitPeople(r[col - 1]).filter((n) => !names.has(n));
    const text = unknown.length ? t('edit.unknownPeople', tg.locale, { names: unknown.join('、') }) : '';
    tg.sheet.getRange(tg.r1 + i, col).setNote(text && rowNote(r[block.cols[idKey]!], text));
  });
}

const GUARDED: Partial<Record<SheetKey, string[]>> = {
  overview: ['taskId', 'initiator', 'owner', 'status', 'completedOn'],
  progress: ['subtaskId', 'taskId', 'owner'],
};

/**
 * Installable edit trigger (runs as the admin who installed it): restores guarded cells the editor could not have
 * changed through the sidebar — pastes included, from the row's guard value — and notes why; flags malformed and
 * duplicate IDs; records changes by an unknown identity in the Sync Log; copies review reports' retrospectives to 备注.
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
  if (!GUARDED[tg.key]!.some((k) => edited.has(k))) return;
  const ss = e.source;
  const members = teamOf(ss, tg.locale);
  const email = editorEmail(e);
  const actor: Actor = { email, member: members.find((m) => m.email === email) ?? null };
  const now = Date.now();
  const offset = offsetsFor(ss.getSpreadsheetTimeZone(), now);
  const single = tg.r1 === tg.r2 && tg.c1 === tg.c2 && e.oldValue !== undefined ? String(e.oldValue) : null;
  const idKey = tg.key === 'overview' ? 'taskId' : 'subtaskId';
  const idNotes = edited.has(idKey) ? idProblems(tg, block, idKey) : [];
  const unknownChanges: string[] = [];
  // Every row is reviewed before the first write, so a read a review needs never follows a write.
  const writes: RowWrite[] = [];
  if (tg.key === 'overview') {
    const tasks = readTasks(block.values, block.cols, { locale: tg.locale, offset }).map((x) => ({
      ...x,
      row: x.row + tg.r1 - 2,
    }));
    let subtasks: SubtaskRecord[] | null = null;
    const subtasksOf = (taskId: string) => {
      subtasks ??= readRecords(ss, 'progress', tg.locale, offset, readSubtasks);
      return subtasks.filter((x) => x.taskId === taskId);
    };
    for (const task of tasks)
      writes.push(guardTaskRow(tg, actor, task, single, edited, { now, offset }, subtasksOf, unknownChanges));
  } else {
    const subs = readSubtasks(block.values, block.cols, { locale: tg.locale, offset }).map((x) => ({
      ...x,
      row: x.row + tg.r1 - 2,
    }));
    const tasks = new Map(readRecords(ss, 'overview', tg.locale, offset, readTasks).map((x) => [x.id, x]));
    for (const sub of subs)
      writes.push(
        guardSubtaskRow(tg, actor, sub, tasks.get(sub.taskId) ?? null, single, edited, unknownChanges),
      );
  }
  for (const w of writes) writeRow(tg, block, w);
  for (const n of idNotes) tg.sheet.getRange(n.row, block.cols[idKey]! + 1).setNote(n.text);
  if (unknownChanges.length) recordUnknown(ss, tg.locale, now, unknownChanges);
}

/** The records of a whole template sheet (one read), or none when the sheet is missing. */
function readRecords<T>(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: 'overview' | 'progress',
  locale: Locale,
  offset: OffsetFn,
  read: (values: unknown[][], cols: Columns, ctx: { locale: Locale; offset: OffsetFn }) => T[],
): T[] {
  const sheet = ss.getSheetByName(sheetName(key, locale));
  if (!sheet) return [];
  const values = allValues(sheet);
  return read(values, findColumns(key, locale, values[0] ?? []), { locale, offset });
}

/** What a reviewed row needs written: restored cells and the guard, with a note on each restored cell. */
interface RowWrite {
  row: number;
  changes: Record<string, unknown>;
  reverts: Revert[];
}

/** The guard as it stood: the stored value, or for a one-cell edit of a row without one, the row with the old value. */
function beforeOf<T extends TaskGuard | SubtaskGuard>(
  stored: T | null,
  current: T,
  key: string | null,
  oldValue: string | null,
): T | null {
  if (stored) return stored;
  if (key === null || oldValue === undefined || !(key in current)) return null;
  return { ...current, [key]: oldValue };
}

function guardTaskRow(
  tg: Target,
  actor: Actor,
  task: TaskRecord,
  oldValue: string | null,
  edited: Set<string>,
  clock: { now: number; offset: OffsetFn },
  subtasksOf: (taskId: string) => SubtaskRecord[],
  unknownChanges: string[],
): RowWrite {
  const current: TaskGuard = {
    id: task.id,
    initiator: task.initiator,
    owner: task.owner,
    status: task.status,
    completedOn: task.completedOn,
  };
  const singleKey = oldValue === null ? null : ([...edited][0] ?? null);
  const old = singleKey === 'status' && oldValue !== null ? Status.parse(oldValue, tg.locale) : oldValue;
  const before = beforeOf(
    decodeTaskGuard(task.guard),
    current,
    singleKey === 'taskId' ? 'id' : singleKey,
    old,
  );
  if (!before) return { row: task.row, changes: { guard: encodeTaskGuard(current) }, reverts: [] };
  const after: TaskRecord = edited.has('completedOn') ? task : { ...task, completedOn: before.completedOn };
  const today = ymdOf(clock.now, clock.offset);
  const review = reviewTaskEdit(actor, tg.locale, today, before, after, () => subtasksOf(task.id));
  const changes: Record<string, unknown> = {};
  for (const r of review.reverts) changes[r.key] = r.value;
  if (review.stampCompleted) {
    changes.completedOn = new Date(clock.now);
    review.guard.completedOn = ymdOf(clock.now, clock.offset);
  }
  changes.guard = encodeTaskGuard(review.guard);
  for (const c of review.changedByUnknown) unknownChanges.push(`${task.id} ${c.key}=${c.value}`);
  return { row: task.row, changes, reverts: review.reverts };
}

function guardSubtaskRow(
  tg: Target,
  actor: Actor,
  sub: SubtaskRecord,
  task: TaskRecord | null,
  oldValue: string | null,
  edited: Set<string>,
  unknownChanges: string[],
): RowWrite {
  const current: SubtaskGuard = { id: sub.id, taskId: sub.taskId, owner: sub.owner };
  const singleKey = oldValue === null ? null : ([...edited][0] ?? null);
  const before = beforeOf(
    decodeSubtaskGuard(sub.guard),
    current,
    singleKey === 'subtaskId' ? 'id' : singleKey,
    oldValue,
  );
  if (!before) return { row: sub.row, changes: { guard: encodeSubtaskGuard(current) }, reverts: [] };
  const review = reviewSubtaskEdit(actor, tg.locale, before, sub, task);
  const changes: Record<string, unknown> = { guard: encodeSubtaskGuard(review.guard) };
  for (const r of review.reverts) changes[r.key] = r.value;
  for (const c of review.changedByUnknown) unknownChanges.push(`${sub.id} ${c.key}=${c.value}`);
  return { row: sub.row, changes, reverts: review.reverts };
}

/** Writes a row's restored cells and guard in one span (only if something differs), and a note on each restored cell. */
function writeRow(tg: Target, block: Block, { row, changes, reverts }: RowWrite): void {
  const current = block.values[row - tg.r1 + 1]!;
  const differs = Object.entries(changes).some(
    ([k, v]) => String(current[block.cols[k]!] ?? '') !== String(v ?? ''),
  );
  if (differs) {
    const at = Object.keys(changes).map((k) => block.cols[k]!);
    const first = Math.min(...at);
    const span = current.slice(first, Math.max(...at) + 1).map((v) => v);
    for (const [k, v] of Object.entries(changes)) span[block.cols[k]! - first] = v;
    tg.sheet.getRange(row, first + 1, 1, span.length).setValues([span]);
  }
  const id = current[block.cols[tg.key === 'overview' ? 'taskId' : 'subtaskId']!];
  for (const r of reverts) tg.sheet.getRange(row, block.cols[r.key]! + 1).setNote(rowNote(id, r.note));
}

/** Notes name the row they are about, so one that ends up elsewhere (rows closed up by the archive) still reads right. */
function rowNote(id: unknown, text: string): string {
  const label = String(id ?? '').trim();
  return label ? `[${label}] ${text}` : text;
}

/**
 * Notes for new rows (no guard yet) whose typed ID is malformed or already used by another row; rows with a guard
 * get their ID restored instead. Reads the ID column before any write.
 */
function idProblems(tg: Target, block: Block, key: string): { row: number; text: string }[] {
  const at = block.cols[key]!;
  const fresh = block.values
    .slice(1)
    .map((r, i) => ({
      row: tg.r1 + i,
      id: String(r[at] ?? '').trim(),
      guard: String(r[block.cols.guard!] ?? ''),
    }))
    .filter((x) => x.id !== '' && x.guard === '');
  if (fresh.length === 0) return [];
  const all = tg.sheet
    .getRange(`${columnLetter(at + 1)}2:${columnLetter(at + 1)}`)
    .getValues()
    .map((r) => String(r[0] ?? '').trim());
  const valid = tg.key === 'overview' ? parseTaskId : parseSubtaskId;
  return fresh.flatMap(({ row, id }) => {
    const twin = all.findIndex((x, i) => x === id && i !== row - 2);
    if (!valid(id)) return [{ row, text: t('edit.badId', tg.locale, { id }) }];
    if (twin >= 0) return [{ row, text: t('edit.duplicateId', tg.locale, { id, row: String(twin + 2) }) }];
    return [];
  });
}
