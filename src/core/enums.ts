// Locale-independent codes for every enumerated column, with their zh-CN and en labels as shown in the sheets.
import { type Bilingual, type Locale, pick } from './locale';

function enumOf<C extends string>(labels: Record<C, Bilingual>) {
  const codes = Object.keys(labels) as C[];
  return {
    codes,
    label: (code: C, locale: Locale): string => pick(labels[code], locale),
    labels: (locale: Locale): string[] => codes.map((c) => pick(labels[c], locale)),
    /** The code of a label in the given locale (trimmed), or null. */
    parse: (label: unknown, locale: Locale): C | null => {
      const text = typeof label === 'string' ? label.trim() : '';
      return codes.find((c) => pick(labels[c], locale) === text) ?? null;
    },
    isCode: (v: unknown): v is C => typeof v === 'string' && (codes as string[]).includes(v),
  };
}

export const TaskType = enumOf({
  project: { zh: '专项任务', en: 'Project' },
  routine: { zh: '常规任务', en: 'Routine' },
  urgent: { zh: '紧急任务', en: 'Urgent' },
});
export type TaskTypeCode = (typeof TaskType.codes)[number];

export const Priority = enumOf({
  high: { zh: '高', en: 'High' },
  medium: { zh: '中', en: 'Medium' },
  low: { zh: '低', en: 'Low' },
});
export type PriorityCode = (typeof Priority.codes)[number];

export const Status = enumOf({
  not_started: { zh: '未开始', en: 'Not started' },
  in_progress: { zh: '进行中', en: 'In progress' },
  pending_acceptance: { zh: '待验收', en: 'Pending acceptance' },
  done: { zh: '已完成', en: 'Done' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
});
export type StatusCode = (typeof Status.codes)[number];

export const SyncKind = enumOf({
  progress: { zh: '进展', en: 'Progress' },
  problem: { zh: '问题', en: 'Problem' },
  decision: { zh: '决议', en: 'Decision' },
  deliverable: { zh: '交付', en: 'Deliverable' },
});
export type SyncKindCode = (typeof SyncKind.codes)[number];

export const Role = enumOf({
  manager: { zh: '主管', en: 'Manager' },
  lead: { zh: '项目负责人', en: 'Lead' },
  member: { zh: '成员', en: 'Member' },
});
export type RoleCode = (typeof Role.codes)[number];

export const YesNo = enumOf({
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
});
export type YesNoCode = (typeof YesNo.codes)[number];

export const ENUMS = {
  type: TaskType,
  priority: Priority,
  status: Status,
  kind: SyncKind,
  role: Role,
  yesno: YesNo,
};
export type EnumKey = keyof typeof ENUMS;

/** Statuses after which a task needs no more work. */
export const CLOSED_STATUSES: readonly StatusCode[] = ['done', 'cancelled'];
