// The sidebar's texts in zh-CN and en; the server sends the locale's set with the model.
import { type Bilingual, type Locale, pick } from './locale';

const SIDEBAR_TEXTS = {
  'tab.newTask': { zh: '新建任务', en: 'New task' },
  'tab.progress': { zh: '更新进度', en: 'Update progress' },
  'tab.sync': { zh: '同步记录', en: 'Sync record' },
  'tab.myTasks': { zh: '我的任务', en: 'My tasks' },
  'tab.settings': { zh: '设置', en: 'Settings' },
  'field.prefix': { zh: '项目简称', en: 'Project prefix' },
  'field.name': { zh: '任务名称', en: 'Task name' },
  'field.initiator': { zh: '发起人', en: 'Initiator' },
  'field.owner': { zh: '负责人', en: 'Owner' },
  'field.collaborators': { zh: '协作人', en: 'Collaborators' },
  'field.project': { zh: '关联项目/目标', en: 'Project / Goal' },
  'field.type': { zh: '任务类型', en: 'Task type' },
  'field.priority': { zh: '优先级', en: 'Priority' },
  'field.due': { zh: '预期完成时间', en: 'Due date' },
  'field.notes': { zh: '验收标准', en: 'Acceptance criteria' },
  'field.subtasks': {
    zh: '子任务(1–{max} 个;不拆分则留空)',
    en: 'Subtasks (1–{max}; leave empty for no split)',
  },
  'field.subtaskName': { zh: '子任务名称', en: 'Subtask name' },
  'field.subtask': { zh: '子任务', en: 'Subtask' },
  'field.progress': { zh: '今日进度(%)', en: 'Progress today (%)' },
  'field.done': { zh: '已完成工作', en: 'Work done' },
  'field.next': { zh: '下一步计划', en: 'Next steps' },
  'field.blockers': { zh: '遇到的问题及所需支持', en: 'Blockers & support needed' },
  'field.date': { zh: '同步日期', en: 'Date' },
  'field.topic': { zh: '同步主题', en: 'Topic' },
  'field.content': { zh: '同步内容', en: 'Content' },
  'field.kind': { zh: '记录类型', en: 'Kind' },
  'field.audience': { zh: '同步对象', en: 'Audience' },
  'field.attachment': { zh: '附件/参考', en: 'Attachment / link' },
  'field.syncNotes': { zh: '备注', en: 'Notes' },
  'field.taskId': { zh: '关联任务', en: 'Related task' },
  'field.reason': { zh: '原因', en: 'Reason' },
  'field.note': { zh: '验收意见(可选)', en: 'Note (optional)' },
  'button.create': { zh: '创建任务', en: 'Create task' },
  'button.addSubtask': { zh: '添加子任务', en: 'Add subtask' },
  'button.removeSubtask': { zh: '删除', en: 'Remove' },
  'button.saveProgress': { zh: '保存进度', en: 'Save progress' },
  'button.addSync': { zh: '保存记录', en: 'Save record' },
  'button.submit': { zh: '提交验收', en: 'Submit for acceptance' },
  'button.accept': { zh: '验收通过', en: 'Accept' },
  'button.reject': { zh: '退回', en: 'Reject' },
  'button.cancelTask': { zh: '取消任务', en: 'Cancel task' },
  'button.saveSettings': { zh: '保存设置', en: 'Save settings' },
  'button.retry': { zh: '重试', en: 'Retry' },
  'msg.loading': { zh: '加载中…', en: 'Loading…' },
  'msg.saving': { zh: '保存中…', en: 'Saving…' },
  'msg.created': { zh: '已创建:{ids}', en: 'Created: {ids}' },
  'msg.progressSaved': { zh: '进度已保存,任务状态:{status}', en: 'Progress saved; task status: {status}' },
  'msg.syncSaved': { zh: '记录已保存(第 {row} 行)', en: 'Record saved (row {row})' },
  'msg.statusChanged': { zh: '任务状态:{status}', en: 'Task status: {status}' },
  'msg.missingToday': { zh: '今天还未更新:{count} 个子任务', en: 'Not updated today: {count} subtasks' },
  'msg.allUpdated': { zh: '今天的进度都已更新', en: 'All your subtasks are updated today' },
  'msg.noSubtasks': { zh: '没有进行中的子任务', en: 'No open subtasks' },
  'msg.noTasks': { zh: '暂无', en: 'None' },
  'msg.overdue': { zh: '已逾期', en: 'Overdue' },
  'msg.unknownUser': {
    zh: '无法识别你的账号:操作会被允许,并以“未知用户”记入信息同步共享记录表。',
    en: 'Your account cannot be identified: actions are allowed and recorded in the Sync Log as by an unknown user.',
  },
  'msg.notOnTeam': {
    zh: '你({email})不在成员表中,请联系主管添加。',
    en: 'You ({email}) are not on the Team sheet; ask a manager to add you.',
  },
  'msg.fixErrors': { zh: '请先修正标出的字段', en: 'Please fix the marked fields' },
  'msg.adminOnly': { zh: '只有管理员可以修改设置', en: 'Only the admin can change settings' },
  'msg.timeZone': { zh: '时区:{timeZone}', en: 'Time zone: {timeZone}' },
  'section.mySubtasks': { zh: '我的子任务', en: 'My subtasks' },
  'section.otherSubtasks': {
    zh: '我负责或发起的任务中的其他子任务',
    en: 'Other subtasks of tasks I own or initiated',
  },
  'section.myTasks': { zh: '我负责或发起的任务', en: 'Tasks I own or initiated' },
  'section.awaiting': { zh: '等待我验收', en: 'Awaiting my acceptance' },
} satisfies Record<string, Bilingual>;

export type SidebarTextKey = keyof typeof SIDEBAR_TEXTS;

export function sidebarStrings(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(SIDEBAR_TEXTS)) out[key] = pick(text, locale);
  return out;
}
