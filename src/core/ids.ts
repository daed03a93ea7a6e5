// Task and subtask IDs (SPEC §3): `<prefix><yyyy>-<nnn>` and `<task ID>-<nn>`; parsing, formatting, next number.

/** 1–20 characters, no whitespace, not ending in a digit or '-'. */
export const PREFIX_PATTERN = /^\S{0,19}[^\s\d-]$/;
const TASK_ID = /^(\S{0,19}[^\s\d-])(\d{4})-(\d{3,})$/;
const SUBTASK_ID = /^(\S{0,19}[^\s\d-])(\d{4})-(\d{3,})-(\d{2,})$/;

/** The same rules as Sheets formulas (RE2 syntax), for in-sheet validation. */
export const TASK_ID_REGEX_TEXT = '^\\S{0,19}[^\\s\\d-]\\d{4}-\\d{3,}$';
export const SUBTASK_ID_REGEX_TEXT = '^\\S{0,19}[^\\s\\d-]\\d{4}-\\d{3,}-\\d{2,}$';

export interface TaskId {
  prefix: string;
  year: number;
  seq: number;
}
export interface SubtaskId extends TaskId {
  sub: number;
}

export function isValidPrefix(prefix: string): boolean {
  return PREFIX_PATTERN.test(prefix);
}

export function parseTaskId(text: unknown): TaskId | null {
  if (typeof text !== 'string') return null;
  const m = TASK_ID.exec(text.trim());
  return m ? { prefix: m[1]!, year: Number(m[2]), seq: Number(m[3]) } : null;
}

export function parseSubtaskId(text: unknown): SubtaskId | null {
  if (typeof text !== 'string') return null;
  const m = SUBTASK_ID.exec(text.trim());
  return m ? { prefix: m[1]!, year: Number(m[2]), seq: Number(m[3]), sub: Number(m[4]) } : null;
}

export function formatTaskId(id: TaskId): string {
  return `${id.prefix}${String(id.year).padStart(4, '0')}-${String(id.seq).padStart(3, '0')}`;
}

export function formatSubtaskId(taskId: string, sub: number): string {
  return `${taskId}-${String(sub).padStart(2, '0')}`;
}

/** The task ID a subtask ID belongs to, or null when malformed. */
export function parentOf(subtaskId: string): string | null {
  const s = parseSubtaskId(subtaskId);
  return s ? formatTaskId(s) : null;
}

/**
 * One past the highest sequence ever used for the prefix and year, looking at every ID given (live and archived task
 * IDs, and subtask IDs, whose task part counts too). Malformed IDs are ignored.
 */
export function nextTaskSeq(prefix: string, year: number, ids: Iterable<unknown>): number {
  let max = 0;
  for (const raw of ids) {
    const id = parseTaskId(raw) ?? parseSubtaskId(raw);
    if (id && id.prefix === prefix && id.year === year && id.seq > max) max = id.seq;
  }
  return max + 1;
}

/** Known prefixes in order of first appearance (for the sidebar's prefix picker). */
export function prefixesOf(ids: Iterable<unknown>): string[] {
  const seen = new Set<string>();
  for (const raw of ids) {
    const id = parseTaskId(raw);
    if (id) seen.add(id.prefix);
  }
  return [...seen];
}
