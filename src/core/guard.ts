// The guard value: the last guarded cells of a row that Task Sync wrote or accepted, kept in a hidden column.
import type { StatusCode } from './enums';
import { Status } from './enums';

export interface TaskGuard {
  id: string;
  initiator: string;
  owner: string;
  status: StatusCode | null;
  completedOn: string | null;
  /** The date the status last changed, when Task Sync saw it change (null for older rows). */
  since?: string | null;
  /** The date Task Sync created the task (null for rows typed by hand or older rows). */
  created?: string | null;
}

export interface SubtaskGuard {
  id: string;
  taskId: string;
  owner: string;
}

/** Six fields, and a seventh (the creation date) for tasks Task Sync created. */
export function encodeTaskGuard(g: TaskGuard): string {
  const fields = [g.id, g.initiator, g.owner, g.status ?? '', g.completedOn ?? '', g.since ?? ''];
  return JSON.stringify(g.created ? [...fields, g.created] : fields);
}

export function encodeSubtaskGuard(g: SubtaskGuard): string {
  return JSON.stringify([g.id, g.taskId, g.owner]);
}

function parseArray(text: string, lengths: number[]): string[] | null {
  try {
    const v = JSON.parse(text) as unknown;
    const ok = Array.isArray(v) && lengths.includes(v.length) && v.every((x) => typeof x === 'string');
    return ok ? (v as string[]) : null;
  } catch {
    return null;
  }
}

/** The guard of a task row, or null when there is none (a row typed by hand) or it is damaged. */
export function decodeTaskGuard(text: string): TaskGuard | null {
  const a = parseArray(text, [5, 6, 7]);
  if (!a) return null;
  const status = a[3] === '' ? null : Status.isCode(a[3]) ? a[3] : undefined;
  if (status === undefined) return null;
  return {
    id: a[0]!,
    initiator: a[1]!,
    owner: a[2]!,
    status,
    completedOn: a[4] || null,
    since: a[5] || null,
    created: a[6] || null,
  };
}

export function decodeSubtaskGuard(text: string): SubtaskGuard | null {
  const a = parseArray(text, [3]);
  return a ? { id: a[0]!, taskId: a[1]!, owner: a[2]! } : null;
}
