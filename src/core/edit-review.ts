// Reviews a person's direct edit of guarded cells (SPEC §4): what stands, what is restored and why, what gets stamped.
import { Status, type StatusCode } from './enums';
import type { SubtaskGuard, TaskGuard } from './guard';
import { type Bilingual, fill, type Locale, pick } from './locale';
import type { SubtaskRecord, TaskRecord } from './records';
import {
  type Actor,
  actionBetween,
  isManager,
  isUnknown,
  needsReason,
  roleAllows,
  roleDenial,
} from './workflow';

/** A guarded cell to restore, with the note that explains why. */
export interface Revert {
  key: string;
  value: string;
  note: string;
}

export interface TaskReview {
  reverts: Revert[];
  /** The status change stands and closes the task: stamp 完成日期. */
  stampCompleted: boolean;
  /** The guard after the review (what now stands). */
  guard: TaskGuard;
  /** Something changed that an unknown identity made (to record in the Sync Log). */
  changedByUnknown: { key: string; value: string }[];
}

const NOTES: Record<string, Bilingual> = {
  id: {
    zh: 'ID 由任务同步分配,不能修改;已恢复为「{value}」。',
    en: 'IDs are assigned by Task Sync and never change; restored to "{value}".',
  },
  initiator: {
    zh: '只有主管可以更改发起人;已恢复为「{value}」。',
    en: 'Only a manager may change the initiator; restored to "{value}".',
  },
  owner: {
    zh: '只有发起人或主管可以更改负责人;已恢复为「{value}」。',
    en: 'Only the initiator or a manager may change the owner; restored to "{value}".',
  },
  completedOn: {
    zh: '完成日期由验收自动填写;已恢复。',
    en: 'Completed On is stamped on acceptance; restored.',
  },
  needsReason: {
    zh: '退回或取消需要填写原因:请在侧边栏「我的任务」中操作;已恢复为「{value}」。',
    en: 'Rejecting or cancelling needs a reason: use the sidebar (My tasks); restored to "{value}".',
  },
  transition: {
    zh: '不能从「{from}」改为「{to}」;已恢复。',
    en: 'The status cannot go from "{from}" to "{to}"; restored.',
  },
  role: {
    zh: '你无权将状态改为「{to}」({why});已恢复为「{value}」。',
    en: 'You may not set the status to "{to}": {why}; restored to "{value}".',
  },
  stranger: {
    zh: '你不在成员表中,不能修改此单元格;已恢复。',
    en: 'You are not on the Team sheet and cannot change this cell; restored.',
  },
};

function note(key: string, locale: Locale, params: Record<string, string>): string {
  return fill(pick(NOTES[key]!, locale), params);
}

/**
 * Reviews a task row after a direct edit. `before` is what last stood (the guard, or the edit's old values);
 * `after` is the row now; `subtasksOf` gives the task's subtasks, asked for only when a rule needs them (a subtask
 * owner starting or submitting the task). Unknown identities may change what a role could (recorded); strangers
 * nothing; 完成日期 is the tool's stamp, typed by no one.
 */
export function reviewTaskEdit(
  actor: Actor,
  locale: Locale,
  today: string,
  before: TaskGuard,
  after: TaskRecord,
  subtasksOf: () => SubtaskRecord[],
): TaskReview {
  const reverts: Revert[] = [];
  const changedByUnknown: { key: string; value: string }[] = [];
  const guard: TaskGuard = { ...before };
  const stranger = !isUnknown(actor) && !actor.member;
  const label = (s: StatusCode | null) => (s ? Status.label(s, locale) : '');
  const revert = (key: string, value: string, text: string) => reverts.push({ key, value, note: text });
  const changed = (key: keyof TaskGuard, value: string) => {
    if (isUnknown(actor)) changedByUnknown.push({ key, value });
  };

  if (after.id !== before.id) revert('taskId', before.id, note('id', locale, { value: before.id }));
  for (const key of ['initiator', 'owner'] as const) {
    if (after[key] === before[key]) continue;
    const allowed =
      isUnknown(actor) || isManager(actor) || (key === 'owner' && actor.member?.name === before.initiator);
    if (allowed && !stranger) {
      guard[key] = after[key];
      changed(key, after[key]);
    } else
      revert(
        key,
        before[key],
        stranger ? note('stranger', locale, {}) : note(key, locale, { value: before[key] }),
      );
  }

  let stampCompleted = false;
  if (after.status !== before.status) {
    const from = before.status;
    const to = after.status;
    const action = actionBetween(from, to);
    const beforeTask: TaskRecord = {
      ...after,
      initiator: before.initiator,
      owner: before.owner,
      status: from,
    };
    if (stranger) revert('status', label(from), note('stranger', locale, {}));
    else if (action === null)
      revert('status', label(from), note('transition', locale, { from: label(from), to: label(to) }));
    else if (needsReason(action))
      revert('status', label(from), note('needsReason', locale, { value: label(from) }));
    else if (
      !roleAllows(action, actor, {
        task: beforeTask,
        get subtasks() {
          return subtasksOf();
        },
      })
    ) {
      const why = roleDenial(action, locale);
      revert('status', label(from), note('role', locale, { to: label(to), why, value: label(from) }));
    } else {
      guard.status = to;
      guard.since = today;
      changed('status', label(to));
      if (to === 'done') {
        stampCompleted = true;
        guard.completedOn = null;
      }
    }
  }
  if (!stampCompleted && after.completedOn !== before.completedOn) {
    if (isUnknown(actor)) {
      guard.completedOn = after.completedOn;
      changed('completedOn', after.completedOn ?? '');
    } else revert('completedOn', before.completedOn ?? '', note('completedOn', locale, {}));
  }
  return { reverts, stampCompleted, guard, changedByUnknown };
}

export interface SubtaskReview {
  reverts: Revert[];
  guard: SubtaskGuard;
  changedByUnknown: { key: string; value: string }[];
}

/** Reviews a subtask row: IDs never change; the owner may be reassigned by the task's initiator or a 主管 (SPEC §1). */
export function reviewSubtaskEdit(
  actor: Actor,
  locale: Locale,
  before: SubtaskGuard,
  after: SubtaskRecord,
  task: TaskRecord | null,
): SubtaskReview {
  const reverts: Revert[] = [];
  const changedByUnknown: { key: string; value: string }[] = [];
  const guard: SubtaskGuard = { ...before };
  const stranger = !isUnknown(actor) && !actor.member;
  if (after.id !== before.id)
    reverts.push({ key: 'subtaskId', value: before.id, note: note('id', locale, { value: before.id }) });
  if (after.taskId !== before.taskId)
    reverts.push({ key: 'taskId', value: before.taskId, note: note('id', locale, { value: before.taskId }) });
  if (after.owner !== before.owner) {
    const me = actor.member?.name;
    const allowed = isUnknown(actor) || isManager(actor) || (task !== null && me === task.initiator);
    if (allowed && !stranger) {
      guard.owner = after.owner;
      if (isUnknown(actor)) changedByUnknown.push({ key: 'owner', value: after.owner });
    } else {
      reverts.push({
        key: 'owner',
        value: before.owner,
        note: stranger ? note('stranger', locale, {}) : note('owner', locale, { value: before.owner }),
      });
    }
  }
  return { reverts, guard, changedByUnknown };
}
