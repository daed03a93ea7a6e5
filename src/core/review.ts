// The periodic review (阶段性进度复盘): what was completed, started, overdue and carried over in a period, the problems
// raised and how fast they were answered, decisions and deliverables, and each owner's daily-update discipline.
import type { WorkingDays } from './calendar';
import { addDays, minuteOfDay, type OffsetFn, ymdOf } from './dates';
import { type ProgressLogEntry, repliesTo } from './digest';
import { groupBy } from './group';
import { decodeTaskGuard } from './guard';
import type { Member, SubtaskRecord, SyncRecordRow, TaskRecord } from './records';

export interface ReviewInput {
  from: string;
  to: string;
  today: string;
  offset: OffsetFn;
  wd: WorkingDays;
  members: Member[];
  /** Live and archived rows together. */
  tasks: TaskRecord[];
  subtasks: SubtaskRecord[];
  /** In the order written: archived records first, then live ones, each in sheet order. */
  sync: SyncRecordRow[];
  log: ProgressLogEntry[];
}

export interface ReviewProblem {
  taskId: string;
  subtaskId: string | null;
  text: string;
  raisedBy: string;
  raisedOn: string;
  answeredOn: string | null;
  /** Working days from raised to answered (0: the same day), or null while unanswered. */
  workingDaysToAnswer: number | null;
}

export interface Discipline {
  owner: string;
  /** Working days of the period (up to today) with an update logged before 17:00. */
  daysOnTime: number;
  workingDays: number;
}

export interface ReviewData {
  completed: TaskRecord[];
  started: TaskRecord[];
  overdue: TaskRecord[];
  carriedOver: TaskRecord[];
  problems: ReviewProblem[];
  decisions: SyncRecordRow[];
  deliverables: SyncRecordRow[];
  discipline: Discipline[];
}

const inPeriod = (day: string | null, from: string, to: string) => day !== null && day >= from && day <= to;

/** One pass over the rows (indexes built once), so a month over 10,000 tasks stays quick. */
export function computeReview(input: ReviewInput): ReviewData {
  const { from, to, offset } = input;
  const dayOf = (at: number) => ymdOf(at, offset);
  const firstLog = new Map<string, string>();
  for (const e of input.log) {
    const day = dayOf(e.at);
    const prev = firstLog.get(e.taskId);
    if (prev === undefined || day < prev) firstLog.set(e.taskId, day);
  }
  const closedBy = (t: TaskRecord) =>
    (t.status === 'done' || t.status === 'cancelled') && t.completedOn !== null && t.completedOn <= to;
  // A task cancelled after the period was still open at its end; one cancelled on an unknown day is left out.
  const openAtEnd = (t: TaskRecord) => !closedBy(t) && !(t.status === 'cancelled' && t.completedOn === null);
  // Created by the end of the period: the date Task Sync stamped in the row's guard; for rows without one (typed by
  // hand, or older), updated by then or due on or after the period's start.
  const existedBy = (t: TaskRecord) => {
    const created = decodeTaskGuard(t.guard)?.created;
    if (created) return created <= to;
    return (firstLog.get(t.id) ?? '9999') <= to || (t.due !== null && t.due >= from);
  };
  // A due date is missed once its day is over: by the end of the period, or (while the period runs) before today.
  const lastMissed = to < input.today ? to : addDays(input.today, -1);
  return {
    completed: input.tasks.filter((t) => t.status === 'done' && inPeriod(t.completedOn, from, to)),
    started: input.tasks.filter((t) => inPeriod(firstLog.get(t.id) ?? null, from, to)),
    overdue: input.tasks.filter(
      (t) => t.due !== null && t.due >= from && t.due <= lastMissed && openAtEnd(t),
    ),
    carriedOver: input.tasks.filter((t) => openAtEnd(t) && existedBy(t)),
    problems: problemsOf(input),
    decisions: input.sync.filter((r) => r.kind === 'decision' && inPeriod(r.date, from, to)),
    deliverables: input.sync.filter((r) => r.kind === 'deliverable' && inPeriod(r.date, from, to)),
    discipline: disciplineOf(input),
  };
}

