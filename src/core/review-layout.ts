// Lays the review out as the 复盘 sheet's rows, and names periods (this/last week or month) for the menu and sidebar.
import { addDays, isValidYmd, weekday } from './dates';
import { daysBetween } from './day-span';
import { Status, TaskType } from './enums';
import { type Cell, type CellKind, Grid, type GridLayout } from './grid';
import { type Bilingual, fill, type Locale, pick } from './locale';
import type { ReviewData } from './review';

const T: Record<string, Bilingual> = {
  title: { zh: '阶段性复盘 {from} ~ {to}', en: 'Review {from} – {to}' },
  generated: {
    zh: '生成于 {at}({tz})。已归档的任务也计算在内。',
    en: 'Generated {at} ({tz}). Archived tasks are included.',
  },
  completed: { zh: '本期完成的任务', en: 'Completed in the period' },
  started: { zh: '本期开始的任务', en: 'Started in the period' },
  overdue: { zh: '本期逾期的任务', en: 'Overdue in the period' },
  carried: { zh: '结转到下期的任务', en: 'Carried over' },
  problems: { zh: '本期提出的问题及响应', en: 'Problems raised and how fast they were answered' },
  decisions: { zh: '决议', en: 'Decisions' },
  deliverables: { zh: '交付', en: 'Deliverables' },
  discipline: { zh: '每日 17:00 前更新情况', en: 'Daily updates before 17:00' },
  taskId: { zh: '任务ID', en: 'Task ID' },
  subtaskId: { zh: '子任务ID', en: 'Subtask ID' },
  name: { zh: '任务名称', en: 'Task name' },
  initiator: { zh: '发起人', en: 'Initiator' },
  owner: { zh: '负责人', en: 'Owner' },
  type: { zh: '任务类型', en: 'Type' },
  completedOn: { zh: '完成日期', en: 'Completed on' },
  retro: { zh: '复盘结论(发起人填写,自动记入备注)', en: 'Retrospective (initiator writes; copied to Notes)' },
  due: { zh: '预期完成时间', en: 'Due' },
  status: { zh: '当前状态', en: 'Status' },
  problem: { zh: '问题', en: 'Problem' },
  raisedBy: { zh: '提出人', en: 'Raised by' },
  raisedOn: { zh: '提出日期', en: 'Raised on' },
  answeredOn: { zh: '响应日期', en: 'Answered on' },
  answerDays: { zh: '响应用时(工作日)', en: 'Working days to answer' },
  unanswered: { zh: '未响应', en: 'unanswered' },
  date: { zh: '日期', en: 'Date' },
  topic: { zh: '主题', en: 'Topic' },
  content: { zh: '内容', en: 'Content' },
  onTime: { zh: '17:00 前更新的天数', en: 'Days updated before 17:00' },
  workingDays: { zh: '工作日', en: 'Working days' },
  rate: { zh: '比例', en: 'Rate' },
  none: { zh: '(无)', en: '(none)' },
  more: { zh: '……另有 {n} 项未列出', en: '… and {n} more not listed' },
};

/** Rows a section lists; its title still gives the full count (a department's review is read, not scrolled). */
export const MAX_SECTION_ROWS = 500;

/** Columns that are not text: dates and the on-time rate. */
const KIND: Record<string, CellKind> = {
  completedOn: 'date',
  due: 'date',
  raisedOn: 'date',
  answeredOn: 'date',
  date: 'date',
  rate: 'percent',
};

export const REVIEW_SHEET_PREFIX: Bilingual = { zh: '复盘-', en: 'Review-' };

export function reviewSheetName(from: string, to: string, locale: Locale): string {
  return `${pick(REVIEW_SHEET_PREFIX, locale)}${from}~${to}`;
}

/** The header of the column where initiators write a completed task's retrospective (copied to its 备注). */
export function retroHeader(locale: Locale): string {
  return pick(T.retro!, locale);
}

