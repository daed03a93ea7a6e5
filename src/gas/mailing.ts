// Mails one job's messages once each: within the day's quota and the run's time, journaled after every email.
import type { Email } from '../core/email';
import { messageOf } from '../core/errors';
import type { JobName } from '../core/schedule';
import { elapsedMs, outOfTime } from './budget';
import type { Journal } from './journal';
import { appendNotices, mailedOn, type Notice } from './notification-log';
import type { ActionSession } from './session';
import type { Table } from './tables';

/** What mailing needs of a job run. */
export interface MailRun {
  s: Pick<ActionSession, 'now' | 'today' | 'settings'>;
  /** The Notification Log as read at the start of the run. */
  notices: Notice[];
  noticeTable: Table;
  /** Notices this execution adds, written in one call at the end (or each at once when `eager`). */
  added: Notice[];
  /** Write each notice as it is added: the journal cannot be saved, so the log must record every email at once. */
  eager: boolean;
}

/** A message for one recipient; `rank` orders recipients when the quota is short (lower first). */
export interface Message {
  to: string;
  email: Email;
  rank: number;
}

/** Adds a notice to the run's log (written at once when the run is eager). */
function addNotice(run: MailRun, notice: Omit<Notice, 'at' | 'day'>): void {
  run.added.push({ at: run.s.now, day: run.s.today, ...notice });
  if (run.eager) writeNotices(run);
}

/** Writes the notices not yet written, in one call. */
export function writeNotices(run: MailRun): void {
  appendNotices(run.noticeTable, run.added.splice(0));
}

/** MailApp's message when the day's recipients are used up (the quota ran out under us). */
const QUOTA_ERROR = /too many times|quota/i;

/** Sends one email; the error message when MailApp refuses it. */
function send(m: Message): string | null {
  try {
    MailApp.sendEmail({
      to: m.to,
      subject: m.email.subject,
      htmlBody: m.email.htmlBody,
      body: m.email.body,
      name: 'Task Sync 任务同步',
    });
    return null;
  } catch (e) {
    return messageOf(e);
  }
}

/**
 * From now on the run writes every notice at once: the journal could not be saved, so the Notification Log must be
 * the record of each email (a sheet write per email instead of none). Said once, in the execution log and the log.
 */
function degrade(run: MailRun, job: JobName, journal: Journal): void {
  if (run.eager) return;
  const detail = `document properties: ${journal.failure}; each email is logged here as it is sent`;
  console.error(
    `Task Sync: the mailing journal cannot be saved (${journal.failure}); logging each email at once.`,
  );
  run.eager = true;
  addNotice(run, { job, recipient: '', subject: '', status: 'error', detail });
}

/**
 * Sends one message, recorded first — in the journal or, when the journal cannot be saved, as a `sent` row written at
 * once — so a run that dies between the two never sends it again (at most once); a refusal withdraws the record and
 * is logged as skipped. Returns MailApp's error, or null once sent.
 */
function mailOne(run: MailRun, job: JobName, m: Message, journal: Journal): string | null {
  const row = { job, recipient: m.to, subject: m.email.subject };
  if (!journal.record(job, m.to)) degrade(run, job, journal);
  if (run.eager) addNotice(run, { ...row, status: 'sent', detail: 'logged before sending (no journal)' });
  const error = send(m);
  if (error === null) {
    if (!run.eager) addNotice(run, { ...row, status: 'sent', detail: '' });
    return null;
  }
  if (journal.failure === null) journal.forget(job, m.to);
  addNotice(run, { ...row, status: 'skipped', detail: error });
  return error;
}

/**
 * Mails a job's messages once each: recipients already mailed today (in the log, or in the journal of a run that
 * died — those are logged now) are left out; when the quota is short, managers and overdue items go first and the
 * rest are logged as skipped (a quota that runs out mid-send too). Stops when the run's time budget is spent, logging
 * how many are left for the next hourly run. Returns false then (the job is not done), true when the job is done.
 */
export function deliver(run: MailRun, job: JobName, messages: Message[], journal: Journal): boolean {
  const { s } = run;
  const logged = mailedOn(run.notices, job, s.today);
  const done = new Set([...logged, ...journal.sentBy(job)]);
  const queue = messages.filter((m) => !done.has(m.to)).sort((a, b) => a.rank - b.rank);
  const dryRun = s.settings.email === 'dryRun';
  let quota = dryRun ? Number.POSITIVE_INFINITY : MailApp.getRemainingDailyQuota();
  const counts = { sent: 0, 'dry-run': 0, skipped: 0 };
  const note = (m: Message, status: keyof typeof counts, detail: string) => {
    counts[status]++;
    addNotice(run, { job, recipient: m.to, subject: m.email.subject, status, detail });
  };
  if (journal.failure) degrade(run, job, journal);
  // Mailed by a run that stopped before it could log them: logged now, so the log alone says who has been mailed.
  for (const to of journal.sentBy(job)) {
    if (logged.has(to)) continue;
    const subject = messages.find((m) => m.to === to)?.email.subject ?? '';
    addNotice(run, {
      job,
      recipient: to,
      subject,
      status: 'sent',
      detail: 'recorded by an earlier run that stopped (sent, or about to be): not sent again',
    });
  }
  for (const [i, m] of queue.entries()) {
    if (outOfTime()) {
      const detail = `stopped after ${Math.round(elapsedMs() / 1000)} s to stay within Apps Script's 6-minute limit; ${queue.length - i} left for the next hourly run`;
      console.warn(`Task Sync: ${job} ${detail}.`);
      addNotice(run, { job, recipient: '', subject: '', status: 'deferred', detail });
      return false;
    }
    if (dryRun) note(m, 'dry-run', m.email.body);
    else if (quota < 1) note(m, 'skipped', 'quota');
    else {
      const error = mailOne(run, job, m, journal);
      counts[error === null ? 'sent' : 'skipped']++;
      if (error === null) quota--;
      else if (QUOTA_ERROR.test(error)) quota = 0;
    }
  }
  const detail = `sent ${counts.sent}, dry-run ${counts['dry-run']}, skipped ${counts.skipped}`;
  addNotice(run, { job, recipient: '', subject: '', status: 'done', detail });
  return true;
}
