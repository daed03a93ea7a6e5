// The daily jobs' schedule (SPEC §6): which jobs are due at an hourly run, and when each runs next.
import type { WorkingDays } from './calendar';
import type { Settings } from './settings';

export type JobName = 'digest' | 'rollCall' | 'escalation' | 'archive' | 'dashboard' | 'health';

interface JobDef {
  name: JobName;
  /** The top-level function that runs it on its own. */
  fn: string;
  /** Minute of the day it is due from. */
  minute: (s: Settings) => number;
  /** Minute of the day after which it no longer makes sense (the roll call is for the 17:00 deadline). */
  until?: number;
}

export const JOBS: readonly JobDef[] = [
  { name: 'dashboard', fn: 'refreshDashboard', minute: (s) => s.digestHour * 60 },
  { name: 'digest', fn: 'runDailyDigest', minute: (s) => s.digestHour * 60 },
  {
    name: 'rollCall',
    fn: 'runRollCall',
    minute: (s) => s.rollCallHour * 60 + s.rollCallMinute,
    until: 17 * 60,
  },
  { name: 'escalation', fn: 'runEscalation', minute: (s) => s.escalationHour * 60 + s.escalationMinute },
  { name: 'archive', fn: 'runArchive', minute: (s) => s.archiveHour * 60 },
  // After the archive, so the night's check sees what the day will start from.
  { name: 'health', fn: 'runHealthCheck', minute: (s) => s.archiveHour * 60 },
];

const SHEET_JOBS: ReadonlySet<JobName> = new Set(['archive', 'dashboard', 'health']);

/** The jobs that mail people (the others rewrite sheets). */
export function mailsPeople(job: JobName): boolean {
  return !SHEET_JOBS.has(job);
}

export function jobDef(name: JobName): JobDef {
  return JOBS.find((j) => j.name === name)!;
}

/**
 * The jobs an hourly run should do now: on a working day, every job whose time has passed and that has not run
 * that day (a late or repeated firing therefore never runs a job twice).
 */
export function dueJobs(
  today: string,
  minuteNow: number,
  settings: Settings,
  wd: WorkingDays,
  ranToday: ReadonlySet<JobName>,
): JobName[] {
  if (!wd.isWorkingDay(today)) return [];
  return JOBS.filter(
    (j) =>
      minuteNow >= j.minute(settings) &&
      (j.until === undefined || minuteNow < j.until) &&
      !ranToday.has(j.name),
  ).map((j) => j.name);
}

/**
 * When a job runs next: today at its time if that is still ahead, at the next hourly run if it is due and has not run,
 * else on the next working day.
 */
export function nextRun(
  job: JobDef,
  today: string,
  minuteNow: number,
  settings: Settings,
  wd: WorkingDays,
  ranToday: boolean,
): { day: string; minute: number } {
  const minute = job.minute(settings);
  const stillToday =
    wd.isWorkingDay(today) && !ranToday && (job.until === undefined || minuteNow < job.until);
  return stillToday ? { day: today, minute: Math.max(minute, minuteNow) } : { day: wd.next(today), minute };
}

export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
