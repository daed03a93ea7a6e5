// One zod schema per SPEC §5.1 input, shared by the sidebar (instant field errors) and the server (the authority).
import * as z from 'zod/mini';
import { isValidYmd } from './dates';
import { Priority, SyncKind, TaskType } from './enums';
import { isValidPrefix, parseSubtaskId, parseTaskId } from './ids';
import { type Bilingual, fill, type Locale, pick } from './locale';
import { type NumberSetting, SETTING_RANGES } from './settings';

/** What the schemas need to know of the workbook: who is on the Team and the subtask limit. */
export interface SchemaContext {
  members: string[];
  maxSubtasks: number;
}

const SHORT_TEXT = 200;
const LONG_TEXT = 2000;

const LABELS: Record<string, Bilingual> = {
  prefix: { zh: '项目简称', en: 'Project prefix' },
  name: { zh: '名称', en: 'Name' },
  initiator: { zh: '发起人', en: 'Initiator' },
  owner: { zh: '负责人', en: 'Owner' },
  collaborators: { zh: '协作人', en: 'Collaborators' },
  project: { zh: '关联项目/目标', en: 'Project / Goal' },
  type: { zh: '任务类型', en: 'Task type' },
  priority: { zh: '优先级', en: 'Priority' },
  due: { zh: '预期完成时间', en: 'Due date' },
  notes: { zh: '备注', en: 'Notes' },
  subtasks: { zh: '子任务', en: 'Subtasks' },
  subtaskId: { zh: '子任务ID', en: 'Subtask ID' },
  progress: { zh: '今日进度(%)', en: 'Progress (%)' },
  done: { zh: '已完成工作', en: 'Work done' },
  next: { zh: '下一步计划', en: 'Next steps' },
  blockers: { zh: '遇到的问题及所需支持', en: 'Blockers & support needed' },
  date: { zh: '同步日期', en: 'Date' },
  topic: { zh: '同步主题', en: 'Topic' },
  content: { zh: '同步内容', en: 'Content' },
  raisedBy: { zh: '同步发起人', en: 'Raised by' },
  audience: { zh: '同步对象', en: 'Audience' },
  attachment: { zh: '附件/参考', en: 'Attachment / link' },
  taskId: { zh: '任务ID', en: 'Task ID' },
  kind: { zh: '记录类型', en: 'Kind' },
  reason: { zh: '原因', en: 'Reason' },
  text: { zh: '复盘结论', en: 'Conclusions' },
  from: { zh: '开始日期', en: 'From' },
  to: { zh: '结束日期', en: 'To' },
  note: { zh: '备注', en: 'Note' },
  digestHour: { zh: '摘要时间', en: 'Digest hour' },
  rollCallHour: { zh: '点名提醒时间', en: 'Roll call hour' },
  rollCallMinute: { zh: '点名提醒分钟', en: 'Roll call minute' },
  escalationHour: { zh: '升级提醒时间', en: 'Escalation hour' },
  escalationMinute: { zh: '升级提醒分钟', en: 'Escalation minute' },
  archiveHour: { zh: '归档时间', en: 'Archive hour' },
  dueSoonDays: { zh: '临近到期(工作日)', en: 'Due-soon window (working days)' },
  archiveDelayDays: { zh: '归档延迟(工作日)', en: 'Archive delay (working days)' },
  maxSubtasks: { zh: '子任务上限', en: 'Max subtasks' },
  calendar: { zh: '日历', en: 'Calendar' },
  extraHolidays: { zh: '额外假日', en: 'Extra holidays' },
  extraWorkdays: { zh: '额外工作日', en: 'Extra working days' },
  email: { zh: '邮件', en: 'Email' },
  input: { zh: '输入', en: 'Input' },
};

const MESSAGES: Record<string, Bilingual> = {
  required: { zh: '必填', en: 'is required' },
  tooLong: { zh: '不能超过 {max} 个字符', en: 'must be at most {max} characters' },
  wrongType: { zh: '格式不正确', en: 'has the wrong format' },
  outOfRange: { zh: '须为 {min} 到 {max} 之间的整数', en: 'must be a whole number from {min} to {max}' },
  notInteger: { zh: '须为 0 到 100 之间的整数', en: 'must be a whole number from 0 to 100' },
  badDate: { zh: '须为有效日期(yyyy-MM-dd)', en: 'must be a real date (yyyy-MM-dd)' },
  badPrefix: {
    zh: '须为 1–20 个字符,不含空格,不以数字或 - 结尾',
    en: 'must be 1–20 characters, no spaces, not ending in a digit or -',
  },
  unknownPerson: { zh: '「{name}」不在成员表中', en: '"{name}" is not on the Team sheet' },
  ownerAsCollaborator: { zh: '负责人不能同时是协作人', en: 'cannot include the owner' },
  tooManySubtasks: { zh: '最多 {max} 个', en: 'at most {max}' },
  badTaskId: { zh: '须为任务ID,如 产品迭代2024-001', en: 'must be a task ID, e.g. Launch2024-001' },
  badSubtaskId: {
    zh: '须为子任务ID,如 产品迭代2024-001-01',
    en: 'must be a subtask ID, e.g. Launch2024-001-01',
  },
  badChoice: { zh: '不是可选的值', en: 'is not one of the choices' },
  badOptions: { zh: '须为对象', en: 'must be an object' },
};

