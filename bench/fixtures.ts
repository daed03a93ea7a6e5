// Generated workbooks for the benchmark: N tasks, each with 3 subtasks and 3 sync records, over the sample Team.
import { appendRows, createSampleWorld, SAMPLE_TEAM } from '../emulator/seed';
import type { World } from '../emulator/world';

const CODES = {
  type: ['project', 'routine', 'urgent'],
  priority: ['high', 'medium', 'low'],
  status: ['not_started', 'in_progress', 'pending_acceptance', 'done', 'cancelled'],
  kind: ['progress', 'problem', 'decision', 'deliverable'],
} as const;

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!;
}

function ymd(dayOffset: number): string {
  const d = new Date(Date.UTC(2024, 9, 1 + dayOffset));
  return d.toISOString().slice(0, 10);
}

/** The sample workbook plus `tasks` generated tasks (deterministic). */
export function benchWorld(tasks: number): World {
  const world = createSampleWorld({ data: 'sample' });
  const names = SAMPLE_TEAM.map((m) => m.name);
  const overview = [];
  const progress = [];
  const sync = [];
  for (let i = 1; i <= tasks; i++) {
    const prefix = pick(['产品迭代', '日常协作', '市场活动', '客户交付'], i);
    const taskId = `${prefix}2025-${String(i).padStart(3, '0')}`;
    const status = pick(CODES.status, i);
    overview.push({
      taskId,
      name: `任务 ${i}`,
      initiator: pick(names, i),
      owner: pick(names, i + 3),
      collaborators: pick(names, i + 5),
      project: `项目 ${i % 40}`,
      type: { enum: 'type' as const, code: pick(CODES.type, i) },
      priority: { enum: 'priority' as const, code: pick(CODES.priority, i) },
      due: { date: ymd(i % 90) },
      status: { enum: 'status' as const, code: status },
      notes: '验收标准:交付物齐全',
      ...(status === 'done' || status === 'cancelled' ? { completedOn: { date: ymd(i % 60) } } : {}),
    });
    for (let s = 1; s <= 3; s++) {
      progress.push({
        subtaskId: `${taskId}-0${s}`,
        taskId,
        name: `子任务 ${s}`,
        owner: pick(names, i + s),
        progress: (i * 7 + s * 13) % 101,
        done: '已完成部分工作',
        next: '继续推进',
        blockers: i % 5 === 0 ? '需要协助' : '',
        updatedOn: { date: ymd((i + s) % 60) },
        collaborators: pick(names, i + s + 1),
      });
      sync.push({
        date: { date: ymd((i + s) % 60) },
        topic: `同步 ${i}-${s}`,
        content: '进展顺利',
        raisedBy: pick(names, i + s),
        audience: '项目组全体',
        attachment: '/',
        notes: '',
        taskId,
        kind: { enum: 'kind' as const, code: pick(CODES.kind, i + s) },
      });
    }
  }
  appendRows(world, 'overview', overview, 'zh-CN');
  appendRows(world, 'progress', progress, 'zh-CN');
  appendRows(world, 'sync', sync, 'zh-CN');
  return world;
}
