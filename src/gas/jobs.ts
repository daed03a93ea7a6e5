// The daily jobs (SPEC §6, §7): one hourly scheduler, the digests, the roll call and the escalation, each idempotent
// per working day through the Notification Log, mailing within the day's quota (or writing a dry run to the log)
// outside the document lock, so sidebar actions never wait for the mail.
import type { WorkingDays } from '../core/calendar';
import { minuteOfDay, wallOf } from '../core/dates';
import { type DigestInput, escalations, memberDigests, rollCalls, teamDigests } from '../core/digest';
import {
  type RenderContext,
  renderEscalation,
  renderMemberDigest,
  renderRollCall,
  renderTeamDigest,
} from '../core/email';
import { emailTexts } from '../core/email-texts';
import { dueJobs, hhmm, JOBS, type JobName, mailsPeople, nextRun } from '../core/schedule';
import { t } from '../core/strings';
import { archiveHoldingLock } from './archive';
import { outOfTime } from './budget';
import { refreshDashboardWith } from './dashboard';
import { checkHealthHoldingLock } from './health';
import { Journal } from './journal';
import { documentLock } from './lock';
import { deliver, type MailRun, type Message, writeNotices } from './mailing';
import { type Notice, ranOn, readNotices } from './notification-log';
import { type ActionSession, type Clock, openClock, openSession } from './session';
import { writeJobRuns } from './settings';
import { calendarOf, readSnapshot, stampOf } from './snapshot';
import { readTable, sheetsByName, type Table } from './tables';
import { currentLocale, tellUser } from './ui';

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
    const detail = String((e as Error).message ?? e);
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

/** What a run is asked to do, decided from the settings and the clock alone (no sheet read). */
type Pick = (clock: Clock, wd: WorkingDays) => JobName[];

/** What a run did: the jobs it ran, and those it left for the next hourly run (the lock was busy, or time ran out). */
export interface JobsResult {
  ran: JobName[];
  deferred?: JobName[];
}

/** How long a job waits for the document lock: jobs are not interactive, and a sidebar action holds it a second. */
const JOB_WAIT_MS = 30_000;

const messageOf = (e: unknown) => String((e as Error)?.message ?? e);

/** A run that could not get the lock: it logs the jobs it leaves for the next hourly run (reading no sheet). */
function leaveForLater(pick: Pick): JobsResult {
  const clock = openClock();
  const wanted = pick(clock, calendarOf(clock.props.settings)).filter(
    (j) => clock.props.jobRuns[j] !== clock.today,
  );
  if (wanted.length)
    console.warn(
      `Task Sync: the document lock stayed busy; ${wanted.join(', ')} left for the next hourly run.`,
    );
  return { ran: [], deferred: wanted };
}

/**
 * Mails the jobs, in order, outside the document lock when the journal can be claimed (a second firing finds the
 * claim and leaves the mailing to this run); with the journal unavailable it keeps the lock and logs each email at
 * once. Returns the jobs finished and the journal this run kept (null when another run holds it), or null when the
 * lock could not be had back afterwards.
 */
function mailJobs(
  run: JobRun,
  clock: Clock,
  jobs: JobName[],
  lock: GoogleAppsScript.Lock.Lock,
): { finished: JobName[]; journal: Journal | null } | null {
  const journal = new Journal(clock.props.raw, clock.today, clock.now);
  if (journal.heldElsewhere()) {
    console.warn(
      `Task Sync: another run is mailing today (${jobs.join(', ')}); this run leaves it to that one.`,
    );
    return { finished: [], journal: null };
  }
  const claimed = journal.take();
  if (claimed) lock.releaseLock();
  const finished: JobName[] = [];
  for (const job of jobs) {
    if (!deliver(run, job, messagesFor(run, job), journal)) break;
    finished.push(job);
  }
  if (claimed && !lock.tryLock(JOB_WAIT_MS)) {
    console.error(
      'Task Sync: the emails went out but the document lock stayed busy, so the Notification Log is not written; ' +
        'the journal keeps who was mailed and the next hourly run finishes the log.',
    );
    return null;
  }
  return { finished, journal };
}

/**
 * Runs the picked jobs not yet done today. It reads under the document lock (a second firing waits, then finds the
 * work done or claimed), lets the lock go while the emails go out, then takes it again to refresh the dashboard,
 * write the Notification Log in one call and archive. With nothing to do it stops after reading the properties and
 * the time zone. A job that the busy lock or the time budget keeps from finishing is logged and left for the next
 * hourly run, which continues where it stopped.
 */
function runJobs(pick: Pick): JobsResult {
  const lock = documentLock();
  if (!lock.tryLock(JOB_WAIT_MS)) return leaveForLater(pick);
  const clock = openClock();
  const wd = calendarOf(clock.props.settings);
  const wanted = pick(clock, wd).filter((job) => clock.props.jobRuns[job] !== clock.today);
  const mail = wanted.filter(mailsPeople);
  const sheetJobs = wanted.includes('dashboard') ? (['dashboard'] as const) : [];
  const ran: JobName[] = [];
  const deferred: JobName[] = [];
  if (mail.length || sheetJobs.length) {
    const run = openJobRun(clock);
    const { s } = run;
    noteJobsAccount(run);
    const jobs = mail.filter((job) => !ranOn(run.notices, job, s.today));
    const mailed = jobs.length ? mailJobs(run, clock, jobs, lock) : null;
    if (jobs.length && !mailed) return { ran: [], deferred: wanted };
    const finished = mailed?.finished ?? [];
    if (sheetJobs.length && refreshFor(run, clock.props.dashboardCharts)) ran.push('dashboard');
    writeNotices(run);
    const done = [...mail.filter((job) => !jobs.includes(job) || finished.includes(job)), ...sheetJobs];
    writeJobRuns({ ...clock.props.jobRuns, ...Object.fromEntries(done.map((job) => [job, clock.today])) });
    mailed?.journal?.clear();
    ran.push(...finished);
    deferred.push(...jobs.filter((job) => !finished.includes(job)));
  }
  if (wanted.includes('archive')) {
    if (outOfTime()) deferred.push('archive');
    else {
      try {
        archiveHoldingLock();
        ran.push('archive');
      } catch (e) {
        console.error(`Task Sync: the archive did not run: ${messageOf(e)}`);
        deferred.push('archive');
      }
    }
  }
  if (wanted.includes('health')) {
    checkHealthHoldingLock();
    ran.push('health');
  }
  return deferred.length ? { ran, deferred } : { ran };
}

const onWorkingDay =
  (job: JobName): Pick =>
  (clock, wd) =>
    wd.isWorkingDay(clock.today) ? [job] : [];

/** The one hourly trigger: every job whose time has passed today and has not run yet. */
export function runScheduledJobs(): JobsResult {
  return runJobs((clock, wd) =>
    dueJobs(clock.today, minuteOfDay(clock.now, clock.offset), clock.props.settings, wd, new Set()),
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
  const result = runJobs(() => ['digest']);
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
  const stamp = (at: number) =>
    new Date(wallOf(at, clock.offset)).toISOString().slice(0, 16).replace('T', ' ');
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
      lastRun: last.length ? stamp(Math.max(...last)) : (lastDay ?? null),
      nextRun: `${next.day} ${hhmm(next.minute)}`,
    };
  });
}
