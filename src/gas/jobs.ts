// The daily jobs (SPEC §6, §7): one hourly scheduler, the digests, the roll call and the escalation, each idempotent
// per working day through the Notification Log, mailing within the day's quota (or writing a dry run to the log)
// outside the document lock, so sidebar actions never wait for the mail.
import type { WorkingDays } from '../core/calendar';
import { minuteOfDay, stampOf } from '../core/dates';
import { type DigestInput, escalations, memberDigests, rollCalls, teamDigests } from '../core/digest';
import {
  type RenderContext,
  renderEscalation,
  renderMemberDigest,
  renderRollCall,
  renderTeamDigest,
} from '../core/email';
import { emailTexts } from '../core/email-texts';
import { messageOf } from '../core/errors';
import { dueJobs, hhmm, JOBS, type JobName, mailsPeople, nextRun } from '../core/schedule';
import { t } from '../core/strings';
import { planArchiveRun } from './archive';
import { outOfTime } from './budget';
import { refreshDashboardWith } from './dashboard';
import { readHealth } from './health';
import { Journal } from './journal';
import { documentLock } from './lock';
import { deliver, type MailRun, type Message, writeNotices } from './mailing';
import { type Notice, ranOn, readNotices } from './notification-log';
import { type ActionSession, type Clock, openClock, openSession } from './session';
import { readDocProps, writeJobRuns } from './settings';
import { calendarOf, readSnapshot } from './snapshot';
import { readTable, sheetsByName, type Table } from './tables';
import { currentLocale, tellUser } from './ui';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface JobRun extends MailRun {
  s: ActionSession;
  input: DigestInput;
  render: RenderContext;
  /** The account this execution runs as, when it is not on the Team sheet (reported), else null. */
  jobsAccount: string | null;
}

/** Reads everything the jobs need: eight sheet reads and the document properties, whatever the workbook's size. */
function openJobRun(clock: Clock): JobRun {
  const s = openSession(clock);
  const { input, tables } = readSnapshot(s);
  const noticeTable = readTable(s.byName, 'notificationLog', s.locale);
  const gid = (sheet: Table) => sheet.sheet.getSheetId();
  return {
    s,
    input,
    notices: readNotices(noticeTable, s.offset),
    noticeTable,
    added: [],
    eager: false,
    jobsAccount: offTeamRunner(s),
    render: {
      locale: s.locale,
      today: s.today,
      dueSoonDays: s.settings.dueSoonDays,
      now: stampOf(s, s.now),
      links: {
        spreadsheetUrl: s.ss.getUrl(),
        gids: { overview: gid(tables.overview), progress: gid(tables.progress), sync: gid(tables.sync) },
      },
    },
  };
}

/** The account the jobs run as (the trigger's installer) when the Team sheet no longer lists it; null if it does. */
function offTeamRunner(s: ActionSession): string | null {
  const runner = String(Session.getEffectiveUser().getEmail() ?? '')
    .trim()
    .toLowerCase();
  return runner && !s.members.some((m) => m.email === runner) ? runner : null;
}

/** Logs, once a day, that the jobs run as someone no longer on the Team (the 主管s' team digest says it too). */
function noteJobsAccount(run: JobRun): void {
  const { s, jobsAccount } = run;
  if (!jobsAccount || run.notices.some((n) => n.job === 'jobsAccount' && n.day === s.today)) return;
  const tx = emailTexts(s.locale);
  console.warn(`${tx('section.jobsAccount')}: ${jobsAccount}`);
  run.added.push({
    at: s.now,
    job: 'jobsAccount',
    day: s.today,
    recipient: jobsAccount,
    subject: tx('section.jobsAccount'),
    status: 'error',
    detail: tx('note.jobsAccount'),
  });
}

/** Recipients the quota left out since the last team digest, to report in the next one. */
function skippedSinceLastDigest(notices: Notice[]): string[] {
  const lastDigest = Math.max(
    0,
    ...notices.filter((n) => n.job === 'digest' && n.status === 'done').map((n) => n.at),
  );
  return [
    ...new Set(notices.filter((n) => n.status === 'skipped' && n.at >= lastDigest).map((n) => n.recipient)),
  ];
}

