// The daily jobs (SPEC §6, §7): one hourly scheduler, the digests, the roll call and the escalation, each idempotent
// per working day through the Notification Log, mailing within the day's quota (or writing a dry run to the log).
import { type WorkingDays, workingDays } from '../core/calendar';
import { minuteOfDay, wallOf } from '../core/dates';
import { type DigestInput, escalations, memberDigests, rollCalls, teamDigests } from '../core/digest';
import {
  type Email,
  type RenderContext,
  renderEscalation,
  renderMemberDigest,
  renderRollCall,
  renderTeamDigest,
} from '../core/email';
import { readSubtasks, readSyncRecords, readTasks } from '../core/records';
import { dueJobs, hhmm, JOBS, type JobName, nextRun } from '../core/schedule';
import type { Settings } from '../core/settings';
import { t } from '../core/strings';
import { archiveHoldingLock } from './archive';
import { withDocumentLock } from './lock';
import {
  appendNotices,
  mailedOn,
  type Notice,
  ranOn,
  readNotices,
  readProgressLog,
} from './notification-log';
import { type ActionSession, type Clock, openClock, openSession } from './session';
import { writeJobRuns, writeJournal } from './settings';
import { readTable, sheetsByName, type Table } from './tables';
import { currentLocale, tellUser } from './ui';

interface JobRun {
  s: ActionSession;
  input: DigestInput;
  notices: Notice[];
  noticeTable: Table;
  render: RenderContext;
  /** Notices this execution adds, written in one call at the end. */
  added: Notice[];
}

/** A message for one recipient; `rank` orders recipients when the quota is short (lower first). */
interface Message {
  to: string;
  email: Email;
  rank: number;
}

function calendarOf(settings: Settings): WorkingDays {
  return workingDays({
    kind: settings.calendar,
    extraHolidays: settings.extraHolidays,
    extraWorkdays: settings.extraWorkdays,
  });
}

