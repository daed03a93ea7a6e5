// The playground's demo workbook: the seed guide's sample rows (SPEC §2.7) and a Team mapping masked names to emails.
import { ENUMS, type EnumKey, type StatusCode } from '../src/core/enums';
import { encodeSubtaskGuard, encodeTaskGuard } from '../src/core/guard';
import type { Locale } from '../src/core/locale';
import { headersOf, type SheetKey, sheetDef, sheetName } from '../src/core/templates';
import { wallToInstant } from './model/datefmt';
import { setCell, shiftLines } from './model/sheet-ops';
import { wallToSerial } from './model/values';
import { Emulator, type EmulatorOptions } from './sandbox';
import { type CellValue, createWorld, type World } from './world';

export interface Member {
  name: string;
  email: string;
  role: 'manager' | 'lead' | 'member';
  group: string;
}

/** The masked names of the seed's tables, each with an example.com address; *强 is the 主管 and the admin. */
export const SAMPLE_TEAM: Member[] = [
  { name: '*强', email: 'qiang@example.com', role: 'manager', group: '管理组' },
  { name: '*丽', email: 'li@example.com', role: 'lead', group: '市场组' },
  { name: '*伟', email: 'wei@example.com', role: 'lead', group: '技术组' },
  { name: '*明', email: 'ming@example.com', role: 'member', group: '市场组' },
  { name: '*华', email: 'hua@example.com', role: 'member', group: '客户部' },
  { name: '*磊', email: 'lei@example.com', role: 'member', group: '市场组' },
  { name: '芳', email: 'fang@example.com', role: 'member', group: '市场组' },
  { name: '阳', email: 'yang@example.com', role: 'member', group: '运营组' },
  { name: '*刚', email: 'gang@example.com', role: 'member', group: '技术组' },
  { name: '*峰', email: 'feng@example.com', role: 'member', group: '技术组' },
];
export const SAMPLE_ADMIN = 'qiang@example.com';

/** The playground's "now": a Thursday morning in October 2024, when the samples are current. */
export const SAMPLE_NOW = '2024-10-24T10:00:00+08:00';

/** The guide's example task as a createTask input (SPEC §5.1), for the playground's examples, tests and the bench. */
export const EXAMPLE_TASK = {
  prefix: '产品迭代',
  name: 'Q4客户满意度调研报告',
  initiator: '*强',
  owner: '*明',
  collaborators: ['*华'],
  project: '提升客户复购率',
  type: 'project',
  priority: 'high',
  due: '2024-10-30',
  notes: '需包含10份以上客户访谈数据',
  subtasks: [{ name: '调研问卷设计与发放', owner: '*明', collaborators: ['*华'] }],
};
export const SAMPLE_TIME_ZONE = 'Asia/Shanghai';

type Cell = string | number | { date: string } | { datetime: string } | { enum: EnumKey; code: string };
type Row = Record<string, Cell>;

const d = (date: string) => ({ date });

