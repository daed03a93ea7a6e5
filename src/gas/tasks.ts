// Task lifecycle from the sidebar (SPEC §4, §5.1): create, submit for acceptance, accept, reject, cancel.
import { instantOf } from '../core/dates';
import { Status, type StatusCode } from '../core/enums';
import { decodeTaskGuard, encodeTaskGuard } from '../core/guard';
import { readSubtasks, readTasks, type TaskRecord, toRow } from '../core/records';
import {
  acceptTaskSchema,
  createTaskSchema,
  parseOrThrow,
  reasonSchema,
  taskRefSchema,
} from '../core/schemas';
import { type TextKey, t } from '../core/strings';
import { planNewTask } from '../core/task-plan';
import { type Action, assertAllowed, isUnknown, TO } from '../core/workflow';
import { lockedAction } from './lock';
import type { ActionSession } from './session';
import { logWorkflowRecord } from './sync-log';
import { appendRows, readTable, type Table, writeCells } from './tables';

export interface StatusResult {
  status: StatusCode;
}

function schemaContext(s: ActionSession) {
  return { members: s.members.map((m) => m.name), maxSubtasks: s.settings.maxSubtasks };
}

export function createTask(input: unknown): { taskId: string; subtaskIds: string[] } {
  return lockedAction((s) => {
    const data = parseOrThrow(createTaskSchema(schemaContext(s)), input, s.locale);
    assertAllowed('create', s.actor, null, s.locale, data.initiator);
    const overview = readTable(s.byName, 'overview', s.locale);
    const progress = readTable(s.byName, 'progress', s.locale);
    const sync = isUnknown(s.actor) ? readTable(s.byName, 'sync', s.locale) : null;
    const liveIds = [
      ...column(overview, 'taskId'),
      ...column(progress, 'subtaskId'),
      ...column(progress, 'taskId'),
    ];
    const plan = planNewTask(data, {
      locale: s.locale,
      year: Number(s.today.slice(0, 4)),
      today: s.today,
      liveIds,
      archivedSeq: s.archivedSeq,
      dateOf: (ymd) => new Date(instantOf(ymd, s.offset)),
    });
    appendRows(overview, [toRow(overview.cols, overview.width, plan.task)]);
    appendRows(
      progress,
      plan.subtasks.map((sub) => toRow(progress.cols, progress.width, sub)),
    );
    if (sync) {
      logWorkflowRecord(
        s,
        sync,
        { id: plan.taskId, name: data.name },
        'progress',
        { topic: 'sync.createTopic', content: 'sync.createContent', params: {} },
        data.owner,
      );
    }
    return { taskId: plan.taskId, subtaskIds: plan.subtaskIds };
  });
}

function column(table: Table, key: string): string[] {
  const at = table.cols[key]!;
  return table.values.slice(1).map((r) => String(r[at] ?? '').trim());
}

interface Loaded {
  overview: Table;
  task: TaskRecord;
}

function loadTask(s: ActionSession, taskId: string): Loaded {
  const overview = readTable(s.byName, 'overview', s.locale);
  const task = readTasks(overview.values, overview.cols, s).find((x) => x.id === taskId);
  if (!task) throw new Error(t('error.noTask', s.locale, { id: taskId }));
  return { overview, task };
}

/** Writes a new status (and 完成日期 for done/cancelled) with the row's guard, in one call. */
export function writeStatus(
  s: Pick<ActionSession, 'locale' | 'today' | 'now'>,
  overview: Table,
  task: TaskRecord,
  status: StatusCode,
): void {
  const closes = status === 'done' || status === 'cancelled';
  const completedOn = closes ? s.today : task.completedOn;
  const changes: Record<string, unknown> = {
    status: Status.label(status, s.locale),
    guard: encodeTaskGuard({
      id: task.id,
      initiator: task.initiator,
      owner: task.owner,
      status,
      completedOn,
      since: s.today,
      created: decodeTaskGuard(task.guard)?.created ?? null,
    }),
  };
  if (closes) changes.completedOn = new Date(s.now);
  writeCells(overview, task.row, changes);
}

/**
 * Moves a task to the status the action leads to. Everything is read before the first write: the Sync Log too when
 * the action will log to it (`logs`).
 */
function transition(
  s: ActionSession,
  taskId: string,
  action: Exclude<Action, 'create' | 'updateProgress' | 'start'>,
  logs: boolean,
) {
  const { overview, task } = loadTask(s, taskId);
  const sync = logs ? readTable(s.byName, 'sync', s.locale) : null;
  let subtasks: ReturnType<typeof readSubtasks> = [];
  if (action === 'submit') {
    const progress = readTable(s.byName, 'progress', s.locale);
    subtasks = readSubtasks(progress.values, progress.cols, s).filter((x) => x.taskId === taskId);
  }
  assertAllowed(action, s.actor, { task, subtasks }, s.locale);
  const status = TO[action];
  writeStatus(s, overview, task, status);
  return { task, status, sync };
}

export function submitForAcceptance(input: unknown): StatusResult {
  return lockedAction((s) => {
    const { taskId } = parseOrThrow(taskRefSchema, input, s.locale);
    const { task, status, sync } = transition(s, taskId, 'submit', isUnknown(s.actor));
    if (sync) {
      logWorkflowRecord(
        s,
        sync,
        task,
        'progress',
        { topic: 'sync.submitTopic', content: 'sync.submitContent', params: {} },
        task.initiator,
      );
    }
    return { status };
  });
}

/**
 * A decision on a task from the sidebar (accept, reject, cancel): the status it leads to, and a 决议 record in the
 * Sync Log addressed to the owner, with the note or reason the person gave.
 */
function decide(
  action: 'accept' | 'reject' | 'cancel',
  input: unknown,
  words: { topic: TextKey; content: TextKey },
  given: (input: unknown, s: ActionSession) => { taskId: string; params: Record<string, string> },
): StatusResult {
  return lockedAction((s) => {
    const { taskId, params } = given(input, s);
    const { task, status, sync } = transition(s, taskId, action, true);
    logWorkflowRecord(s, sync!, task, 'decision', { ...words, params }, task.owner);
    return { status };
  });
}

const withReason = (input: unknown, s: ActionSession) => {
  const { taskId, reason } = parseOrThrow(reasonSchema, input, s.locale);
  return { taskId, params: { reason } };
};

export function acceptTask(input: unknown): StatusResult {
  return decide('accept', input, { topic: 'sync.acceptTopic', content: 'sync.acceptContent' }, (raw, s) => {
    const { taskId, note } = parseOrThrow(acceptTaskSchema, raw, s.locale);
    return { taskId, params: { note } };
  });
}

export function rejectTask(input: unknown): StatusResult {
  return decide('reject', input, { topic: 'sync.rejectTopic', content: 'sync.rejectContent' }, withReason);
}

export function cancelTask(input: unknown): StatusResult {
  return decide('cancel', input, { topic: 'sync.cancelTopic', content: 'sync.cancelContent' }, withReason);
}