/** Problems raised in the period: each new blocker text saved on a subtask, and each 问题 record on a task. */
function problemsOf(input: ReviewInput): ReviewProblem[] {
  const { from, to, offset, wd } = input;
  const ownerOf = new Map(input.subtasks.map((s) => [s.id, s.owner]));
  const syncByTask = groupBy(input.sync, (r) => r.taskId);
  /** The earliest reply's date (SPEC §6 rule, shared with the daily jobs) and the working days it took. */
  const answer = (taskId: string, raisedBy: string, raisedOn: string, record?: SyncRecordRow) => {
    const replies = repliesTo(syncByTask, { taskId, raisedBy, day: raisedOn, record });
    const first = replies.map((r) => r.date!).sort()[0] ?? null;
    return { answeredOn: first, workingDaysToAnswer: first === null ? null : wd.between(raisedOn, first) };
  };
  const out: ReviewProblem[] = [];
  for (const [subtaskId, entries] of groupBy(input.log, (e) => e.subtaskId)) {
    let previous = '';
    for (const e of [...entries].sort((a, b) => a.at - b.at)) {
      const raisedOn = ymdOf(e.at, offset);
      if (e.blockers && e.blockers !== previous && inPeriod(raisedOn, from, to)) {
        const raisedBy = ownerOf.get(subtaskId) ?? e.author;
        out.push({
          taskId: e.taskId,
          subtaskId,
          text: e.blockers,
          raisedBy,
          raisedOn,
          ...answer(e.taskId, raisedBy, raisedOn),
        });
      }
      previous = e.blockers;
    }
  }
  for (const r of input.sync) {
    if (r.kind !== 'problem' || !r.taskId || !inPeriod(r.date, from, to)) continue;
    out.push({
      taskId: r.taskId,
      subtaskId: null,
      text: r.content,
      raisedBy: r.raisedBy,
      raisedOn: r.date!,
      ...answer(r.taskId, r.raisedBy, r.date!, r),
    });
  }
  return out.sort((a, b) => (a.raisedOn < b.raisedOn ? -1 : a.raisedOn > b.raisedOn ? 1 : 0));
}

/** Per owner of work open in the period: working days with an update logged before 17:00, out of the working days. */
function disciplineOf(input: ReviewInput): Discipline[] {
  const { from, to, today, offset, wd } = input;
  const last = [to, today].sort()[0]!;
  const days: string[] = [];
  for (let d = wd.isWorkingDay(from) ? from : wd.next(from); d <= last; d = wd.next(d)) days.push(d);
  const dayIndex = new Set(days);
  const emailOf = new Map(input.members.map((m) => [m.name, m.email]));
  const onTime = new Map<string, Set<string>>();
  for (const e of input.log) {
    const day = ymdOf(e.at, offset);
    if (!dayIndex.has(day) || minuteOfDay(e.at, offset) >= 17 * 60) continue;
    const set = onTime.get(e.author) ?? new Set<string>();
    set.add(day);
    onTime.set(e.author, set);
  }
  const openInPeriod = new Set(
    input.tasks
      .filter((t) => !(t.completedOn !== null && t.completedOn < from) && t.status !== null)
      .map((t) => t.id),
  );
  const owners = [...new Set(input.subtasks.filter((s) => openInPeriod.has(s.taskId)).map((s) => s.owner))]
    .filter(Boolean)
    .sort();
  return owners.map((owner) => {
    const seen = new Set([...(onTime.get(owner) ?? []), ...(onTime.get(emailOf.get(owner) ?? '') ?? [])]);
    return { owner, daysOnTime: seen.size, workingDays: days.length };
  });
}
