// Service-call budgets (SPEC §13): deterministic counts, asserted so a regression fails CI. Times are never asserted.
import { describe, expect, it } from 'vitest';
import { archiveWorld, benchWorld } from '../../bench/fixtures';
import {
  EDIT_OPERATIONS,
  FIRST_PAINT_OPERATION,
  JOB_OPERATIONS,
  JOB_TEAM_SIZE,
  REPORT_OPERATIONS,
  RESTORED_TASK,
  restoreOperation,
  SIDEBAR_OPERATIONS,
} from '../../bench/operations';
import type { Emulator } from '../../emulator/sandbox';
import { isDateCell, type World } from '../../emulator/world';
import { ADMIN, emptyWorld, emulatorFor, sheetState } from '../helpers/project';

const small10 = benchWorld(10);
const large1000 = benchWorld(1000);
const jobs10 = benchWorld(10, JOB_TEAM_SIZE);
const jobs1000 = benchWorld(1000, JOB_TEAM_SIZE);

describe('setupSheets', () => {
  it('builds an empty workbook in a bounded number of calls, without read-after-write flushes', () => {
    const r = emulatorFor(emptyWorld()).call('setupSheets', [], ADMIN);
    expect(r.ok).toBe(true);
    expect(r.metrics.calls).toBeLessThanOrEqual(350);
    expect(r.metrics.flushes).toBe(0);
  });

  it('checks a healthy workbook with the same reads at 10 and 1,000 tasks, and writes nothing', () => {
    const counts = [small10, large1000].map(
      (w) => emulatorFor(structuredClone(w)).call('setupSheets', [], ADMIN).metrics,
    );
    expect(counts[0]!.writes).toBe(0);
    expect(counts[1]!.writes).toBe(0);
    expect(counts[1]!.reads).toBe(counts[0]!.reads);
  });
});

describe.each(SIDEBAR_OPERATIONS)('$operation', ({ run }) => {
  it('makes at most 10 service calls, no read-after-write flush, the same at 10 and 1,000 tasks', () => {
    const [small, large] = [small10, large1000].map((w) => run(emulatorFor(structuredClone(w))));
    expect(small!.calls).toBeLessThanOrEqual(10);
    expect(small!.flushes).toBe(0);
    expect(large!.flushes).toBe(0);
    expect(large!.calls).toBe(small!.calls);
    expect(large!.byApi).toEqual(small!.byApi);
  });
});

const PROGRESS = '任务执行进度跟踪表';
const OVERVIEW = '部门任务总览表';
/** The header-named cell of a data row (1-based sheet row). */
const cellAt = (w: World, sheet: string, row: number, header: string) => {
  const rows = sheetState(w, sheet).rows;
  return rows[row - 1]![rows[0]!.indexOf(header)];
};
/** Serial day (whole days since 1899-12-30) of the clock in the workbooks' Asia/Shanghai wall time. */
const todaySerial = (w: World) => Math.floor((w.clock.now + 8 * 3_600_000) / 86_400_000) + 25_569;

/** Each hand edit's trigger, and what it must have done (the operations edit row 3: 日常协作2024-015, owner *磊). */
const EDIT_EFFECTS: Record<string, { fn: string; prepare: (w: World) => void; check: (w: World) => void }> = {
  'onEdit (progress typed by hand)': {
    fn: 'onEdit',
    prepare: (w) => {
      const rows = sheetState(w, PROGRESS).rows;
      rows[2]![rows[0]!.indexOf('更新日期')] = { d: 45_500 };
    },
    check: (w) => {
      expect(cellAt(w, PROGRESS, 3, '今日进度(%)')).toBe(90);
      const stamp = cellAt(w, PROGRESS, 3, '更新日期');
      expect(isDateCell(stamp), JSON.stringify(stamp)).toBe(true);
      expect(Math.floor((stamp as { d: number }).d)).toBe(todaySerial(w));
    },
  },
  'handleEdit (status restored)': {
    fn: 'handleEdit',
    prepare: (w) => expect(cellAt(w, OVERVIEW, 3, '当前状态')).toBe('待验收'),
    check: (w) => expect(cellAt(w, OVERVIEW, 3, '当前状态')).toBe('待验收'),
  },
};

describe.each(EDIT_OPERATIONS)('$operation', ({ operation, run }) => {
  it('stays within its budget, the same at 10 and 1,000 tasks, and does its work', () => {
    const effect = EDIT_EFFECTS[operation];
    expect(effect, `an expected effect for ${operation}`).toBeDefined();
    const [small, large] = [small10, large1000].map((w) => {
      const emu = emulatorFor(structuredClone(w));
      effect!.prepare(emu.world);
      const ran = () => emu.world.executions.filter((x) => x.fn === effect!.fn).length;
      const before = ran();
      const metrics = run(emu);
      expect(ran(), `one ${effect!.fn} execution`).toBe(before + 1);
      expect(metrics.fn).toBe(effect!.fn);
      expect(metrics.ok, metrics.error).toBe(true);
      effect!.check(emu.world);
      return metrics;
    });
    expect(small!.calls).toBeLessThanOrEqual(operation.startsWith('onEdit') ? 4 : 6);
    expect(small!.flushes).toBe(0);
    expect(large!.flushes).toBe(0);
    expect(large!.calls).toBe(small!.calls);
  });
});

describe('sidebar first paint (openSidebar and the one getSidebarModel call)', () => {
  it('makes the same service calls at 10 and 1,000 tasks, with no read-after-write flush', () => {
    const [small, large] = [small10, large1000].map((w) =>
      FIRST_PAINT_OPERATION.run(emulatorFor(structuredClone(w))),
    );
    expect(small!.ok && large!.ok).toBe(true);
    expect(small!.flushes).toBe(0);
    expect(large!.flushes).toBe(0);
    expect(large!.calls).toBe(small!.calls);
    expect(large!.byApi).toEqual(small!.byApi);
  });
});

