// Who gets told what each day (SPEC §6): member and 主管 digests, the 17:00 roll call and the end-of-day escalation.
import type { WorkingDays } from './calendar';
import { instantOf, type OffsetFn, ymdOf } from './dates';
import { Status, type StatusCode } from './enums';
import { groupBy } from './group';
import { decodeTaskGuard } from './guard';
import type { Member, SubtaskRecord, SyncRecordRow, TaskRecord } from './records';
import { splitPeople } from './templates';
import { isActive, isDueSoon, isOverdue } from './workflow';

/** One entry of the hidden Progress Log. */
export interface ProgressLogEntry {
  at: number;
  subtaskId: string;
  taskId: string;
  progress: number | null;
  blockers: string;
  author: string;
}

export interface TaskRef {
  taskId: string;
  name: string;
  initiator: string;
  owner: string;
  due: string | null;
  status: StatusCode | null;
  /** 1-based row in the Task Overview, for links. */
  row: number;
}

export interface SubtaskRef {
  subtaskId: string;
  taskId: string;
  taskName: string;
  name: string;
  owner: string;
  due: string | null;
  progress: number | null;
  updatedOn: string | null;
  /** 1-based row in the Progress Tracker, for links. */
  row: number;
}

export interface ProblemRef {
  taskId: string;
  taskName: string;
  subtaskId: string | null;
  text: string;
  raisedBy: string;
  /** When the problem was raised (instant). */
  since: number;
  /** Whole hours it has been waiting for a response. */
  hours: number;
  source: 'progress' | 'sync';
  /** 1-based row in the sheet it comes from (Progress Tracker or Sync Log), for links. */
  row: number;
  /** Who should respond (Team names). */
  to: string[];
}

export interface MemberDigest {
  member: Member;
  overdue: SubtaskRef[];
  dueSoon: SubtaskRef[];
  notUpdated: SubtaskRef[];
  problemsForMe: ProblemRef[];
  awaitingAcceptance: TaskRef[];
  retrospectives: TaskRef[];
}

export interface TeamDigest {
  manager: Member;
  counts: Record<StatusCode, number>;
  overdue: TaskRef[];
  nonUpdaters: { owner: string; subtasks: SubtaskRef[] }[];
  problemsOver24h: ProblemRef[];
  acceptanceOver2Days: (TaskRef & { days: number })[];
  /** Recipients the mail quota left out last time (emails), to follow up by hand. */
  skipped: string[];
  /** The account the jobs run as when it is no longer on the Team sheet (to hand them over), else null. */
  jobsAccount: string | null;
}

export interface RollCall {
  member: Member;
  subtasks: SubtaskRef[];
}

export interface Escalation {
  member: Member;
  nonUpdaters: { owner: string; subtasks: SubtaskRef[] }[];
  problemsOver24h: ProblemRef[];
}

export interface DigestInput {
  today: string;
  now: number;
  offset: OffsetFn;
  wd: WorkingDays;
  dueSoonDays: number;
  members: Member[];
  tasks: TaskRecord[];
  subtasks: SubtaskRecord[];
  /** In the order written (sheet order): a reply to a 问题 record must come after it. */
  sync: SyncRecordRow[];
  log: ProgressLogEntry[];
}

const HOUR_MS = 3_600_000;
/** Retrospectives are due within 3 working days of acceptance (seed guide 三(五)). */
const RETRO_WORKING_DAYS = 3;
const RETRO_MARKER = /复盘|retrospective/i;

function taskRef(t: TaskRecord): TaskRef {
  return {
    taskId: t.id,
    name: t.name,
    initiator: t.initiator,
    owner: t.owner,
    due: t.due,
    status: t.status,
    row: t.row,
  };
}

function subtaskRef(s: SubtaskRecord, t: TaskRecord): SubtaskRef {
  return {
    subtaskId: s.id,
    taskId: t.id,
    taskName: t.name,
    name: s.name,
    owner: s.owner,
    due: t.due,
    progress: s.progress,
    updatedOn: s.updatedOn,
    row: s.row,
  };
}

type Index = ReturnType<typeof buildIndex>;
const indexes = new WeakMap<DigestInput, Index>();

function buildIndex(input: DigestInput) {
  const taskById = new Map(input.tasks.map((t) => [t.id, t]));
  /** Active subtasks still needing work: task not started or in progress, and not at 100%. */
  const active = input.subtasks.filter((s) => isActive(taskById.get(s.taskId)) && s.progress !== 100);
  return {
    taskById,
    active,
    activeByOwner: groupBy(active, (s) => s.owner),
    tasksByInitiator: groupBy(input.tasks, (t) => t.initiator),
    syncByTask: groupBy(input.sync, (r) => r.taskId),
    subtasksByTask: groupBy(input.subtasks, (st) => st.taskId),
    logBySubtask: groupBy(input.log, (e) => e.subtaskId),
    problems: null as ProblemRef[] | null,
  };
}

