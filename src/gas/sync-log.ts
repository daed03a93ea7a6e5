// Appending to the Sync Log: records people add, and the 决议 records the workflow writes (rejections, cancellations…).
import { instantOf } from '../core/dates';
import { SyncKind, type SyncKindCode } from '../core/enums';
import { readTasks, toRow } from '../core/records';
import { addSyncRecordSchema, parseOrThrow } from '../core/schemas';
import { type TextKey, t } from '../core/strings';
import { assertOnTeam, isUnknown } from '../core/workflow';
import { lockedAction } from './lock';
import type { ActionSession } from './session';
import { appendRows, readTable, type Table } from './tables';

interface SyncEntry {
  date: string;
  topic: string;
  content: string;
  raisedBy: string;
  audience: string;
  attachment: string;
  notes: string;
  taskId: string;
  kind: SyncKindCode;
}

/** Writes one record below the last row of the Sync Log (read beforehand, so no read follows a write). */
function appendSyncEntry(sync: Table, s: ActionSession, entry: SyncEntry): number {
  const date = new Date(instantOf(entry.date, s.offset));
  const kind = SyncKind.label(entry.kind, s.locale);
  return appendRows(sync, [toRow(sync.cols, sync.width, { ...entry, date, kind })]);
}

/** The name a record is raised by: the actor's Team name, or none for an unknown identity (noted instead). */
function raisedBy(s: ActionSession): { raisedBy: string; notes: string } {
  if (isUnknown(s.actor)) return { raisedBy: '', notes: t('sync.unknownUser', s.locale) };
  return { raisedBy: s.actor.member?.name ?? s.actor.email, notes: '' };
}

/** A workflow record (决议 for decisions) about a task, raised by the actor, addressed to `audience`. */
export function logWorkflowRecord(
  s: ActionSession,
  sync: Table,
  task: { id: string; name: string },
  kind: SyncKindCode,
  text: { topic: TextKey; content: TextKey; params: Record<string, string> },
  audience: string,
): number {
  const params = { task: task.name, id: task.id, ...text.params };
  return appendSyncEntry(sync, s, {
    date: s.today,
    topic: t(text.topic, s.locale, params),
    content: t(text.content, s.locale, params).trim(),
    ...raisedBy(s),
    audience,
    attachment: '/',
    taskId: task.id,
    kind,
  });
}

/** addSyncRecord (SPEC §5.1): a record a person adds from the sidebar; the task, when given, must exist. */
export function addSyncRecord(input: unknown): { row: number } {
  return lockedAction((s) => {
    const data = parseOrThrow(
      addSyncRecordSchema({ members: s.members.map((m) => m.name), maxSubtasks: s.settings.maxSubtasks }),
      input,
      s.locale,
    );
    assertOnTeam(s.actor, s.locale);
    const taskId = data.taskId ?? '';
    const sync = readTable(s.byName, 'sync', s.locale);
    if (taskId) {
      const overview = readTable(s.byName, 'overview', s.locale);
      if (!readTasks(overview.values, overview.cols, s).some((x) => x.id === taskId)) {
        throw new Error(t('error.noTask', s.locale, { id: taskId }));
      }
    }
    const who = raisedBy(s);
    const row = appendSyncEntry(sync, s, {
      date: data.date ?? s.today,
      topic: data.topic,
      content: data.content,
      raisedBy: data.raisedBy ?? who.raisedBy,
      audience: data.audience,
      attachment: data.attachment || '/',
      notes: [data.notes, who.notes].filter(Boolean).join(' '),
      taskId,
      kind: data.kind,
    });
    return { row };
  });
}
