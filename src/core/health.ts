// The data health check (数据检查): re-validates every live row — IDs, links, people, list values, dates, guards.
import { cellText, cellYmd, isBlankRow, isDate, type OffsetFn } from './dates';
import { ENUMS, Status } from './enums';
import { decodeSubtaskGuard, decodeTaskGuard } from './guard';
import { emptyText, type FindingKind, type FixKey, fixText, problemText } from './health-texts';
import { parentOf, parseSubtaskId, parseTaskId } from './ids';
import { columnLetter } from './letters';
import { type Bilingual, type Locale, pick } from './locale';
import type { Columns } from './records';
import { type ColumnDef, sheetDef, sheetName, splitPeople } from './templates';

/** The report sheet the check writes (created on demand). */
export const HEALTH_SHEET_NAME: Bilingual = { zh: '数据检查', en: 'Data Health' };

export interface Finding {
  kind: FindingKind;
  sheet: string;
  /** The cell or range with its sheet, in A1 notation: `部门任务总览表!D7`, `'Task Overview'!H2:H9`. */
  cell: string;
  /** The row's task or subtask ID (a sync record's task), '' when it has none. */
  rowId: string;
  problem: string;
  suggestedFix: string;
}

export type LiveKey = 'overview' | 'progress' | 'sync';

export interface SheetValues {
  /** Header first: sheet row r is values[r - 1]. */
  values: unknown[][];
  cols: Columns;
}

interface RowCheckInput {
  locale: Locale;
  offset: OffsetFn;
  /** Team names, or null when the Team sheet could not be read (people are then not looked up). */
  members: ReadonlySet<string> | null;
  /** Each sheet's values, or null when it is missing or its header is damaged (reported as structure). */
  sheets: Record<LiveKey, SheetValues | null>;
}

