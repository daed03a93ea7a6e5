// Contract tests for ScriptApp triggers: limits, add-on rules, time-driven firing, and who edit triggers run as.
import { describe, expect, it } from 'vitest';
import { firings, runDueTriggers } from '../../emulator/clock';
import { applyUserEdit } from '../../emulator/edits';
import { EDITOR, FIRST_SHEET, NOW, OWNER, scriptEmulator } from '../helpers/script';

const HOUR = 3_600_000;
const TOO_MANY =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

const CODE = `
function hourly(handler) {
  var t = ScriptApp.newTrigger(handler || 'tick').timeBased().everyHours(1).create();
  return { uid: t.getUniqueId(), handler: t.getHandlerFunction(), type: String(t.getEventType()),
    source: String(t.getTriggerSource()), isClock: t.getEventType() === ScriptApp.EventType.CLOCK };
}
function minutes(n) { ScriptApp.newTrigger('tick').timeBased().everyMinutes(n).create(); }
function daily() { ScriptApp.newTrigger('tick').timeBased().atHour(9).everyDays(1).create(); }
function list() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); }); }
function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
function tick(e) {
  return { fullAuth: e.authMode === ScriptApp.AuthMode.FULL, uid: e.triggerUid, year: e.year, month: e.month,
    day: e['day-of-month'], hour: e.hour, minute: e.minute, timezone: e.timezone,
    active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail(), now: Date.now() };
}
`;

type Emu = ReturnType<typeof scriptEmulator>;
const run = <T>(emu: Emu, fn: string, user = OWNER, ...args: unknown[]) => emu.callOk<T>(fn, args, user);

describe('Installable time-driven triggers', () => {
  it('newTrigger().timeBased().everyHours(1).create() returns a CLOCK trigger for the handler', () => {
    const emu = scriptEmulator(CODE);
    const t = run<{ uid: string }>(emu, 'hourly');
    expect(t).toMatchObject({ handler: 'tick', type: 'CLOCK', source: 'CLOCK', isClock: true });
    expect(emu.world.triggers).toHaveLength(1);
    expect(emu.world.triggers[0]).toMatchObject({ uid: t.uid, owner: OWNER, clock: { everyHours: 1 } });
  });

  it('getProjectTriggers lists a trigger only for the user who created it', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'hourly');
    expect(run(emu, 'list')).toEqual(['tick']);
    expect(run(emu, 'list', EDITOR)).toEqual([]);
  });

  it('refuses a 21st trigger for one user with the too-many-triggers message, but not for another user', () => {
    const emu = scriptEmulator(
      `${CODE}
      function many(n) { for (var i = 0; i < n; i++) ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }`,
      { config: { mode: 'bound' } },
    );
    run(emu, 'many', OWNER, 20);
    const r = emu.call('many', [1], OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe(TOO_MANY);
    expect(emu.world.triggers).toHaveLength(20);
    run(emu, 'many', EDITOR, 1);
    expect(emu.world.triggers).toHaveLength(21);
  });

  it('add-on mode (the default) refuses a second CLOCK trigger for the same user and document', () => {
    const emu = scriptEmulator(CODE);
    expect(emu.world.config.mode).toBe('addon');
    run(emu, 'hourly');
    const r = emu.call('daily', [], OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(/only one CLOCK trigger per user per document/);
    expect(emu.world.triggers).toHaveLength(1);
    run(emu, 'hourly', EDITOR);
    expect(emu.world.triggers).toHaveLength(2);
  });

  it('add-on mode refuses everyMinutes (add-on time triggers run at most hourly)', () => {
    const emu = scriptEmulator(CODE);
    const r = emu.call('minutes', [5], OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(/more frequently than once per hour/);
    expect(emu.world.triggers).toHaveLength(0);
  });

  it('bound mode allows several CLOCK triggers per user and everyMinutes', () => {
    const emu = scriptEmulator(CODE, { config: { mode: 'bound' } });
    run(emu, 'hourly');
    run(emu, 'daily');
    run(emu, 'minutes', OWNER, 5);
    expect(run(emu, 'list')).toEqual(['tick', 'tick', 'tick']);
    expect(emu.world.triggers.map((t) => t.clock)).toEqual([
      { everyHours: 1 },
      { atHour: 9, everyDays: 1 },
      { everyMinutes: 5 },
    ]);
  });

  it('everyMinutes accepts only 1, 5, 10, 15 or 30', () => {
    const emu = scriptEmulator(CODE, { config: { mode: 'bound' } });
    expect(emu.call('minutes', [7], OWNER).ok).toBe(false);
    expect(emu.world.triggers).toHaveLength(0);
  });

  it('deleteTrigger removes the trigger', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'hourly');
    run(emu, 'removeAll');
    expect(run(emu, 'list')).toEqual([]);
    expect(emu.world.triggers).toHaveLength(0);
    // With the add-on's one slot free again, a new trigger can be made.
    run(emu, 'hourly');
    expect(emu.world.triggers).toHaveLength(1);
  });

  it('an hourly trigger fires 24 times over a day, at the minute chosen when it was created', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'hourly');
    const t = emu.world.triggers[0]!;
    const times = firings(t, NOW, NOW + 24 * HOUR, 'Asia/Shanghai');
    expect(times).toHaveLength(24);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times.every((at) => at > NOW && at <= NOW + 24 * HOUR)).toBe(true);
    // One firing in each hour of the day.
    expect(new Set(times.map((at) => Math.floor((at - NOW) / HOUR))).size).toBe(24);
    expect(new Set(times.map((at) => new Date(at).getUTCMinutes()))).toEqual(new Set([t.minuteOffset]));
    // The seconds vary from hour to hour.
    expect(new Set(times.map((at) => new Date(at).getUTCSeconds())).size).toBeGreaterThan(1);
  });

  it('runDueTriggers runs firings in time order, each as its owner, with the clock event object', () => {
    const emu = scriptEmulator(CODE);
    const mine = run<{ uid: string }>(emu, 'hourly').uid;
    const theirs = run<{ uid: string }>(emu, 'hourly', EDITOR).uid;
    const until = NOW + 6 * HOUR;
    const fired = runDueTriggers(emu, until, 'Asia/Shanghai');
    expect(fired).toHaveLength(12);
    const ats = fired.map((f) => Date.parse(f.at));
    expect([...ats].sort((a, b) => a - b)).toEqual(ats);
    for (const f of fired) {
      expect(f.result.ok).toBe(true);
      const e = f.result.result as Record<string, unknown>;
      const at = new Date(f.at);
      const owner = e.uid === mine ? OWNER : EDITOR;
      expect([mine, theirs]).toContain(e.uid);
      expect(e).toEqual({
        fullAuth: true,
        uid: e.uid,
        year: 2024,
        month: 10,
        day: at.getUTCDate(),
        hour: at.getUTCHours(),
        minute: at.getUTCMinutes(),
        timezone: 'UTC',
        active: owner,
        effective: owner,
        now: at.getTime(),
      });
    }
    expect(emu.world.clock.now).toBe(until);
    // Nothing is due twice.
    expect(runDueTriggers(emu, until, 'Asia/Shanghai')).toEqual([]);
  });
});

