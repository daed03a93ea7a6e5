// Acceptance: after a generated month through dist/Code.js, every figure of 看板 and of the 复盘 reports matches an independent computation.
import { isWorkday } from 'chinese-days';
import { beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../emulator/world';
import {
  ADMIN_EMAIL,
  addDays,
  CALENDAR_WINDOW,
  generateMonth,
  isWorkingDay,
  type Month,
  REPORT_DAY,
  REPORT_TIME,
} from '../helpers/month';

// ---------------------------------------------------------------------------------------------------------------
// Reading the raw cells: dates are {d: serial days} in the spreadsheet's wall time (Asia/Shanghai).

const DAY_MS = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const TODAY = REPORT_DAY;
const NOW_WALL = Date.parse(`${REPORT_TIME.replace(' ', 'T')}:00Z`);

/** Wall-clock milliseconds (fields read as UTC) of a date cell, or null. */
function wallOf(v: unknown): number | null {
  if (v && typeof v === 'object' && 'd' in v && typeof (v as { d: unknown }).d === 'number')
    return Math.round((v as { d: number }).d * DAY_MS) + SERIAL_EPOCH;
  return null;
}
const dayOfWall = (wall: number) => new Date(wall).toISOString().slice(0, 10);
const minuteOfWall = (wall: number) => Math.floor((wall % DAY_MS) / 60_000);

/** A date cell or a `yyyy-MM-dd` text as `yyyy-MM-dd`, else null. */
function ymdOf(v: unknown): string | null {
  const wall = wallOf(v);
  if (wall !== null) return dayOfWall(wall);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return v.trim();
  return null;
}
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const isBlank = (row: unknown[]) => row.every((v) => text(v) === '');

function rowsOf(world: World, name: string): unknown[][] {
  const sheet = world.spreadsheet.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.rows;
}

/** Data rows of a table sheet by header text, with their 1-based sheet rows; blank rows skipped. */
function table(world: World, name: string): { row: number; get: (header: string) => unknown }[] {
  const [header = [], ...rows] = rowsOf(world, name);
  const cols = header.map(text);
  return rows.flatMap((r, i) =>
    isBlank(r)
      ? []
      : [
          {
            row: i + 2,
            get: (h: string) => {
              const at = cols.indexOf(h);
              if (at < 0) throw new Error(`${name} has no column ${h}`);
              return r[at];
            },
          },
        ],
  );
}

interface Task {
  id: string;
  name: string;
  initiator: string;
  owner: string;
  type: string;
  priority: string;
  due: string | null;
  status: string;
  completedOn: string | null;
  /** The creation date the product keeps in the hidden guard column (7th field), when the row has one. */
  created: string | null;
  /** The day the generator created the task (its own record, independent of the product), for generated tasks. */
  generatedOn: string | null;
  archived: boolean;
}
interface Subtask {
  id: string;
  taskId: string;
  owner: string;
  progress: number | null;
  blockers: string;
  updatedOn: string | null;
  updatedWall: number | null;
}
interface SyncRecord {
  row: number;
  date: string | null;
  topic: string;
  content: string;
  raisedBy: string;
  taskId: string;
  kind: string;
  archived: boolean;
}
interface LogEntry {
  wall: number;
  day: string;
  minute: number;
  subtaskId: string;
  taskId: string;
  progress: number | null;
  blockers: string;
  author: string;
}

/** The guard is a JSON array [id, initiator, owner, status, completedOn, since, created]. */
function createdOf(guard: unknown): string | null {
  try {
    const a = JSON.parse(String(guard ?? ''));
    return Array.isArray(a) && typeof a[6] === 'string' && a[6] !== '' ? a[6] : null;
  } catch {
    return null;
  }
}

const readTasks = (
  world: World,
  name: string,
  archived: boolean,
  generatedOn: Record<string, string>,
): Task[] =>
  table(world, name).map((r) => ({
    id: text(r.get('任务ID')),
    name: text(r.get('任务名称')),
    initiator: text(r.get('发起人')),
    owner: text(r.get('负责人')),
    type: text(r.get('任务类型')),
    priority: text(r.get('优先级')),
    due: ymdOf(r.get('预期完成时间')),
    status: text(r.get('当前状态')),
    completedOn: ymdOf(r.get('完成日期')),
    created: createdOf(r.get('守护值')),
    generatedOn: generatedOn[text(r.get('任务ID'))] ?? null,
    archived,
  }));

const readSubtasks = (world: World, name: string): Subtask[] =>
  table(world, name).map((r) => {
    const progress = r.get('今日进度(%)');
    return {
      id: text(r.get('子任务ID')),
      taskId: text(r.get('所属主任务ID')),
      owner: text(r.get('负责人')),
      progress: typeof progress === 'number' ? progress : null,
      blockers: text(r.get('遇到的问题及所需支持')),
      updatedOn: ymdOf(r.get('更新日期')),
      updatedWall: wallOf(r.get('更新日期')),
    };
  });

const readSync = (world: World, name: string, archived: boolean): SyncRecord[] =>
  table(world, name).map((r) => ({
    row: r.row,
    date: ymdOf(r.get('同步日期')),
    topic: text(r.get('同步主题')),
    content: text(r.get('同步内容(进展/问题/决议)')),
    raisedBy: text(r.get('同步发起人')),
    taskId: text(r.get('关联任务ID')),
    kind: text(r.get('记录类型')),
    archived,
  }));

const readLog = (world: World): LogEntry[] =>
  table(world, '进度日志').flatMap((r) => {
    const wall = wallOf(r.get('时间'));
    if (wall === null) return [];
    const progress = r.get('进度(%)');
    return [
      {
        wall,
        day: dayOfWall(wall),
        minute: minuteOfWall(wall),
        subtaskId: text(r.get('子任务ID')),
        taskId: text(r.get('所属主任务ID')),
        progress: typeof progress === 'number' ? progress : null,
        blockers: text(r.get('遇到的问题及所需支持')),
        author: text(r.get('更新人')),
      },
    ];
  });

interface Workbook {
  live: { tasks: Task[]; subtasks: Subtask[]; sync: SyncRecord[] };
  all: { tasks: Task[]; subtasks: Subtask[]; sync: SyncRecord[] };
  log: LogEntry[];
  team: { name: string; email: string }[];
}

function readWorkbook(world: World, generatedOn: Record<string, string>): Workbook {
  const live = {
    tasks: readTasks(world, '部门任务总览表', false, generatedOn),
    subtasks: readSubtasks(world, '任务执行进度跟踪表'),
    sync: readSync(world, '信息同步共享记录表', false),
  };
  const archived = {
    tasks: readTasks(world, '归档-部门任务总览表', true, generatedOn),
    subtasks: readSubtasks(world, '归档-任务执行进度跟踪表'),
    sync: readSync(world, '归档-信息同步共享记录表', true),
  };
  return {
    live,
    all: {
      tasks: [...live.tasks, ...archived.tasks],
      subtasks: [...live.subtasks, ...archived.subtasks],
      sync: [...live.sync, ...archived.sync],
    },
    log: readLog(world),
    team: table(world, '成员').map((r) => ({ name: text(r.get('姓名')), email: text(r.get('邮箱')) })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Working days (China: National Day holiday and 调休), from the helper's explicit list.

function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}
function addWorkingDays(from: string, n: number): string {
  let d = from;
  for (let i = 0; i < n; i++) {
    d = addDays(d, 1);
    while (!isWorkingDay(d)) d = addDays(d, 1);
  }
  return d;
}

// ---------------------------------------------------------------------------------------------------------------
// The dashboard's rules, computed plainly.

const STATUSES = ['未开始', '进行中', '待验收', '已完成', '已取消'];
const TYPES = ['专项任务', '常规任务', '紧急任务'];
const PRIORITIES = ['高', '中', '低'];
const ACTIVE = new Set(['未开始', '进行中']);
const NOT_OVERDUE = new Set(['待验收', '已完成', '已取消']);

const isOverdue = (t: Task, today: string) => t.due !== null && t.due < today && !NOT_OVERDUE.has(t.status);

interface OwnerRow {
  owner: string;
  open: number;
  overdue: number;
  notUpdated: number;
}

function expectedDashboard(wb: Workbook) {
  const { tasks, subtasks, sync } = wb.live;
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const activeTask = (id: string) => {
    const t = taskById.get(id);
    return t !== undefined && ACTIVE.has(t.status);
  };
  const openSubtasks = subtasks.filter((s) => activeTask(s.taskId) && s.progress !== 100);
  const dueSoonLast = addWorkingDays(TODAY, 2);

  // Problems waiting more than 24 h: a subtask's current blockers, or a 问题 record, not answered by someone else.
  let problemsOver24h = 0;
  const hours = (sinceWall: number) => Math.max(0, Math.floor((NOW_WALL - sinceWall) / 3_600_000));
  for (const s of subtasks) {
    if (!s.blockers || !activeTask(s.taskId)) continue;
    const entries = wb.log.filter((e) => e.subtaskId === s.id).sort((a, b) => a.wall - b.wall);
    let since: number | null = null;
    for (let i = entries.length - 1; i >= 0 && entries[i]!.blockers === s.blockers; i--)
      since = entries[i]!.wall;
    since ??= s.updatedWall;
    if (since === null) continue;
    const sinceDay = dayOfWall(since);
    const answered = sync.some(
      (r) => r.taskId === s.taskId && r.raisedBy !== s.owner && r.date !== null && r.date >= sinceDay,
    );
    if (!answered && hours(since) > 24) problemsOver24h++;
  }
  for (const p of sync) {
    if (p.kind !== '问题' || p.date === null || !activeTask(p.taskId)) continue;
    const answered = sync.some(
      (r) =>
        r.taskId === p.taskId &&
        r.raisedBy !== p.raisedBy &&
        r.date !== null &&
        r.date >= p.date! &&
        r.row > p.row,
    );
    // A record has a date but no time: raised at the end of its day.
    const since = Date.parse(`${addDays(p.date, 1)}T00:00:00Z`);
    if (!answered && hours(since) > 24) problemsOver24h++;
  }

  const headline: Record<string, number> = {
    '进行中的任务(未开始+进行中)': tasks.filter((t) => ACTIVE.has(t.status)).length,
    逾期任务: tasks.filter((t) => isOverdue(t, TODAY)).length,
    即将到期: tasks.filter(
      (t) => ACTIVE.has(t.status) && t.due !== null && t.due >= TODAY && t.due <= dueSoonLast,
    ).length,
    待验收: tasks.filter((t) => t.status === '待验收').length,
    '超过 24 小时未响应的问题': problemsOver24h,
    今日未更新的子任务: openSubtasks.filter((s) => s.updatedOn !== TODAY).length,
  };

  const owners = new Map<string, OwnerRow>();
  for (const s of openSubtasks) {
    const o = owners.get(s.owner) ?? { owner: s.owner, open: 0, overdue: 0, notUpdated: 0 };
    o.open++;
    if (isOverdue(taskById.get(s.taskId)!, TODAY)) o.overdue++;
    if (s.updatedOn !== TODAY) o.notUpdated++;
    owners.set(s.owner, o);
  }
  const ownerRows = [...owners.values()].sort(
    (a, b) => b.open - a.open || b.overdue - a.overdue || (a.owner < b.owner ? -1 : 1),
  );

  const statusTable = (key: 'type' | 'priority', labels: string[]) =>
    Object.fromEntries(
      labels.map((label) => [
        label,
        Object.fromEntries(
          STATUSES.map((s) => [s, tasks.filter((t) => t[key] === label && t.status === s).length]),
        ),
      ]),
    );

  const trend = Array.from({ length: 14 }, (_, i) => {
    const day = addDays(TODAY, i - 13);
    const entries = wb.log.filter((e) => e.day === day);
    const withProgress = entries.filter((e) => e.progress !== null);
    const average = withProgress.length
      ? Math.round(withProgress.reduce((sum, e) => sum + e.progress!, 0) / withProgress.length)
      : null;
    return { day, updates: entries.length, average };
  });

  return {
    headline,
    owners: ownerRows,
    byType: statusTable('type', TYPES),
    byPriority: statusTable('priority', PRIORITIES),
    trend,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The review's rules, computed plainly (live and archived rows together; the Progress Log is never archived).

interface Problem {
  taskId: string;
  subtaskId: string;
  text: string;
  raisedBy: string;
  raisedOn: string;
  answeredOn: string | null;
  days: number | null;
}

function expectedReview(wb: Workbook, from: string, to: string) {
  const { tasks, subtasks, sync } = wb.all;
  const inPeriod = (d: string | null) => d !== null && d >= from && d <= to;
  const firstLogDay = new Map<string, string>();
  for (const e of wb.log) {
    const prev = firstLogDay.get(e.taskId);
    if (prev === undefined || e.day < prev) firstLogDay.set(e.taskId, e.day);
  }
  const closedBy = (t: Task) =>
    (t.status === '已完成' || t.status === '已取消') && t.completedOn !== null && t.completedOn <= to;
  // Open at the end of the period: not closed by then. Cancelling after the period does not reach back into it.
  const openAtEnd = (t: Task) => !closedBy(t) && !(t.status === '已取消' && t.completedOn === null);
  // Existed by the end of the period: created by then (the generator's own record); the sample's rows, typed in,
  // count when updated by then or due on or after the period's start.
  const existedBy = (t: Task) =>
    t.generatedOn !== null
      ? t.generatedOn <= to
      : (firstLogDay.get(t.id) ?? '9999') <= to || (t.due !== null && t.due >= from);

  const completed = tasks.filter((t) => t.status === '已完成' && inPeriod(t.completedOn));
  const started = tasks.filter((t) => inPeriod(firstLogDay.get(t.id) ?? null));
  // Overdue in the period: due in it and already missed — by the end of the period, or by today while the period
  // runs — and not closed by the end of the period.
  const lastMissed = to < TODAY ? to : addDays(TODAY, -1);
  const overdue = tasks.filter((t) => t.due !== null && t.due >= from && t.due <= lastMissed && openAtEnd(t));
  const carriedOver = tasks.filter((t) => openAtEnd(t) && existedBy(t));

  // Problems: each new blocker text in a subtask's log, and each 问题 record on a task; answered by the first later
  // record on the task by someone else. A 问题 record's answer was written after it: further down its own sheet, or
  // in the live sheet when it is archived (the archive's records were written before the live ones; row numbers of
  // different sheets say nothing). Records without a task neither raise nor answer problems.
  const ownerOf = new Map(subtasks.map((s) => [s.id, s.owner]));
  const writtenAfter = (r: SyncRecord, problem: SyncRecord | null) =>
    problem === null || (r.archived === problem.archived ? r.row > problem.row : problem.archived);
  const answer = (taskId: string, raisedBy: string, raisedOn: string, problem: SyncRecord | null) => {
    const dates = sync
      .filter(
        (r) =>
          taskId !== '' &&
          r.taskId === taskId &&
          r.raisedBy !== raisedBy &&
          r.date !== null &&
          r.date >= raisedOn &&
          writtenAfter(r, problem),
      )
      .map((r) => r.date!)
      .sort();
    const first = dates[0] ?? null;
    return { answeredOn: first, days: first === null ? null : workingDaysBetween(raisedOn, first) };
  };
  const problems: Problem[] = [];
  const subtaskIds = [...new Set(wb.log.map((e) => e.subtaskId))];
  for (const id of subtaskIds) {
    let previous = '';
    for (const e of wb.log.filter((x) => x.subtaskId === id).sort((a, b) => a.wall - b.wall)) {
      if (e.blockers && e.blockers !== previous && inPeriod(e.day)) {
        const raisedBy = ownerOf.get(id) ?? e.author;
        problems.push({
          taskId: e.taskId,
          subtaskId: id,
          text: e.blockers,
          raisedBy,
          raisedOn: e.day,
          ...answer(e.taskId, raisedBy, e.day, null),
        });
      }
      previous = e.blockers;
    }
  }
  for (const r of sync) {
    if (r.kind !== '问题' || r.taskId === '' || !inPeriod(r.date)) continue;
    problems.push({
      taskId: r.taskId,
      subtaskId: '',
      text: r.content,
      raisedBy: r.raisedBy,
      raisedOn: r.date!,
      ...answer(r.taskId, r.raisedBy, r.date!, r),
    });
  }

  // Discipline: per owner of a subtask whose task was not finished before the period, the working days of the
  // period (up to today) with an update logged before 17:00.
  const days: string[] = [];
  const last = to < TODAY ? to : TODAY;
  for (let d = from; d <= last; d = addDays(d, 1)) if (isWorkingDay(d)) days.push(d);
  const openTaskIds = new Set(
    tasks
      .filter((t) => t.status !== '' && !(t.completedOn !== null && t.completedOn < from))
      .map((t) => t.id),
  );
  const owners = [...new Set(subtasks.filter((s) => openTaskIds.has(s.taskId)).map((s) => s.owner))]
    .filter(Boolean)
    .sort();
  const emailOf = new Map(wb.team.map((m) => [m.name, m.email]));
  const discipline = owners.map((owner) => {
    const onTime = new Set(
      wb.log
        .filter(
          (e) =>
            (e.author === owner || e.author === emailOf.get(owner)) &&
            days.includes(e.day) &&
            e.minute < 17 * 60,
        )
        .map((e) => e.day),
    );
    return { owner, onTime: onTime.size, workingDays: days.length };
  });

  const records = (kind: string) => sync.filter((r) => r.kind === kind && inPeriod(r.date));
  return {
    completed,
    started,
    overdue,
    carriedOver,
    problems,
    decisions: records('决议'),
    deliverables: records('交付'),
    discipline,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Finding figures on the report sheets by their labels.

/** The one cell holding exactly `label` (0-based row and column). */
function locate(rows: unknown[][], label: string): { r: number; c: number } {
  const hits: { r: number; c: number }[] = [];
  rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (text(v) === label) hits.push({ r, c });
    });
  });
  if (hits.length !== 1) throw new Error(`label ${label}: ${hits.length} cells`);
  return hits[0]!;
}

/** A titled table: the header row under the title, then rows until a blank first cell (or the end). */
function tableUnder(rows: unknown[][], title: { r: number; c: number }, width: number) {
  const header = (rows[title.r + 1] ?? []).slice(title.c, title.c + width).map(text);
  const body: unknown[][] = [];
  for (let r = title.r + 2; r < rows.length && text(rows[r]![title.c]) !== ''; r++)
    body.push(rows[r]!.slice(title.c, title.c + width));
  return { header, body, headerRow: title.r + 1, firstRow: title.r + 2 };
}

/** Review sections: `<title>(n)`, a header row, then `(无)` or the rows until a blank row. */
function reviewSection(rows: unknown[][], title: string) {
  const pattern = new RegExp(`^${title.replace(/[()]/g, '\\$&')}\\((\\d+)\\)$`);
  const at = rows.findIndex((row) => pattern.test(text(row[0])));
  if (at < 0) throw new Error(`no review section ${title}`);
  const count = Number(pattern.exec(text(rows[at]![0]))![1]);
  const header = rows[at + 1]!.map(text);
  /** Each row as a lookup by column header. */
  const body: ((column: string) => unknown)[] = [];
  for (let r = at + 2; r < rows.length && !isBlank(rows[r]!); r++) {
    const row = rows[r]!;
    if (text(row[0]) === '(无)' && row.slice(1).every((v) => text(v) === '')) continue;
    body.push((column) => {
      const i = header.indexOf(column);
      if (i < 0) throw new Error(`${title} has no column ${column}`);
      return row[i];
    });
  }
  return { count, header, body };
}

const sortedIds = (list: { id: string }[]) => list.map((t) => t.id).sort();
const num = (v: unknown) => (typeof v === 'number' ? v : text(v) === '' ? null : Number(text(v)));

// ---------------------------------------------------------------------------------------------------------------

/** October; a past week (Monday–Sunday); and the week still running on the report day (Wednesday 2024-11-06). */
const PERIODS = [
  { name: 'month', from: '2024-10-01', to: '2024-10-31', workingDays: 19 },
  { name: 'week', from: '2024-10-21', to: '2024-10-27', workingDays: 5 },
  { name: 'this week', from: '2024-11-04', to: '2024-11-10', workingDays: 3 },
] as const;
const PAST = PERIODS.filter((p) => p.name !== 'this week');

describe('dashboard and review after a generated month of activity', () => {
  let month: Month;
  let wb: Workbook;
  let dashboard: unknown[][];
  const reviews = new Map<string, { result: Record<string, any>; rows: unknown[][] }>();

  beforeAll(() => {
    month = generateMonth();
    const { emu, world } = month;
    emu.callOk('refreshDashboard', [], ADMIN_EMAIL);
    for (const p of PERIODS) {
      const result = emu.callOk<Record<string, any>>(
        'generateReview',
        [{ from: p.from, to: p.to }],
        ADMIN_EMAIL,
        {
          rpc: true,
        },
      );
      expect(result.sheet).toBe(`复盘-${p.from}~${p.to}`);
      reviews.set(p.name, { result, rows: rowsOf(world, result.sheet) });
    }
    expect(world.clock.now).toBe(Date.parse('2024-11-06T10:00:00+08:00'));
    wb = readWorkbook(world, month.stats.createdOn);
    dashboard = rowsOf(world, '看板');
  });

  it('runs a realistic month: China working days, tasks, updates, records, decisions and an archive run', () => {
    for (let d = CALENDAR_WINDOW.from; d <= CALENDAR_WINDOW.to; d = addDays(d, 1))
      expect(isWorkingDay(d), d).toBe(isWorkday(d));
    const s = month.stats;
    expect(s.workingDays).toHaveLength(22);
    expect(s.workingDays).toContain('2024-10-12');
    expect(s.tasksCreated.length).toBeGreaterThanOrEqual(22);
    expect(s.updates).toBeGreaterThan(150);
    expect(s.updatesAfter17).toBeGreaterThan(0);
    expect(s.blockersRaised).toBeGreaterThan(3);
    expect(s.blockersCleared).toBeGreaterThan(0);
    for (const kind of ['progress', 'problem', 'decision', 'deliverable'] as const)
      expect(s.records[kind], kind).toBeGreaterThan(0);
    expect(s.backDatedRecords).toBeGreaterThan(0);
    expect(s.accepted.length).toBeGreaterThan(5);
    expect(s.rejected.length).toBeGreaterThan(0);
    expect(s.cancelled.length).toBeGreaterThan(0);
    expect(s.archived.length).toBeGreaterThan(3);
    // The log holds the sample's two entries and every update; the archive took the tasks' rows with it.
    expect(wb.log).toHaveLength(2 + s.updates);
    const archivedIds = new Set(s.archived);
    expect(wb.live.tasks.filter((t) => archivedIds.has(t.id))).toEqual([]);
    expect(wb.live.subtasks.filter((x) => archivedIds.has(x.taskId))).toEqual([]);
    expect(wb.live.sync.filter((x) => archivedIds.has(x.taskId))).toEqual([]);
    // The archive holds exactly the tasks the generator closed at least 3 working days before the run on 2024-11-05.
    const due = Object.entries(s.closedOn)
      .filter(([, day]) => workingDaysBetween(day, '2024-11-05') >= 3)
      .map(([id]) => id)
      .sort();
    expect(due.length).toBeGreaterThan(3);
    expect(s.archived).toEqual(due);
    expect(
      wb.all.tasks
        .filter((t) => t.archived)
        .map((t) => t.id)
        .sort(),
    ).toEqual(due);
    // Each closed task's 完成日期 is the day the generator closed it.
    for (const t of wb.all.tasks.filter((x) => x.status === '已完成' || x.status === '已取消'))
      expect(t.completedOn, t.id).toBe(s.closedOn[t.id]);
    expect(Object.keys(s.closedOn).sort()).toEqual(
      wb.all.tasks
        .filter((x) => x.status === '已完成' || x.status === '已取消')
        .map((t) => t.id)
        .sort(),
    );
    // The creation date the product keeps in its guard is the day the generator created the task.
    expect(s.tasksCreated.length).toBeGreaterThan(0);
    for (const id of s.tasksCreated) {
      const t = wb.all.tasks.find((x) => x.id === id);
      expect(t, id).toBeDefined();
      expect(t!.created, id).toBe(s.createdOn[id]);
    }
    for (const t of wb.all.tasks.filter((x) => x.created !== null))
      expect(s.createdOn[t.id], t.id).toBeDefined();
    // Archived: closed, and closed at least 3 working days before the run on 2024-11-05.
    for (const t of wb.all.tasks.filter((x) => x.archived)) {
      expect(['已完成', '已取消']).toContain(t.status);
      expect(workingDaysBetween(t.completedOn!, '2024-11-05')).toBeGreaterThanOrEqual(3);
    }
    for (const t of wb.live.tasks.filter((x) => x.status === '已完成' || x.status === '已取消'))
      expect(workingDaysBetween(t.completedOn!, '2024-11-05')).toBeLessThan(3);
  });

  describe('看板', () => {
    it('shows every headline count', () => {
      const expected = expectedDashboard(wb).headline;
      const title = locate(dashboard, '概况');
      const shown: Record<string, unknown> = {};
      for (let r = title.r + 1; r < dashboard.length && text(dashboard[r]![title.c]) !== ''; r++)
        shown[text(dashboard[r]![title.c])] = dashboard[r]![title.c + 1];
      expect(shown).toEqual(expected);
      // Not trivial: the month leaves work in every state the headline counts.
      for (const [key, value] of Object.entries(expected)) expect(value, key).toBeGreaterThan(0);
    });

    it('shows each owner’s open, overdue and not-updated subtasks, busiest first', () => {
      const expected = expectedDashboard(wb).owners;
      const t = tableUnder(dashboard, locate(dashboard, '负责人工作量'), 4);
      expect(t.header).toEqual(['负责人', '进行中子任务', '逾期', '今日未更新']);
      const shown = t.body.map((r) => ({ owner: text(r[0]), open: r[1], overdue: r[2], notUpdated: r[3] }));
      expect(shown).toEqual(expected);
      expect(expected.length).toBeGreaterThan(3);
      expect(expected.some((o) => o.notUpdated < o.open)).toBe(true);
    });

    it('shows status by type and by priority (live tasks)', () => {
      const expected = expectedDashboard(wb);
      for (const [title, head, labels, want] of [
        ['按任务类型统计状态', '任务类型', TYPES, expected.byType],
        ['按优先级统计状态', '优先级', PRIORITIES, expected.byPriority],
      ] as const) {
        const t = tableUnder(dashboard, locate(dashboard, title), 6);
        expect(t.header).toEqual([head, ...STATUSES]);
        const shown = Object.fromEntries(
          t.body.map((r) => [text(r[0]), Object.fromEntries(STATUSES.map((s, i) => [s, r[i + 1]]))]),
        );
        expect(Object.keys(shown)).toEqual(labels);
        expect(shown).toEqual(want);
      }
      const total = (table: Record<string, Record<string, number>>) =>
        Object.values(table).reduce((n, row) => n + Object.values(row).reduce((a, b) => a + b, 0), 0);
      expect(total(expected.byType)).toBe(wb.live.tasks.length);
      expect(total(expected.byPriority)).toBe(wb.live.tasks.length);
    });

    it('shows the 14-day trend: updates and average progress per day', () => {
      const expected = expectedDashboard(wb).trend;
      const title = locate(dashboard, '近 14 天进度更新');
      const header = dashboard[title.r + 1]!.slice(title.c, title.c + 3).map(text);
      expect(header).toEqual(['日期', '更新次数', '平均进度(%)']);
      const shown = dashboard.slice(title.r + 2, title.r + 2 + 14).map((r) => ({
        day: ymdOf(r[title.c]),
        updates: r[title.c + 1],
        average: text(r[title.c + 2]) === '' ? null : r[title.c + 2],
      }));
      expect(shown).toEqual(expected);
      expect(text(dashboard[title.r + 16]?.[title.c])).toBe('');
      expect(expected[0]!.day).toBe('2024-10-24');
      expect(expected.filter((d) => d.updates > 0).length).toBeGreaterThan(8);
    });

    it('has its three charts over the tables they chart', () => {
      const sheet = month.world.spreadsheet.sheets.find((s) => s.name === '看板')!;
      expect(sheet.charts).toHaveLength(3);
      const owners = tableUnder(dashboard, locate(dashboard, '负责人工作量'), 4);
      const byType = tableUnder(dashboard, locate(dashboard, '按任务类型统计状态'), 6);
      const trendTitle = locate(dashboard, '近 14 天进度更新');
      const col = (c: number) => c + 1;
      const row = (r: number) => r + 1;
      // The workload chart may reserve spare rows below the owners (the team can grow); the other tables are fixed.
      const want = [
        {
          type: 'BAR',
          spareRows: true,
          title: '负责人工作量',
          // Owner names, open and overdue subtasks: the header and every owner row.
          rect: {
            r1: row(owners.headerRow),
            r2: row(owners.firstRow + owners.body.length - 1),
            c1: col(locate(dashboard, '负责人工作量').c),
            c2: 3,
          },
        },
        {
          type: 'COLUMN',
          spareRows: false,
          title: '按任务类型统计状态',
          rect: { r1: row(byType.headerRow), r2: row(byType.firstRow + 2), c1: 1, c2: 6 },
        },
        {
          type: 'LINE',
          spareRows: false,
          title: '近 14 天进度更新',
          rect: {
            r1: row(trendTitle.r + 1),
            r2: row(trendTitle.r + 15),
            c1: col(trendTitle.c),
            c2: col(trendTitle.c) + 1,
          },
        },
      ];
      for (const w of want) {
        const chart = sheet.charts.find((c) => c.type === w.type);
        expect(chart, w.type).toBeDefined();
        expect(chart!.title).toBe(w.title);
        const [range] = chart!.ranges;
        expect(range!.r1, `${w.type} first row`).toBe(w.rect.r1);
        expect(range!.c1, `${w.type} first column`).toBe(w.rect.c1);
        expect(chart!.ranges, `${w.type} ranges`).toHaveLength(1);
        if (w.spareRows) expect(range!.r2, `${w.type} last row`).toBeGreaterThanOrEqual(w.rect.r2);
        else expect(range!.r2, `${w.type} last row`).toBe(w.rect.r2);
        expect(range!.c2, `${w.type} last column`).toBe(w.rect.c2);
        // Any spare rows below the table are empty, not another table's figures.
        for (let r = w.rect.r2 + 1; r <= range!.r2; r++)
          expect(
            isBlank((dashboard[r - 1] ?? []).slice(range!.c1 - 1, range!.c2)),
            `${w.type} row ${r}`,
          ).toBe(true);
      }
    });
  });

  describe.each(PERIODS)('复盘 $from ~ $to ($name)', ({ name, from, to, workingDays }) => {
    const review = () => reviews.get(name)!;

    it('lists the completed, started, overdue and carried-over tasks', () => {
      const expected = expectedReview(wb, from, to);
      const { rows, result } = review();
      const taskOf = new Map(wb.all.tasks.map((t) => [t.id, t]));
      for (const [title, list, countKey] of [
        ['本期完成的任务', expected.completed, 'completed'],
        ['本期开始的任务', expected.started, 'started'],
        ['本期逾期的任务', expected.overdue, 'overdue'],
        ['结转到下期的任务', expected.carriedOver, 'carriedOver'],
      ] as const) {
        const section = reviewSection(rows, title);
        const ids = section.body.map((r) => text(r('任务ID'))).sort();
        expect(ids, title).toEqual(sortedIds(list));
        expect(section.count, title).toBe(list.length);
        expect(result.counts[countKey], title).toBe(list.length);
        for (const r of section.body) {
          const t = taskOf.get(text(r('任务ID')))!;
          expect(text(r('任务名称'))).toBe(t.name);
          expect(text(r('负责人'))).toBe(t.owner);
          if (title === '本期完成的任务') {
            expect(ymdOf(r('完成日期'))).toBe(t.completedOn);
            expect(text(r('发起人'))).toBe(t.initiator);
            expect(text(r('任务类型'))).toBe(t.type);
          } else {
            expect(ymdOf(r('预期完成时间'))).toBe(t.due);
            expect(text(r('当前状态'))).toBe(t.status);
          }
        }
      }
      expect(expected.completed.length).toBeGreaterThan(0);
      expect(expected.started.length).toBeGreaterThan(0);
      expect(expected.overdue.length).toBeGreaterThan(0);
      expect(expected.carriedOver.length).toBeGreaterThan(0);
      // Tasks created after the period are not carried over from it, though they are open and due in or after it.
      const later = wb.all.tasks.filter(
        (t) => t.generatedOn !== null && t.generatedOn > to && t.status !== '已取消',
      );
      if (to < '2024-11-01') expect(later.length).toBeGreaterThan(0);
      for (const t of later) expect(sortedIds(expected.carriedOver)).not.toContain(t.id);
      // A task due on the last day of a period and not finished by then was overdue in that period (the next
      // period starts after its due date, so no other review lists it); while a period runs, only tasks due before
      // today are overdue.
      const lastMissed = to < REPORT_DAY ? to : addDays(REPORT_DAY, -1);
      const dueLastDay = wb.all.tasks.filter(
        (t) =>
          t.due === lastMissed && t.status !== '已取消' && !(t.completedOn !== null && t.completedOn <= to),
      );
      if (name === 'month') expect(dueLastDay.length).toBeGreaterThan(0);
      const overdueIds = reviewSection(rows, '本期逾期的任务').body.map((r) => text(r('任务ID')));
      for (const t of dueLastDay) expect(overdueIds).toContain(t.id);
      for (const id of overdueIds) expect(taskOf.get(id)!.due! <= lastMissed).toBe(true);
    });

    it('lists the problems raised, when they were answered and in how many working days', () => {
      const expected = expectedReview(wb, from, to).problems;
      const { rows, result } = review();
      const section = reviewSection(rows, '本期提出的问题及响应');
      expect(section.header.slice(0, 7)).toEqual([
        '任务ID',
        '子任务ID',
        '问题',
        '提出人',
        '提出日期',
        '响应日期',
        '响应用时(工作日)',
      ]);
      const shown = section.body.map(
        (r): Problem => ({
          taskId: text(r('任务ID')),
          subtaskId: text(r('子任务ID')),
          text: text(r('问题')),
          raisedBy: text(r('提出人')),
          raisedOn: ymdOf(r('提出日期')) ?? text(r('提出日期')),
          answeredOn: text(r('响应日期')) === '未响应' ? null : ymdOf(r('响应日期')),
          days: num(r('响应用时(工作日)')),
        }),
      );
      const key = (p: Problem) => JSON.stringify([p.raisedOn, p.taskId, p.subtaskId, p.text, p.answeredOn]);
      expect([...shown].sort((a, b) => (key(a) < key(b) ? -1 : 1))).toEqual(
        [...expected].sort((a, b) => (key(a) < key(b) ? -1 : 1)),
      );
      expect(section.count).toBe(expected.length);
      expect(result.counts.problems).toBe(expected.length);
      // Raised-on order, oldest first.
      const order = shown.map((p) => p.raisedOn);
      expect(order).toEqual([...order].sort());
      if (name === 'month') {
        expect(expected.some((p) => p.subtaskId === '')).toBe(true);
        expect(expected.some((p) => p.answeredOn === null)).toBe(true);
        expect(expected.some((p) => (p.days ?? 0) > 0)).toBe(true);
        expect(expected.some((p) => p.days === 0)).toBe(true);
      }
    });

    it('lists the decisions and deliverables', () => {
      const expected = expectedReview(wb, from, to);
      const { rows } = review();
      for (const [title, list] of [
        ['决议', expected.decisions],
        ['交付', expected.deliverables],
      ] as const) {
        const section = reviewSection(rows, title);
        expect(section.header.slice(0, 5)).toEqual(['日期', '主题', '内容', '提出人', '任务ID']);
        const shown = section.body
          .map((r) => [
            ymdOf(r('日期')),
            text(r('主题')),
            text(r('内容')),
            text(r('提出人')),
            text(r('任务ID')),
          ])
          .map((x) => JSON.stringify(x))
          .sort();
        const want = list
          .map((r) => JSON.stringify([r.date, r.topic, r.content, r.raisedBy, r.taskId]))
          .sort();
        expect(shown, title).toEqual(want);
        expect(section.count, title).toBe(list.length);
        expect(list.length, title).toBeGreaterThan(0);
      }
    });

    it('shows each owner’s days updated before 17:00 out of the working days', () => {
      const expected = expectedReview(wb, from, to).discipline;
      const section = reviewSection(review().rows, '每日 17:00 前更新情况');
      expect(section.header.slice(0, 4)).toEqual(['负责人', '17:00 前更新的天数', '工作日', '比例']);
      const shown = section.body.map((r) => ({
        owner: text(r('负责人')),
        onTime: r('17:00 前更新的天数'),
        workingDays: r('工作日'),
      }));
      expect(shown).toEqual(expected);
      expect(section.count).toBe(expected.length);
      for (const [i, d] of expected.entries()) {
        const rate = section.body[i]!('比例');
        // A fraction shown as a percentage, or the percentage as text.
        if (typeof rate === 'number') expect(rate).toBeCloseTo(d.onTime / d.workingDays, 6);
        else expect(text(rate)).toBe(`${Math.round((100 * d.onTime) / d.workingDays)}%`);
      }
      expect(expected[0]!.workingDays).toBe(workingDays);
      expect(expected.some((d) => d.onTime > 0 && d.onTime < d.workingDays)).toBe(true);
    });
  });

  describe.each(PAST)('复盘 $from ~ $to ($name), archive', ({ name, from, to }) => {
    it('includes archived tasks completed in the period in the completed list', () => {
      const archivedDone = wb.all.tasks.filter(
        (t) => t.archived && t.status === '已完成' && t.completedOn! >= from && t.completedOn! <= to,
      );
      expect(archivedDone.length).toBeGreaterThan(0);
      const listed = reviewSection(reviews.get(name)!.rows, '本期完成的任务').body.map((r) =>
        text(r('任务ID')),
      );
      for (const t of archivedDone) expect(listed).toContain(t.id);
    });
  });
});
