// Service-call budgets (SPEC §13): deterministic counts, asserted so a regression fails CI. Times are never asserted.
import { describe, expect, it } from 'vitest';
import { benchWorld } from '../../bench/fixtures';
import { ADMIN, emptyWorld, emulatorFor } from '../helpers/project';

describe('setupSheets', () => {
  it('builds an empty workbook in a bounded number of calls, without read-after-write flushes', () => {
    const r = emulatorFor(emptyWorld()).call('setupSheets', [], ADMIN);
    expect(r.ok).toBe(true);
    expect(r.metrics.calls).toBeLessThanOrEqual(350);
    expect(r.metrics.flushes).toBe(0);
  });

  it('checks a healthy workbook with the same reads at 10 and 1,000 tasks, and writes nothing', () => {
    const counts = [10, 1000].map((n) => emulatorFor(benchWorld(n)).call('setupSheets', [], ADMIN).metrics);
    expect(counts[0]!.writes).toBe(0);
    expect(counts[1]!.writes).toBe(0);
    expect(counts[1]!.reads).toBe(counts[0]!.reads);
  });
});
