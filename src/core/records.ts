// Typed rows of the live sheets, read from and written to plain cell arrays through the columns found by header.
import { cellInstant, cellText, cellYmd, isBlankRow, type OffsetFn } from './dates';
import {
  Priority,
  type PriorityCode,
  Role,
  type RoleCode,
  Status,
  type StatusCode,
  SyncKind,
  type SyncKindCode,
  TaskType,
  type TaskTypeCode,
  YesNo,
} from './enums';
import { type Locale, peopleSeparator } from './locale';
import { t } from './strings';
import { headersOf, type SheetKey, sheetDef, sheetName, splitPeople } from './templates';

/** Where each template column of a sheet is: key → 0-based index into a row. */
export type Columns = Record<string, number>;

/** Why a header row does not fit its template: no template header at all (the row is gone), or a missing column. */
export type HeaderDamage = { kind: 'headerRow' } | { kind: 'column'; column: string };

/** Finds every template column by its header, or says what is wrong with the header row. */
export function locateColumns(
  key: SheetKey,
  locale: Locale,
  header: unknown[],
): { cols: Columns } | { damage: HeaderDamage } {
  const def = sheetDef(key);
  const texts = header.map((h) => String(h ?? '').trim());
  const headers = headersOf(def, locale);
  if (!headers.some((h) => texts.includes(h))) return { damage: { kind: 'headerRow' } };
  const cols: Columns = {};
  for (const [i, c] of def.columns.entries()) {
    const at = texts.indexOf(headers[i]!);
    if (at < 0) return { damage: { kind: 'column', column: headers[i]! } };
    cols[c.key] = at;
  }
  return { cols };
}

/** Finds every template column by its header; damage is an error naming the sheet (and the column) in the locale. */
export function findColumns(key: SheetKey, locale: Locale, header: unknown[]): Columns {
  const found = locateColumns(key, locale, header);
  if ('cols' in found) return found.cols;
  const sheet = sheetName(key, locale);
  const { damage } = found;
  throw new Error(
    damage.kind === 'headerRow'
      ? t('error.headerRowMissing', locale, { sheet })
      : t('error.templateDamaged', locale, { sheet, column: damage.column }),
  );
}

export interface RowContext {
  locale: Locale;
  offset: OffsetFn;
}

export interface TaskRecord {
  /** 1-based sheet row. */
  row: number;
  id: string;
  name: string;
  initiator: string;
  owner: string;
  collaborators: string[];
  project: string;
  type: TaskTypeCode | null;
  priority: PriorityCode | null;
  due: string | null;
  status: StatusCode | null;
  notes: string;
  completedOn: string | null;
  guard: string;
}

export interface SubtaskRecord {
  row: number;
  id: string;
  taskId: string;
  name: string;
  owner: string;
  progress: number | null;
  done: string;
  next: string;
  blockers: string;
  updatedOn: string | null;
  /** When the row was last updated (the stamp keeps the time), or null. */
  updatedAt: number | null;
  collaborators: string[];
  guard: string;
}

export interface SyncRecordRow {
  row: number;
  date: string | null;
  topic: string;
  content: string;
  raisedBy: string;
  audience: string;
  attachment: string;
  notes: string;
  taskId: string;
  kind: SyncKindCode | null;
}

export interface Member {
  row: number;
  name: string;
  email: string;
  role: RoleCode;
  group: string;
  digest: boolean;
}

/** Data rows (row 1 is the header) as records, skipping blank rows; `first` is the sheet row of values[0]. */
function mapRows<T>(values: unknown[][], read: (row: unknown[], sheetRow: number) => T, first = 1): T[] {
  const out: T[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i]!;
    if (!isBlankRow(row)) out.push(read(row, first + i));
  }
  return out;
}

