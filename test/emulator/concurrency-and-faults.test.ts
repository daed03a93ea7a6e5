// Contract tests for races and faults: the lock queue, executions started mid-call, running clocks and injected faults.
import { describe, expect, it } from 'vitest';
import { MAIL_QUOTA_ERROR } from '../../emulator/faults';
import { callPoints, everyRace, raceAt } from '../../emulator/interleave';
import { LOCK_TIMEOUT } from '../../emulator/runtime/lock';
import type { RunResult } from '../../emulator/sandbox';
import { EDITOR, NOW, OWNER, scriptEmulator } from '../helpers/script';

const CODE = `
  function holdAndWrite(n) {
    var lock = LockService.getDocumentLock();
    lock.waitLock(10000);
    var sheet = SpreadsheetApp.getActiveSheet();
    for (var i = 0; i < (n || 1); i++) sheet.getRange(1, 1).setValue(sheet.getRange(1, 1).getValue() + 1);
    return Date.now();
  }
  function holdReleaseAndRead() {
    var lock = LockService.getDocumentLock();
    lock.waitLock(10000);
    SpreadsheetApp.getActiveSheet().getRange('B1').setValue('before release');
    SpreadsheetApp.flush();
    lock.releaseLock();
    return SpreadsheetApp.getActiveSheet().getRange('A1').getValue();
  }
  function bump() {
    var got = LockService.getDocumentLock().tryLock(5000);
    if (!got) return 'busy';
    var r = SpreadsheetApp.getActiveSheet().getRange('A1');
    r.setValue(r.getValue() + 1);
    return 'bumped at ' + Date.now();
  }
  function bumpNow() { return LockService.getDocumentLock().tryLock(0) ? 'got it' : 'busy'; }
  function writeThenBump() {
    PropertiesService.getScriptProperties().setProperty('before', 'lock');
    return bump();
  }
  function mail(n) {
    var out = [];
    for (var i = 0; i < n; i++) {
      try { MailApp.sendEmail('p' + i + '@example.com', 's', 'b'); out.push('sent'); } catch (e) { out.push(e.message); }
    }
    return out;
  }
  function slowReads(n) { for (var i = 0; i < n; i++) SpreadsheetApp.getActiveSheet().getLastRow(); return Date.now(); }
  function fail() { throw new Error('broken on purpose'); }
`;

type Emu = ReturnType<typeof scriptEmulator>;
const queueing = (opts: { clockRuns?: boolean } = {}) =>
  scriptEmulator(CODE, { emulator: { lockWaits: 'queue', ...opts } });
const a1 = (emu: Emu) => emu.world.spreadsheet.sheets[0]!.rows[0]?.[0];

describe("lockWaits 'queue'", () => {
  it('a contender waits for the holder, then runs: its result is filled in when it has run', () => {
    const emu = queueing();
    let inner: RunResult | null = null;
    emu.beforeCall = (api) => {
      if (api === 'Range.setValue' && !inner) {
        inner = emu.call('bump', [], EDITOR);
        expect(inner.pending).toBe(true);
      }
    };
    const outer = emu.call('holdAndWrite', [3], OWNER);
    expect(outer.ok).toBe(true);
    const done = inner as unknown as RunResult;
    expect(done.pending).toBeUndefined();
    expect(done.ok).toBe(true);
    expect(done.result).toMatch(/^bumped at /);
    expect(a1(emu)).toBe(4);
    expect(done.waitedMs).toBeGreaterThan(0);
    expect(done.waitedMs).toBeLessThan(outer.metrics.simMs);
    expect(emu.world.executions.map((x) => x.fn)).toEqual(['holdAndWrite', 'bump']);
  });

  it('gives up with the timeout when the holder runs longer after it queued than it would wait', () => {
    const emu = queueing();
    let inner: RunResult | null = null;
    emu.faults = [{ api: 'Range.getValue', delayMs: 3000 }];
    emu.beforeCall = (api) => {
      if (api === 'Range.setValue' && !inner) inner = emu.call('bump', [], EDITOR);
    };
    emu.call('holdAndWrite', [3], OWNER);
    expect((inner as unknown as RunResult).result).toBe('busy');
    expect((inner as unknown as RunResult).waitedMs).toBe(5000);
  });

  it('runs two contenders in the order they queued, the second waiting for the first too', () => {
    const emu = queueing();
    const inner: RunResult[] = [];
    emu.beforeCall = (api, exec) => {
      if (api === 'Range.setValue' && exec.fn === 'holdAndWrite' && inner.length === 0)
        inner.push(emu.call('bump', [], EDITOR), emu.call('bump', [], EDITOR));
    };
    emu.call('holdAndWrite', [3], OWNER);
    expect(inner.map((r) => r.ok)).toEqual([true, true]);
    const [first, second] = inner as [RunResult, RunResult];
    // The second waits as long as the first did, plus the first's own run: the first's simMs counts both.
    expect(second.waitedMs).toBe(first.metrics.simMs);
    expect(first.waitedMs).toBeGreaterThan(0);
    expect(emu.world.executions.map((x) => x.fn)).toEqual(['holdAndWrite', 'bump', 'bump']);
    expect(a1(emu)).toBe(5);
  });

  it('a contender that will not wait (tryLock(0)) fails at once instead of queueing', () => {
    const emu = queueing();
    let inner: RunResult | null = null;
    emu.beforeCall = (api) => {
      if (api === 'Range.setValue' && !inner) inner = emu.call('bumpNow', [], EDITOR);
    };
    emu.call('holdAndWrite', [1], OWNER);
    expect((inner as unknown as RunResult).result).toBe('busy');
    expect((inner as unknown as RunResult).waitedMs).toBeUndefined();
  });

  it('runs the contender when the holder releases the lock by hand, before the holder goes on', () => {
    const emu = queueing();
    let inner: RunResult | null = null;
    emu.beforeCall = (api) => {
      if (api === 'Range.setValue' && !inner) inner = emu.call('bump', [], EDITOR);
    };
    expect(emu.callOk('holdReleaseAndRead', [], OWNER)).toBe(1);
    expect((inner as unknown as RunResult).ok).toBe(true);
  });

  it('an execution that already wrote something does not queue: it times out', () => {
    const emu = queueing();
    let inner: RunResult | null = null;
    emu.beforeCall = (api) => {
      if (api === 'Range.setValue' && !inner) inner = emu.call('writeThenBump', [], EDITOR);
    };
    emu.call('holdAndWrite', [1], OWNER);
    expect((inner as unknown as RunResult).result).toBe('busy');
    expect(emu.world.clock.now).toBe(NOW + 5000);
  });

  it('a lock held by a process outside the emulator (world.locks) is waited out, not queued', () => {
    const emu = queueing();
    emu.world.locks[`document:${emu.world.spreadsheet.id}`] = 999_999;
    const r = emu.call('holdAndWrite', [1], OWNER);
    expect(r.error?.message).toBe(LOCK_TIMEOUT);
    expect(emu.world.clock.now).toBe(NOW + 10_000);
  });
});

