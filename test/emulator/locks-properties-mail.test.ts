// Contract tests for LockService (contention on the simulated clock), PropertiesService stores and MailApp quotas.
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../emulator/sandbox';
import { EDITOR, NOW, OWNER, scriptEmulator } from '../helpers/script';

type Emu = ReturnType<typeof scriptEmulator>;
const run = <T>(emu: Emu, fn: string, user = OWNER, ...args: unknown[]) => emu.callOk<T>(fn, args, user);

describe('LockService', () => {
  const CODE = `
    function holdAndWrite() {
      var lock = LockService.getDocumentLock();
      var got = lock.tryLock(1000);
      SpreadsheetApp.getActiveSheet().getRange('A1').setValue('first');
      return { got: got, has: lock.hasLock() };
    }
    function contendTry() {
      var before = Date.now();
      var got = LockService.getDocumentLock().tryLock(5000);
      return { got: got, waited: Date.now() - before };
    }
    function contendWait() {
      LockService.getDocumentLock().waitLock(10000);
      return 'acquired';
    }
    function takeOnly() { return LockService.getDocumentLock().tryLock(0); }
  `;

  /** Runs holdAndWrite and, from inside it (just before its write), the given contender. */
  function race(contender: string): { outer: RunResult; inner: RunResult; emu: Emu } {
    const emu = scriptEmulator(CODE);
    let inner: RunResult | null = null;
    emu.beforeCall = (api) => {
      if (api === 'Range.setValue' && inner === null) inner = emu.call(contender, [], EDITOR);
    };
    const outer = emu.call('holdAndWrite', [], OWNER);
    return { outer, inner: inner!, emu };
  }

  it('getDocumentLock().tryLock succeeds when nobody holds the lock', () => {
    const emu = scriptEmulator(CODE);
    expect(run(emu, 'holdAndWrite')).toEqual({ got: true, has: true });
  });

  it('a second execution gets tryLock false while the first holds the lock, and the clock advances by the timeout', () => {
    const { outer, inner, emu } = race('contendTry');
    expect(outer.ok).toBe(true);
    expect(inner.ok).toBe(true);
    expect(inner.result).toEqual({ got: false, waited: 5000 });
    expect(emu.world.clock.now).toBe(NOW + 5000);
  });

  it("waitLock throws 'Lock timeout: another process was holding the lock for too long.' under contention", () => {
    const { outer, inner, emu } = race('contendWait');
    expect(outer.ok).toBe(true);
    expect(inner.ok).toBe(false);
    expect(inner.error?.message).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(emu.world.clock.now).toBe(NOW + 10_000);
  });

  it('locks are released when an execution ends, even without releaseLock', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'holdAndWrite');
    expect(emu.world.locks).toEqual({});
    expect(run(emu, 'takeOnly', EDITOR)).toBe(true);
    expect(emu.world.locks).toEqual({});
  });

  it('a failed execution releases its lock too', () => {
    const emu = scriptEmulator(`${CODE}
      function lockThenThrow() { LockService.getDocumentLock().waitLock(1000); throw new Error('boom'); }`);
    expect(emu.call('lockThenThrow', [], OWNER).ok).toBe(false);
    expect(emu.world.locks).toEqual({});
    expect(run(emu, 'takeOnly', EDITOR)).toBe(true);
  });
});