export function layoutReview(
  data: ReviewData,
  from: string,
  to: string,
  locale: Locale,
  generatedAt: string,
  timeZone: string,
): GridLayout {
  const L = (k: string) => pick(T[k]!, locale);
  const g = new Grid();
  g.boldRow(g.row([fill(L('title'), { from, to })]));
  g.row([fill(L('generated'), { at: generatedAt, tz: timeZone })]);
  /** A titled table; date columns hold dates where they have one (an unanswered problem says so in words). */
  const section = (titleKey: string, headers: string[], body: Cell[][]) => {
    g.row([]);
    g.boldRow(g.row([`${L(titleKey)}(${body.length})`]));
    g.boldRow(g.row(headers.map(L)));
    if (body.length === 0) g.row([L('none')]);
    const kinds = headers.map((h) => KIND[h]);
    for (const line of body.slice(0, MAX_SECTION_ROWS))
      g.row(
        line,
        line.map((v, i) => (kinds[i] === 'date' && !isValidYmd(String(v)) ? 'text' : kinds[i])),
      );
    if (body.length > MAX_SECTION_ROWS) g.row([fill(L('more'), { n: body.length - MAX_SECTION_ROWS })]);
  };
  const status = (s: ReviewData['completed'][number]['status']) => (s ? Status.label(s, locale) : '');
  section(
    'completed',
    ['taskId', 'name', 'initiator', 'owner', 'type', 'completedOn', 'retro'],
    data.completed.map((t) => [
      t.id,
      t.name,
      t.initiator,
      t.owner,
      t.type ? TaskType.label(t.type, locale) : '',
      t.completedOn ?? '',
      '',
    ]),
  );
  /** Earliest due first (no due date last), so a long list shows the most pressing. */
  const taskRows = (list: ReviewData['started']) =>
    [...list]
      .sort((a, b) => (a.due ?? '9').localeCompare(b.due ?? '9') || a.id.localeCompare(b.id))
      .map((t) => [t.id, t.name, t.owner, t.due ?? '', status(t.status)]);
  section('started', ['taskId', 'name', 'owner', 'due', 'status'], taskRows(data.started));
  section('overdue', ['taskId', 'name', 'owner', 'due', 'status'], taskRows(data.overdue));
  section('carried', ['taskId', 'name', 'owner', 'due', 'status'], taskRows(data.carriedOver));
  section(
    'problems',
    ['taskId', 'subtaskId', 'problem', 'raisedBy', 'raisedOn', 'answeredOn', 'answerDays'],
    data.problems.map((p) => [
      p.taskId,
      p.subtaskId ?? '',
      p.text,
      p.raisedBy,
      p.raisedOn,
      p.answeredOn ?? L('unanswered'),
      p.workingDaysToAnswer ?? '',
    ]),
  );
  const syncRows = (list: ReviewData['decisions']) =>
    list.map((r) => [r.date ?? '', r.topic, r.content, r.raisedBy, r.taskId]);
  section('decisions', ['date', 'topic', 'content', 'raisedBy', 'taskId'], syncRows(data.decisions));
  section('deliverables', ['date', 'topic', 'content', 'raisedBy', 'taskId'], syncRows(data.deliverables));
  section(
    'discipline',
    ['owner', 'onTime', 'workingDays', 'rate'],
    data.discipline.map((d) => [
      d.owner,
      d.daysOnTime,
      d.workingDays,
      d.workingDays ? d.daysOnTime / d.workingDays : '',
    ]),
  );
  return g.layout();
}

/** The named periods (also typed at the menu prompt), in the order the sidebar offers them. */
export const PERIOD_NAMES = ['thisWeek', 'lastWeek', 'thisMonth', 'lastMonth'] as const;
export type PeriodName = (typeof PERIOD_NAMES)[number];

/** Longest review period, in days from its first to its last day. */
const MAX_PERIOD_DAYS = 366;

/** What is wrong with a period of valid dates — it runs backwards, or spans more than a year — or null when nothing. */
export function periodProblem(from: string, to: string): 'fromAfterTo' | 'tooLong' | null {
  const span = daysBetween(from, to);
  return span < 0 ? 'fromAfterTo' : span > MAX_PERIOD_DAYS ? 'tooLong' : null;
}

/** A named period around today: weeks run Monday–Sunday. */
export function periodOf(name: PeriodName, today: string): { from: string; to: string } {
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  if (name === 'thisWeek') return { from: monday, to: addDays(monday, 6) };
  if (name === 'lastWeek') return { from: addDays(monday, -7), to: addDays(monday, -1) };
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, '0')}-01`;
  const thisFirst = first(y, m);
  const nextFirst = m === 12 ? first(y + 1, 1) : first(y, m + 1);
  const lastFirst = m === 1 ? first(y - 1, 12) : first(y, m - 1);
  if (name === 'thisMonth') return { from: thisFirst, to: addDays(nextFirst, -1) };
  return { from: lastFirst, to: addDays(thisFirst, -1) };
}

/** A period typed by a person: a name above, or `yyyy-MM-dd~yyyy-MM-dd` (also with 至, to, or a dash in between). */
export function parsePeriod(text: string, today: string): { from: string; to: string } | null {
  const named: Record<string, PeriodName> = {
    本周: 'thisWeek',
    上周: 'lastWeek',
    本月: 'thisMonth',
    上月: 'lastMonth',
  };
  const key = text.trim();
  const name = named[key] ?? PERIOD_NAMES.find((n) => n === key);
  if (name) return periodOf(name, today);
  const m = /^(\d{4}-\d{2}-\d{2})\s*(?:~|～|至|to|—|–|\s-\s)\s*(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (!m || !isValidYmd(m[1]) || !isValidYmd(m[2]) || periodProblem(m[1]!, m[2]!)) return null;
  return { from: m[1]!, to: m[2]! };
}
