// What the sidebar needs on first paint (SPEC §5.1 getSidebarModel), computed from the sheets in one pass.
import type { RoleCode, StatusCode } from './enums';
import { prefixesOf } from './ids';
import type { Locale } from './locale';
import type { Member, SubtaskRecord, TaskRecord } from './records';
import { mayRecordRetro } from './retrospective';
import type { Settings } from './settings';
import { sidebarStrings } from './sidebar-strings';
import {
  type Actor,
  isActive,
  isManager,
  isOpen,
  isOverdue,
  isUnknown,
  roleAllows,
  statusAllows,
} from './workflow';

export interface SidebarMember {
  name: string;
  email: string;
  role: RoleCode;
  group: string;
}

export interface SubtaskItem {
  subtaskId: string;
  taskId: string;
  taskName: string;
  name: string;
  owner: string;
  progress: number | null;
  done: string;
  next: string;
  blockers: string;
  updatedOn: string | null;
  updatedToday: boolean;
  due: string | null;
  overdue: boolean;
  taskStatus: StatusCode | null;
}

export interface TaskItem {
  taskId: string;
  name: string;
  initiator: string;
  owner: string;
  status: StatusCode | null;
  due: string | null;
  overdue: boolean;
  completedOn: string | null;
  notes: string;
  canSubmit: boolean;
  canAccept: boolean;
  canCancel: boolean;
  /** A completed task whose initiator (or a 主管) may record retrospective conclusions into its 备注. */
  canRetro: boolean;
}

/** The settings every user may see; admins get the full settings from getSettings(). */
export interface PublicSettings {
  maxSubtasks: number;
  dueSoonDays: number;
  email: Settings['email'];
}

export interface SidebarModel {
  me: { email: string; name: string | null; role: RoleCode | null; isAdmin: boolean; known: boolean };
  locale: Locale;
  timeZone: string;
  today: string;
  members: SidebarMember[];
  prefixes: string[];
  /** My open subtasks (I am the owner), most urgent first. */
  myOpenSubtasks: SubtaskItem[];
  /** Open subtasks of tasks I own or initiated (or, for a 主管, of any task) that are not mine. */
  otherOpenSubtasks: SubtaskItem[];
  /** IDs of my open subtasks with no update dated today. */
  missingToday: string[];
  /** Tasks I own or initiated, open ones first. */
  myTasks: TaskItem[];
  awaitingMyAcceptance: TaskItem[];
  /** Open tasks, for the sync record's related-task picker. */
  openTasks: { taskId: string; name: string }[];
  settings: PublicSettings;
  strings: Record<string, string>;
}

export interface ModelInput {
  actor: Actor;
  isAdmin: boolean;
  locale: Locale;
  timeZone: string;
  today: string;
  members: Member[];
  tasks: TaskRecord[];
  subtasks: SubtaskRecord[];
  /** IDs in the archive, for the prefix list. */
  archivedIds?: string[];
  settings: Settings;
}

type Urgency = { overdue: boolean; due: string | null };

/** Sorts most urgent first: overdue, then by due date, then by the ID `idOf` reads. */
function byUrgency<T extends Urgency>(idOf: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    if ((a.due ?? '9') !== (b.due ?? '9')) return (a.due ?? '9') < (b.due ?? '9') ? -1 : 1;
    return idOf(a) < idOf(b) ? -1 : 1;
  };
}
const subtaskUrgency = byUrgency((s: SubtaskItem) => s.subtaskId);
const taskUrgency = byUrgency((t: TaskItem) => t.taskId);

/** The sidebar's lists stay small however large the workbook grows. */
const LIST_LIMIT = 200;

