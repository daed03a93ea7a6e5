// The 看板 / Dashboard (可视化工作进度): every figure from one pass over the sheets, laid out as one grid with the
// ranges its charts draw from. No per-cell formulas: nothing to break when rows move.
import { dayNumber, fromDayNumber, type OffsetFn, ymdOf } from './dates';
import { type DigestInput, indexWorkbook, openProblems, statusCounts } from './digest';
import { Priority, Status, type StatusCode, TaskType } from './enums';
import { Grid, type GridLayout } from './grid';
import { groupBy } from './group';
import { columnLetter } from './letters';
import { type Bilingual, fill, type Locale, pick } from './locale';
import type { TaskRecord } from './records';
import { isActive, isDueSoon, isOverdue } from './workflow';

export interface Headline {
  active: number;
  overdue: number;
  dueSoon: number;
  awaitingAcceptance: number;
  problemsOver24h: number;
  notUpdatedToday: number;
}

export interface OwnerLoad {
  owner: string;
  open: number;
  overdue: number;
  notUpdatedToday: number;
}

export interface TrendPoint {
  day: string;
  updates: number;
  /** Average progress (%) of the updates logged that day, or null when there were none. */
  averageProgress: number | null;
}

export interface DashboardData {
  headline: Headline;
  owners: OwnerLoad[];
  byType: Record<string, Record<StatusCode, number>>;
  byPriority: Record<string, Record<StatusCode, number>>;
  trend: TrendPoint[];
}

/** Days of history the trend shows. */
export const TREND_DAYS = 14;

/** Status counts of the tasks with a status, per value of a column (type, priority); tasks without one are left out. */
function statusTable(
  tasks: TaskRecord[],
  key: (t: TaskRecord) => string | null,
): Record<string, Record<StatusCode, number>> {
  const rows = groupBy(
    tasks.filter((t) => t.status !== null && key(t) !== null),
    (t) => key(t)!,
  );
  return Object.fromEntries([...rows].map(([k, list]) => [k, statusCounts(list)]));
}

/** Every figure of the dashboard, from the same data the daily jobs read. */
export function computeDashboard(input: DigestInput): DashboardData {
  const { taskById, active } = indexWorkbook(input);
  const { today } = input;
  const soon = input.wd.add(today, input.dueSoonDays);
  const activeTasks = input.tasks.filter(isActive);
  const headline: Headline = {
    active: activeTasks.length,
    overdue: input.tasks.filter((t) => isOverdue(t, today)).length,
    dueSoon: activeTasks.filter((t) => isDueSoon(t, today, soon)).length,
    awaitingAcceptance: input.tasks.filter((t) => t.status === 'pending_acceptance').length,
    problemsOver24h: openProblems(input).filter((p) => p.hours > 24).length,
    notUpdatedToday: active.filter((s) => s.updatedOn !== today).length,
  };
  const owners = new Map<string, OwnerLoad>();
  for (const s of active) {
    const load = owners.get(s.owner) ?? { owner: s.owner, open: 0, overdue: 0, notUpdatedToday: 0 };
    load.open++;
    if (isOverdue(taskById.get(s.taskId)!, today)) load.overdue++;
    if (s.updatedOn !== today) load.notUpdatedToday++;
    owners.set(s.owner, load);
  }
  return {
    headline,
    owners: [...owners.values()].sort(
      (a, b) => b.open - a.open || b.overdue - a.overdue || (a.owner < b.owner ? -1 : 1),
    ),
    byType: statusTable(input.tasks, (t) => t.type),
    byPriority: statusTable(input.tasks, (t) => t.priority),
    trend: trendOf(input.log, today, input.offset),
  };
}

function trendOf(log: DigestInput['log'], today: string, offset: OffsetFn): TrendPoint[] {
  const first = dayNumber(today) - TREND_DAYS + 1;
  const days = Array.from({ length: TREND_DAYS }, (_, i) => ({
    day: fromDayNumber(first + i),
    updates: 0,
    sum: 0,
    n: 0,
  }));
  for (const e of log) {
    const i = dayNumber(ymdOf(e.at, offset)) - first;
    const d = days[i];
    if (!d) continue;
    d.updates++;
    if (e.progress !== null) {
      d.sum += e.progress;
      d.n++;
    }
  }
  return days.map((d) => ({
    day: d.day,
    updates: d.updates,
    averageProgress: d.n ? Math.round(d.sum / d.n) : null,
  }));
}

const LABELS: Record<string, Bilingual> = {
  title: { zh: '任务看板', en: 'Task dashboard' },
  updated: { zh: '更新于 {at}({tz})', en: 'Updated {at} ({tz})' },
  headline: { zh: '概况', en: 'At a glance' },
  active: { zh: '进行中的任务(未开始+进行中)', en: 'Active tasks (not started + in progress)' },
  overdue: { zh: '逾期任务', en: 'Overdue tasks' },
  dueSoon: { zh: '即将到期', en: 'Due soon' },
  awaiting: { zh: '待验收', en: 'Awaiting acceptance' },
  problems: { zh: '超过 24 小时未响应的问题', en: 'Problems waiting > 24 h' },
  notUpdated: { zh: '今日未更新的子任务', en: 'Subtasks not updated today' },
  owners: { zh: '负责人工作量', en: 'Workload by owner' },
  owner: { zh: '负责人', en: 'Owner' },
  open: { zh: '进行中子任务', en: 'Open subtasks' },
  ownerOverdue: { zh: '逾期', en: 'Overdue' },
  ownerNotUpdated: { zh: '今日未更新', en: 'Not updated today' },
  byType: { zh: '按任务类型统计状态', en: 'Status by task type' },
  byPriority: { zh: '按优先级统计状态', en: 'Status by priority' },
  type: { zh: '任务类型', en: 'Task type' },
  priority: { zh: '优先级', en: 'Priority' },
  trend: { zh: '近 14 天进度更新', en: 'Progress updates, last 14 days' },
  day: { zh: '日期', en: 'Date' },
  updates: { zh: '更新次数', en: 'Updates' },
  average: { zh: '平均进度(%)', en: 'Average progress (%)' },
  none: { zh: '(无)', en: '(none)' },
};