/** Seed §四's rows, by template column key; enum cells by code so they render in either locale. */
export const SAMPLE_ROWS: Partial<Record<SheetKey, Row[]>> = {
  overview: [
    {
      taskId: '产品迭代2024-001',
      name: 'Q4客户满意度调研报告',
      initiator: '*强',
      owner: '*明',
      collaborators: '*华',
      project: '提升客户复购率',
      type: { enum: 'type', code: 'project' },
      priority: { enum: 'priority', code: 'high' },
      due: d('2024-10-30'),
      status: { enum: 'status', code: 'done' },
      notes: '需包含10份以上客户访谈数据',
      completedOn: d('2024-10-30'),
    },
    {
      taskId: '日常协作2024-015',
      name: '月度部门工作总结素材收集',
      initiator: '*丽',
      owner: '*磊',
      collaborators: '芳、阳',
      project: '部门绩效考核',
      type: { enum: 'type', code: 'routine' },
      priority: { enum: 'priority', code: 'medium' },
      due: d('2024-10-25'),
      status: { enum: 'status', code: 'pending_acceptance' },
      notes: '各小组需提交10月工作亮点及问题',
    },
    {
      taskId: '紧急任务2024-003',
      name: '客户系统故障应急处理',
      initiator: '*伟',
      owner: '*刚',
      collaborators: '*峰',
      project: '保障客户系统稳定运行',
      type: { enum: 'type', code: 'urgent' },
      priority: { enum: 'priority', code: 'high' },
      due: d('2024-10-20'),
      status: { enum: 'status', code: 'done' },
      notes: '故障2小时内恢复,提交根因分析报告',
      completedOn: d('2024-10-20'),
    },
  ],
  progress: [
    {
      subtaskId: '产品迭代2024-001-01',
      taskId: '产品迭代2024-001',
      name: '调研问卷设计与发放',
      owner: '*明',
      progress: 100,
      done: '问卷初稿完成并发放50份',
      next: '跟进未反馈客户,明日完成发放',
      blockers: '客户反馈部分问题选项不清晰,需*协助确认客户需求',
      updatedOn: d('2024-10-15'),
      collaborators: '*华',
    },
    {
      subtaskId: '日常协作2024-015-01',
      taskId: '日常协作2024-015',
      name: '市场组工作素材收集',
      owner: '*磊',
      progress: 80,
      done: '收集到6份市场活动总结',
      next: '整理素材,提取关键数据',
      blockers: '1份素材未提交,需明日再次催收',
      updatedOn: d('2024-10-24'),
      collaborators: '芳、阳',
    },
  ],
  sync: [
    {
      date: d('2024-10-16'),
      topic: '客户满意度调研进展同步',
      content: '问卷发放完成80%,客户反馈积极,预计明日完成全部发放',
      raisedBy: '*明',
      audience: '项目组全体',
      attachment: '/',
      notes: '无需额外支持',
      taskId: '产品迭代2024-001',
      kind: { enum: 'kind', code: 'progress' },
    },
    {
      date: d('2024-10-20'),
      topic: '系统故障应急处理同步',
      content: '故障已定位为数据库缓存溢出,完成清理后系统恢复,需优化缓存策略',
      raisedBy: '*伟',
      audience: '技术组、客户部',
      attachment: '《故障处理根因分析报告》',
      notes: '需技术组3日内提交优化方案',
      taskId: '紧急任务2024-003',
      kind: { enum: 'kind', code: 'progress' },
    },
  ],
  progressLog: [
    {
      at: { datetime: '2024-10-15 16:30' },
      subtaskId: '产品迭代2024-001-01',
      taskId: '产品迭代2024-001',
      progress: 100,
      blockers: '客户反馈部分问题选项不清晰,需*协助确认客户需求',
      author: '*明',
    },
    {
      at: { datetime: '2024-10-24 09:40' },
      subtaskId: '日常协作2024-015-01',
      taskId: '日常协作2024-015',
      progress: 80,
      blockers: '1份素材未提交,需明日再次催收',
      author: '*磊',
    },
  ],
};

/** `yyyy-MM-dd[ HH:mm]` as wall-clock milliseconds (fields read as UTC). */
function wallOf(text: string): number {
  const [date, time = '00:00'] = text.split(' ');
  const [y, m, day] = date!.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, day, h, mi);
}
const serialOf = (text: string) => wallToSerial(wallOf(text));

function toCell(v: Cell, locale: Locale): CellValue {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if ('date' in v) return { d: serialOf(v.date) };
  if ('datetime' in v) return { d: serialOf(v.datetime) };
  return ENUMS[v.enum].label(v.code as never, locale);
}

/**
 * Appends rows to a template sheet by column key, as Task Sync writes them: a task or subtask row without a guard
 * gets the one computed from its cells. A full sheet grows as insertRowsAfter grows it (rules extend).
 */