/** Shared lookups for one day's selection, built once per input. */
export function indexWorkbook(input: DigestInput): Index {
  let index = indexes.get(input);
  if (!index) {
    index = buildIndex(input);
    indexes.set(input, index);
  }
  return index;
}

/** Open problems (SPEC §6): blockers saved on an active subtask, or a 问题 record, not yet answered by someone else. */
export function openProblems(input: DigestInput): ProblemRef[] {
  const index = indexWorkbook(input);
  index.problems ??= findProblems(input, index);
  return index.problems;
}

/** A problem as the response clock sees it: its task, who raised it and on which day, and the 问题 record raising it. */
export interface RaisedProblem {
  taskId: string;
  raisedBy: string;
  day: string;
  /** The 问题 record, when the problem is one: only records written after it answer it. */
  record?: SyncRecordRow | undefined;
}

/**
 * The Sync Log records answering a problem (SPEC §6): on the same task, by someone else, dated on or after the day it
 * was raised and, for a 问题 record, written after it. `syncByTask` holds each task's records in the order they were
 * written (archived before live, each in sheet order), so rows of different sheets are never compared. A problem or
 * record with no task answers nothing and is answered by nothing.
 */
export function repliesTo(syncByTask: Map<string, SyncRecordRow[]>, p: RaisedProblem): SyncRecordRow[] {
  if (!p.taskId) return [];
  const records = syncByTask.get(p.taskId) ?? [];
  const after = p.record ? records.indexOf(p.record) + 1 : 0;
  return records.slice(after).filter((r) => r.raisedBy !== p.raisedBy && r.date !== null && r.date >= p.day);
}

function findProblems(input: DigestInput, { taskById, syncByTask, logBySubtask }: Index): ProblemRef[] {
  const answered = (p: RaisedProblem) => repliesTo(syncByTask, p).length > 0;
  const hours = (since: number) => Math.max(0, Math.floor((input.now - since) / HOUR_MS));
  const out: ProblemRef[] = [];
  for (const s of input.subtasks) {
    const task = taskById.get(s.taskId);
    if (!s.blockers || !isActive(task)) continue;
    const since = problemStart(s, logBySubtask.get(s.id) ?? []);
    if (since === null || answered({ taskId: s.taskId, raisedBy: s.owner, day: ymdOf(since, input.offset) }))
      continue;
    out.push({
      taskId: task!.id,
      taskName: task!.name,
      subtaskId: s.id,
      text: s.blockers,
      raisedBy: s.owner,
      since,
      hours: hours(since),
      source: 'progress',
      row: s.row,
      to: unique([task!.initiator, task!.owner, ...s.collaborators]).filter((n) => n !== s.owner),
    });
  }
  for (const r of input.sync) {
    const task = taskById.get(r.taskId);
    if (r.kind !== 'problem' || !r.date || !task || !isActive(task)) continue;
    if (answered({ taskId: r.taskId, raisedBy: r.raisedBy, day: r.date, record: r })) continue;
    // A record has a date but no time: the problem counts as raised at the end of that day.
    const since = instantOf(r.date, input.offset, 24 * 60);
    const named = new Set(splitPeople(r.audience));
    const audience = input.members.filter((m) => named.has(m.name)).map((m) => m.name);
    out.push({
      taskId: task.id,
      taskName: task.name,
      subtaskId: null,
      text: r.content,
      raisedBy: r.raisedBy,
      since,
      hours: hours(since),
      source: 'sync',
      row: r.row,
      to: unique([task.initiator, task.owner, ...task.collaborators, ...audience]).filter(
        (n) => n !== r.raisedBy,
      ),
    });
  }
  return out;
}

/**
 * When the blockers now in a row were first saved: the earliest log entry of the latest run of entries with the same
 * text, or the row's update stamp when the log has none (typed by hand).
 */
function problemStart(s: SubtaskRecord, entries: ProgressLogEntry[]): number | null {
  const sorted = [...entries].sort((a, b) => a.at - b.at);
  let since: number | null = null;
  for (let i = sorted.length - 1; i >= 0 && sorted[i]!.blockers === s.blockers; i--) since = sorted[i]!.at;
  return since ?? s.updatedAt;
}

function unique(names: string[]): string[] {
  return [...new Set(names.filter(Boolean))];
}