describe('recordRetrospective', () => {
  it('makes at most 10 service calls, no read-after-write flush, the same at 10 and 1,000 tasks', () => {
    const [small, large] = [small10, large1000].map((w) => {
      const emu = emulatorFor(structuredClone(w));
      const r = emu.call('recordRetrospective', [{ taskId: '产品迭代2024-001', text: '预案需演练' }], ADMIN, {
        rpc: true,
      });
      expect(r.ok, r.error?.message).toBe(true);
      expect(String(cellAt(emu.world, OVERVIEW, 2, '备注(验收标准/问题记录)'))).toContain('预案需演练');
      return r.metrics;
    });
    expect(small!.calls).toBeLessThanOrEqual(10);
    expect(small!.flushes).toBe(0);
    expect(large!.flushes).toBe(0);
    expect(large!.calls).toBe(small!.calls);
    expect(large!.byApi).toEqual(small!.byApi);
  });
});

describe('sendDigestNow', () => {
  it('makes the same Sheets calls (≤ 15) at 10 and 1,000 tasks, and one email per recipient', () => {
    const [small, large] = [jobs10, jobs1000].map((w) => {
      const emu = emulatorFor(structuredClone(w));
      const r = emu.call<{ ran: string[] }>('sendDigestNow', [], ADMIN, { ui: true });
      expect(r.ok, r.error?.message).toBe(true);
      expect(r.result.ran).toEqual(['digest']);
      const recipients = emu.world.outbox.map((m) => m.to);
      expect(recipients.length).toBeGreaterThan(0);
      expect(new Set(recipients).size).toBe(recipients.length);
      expect(r.metrics.emails).toBe(recipients.length);
      return r.metrics;
    });
    expect(small!.sheetCalls).toBeLessThanOrEqual(15);
    expect(small!.flushes).toBe(0);
    expect(large!.flushes).toBe(0);
    expect(large!.sheetCalls).toBe(small!.sheetCalls);
  });
});

describe('restoreFromArchive', () => {
  /** The archive workbook (one task in ten due) after Task Sync's own archive has run, as the bench builds it. */
  const archived = (tasks: number): Emulator => {
    const emu = emulatorFor(archiveWorld(tasks, Math.max(1, Math.ceil(tasks / 10))));
    expect(emu.call('runArchive', [], ADMIN).ok).toBe(true);
    return emu;
  };
  const liveIds = (w: World) =>
    sheetState(w, OVERVIEW)
      .rows.slice(1)
      .map((r) => r[0]);

  it('makes the same Sheets calls (≤ 15) at 10 and 1,000 tasks, with no read-after-write flush, and brings the task back', () => {
    const [small, large] = [10, 1000].map((n) => {
      const emu = archived(n);
      expect(liveIds(emu.world)).not.toContain(RESTORED_TASK);
      const metrics = restoreOperation.run(emu);
      expect(metrics.ok).toBe(true);
      expect(liveIds(emu.world)).toContain(RESTORED_TASK);
      return metrics;
    });
    expect(small!.sheetCalls).toBeLessThanOrEqual(15);
    expect(small!.flushes).toBe(0);
    expect(large!.flushes).toBe(0);
    expect(large!.sheetCalls).toBe(small!.sheetCalls);
  });
});

describe.each(JOB_OPERATIONS)('$operation', ({ run }) => {
  it('makes the same Sheets calls (≤ 15) at 10 and 1,000 tasks, and one email per recipient', () => {
    const [small, large] = [jobs10, jobs1000].map((w) => {
      const emu = emulatorFor(structuredClone(w));
      const metrics = run(emu);
      const recipients = emu.world.outbox
        .filter((m) => Date.parse(m.sentAt) === emu.world.clock.now)
        .map((m) => m.to);
      expect(new Set(recipients).size).toBe(recipients.length);
      expect(metrics.emails).toBe(recipients.length);
      return metrics;
    });
    expect(small!.sheetCalls).toBeLessThanOrEqual(15);
    expect(small!.flushes).toBe(0);
    expect(large!.flushes).toBe(0);
    expect(large!.sheetCalls).toBe(small!.sheetCalls);
  });
});

describe.each(REPORT_OPERATIONS)('$operation', ({ run, growth = 0 }) => {
  it('makes ≤ 15 Sheets calls, no read-after-write flush, the same at 10 and 1,000 tasks (but for growing its sheet)', () => {
    const [small, large] = [jobs10, jobs1000].map((w) => run(emulatorFor(structuredClone(w))));
    expect(small!.sheetCalls).toBeLessThanOrEqual(15);
    expect(large!.sheetCalls).toBeLessThanOrEqual(15);
    expect(small!.flushes + large!.flushes).toBe(0);
    expect(large!.sheetCalls).toBeGreaterThanOrEqual(small!.sheetCalls);
    expect(large!.sheetCalls).toBeLessThanOrEqual(small!.sheetCalls + growth);
  });
});

describe('runArchive', () => {
  it('makes the same Sheets calls (≤ 15) whether 1 or 300 tasks of 1,000 move, with no read-after-write flush', () => {
    const [one, many] = [1, 300].map((due) => {
      const emu = emulatorFor(archiveWorld(1000, due));
      const r = emu.call<{ archived: number }>('runArchive', [], ADMIN);
      expect(r.result.archived).toBe(due);
      return r.metrics;
    });
    expect(one!.sheetCalls).toBeLessThanOrEqual(15);
    expect(one!.flushes).toBe(0);
    expect(many!.flushes).toBe(0);
    expect(many!.sheetCalls).toBe(one!.sheetCalls);
  });
});