/** A sheet name as A1 notation wants it: quoted unless it is letters, digits and underscores only. */
export function sheetRef(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `部门任务总览表!D7` for a 1-based row and column. */
function cellA1(sheet: string, row: number, col: number): string {
  return `${sheetRef(sheet)}!${columnLetter(col)}${row}`;
}

/** Cells that must not be empty (IDs, names, people who carry a task, its status, a record's topic and content). */
const REQUIRED: Record<LiveKey, ReadonlySet<string>> = {
  overview: new Set(['taskId', 'name', 'initiator', 'owner', 'status']),
  progress: new Set(['subtaskId', 'taskId', 'name', 'owner']),
  sync: new Set(['topic', 'content']),
};

interface Problem {
  kind: FindingKind;
  params: Record<string, string | number>;
  fix: FixKey;
  fixParams?: Record<string, string | number>;
}

/** Collects one sheet's findings, at most one per cell (the first, most specific, wins). */
class SheetFindings {
  readonly name: string;
  private readonly columns: Map<string, ColumnDef>;
  private readonly found = new Map<string, { row: number; col: number; finding: Finding }>();

  constructor(
    readonly key: LiveKey,
    readonly cols: Columns,
    readonly locale: Locale,
  ) {
    this.name = sheetName(key, locale);
    this.columns = new Map(sheetDef(key).columns.map((c) => [c.key, c]));
  }

  has(key: string, row: number): boolean {
    return this.found.has(`${row}:${key}`);
  }

  add(key: string, row: number, rowId: string, p: Problem): void {
    if (this.has(key, row)) return;
    const col = this.cols[key]! + 1;
    const params = { column: pick(this.columns.get(key)!.header, this.locale), ...p.params };
    const finding: Finding = {
      kind: p.kind,
      sheet: this.name,
      cell: cellA1(this.name, row, col),
      rowId,
      problem: problemText(p.kind, this.locale, params),
      suggestedFix: fixText(p.fix, this.locale, { ...params, ...p.fixParams }),
    };
    this.found.set(`${row}:${key}`, { row, col, finding });
  }

  /** The findings in reading order: row by row, left to right. */
  list(): Finding[] {
    return [...this.found.values()].sort((a, b) => a.row - b.row || a.col - b.col).map((x) => x.finding);
  }
}

/** What is wrong with one cell on its own, by its column's type; null when nothing is. */
function cellProblem(
  column: ColumnDef,
  raw: unknown,
  required: boolean,
  members: ReadonlySet<string> | null,
  locale: Locale,
): Problem | null {
  const value = cellText(raw);
  const params = { value };
  if (value === '') {
    if (!required) return null;
    const fix: FixKey =
      column.type === 'member'
        ? 'choosePerson'
        : column.type === 'enum'
          ? 'chooseValue'
          : column.type === 'taskId' || column.type === 'subtaskId'
            ? 'newId'
            : 'fillIn';
    return { kind: 'required', params, fix, fixParams: optionsOf(column, locale) };
  }
  const unknownPeople = (names: string[]) => (members ? names.filter((n) => !members.has(n)) : []);
  switch (column.type) {
    case 'taskId':
    case 'taskRef':
      return parseTaskId(value) ? null : { kind: 'idFormat', params, fix: 'idFormat' };
    case 'subtaskId':
      return parseSubtaskId(value) ? null : { kind: 'idFormat', params, fix: 'idFormat' };
    case 'member': {
      const names = splitPeople(value);
      if (names.length > 1)
        return { kind: 'personCount', params: { value, count: names.length }, fix: 'onePerson' };
      const unknown = unknownPeople(names);
      return unknown.length
        ? { kind: 'notOnTeam', params: { names: unknown.join('、') }, fix: 'teamName' }
        : null;
    }
    case 'members': {
      const unknown = unknownPeople(splitPeople(value));
      return unknown.length
        ? { kind: 'notOnTeam', params: { names: unknown.join('、') }, fix: 'teamName' }
        : null;
    }
    case 'enum':
      return ENUMS[column.enumKey!].parse(value, locale)
        ? null
        : { kind: 'enumValue', params, fix: 'chooseValue', fixParams: optionsOf(column, locale) };
    case 'date':
    case 'datetime':
      return isDate(raw) ? null : { kind: 'dateValue', params, fix: 'date' };
    case 'percent':
      return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 100
        ? null
        : { kind: 'progressValue', params, fix: 'progress' };
    default:
      return null;
  }
}

function optionsOf(column: ColumnDef, locale: Locale): Record<string, string> {
  return column.enumKey ? { options: ENUMS[column.enumKey].labels(locale).join(' / ') } : {};
}

/** The guarded cells' last accepted values (from the row's 守护值), as the sheet shows them; null without a guard. */
function guardedValues(key: LiveKey, guard: string, locale: Locale): Record<string, string> | null {
  if (key === 'overview') {
    const g = decodeTaskGuard(guard);
    if (!g) return null;
    const status = g.status ? Status.label(g.status, locale) : '';
    return { taskId: g.id, initiator: g.initiator, owner: g.owner, status, completedOn: g.completedOn ?? '' };
  }
  if (key === 'progress') {
    const g = decodeSubtaskGuard(guard);
    return g ? { subtaskId: g.id, taskId: g.taskId, owner: g.owner } : null;
  }
  return null;
}

interface CellVisit {
  column: ColumnDef;
  raw: unknown;
  /** 1-based sheet row. */
  at: number;
  rowId: string;
  /** The value as the sheet shows it (dates as yyyy-MM-dd). */
  shown: string;
  /** What the row's guard last recorded for a guarded cell; undefined when there is none. */
  expected: string | undefined;
}

/** Visits every template cell of every data row (blank rows skipped; the guard column itself is not a cell to check). */
function eachCell(
  f: SheetFindings,
  values: unknown[][],
  offset: OffsetFn,
  visit: (c: CellVisit) => void,
): void {
  const { cols, key, locale } = f;
  const columns = sheetDef(key).columns.filter((c) => c.type !== 'guard');
  values.forEach((row, i) => {
    if (i === 0 || isBlankRow(row)) return;
    const rowId = rowIdOf(key, row, cols);
    const guard = cols.guard === undefined ? null : guardedValues(key, cellText(row[cols.guard]), locale);
    for (const column of columns) {
      const raw = row[cols[column.key]!];
      const shown = column.type === 'date' ? (cellYmd(raw, offset) ?? cellText(raw)) : cellText(raw);
      visit({ column, raw, at: i + 1, rowId, shown, expected: guard?.[column.key] });
    }
  });
}

/** Each cell on its own, by its column's type; where the guard remembers another value, the fix is to restore it. */
function checkValues(f: SheetFindings, values: unknown[][], input: RowCheckInput): void {
  eachCell(f, values, input.offset, ({ column, raw, at, rowId, shown, expected }) => {
    const problem = cellProblem(column, raw, REQUIRED[f.key].has(column.key), input.members, f.locale);
    if (!problem) return;
    const restore = expected !== undefined && expected !== '' && expected !== shown;
    f.add(column.key, at, rowId, restore ? { ...problem, fix: 'restore', fixParams: { expected } } : problem);
  });
}

/** Guarded cells that differ from the row's guard and have no other finding: a change that bypassed the checks. */
function checkGuards(f: SheetFindings, values: unknown[][], offset: OffsetFn): void {
  const shownOrEmpty = (v: string) => v || emptyText(f.locale);
  eachCell(f, values, offset, ({ column, at, rowId, shown, expected }) => {
    if (expected === undefined || expected === shown) return;
    f.add(column.key, at, rowId, {
      kind: 'guardMismatch',
      params: { value: shownOrEmpty(shown), expected: shownOrEmpty(expected) },
      fix: 'restoreOrSidebar',
      fixParams: { expected: shownOrEmpty(expected) },
    });
  });
}

function rowIdOf(key: LiveKey, row: unknown[], cols: Columns): string {
  return cellText(row[cols[key === 'progress' ? 'subtaskId' : 'taskId']!]);
}

/** Rows after the first with the same ID in `idKey`. */
function checkUnique(f: SheetFindings, values: unknown[][], idKey: string): void {
  const first = new Map<string, number>();
  values.forEach((row, i) => {
    const id = cellText(row[f.cols[idKey]!]);
    if (i === 0 || id === '' || f.has(idKey, i + 1)) return;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i + 1);
    else
      f.add(idKey, i + 1, id, { kind: 'idDuplicate', params: { value: id, row: earlier }, fix: 'duplicate' });
  });
}