export function buildSidebarModel(input: ModelInput): SidebarModel {
  const { actor, tasks, subtasks, today, locale } = input;
  const me = actor.member?.name ?? null;
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const subtasksByTask = new Map<string, SubtaskRecord[]>();
  for (const s of subtasks) subtasksByTask.set(s.taskId, [...(subtasksByTask.get(s.taskId) ?? []), s]);

  const subtaskItem = (s: SubtaskRecord): SubtaskItem => {
    const task = taskById.get(s.taskId);
    return {
      subtaskId: s.id,
      taskId: s.taskId,
      taskName: task?.name ?? '',
      name: s.name,
      owner: s.owner,
      progress: s.progress,
      done: s.done,
      next: s.next,
      blockers: s.blockers,
      updatedOn: s.updatedOn,
      updatedToday: s.updatedOn === today,
      due: task?.due ?? null,
      overdue: task ? isOverdue(task, today) : false,
      taskStatus: task?.status ?? null,
    };
  };

  const open = subtasks.filter((s) => isActive(taskById.get(s.taskId)));
  const mine =
    me === null
      ? []
      : open
          .filter((s) => s.owner === me)
          .map(subtaskItem)
          .sort(subtaskUrgency);
  const others =
    me === null && !isUnknown(actor)
      ? []
      : open
          .filter((s) => s.owner !== me)
          .filter((s) => {
            const task = taskById.get(s.taskId)!;
            return isManager(actor) || isUnknown(actor) || task.owner === me || task.initiator === me;
          })
          .map(subtaskItem)
          .sort(subtaskUrgency);

  const taskItem = (task: TaskRecord): TaskItem => {
    const subject = { task, subtasks: subtasksByTask.get(task.id) ?? [] };
    return {
      taskId: task.id,
      name: task.name,
      initiator: task.initiator,
      owner: task.owner,
      status: task.status,
      due: task.due,
      overdue: isOverdue(task, today),
      completedOn: task.completedOn,
      notes: task.notes,
      canSubmit: statusAllows('submit', task.status) && roleAllows('submit', actor, subject),
      canAccept: statusAllows('accept', task.status) && roleAllows('accept', actor, subject),
      canCancel: statusAllows('cancel', task.status) && roleAllows('cancel', actor, subject),
      canRetro: task.status === 'done' && mayRecordRetro(actor, task),
    };
  };
  const involved = tasks.filter((t) => me !== null && (t.owner === me || t.initiator === me));
  const myTasks = [
    ...involved.filter(isOpen).map(taskItem).sort(taskUrgency),
    ...involved
      .filter((t) => !isOpen(t))
      .map(taskItem)
      .sort((a, b) => ((a.completedOn ?? '') < (b.completedOn ?? '') ? 1 : -1))
      .slice(0, 20),
  ];
  const awaiting = tasks
    .filter(
      (t) =>
        t.status === 'pending_acceptance' &&
        (isUnknown(actor) || (me !== null && (t.initiator === me || isManager(actor)))),
    )
    .map(taskItem)
    .sort(taskUrgency);

  return {
    me: {
      email: actor.email,
      name: me,
      role: actor.member?.role ?? null,
      isAdmin: input.isAdmin,
      known: !isUnknown(actor),
    },
    locale,
    timeZone: input.timeZone,
    today,
    members: input.members.map((m) => ({ name: m.name, email: m.email, role: m.role, group: m.group })),
    prefixes: prefixesOf([...tasks.map((t) => t.id), ...(input.archivedIds ?? [])]),
    myOpenSubtasks: mine.slice(0, LIST_LIMIT),
    otherOpenSubtasks: others.slice(0, LIST_LIMIT),
    missingToday: mine.filter((s) => !s.updatedToday).map((s) => s.subtaskId),
    myTasks: myTasks.slice(0, LIST_LIMIT),
    awaitingMyAcceptance: awaiting.slice(0, LIST_LIMIT),
    openTasks: tasks
      .filter(isOpen)
      .slice(-LIST_LIMIT * 5)
      .map((t) => ({ taskId: t.id, name: t.name })),
    settings: {
      maxSubtasks: input.settings.maxSubtasks,
      dueSoonDays: input.settings.dueSoonDays,
      email: input.settings.email,
    },
    strings: sidebarStrings(locale),
  };
}