/** Reads everything the jobs need: eight sheet reads and the document properties, whatever the workbook's size. */
function openJobRun(clock: Clock): JobRun {
  const s = openSession(clock);
  const overview = readTable(s.byName, 'overview', s.locale);
  const progress = readTable(s.byName, 'progress', s.locale);
  const sync = readTable(s.byName, 'sync', s.locale);
  const log = readProgressLog(s.byName, s.locale, s.offset);
  const noticeTable = readTable(s.byName, 'notificationLog', s.locale);
  const input: DigestInput = {
    today: s.today,
    now: s.now,
    offset: s.offset,
    wd: calendarOf(s.settings),
    dueSoonDays: s.settings.dueSoonDays,
    members: s.members,
    tasks: readTasks(overview.values, overview.cols, s),
    subtasks: readSubtasks(progress.values, progress.cols, s),
    sync: readSyncRecords(sync.values, sync.cols, s),
    log,
  };
  const gid = (sheet: Table) => sheet.sheet.getSheetId();
  return {
    s,
    input,
    notices: readNotices(noticeTable, s.offset),
    noticeTable,
    added: [],
    render: {
      locale: s.locale,
      today: s.today,
      dueSoonDays: s.settings.dueSoonDays,
      now: new Date(wallOf(s.now, s.offset)).toISOString().slice(0, 16).replace('T', ' '),
      links: {
        spreadsheetUrl: s.ss.getUrl(),
        gids: { overview: gid(overview), progress: gid(progress), sync: gid(sync) },
      },
    },
  };
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
  const team = teamDigests(input, skippedSinceLastDigest(run.notices)).map((d) => {
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
 * Mails a job's messages once each: recipients already mailed today (in the log or the journal of a run that died)
 * are skipped; when the quota is short, managers and overdue items go first and the rest are logged as skipped.
 */
function deliver(run: JobRun, job: JobName, messages: Message[]): void {
  const { s } = run;
  const day = s.today;
  const journaled = s.journal && s.journal.job === job && s.journal.day === day ? s.journal.sent : [];
  const done = new Set([...mailedOn(run.notices, job, day), ...journaled]);
  const queue = messages.filter((m) => !done.has(m.to)).sort((a, b) => a.rank - b.rank);
  const dryRun = s.settings.email === 'dryRun';
  let quota = dryRun ? Number.POSITIVE_INFINITY : MailApp.getRemainingDailyQuota();
  const sent: string[] = [...journaled];
  const notice = (m: Message, status: Notice['status'], detail: string): Notice => ({
    at: s.now,
    job,
    day,
    recipient: m.to,
    subject: m.email.subject,
    status,
    detail,
  });
  for (const m of queue) {
    if (dryRun) {
      run.added.push(notice(m, 'dry-run', m.email.body));
      continue;
    }
    if (quota < 1) {
      run.added.push(notice(m, 'skipped', 'quota'));
      continue;
    }
    try {
      MailApp.sendEmail({
        to: m.to,
        subject: m.email.subject,
        htmlBody: m.email.htmlBody,
        body: m.email.body,
        name: 'Task Sync 任务同步',
      });
      quota--;
      sent.push(m.to);
      writeJournal({ job, day, sent });
      run.added.push(notice(m, 'sent', ''));
    } catch (e) {
      quota = 0;
      run.added.push(notice(m, 'skipped', String((e as Error).message ?? e)));
    }
  }
  const count = (status: string) => run.added.filter((n) => n.job === job && n.status === status).length;
  run.added.push({
    at: s.now,
    job,
    day,
    recipient: '',
    subject: '',
    status: 'done',
    detail: `sent ${count('sent')}, dry-run ${count('dry-run')}, skipped ${count('skipped')}`,
  });
}

/** What a run is asked to do, decided from the settings and the clock alone (no sheet read). */
type Pick = (clock: Clock, wd: WorkingDays) => JobName[];

/**
 * Runs the picked jobs not yet done today, under the document lock (a second firing waits, then finds them done).
 * With nothing to do it stops after reading the properties and the time zone; otherwise it reads the sheets once,
 * mails, and writes the Notification Log in one call.
 */
function runJobs(pick: Pick): { ran: JobName[] } {
  return withDocumentLock(() => {
    const clock = openClock();
    const wd = calendarOf(clock.props.settings);
    const wanted = pick(clock, wd).filter((job) => clock.props.jobRuns[job] !== clock.today);
    const mail = wanted.filter((job) => job !== 'archive');
    const ran: JobName[] = [];
    if (mail.length) {
      const run = openJobRun(clock);
      const jobs = mail.filter((job) => !ranOn(run.notices, job, run.s.today));
      for (const job of jobs) deliver(run, job, messagesFor(run, job));
      appendNotices(run.noticeTable, run.added);
      writeJobRuns({ ...clock.props.jobRuns, ...Object.fromEntries(mail.map((job) => [job, clock.today])) });
      if (run.s.journal || run.added.some((n) => n.status === 'sent')) writeJournal(null);
      ran.push(...jobs);
    }
    if (wanted.includes('archive')) {
      archiveHoldingLock();
      ran.push('archive');
    }
    return { ran };
  });
}

const onWorkingDay =
  (job: JobName): Pick =>
  (clock, wd) =>
    wd.isWorkingDay(clock.today) ? [job] : [];

/** The one hourly trigger: every job whose time has passed today and has not run yet. */
export function runScheduledJobs(): { ran: JobName[] } {
  return runJobs((clock, wd) =>
    dueJobs(clock.today, minuteOfDay(clock.now, clock.offset), clock.props.settings, wd, new Set()),
  );
}

export function runDailyDigest(): { ran: JobName[] } {
  return runJobs(onWorkingDay('digest'));
}

export function runRollCall(): { ran: JobName[] } {
  return runJobs(onWorkingDay('rollCall'));
}

export function runEscalation(): { ran: JobName[] } {
  return runJobs(onWorkingDay('escalation'));
}

/** Menu 立即发送摘要: today's digest now, whatever the hour (still once a day). */
export function sendDigestNow(): { ran: JobName[] } {
  const result = runJobs(() => ['digest']);
  const locale = currentLocale();
  tellUser(
    t('menu.sendDigest', locale),
    t(result.ran.length ? 'jobs.digestSent' : 'jobs.digestAlready', locale),
  );
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
