// Service-call budgets (SPEC §13): deterministic counts, asserted so a regression fails CI. Times are never asserted.
import { describe, expect, it } from 'vitest';
import { archiveWorld, benchWorld } from '../../bench/fixtures';
import {
  EDIT_OPERATIONS,
  JOB_OPERATIONS,
  JOB_TEAM_SIZE,
  REPORT_OPERATIONS,
  SIDEBAR_OPERATIONS,
} from '../../bench/operations';
import { ADMIN, emptyWorld, emulatorFor } from '../helpers/project';

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
    expect(large!.calls).toBe(small!.calls);
    expect(large!.byApi).toEqual(small!.byApi);
  });
});

describe.each(EDIT_OPERATIONS)('$operation', ({ operation, run }) => {
  it('stays within its budget, the same at 10 and 1,000 tasks', () => {
    const [small, large] = [small10, large1000].map((w) => run(emulatorFor(structuredClone(w))));
    expect(small!.calls).toBeLessThanOrEqual(operation.startsWith('onEdit') ? 4 : 6);
    expect(small!.flushes).toBe(0);
    expect(large!.calls).toBe(small!.calls);
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
    expect(many!.sheetCalls).toBe(one!.sheetCalls);
  });
});
