// User-facing texts in zh-CN and en: menu, setup reports and errors. `{name}` placeholders are filled by `t()`.
import { type Bilingual, fill, type Locale, pick } from './locale';

const TEXTS = {
  addonName: { zh: '任务同步', en: 'Task Sync' },
  'menu.openSidebar': { zh: '打开侧边栏', en: 'Open sidebar' },
  'menu.setup': { zh: '初始化/修复模板', en: 'Set up or repair sheets' },
  'menu.installJobs': { zh: '安装每日任务', en: 'Install daily jobs' },
  'menu.sendDigest': { zh: '立即发送摘要', en: 'Send digest now' },
  'menu.archiveNow': { zh: '立即归档', en: 'Archive now' },
  'menu.restore': { zh: '从归档恢复', en: 'Restore from archive' },
  'menu.dashboard': { zh: '刷新看板', en: 'Refresh dashboard' },
  'menu.review': { zh: '生成复盘报告', en: 'Generate review' },
  'menu.health': { zh: '数据检查', en: 'Check data' },
  'menu.about': { zh: '关于', en: 'About' },
  'sidebar.title': { zh: '任务同步', en: 'Task Sync' },
  'about.body': {
    zh: '任务同步:部门任务分配、进度跟踪与信息同步。\n表格:{sheets}\n时区:{timeZone}',
    en: 'Task Sync: assign tasks, track progress and share information.\nSheets: {sheets}\nTime zone: {timeZone}',
  },
  'setup.created': { zh: '已创建工作表「{sheet}」', en: 'Created sheet "{sheet}"' },
  'setup.headerWritten': {
    zh: '「{sheet}」第 {column} 列:已写入表头「{header}」',
    en: '"{sheet}" column {column}: wrote header "{header}"',
  },
  'setup.headerRowInserted': {
    zh: '「{sheet}」:表头行缺失,已在第 1 行插入表头',
    en: '"{sheet}": the header row was missing; inserted headers as row 1',
  },
  'setup.validationRepaired': {
    zh: '「{sheet}」「{header}」列:已恢复数据验证',
    en: '"{sheet}" column "{header}": restored data validation',
  },
  'setup.formatRepaired': {
    zh: '「{sheet}」「{header}」列:已恢复格式',
    en: '"{sheet}" column "{header}": restored number format',
  },
  'setup.protectionRepaired': {
    zh: '「{sheet}」:已恢复保护「{what}」',
    en: '"{sheet}": restored protection "{what}"',
  },
  'setup.styleRepaired': {
    zh: '「{sheet}」:已恢复表头样式与冻结行',
    en: '"{sheet}": restored header style and frozen row',
  },
  'setup.conditionalRepaired': {
    zh: '「{sheet}」:已恢复条件格式',
    en: '"{sheet}": restored conditional formatting',
  },
  'setup.columnHidden': {
    zh: '「{sheet}」:已隐藏工具列「守护值」',
    en: '"{sheet}": hid the tool column "Guard"',
  },
  'setup.visibilityRepaired': {
    zh: '「{sheet}」:已恢复隐藏状态',
    en: '"{sheet}": restored its hidden state',
  },
  'setup.editTrigger': {
    zh: '已安装编辑检查(handleEdit)触发器',
    en: 'Installed the edit check trigger (handleEdit)',
  },
  'setup.unchanged': { zh: '模板完好,无需修改。', en: 'All sheets are in shape; nothing changed.' },
  'setup.done': { zh: '初始化/修复完成:', en: 'Setup finished:' },
  'setup.needsHand': {
    zh: '以下问题需要手工处理(数据未做任何改动),处理后请再次运行「初始化/修复模板」:',
    en: 'These need a person to fix them (no data was changed); then run "Set up or repair sheets" again:',
  },
  'problem.unknownHeader': {
    zh: '「{sheet}」第 {column} 列的表头「{found}」不是模板中的列名',
    en: '"{sheet}" column {column}: the header "{found}" is not one of the template\'s columns',
  },
  'problem.missingHeader': {
    zh: '「{sheet}」缺少列「{expected}」(应在第 {column} 列)',
    en: '"{sheet}" is missing the column "{expected}" (expected in column {column})',
  },
  'problem.duplicateHeader': {
    zh: '「{sheet}」第 {column} 列的表头「{found}」重复出现',
    en: '"{sheet}" column {column}: the header "{found}" appears more than once',
  },
  'problem.dataDoesNotFit': {
    zh: '「{sheet}」第 {column} 列的数据与「{expected}」列不符,无法确定该列含义',
    en: '"{sheet}" column {column}: its data does not fit "{expected}", so its meaning cannot be known',
  },
  'setup.protectionLocked': {
    zh: '工作表「{sheet}」的保护「{what}」只能由其编辑者或表格所有者({owner})修改:请表格所有者运行「初始化/修复模板」。',
    en: 'The protection "{what}" on "{sheet}" can only be changed by its editors or the file\'s owner ({owner}): ask the owner to run "Set up or repair sheets".',
  },
  'setup.adminHandover': {
    zh: '管理员 {from} 已不在成员表中,由主管 {to} 接任管理员;请重新运行「安装每日任务」。',
    en: 'The admin {from} is no longer on the Team sheet; the manager {to} takes over as admin. Run "Install daily jobs" again.',
  },
  'error.notAdmin': {
    zh: '只有管理员({admin})或主管可以运行「初始化/修复模板」。',
    en: 'Only the admin ({admin}) or a manager can run "Set up or repair sheets".',
  },
  'error.templateDamaged': {
    zh: '工作表「{sheet}」的列「{column}」缺失或被改名。请让管理员运行「任务同步 → 初始化/修复模板」。',
    en: 'The sheet "{sheet}" lacks the column "{column}" (missing or renamed). Ask the admin to run "Task Sync → Set up or repair sheets".',
  },
  'error.headerRowMissing': {
    zh: '工作表「{sheet}」的第 1 行不是表头(表头行被删除或覆盖)。请让管理员运行「任务同步 → 初始化/修复模板」。',
    en: 'The sheet "{sheet}" has no header in row 1 (the header row was deleted or overwritten). Ask the admin to run "Task Sync → Set up or repair sheets".',
  },
  'error.sheetMissing': {
    zh: '找不到工作表「{sheet}」。请让管理员运行「任务同步 → 初始化/修复模板」。',
    en: 'The sheet "{sheet}" is missing. Ask the admin to run "Task Sync → Set up or repair sheets".',
  },
  'error.notSetUp': {
    zh: '表格尚未初始化:请管理员运行「任务同步 → 初始化/修复模板」。Not set up yet: ask the admin to run Set up.',
    en: 'Not set up yet: ask the admin to run "Task Sync → Set up or repair sheets".',
  },
  'error.noTask': { zh: '找不到任务「{id}」', en: 'No task "{id}"' },
  'error.noSubtask': { zh: '找不到子任务「{id}」', en: 'No subtask "{id}"' },
  'error.busy': {
    zh: '另一项操作正在进行,请稍后重试(你填写的内容仍保留在表单中)。',
    en: 'Another change is in progress; please try again in a moment (your input is still in the form).',
  },
  'error.propsFull': {
    zh: '文档属性已满,无法保存已归档任务的编号({error}),本次未归档任何任务。请删除不用的文档属性后重试。',
    en: 'The document properties are full, so the archived task numbers cannot be saved ({error}); nothing was archived. Remove unused document properties and try again.',
  },
  'error.adminOnly': {
    zh: '只有管理员({admin})可以修改设置',
    en: 'Only the admin ({admin}) can change settings',
  },
  'sync.unknownUser': { zh: '(未知用户)', en: '(unknown user)' },
  'sync.rejectTopic': { zh: '验收退回:{task}', en: 'Rejected: {task}' },
  'sync.rejectContent': { zh: '退回原因:{reason}', en: 'Reason: {reason}' },
  'sync.acceptTopic': { zh: '验收通过:{task}', en: 'Accepted: {task}' },
  'sync.acceptContent': { zh: '验收通过。{note}', en: 'Accepted. {note}' },
  'sync.cancelTopic': { zh: '任务取消:{task}', en: 'Cancelled: {task}' },
  'sync.cancelContent': { zh: '取消原因:{reason}', en: 'Reason: {reason}' },
  'sync.createTopic': { zh: '新建任务:{task}', en: 'New task: {task}' },
  'sync.createContent': { zh: '由未知用户创建,任务ID {id}', en: 'Created by an unknown user as {id}' },
  'sync.submitTopic': { zh: '提交验收:{task}', en: 'Submitted for acceptance: {task}' },
  'sync.submitContent': { zh: '由未知用户提交验收', en: 'Submitted for acceptance by an unknown user' },
  'sync.progressTopic': { zh: '进度更新:{task}', en: 'Progress update: {task}' },
  'sync.progressContent': {
    zh: '未知用户将子任务 {subtask} 的进度更新为 {progress}%',
    en: 'An unknown user set the progress of {subtask} to {progress}%',
  },
  'edit.unknownPeople': { zh: '不在成员表中:{names}', en: 'Not on the Team sheet: {names}' },
  'edit.badId': { zh: '「{id}」不是有效的 ID 格式', en: '"{id}" is not a valid ID' },
  'edit.duplicateId': { zh: '「{id}」与第 {row} 行重复', en: '"{id}" duplicates row {row}' },
  'edit.unknownTopic': { zh: '直接编辑(未知用户)', en: 'Direct edit (unknown user)' },
  'jobs.installed': {
    zh: '每日任务已安装:每小时运行一次,按设置的时间发送摘要、点名提醒和升级提醒,以 {email} 的身份运行。',
    en: 'Daily jobs installed: they run hourly and send the digest, roll call and escalation at the set times, as {email}.',
  },
  'jobs.alreadyInstalled': {
    zh: '每日任务已经安装过了(以 {email} 的身份运行),没有重复安装。',
    en: 'The daily jobs were already installed (running as {email}); nothing was added.',
  },
  'jobs.digestSent': { zh: '今日摘要已发送。', en: "Today's digest was sent." },
  'jobs.digestLater': {
    zh: '今日摘要暂未全部发出(另一次运行正在进行或时间不足),其余部分将在下一次整点运行时发送。',
    en: "Today's digest is not all out yet (another run is busy or time ran out); the rest goes out at the next hourly run.",
  },
  'jobs.digestAlready': {
    zh: '今日摘要此前已发送,没有重复发送。',
    en: "Today's digest had already been sent; nothing was sent twice.",
  },
  'archive.done': {
    zh: '归档完成:移出 {count} 个任务及其进度与同步记录。{deferred} 个任务留待下次归档。',
    en: 'Archived {count} tasks with their progress rows and sync records; {deferred} wait for the next run.',
  },
  'archive.ask': {
    zh: '请输入要恢复的任务ID(如 产品迭代2024-001):',
    en: 'Task ID to restore (e.g. Launch2024-001):',
  },
  'archive.restored': {
    zh: '已将「{id}」及其记录恢复到工作表。',
    en: 'Restored "{id}" and its rows to the live sheets.',
  },
  'archive.notFound': { zh: '归档中没有任务「{id}」', en: 'No task "{id}" in the archive' },
  'archive.adminOnly': {
    zh: '只有管理员({admin})可以从归档恢复',
    en: 'Only the admin ({admin}) can restore from the archive',
  },
  'archive.adminOnlyNow': {
    zh: '只有管理员({admin})可以立即归档',
    en: 'Only the admin ({admin}) can archive now',
  },
  'dashboard.empty': {
    zh: '看板将在每日任务运行时更新,也可以点击「扩展程序 → 任务同步 → 刷新看板」。',
    en: 'The dashboard fills in when the daily jobs run, or from Extensions → Task Sync → Refresh dashboard.',
  },
  'dashboard.done': { zh: '看板已更新({at})。', en: 'The dashboard is up to date ({at}).' },
  'review.ask': {
    zh: '复盘期间:本周、上周、本月、上月,或 2024-10-14~2024-10-20',
    en: 'Period: thisWeek, lastWeek, thisMonth, lastMonth, or 2024-10-14~2024-10-20',
  },
  'review.badPeriod': {
    zh: '期间「{text}」无法识别:请输入 本周、上周、本月、上月,或 yyyy-MM-dd~yyyy-MM-dd(不超过一年)',
    en: 'Cannot read the period "{text}": use thisWeek, lastWeek, thisMonth, lastMonth, or yyyy-MM-dd~yyyy-MM-dd (up to a year)',
  },
  'review.done': { zh: '复盘报告已生成:工作表「{sheet}」。', en: 'Review written to the sheet "{sheet}".' },
  'review.subject': { zh: '【任务同步】阶段性复盘 {from} ~ {to}', en: '[Task Sync] Review {from} – {to}' },
  'review.body': {
    zh: '复盘报告已生成:完成 {completed} 项,开始 {started} 项,逾期 {overdue} 项,结转 {carried} 项,问题 {problems} 个。\n打开表格查看「{sheet}」:{url}',
    en: 'The review is ready: {completed} completed, {started} started, {overdue} overdue, {carried} carried over, {problems} problems.\nOpen "{sheet}" in the spreadsheet: {url}',
  },
  'review.dryRun': {
    zh: '邮件处于演练模式(设置),未发送给:{to}',
    en: 'Email is in dry-run mode (settings); not sent to: {to}',
  },
  'review.mailNotAllowed': {
    zh: '只有主管或管理员可以将复盘报告发送给主管',
    en: 'Only a manager or the admin may email the review to the managers',
  },
  'review.quota': {
    zh: '今日邮件配额已用完,未发送给:{to}',
    en: "Today's email quota is used up; not sent to: {to}",
  },
  'retro.recorded': {
    zh: '复盘结论已记入「{id}」的备注。',
    en: 'The retrospective was added to the notes of "{id}".',
  },
  'retro.notAllowed': {
    zh: '只有任务发起人或主管可以记录复盘结论',
    en: 'Only the task initiator or a manager may record the retrospective',
  },
  'retro.notDone': {
    zh: '任务「{id}」尚未完成,不能记录复盘',
    en: 'The task "{id}" is not done yet; nothing to review',
  },
  'retro.topic': { zh: '复盘结论:{task}', en: 'Retrospective: {task}' },
  'retro.content': { zh: '由未知用户记录:{text}', en: 'Recorded by an unknown user: {text}' },
  'retro.prefix': { zh: '复盘({date}):', en: 'Retrospective ({date}): ' },
  'health.summary': {
    zh: '检查时间 {at}:发现 {problems} 个问题(结构 {structure},{counts}),已自动修复 {repaired} 项',
    en: 'Checked {at}: {problems} problems (structure {structure}, {counts}); {repaired} repairs made',
  },
  'health.none': { zh: '未发现问题。', en: 'No problems found.' },
  'health.done': {
    zh: '数据检查完成:发现 {problems} 个问题,已自动修复 {repaired} 项。详见工作表「{sheet}」。',
    en: 'Data check finished: {problems} problems found, {repaired} repairs made. See the sheet "{sheet}".',
  },
  'health.repaired': {
    zh: '已自动修复(仅结构,未改动任何数据)',
    en: 'Repaired (structure only; no data changed)',
  },
  'health.needsHand': { zh: '需要手工处理', en: 'Needs a person' },
  'health.repairFailed': { zh: '自动修复未完成:{message}', en: 'The repair did not finish: {message}' },
  'protection.header': { zh: '任务同步:表头', en: 'Task Sync: header' },
  'protection.toolColumn': { zh: '任务同步:工具列 {header}', en: 'Task Sync: tool column {header}' },
  'protection.sheet': { zh: '任务同步:工作表', en: 'Task Sync: sheet' },
} satisfies Record<string, Bilingual>;

export type TextKey = keyof typeof TEXTS;

/** The text for a key in the locale, with `{name}` placeholders filled in. */
export function t(key: TextKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return fill(pick(TEXTS[key], locale), params);
}

/** Said before the settings (and so the locale) can be read: both languages, as the lock comes first. */
export const BUSY_MESSAGE = `${TEXTS['error.busy'].zh} ${TEXTS['error.busy'].en}`;

/** Every description Task Sync gives its protections, in both locales (to recognise its own). */
export function isOwnProtectionDescription(description: string): boolean {
  return description.startsWith('任务同步:') || description.startsWith('Task Sync:');
}