function messagesFor(run: JobRun, job: JobName): Message[] {
  const { input, render } = run;
  if (job === 'rollCall')
    return rollCalls(input).map((r) => ({ to: r.member.email, email: renderRollCall(r, render), rank: 2 }));
  if (job === 'escalation') {
    return escalations(input).map((e) => ({
      to: e.member.email,
      email: renderEscalation(e, render),
      rank: e.member.role === 'manager' ? 0 : 1,
    }));
  }
  const personal = new Map(memberDigests(input).map((d) => [d.member.email, d]));
  const team = teamDigests(input, skippedSinceLastDigest(run.notices), run.jobsAccount).map((d) => {
    const mine = personal.get(d.manager.email);
    personal.delete(d.manager.email);
    return { to: d.manager.email, email: renderTeamDigest(d, render, mine), rank: 0 };
  });
  const members = [...personal.values()].map((d) => ({
    to: d.member.email,
    email: renderMemberDigest(d, render),
    rank: d.overdue.length > 0 ? 1 : 2,
  }));
  return [...team, ...members];
}

/**
 * The dashboard refresh of a job run; a failure (the sheet deleted, say) is logged in the Notification Log and never
 * keeps the emails from going out.
 */
function refreshFor(run: JobRun, charts: string): boolean {
  const { s } = run;
  try {
    const ctx = { byName: s.byName, locale: s.locale, timeZone: s.timeZone, stamp: run.render.now };
    refreshDashboardWith(run.input, { ...ctx, charts });
    return true;
  } catch (e) {
    const detail = messageOf(e);
    console.error(`dashboard: ${detail}`);
    run.added.push({
      at: s.now,
      job: 'dashboard',
      day: s.today,
      recipient: '',
      subject: '',
      status: 'error',
      detail,
    });
    return false;
  }
}

/** What a run is asked to do, from the settings, the clock and the jobs already run today alone (no sheet read). */
type JobPicker = (clock: Clock, wd: WorkingDays, ranToday: ReadonlySet<JobName>) => JobName[];

/** What a run did: the jobs it ran, and those it left for the next hourly run (the lock was busy, or time ran out). */
interface JobsResult {
  ran: JobName[];
  deferred?: JobName[];
}

/** How long a job waits for the document lock: jobs are not interactive, and a sidebar action holds it a second. */
const JOB_WAIT_MS = 30_000;

/** The jobs a run is asked to do that have not run today (by the jobs' last runs). */
function wantedJobs(pick: JobPicker, clock: Clock): JobName[] {
  const ranToday = new Set(JOBS.map((j) => j.name).filter((job) => clock.props.jobRuns[job] === clock.today));
  return pick(clock, calendarOf(clock.props.settings), ranToday);
}

/** A run that could not get the lock: it logs the jobs it leaves for the next hourly run (reading no sheet). */
function leaveForLater(pick: JobPicker): JobsResult {
  const wanted = wantedJobs(pick, openClock());
  if (wanted.length)
    console.warn(
      `Task Sync: the document lock stayed busy; ${wanted.join(', ')} left for the next hourly run.`,
    );
  return { ran: [], deferred: wanted };
}

/** The mailing's outcome: the jobs finished, the journal to clear once logged, and whether the lock was let go. */
interface Mailed {
  finished: JobName[];
  journal: Journal | null;
  released: boolean;
}

/**
 * Mails the jobs, in order, outside the document lock when the journal can be claimed; with the journal unavailable
 * it keeps the lock and logs each email at once. Returns null when this run must stop at once: another run holds the
 * mailing (it leaves everything to that one), or the lock could not be had back afterwards.
 */
