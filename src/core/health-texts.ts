// The data health check's words in zh-CN and en: what each kind of finding says, and what to do about it.
import { type Bilingual, fill, type Locale, pick } from './locale';

/** Every kind of problem the health check reports (locale-independent codes). */
export type FindingKind =
  | 'sheetMissing'
  | 'headerRow'
  | 'headerColumn'
  | 'validationLost'
  | 'required'
  | 'idFormat'
  | 'idDuplicate'
  | 'unknownTask'
  | 'parentMismatch'
  | 'noSubtask'
  | 'personCount'
  | 'notOnTeam'
  | 'enumValue'
  | 'dateValue'
  | 'progressValue'
  | 'guardMismatch';

/** The problems about a sheet's shape rather than its rows: the ones 初始化/修复模板 can repair. */
export const STRUCTURE_KINDS: ReadonlySet<FindingKind> = new Set([
  'sheetMissing',
  'headerRow',
  'headerColumn',
  'validationLost',
]);

const PROBLEMS: Record<FindingKind, Bilingual> = {
  sheetMissing: { zh: '工作表「{sheet}」不存在', en: 'The sheet "{sheet}" is missing' },
  headerRow: {
    zh: '第 1 行不是表头(表头行被删除或被数据覆盖),无法检查该表的各行',
    en: 'Row 1 is not the header (the header row was deleted or overwritten); its rows could not be checked',
  },
  headerColumn: {
    zh: '表头中找不到列「{column}」(被删除或改名),无法检查该表的各行',
    en: 'The header has no column "{column}" (deleted or renamed); its rows could not be checked',
  },
  validationLost: {
    zh: '「{column}」列有 {count} 个单元格的数据验证丢失或被替换(例如被粘贴覆盖)',
    en: 'Column "{column}": {count} cells lost their data validation or got another one (a paste, for example)',
  },
  required: { zh: '「{column}」为空', en: '"{column}" is empty' },
  idFormat: {
    zh: '「{column}」的「{value}」不是有效的 ID 格式',
    en: '"{column}": "{value}" is not a valid ID',
  },
  idDuplicate: {
    zh: '「{column}」的「{value}」与第 {row} 行重复',
    en: '"{column}": "{value}" duplicates row {row}',
  },
  unknownTask: {
    zh: '「{column}」的「{value}」在「{overview}」中不存在',
    en: '"{column}": "{value}" is not in "{overview}"',
  },
  parentMismatch: {
    zh: '子任务「{value}」不属于「{column}」中的任务「{task}」',
    en: 'The subtask "{value}" does not belong to the task "{task}" in "{column}"',
  },
  noSubtask: {
    zh: '任务「{value}」在「{progress}」中没有子任务',
    en: 'The task "{value}" has no subtask in "{progress}"',
  },
  personCount: {
    zh: '「{column}」应只有一人,现为 {count} 人:{value}',
    en: '"{column}" must name exactly one person; it names {count}: {value}',
  },
  notOnTeam: {
    zh: '「{column}」中的 {names} 不在成员表中',
    en: '"{column}": {names} not on the Team sheet',
  },
  enumValue: {
    zh: '「{column}」的「{value}」不在下拉列表中',
    en: '"{column}": "{value}" is not one of the list\'s values',
  },
  dateValue: {
    zh: '「{column}」的「{value}」不是日期',
    en: '"{column}": "{value}" is not a date',
  },
  progressValue: {
    zh: '「{column}」的「{value}」不是 0 到 100 之间的整数',
    en: '"{column}": "{value}" is not a whole number from 0 to 100',
  },
  guardMismatch: {
    zh: '「{column}」是「{value}」,但任务同步最后记录的是「{expected}」(这次修改没有经过侧边栏或编辑检查)',
    en: '"{column}" is "{value}" but Task Sync last recorded "{expected}" (the change bypassed the sidebar and the edit check)',
  },
};

