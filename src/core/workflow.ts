// The workflow and permission rules of SPEC §4: who may move a task where, from the sidebar or by a direct edit.
import { dayNumber } from './dates';
import { type RoleCode, Status, type StatusCode } from './enums';
import { type Bilingual, fill, type Locale, pick } from './locale';
import type { Member, SubtaskRecord, TaskRecord } from './records';

/** Who is acting: a Team member, someone the Team does not know (a stranger), or an unknown identity (''). */
export interface Actor {
  email: string;
  member: Member | null;
}

export const isUnknown = (a: Actor) => a.email === '';
const nameOf = (a: Actor) => a.member?.name ?? null;
const roleOf = (a: Actor): RoleCode | null => a.member?.role ?? null;
export const isManager = (a: Actor) => roleOf(a) === 'manager';

export type Action = 'create' | 'updateProgress' | 'submit' | 'accept' | 'reject' | 'cancel' | 'start';

const DENIALS: Record<string, Bilingual> = {
  notOnTeam: { zh: '你({email})不在成员表中,无法操作', en: 'You ({email}) are not on the Team sheet' },
  initiatorSelf: {
    zh: '只有主管可以替他人发起任务',
    en: 'Only a manager may create a task on behalf of someone else',
  },
  progressOwner: {
    zh: '只有子任务负责人、任务负责人、发起人或主管可以更新进度',
    en: 'Only the subtask owner, the task owner, its initiator or a manager may update progress',
  },
  startRole: {
    zh: '只有任务负责人、子任务负责人、发起人或主管可以开始任务',
    en: 'Only the task owner, a subtask owner, the initiator or a manager may start the task',
  },
  submitOwner: {
    zh: '只有任务负责人(或在所有子任务达到 100% 时的子任务负责人)可以提交验收',
    en: 'Only the task owner (or a subtask owner once every subtask is at 100%) may submit for acceptance',
  },
  acceptRole: {
    zh: '只有任务发起人或主管可以验收或退回',
    en: 'Only the task initiator or a manager may accept or reject',
  },
  cancelRole: {
    zh: '只有任务发起人或主管可以取消任务',
    en: 'Only the task initiator or a manager may cancel a task',
  },
  status: { zh: '任务当前为「{status}」,不能{action}', en: 'The task is "{status}": it cannot be {action}' },
};

const ACTION_NAMES: Record<Action, Bilingual> = {
  create: { zh: '创建', en: 'created' },
  updateProgress: { zh: '更新进度', en: 'updated' },
  submit: { zh: '提交验收', en: 'submitted for acceptance' },
  accept: { zh: '验收通过', en: 'accepted' },
  reject: { zh: '退回', en: 'rejected' },
  cancel: { zh: '取消', en: 'cancelled' },
  start: { zh: '开始', en: 'started' },
};

function denialText(key: keyof typeof DENIALS, locale: Locale, params: Record<string, string> = {}): string {
  return fill(pick(DENIALS[key]!, locale), params);
}

/** Statuses each action may start from. */
const FROM: Record<Exclude<Action, 'create'>, StatusCode[]> = {
  updateProgress: ['not_started', 'in_progress'],
  start: ['not_started'],
  submit: ['not_started', 'in_progress'],
  accept: ['pending_acceptance'],
  reject: ['pending_acceptance'],
  cancel: ['not_started', 'in_progress', 'pending_acceptance'],
};

/** The status an action leads to. */
export const TO: Record<Exclude<Action, 'create' | 'updateProgress'>, StatusCode> = {
  start: 'in_progress',
  submit: 'pending_acceptance',
  accept: 'done',
  reject: 'in_progress',
  cancel: 'cancelled',
};

export function statusAllows(action: Exclude<Action, 'create'>, status: StatusCode | null): boolean {
  return status !== null && FROM[action].includes(status);
}

/** The action that moves a task from one status straight to another, or null when none does. */
export function actionBetween(from: StatusCode | null, to: StatusCode | null): keyof typeof TO | null {
  return (Object.keys(TO) as (keyof typeof TO)[]).find((a) => TO[a] === to && statusAllows(a, from)) ?? null;
}