describe('PropertiesService', () => {
  const CODE = `
    function roundTrip() {
      var p = PropertiesService.getScriptProperties();
      p.setProperty('n', 5);
      p.setProperty('b', true);
      return { n: p.getProperty('n'), nType: typeof p.getProperty('n'), b: p.getProperty('b'), missing: p.getProperty('nope') };
    }
    function copy() {
      var p = PropertiesService.getScriptProperties();
      p.setProperty('k', 'v');
      var all = p.getProperties();
      all.k = 'changed';
      all.extra = 'added';
      return { k: p.getProperty('k'), extra: p.getProperty('extra'), keys: p.getKeys() };
    }
    function big(size, ch) { PropertiesService.getScriptProperties().setProperty('big', new Array(size + 1).join(ch || 'x')); }
    function setAll(tag) {
      PropertiesService.getScriptProperties().setProperty('who', 'script:' + tag);
      PropertiesService.getDocumentProperties().setProperty('who', 'document:' + tag);
      PropertiesService.getUserProperties().setProperty('who', 'user:' + tag);
    }
    function getAll() {
      return [PropertiesService.getScriptProperties().getProperty('who'),
        PropertiesService.getDocumentProperties().getProperty('who'),
        PropertiesService.getUserProperties().getProperty('who')];
    }
  `;

  // unverified: non-string values read back as their String() form.
  it('values come back as strings, and a missing key gives null', () => {
    const emu = scriptEmulator(CODE);
    expect(run(emu, 'roundTrip')).toEqual({ n: '5', nType: 'string', b: 'true', missing: null });
  });

  it('getProperties returns a copy', () => {
    const emu = scriptEmulator(CODE);
    expect(run(emu, 'copy')).toEqual({ k: 'v', extra: null, keys: ['k'] });
  });

  // unverified: the error text for a too-large value.
  it('a 10 KB value throws (the limit is 9 KB per value)', () => {
    const emu = scriptEmulator(CODE);
    const r = emu.call('big', [10 * 1024], OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe('Argument too large: value');
    expect(emu.world.properties.script.big).toBeUndefined();
    expect(emu.call('big', [8 * 1024], OWNER).ok).toBe(true);
  });
  // unverified: that the quota counts UTF-8 bytes.
  it('the 9 KB limit counts bytes: 4,000 CJK characters (12,000 UTF-8 bytes) are too large', () => {
    const emu = scriptEmulator(CODE);
    expect(emu.call('big', [4000, '任'], OWNER).ok).toBe(false);
  });

  it('script and document stores are shared by all users; the user store is per user', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'setAll', OWNER, 'owner');
    expect(run(emu, 'getAll', EDITOR)).toEqual(['script:owner', 'document:owner', null]);
    run(emu, 'setAll', EDITOR, 'ed');
    expect(run(emu, 'getAll', OWNER)).toEqual(['script:ed', 'document:ed', 'user:owner']);
    expect(run(emu, 'getAll', EDITOR)).toEqual(['script:ed', 'document:ed', 'user:ed']);
  });
});

describe('MailApp', () => {
  const CODE = `
    function send(to, cc) {
      MailApp.sendEmail({ to: to, cc: cc || '', subject: '任务提醒', body: 'plain text', htmlBody: '<b>html</b>', name: 'Task Sync' });
      return MailApp.getRemainingDailyQuota();
    }
    function quota() { return MailApp.getRemainingDailyQuota(); }
    function onOpen(e) { MailApp.sendEmail('a@example.com', 'subject', 'body'); }
  `;

  it('sendEmail records the message, with its htmlBody, in the outbox', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'send', OWNER, 'a@example.com');
    expect(emu.world.outbox).toEqual([
      expect.objectContaining({
        to: 'a@example.com',
        subject: '任务提醒',
        body: 'plain text',
        htmlBody: '<b>html</b>',
        name: 'Task Sync',
        from: OWNER,
      }),
    ]);
  });

  it('counts recipients (to, cc) against the daily quota, and getRemainingDailyQuota decreases', () => {
    const emu = scriptEmulator(CODE, { config: { mailDailyQuota: 10 } });
    expect(run(emu, 'quota')).toBe(10);
    expect(run(emu, 'send', OWNER, 'a@example.com, b@example.com', 'c@example.com')).toBe(7);
    expect(run(emu, 'quota', EDITOR)).toBe(7);
  });

  it("an exhausted quota throws 'Service invoked too many times for one day: email.'", () => {
    const emu = scriptEmulator(CODE, { config: { mailDailyQuota: 2 } });
    run(emu, 'send', OWNER, 'a@example.com, b@example.com');
    const r = emu.call('send', ['c@example.com'], OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe('Service invoked too many times for one day: email.');
    expect(emu.world.outbox).toHaveLength(1);
  });

  it('a simple trigger cannot send mail', () => {
    const emu = scriptEmulator(CODE);
    const r = emu.simpleTrigger('onOpen', { kind: 'open', user: OWNER, authMode: 'LIMITED' }, OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(/^You do not have permission to call MailApp\.sendEmail/);
    expect(emu.world.outbox).toEqual([]);
  });
  it("a simple trigger's mail error is Apps Script's required-permissions message", () => {
    const emu = scriptEmulator(CODE);
    const r = emu.simpleTrigger('onOpen', { kind: 'open', user: OWNER, authMode: 'LIMITED' }, OWNER);
    expect(r.error?.message).toBe(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
  });
});
