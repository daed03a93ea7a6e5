// The review report (阶段性进度复盘) for a week, a month or any range, archived tasks included; and the retrospective
// conclusions initiators record into a completed task's 备注, from the sidebar or the report sheet.
import { stampOf } from '../core/dates';
import { readSubtasks, readSyncRecords, readTasks } from '../core/records';
import { notesWithRetro, retroRefusal } from '../core/retrospective';
import { computeReview } from '../core/review';
import { layoutReview, parsePeriod, periodProblem, reviewSheetName } from '../core/review-layout';
import { parseOrThrow, retrospectiveSchema, reviewSchema } from '../core/schemas';
import { t } from '../core/strings';
import { assertOnTeam, isManager, isUnknown } from '../core/workflow';
import { lockedAction } from './lock';
import { NEW_SHEET_SIZE, writeGrid } from './report-sheet';
import { type ActionSession, openSession } from './session';
import { readSnapshot } from './snapshot';
import { logWorkflowRecord } from './sync-log';
import { readTable, writeCells } from './tables';
import { tellUser } from './ui';

export interface ReviewResult {
  sheet: string;
  from: string;
  to: string;
  counts: { completed: number; started: number; overdue: number; carriedOver: number; problems: number };
  emailed: string[];
  /** Why some 主管s were not emailed (dry-run mode, quota), in the user's language; '' when all were. */
  mailNote: string;
}

/** A period to review, and whether to email the 主管s. */
type ReviewRequest = { from: string; to: string; email?: boolean | undefined };

/** generateReview({ from, to, email? }); from the menu (no argument) it asks for the period. */
export function generateReview(input?: {
  from?: unknown;
  to?: unknown;
  email?: unknown;
}): ReviewResult | null {
  const s = openSession();
  assertOnTeam(s.actor, s.locale);
  const fromMenu = input === undefined;
  const request = fromMenu ? askPeriod(s) : checkedPeriod(s, input);
  if (!request) return null;
  const { from, to, email } = request;
  if (email === true && !mayMailReview(s)) throw new Error(t('review.mailNotAllowed', s.locale));
  const result = writeReview(s, from, to);
  if (email === true) Object.assign(result, mailManagers(s, result));
  // From the sidebar the result is shown there; an alert would hold the call until someone closed it.
  if (fromMenu) tellUser(t('menu.review', s.locale), t('review.done', s.locale, { sheet: result.sheet }));
  return result;
}

/** The sidebar's request: the shared schema, then the period rule (forwards, at most a year). */
function checkedPeriod(s: ActionSession, input: unknown): ReviewRequest {
  const request = parseOrThrow(reviewSchema, input, s.locale);
  if (periodProblem(request.from, request.to))
    throw new Error(t('review.badPeriod', s.locale, { text: `${request.from}~${request.to}` }));
  return request;
}

/** The menu's prompt: a period name (本周, 上周…) or a typed range, parsed once. */
function askPeriod(s: ActionSession): ReviewRequest | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(t('menu.review', s.locale), t('review.ask', s.locale), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  const text = answer.getResponseText();
  const period = parsePeriod(text, s.today);
  if (!period) throw new Error(t('review.badPeriod', s.locale, { text }));
  return period;
}

