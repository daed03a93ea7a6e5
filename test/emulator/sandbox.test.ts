// Contract tests for the sandbox itself: fresh globals, the fake clock, missing Node globals, callable names, limits and metrics.
import { describe, expect, it } from 'vitest';
import { NOW, OWNER, scriptEmulator } from '../helpers/script';

type Emu = ReturnType<typeof scriptEmulator>;
const run = <T>(emu: Emu, fn: string, ...args: unknown[]) => emu.callOk<T>(fn, args, OWNER);

describe('Executions', () => {
  it('each execution gets fresh globals: a global counter returns 1 twice', () => {
    const emu = scriptEmulator('var counter = 0; function bump() { counter += 1; return counter; }');
    expect(run(emu, 'bump')).toBe(1);
    expect(run(emu, 'bump')).toBe(1);
  });

  it('Date.now() and new Date() follow world.clock.now, and explicit dates still work', () => {
    const emu = scriptEmulator(`
      function times() {
        return [Date.now(), new Date().getTime(), new Date(Date.UTC(2020, 1, 3)).toISOString(), typeof Date(), new Date(0).getTime()];
      }`);
    expect(run(emu, 'times')).toEqual([NOW, NOW, '2020-02-03T00:00:00.000Z', 'string', 0]);
    emu.world.clock.now = NOW + 123_456;
    expect(run<number[]>(emu, 'times').slice(0, 2)).toEqual([NOW + 123_456, NOW + 123_456]);
  });

  it('setTimeout, process, require, URL, TextEncoder, structuredClone and fetch are undefined', () => {
    const emu = scriptEmulator(`
      function globalsSeen() {
        return [typeof setTimeout, typeof process, typeof require, typeof URL, typeof TextEncoder,
          typeof structuredClone, typeof fetch];
      }`);
    expect(run(emu, 'globalsSeen')).toEqual(Array(7).fill('undefined'));
  });

  it('the fake services are globals, as in Apps Script', () => {
    const emu = scriptEmulator(`
      function services() {
        return [typeof SpreadsheetApp, typeof ScriptApp, typeof LockService, typeof PropertiesService, typeof MailApp,
          typeof Session, typeof HtmlService, typeof Utilities, typeof Logger];
      }`);
    expect(run(emu, 'services')).toEqual(Array(9).fill('object'));
  });

  it('a method the emulator lacks throws an error naming it', () => {
    const emu = scriptEmulator(`
      function fancy() { SpreadsheetApp.getActiveSheet().getRange('A1').setFontFamily('Arial'); }`);
    const r = emu.call('fancy', [], OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toContain('Range.setFontFamily');
  });
  it('an enum the emulator lacks fails loudly, naming it', () => {
    const emu = scriptEmulator('function style() { return String(SpreadsheetApp.BorderStyle.SOLID); }');
    const r = emu.call('style', [], OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toContain('SpreadsheetApp.BorderStyle');
  });

  it("calling a missing function gives 'Script function not found: x'", () => {
    const emu = scriptEmulator('function present() { return 1; }');
    expect(emu.call('x', [], OWNER).error?.message).toBe('Script function not found: x');
  });

  it('a top-level const arrow function is not a callable global', () => {
    const emu = scriptEmulator('const handler = () => 1; function declared() { return typeof handler; }');
    expect(emu.call('handler', [], OWNER).error?.message).toBe('Script function not found: handler');
    expect(run(emu, 'declared')).toBe('function');
  });

  it("a function whose name ends in '_' cannot be called", () => {
    const emu = scriptEmulator('function secret_() { return 42; } function open() { return secret_(); }');
    expect(emu.call('secret_', [], OWNER).error?.message).toBe('Script function not found: secret_');
    expect(run(emu, 'open')).toBe(42);
  });

  it('an infinite loop is stopped by the timeout option', () => {
    const emu = scriptEmulator('function spin() { while (true) {} } function fine() { return "ok"; }', {
      emulator: { timeoutMs: 200 },
    });
    const started = Date.now();
    const r = emu.call('spin', [], OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(/timed out/i);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run(emu, 'fine')).toBe('ok');
  });

  it('arguments and results cross as JSON copies', () => {
    const emu = scriptEmulator('function echo(o) { o.added = true; return o; }');
    const arg = { a: [1, 'two'] };
    expect(run(emu, 'echo', arg)).toEqual({ a: [1, 'two'], added: true });
    expect(arg).toEqual({ a: [1, 'two'] });
  });
});

describe('Simulated time limits', () => {
  const CODE = `
    function longRun(ms) { Utilities.sleep(ms); return SpreadsheetApp.getActiveSheet().getLastRow(); }
    function onEdit(e) { Utilities.sleep(31000); e.range.setValue('late'); }
  `;

  it("an execution past 6 simulated minutes dies with 'Exceeded maximum execution time'", () => {
    const emu = scriptEmulator(CODE);
    expect(emu.call('longRun', [350_000], OWNER).ok).toBe(true);
    const r = emu.call('longRun', [361_000], OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe('Exceeded maximum execution time');
  });

  it('a simple trigger is limited to 30 simulated seconds', () => {
    const emu = scriptEmulator(CODE);
    const sheetId = emu.world.spreadsheet.sheets[0]!.id;
    const r = emu.simpleTrigger(
      'onEdit',
      { kind: 'edit', sheetId, r1: 1, c1: 1, r2: 1, c2: 1, user: OWNER, authMode: 'LIMITED' },
      OWNER,
    );
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe('Exceeded maximum execution time');
    expect(emu.world.spreadsheet.sheets[0]!.rows).toEqual([]);
  });
});

describe('Metrics', () => {
  const CODE = `
    function readAfterWrite() {
      var r = SpreadsheetApp.getActiveSheet().getRange('A1');
      r.setValue(1);
      return r.getValue();
    }
    function batched() {
      var s = SpreadsheetApp.getActiveSheet();
      var a = s.getRange('A1:B2').getValues();
      var b = s.getRange('C1:D2').getValues();
      s.getRange('E1:F2').setValues(a);
      s.getRange('G1:H2').setValues(b);
    }
    function perCell() {
      var s = SpreadsheetApp.getActiveSheet();
      for (var i = 1; i <= 3; i++) s.getRange(i, 2).setValue(s.getRange(i, 1).getValue());
    }
  `;
  const metrics = (emu: Emu, fn: string) => emu.call(fn, [], OWNER).metrics;

  it('a read after a write counts one flush', () => {
    expect(metrics(scriptEmulator(CODE), 'readAfterWrite')).toMatchObject({
      reads: 1,
      writes: 1,
      flushes: 1,
      calls: 2,
      byApi: { 'Range.setValue': 1, 'Range.getValue': 1 },
    });
  });

  it('batched reads before writes count no flush', () => {
    expect(metrics(scriptEmulator(CODE), 'batched')).toMatchObject({
      reads: 2,
      writes: 2,
      flushes: 0,
      calls: 4,
    });
  });

  it('alternating per-cell reads and writes flush on every read after the first', () => {
    expect(metrics(scriptEmulator(CODE), 'perCell')).toMatchObject({ reads: 3, writes: 3, flushes: 2 });
  });

  it('SpreadsheetApp.flush() sends pending writes once, so the next read needs no flush of its own', () => {
    const emu = scriptEmulator(`
      function flushed() {
        var r = SpreadsheetApp.getActiveSheet().getRange('A1');
        SpreadsheetApp.flush();
        r.setValue(1);
        SpreadsheetApp.flush();
        SpreadsheetApp.flush();
        return r.getValue();
      }`);
    const m = emu.call('flushed', [], OWNER).metrics;
    expect(m.flushes).toBe(1);
    expect(m.calls).toBe(2);
  });

  it('metrics are recorded per execution in world.executions', () => {
    const emu = scriptEmulator(CODE);
    emu.call('batched', [], OWNER);
    emu.call('readAfterWrite', [], OWNER);
    expect(emu.world.executions.map((m) => [m.fn, m.user, m.ok, m.flushes])).toEqual([
      ['batched', OWNER, true, 0],
      ['readAfterWrite', OWNER, true, 1],
    ]);
  });
});

describe('Fault injection', () => {
  const CODE = `
    function reads() {
      var s = SpreadsheetApp.getActiveSheet();
      var out = [];
      for (var i = 0; i < 4; i++) {
        try { s.getLastRow(); out.push('ok'); } catch (e) { out.push(e.message); }
      }
      try { SpreadsheetApp.getActiveSheet(); out.push('meta ok'); } catch (e) { out.push('meta: ' + e.message); }
      console.log(JSON.stringify(out));
      return out;
    }
  `;
  const DIED = 'Execution was terminated (injected fault).';
  const seen = (emu: Emu) => JSON.parse(emu.world.logs.filter((l) => l.level === 'log').at(-1)!.message);

  it('dieAtCall makes the N-th service call throw, and every later call throw too', () => {
    const emu = scriptEmulator(CODE);
    emu.dieAtCall = 2;
    emu.call('reads', [], OWNER);
    expect(seen(emu)).toEqual(['ok', DIED, DIED, DIED, `meta: ${DIED}`]);
  });

  it('a terminated execution fails even when the script catches the error, as Apps Script ends it there', () => {
    const emu = scriptEmulator(CODE);
    emu.dieAtCall = 2;
    const r = emu.call('reads', [], OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe(DIED);
    expect(r.result).toBeNull();
  });

  it('dieAtCall applies to the next execution only', () => {
    const emu = scriptEmulator(CODE);
    emu.dieAtCall = 1;
    emu.call('reads', [], OWNER);
    expect(run(emu, 'reads')).toEqual(['ok', 'ok', 'ok', 'ok', 'meta ok']);
  });
});