const FIXES = {
  restore: {
    zh: '恢复为「{expected}」(守护值中记录的值)',
    en: 'Restore it to "{expected}" (the value kept in the guard column)',
  },
  restoreOrSidebar: {
    zh: '若这次修改未经许可,恢复为「{expected}」;若确需修改,请在侧边栏中办理',
    en: 'Restore "{expected}" if the change was not allowed; if it is wanted, make it from the sidebar',
  },
  repairedSheet: {
    zh: '已重新创建空白的工作表;原有数据请从「文件 → 版本记录」中恢复',
    en: 'Recreated as an empty sheet; recover its rows from File → Version history',
  },
  repairedValidation: {
    zh: '已恢复该列的数据验证(单元格中的值未改动)',
    en: "Restored the column's data validation (no cell value was changed)",
  },
  askAdmin: {
    zh: '请管理员运行「任务同步 → 初始化/修复模板」',
    en: 'Ask the admin to run "Task Sync → Set up or repair sheets"',
  },
  headerRow: {
    zh: '运行「初始化/修复模板」在数据上方插回表头行,然后再次运行数据检查',
    en: 'Run "Set up or repair sheets" to put the header row back above the data, then check again',
  },
  headerColumn: {
    zh: '把该列的表头改回「{column}」(表头只是被改写时,「初始化/修复模板」会自动恢复),然后再次运行数据检查',
    en: 'Rename the column back to "{column}" ("Set up or repair sheets" restores a header that was only overwritten), then check again',
  },
  newId: {
    zh: 'ID 由任务同步分配:手工添加的行请删除,改在侧边栏中新建',
    en: 'Task Sync assigns IDs: delete a row added by hand and create it from the sidebar',
  },
  idFormat: {
    zh: '格式应为 项目简称+年份-序号,如 产品迭代2024-001(子任务再加 -01)',
    en: 'Use prefix + year - number, e.g. Launch2024-001 (subtasks add -01)',
  },
  duplicate: {
    zh: '删除重复复制的那一行;若两行都是有效任务,请把被改动的 ID 按守护值恢复',
    en: 'Delete the copied row; if both are real tasks, restore the changed ID from the guard column',
  },
  fillIn: { zh: '填写「{column}」', en: 'Fill in "{column}"' },
  fillParent: { zh: '填入「{task}」', en: 'Enter "{task}"' },
  existingTask: {
    zh: '改为已有的任务ID或清空(已归档任务的记录应在归档表中)',
    en: 'Use an existing task ID or clear it (records of archived tasks belong in the archive)',
  },
  addSubtask: {
    zh: '在「{progress}」中为它添加一行子任务「{value}-01」',
    en: 'Add a subtask row "{value}-01" for it in "{progress}"',
  },
  onePerson: {
    zh: '只保留一人,其他人写入「协作人」',
    en: 'Keep one person; put the others in Collaborators',
  },
  choosePerson: { zh: '从成员表中选择一人', en: 'Choose one person from the Team sheet' },
  teamName: {
    zh: '改为成员表中的姓名,或请主管把此人加入「成员」表',
    en: 'Use names from the Team sheet, or ask a manager to add the person to it',
  },
  chooseValue: { zh: '从下拉列表中选择:{options}', en: 'Choose one of: {options}' },
  date: { zh: '重新输入为日期,如 2024-10-30', en: 'Enter it again as a date, e.g. 2024-10-30' },
  progress: { zh: '输入 0 到 100 之间的整数', en: 'Enter a whole number from 0 to 100' },
} satisfies Record<string, Bilingual>;

export type FixKey = keyof typeof FIXES;

export function problemText(
  kind: FindingKind,
  locale: Locale,
  params: Record<string, string | number>,
): string {
  return fill(pick(PROBLEMS[kind], locale), params);
}

export function fixText(key: FixKey, locale: Locale, params: Record<string, string | number>): string {
  return fill(pick(FIXES[key], locale), params);
}

/** How an empty value is shown inside a message. */
export function emptyText(locale: Locale): string {
  return locale === 'en' ? '(empty)' : '(空)';
}