function mailJobs(
  run: JobRun,
  clock: Clock,
  jobs: JobName[],
  lock: GoogleAppsScript.Lock.Lock,
): Mailed | null {
  const journal = new Journal(clock.props.raw, clock.today, clock.now);
  if (journal.heldElsewhere()) {
    console.warn(
      `Task Sync: another run is mailing today (${jobs.join(', ')}); this run leaves it to that one.`,
    );
    return null;
  }
  const released = journal.take();
  if (released) lock.releaseLock();
  const finished: JobName[] = [];
  for (const job of jobs) {
    if (!deliver(run, job, messagesFor(run, job), journal)) break;
    finished.push(job);
  }
  if (released && !lock.tryLock(JOB_WAIT_MS)) {
    console.error(
      'Task Sync: the emails went out but the document lock stayed busy, so the Notification Log is not written; ' +
        'the journal keeps who was mailed and the next hourly run finishes the log.',
    );
    return null;
  }
  // Another execution may have logged below the rows read while the lock was let go.
  if (released) run.noticeTable.lastRow = run.noticeTable.sheet.getLastRow();
  return { finished, journal, released };
}

/** What a run has done so far: the jobs run, those left for the next hourly run, and those to record as done. */
interface Outcome {
  ran: JobName[];
  deferred: JobName[];
  done: JobName[];
}

/** A mailing done and not yet logged: the run, the mailing jobs asked for, those mailed now, and how it went. */
interface Mailing {
  run: JobRun;
  mail: JobName[];
  jobs: JobName[];
  mailed: Mailed;
}

/**
 * The mailing jobs: reads under the document lock, then mails, letting the lock go while the emails go out. Null when
 * the run must stop.
 */
function mailDaily(clock: Clock, mail: JobName[], lock: GoogleAppsScript.Lock.Lock): Mailing | null {
  const run = openJobRun(clock);
  noteJobsAccount(run);
  const jobs = mail.filter((job) => !ranOn(run.notices, job, clock.today));
  const mailed = jobs.length
    ? mailJobs(run, clock, jobs, lock)
    : { finished: [], journal: null, released: false };
  return mailed && { run, mail, jobs, mailed };
}

/** Refreshes the dashboard when asked, then writes the Notification Log in one call and clears the journal. */
function logDaily(
  { run, mail, jobs, mailed }: Mailing,
  clock: Clock,
  dashboard: boolean,
  out: Outcome,
): void {
  if (dashboard) (refreshFor(run, clock.props.dashboardCharts) ? out.ran : out.deferred).push('dashboard');
  writeNotices(run);
  mailed.journal?.clear();
  out.ran.push(...mailed.finished);
  out.deferred.push(...jobs.filter((job) => !mailed.finished.includes(job)));
  out.done.push(...mail.filter((job) => !jobs.includes(job)));
}

/**
 * One step of the archive or the health check: skipped when the run is out of time, and a failure logged; either way
 * the job is left for the next hourly run. Returns the step's value, or null when it did not run.
 */
function attempt<T>(job: JobName, step: () => T, out: Outcome): T | null {
  if (outOfTime()) {
    out.deferred.push(job);
    return null;
  }
  try {
    return step();
  } catch (e) {
    console.error(`Task Sync: the ${job} did not run: ${messageOf(e)}`);
    out.deferred.push(job);
    return null;
  }
}

/**
 * Reads for the archive and the health check (the archive's six sheets, then the Team and the validations: each sheet
 * once) and returns what carries them out: the archive, then the check on the rows it leaves.
 */
function readNightly(clock: Clock, byName: Map<string, Sheet>, wanted: JobName[], out: Outcome): () => void {
  const archive = wanted.includes('archive')
    ? attempt('archive', () => planArchiveRun(clock, byName), out)
    : null;
  const check = wanted.includes('health')
    ? attempt('health', () => readHealth(clock, byName, archive?.live), out)
    : null;
  return () => {
    const moved = archive && attempt('archive', () => archive.carryOut(), out);
    if (moved) out.ran.push('archive');
    if (check && attempt('health', () => check.report(moved?.live), out)) out.ran.push('health');
  };
}

/**
 * Runs the picked jobs not yet done today. It reads under the document lock (a second firing waits, then finds the
 * work done or claimed), lets the lock go while the emails go out, then takes it again and makes every other read
 * (the archive's and the check's) before its first write — the dashboard, the Notification Log in one call, the
 * archive, the check's report — and records the jobs done in one more. With nothing to do it stops after reading the
 * properties and the time zone. A job that the busy lock or the time budget keeps from finishing is logged and left
 * for the next hourly run, which continues where it stopped.
 */