/** A problem with one field: the field's path (e.g. `subtasks.1.owner`) and a message in the locale. */
export interface FieldError {
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Messages are carried through zod as JSON `[key, params]` and localized after parsing. */
const msg = (key: string, params: Record<string, string | number> = {}) => JSON.stringify([key, params]);

function localize(code: string, locale: Locale): string {
  let key = 'wrongType';
  let params: Record<string, string | number> = {};
  try {
    [key, params] = JSON.parse(code) as [string, Record<string, string | number>];
  } catch {
    // zod's own message (a check without ours): the generic one.
  }
  return fill(pick(MESSAGES[key] ?? MESSAGES.wrongType!, locale), params);
}

export function fieldLabel(path: string, locale: Locale): string {
  const parts = path.split('.');
  const leaf = parts[parts.length - 1]!;
  if (parts[0] === 'subtasks' && parts.length >= 2 && /^\d+$/.test(parts[1]!)) {
    const n = Number(parts[1]) + 1;
    const inner = parts.length > 2 ? pick(LABELS[parts[2]!] ?? LABELS.input!, locale) : '';
    return locale === 'en' ? `Subtask ${n} ${inner}`.trim() : `子任务${n}${inner}`;
  }
  const known = LABELS[leaf] ?? (/^\d+$/.test(leaf) ? LABELS[parts[0]!] : undefined) ?? LABELS.input!;
  return pick(known, locale);
}

/** All field errors as one readable message naming the fields: `负责人:必填;预期完成时间:须为有效日期`. */
function errorMessage(errors: FieldError[], locale: Locale): string {
  const sep = locale === 'en' ? ': ' : ':';
  return errors
    .map((e) => `${fieldLabel(e.path, locale)}${sep}${e.message}`)
    .join(locale === 'en' ? '; ' : ';');
}

const trimmed = (max: number) =>
  z
    .pipe(
      z.string().check(z.maxLength(max * 4, msg('tooLong', { max }))),
      z.transform((s) => s.trim()),
    )
    .check(z.maxLength(max, msg('tooLong', { max })));
const required = (max: number) => trimmed(max).check(z.minLength(1, msg('required')));
const optionalText = (max: number) => z._default(trimmed(max), '');
const ymd = () => z.string().check(z.refine(isValidYmd, msg('badDate')));
const choice = <C extends string>(codes: readonly C[]) => z.enum(codes as [C, ...C[]], msg('badChoice'));

function person(ctx: SchemaContext) {
  return required(SHORT_TEXT).check(
    z.superRefine((name, c) => {
      if (!ctx.members.includes(name))
        c.issues.push({ code: 'custom', input: name, message: msg('unknownPerson', { name }) });
    }),
  );
}

function people(ctx: SchemaContext) {
  return z._default(
    z.pipe(
      z.array(person(ctx)).check(z.maxLength(50, msg('tooLong', { max: 50 }))),
      z.transform((names) => [...new Set(names)]),
    ),
    [],
  );
}

/** The owner of a task or subtask is never also one of its collaborators. */
const ownerNotCollaborator = () =>
  z.superRefine((x: { owner: string; collaborators: string[] }, c) => {
    if (x.collaborators.includes(x.owner)) {
      c.issues.push({
        code: 'custom',
        input: x.collaborators,
        path: ['collaborators'],
        message: msg('ownerAsCollaborator'),
      });
    }
  });

function subtaskSchema(ctx: SchemaContext) {
  return z
    .object({ name: required(SHORT_TEXT), owner: person(ctx), collaborators: people(ctx) })
    .check(ownerNotCollaborator());
}

export function createTaskSchema(ctx: SchemaContext) {
  return z
    .object({
      prefix: required(20).check(z.refine(isValidPrefix, msg('badPrefix'))),
      name: required(SHORT_TEXT),
      initiator: person(ctx),
      owner: person(ctx),
      collaborators: people(ctx),
      project: optionalText(SHORT_TEXT),
      type: choice(TaskType.codes),
      priority: z._default(choice(Priority.codes), 'medium'),
      due: ymd(),
      notes: required(LONG_TEXT),
      subtasks: z._default(
        z
          .array(subtaskSchema(ctx))
          .check(z.maxLength(ctx.maxSubtasks, msg('tooManySubtasks', { max: ctx.maxSubtasks }))),
        [],
      ),
    })
    .check(ownerNotCollaborator());
}

export const updateProgressSchema = z.object({
  subtaskId: z.string().check(z.refine((s) => parseSubtaskId(s) !== null, msg('badSubtaskId'))),
  progress: z
    .number(msg('notInteger'))
    .check(z.refine((n) => Number.isInteger(n) && n >= 0 && n <= 100, msg('notInteger'))),
  done: optionalText(LONG_TEXT),
  next: optionalText(LONG_TEXT),
  blockers: optionalText(LONG_TEXT),
});

const taskIdSchema = z.string().check(z.refine((s) => parseTaskId(s) !== null, msg('badTaskId')));

export function addSyncRecordSchema(ctx: SchemaContext) {
  return z.object({
    date: z.optional(ymd()),
    topic: required(SHORT_TEXT),
    content: required(LONG_TEXT),
    raisedBy: z.optional(person(ctx)),
    audience: required(SHORT_TEXT),
    attachment: optionalText(SHORT_TEXT),
    notes: optionalText(LONG_TEXT),
    taskId: z.optional(z.union([z.literal(''), taskIdSchema])),
    kind: choice(SyncKind.codes),
  });
}

export const taskRefSchema = z.object({ taskId: taskIdSchema });
export const acceptTaskSchema = z.object({ taskId: taskIdSchema, note: optionalText(LONG_TEXT) });
export const reasonSchema = z.object({ taskId: taskIdSchema, reason: required(LONG_TEXT) });

export type CreateTaskInput = z.output<ReturnType<typeof createTaskSchema>>;
export type UpdateProgressInput = z.output<typeof updateProgressSchema>;
export type AddSyncRecordInput = z.output<ReturnType<typeof addSyncRecordSchema>>;
export type AcceptTaskInput = z.output<typeof acceptTaskSchema>;
export type ReasonInput = z.output<typeof reasonSchema>;

/** Parses untrusted input with a schema; errors come back per field, in the locale. */
export function validate<T>(schema: z.ZodMiniType<T>, input: unknown, locale: Locale): Validated<T> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [{ path: 'input', message: localize('badOptions', locale) }] };
  }
  const r = schema.safeParse(input, {
    error: (issue) => msg(issue.input === undefined ? 'required' : 'wrongType'),
  });
  if (r.success) return { ok: true, value: r.data };
  const errors = r.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || 'input',
    message: localize(issue.message, locale),
  }));
  return { ok: false, errors };
}

