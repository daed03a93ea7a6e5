// updateProgress (SPEC §5.1): writes the subtask's row in place, stamps 更新日期, logs it, starts the task on its first update.
import type { StatusCode } from '../core/enums';
import { readSubtasks, readTasks } from '../core/records';
import { parseOrThrow, updateProgressSchema } from '../core/schemas';
import { t } from '../core/strings';
import { assertAllowed, isUnknown } from '../core/workflow';
import { lockedAction } from './lock';
import { appendProgressEntry } from './progress-log';
import { logWorkflowRecord } from './sync-log';
import { readTable, sheetOf, writeCells } from './tables';
import { writeStatus } from './tasks';

export function updateProgress(input: unknown): { taskStatus: StatusCode } {
  return lockedAction((s) => {
    const data = parseOrThrow(updateProgressSchema, input, s.locale);
    const overview = readTable(s.byName, 'overview', s.locale);
    const progress = readTable(s.byName, 'progress', s.locale);
    const subtasks = readSubtasks(progress.values, progress.cols, s);
    const subtask = subtasks.find((x) => x.id === data.subtaskId);
    if (!subtask) throw new Error(t('error.noSubtask', s.locale, { id: data.subtaskId }));
    const task = readTasks(overview.values, overview.cols, s).find((x) => x.id === subtask.taskId);
    if (!task) throw new Error(t('error.noTask', s.locale, { id: subtask.taskId }));
    assertAllowed(
      'updateProgress',
      s.actor,
      { task, subtasks: subtasks.filter((x) => x.taskId === task.id), subtask },
      s.locale,
    );
    // SPEC §4: an unknown identity may report progress, and the update is recorded in the Sync Log.
    const sync = isUnknown(s.actor) ? readTable(s.byName, 'sync', s.locale) : null;
    const log = sheetOf(s.byName, 'progressLog', s.locale);
    writeCells(progress, subtask.row, {
      progress: data.progress,
      done: data.done,
      next: data.next,
      blockers: data.blockers,
      updatedOn: new Date(s.now),
    });
    // assertAllowed let the update through, so the task is 未开始 (it starts now) or 进行中.
    const status: StatusCode = task.status === 'not_started' ? 'in_progress' : task.status!;
    if (status !== task.status) writeStatus(s, overview, task, status);
    appendProgressEntry(log, {
      at: new Date(s.now),
      subtaskId: subtask.id,
      taskId: task.id,
      progress: data.progress,
      blockers: data.blockers,
      author: s.actor.member?.name ?? s.actor.email,
    });
    if (sync) {
      const params = { subtask: subtask.id, progress: String(data.progress) };
      const words = { topic: 'sync.progressTopic', content: 'sync.progressContent', params } as const;
      logWorkflowRecord(s, sync, task, 'progress', words, subtask.owner);
    }
    return { taskStatus: status };
  });
}
