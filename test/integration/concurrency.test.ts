// Races through dist/Code.js: a second execution started before each service call of a first, in turn (SPEC §14).
import { describe, expect, it } from 'vitest';
import { everyRace } from '../../emulator/interleave';
import type { Emulator, RunResult } from '../../emulator/sandbox';
import { at } from '../../emulator/seed';
import type { World } from '../../emulator/world';
import { emulatorFor, sampleWorld } from '../helpers/project';
import { ADMIN, freshFrom, LI, MING, mailedTwice, rowsOf, tally } from '../helpers/reliability';

const races = tally('races run');

const OVERVIEW = '部门任务总览表';
const PROGRESS = '任务执行进度跟踪表';
const SYNC = '信息同步共享记录表';
const NOTICES = '通知日志';

const ok = (r: RunResult, what: string) => expect(r.ok, `${what}: ${r.error?.message}`).toBe(true);

/** A createTask call for `user` (initiator `initiator`) with two subtasks, as the sidebar sends it. */
const createTask =
  (user: string, initiator: string, name: string) =>
  (emu: Emulator): RunResult =>
    emu.call(
      'createTask',
      [
        {
          prefix: '产品迭代',
          name,
          initiator,
          owner: '*明',
          collaborators: [],
          project: '',
          type: 'project',
          priority: 'medium',
          due: '2024-10-31',
          notes: '标准',
          subtasks: [
            { name: `${name}-一`, owner: '*明', collaborators: [] },
            { name: `${name}-二`, owner: '*华', collaborators: [] },
          ],
        },
      ],
      user,
      { rpc: true },
    );

/** The sample workbook at a Shanghai wall time, plus one task in progress owned by *明 (its ID returned). */
function withActiveTask(wall: string, world: World = sampleWorld({ now: new Date(at(wall)).toISOString() })) {
  const emu = emulatorFor(world);
  const { taskId } = createTask(ADMIN, '*强', '进行中的任务')(emu).result as { taskId: string };
  emu.callOk('updateProgress', [{ subtaskId: `${taskId}-01`, progress: 10 }], MING);
  return { world, taskId };
}

const update =
  (subtaskId: string, progress: number) =>
  (emu: Emulator): RunResult =>
    emu.call('updateProgress', [{ subtaskId, progress, done: '做完了一部分', next: '继续' }], MING, {
      rpc: true,
    });

/** How often each value of a column appears in a sheet's data rows. */
function counts(world: World, sheet: string, col: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rowsOf(world, sheet)) out.set(String(r[col]), (out.get(String(r[col])) ?? 0) + 1);
  return out;
}

describe('two users create tasks with the same prefix at once', () => {
  it('get distinct IDs and both land with their subtasks, wherever the second starts in the first', () => {
    const base = sampleWorld();
    const before = rowsOf(base, OVERVIEW).length;
    const n = everyRace(
      freshFrom(base),
      createTask(ADMIN, '*强', '甲'),
      createTask(LI, '*丽', '乙'),
      ({ first, second, point, api }, emu) => {
        const where = `second started before call ${point} (${api})`;
        ok(first, where);
        ok(second, where);
        const a = first.result as { taskId: string; subtaskIds: string[] };
        const b = second.result as { taskId: string; subtaskIds: string[] };
        expect(new Set([a.taskId, b.taskId]).size, where).toBe(2);
        expect([a.taskId, b.taskId].sort(), where).toEqual(['产品迭代2024-002', '产品迭代2024-003']);
        const overview = counts(emu.world, OVERVIEW, 0);
        const progress = counts(emu.world, PROGRESS, 0);
        expect(rowsOf(emu.world, OVERVIEW), where).toHaveLength(before + 2);
        for (const id of [a.taskId, b.taskId]) expect(overview.get(id), where).toBe(1);
        for (const id of [...a.subtaskIds, ...b.subtaskIds]) expect(progress.get(id), where).toBe(1);
      },
    );
    races.add(n);
    expect(n).toBeGreaterThan(20);
  });
});