describe('raceAt and everyRace', () => {
  it('start the second execution before the k-th call point of the first (local calls are not points)', () => {
    const alone = scriptEmulator(CODE).call('holdAndWrite', [1], OWNER);
    const points = callPoints(alone);
    expect(points).toBe(alone.metrics.calls + alone.metrics.meta);
    const race = raceAt(
      queueing(),
      2,
      (e) => e.call('holdAndWrite', [1], OWNER),
      (e) => e.call('bump', [], EDITOR),
    );
    expect(race.api).toBe('Lock.waitLock');
    expect(race.second.ok).toBe(true);
  });

  it('everyRace runs one race per call point, each on a fresh emulator; a lock serialises the writers', () => {
    const outcomes: number[] = [];
    const races = everyRace(
      queueing,
      (e) => e.call('holdAndWrite', [2], OWNER),
      (e) => e.call('bump', [], EDITOR),
      (race, emu) => {
        expect(race.first.ok && race.second.ok, `point ${race.point}`).toBe(true);
        outcomes.push(Number(a1(emu)));
      },
    );
    expect(races).toBeGreaterThan(5);
    expect(outcomes).toEqual(Array(races).fill(3));
  });

  it('runs the second execution after the first when the point never comes', () => {
    const race = raceAt(
      queueing(),
      999,
      (e) => e.call('holdAndWrite', [1], OWNER),
      (e) => e.call('bump', [], EDITOR),
    );
    expect(race.point).toBe(0);
    expect(race.second.ok).toBe(true);
  });
});

describe('clockRuns', () => {
  it('off (the default): an execution takes no time on the clock', () => {
    expect(scriptEmulator(CODE).callOk('slowReads', [10], OWNER)).toBe(NOW);
  });
  it('on: Date.now() sees each call’s simulated time pass, and the clock keeps it', () => {
    const emu = scriptEmulator(CODE, { emulator: { clockRuns: true } });
    const end = emu.callOk<number>('slowReads', [10], OWNER);
    expect(end).toBeGreaterThanOrEqual(NOW + 600);
    expect(emu.world.clock.now).toBeGreaterThanOrEqual(end);
  });
});

describe('faults', () => {
  it('a call can fail after some successes, with the counters running across executions', () => {
    const emu = scriptEmulator(CODE);
    emu.faults = [{ api: 'MailApp.sendEmail', after: 3, error: MAIL_QUOTA_ERROR }];
    expect(emu.callOk('mail', [2], OWNER)).toEqual(['sent', 'sent']);
    expect(emu.callOk('mail', [3], OWNER)).toEqual(['sent', MAIL_QUOTA_ERROR, MAIL_QUOTA_ERROR]);
    expect(emu.world.outbox).toHaveLength(3);
    expect(emu.faults[0]!.fired).toBe(2);
  });

  it('a slow call can push an execution past the 6-minute limit', () => {
    const emu = scriptEmulator(CODE);
    emu.faults = [{ api: 'Sheet.getLastRow', after: 2, times: 1, delayMs: 360_000 }];
    const r = emu.call('slowReads', [5], OWNER);
    expect(r.error?.message).toBe('Exceeded maximum execution time');
    expect(r.metrics.byApi['Sheet.getLastRow']).toBe(3);
  });

  it('a failed execution leaves its error in the log, as the Executions page shows it', () => {
    const emu = scriptEmulator(CODE);
    emu.call('fail', [], OWNER);
    expect(emu.world.logs.at(-1)).toMatchObject({ level: 'error', message: 'Error: broken on purpose' });
  });
});