function runJobs(pick: JobPicker): JobsResult {
  const lock = documentLock();
  if (!lock.tryLock(JOB_WAIT_MS)) return leaveForLater(pick);
  const opened = openClock();
  const wanted = wantedJobs(pick, opened);
  const out: Outcome = { ran: [], deferred: [], done: [] };
  const mail = wanted.filter(mailsPeople);
  const dashboard = wanted.includes('dashboard');
  const daily = mail.length > 0 || dashboard;
  const mailing = daily ? mailDaily(opened, mail, lock) : null;
  if (daily && !mailing) return { ran: [], deferred: wanted };
  // Another execution may have changed the properties while the lock was let go.
  const clock = mailing?.mailed.released ? { ...opened, props: readDocProps() } : opened;
  const nightly = wanted.includes('archive') || wanted.includes('health');
  const byName = nightly ? (mailing?.run.s.byName ?? sheetsByName(clock.ss)) : null;
  const carryOut = byName && readNightly(clock, byName, wanted, out);
  if (mailing) logDaily(mailing, clock, dashboard, out);
  carryOut?.();
  const done = [...out.done, ...out.ran];
  if (done.length)
    writeJobRuns({ ...clock.props.jobRuns, ...Object.fromEntries(done.map((job) => [job, clock.today])) });
  return out.deferred.length ? { ran: out.ran, deferred: out.deferred } : { ran: out.ran };
}

const onWorkingDay =
  (job: JobName): JobPicker =>
  (clock, wd, ranToday) =>
    wd.isWorkingDay(clock.today) && !ranToday.has(job) ? [job] : [];

/** The one hourly trigger: every job whose time has passed today and has not run yet. */
export function runScheduledJobs(): JobsResult {
  return runJobs((clock, wd, ranToday) =>
    dueJobs(clock.today, minuteOfDay(clock.now, clock.offset), clock.props.settings, wd, ranToday),
  );
}

export function runDailyDigest(): JobsResult {
  return runJobs(onWorkingDay('digest'));
}

export function runRollCall(): JobsResult {
  return runJobs(onWorkingDay('rollCall'));
}

export function runEscalation(): JobsResult {
  return runJobs(onWorkingDay('escalation'));
}

/** Menu 立即发送摘要: today's digest now, whatever the hour (still once a day). */
export function sendDigestNow(): JobsResult {
  const result = runJobs((_clock, _wd, ranToday) => (ranToday.has('digest') ? [] : ['digest']));
  const locale = currentLocale();
  const said = result.deferred?.length
    ? 'jobs.digestLater'
    : result.ran.length
      ? 'jobs.digestSent'
      : 'jobs.digestAlready';
  tellUser(t('menu.sendDigest', locale), t(said, locale));
  return result;
}

export interface JobStatus {
  job: JobName;
  fn: string;
  lastRun: string | null;
  nextRun: string;
}

/** Each job's last run (from the Notification Log) and next run, in the spreadsheet's time zone: two sheet reads. */
export function jobStatuses(clock: Clock): JobStatus[] {
  const settings = clock.props.settings;
  const byName = sheetsByName(clock.ss);
  const notices = readNotices(readTable(byName, 'notificationLog', clock.locale), clock.offset);
  const wd = calendarOf(settings);
  const minute = minuteOfDay(clock.now, clock.offset);
  return JOBS.map((job) => {
    const last = notices.filter((n) => n.job === job.name && n.status === 'done').map((n) => n.at);
    const lastDay = clock.props.jobRuns[job.name];
    const next = nextRun(
      job,
      clock.today,
      minute,
      settings,
      wd,
      lastDay === clock.today || ranOn(notices, job.name, clock.today),
    );
    return {
      job: job.name,
      fn: job.fn,
      lastRun: last.length ? stampOf(clock, Math.max(...last)) : (lastDay ?? null),
      nextRun: `${next.day} ${hhmm(next.minute)}`,
    };
  });
}