export interface ChartSpec {
  id: 'owners' | 'byType' | 'trend';
  type: 'COLUMN' | 'BAR' | 'LINE';
  title: string;
  /** A1 range the chart draws from (headers in its first row). */
  range: string;
  stacked: boolean;
  /** Where it sits: 1-based row and column of its top-left corner. */
  anchor: { row: number; col: number };
}

export interface DashboardLayout extends GridLayout {
  charts: ChartSpec[];
}

/** Owners shown in the table and chart (the busiest first); the rest are summed up in the headline. */
export const MAX_OWNERS = 30;
const WIDTH = 8;
const TREND_COL = 10;

function a1(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}

/**
 * Lays the figures out: title and headline on the left, the status tables below, the owners' workload under them,
 * and the 14-day trend on the right. Charts sit to the right of the trend.
 */
export function layoutDashboard(
  data: DashboardData,
  locale: Locale,
  updatedAt: string,
  timeZone: string,
): DashboardLayout {
  const L = (k: keyof typeof LABELS) => pick(LABELS[k]!, locale);
  const g = new Grid();
  const title = (row: number, col: number, text: string) => {
    g.put(row, col, text);
    g.boldRow(row);
  };
  const header = (row: number, col: number, texts: string[]) => {
    texts.forEach((v, i) => {
      g.put(row, col + i, v);
    });
    g.boldRow(row);
  };
  title(1, 1, L('title'));
  g.put(2, 1, fill(L('updated'), { at: updatedAt, tz: timeZone }));
  title(4, 1, L('headline'));
  const h = data.headline;
  const headline: [keyof typeof LABELS, number][] = [
    ['active', h.active],
    ['overdue', h.overdue],
    ['dueSoon', h.dueSoon],
    ['awaiting', h.awaitingAcceptance],
    ['problems', h.problemsOver24h],
    ['notUpdated', h.notUpdatedToday],
  ];
  headline.forEach(([k, v], i) => {
    g.put(5 + i, 1, L(k));
    g.put(5 + i, 2, v);
  });

  /** The status tables one under the other (title, header, a row per type or priority); where each table's rows are. */
  const codeLabels = <C extends string>(e: { codes: C[]; label: (c: C, l: Locale) => string }) =>
    e.codes.map((c) => [c, e.label(c, locale)] as const);
  const statusTables = [
    { key: 'byType', head: 'type', rows: codeLabels(TaskType) },
    { key: 'byPriority', head: 'priority', rows: codeLabels(Priority) },
  ] as const;
  const tableRows = { byType: { header: 0, last: 0 }, byPriority: { header: 0, last: 0 } };
  let top = 12;
  for (const { key, head, rows } of statusTables) {
    title(top, 1, L(key));
    header(top + 1, 1, [L(head), ...Status.codes.map((s) => Status.label(s, locale))]);
    rows.forEach(([code, label], i) => {
      g.put(top + 2 + i, 1, label);
      Status.codes.forEach((s, j) => {
        g.put(top + 2 + i, 2 + j, data[key][code]?.[s] ?? 0);
      });
    });
    tableRows[key] = { header: top + 1, last: top + 1 + rows.length };
    top = tableRows[key].last + 2;
  }
  const ownersTop = top;

  title(ownersTop, 1, L('owners'));
  header(ownersTop + 1, 1, [L('owner'), L('open'), L('ownerOverdue'), L('ownerNotUpdated')]);
  const owners = data.owners.slice(0, MAX_OWNERS);
  if (owners.length === 0) g.put(ownersTop + 2, 1, L('none'));
  owners.forEach((o, i) => {
    g.put(ownersTop + 2 + i, 1, o.owner);
    g.put(ownersTop + 2 + i, 2, o.open);
    g.put(ownersTop + 2 + i, 3, o.overdue);
    g.put(ownersTop + 2 + i, 4, o.notUpdatedToday);
  });

  title(4, TREND_COL, L('trend'));
  header(5, TREND_COL, [L('day'), L('updates'), L('average')]);
  data.trend.forEach((p, i) => {
    g.put(6 + i, TREND_COL, p.day, 'date');
    g.put(6 + i, TREND_COL + 1, p.updates);
    g.put(6 + i, TREND_COL + 2, p.averageProgress ?? '', 'number');
  });

  const chartCol = TREND_COL + 4;
  return {
    ...g.layout(Math.max(WIDTH, TREND_COL + 2)),
    charts: [
      {
        id: 'owners',
        type: 'BAR',
        title: L('owners'),
        range: `${a1(1, ownersTop + 1)}:${a1(3, ownersTop + 1 + MAX_OWNERS)}`,
        stacked: false,
        anchor: { row: 4, col: chartCol },
      },
      {
        id: 'byType',
        type: 'COLUMN',
        title: L('byType'),
        range: `${a1(1, tableRows.byType.header)}:${a1(1 + Status.codes.length, tableRows.byType.last)}`,
        stacked: true,
        anchor: { row: 24, col: chartCol },
      },
      {
        id: 'trend',
        type: 'LINE',
        title: L('trend'),
        range: `${a1(TREND_COL, 5)}:${a1(TREND_COL + 1, 5 + TREND_DAYS)}`,
        stacked: false,
        anchor: { row: 44, col: chartCol },
      },
    ],
  };
}