/** Rejecting and cancelling need a written reason, so only the sidebar (which asks for one) takes them. */
export function needsReason(action: Action): boolean {
  return action === 'reject' || action === 'cancel';
}

export interface Subject {
  task: TaskRecord;
  /** The task's subtasks; read only by the rules that need them, so a caller may supply them through a getter. */
  subtasks: SubtaskRecord[];
  /** For updateProgress: the subtask being updated. */
  subtask?: SubtaskRecord;
}

/** Whether the actor's role lets them take the action on the task (status aside); unknown identities may. */
export function roleAllows(
  action: Action,
  actor: Actor,
  subject: Subject | null,
  initiator?: string,
): boolean {
  if (isUnknown(actor)) return true;
  const me = nameOf(actor);
  if (me === null) return false;
  if (action === 'create') return initiator === me || isManager(actor);
  const { task, subtask } = subject!;
  const leads = task.initiator === me || isManager(actor);
  const ownsSubtask = () => subject!.subtasks.some((s) => s.owner === me);
  switch (action) {
    case 'updateProgress':
    case 'start':
      return leads || task.owner === me || (subtask ? subtask.owner === me : ownsSubtask());
    case 'submit':
      return task.owner === me || (ownsSubtask() && subject!.subtasks.every((s) => s.progress === 100));
    case 'accept':
    case 'reject':
    case 'cancel':
      return leads;
  }
}

/** Throws a readable error when the actor's email is known but not on the Team (a stranger may do nothing). */
export function assertOnTeam(actor: Actor, locale: Locale): void {
  if (!isUnknown(actor) && !actor.member)
    throw new Error(denialText('notOnTeam', locale, { email: actor.email }));
}

/** Why the actor's role does not allow the action (when roleAllows says no), in the locale. */
export function roleDenial(action: Action, locale: Locale): string {
  const key =
    action === 'create'
      ? 'initiatorSelf'
      : action === 'updateProgress'
        ? 'progressOwner'
        : action === 'start'
          ? 'startRole'
          : action === 'submit'
            ? 'submitOwner'
            : action === 'cancel'
              ? 'cancelRole'
              : 'acceptRole';
  return denialText(key, locale);
}

/** Throws a readable error unless the actor may take the action now. */
export function assertAllowed(
  action: Action,
  actor: Actor,
  subject: Subject | null,
  locale: Locale,
  initiator?: string,
): void {
  assertOnTeam(actor, locale);
  if (subject && action !== 'create' && !statusAllows(action, subject.task.status)) {
    throw new Error(
      denialText('status', locale, {
        status: statusLabel(subject.task.status, locale),
        action: pick(ACTION_NAMES[action], locale),
      }),
    );
  }
  if (!roleAllows(action, actor, subject, initiator)) throw new Error(roleDenial(action, locale));
}

function statusLabel(status: StatusCode | null, locale: Locale): string {
  return status ? Status.label(status, locale) : '—';
}

/** Overdue is derived (SPEC §4): due date passed and not 待验收/已完成/已取消. */
export function isOverdue(task: Pick<TaskRecord, 'due' | 'status'>, today: string): boolean {
  if (
    !task.due ||
    task.status === 'pending_acceptance' ||
    task.status === 'done' ||
    task.status === 'cancelled'
  )
    return false;
  return dayNumber(task.due) < dayNumber(today);
}

export function isOpen(task: Pick<TaskRecord, 'status'>): boolean {
  return task.status !== 'done' && task.status !== 'cancelled';
}

/** Being worked on: 未开始 or 进行中 (not awaiting acceptance, closed, or of no known status); no task is not active. */
export function isActive(task: Pick<TaskRecord, 'status'> | undefined): boolean {
  return task?.status === 'not_started' || task?.status === 'in_progress';
}

/** Due soon (SPEC §6): due from today through `lastDay` (today plus the due-soon window of working days). */
export function isDueSoon(task: Pick<TaskRecord, 'due'>, today: string, lastDay: string): boolean {
  return task.due !== null && task.due >= today && task.due <= lastDay;
}