describe('Edit triggers', () => {
  const EDIT_CODE = `
    function installOnEdit() {
      ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
    }
    function onEditInstalled(e) {
      PropertiesService.getScriptProperties().setProperty('installed', JSON.stringify({
        active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail(),
        full: e.authMode === ScriptApp.AuthMode.FULL, uid: e.triggerUid, value: e.value, a1: e.range.getA1Notation() }));
    }
  `;
  const userEdit = (emu: Emu, user: string) =>
    applyUserEdit(emu, { sheet: FIRST_SHEET, a1: 'C3', value: 'typed', user });
  const seen = (emu: Emu) => JSON.parse(emu.world.properties.script.installed ?? 'null');

  it("an installable onEdit trigger made by A runs as A when B edits; in consumer mode B's identity is hidden", () => {
    const emu = scriptEmulator(EDIT_CODE, { config: { identity: 'consumer' } });
    run(emu, 'installOnEdit');
    const uid = emu.world.triggers[0]!.uid;
    const out = userEdit(emu, EDITOR);
    expect(out.triggers).toEqual([{ fn: 'onEditInstalled', ok: true }]);
    expect(seen(emu)).toEqual({ active: '', effective: OWNER, full: true, uid, value: 'typed', a1: 'C3' });
  });

  it('in domain mode the installable onEdit trigger sees B as the active user, still running as A', () => {
    const emu = scriptEmulator(EDIT_CODE, { config: { identity: 'domain' } });
    run(emu, 'installOnEdit');
    userEdit(emu, EDITOR);
    expect(seen(emu)).toMatchObject({ active: EDITOR, effective: OWNER });
  });

  it("a simple onEdit in consumer mode sees '' as the active user", () => {
    const emu = scriptEmulator(
      `function onEdit(e) {
        console.log(JSON.stringify({ active: Session.getActiveUser().getEmail(), user: e.user.getEmail(),
          limited: e.authMode === ScriptApp.AuthMode.LIMITED, value: e.value }));
      }`,
      { config: { identity: 'consumer' } },
    );
    const out = userEdit(emu, EDITOR);
    expect(out.triggers).toEqual([{ fn: 'onEdit', ok: true }]);
    expect(emu.world.logs.map((l) => JSON.parse(l.message))).toEqual([
      { active: '', user: '', limited: true, value: 'typed' },
    ]);
  });

  it('script writes never fire onEdit, simple or installable', () => {
    const emu = scriptEmulator(`${EDIT_CODE}
      function onEdit(e) { console.log('simple onEdit ran'); }
      function write() {
        var s = SpreadsheetApp.getActiveSheet();
        s.getRange('A1').setValue('x');
        s.getRange('A2:B2').setValues([[1, 2]]);
        s.appendRow(['appended']);
      }`);
    run(emu, 'installOnEdit');
    run(emu, 'write');
    expect(emu.world.logs).toEqual([]);
    expect(emu.world.properties.script.installed).toBeUndefined();
    expect(emu.world.executions.map((x) => x.fn)).toEqual(['installOnEdit', 'write']);
  });
});
