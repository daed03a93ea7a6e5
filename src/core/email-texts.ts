// The daily emails' texts in zh-CN and en; `{name}` placeholders are filled by emailTexts(), `{s}` pluralises `{n}`.
import { type Bilingual, fill, type Locale, pick } from './locale';

const EMAIL_TEXTS = {
  prefix: { zh: '【任务同步】', en: '[Task Sync] ' },
  'subject.member': { zh: '每日摘要 · {name} · {date}', en: 'Daily digest · {name} · {date}' },
  'subject.team': { zh: '团队摘要 · {date}', en: 'Team digest · {date}' },
  'subject.rollCall': {
    zh: '17:00 前请更新进度 · {date}',
    en: 'Please update your progress before 17:00 · {date}',
  },
  'subject.escalation': {
    zh: '今日未更新与待响应问题 · {date}',
    en: 'Not updated today and problems awaiting a response · {date}',
  },
  greeting: { zh: '{name},你好:', en: 'Hi {name},' },
  'intro.member': { zh: '以下是今天需要你处理的事项。', en: 'Here is what needs your attention today.' },
  'intro.team': { zh: '以下是 {date} 的团队概况。', en: "Here is the team's status for {date}." },
  'intro.rollCall': {
    zh: '以下子任务今天还没有更新进度。请在 17:00 前打开表格,在侧边栏「更新进度」中填写。',
    en: 'These subtasks have no progress update today. Please update them before 17:00: open the spreadsheet, then the sidebar\'s "Update progress" tab.',
  },
  'intro.escalation': {
    zh: '今天 17:00 的进度更新时间已过,以下事项需要跟进。',
    en: "Today's 17:00 progress deadline has passed; these need following up.",
  },
  nothing: { zh: '今天没有需要处理的事项。', en: 'Nothing needs attention today.' },
  more: { zh: '……另有 {n} 项,请在表格中查看', en: '… and {n} more in the spreadsheet' },
  heading: { zh: '{title}({count})', en: '{title} ({count})' },
  'section.overdue': { zh: '已逾期', en: 'Overdue' },
  'section.dueSoon': { zh: '即将到期', en: 'Due soon' },
  'note.dueSoon': { zh: '截止日期在 {n} 个工作日内。', en: 'Due within {n} working day{s}.' },
  'section.notUpdated': { zh: '上个工作日未更新', en: 'Not updated on the last working day' },
  'section.problemsForMe': { zh: '待我响应的问题', en: 'Problems awaiting your response' },
  'section.awaitingAcceptance': { zh: '等待我验收', en: 'Awaiting your acceptance' },
  'section.retrospectives': { zh: '待复盘', en: 'Retrospectives due' },
  'note.retrospectives': {
    zh: '请在 3 个工作日内召开复盘会,并把结论记录到备注。',
    en: 'Please hold the retrospective within 3 working days and record the conclusions in Notes.',
  },
  'section.mine': { zh: '我的事项 · {title}', en: 'Your items · {title}' },
  'section.counts': { zh: '任务状态', en: 'Tasks by status' },
  'section.overdueTasks': { zh: '逾期任务', en: 'Overdue tasks' },
  'section.nonUpdaters': {
    zh: '上个工作日未更新的人员',
    en: 'People who did not update on the last working day',
  },
  'section.problemsOver24h': {
    zh: '超过 24 小时未响应的问题',
    en: 'Problems with no response for over 24 hours',
  },
  'section.acceptanceOver2Days': {
    zh: '待验收超过 2 个工作日',
    en: 'Pending acceptance for over 2 working days',
  },
  'section.skipped': {
    zh: '上次因邮件额度不足未发送',
    en: 'Not sent last time: daily mail quota used up',
  },
  'note.skipped': { zh: '请手工联系以下收件人。', en: 'Please follow up with these recipients by hand.' },
  'section.jobsAccount': {
    zh: '每日任务的运行账号已不在成员表中',
    en: 'The daily jobs run as someone no longer on the Team sheet',
  },
  'note.jobsAccount': {
    zh: '摘要、提醒和归档仍以此账号的身份运行。如果此人已离开团队,请由一位主管运行「初始化/修复模板」接任管理员,再运行「安装每日任务」;在此之前请勿停用该账号。',
    en: 'Digests, reminders and the archive still run as this account. If this person has left the team, a manager should run "Set up or repair sheets" to take over as admin, then "Install daily jobs"; keep the account active until then.',
  },
  'section.rollCall': { zh: '今日尚未更新的子任务', en: 'Subtasks with no update today' },
  'section.nonUpdatersToday': { zh: '今日未更新的人员', en: 'People who have not updated today' },
  'detail.task': { zh: '任务:{name}({id})', en: 'Task: {name} ({id})' },
  'detail.subtask': { zh: '子任务 {id}', en: 'Subtask {id}' },
  'detail.due': { zh: '截止 {date}', en: 'Due {date}' },
  'detail.overdue': { zh: '逾期 {n} 天', en: 'Overdue by {n} day{s}' },
  'detail.progress': { zh: '进度 {n}%', en: 'Progress {n}%' },
  'detail.updated': { zh: '最近更新 {date}', en: 'Last updated {date}' },
  'detail.neverUpdated': { zh: '从未更新', en: 'Never updated' },
  'detail.owner': { zh: '负责人:{name}', en: 'Owner: {name}' },
  'detail.status': { zh: '状态:{status}', en: 'Status: {status}' },
  'detail.raisedBy': { zh: '提出人:{name}', en: 'Raised by {name}' },
  'detail.waited': { zh: '已等待 {n} 小时', en: 'Waiting {n} hour{s}' },
  'detail.pending': { zh: '已待验收 {n} 个工作日', en: 'Pending {n} working day{s}' },
  footer: { zh: '由任务同步自动发送 · {now}', en: 'Sent by Task Sync · {now}' },
  openSheet: { zh: '打开表格', en: 'Open the spreadsheet' },
  openSheetAt: { zh: '打开表格:{url}', en: 'Open the spreadsheet: {url}' },
} satisfies Record<string, Bilingual>;

export type EmailTextKey = keyof typeof EMAIL_TEXTS;
export type EmailText = (key: EmailTextKey, params?: Record<string, string | number>) => string;

/** The texts of one locale; a numeric `n` also sets `{s}` to '' or 's' for English plurals. */
export function emailTexts(locale: Locale): EmailText {
  return (key, params = {}) => {
    const values: Record<string, string | number> = { ...params };
    if (typeof params.n === 'number') values.s = params.n === 1 ? '' : 's';
    return fill(pick(EMAIL_TEXTS[key], locale), values);
  };
}