/** Ten reads (the live sheets, the progress log, the three archive sheets…) and four writes (five the second time). */
function writeReview(s: ActionSession, from: string, to: string): ReviewResult {
  const { input } = readSnapshot(s);
  const archived = (key: 'archiveOverview' | 'archiveProgress' | 'archiveSync') =>
    readTable(s.byName, key, s.locale);
  const [ao, ap, as] = [archived('archiveOverview'), archived('archiveProgress'), archived('archiveSync')];
  const data = computeReview({
    from,
    to,
    today: s.today,
    offset: s.offset,
    wd: input.wd,
    members: s.members,
    tasks: [...input.tasks, ...readTasks(ao.values, ao.cols, s)],
    subtasks: [...input.subtasks, ...readSubtasks(ap.values, ap.cols, s)],
    // Archived records were written before the live ones: in this order, a reply comes after its problem.
    sync: [...readSyncRecords(as.values, as.cols, s), ...input.sync],
    log: input.log,
  });
  const name = reviewSheetName(from, to, s.locale);
  const layout = layoutReview(data, from, to, s.locale, stampOf(s, s.now), s.timeZone);
  // A report generated again replaces its sheet: one more call than clearing it, and no read of its size.
  const existing = s.byName.get(name);
  if (existing) s.ss.deleteSheet(existing);
  writeGrid(s.ss.insertSheet(name), layout, NEW_SHEET_SIZE);
  return {
    sheet: name,
    from,
    to,
    counts: {
      completed: data.completed.length,
      started: data.started.length,
      overdue: data.overdue.length,
      carriedOver: data.carriedOver.length,
      problems: data.problems.length,
    },
    emailed: [],
    mailNote: '',
  };
}

/** A 主管 or the admin may email the summary (an unknown identity too, as SPEC §4 lets it act where a role could). */
function mayMailReview(s: ActionSession): boolean {
  return isUnknown(s.actor) || isManager(s.actor) || s.actor.email === s.settings.admin.toLowerCase();
}

/** The optional summary to each 主管, with a link to the report; within the day's quota, and not in dry-run mode. */
function mailManagers(s: ActionSession, r: ReviewResult): Pick<ReviewResult, 'emailed' | 'mailNote'> {
  const managers = s.members.filter((m) => m.role === 'manager');
  const names = (list: typeof managers) => list.map((m) => m.name).join(s.locale === 'en' ? ', ' : '、');
  if (managers.length && s.settings.email === 'dryRun')
    return { emailed: [], mailNote: t('review.dryRun', s.locale, { to: names(managers) }) };
  const params = {
    from: r.from,
    to: r.to,
    sheet: r.sheet,
    url: s.ss.getUrl(),
    completed: r.counts.completed,
    started: r.counts.started,
    overdue: r.counts.overdue,
    carried: r.counts.carriedOver,
    problems: r.counts.problems,
  };
  let quota = managers.length ? MailApp.getRemainingDailyQuota() : 0;
  const emailed: string[] = [];
  for (const m of managers) {
    if (quota < 1) break;
    try {
      MailApp.sendEmail({
        to: m.email,
        subject: t('review.subject', s.locale, params),
        body: t('review.body', s.locale, params),
        name: 'Task Sync 任务同步',
      });
      emailed.push(m.email);
      quota--;
    } catch {
      quota = 0;
    }
  }
  const missed = managers.slice(emailed.length);
  return { emailed, mailNote: missed.length ? t('review.quota', s.locale, { to: names(missed) }) : '' };
}

/**
 * recordRetrospective({ taskId, text }): the initiator (or a 主管) adds the review's conclusions to a completed task's
 * 备注, dated, after what is there. An unknown identity may, and is recorded in the Sync Log (SPEC §4).
 */
export function recordRetrospective(input: unknown): { taskId: string; notes: string } {
  return lockedAction((s) => {
    const { taskId: id, text } = parseOrThrow(retrospectiveSchema, input, s.locale);
    assertOnTeam(s.actor, s.locale);
    const overview = readTable(s.byName, 'overview', s.locale);
    const task = readTasks(overview.values, overview.cols, s).find((x) => x.id === id);
    if (!task) throw new Error(t('error.noTask', s.locale, { id }));
    const refusal = retroRefusal(s.actor, task, s.locale);
    if (refusal) throw new Error(refusal);
    const sync = isUnknown(s.actor) ? readTable(s.byName, 'sync', s.locale) : null;
    const notes = notesWithRetro(task.notes, text, s.today, s.locale);
    writeCells(overview, task.row, { notes });
    if (sync) {
      const words = { topic: 'retro.topic', content: 'retro.content', params: { text } } as const;
      logWorkflowRecord(s, sync, task, 'progress', words, '');
    }
    return { taskId: id, notes };
  });
}
