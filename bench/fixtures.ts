// Generated workbooks for the benchmark and the budget tests: N tasks with 3 subtasks and 3 sync records each.
import { shiftLines } from '../emulator/model/sheet-ops';
import { appendRows, createSampleWorld, type Member, SAMPLE_TEAM, teamRows } from '../emulator/seed';
import type { World } from '../emulator/world';
import type { StatusCode } from '../src/core/enums';
import { sheetName } from '../src/core/templates';

const STATUSES: StatusCode[] = ['not_started', 'in_progress', 'pending_acceptance', 'done', 'cancelled'];
const TYPES = ['project', 'routine', 'urgent'];
const PRIORITIES = ['high', 'medium', 'low'];
const KINDS = ['progress', 'problem', 'decision', 'deliverable'];
const PREFIXES = ['产品迭代', '日常协作', '市场活动', '客户交付'];
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** The sample Team, then generated members up to `size` (成员011 … with m011@example.com). */
export function benchTeam(size: number): Member[] {
  const extra = Array.from({ length: Math.max(0, size - SAMPLE_TEAM.length) }, (_, i) => {
    const n = String(SAMPLE_TEAM.length + i + 1).padStart(3, '0');
    return {
      name: `成员${n}`,
      email: `m${n}@example.com`,
      role: i % 20 === 0 ? ('lead' as const) : ('member' as const),
      group: `第${i % 8}组`,
    };
  });
  return [...SAMPLE_TEAM, ...extra];
}

function ymd(dayOffset: number): string {
  return new Date(Date.UTC(2024, 9, 1 + dayOffset)).toISOString().slice(0, 10);
}

/** Generated task i (1-based): its ID, status and people; task 1 is in progress and task 2 awaits acceptance. */
export function fixtureTask(i: number, team: Member[] = SAMPLE_TEAM) {
  const names = team.map((m) => m.name);
  const emailOf = (name: string) => team.find((m) => m.name === name)!.email;
  const id = `${pick(PREFIXES, i)}2025-${String(i).padStart(3, '0')}`;
  const initiator = pick(names, i);
  const owner = pick(names, i + 3);
  return {
    id,
    status: pick(STATUSES, i),
    initiator,
    owner,
    initiatorEmail: emailOf(initiator),
    ownerEmail: emailOf(owner),
    subtaskOwner: (s: number) => pick(names, i + s),
    subtaskOwnerEmail: (s: number) => emailOf(pick(names, i + s)),
    collaborator: (k: number) => pick(names, i + k),
  };
}

/** Spare formatted rows left below the data, as a sheet in use has (appends then need no growth). */
const SPARE_ROWS = 200;

/** The sample workbook plus `tasks` generated tasks (deterministic), written as Task Sync writes them (guards too). */
export function benchWorld(tasks: number, members = SAMPLE_TEAM.length): World {
  const world = createSampleWorld({ data: 'sample' });
  // A Workspace account's daily recipients, so the jobs' figures are not cut short by a consumer quota.
  world.config.mailDailyQuota = 1500;
  const team = benchTeam(members);
  appendRows(world, 'team', teamRows(team.slice(SAMPLE_TEAM.length)), 'zh-CN');
  const overview = [];
  const progress = [];
  const sync = [];
  for (let i = 1; i <= tasks; i++) {
    const t = fixtureTask(i, team);
    const closed = t.status === 'done' || t.status === 'cancelled';
    overview.push({
      taskId: t.id,
      name: `任务 ${i}`,
      initiator: t.initiator,
      owner: t.owner,
      collaborators: t.collaborator(5),
      project: `项目 ${i % 40}`,
      type: { enum: 'type' as const, code: pick(TYPES, i) },
      priority: { enum: 'priority' as const, code: pick(PRIORITIES, i) },
      due: { date: ymd(i % 90) },
      status: { enum: 'status' as const, code: t.status },
      notes: '验收标准:交付物齐全',
      ...(closed ? { completedOn: { date: ymd(i % 60) } } : {}),
    });
    for (let s = 1; s <= 3; s++) {
      progress.push({
        subtaskId: `${t.id}-0${s}`,
        taskId: t.id,
        name: `子任务 ${s}`,
        owner: t.subtaskOwner(s),
        progress: (i * 7 + s * 13) % 101,
        done: '已完成部分工作',
        next: '继续推进',
        blockers: i % 5 === 0 ? '需要协助' : '',
        updatedOn: { date: ymd((i + s) % 60) },
        collaborators: t.collaborator(s + 1),
      });
      sync.push({
        date: { date: ymd((i + s) % 60) },
        topic: `同步 ${i}-${s}`,
        content: '进展顺利',
        raisedBy: t.subtaskOwner(s),
        audience: '项目组全体',
        attachment: '/',
        notes: '',
        taskId: t.id,
        kind: { enum: 'kind' as const, code: pick(KINDS, i + s) },
      });
    }
  }
  appendRows(world, 'overview', overview, 'zh-CN');
  appendRows(world, 'progress', progress, 'zh-CN');
  appendRows(world, 'sync', sync, 'zh-CN');
  for (const key of ['overview', 'progress', 'sync'] as const) {
    const sheet = world.spreadsheet.sheets.find((s) => s.name === sheetName(key, 'zh-CN'))!;
    const used = sheet.rows.length;
    if (sheet.maxRows - used < SPARE_ROWS)
      shiftLines(world.spreadsheet, sheet, 'row', sheet.maxRows, SPARE_ROWS);
  }
  return world;
}

/**
 * A workbook of `tasks` tasks where exactly `due` are finished long enough ago to be archived (the other finished
 * ones closed today). The archive sheets have room for the run, as sheets in use do.
 */
export function archiveWorld(tasks: number, due: number): World {
  const world = benchWorld(tasks);
  const sheet = (key: 'overview' | 'archiveOverview' | 'archiveProgress' | 'archiveSync') =>
    world.spreadsheet.sheets.find((s) => s.name === sheetName(key, 'zh-CN'))!;
  const overview = sheet('overview');
  const header = overview.rows[0]!.map(String);
  const [statusCol, completedCol] = ['当前状态', '完成日期'].map((h) => header.indexOf(h));
  const today = { d: 45589 };
  const old = { d: 45566 };
  overview.rows.slice(1).forEach((row, i) => {
    if (i < due) {
      row[statusCol!] = '已完成';
      row[completedCol!] = old;
    } else if (row[statusCol!] === '已完成' || row[statusCol!] === '已取消') row[completedCol!] = today;
  });
  for (const key of ['archiveOverview', 'archiveProgress', 'archiveSync'] as const) {
    const s = sheet(key);
    shiftLines(world.spreadsheet, s, 'row', s.maxRows, due * 3 + SPARE_ROWS);
  }
  return world;
}
