// The hidden 通知日志: what each job did and sent, per working day — it makes every job idempotent per day.
import { cellInstant, cellYmd, type OffsetFn } from '../core/dates';
import type { ProgressLogEntry } from '../core/digest';
import type { Locale } from '../core/locale';
import { escapeFormulaText, unescapeFormulaText } from '../core/records';
import type { JobName } from '../core/schedule';
import { appendRows, readTable, type Table } from './tables';

/** `deferred`: the job stopped early (time, or the lock) and its next run finishes it; `error`: what went wrong. */
type NoticeStatus = 'sent' | 'skipped' | 'dry-run' | 'done' | 'deferred' | 'error';

export interface Notice {
  at: number;
  job: string;
  day: string;
  recipient: string;
  subject: string;
  status: NoticeStatus;
  detail: string;
}

const text = (v: unknown) => unescapeFormulaText(String(v ?? '').trim());

export function readNotices(table: Table, offset: OffsetFn): Notice[] {
  const { cols } = table;
  return table.values.slice(1).flatMap((r) => {
    const job = text(r[cols.job!]);
    if (!job) return [];
    return [
      {
        at: cellInstant(r[cols.at!]) ?? 0,
        job,
        day: cellYmd(r[cols.day!], offset) ?? text(r[cols.day!]),
        recipient: text(r[cols.recipient!]),
        subject: text(r[cols.subject!]),
        status: text(r[cols.status!]) as NoticeStatus,
        detail: text(r[cols.detail!]),
      },
    ];
  });
}

/** Writes notices below the log in one call (its columns are plain text, so the day stays text). */
export function appendNotices(table: Table, notices: Notice[]): void {
  if (notices.length === 0) return;
  const rows = notices.map((n) => {
    const row: unknown[] = Array.from({ length: table.width }, () => '');
    const put = (key: string, v: unknown) => {
      row[table.cols[key]!] = v;
    };
    put('at', new Date(n.at));
    put('job', n.job);
    put('day', n.day);
    put('recipient', escapeFormulaText(n.recipient));
    put('subject', escapeFormulaText(n.subject));
    put('status', n.status);
    put('detail', escapeFormulaText(n.detail.slice(0, 5000)));
    return row;
  });
  appendRows(table, rows);
}

/** Whether a job finished on a day (its `done` marker is in the log). */
export function ranOn(notices: Notice[], job: JobName, day: string): boolean {
  return notices.some((n) => n.job === job && n.day === day && n.status === 'done');
}

/**
 * Recipients a job already mailed (or wrote as a dry run) on a day, in log order: a `skipped` row after a `sent` one
 * withdraws it (a run that logs each email before sending it logs the refusal after).
 */
export function mailedOn(notices: Notice[], job: JobName, day: string): Set<string> {
  const out = new Set<string>();
  for (const n of notices) {
    if (n.job !== job || n.day !== day) continue;
    if (n.status === 'sent' || n.status === 'dry-run') out.add(n.recipient);
    else if (n.status === 'skipped') out.delete(n.recipient);
  }
  return out;
}

/** Reads the hidden Progress Log (one call) as entries. */
export function readProgressLog(
  byName: Map<string, GoogleAppsScript.Spreadsheet.Sheet>,
  locale: Locale,
): ProgressLogEntry[] {
  const table = readTable(byName, 'progressLog', locale);
  const { cols } = table;
  return table.values.slice(1).flatMap((r) => {
    const at = cellInstant(r[cols.at!]);
    const subtaskId = text(r[cols.subtaskId!]);
    if (at === null || !subtaskId) return [];
    const progress = r[cols.progress!];
    return [
      {
        at,
        subtaskId,
        taskId: text(r[cols.taskId!]),
        progress: typeof progress === 'number' ? progress : null,
        blockers: text(r[cols.blockers!]),
        author: text(r[cols.author!]),
      },
    ];
  });
}
