// The declarative description of every sheet (SPEC §2): names, headers in the seed's order, types, widths, rules.
import { ENUMS, type EnumKey } from './enums';
import { SUBTASK_ID_REGEX_TEXT, TASK_ID_REGEX_TEXT } from './ids';
import { type Bilingual, type Locale, pick } from './locale';

export type SheetKey =
  | 'overview'
  | 'progress'
  | 'sync'
  | 'team'
  | 'archiveOverview'
  | 'archiveProgress'
  | 'archiveSync'
  | 'progressLog'
  | 'notificationLog';

export type ColumnType =
  | 'taskId'
  | 'subtaskId'
  | 'taskRef'
  | 'text'
  | 'member'
  | 'members'
  | 'enum'
  | 'date'
  | 'datetime'
  | 'percent'
  | 'email'
  | 'archiveKey'
  | 'guard';

export interface ColumnDef {
  key: string;
  header: Bilingual;
  type: ColumnType;
  enumKey?: EnumKey;
  width: number;
  /** Appended by Task Sync to the seed's columns (marked in the header). */
  tool?: boolean;
  /** Written by Task Sync: warning-only protection on live sheets. */
  toolWritten?: boolean;
  required?: boolean;
  /** Carries authority: a direct edit is checked by the edit handler (SPEC §4). */
  guarded?: boolean;
  /** Hidden from view (the guard column). */
  hidden?: boolean;
}

/** Who may edit a whole sheet: nobody is kept out ('none'), the admin, admin and 主管s, or anyone after a warning. */
export type SheetProtection = 'none' | 'admin' | 'adminAndManagers' | 'warning';

export interface ConditionalDef {
  id: string;
  background: string;
  fontColor?: string;
  /** Which columns the rule colours: every column of the row, or just one. */
  target: 'row' | { column: string };
  /** The formula for data row 2, given each column's letter and the locale's labels. */
  formula: (letter: (key: string) => string, ctx: ConditionalContext) => string;
}
export interface ConditionalContext {
  locale: Locale;
  dueSoonDays: number;
}

export interface SheetDef {
  key: SheetKey;
  name: Bilingual;
  columns: ColumnDef[];
  hidden?: boolean;
  protection: SheetProtection;
  /** Live sheets validate user entries; archive and log sheets are written by the tool only. */
  validated: boolean;
  conditional: ConditionalDef[];
  /** A column whose values must be unique IDs (used to recognise a data row where a header should be). */
  idColumn?: string;
}

