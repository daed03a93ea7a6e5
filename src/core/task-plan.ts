// Plans the rows a new task writes: its ID (one past the highest ever used), its subtasks, and their guard values.

import { Priority, Status, TaskType } from './enums';
import { encodeSubtaskGuard, encodeTaskGuard } from './guard';
import { formatSubtaskId, formatTaskId, nextTaskSeq } from './ids';
import type { Locale } from './locale';
import { joinPeople } from './records';
import type { CreateTaskInput } from './schemas';

export interface NewTaskPlan {
  taskId: string;
  subtaskIds: string[];
  /** Cell values by column key; dates are made by `dateOf`. */
  task: Record<string, unknown>;
  subtasks: Record<string, unknown>[];
}

export interface NewTaskContext {
  locale: Locale;
  year: number;
  today: string;
  /** Every task and subtask ID in the live sheets. */
  liveIds: Iterable<string>;
  /** Highest sequence archived per `<prefix><yyyy>`. */
  archivedSeq: Record<string, number>;
  dateOf: (ymd: string) => unknown;
}

export function planNewTask(input: CreateTaskInput, ctx: NewTaskContext): NewTaskPlan {
  const archived = ctx.archivedSeq[`${input.prefix}${ctx.year}`] ?? 0;
  const seq = Math.max(nextTaskSeq(input.prefix, ctx.year, ctx.liveIds), archived + 1);
  const taskId = formatTaskId({ prefix: input.prefix, year: ctx.year, seq });
  const split = input.subtasks.length
    ? input.subtasks
    : [{ name: input.name, owner: input.owner, collaborators: input.collaborators }];
  const subtaskIds = split.map((_, i) => formatSubtaskId(taskId, i + 1));
  const status = 'not_started' as const;
  return {
    taskId,
    subtaskIds,
    task: {
      taskId,
      name: input.name,
      initiator: input.initiator,
      owner: input.owner,
      collaborators: joinPeople(input.collaborators, ctx.locale),
      project: input.project,
      type: TaskType.label(input.type, ctx.locale),
      priority: Priority.label(input.priority, ctx.locale),
      due: ctx.dateOf(input.due),
      status: Status.label(status, ctx.locale),
      notes: input.notes,
      completedOn: '',
      guard: encodeTaskGuard({
        id: taskId,
        initiator: input.initiator,
        owner: input.owner,
        status,
        completedOn: null,
        since: ctx.today,
        created: ctx.today,
      }),
    },
    subtasks: split.map((s, i) => ({
      subtaskId: subtaskIds[i],
      taskId,
      name: s.name,
      owner: s.owner,
      progress: '',
      collaborators: joinPeople(s.collaborators, ctx.locale),
      guard: encodeSubtaskGuard({ id: subtaskIds[i]!, taskId, owner: s.owner }),
    })),
  };
}