describe('a user updates progress while the archive runs', () => {
  it('keeps the update and every row exactly once, wherever the update starts in the archive', () => {
    const { world, taskId } = withActiveTask('2024-11-05 01:30');
    const subtask = `${taskId}-01`;
    const alone = emulatorFor(structuredClone(world));
    alone.callOk('runArchive', [], ADMIN);
    const expectedLive = rowsOf(alone.world, PROGRESS).length;
    const n = everyRace(
      freshFrom(world),
      (emu) => emu.call('runArchive', [], ADMIN),
      update(subtask, 60),
      ({ first, second, point, api }, emu) => {
        const where = `update started before archive call ${point} (${api})`;
        ok(first, where);
        ok(second, where);
        expect((first.result as { archived: number }).archived, where).toBe(2);
        const row = rowsOf(emu.world, PROGRESS).find((r) => r[0] === subtask)!;
        expect(row, where).toBeDefined();
        expect(row.slice(4, 7), where).toEqual([60, '做完了一部分', '继续']);
        expect(rowsOf(emu.world, PROGRESS), where).toHaveLength(expectedLive);
        const live = counts(emu.world, PROGRESS, 0);
        const archived = counts(emu.world, `归档-${PROGRESS}`, 2);
        for (const [id, k] of live) expect(k + (archived.get(id) ?? 0), `${id}: ${where}`).toBe(1);
        for (const [id, k] of archived) expect(k + (live.get(id) ?? 0), `${id}: ${where}`).toBe(1);
      },
    );
    races.add(n);
    expect(n).toBeGreaterThan(20);
  });
});

describe('two sidebars accept the same task', () => {
  it('one wins, the other is told why, and there is one acceptance record', () => {
    const base = sampleWorld();
    const accept = (user: string) => (emu: Emulator) =>
      emu.call('acceptTask', [{ taskId: '日常协作2024-015', note: `${user} 验收` }], user, { rpc: true });
    const n = everyRace(freshFrom(base), accept(LI), accept(ADMIN), ({ first, second, point, api }, emu) => {
      const where = `second started before call ${point} (${api})`;
      const results = [first, second];
      expect(
        results.filter((r) => r.ok),
        where,
      ).toHaveLength(1);
      const loser = results.find((r) => !r.ok)!;
      expect(loser.error?.message, where).toBe('任务当前为「已完成」,不能验收通过');
      const task = rowsOf(emu.world, OVERVIEW).find((r) => r[0] === '日常协作2024-015')!;
      expect(task[9], where).toBe('已完成');
      const decisions = rowsOf(emu.world, SYNC).filter(
        (r) => r[7] === '日常协作2024-015' && String(r[1]).startsWith('验收通过'),
      );
      expect(decisions, where).toHaveLength(1);
    });
    races.add(n);
    expect(n).toBeGreaterThan(10);
  });
});

describe('a sidebar action during the daily digest', () => {
  it('lands, and the digest still mails each person once, wherever the action starts in the run', () => {
    const { world, taskId } = withActiveTask('2024-10-24 09:30');
    let checked = 0;
    const n = everyRace(
      freshFrom(world),
      (emu) => emu.call('runScheduledJobs', [], ADMIN),
      update(`${taskId}-02`, 35),
      ({ first, second, point, api }, emu) => {
        const where = `update started before call ${point} (${api})`;
        ok(first, where);
        ok(second, where);
        expect(mailedTwice(emu.world.outbox), where).toEqual([]);
        expect(emu.world.outbox.length, where).toBeGreaterThanOrEqual(2);
        const done = rowsOf(emu.world, NOTICES).filter((r) => r[5] === 'done');
        expect(done.map((r) => r[1]).sort(), where).toEqual(['digest']);
        expect(rowsOf(emu.world, PROGRESS).find((r) => r[0] === `${taskId}-02`)![4], where).toBe(35);
        checked++;
      },
    );
    races.add(n);
    expect(n).toBeGreaterThan(10);
    expect(checked).toBe(n);
  });

  it('is not held up while the digest’s emails take longer to go out than an action waits for the lock', () => {
    const { world, taskId } = withActiveTask('2024-10-24 09:30');
    const fresh = () => {
      const emu = freshFrom(world)();
      // Slow mail: 6 s an email, so mailing outlasts the 10 s a sidebar action waits for the document lock.
      emu.faults = [{ api: 'MailApp.sendEmail', delayMs: 6_000 }];
      return emu;
    };
    const waits: number[] = [];
    const n = everyRace(
      fresh,
      (emu) => emu.call('runDailyDigest', [], ADMIN),
      update(`${taskId}-02`, 35),
      ({ first, second, point, api }, emu) => {
        const where = `update started before call ${point} (${api})`;
        ok(first, where);
        ok(second, where);
        waits.push(second.waitedMs ?? 0);
        expect(mailedTwice(emu.world.outbox), where).toEqual([]);
        expect(first.metrics.simMs, where).toBeGreaterThan(10_000);
      },
    );
    races.add(n);
    expect(n).toBeGreaterThan(10);
    expect(waits).toHaveLength(n);
    expect(Math.max(...waits)).toBeLessThan(10_000);
  });
});
