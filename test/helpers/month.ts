// A deterministic month of team activity (2024-10-08 … 2024-11-06 morning) driven through dist/Code.js's public functions.
import type { Emulator } from '../../emulator/sandbox';
import { at, type Member, SAMPLE_TEAM } from '../../emulator/seed';
import type { World } from '../../emulator/world';
import { emulatorFor, sampleWorld } from './project';

/** China's 2024 calendar near the month: the National Day holiday and its 调休 make-up working days. */
const CN_HOLIDAYS = new Set([
  '2024-10-01',
  '2024-10-02',
  '2024-10-03',
  '2024-10-04',
  '2024-10-05',
  '2024-10-06',
  '2024-10-07',
]);
const CN_MAKEUP_DAYS = new Set(['2024-09-29', '2024-10-12']);
/** The explicit lists above are complete for this window only (Mid-Autumn 2024 ends 09-17; New Year 2025 starts 01-01). */
export const CALENDAR_WINDOW = { from: '2024-09-18', to: '2024-12-31' };

const DAY_MS = 86_400_000;
export const addDays = (ymd: string, n: number) =>
  new Date(Date.parse(`${ymd}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export function isWorkingDay(ymd: string): boolean {
  if (ymd < CALENDAR_WINDOW.from || ymd > CALENDAR_WINDOW.to) throw new Error(`No calendar for ${ymd}`);
  if (CN_HOLIDAYS.has(ymd)) return false;
  if (CN_MAKEUP_DAYS.has(ymd)) return true;
  const weekday = new Date(`${ymd}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The working day `n` working days after `ymd` (n ≥ 1). */
export function addWorkingDays(ymd: string, n: number): string {
  let d = ymd;
  for (let i = 0; i < n; i++) {
    d = addDays(d, 1);
    while (!isWorkingDay(d)) d = addDays(d, 1);
  }
  return d;
}

export const MONTH_FIRST_DAY = '2024-10-08';
export const MONTH_LAST_DAY = '2024-11-05';
/** The morning after the month: a few updates before 10:00, when the dashboard and the reviews are made. */
export const REPORT_DAY = '2024-11-06';
export const REPORT_TIME = '2024-11-06 10:00';
export const ARCHIVE_RUN = '2024-11-05 01:00';

export const ADMIN_EMAIL = 'qiang@example.com';

/** mulberry32: a small seeded generator, so the month is the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

type Status = 'not_started' | 'in_progress' | 'pending_acceptance' | 'done' | 'cancelled';

interface SubModel {
  id: string;
  owner: Member;
  collaborators: string[];
  progress: number;
  blockers: string;
  /** Sent back by a rejection: the next update reopens it below 100. */
  rework: boolean;
}

interface TaskModel {
  id: string;
  name: string;
  initiator: Member;
  owner: Member;
  subs: SubModel[];
  createdOn: string;
  status: Status;
  /** The working day the initiator decides on a submission. */
  decideOn: string | null;
  submitScheduled: boolean;
  rejections: number;
  /** Accept whatever happens (the sample's pending task). */
  mustAccept: boolean;
  archived: boolean;
}

export interface MonthStats {
  workingDays: string[];
  tasksCreated: string[];
  /** The day each generated task was created (the sheets keep no creation date). */
  createdOn: Record<string, string>;
  subtasksCreated: number;
  updates: number;
  updatesAfter17: number;
  blockersRaised: number;
  blockersCleared: number;
  records: Record<'progress' | 'problem' | 'decision' | 'deliverable', number>;
  backDatedRecords: number;
  replies: number;
  submitted: number;
  accepted: string[];
  rejected: string[];
  cancelled: string[];
  /** The day each task was accepted or cancelled by the generator (the sample's closed tasks: their 完成日期). */
  closedOn: Record<string, string>;
  archived: string[];
}

export interface Month {
  world: World;
  emu: Emulator;
  stats: MonthStats;
}

const byRole = (role: Member['role']) => SAMPLE_TEAM.filter((m) => m.role === role);
const INITIATORS = [...byRole('manager'), ...byRole('lead')];
const MEMBERS = byRole('member');
const byName = (name: string) => SAMPLE_TEAM.find((m) => m.name === name)!;

const TASK_NAMES = [
  '客户回访计划执行',
  '官网改版需求梳理',
  '双十一活动方案',
  '季度经营数据分析',
  '客服话术库更新',
  '新员工培训资料整理',
  '供应商合同续签',
  '渠道投放效果评估',
  '会员积分规则优化',
  '接口性能压测',
  '数据看板指标核对',
  '竞品功能调研',
];
const SUB_NAMES = ['资料收集', '方案起草', '数据整理', '内部评审', '执行落地', '结果汇总'];
const PROJECTS = ['提升客户复购率', '部门绩效考核', '保障客户系统稳定运行', '新品上市推广', ''];
const BLOCKERS = [
  '客户资料不全,需协助联系客户补充',
  '数据口径不一致,需确认统计规则',
  '测试环境不可用,需技术组支持',
  '预算审批未下来,需主管协调',
  '外部供应商回复慢,需帮忙催办',
];
const PREFIX: Record<string, readonly string[]> = {
  project: ['产品迭代', '市场活动'],
  routine: ['日常协作'],
  urgent: ['紧急任务'],
};

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * Generates the month: from the seeded sample (its clock set back to 2024-10-08 09:00 +08:00), each working day
 * 2024-10-08 … 2024-11-05 brings 1–2 new tasks, progress updates by subtask owners at 09:00–18:30 (blockers set and
 * cleared), sync records of every kind with replies to problems, submissions, acceptances and rejections by the
 * initiators a working day or two later, a few cancellations, and the nightly archive once at 2024-11-05 01:00.
 * The morning of 2024-11-06 brings a few updates before 10:00, when the clock stops. Every call must succeed.
 */
export function generateMonth(seed = 1): Month {
  const world = sampleWorld();
  const emu = emulatorFor(world);
  const r = rng(seed);
  world.clock.now = at(`${MONTH_FIRST_DAY} 09:00`);

  const stats: MonthStats = {
    workingDays: [],
    tasksCreated: [],
    createdOn: {},
    subtasksCreated: 0,
    updates: 0,
    updatesAfter17: 0,
    blockersRaised: 0,
    blockersCleared: 0,
    records: { progress: 0, problem: 0, decision: 0, deliverable: 0 },
    backDatedRecords: 0,
    replies: 0,
    submitted: 0,
    accepted: [],
    rejected: [],
    cancelled: [],
    // The sample's two 已完成 rows take their due date as 完成日期 (SPEC §2.7).
    closedOn: { '产品迭代2024-001': '2024-10-30', '紧急任务2024-003': '2024-10-20' },
    archived: [],
  };

  let today = MONTH_FIRST_DAY;
  let minute = 9 * 60;
  const call = <T>(fn: string, arg: unknown, email: string, rpc = true): T => {
    const res = emu.call<T>(fn, arg === undefined ? [] : [arg], email, { rpc });
    if (!res.ok)
      throw new Error(
        `${today} ${hhmm(minute)} ${fn} as ${email} failed: ${res.error!.message}\n${JSON.stringify(arg)}`,
      );
    return res.result;
  };
  const expectStatus = (what: string, got: unknown, want: Status) => {
    if (got !== want)
      throw new Error(`${today} ${hhmm(minute)} ${what}: status ${String(got)}, expected ${want}`);
  };

  // The sample's pending task (日常协作2024-015, initiator *丽) is accepted on 10-25.
  const tasks: TaskModel[] = [
    {
      id: '日常协作2024-015',
      name: '月度部门工作总结素材收集',
      initiator: byName('*丽'),
      owner: byName('*磊'),
      subs: [],
      createdOn: '2024-10-01',
      status: 'pending_acceptance',
      decideOn: '2024-10-25',
      submitScheduled: true,
      rejections: 0,
      mustAccept: true,
      archived: false,
    },
  ];
  const isActive = (t: TaskModel) =>
    !t.archived && (t.status === 'not_started' || t.status === 'in_progress');
  const needsWork = (s: SubModel) => s.progress < 100 || s.rework;

  // Events of the current day, run in time order; running one may add later ones.
  let queue: { minute: number; seq: number; run: () => void }[] = [];
  let seq = 0;
  const schedule = (m: number, run: () => void) => {
    queue.push({ minute: Math.max(m, minute), seq: seq++, run });
  };
  /** Replies to problems planned for later days. */
  const later = new Map<string, (() => void)[]>();
  const planOn = (day: string, run: () => void) => later.set(day, [...(later.get(day) ?? []), run]);

  const record = (
    email: string,
    t: TaskModel | null,
    kind: keyof MonthStats['records'],
    topic: string,
    content: string,
    extra: Record<string, unknown> = {},
  ) => {
    call(
      'addSyncRecord',
      {
        topic,
        content,
        audience: r.pick(['项目组全体', '相关负责人', '技术组、客户部', '*强、*丽']),
        attachment: kind === 'deliverable' ? `《${topic}》` : '/',
        taskId: t?.id ?? '',
        kind,
        ...extra,
      },
      email,
    );
    stats.records[kind]++;
  };

  /** Someone other than the raiser answers a problem, the same day or a few working days later (or never). */
  const maybeReply = (t: TaskModel, raiser: Member, about: string) => {
    if (!r.chance(0.65)) return;
    const k = r.pick([0, 0, 1, 1, 2, 3, 5]);
    const others = [
      t.initiator,
      t.owner,
      ...t.subs.flatMap((s) => [s.owner, ...s.collaborators.map(byName)]),
    ].filter((m) => m.name !== raiser.name);
    const who = r.pick(others);
    const reply = () => {
      if (t.archived) return;
      record(
        who.email,
        t,
        r.chance(0.7) ? 'progress' : 'decision',
        `回复:${about}`,
        `${who.name}已跟进:${about},已协调资源处理`,
      );
      stats.replies++;
    };
    if (k === 0) schedule(minute + r.int(30, 150), reply);
    else {
      const m = r.int(9 * 60, 18 * 60);
      planOn(addWorkingDays(today, k), () => schedule(m, reply));
    }
  };

  const create = () => {
    const initiator = r.pick(INITIATORS);
    const type = r.pick(['project', 'routine', 'urgent'] as const);
    const owner = r.chance(0.1) ? byName('*伟') : r.pick(MEMBERS);
    const n = r.int(1, 3);
    const subs = Array.from({ length: n }, (_, i) => {
      const subOwner = i === 0 ? owner : r.pick(MEMBERS);
      const pool = SAMPLE_TEAM.filter((m) => m.name !== subOwner.name);
      const collaborators = [...new Set(Array.from({ length: r.int(0, 2) }, () => r.pick(pool).name))];
      return { name: `${r.pick(SUB_NAMES)}${i + 1}`, owner: subOwner.name, collaborators };
    });
    const name = `${r.pick(TASK_NAMES)}(${stats.tasksCreated.length + 1})`;
    const input: Record<string, unknown> = {
      prefix: r.pick(PREFIX[type]!),
      name,
      initiator: initiator.name,
      owner: owner.name,
      collaborators: [
        ...new Set(subs.flatMap((s) => [s.owner, ...s.collaborators]).filter((x) => x !== owner.name)),
      ],
      project: r.pick(PROJECTS),
      type,
      due: addDays(today, r.int(3, 15)),
      notes: `验收标准:${name}交付物齐全并经发起人确认`,
      subtasks: subs,
    };
    if (r.chance(0.8)) input.priority = r.pick(['high', 'medium', 'low']);
    const res = call<{ taskId: string; subtaskIds: string[] }>('createTask', input, initiator.email);
    if (res.subtaskIds.length !== n) throw new Error(`createTask gave ${res.subtaskIds.length} subtasks`);
    stats.tasksCreated.push(res.taskId);
    stats.createdOn[res.taskId] = today;
    stats.subtasksCreated += n;
    tasks.push({
      id: res.taskId,
      name,
      initiator,
      owner,
      subs: subs.map((s, i) => ({
        id: res.subtaskIds[i]!,
        owner: byName(s.owner),
        collaborators: s.collaborators,
        progress: 0,
        blockers: '',
        rework: false,
      })),
      createdOn: today,
      status: 'not_started',
      decideOn: null,
      submitScheduled: false,
      rejections: 0,
      mustAccept: false,
      archived: false,
    });
  };

  const submit = (t: TaskModel) => {
    t.submitScheduled = false;
    if (t.status !== 'in_progress' || t.subs.some(needsWork)) return;
    const who = r.chance(0.7) ? t.owner : r.pick(t.subs).owner;
    expectStatus(
      'submit',
      call<{ status: string }>('submitForAcceptance', { taskId: t.id }, who.email).status,
      'pending_acceptance',
    );
    t.status = 'pending_acceptance';
    t.decideOn = addWorkingDays(today, r.int(1, 2));
    stats.submitted++;
  };

  const update = (t: TaskModel, s: SubModel) => {
    if (!isActive(t) || !needsWork(s)) return;
    if (s.rework) {
      s.rework = false;
      s.progress = r.int(80, 90);
    } else s.progress = Math.min(100, s.progress + r.int(8, 30));
    let raised = false;
    if (!s.blockers) {
      if (r.chance(0.18)) {
        s.blockers = `${r.pick(BLOCKERS)}(${s.id})`;
        raised = true;
      }
    } else if (r.chance(0.45)) {
      s.blockers = '';
      stats.blockersCleared++;
    } else if (r.chance(0.2)) {
      s.blockers = `${r.pick(BLOCKERS)}(${s.id} 补充)`;
      raised = true;
    }
    const res = call<{ taskStatus: string }>(
      'updateProgress',
      {
        subtaskId: s.id,
        progress: s.progress,
        done: `完成${s.progress}%`,
        next: s.progress < 100 ? '继续推进' : '等待验收',
        blockers: s.blockers,
      },
      s.owner.email,
    );
    expectStatus('updateProgress', res.taskStatus, 'in_progress');
    t.status = 'in_progress';
    stats.updates++;
    if (minute >= 17 * 60) stats.updatesAfter17++;
    if (raised) {
      stats.blockersRaised++;
      maybeReply(t, s.owner, s.blockers);
    }
    if (s.progress === 100 && r.chance(0.6)) {
      // The deliverable is registered within 24 h: later the same day, or the next working day dated the day it was done.
      const doneOn = today;
      const register = (date?: string) => () => {
        if (t.archived) return;
        if (date) stats.backDatedRecords++;
        record(
          s.owner.email,
          t,
          'deliverable',
          `${s.id}交付物`,
          `${t.name}:${s.id}成果已上传共享文件夹`,
          date ? { date } : {},
        );
      };
      if (r.chance(0.5)) schedule(minute + r.int(10, 120), register());
      else {
        const m = r.int(9 * 60, 12 * 60);
        planOn(addWorkingDays(today, 1), () => schedule(m, register(doneOn)));
      }
    }
    if (!t.subs.some(needsWork) && !t.submitScheduled) {
      t.submitScheduled = true;
      schedule(Math.min(minute + r.int(5, 90), 19 * 60), () => submit(t));
    }
  };

  const decide = (t: TaskModel) => {
    if (t.status !== 'pending_acceptance' || t.archived) return;
    if (!t.mustAccept && t.rejections === 0 && r.chance(0.25)) {
      const reason = r.pick(['交付物缺少数据来源说明', '验收标准第2条未满足', '报告结论需补充建议']);
      expectStatus(
        'reject',
        call<{ status: string }>('rejectTask', { taskId: t.id, reason }, t.initiator.email).status,
        'in_progress',
      );
      t.status = 'in_progress';
      t.rejections++;
      t.decideOn = null;
      r.pick(t.subs).rework = true;
      stats.rejected.push(t.id);
      return;
    }
    const note = r.chance(0.5) ? '符合验收标准' : '';
    expectStatus(
      'accept',
      call<{ status: string }>('acceptTask', { taskId: t.id, note }, t.initiator.email).status,
      'done',
    );
    t.status = 'done';
    t.decideOn = null;
    stats.accepted.push(t.id);
    stats.closedOn[t.id] = today;
  };

  const cancel = (t: TaskModel) => {
    if (!isActive(t)) return;
    const reason = r.pick(['需求方取消', '与其他任务合并', '优先级调整,暂停执行']);
    expectStatus(
      'cancel',
      call<{ status: string }>('cancelTask', { taskId: t.id, reason }, t.initiator.email).status,
      'cancelled',
    );
    t.status = 'cancelled';
    stats.cancelled.push(t.id);
    stats.closedOn[t.id] = today;
  };

  const randomRecord = () => {
    const active = tasks.filter(isActive);
    const kind = r.pick(['progress', 'progress', 'problem', 'decision', 'deliverable', 'meeting'] as const);
    if (kind === 'meeting') {
      record(ADMIN_EMAIL, null, 'progress', `部门周会纪要(${today})`, '各组同步本周重点与风险');
      return;
    }
    if (active.length === 0) return;
    const t = r.pick(active);
    const s = r.pick(t.subs);
    if (kind === 'progress') {
      const who = r.chance(0.5) ? s.owner : byName(r.pick([t.owner.name, ...s.collaborators]));
      record(who.email, t, 'progress', `${t.name}进展同步`, `${s.id}当前进度${s.progress}%`);
    } else if (kind === 'problem') {
      const about = `${t.name}遇到${r.pick(['资源冲突', '需求变更', '进度风险'])}`;
      record(s.owner.email, t, 'problem', about, `${about},需协调支持`);
      maybeReply(t, s.owner, about);
    } else if (kind === 'decision') {
      record(t.initiator.email, t, 'decision', `${t.name}决议`, '确认调整方案并按新计划执行');
    } else {
      const backDated = r.chance(0.3);
      if (backDated) stats.backDatedRecords++;
      const date = backDated ? addDays(today, -1) : undefined;
      record(
        s.owner.email,
        t,
        'deliverable',
        `${t.name}阶段成果`,
        `${s.id}阶段交付物已上传`,
        date ? { date } : {},
      );
    }
  };

  /** Runs the queue in time order, moving the clock to each event; events from `until` on are dropped. */
  const runQueue = (until = 24 * 60) => {
    while (queue.length) {
      queue.sort((a, b) => a.minute - b.minute || a.seq - b.seq);
      const e = queue.shift()!;
      if (e.minute >= until) break;
      minute = e.minute;
      world.clock.now = at(`${today} ${hhmm(minute)}`);
      e.run();
    }
  };

  for (let day = MONTH_FIRST_DAY; day <= MONTH_LAST_DAY; day = addDays(day, 1)) {
    if (!isWorkingDay(day)) continue;
    today = day;
    minute = 0;
    queue = [];
    stats.workingDays.push(day);
    if (day === ARCHIVE_RUN.slice(0, 10)) {
      world.clock.now = at(ARCHIVE_RUN);
      const res = call<{ archived: number }>('runArchive', undefined, ADMIN_EMAIL, false);
      const archiveSheet = world.spreadsheet.sheets.find((x) => x.name === '归档-部门任务总览表')!;
      const idCol = archiveSheet.rows[0]!.indexOf('任务ID');
      const ids = new Set(archiveSheet.rows.slice(1).map((row) => String(row[idCol] ?? '')));
      for (const t of tasks) if (ids.has(t.id)) t.archived = true;
      stats.archived = [...ids].filter(Boolean).sort();
      if (res.archived < 1 || res.archived !== stats.archived.length)
        throw new Error(`runArchive archived ${res.archived}, the archive holds ${stats.archived.length}`);
    }
    // Morning: new tasks; through the day: updates, records, decisions, replies, the odd cancellation.
    for (let i = r.int(1, 2); i > 0; i--) schedule(r.int(9 * 60, 10 * 60 + 30), create);
    for (const t of tasks.filter(isActive)) {
      if (t.createdOn === day) continue;
      for (const s of t.subs) {
        if (!needsWork(s)) continue;
        const p = t.id.startsWith('紧急任务') ? 0.9 : 0.7;
        if (r.chance(p)) {
          const m = r.int(9 * 60, 18 * 60 + 30);
          schedule(m, () => update(t, s));
          if (r.chance(0.15)) schedule(Math.min(m + r.int(30, 180), 18 * 60 + 30), () => update(t, s));
        }
      }
    }
    for (const t of tasks)
      if (t.status === 'pending_acceptance' && t.decideOn === day)
        schedule(r.int(9 * 60, 18 * 60), () => decide(t));
    for (let i = r.int(0, 2); i > 0; i--) schedule(r.int(9 * 60, 18 * 60), randomRecord);
    if (r.chance(0.12)) {
      const candidates = tasks.filter((t) => isActive(t) && t.createdOn < day);
      if (candidates.length) {
        const t = r.pick(candidates);
        schedule(r.int(9 * 60, 18 * 60), () => cancel(t));
      }
    }
    for (const run of later.get(day) ?? []) run();
    runQueue();
  }

  // The report morning: some owners update before 10:00.
  today = REPORT_DAY;
  minute = 0;
  queue = [];
  for (const t of tasks.filter(isActive))
    for (const s of t.subs)
      if (needsWork(s) && r.chance(0.5)) schedule(r.int(9 * 60, 9 * 60 + 55), () => update(t, s));
  // What would follow after 10:00 (a submission, a same-day reply) is left out: the reports are made at 10:00.
  runQueue(10 * 60);
  world.clock.now = at(REPORT_TIME);
  return { world, emu, stats };
}