/** Per member: everything to act on today; members with nothing are left out. */
export function memberDigests(input: DigestInput): MemberDigest[] {
  const { taskById, activeByOwner, tasksByInitiator } = indexWorkbook(input);
  const { today, wd } = input;
  const lastWorkingDay = wd.previous(today);
  const soon = wd.add(today, input.dueSoonDays);
  const problemsTo = groupBy(openProblems(input), (p) => p.to);
  const retroDue = (t: TaskRecord) =>
    t.status === 'done' &&
    (t.type === 'project' || t.type === 'routine') &&
    t.completedOn !== null &&
    t.completedOn <= today &&
    wd.between(t.completedOn, today) <= RETRO_WORKING_DAYS &&
    !RETRO_MARKER.test(t.notes);
  const digests = input.members
    .filter((m) => m.digest)
    .map((member): MemberDigest => {
      const mine = (activeByOwner.get(member.name) ?? []).map((s) => ({ s, t: taskById.get(s.taskId)! }));
      const initiated = tasksByInitiator.get(member.name) ?? [];
      const refs = (pairs: typeof mine) => pairs.map(({ s, t }) => subtaskRef(s, t));
      return {
        member,
        overdue: refs(mine.filter(({ t }) => isOverdue(t, today))),
        dueSoon: refs(mine.filter(({ t }) => isDueSoon(t, today, soon))),
        notUpdated: refs(mine.filter(({ s }) => s.updatedOn === null || s.updatedOn < lastWorkingDay)),
        problemsForMe: problemsTo.get(member.name) ?? [],
        awaitingAcceptance: initiated.filter((t) => t.status === 'pending_acceptance').map(taskRef),
        retrospectives: initiated.filter(retroDue).map(taskRef),
      };
    });
  return digests.filter((d) =>
    [d.overdue, d.dueSoon, d.notUpdated, d.problemsForMe, d.awaitingAcceptance, d.retrospectives].some(
      (list) => list.length > 0,
    ),
  );
}

function byOwner(subtasks: SubtaskRef[]): { owner: string; subtasks: SubtaskRef[] }[] {
  return [...groupBy(subtasks, (s) => s.owner)].map(([owner, list]) => ({ owner, subtasks: list }));
}

/** Tasks by status, every status present (0 when none). */
export function statusCounts(tasks: Iterable<TaskRecord>): Record<StatusCode, number> {
  const counts = Object.fromEntries(Status.codes.map((c) => [c, 0])) as Record<StatusCode, number>;
  for (const t of tasks) if (t.status) counts[t.status]++;
  return counts;
}

/** The day a pending task was submitted: its guard's status date, else its last progress update. */
function pendingSince(t: TaskRecord, subtasks: SubtaskRecord[]): string | null {
  const since = decodeTaskGuard(t.guard)?.since;
  if (since) return since;
  const stamps = subtasks.filter((s) => s.updatedOn !== null).map((s) => s.updatedOn!);
  return stamps.length ? stamps.sort().at(-1)! : null;
}

/** One team digest per 主管: counts, overdue tasks, yesterday's non-updaters, stale problems and acceptances. */
export function teamDigests(
  input: DigestInput,
  skipped: string[],
  jobsAccount: string | null = null,
): TeamDigest[] {
  const { taskById, active, subtasksByTask } = indexWorkbook(input);
  const lastWorkingDay = input.wd.previous(input.today);
  const counts = statusCounts(input.tasks);
  const nonUpdaters = byOwner(
    active
      .filter((s) => s.updatedOn === null || s.updatedOn < lastWorkingDay)
      .map((s) => subtaskRef(s, taskById.get(s.taskId)!)),
  );
  const acceptance = input.tasks
    .filter((t) => t.status === 'pending_acceptance')
    .flatMap((t) => {
      const since = pendingSince(t, subtasksByTask.get(t.id) ?? []);
      const days = since ? input.wd.between(since, input.today) : 0;
      return days > 2 ? [{ ...taskRef(t), days }] : [];
    });
  const problems = openProblems(input).filter((p) => p.hours > 24);
  return input.members
    .filter((m) => m.role === 'manager')
    .map((manager) => ({
      manager,
      counts,
      overdue: input.tasks.filter((t) => isOverdue(t, input.today)).map(taskRef),
      nonUpdaters,
      problemsOver24h: problems,
      acceptanceOver2Days: acceptance,
      skipped,
      jobsAccount,
    }));
}

/** The roll call: owners of active subtasks with no update dated today, each with their list. */
export function rollCalls(input: DigestInput): RollCall[] {
  const { taskById, activeByOwner } = indexWorkbook(input);
  return input.members
    .map((member) => ({
      member,
      subtasks: (activeByOwner.get(member.name) ?? [])
        .filter((s) => s.updatedOn !== input.today)
        .map((s) => subtaskRef(s, taskById.get(s.taskId)!)),
    }))
    .filter((r) => r.subtasks.length > 0);
}

/** End of day: each lead hears about their own tasks, each 主管 about all, when there is something to hear. */
export function escalations(input: DigestInput): Escalation[] {
  const { taskById, active } = indexWorkbook(input);
  const missing = active.filter((s) => s.updatedOn !== input.today);
  const problems = openProblems(input).filter((p) => p.hours > 24);
  return input.members
    .filter((m) => m.role === 'manager' || m.role === 'lead')
    .map((member) => {
      const mineOnly = member.role === 'lead';
      const ofMine = (taskId: string) => !mineOnly || taskById.get(taskId)?.initiator === member.name;
      return {
        member,
        nonUpdaters: byOwner(
          missing.filter((s) => ofMine(s.taskId)).map((s) => subtaskRef(s, taskById.get(s.taskId)!)),
        ),
        problemsOver24h: problems.filter((p) => ofMine(p.taskId)),
      };
    })
    .filter((e) => e.nonUpdaters.length + e.problemsOver24h.length > 0);
}
