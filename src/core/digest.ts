// Who gets told what each day (SPEC §6): member and 主管 digests, the 17:00 roll call and the end-of-day escalation.
import type { WorkingDays } from './calendar';
import { dayNumber, instantOf, type OffsetFn, ymdOf } from './dates';
import type { StatusCode } from './enums';
import { decodeTaskGuard } from './guard';
import type { Member, SubtaskRecord, SyncRecordRow, TaskRecord } from './records';
import { isOverdue } from './workflow';

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
  sync: SyncRecordRow[];
  log: ProgressLogEntry[];
}

const HOUR_MS = 3_600_000;
/** Retrospectives are due within 3 working days of acceptance (seed guide 三(五)). */
const RETRO_WORKING_DAYS = 3;
const RETRO_MARKER = /复盘|retrospective/i;

const isActive = (t: TaskRecord | undefined) =>
  t !== undefined && (t.status === 'not_started' || t.status === 'in_progress');

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

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
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

function findProblems(input: DigestInput, { taskById, syncByTask, logBySubtask }: Index): ProblemRef[] {
  const answered = (taskId: string, raisedBy: string, sinceDay: string, afterRow: number) =>
    (syncByTask.get(taskId) ?? []).some(
      (r) =>
        r.taskId === taskId &&
        r.raisedBy !== raisedBy &&
        r.date !== null &&
        r.date >= sinceDay &&
        r.row > afterRow,
    );
  const hours = (since: number) => Math.max(0, Math.floor((input.now - since) / HOUR_MS));
  const out: ProblemRef[] = [];
  for (const s of input.subtasks) {
    const task = taskById.get(s.taskId);
    if (!s.blockers || !isActive(task)) continue;
    const since = problemStart(s, logBySubtask.get(s.id) ?? []);
    if (since === null || answered(s.taskId, s.owner, ymdOf(since, input.offset), 0)) continue;
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
    if (answered(r.taskId, r.raisedBy, r.date, r.row)) continue;
    // A record has a date but no time: the problem counts as raised at the end of that day.
    const since = instantOf(r.date, input.offset, 24 * 60);
    const audience = input.members.filter((m) => r.audience.includes(m.name)).map((m) => m.name);
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
  const problemsTo = new Map<string, ProblemRef[]>();
  for (const p of openProblems(input))
    for (const name of p.to) problemsTo.set(name, [...(problemsTo.get(name) ?? []), p]);
  const due = (t: TaskRecord) => t.due !== null && t.due >= today && t.due <= soon;
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
        dueSoon: refs(mine.filter(({ t }) => due(t))),
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
  const groups = new Map<string, SubtaskRef[]>();
  for (const s of subtasks) groups.set(s.owner, [...(groups.get(s.owner) ?? []), s]);
  return [...groups].map(([owner, list]) => ({ owner, subtasks: list }));
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
  const counts: Record<StatusCode, number> = {
    not_started: 0,
    in_progress: 0,
    pending_acceptance: 0,
    done: 0,
    cancelled: 0,
  };
  for (const t of input.tasks) if (t.status) counts[t.status]++;
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

/** Days between two dates (for "overdue by N days" lines). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