/** The task IDs the overview holds (valid ones only). */
function taskIdsOf(sheet: SheetValues): Set<string> {
  return new Set(
    sheet.values
      .slice(1)
      .map((r) => cellText(r[sheet.cols.taskId!]))
      .filter((id) => parseTaskId(id) !== null),
  );
}

/** Each subtask's task exists and is the one its ID belongs to. */
function checkParents(
  f: SheetFindings,
  values: unknown[][],
  tasks: Set<string> | null,
  locale: Locale,
): void {
  const overview = sheetName('overview', locale);
  values.forEach((row, i) => {
    const at = i + 1;
    if (i === 0 || isBlankRow(row) || f.has('taskId', at)) return;
    const taskId = cellText(row[f.cols.taskId!]);
    const subtaskId = cellText(row[f.cols.subtaskId!]);
    const parent = parseSubtaskId(subtaskId) ? parentOf(subtaskId) : null;
    const fixParent = parent && tasks?.has(parent) ? parent : null;
    if (tasks && !tasks.has(taskId)) {
      const params = { value: taskId, overview };
      f.add(
        'taskId',
        at,
        subtaskId,
        fixParent
          ? { kind: 'unknownTask', params, fix: 'fillParent', fixParams: { task: fixParent } }
          : { kind: 'unknownTask', params, fix: 'existingTask' },
      );
    } else if (parent && parent !== taskId) {
      f.add('taskId', at, subtaskId, {
        kind: 'parentMismatch',
        params: { value: subtaskId, task: taskId },
        fix: 'fillParent',
        fixParams: { task: parent },
      });
    }
  });
}

/** Rows whose task ID (when given) is not in `known` and has no finding yet: each gets the problem `p` makes. */
function flagTaskIds(
  f: SheetFindings,
  values: unknown[][],
  known: ReadonlySet<string>,
  p: (id: string) => Problem,
): void {
  values.forEach((row, i) => {
    const id = cellText(row[f.cols.taskId!]);
    if (i === 0 || id === '' || f.has('taskId', i + 1) || known.has(id)) return;
    f.add('taskId', i + 1, id, p(id));
  });
}

/** A Sync Log record's task, when given, is a live task. */
function checkSyncTasks(f: SheetFindings, values: unknown[][], tasks: Set<string>, locale: Locale): void {
  const overview = sheetName('overview', locale);
  flagTaskIds(f, values, tasks, (id) => ({
    kind: 'unknownTask',
    params: { value: id, overview },
    fix: 'existingTask',
  }));
}

/** Every task has at least one subtask row. */
function checkHasSubtasks(
  f: SheetFindings,
  values: unknown[][],
  progress: SheetValues,
  locale: Locale,
): void {
  const parents = new Set(progress.values.slice(1).map((r) => cellText(r[progress.cols.taskId!])));
  const name = sheetName('progress', locale);
  flagTaskIds(f, values, parents, (id) => ({
    kind: 'noSubtask',
    params: { value: id, progress: name },
    fix: 'addSubtask',
  }));
}

/** Every finding about the rows of the overview, the progress tracker and the sync log, sheet by sheet. */
export function checkRows(input: RowCheckInput): Finding[] {
  const { overview, progress, sync } = input.sheets;
  const { locale } = input;
  const tasks = overview ? taskIdsOf(overview) : null;
  const out: Finding[] = [];
  if (overview) {
    const f = new SheetFindings('overview', overview.cols, locale);
    checkValues(f, overview.values, input);
    checkUnique(f, overview.values, 'taskId');
    if (progress) checkHasSubtasks(f, overview.values, progress, locale);
    checkGuards(f, overview.values, input.offset);
    out.push(...f.list());
  }
  if (progress) {
    const f = new SheetFindings('progress', progress.cols, locale);
    checkValues(f, progress.values, input);
    checkUnique(f, progress.values, 'subtaskId');
    checkParents(f, progress.values, tasks, locale);
    checkGuards(f, progress.values, input.offset);
    out.push(...f.list());
  }
  if (sync) {
    const f = new SheetFindings('sync', sync.cols, locale);
    checkValues(f, sync.values, input);
    if (tasks) checkSyncTasks(f, sync.values, tasks, locale);
    out.push(...f.list());
  }
  return out;
}