/** Like validate(), but throws an Error whose message names every offending field (the server's contract). */
export function parseOrThrow<T>(schema: z.ZodMiniType<T>, input: unknown, locale: Locale): T {
  const r = validate(schema, input, locale);
  if (!r.ok) throw new Error(errorMessage(r.errors, locale));
  return r.value;
}

/** A numeric setting: optional, a whole number within its range (SETTING_RANGES). */
const numberSetting = (key: NumberSetting) => {
  const { min, max } = SETTING_RANGES[key];
  const refusal = msg('outOfRange', { min, max });
  return z.optional(z.int(refusal).check(z.gte(min, refusal), z.lte(max, refusal)));
};
const dates = () => z.array(ymd()).check(z.maxLength(366, msg('tooLong', { max: 366 })));

/** saveSettings(partial): every field optional; the locale is chosen at setup and not changed here. */
export const settingsPatchSchema = z.object({
  digestHour: numberSetting('digestHour'),
  rollCallHour: numberSetting('rollCallHour'),
  rollCallMinute: numberSetting('rollCallMinute'),
  escalationHour: numberSetting('escalationHour'),
  escalationMinute: numberSetting('escalationMinute'),
  archiveHour: numberSetting('archiveHour'),
  dueSoonDays: numberSetting('dueSoonDays'),
  archiveDelayDays: numberSetting('archiveDelayDays'),
  maxSubtasks: numberSetting('maxSubtasks'),
  calendar: z.optional(z.enum(['cn', 'weekdays'], msg('badChoice'))),
  extraHolidays: z.optional(dates()),
  extraWorkdays: z.optional(dates()),
  email: z.optional(z.enum(['on', 'dryRun'], msg('badChoice'))),
});
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export const retrospectiveSchema = z.object({ taskId: taskIdSchema, text: required(LONG_TEXT) });
export const reviewSchema = z.object({
  from: ymd(),
  to: ymd(),
  email: z.optional(z.boolean(msg('wrongType'))),
});