export function appendRows(world: World, key: SheetKey, rows: Row[], locale: Locale): void {
  const name = sheetName(key, locale);
  const sheet = world.spreadsheet.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`No sheet ${name}: run setupSheets first.`);
  const headers = (sheet.rows[0] ?? []).map(String);
  const columns = sheetDef(key).columns;
  const expected = headersOf(sheetDef(key), locale);
  let row = sheet.rows.filter((r) => r.some((v) => v !== '')).length;
  const needed = row + rows.length - sheet.maxRows;
  if (needed > 0) shiftLines(world.spreadsheet, sheet, 'row', sheet.maxRows, needed);
  for (const data of rows) {
    row++;
    const guard = data.guard === undefined ? guardOf(key, data) : null;
    for (const [k, v] of Object.entries(guard === null ? data : { ...data, guard })) {
      const header = expected[columns.findIndex((c) => c.key === k)]!;
      const col = headers.indexOf(header) + 1;
      if (col < 1) throw new Error(`${name} has no column ${header}`);
      setCell(sheet, row, col, toCell(v, locale));
    }
  }
}

/**
 * The guard value Task Sync writes with every task and subtask row it creates, computed from the row; other sheets'
 * rows have none.
 */
function guardOf(key: SheetKey, r: Row): string | null {
  const date = (v: Cell | undefined) => (v && typeof v === 'object' && 'date' in v ? v.date : null);
  const code = (v: Cell | undefined) => (v && typeof v === 'object' && 'code' in v ? v.code : null);
  if (key === 'overview')
    return encodeTaskGuard({
      id: String(r.taskId),
      initiator: String(r.initiator),
      owner: String(r.owner),
      status: code(r.status) as StatusCode,
      completedOn: date(r.completedOn),
    });
  if (key === 'progress')
    return encodeSubtaskGuard({ id: String(r.subtaskId), taskId: String(r.taskId), owner: String(r.owner) });
  return null;
}

export function teamRows(team: Member[]): Row[] {
  return team.map((m) => ({
    name: m.name,
    email: m.email,
    role: { enum: 'role', code: m.role },
    group: m.group,
    digest: { enum: 'yesno', code: 'yes' },
  }));
}

export interface SampleOptions {
  data: 'sample' | 'empty';
  now?: string;
  timeZone?: string;
  locale?: Locale;
}

/**
 * A fresh world: 'empty' is a brand-new file (nothing set up); 'sample' is set up by the admin through the real
 * setupSheets and filled with the Team and the seed's sample rows.
 */
export function createSampleWorld(opts: SampleOptions, emulatorOptions: EmulatorOptions = {}): World {
  const locale = opts.locale ?? 'zh-CN';
  const timeZone = opts.timeZone ?? SAMPLE_TIME_ZONE;
  const now = opts.now ? Date.parse(opts.now) : Date.parse(SAMPLE_NOW);
  if (Number.isNaN(now)) throw new Error(`Bad time: ${opts.now}`);
  const world = createWorld({
    now,
    timeZone,
    locale: locale === 'en' ? 'en_US' : 'zh_CN',
    owner: SAMPLE_ADMIN,
    editors: SAMPLE_TEAM.map((m) => m.email),
    name: locale === 'en' ? 'Team tasks' : '部门任务',
  });
  if (opts.data === 'empty') return world;
  const emu = new Emulator(world, emulatorOptions);
  emu.callOk('setupSheets', [{ locale }], SAMPLE_ADMIN, { ui: false });
  appendRows(world, 'team', teamRows(SAMPLE_TEAM), locale);
  for (const [key, rows] of Object.entries(SAMPLE_ROWS)) appendRows(world, key as SheetKey, rows, locale);
  emu.callOk('setupSheets', [], SAMPLE_ADMIN, { ui: false });
  return world;
}

/** An instant for a wall-clock time in a zone, e.g. at('2024-10-15 09:00', 'Asia/Shanghai'). */
export function at(text: string, timeZone = SAMPLE_TIME_ZONE): number {
  return wallToInstant(wallOf(text), timeZone);
}