export function readTasks(values: unknown[][], cols: Columns, ctx: RowContext): TaskRecord[] {
  return mapRows(values, (r, row) => ({
    row,
    id: cellText(r[cols.taskId!]),
    name: cellText(r[cols.name!]),
    initiator: cellText(r[cols.initiator!]),
    owner: cellText(r[cols.owner!]),
    collaborators: splitPeople(r[cols.collaborators!]),
    project: cellText(r[cols.project!]),
    type: TaskType.parse(r[cols.type!], ctx.locale),
    priority: Priority.parse(r[cols.priority!], ctx.locale),
    due: cellYmd(r[cols.due!], ctx.offset),
    status: Status.parse(r[cols.status!], ctx.locale),
    notes: cellText(r[cols.notes!]),
    completedOn: cellYmd(r[cols.completedOn!], ctx.offset),
    guard: cellText(r[cols.guard!]),
  }));
}

export function readSubtasks(values: unknown[][], cols: Columns, ctx: RowContext): SubtaskRecord[] {
  return mapRows(values, (r, row) => {
    const progress = r[cols.progress!];
    return {
      row,
      id: cellText(r[cols.subtaskId!]),
      taskId: cellText(r[cols.taskId!]),
      name: cellText(r[cols.name!]),
      owner: cellText(r[cols.owner!]),
      progress: typeof progress === 'number' && Number.isFinite(progress) ? progress : null,
      done: cellText(r[cols.done!]),
      next: cellText(r[cols.next!]),
      blockers: cellText(r[cols.blockers!]),
      updatedOn: cellYmd(r[cols.updatedOn!], ctx.offset),
      updatedAt: cellInstant(r[cols.updatedOn!]),
      collaborators: splitPeople(r[cols.collaborators!]),
      guard: cellText(r[cols.guard!]),
    };
  });
}

export function readSyncRecords(values: unknown[][], cols: Columns, ctx: RowContext): SyncRecordRow[] {
  return mapRows(values, (r, row) => ({
    row,
    date: cellYmd(r[cols.date!], ctx.offset),
    topic: cellText(r[cols.topic!]),
    content: cellText(r[cols.content!]),
    raisedBy: cellText(r[cols.raisedBy!]),
    audience: cellText(r[cols.audience!]),
    attachment: cellText(r[cols.attachment!]),
    notes: cellText(r[cols.notes!]),
    taskId: cellText(r[cols.taskId!]),
    kind: SyncKind.parse(r[cols.kind!], ctx.locale),
  }));
}

/** Team rows with a name and an email; the role defaults to 成员 when missing or unknown. */
export function readMembers(values: unknown[][], cols: Columns, locale: Locale): Member[] {
  return mapRows(values, (r, row) => ({
    row,
    name: cellText(r[cols.name!]),
    email: cellText(r[cols.email!]).toLowerCase(),
    role: Role.parse(r[cols.role!], locale) ?? 'member',
    group: cellText(r[cols.group!]),
    digest: YesNo.parse(r[cols.digest!], locale) !== 'no',
  })).filter((m) => m.name !== '' && m.email.includes('@'));
}

/** Places values by column key into a row of `width` cells (unset cells stay ''). */
export function toRow(cols: Columns, width: number, values: Record<string, unknown>): unknown[] {
  const row: unknown[] = Array.from({ length: width }, () => '');
  for (const [key, v] of Object.entries(values)) {
    const at = cols[key];
    if (at !== undefined) row[at] = v;
  }
  return row;
}

export function joinPeople(names: string[], locale: Locale): string {
  return names.join(peopleSeparator(locale));
}

/**
 * Text for appendRow, which may land in a row without the plain-text format: a leading `'` keeps text starting with
 * `=`, `+`, `-` or `@` from becoming a formula. Sheets drops the `'` in an automatic cell and may keep it in a
 * plain-text one, so readers strip it with unescapeFormulaText.
 */
export function escapeFormulaText(v: unknown): unknown {
  return typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v;
}

export function unescapeFormulaText(v: string): string {
  return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
}