const col = (
  key: string,
  zh: string,
  en: string,
  type: ColumnType,
  width: number,
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({ key, header: { zh, en }, type, width, ...extra });

const status = (s: 'pending_acceptance' | 'done' | 'cancelled', locale: Locale) =>
  `"${ENUMS.status.label(s, locale)}"`;
const notClosed = (l: (k: string) => string, locale: Locale) =>
  (['pending_acceptance', 'done', 'cancelled'] as const)
    .map((s) => `$${l('status')}2<>${status(s, locale)}`)
    .join(',');

/**
 * The last values of a row's guarded cells that Task Sync wrote or accepted (hidden). The edit handler restores them
 * when a paste changes guarded cells it may not, since a multi-cell edit event carries no old values.
 */
const GUARD_COLUMN: ColumnDef = col('guard', '守护值', 'Guard', 'guard', 80, {
  tool: true,
  toolWritten: true,
  hidden: true,
});

const OVERVIEW: SheetDef = {
  key: 'overview',
  name: { zh: '部门任务总览表', en: 'Task Overview' },
  validated: true,
  protection: 'none',
  idColumn: 'taskId',
  columns: [
    col('taskId', '任务ID', 'Task ID', 'taskId', 150, { toolWritten: true, guarded: true }),
    col('name', '任务名称', 'Task Name', 'text', 220, { required: true }),
    col('initiator', '发起人', 'Initiator', 'member', 80, { guarded: true }),
    col('owner', '负责人', 'Owner', 'member', 80, { guarded: true }),
    col('collaborators', '协作人', 'Collaborators', 'members', 110),
    col('project', '关联项目/目标', 'Project / Goal', 'text', 150),
    col('type', '任务类型', 'Task Type', 'enum', 90, { enumKey: 'type' }),
    col('priority', '优先级', 'Priority', 'enum', 70, { enumKey: 'priority' }),
    col('due', '预期完成时间', 'Due Date', 'date', 110),
    col('status', '当前状态', 'Status', 'enum', 100, { enumKey: 'status', guarded: true }),
    col('notes', '备注(验收标准/问题记录)', 'Notes (acceptance criteria / issues)', 'text', 260),
    col('completedOn', '完成日期', 'Completed On', 'date', 110, {
      tool: true,
      toolWritten: true,
      guarded: true,
    }),
    GUARD_COLUMN,
  ],
  conditional: [
    {
      id: 'closed',
      background: '#eeeeee',
      fontColor: '#80868b',
      target: 'row',
      formula: (l, { locale }) =>
        `=OR($${l('status')}2=${status('done', locale)},$${l('status')}2=${status('cancelled', locale)})`,
    },
    {
      id: 'overdue',
      background: '#f4c7c3',
      target: 'row',
      formula: (l, { locale }) => `=AND($${l('due')}2<>"",$${l('due')}2<TODAY(),${notClosed(l, locale)})`,
    },
    {
      id: 'dueSoon',
      background: '#fce8b2',
      target: 'row',
      formula: (l, { locale, dueSoonDays }) =>
        `=AND($${l('due')}2<>"",$${l('due')}2>=TODAY(),$${l('due')}2<=WORKDAY(TODAY(),${dueSoonDays}),${notClosed(l, locale)})`,
    },
  ],
};

const PROGRESS: SheetDef = {
  key: 'progress',
  name: { zh: '任务执行进度跟踪表', en: 'Progress Tracker' },
  validated: true,
  protection: 'none',
  idColumn: 'subtaskId',
  columns: [
    col('subtaskId', '子任务ID', 'Subtask ID', 'subtaskId', 170, { toolWritten: true, guarded: true }),
    col('taskId', '所属主任务ID', 'Task ID', 'taskRef', 150, { toolWritten: true, guarded: true }),
    col('name', '子任务名称', 'Subtask Name', 'text', 200, { required: true }),
    col('owner', '负责人', 'Owner', 'member', 80, { guarded: true }),
    col('progress', '今日进度(%)', 'Progress Today (%)', 'percent', 90),
    col('done', '已完成工作', 'Work Done', 'text', 220),
    col('next', '下一步计划', 'Next Steps', 'text', 200),
    col('blockers', '遇到的问题及所需支持', 'Blockers & Support Needed', 'text', 240),
    col('updatedOn', '更新日期', 'Updated On', 'date', 110, { toolWritten: true }),
    col('collaborators', '协作人', 'Collaborators', 'members', 110, { tool: true }),
    GUARD_COLUMN,
  ],
  conditional: [
    {
      id: 'complete',
      background: '#ceead6',
      target: { column: 'progress' },
      formula: (l) => `=$${l('progress')}2=100`,
    },
  ],
};

const SYNC: SheetDef = {
  key: 'sync',
  name: { zh: '信息同步共享记录表', en: 'Sync Log' },
  validated: true,
  protection: 'none',
  columns: [
    col('date', '同步日期', 'Date', 'date', 110),
    col('topic', '同步主题', 'Topic', 'text', 200, { required: true }),
    col('content', '同步内容(进展/问题/决议)', 'Content (progress / problem / decision)', 'text', 320, {
      required: true,
    }),
    col('raisedBy', '同步发起人', 'Raised By', 'member', 90),
    col('audience', '同步对象', 'Audience', 'text', 130),
    col('attachment', '附件/参考(占位符)', 'Attachment / Link', 'text', 170),
    col('notes', '备注', 'Notes', 'text', 180),
    col('taskId', '关联任务ID', 'Task ID', 'taskRef', 150, { tool: true }),
    col('kind', '记录类型', 'Kind', 'enum', 90, { tool: true, enumKey: 'kind' }),
  ],
  conditional: [],
};

const TEAM: SheetDef = {
  key: 'team',
  name: { zh: '成员', en: 'Team' },
  validated: true,
  protection: 'adminAndManagers',
  columns: [
    col('name', '姓名', 'Name', 'text', 100, { required: true }),
    col('email', '邮箱', 'Email', 'email', 220, { required: true }),
    col('role', '角色', 'Role', 'enum', 110, { enumKey: 'role' }),
    col('group', '小组', 'Group', 'text', 110),
    col('digest', '接收摘要', 'Digest', 'enum', 90, { enumKey: 'yesno' }),
  ],
  conditional: [],
};

const ARCHIVE_COLUMNS: ColumnDef[] = [
  col('archiveKey', '归档编号', 'Archive Key', 'archiveKey', 260, { tool: true }),
  col('archivedAt', '归档时间', 'Archived At', 'datetime', 140, { tool: true }),
];

/** An archive sheet: the live sheet's columns preceded by 归档编号 and 归档时间; admin-only, no validations. */
function archiveOf(key: SheetKey, live: SheetDef): SheetDef {
  return {
    key,
    name: { zh: `归档-${live.name.zh}`, en: `Archive · ${live.name.en}` },
    validated: false,
    protection: 'admin',
    columns: [...ARCHIVE_COLUMNS, ...live.columns.map((c) => ({ ...c, toolWritten: false }))],
    conditional: [],
  };
}

const PROGRESS_LOG: SheetDef = {
  key: 'progressLog',
  name: { zh: '进度日志', en: 'Progress Log' },
  hidden: true,
  validated: false,
  protection: 'warning',
  columns: [
    col('at', '时间', 'Time', 'datetime', 140),
    col('subtaskId', '子任务ID', 'Subtask ID', 'subtaskId', 170),
    col('taskId', '所属主任务ID', 'Task ID', 'taskRef', 150),
    col('progress', '进度(%)', 'Progress (%)', 'percent', 80),
    col('blockers', '遇到的问题及所需支持', 'Blockers & Support Needed', 'text', 240),
    col('author', '更新人', 'Updated By', 'text', 180),
  ],
  conditional: [],
};

const NOTIFICATION_LOG: SheetDef = {
  key: 'notificationLog',
  name: { zh: '通知日志', en: 'Notification Log' },
  hidden: true,
  validated: false,
  protection: 'admin',
  columns: [
    col('at', '时间', 'Time', 'datetime', 140),
    col('job', '任务', 'Job', 'text', 120),
    col('day', '工作日', 'Working Day', 'text', 100),
    col('recipient', '收件人', 'Recipient', 'text', 200),
    col('subject', '主题', 'Subject', 'text', 260),
    col('status', '状态', 'Status', 'text', 90),
    col('detail', '详情', 'Details', 'text', 320),
  ],
  conditional: [],
};

/** Every sheet, in the order setup arranges them. */
export const SHEETS: readonly SheetDef[] = [
  OVERVIEW,
  PROGRESS,
  SYNC,
  TEAM,
  archiveOf('archiveOverview', OVERVIEW),
  archiveOf('archiveProgress', PROGRESS),
  archiveOf('archiveSync', SYNC),
  PROGRESS_LOG,
  NOTIFICATION_LOG,
];

/** The 看板 / Dashboard sheet: free-form, written whole by the dashboard refresh (not a table with headers). */
export const DASHBOARD_NAME: Bilingual = { zh: '看板', en: 'Dashboard' };

export function sheetDef(key: SheetKey): SheetDef {
  return SHEETS.find((s) => s.key === key)!;
}

export function sheetName(key: SheetKey, locale: Locale): string {
  return pick(sheetDef(key).name, locale);
}

export function headersOf(def: SheetDef, locale: Locale): string[] {
  return def.columns.map((c) => pick(c.header, locale));
}

/** Splits a people cell on any of the separators people actually type. */
export function splitPeople(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return text
    .split(/[、,，;；/\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export type ValidationSpec =
  | { kind: 'list'; values: string[] }
  | { kind: 'members' }
  | { kind: 'date' }
  | { kind: 'formula'; formula: (letter: string) => string }
  | { kind: 'email' };

const HELP: Record<string, Bilingual> = {
  taskId: {
    zh: '任务ID由工具生成,格式:项目简称+年份-序号,如 产品迭代2024-001',
    en: 'Task IDs are assigned by Task Sync: prefix + year - number, e.g. Launch2024-001',
  },
  subtaskId: {
    zh: '子任务ID由工具生成,格式:任务ID-序号,如 产品迭代2024-001-01',
    en: 'Subtask IDs are assigned by Task Sync: task ID - number, e.g. Launch2024-001-01',
  },
  taskRef: {
    zh: '请填写已有的任务ID,如 产品迭代2024-001',
    en: 'Enter an existing task ID, e.g. Launch2024-001',
  },
  member: { zh: '请从成员表中选择一人', en: 'Choose one person from the Team sheet' },
  enum: { zh: '请从下拉列表中选择', en: 'Choose a value from the list' },
  date: { zh: '请输入有效日期,如 2024-10-30', en: 'Enter a valid date, e.g. 2024-10-30' },
  percent: { zh: '请输入 0 到 100 之间的整数', en: 'Enter a whole number from 0 to 100' },
  email: { zh: '请输入有效的邮箱地址', en: 'Enter a valid email address' },
};

/** The data-validation rule of a column on a validated sheet, or null when it takes free text. */
export function validationOf(
  column: ColumnDef,
  locale: Locale,
): { spec: ValidationSpec; helpText: string } | null {
  const help = (k: string) => pick(HELP[k]!, locale);
  const regex = (pattern: string) => (letter: string) => `=REGEXMATCH(TO_TEXT(${letter}2),"${pattern}")`;
  switch (column.type) {
    case 'taskId':
      return { spec: { kind: 'formula', formula: regex(TASK_ID_REGEX_TEXT) }, helpText: help('taskId') };
    case 'taskRef':
      return { spec: { kind: 'formula', formula: regex(TASK_ID_REGEX_TEXT) }, helpText: help('taskRef') };
    case 'subtaskId':
      return {
        spec: { kind: 'formula', formula: regex(SUBTASK_ID_REGEX_TEXT) },
        helpText: help('subtaskId'),
      };
    case 'member':
      return { spec: { kind: 'members' }, helpText: help('member') };
    case 'enum':
      return {
        spec: { kind: 'list', values: ENUMS[column.enumKey!].labels(locale) },
        helpText: help('enum'),
      };
    case 'date':
    case 'datetime':
      return { spec: { kind: 'date' }, helpText: help('date') };
    case 'percent':
      return {
        spec: {
          kind: 'formula',
          formula: (l) => `=AND(ISNUMBER(${l}2),${l}2>=0,${l}2<=100,INT(${l}2)=${l}2)`,
        },
        helpText: help('percent'),
      };
    case 'email':
      return { spec: { kind: 'email' }, helpText: help('email') };
    default:
      return null;
  }
}

/** The number format of a column: plain text keeps `=`, `+`, `-`, `@` typed by users as text (SPEC §2.6). */
export function numberFormatOf(column: ColumnDef): string {
  if (column.type === 'date') return 'yyyy-MM-dd';
  if (column.type === 'datetime') return 'yyyy-MM-dd HH:mm';
  if (column.type === 'percent') return '0';
  return '@';
}

export const HEADER_BACKGROUND = '#e8eaed';
export const TOOL_HEADER_BACKGROUND = '#fef7e0';

/** The note on the header of a column Task Sync appends to the seed's columns. */
export const TOOL_COLUMN_NOTE: Bilingual = {
  zh: '任务同步添加的工具列',
  en: 'Column added by Task Sync',
};
