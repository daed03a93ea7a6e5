// Contract tests for Session identity, getUi() availability and what AuthMode.NONE allows in onOpen.
import { describe, expect, it } from 'vitest';
import { runDueTriggers } from '../../emulator/clock';
import { EDITOR, NOW, OWNER, scriptEmulator } from '../helpers/script';

const GET_UI = 'Cannot call SpreadsheetApp.getUi() from this context.';

describe('Session', () => {
  it('getActiveUser and getEffectiveUser are the calling user in a user-initiated execution', () => {
    const emu = scriptEmulator(`
      function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }`);
    expect(emu.callOk('who', [], EDITOR)).toEqual([EDITOR, EDITOR]);
    expect(emu.callOk('who', [], OWNER)).toEqual([OWNER, OWNER]);
  });
});

describe('SpreadsheetApp.getUi', () => {
  const CODE = `
    function alertUser() { SpreadsheetApp.getUi().alert('hello'); return 'shown'; }
    function schedule() { ScriptApp.newTrigger('alertUser').timeBased().everyHours(1).create(); }
  `;

  it("throws 'Cannot call SpreadsheetApp.getUi() from this context.' in a time-driven run", () => {
    const emu = scriptEmulator(CODE);
    emu.callOk('schedule', [], OWNER);
    const fired = runDueTriggers(emu, NOW + 2 * 3_600_000, 'Asia/Shanghai');
    expect(fired.length).toBeGreaterThan(0);
    for (const f of fired) {
      expect(f.result.ok).toBe(false);
      expect(f.result.error?.message).toBe(GET_UI);
    }
    expect(emu.world.ui.alerts).toEqual([]);
  });

  it('works in a user-initiated call()', () => {
    const emu = scriptEmulator(CODE);
    expect(emu.callOk('alertUser', [], OWNER)).toBe('shown');
    expect(emu.world.ui.alerts).toEqual([{ title: '', prompt: 'hello', buttons: 'OK' }]);
  });

  it('throws in a call() made without a UI', () => {
    const emu = scriptEmulator(CODE);
    expect(emu.call('alertUser', [], OWNER, { ui: false }).error?.message).toBe(GET_UI);
  });
});

describe('AuthMode.NONE', () => {
  const CODE = `
    function onOpen(e) {
      var menu = SpreadsheetApp.getUi().createAddonMenu().addItem('打开侧边栏', 'showSidebar');
      var failures = {};
      if (e && e.authMode === ScriptApp.AuthMode.NONE) {
        try { PropertiesService.getScriptProperties(); } catch (err) { failures.properties = err.message; }
        try { SpreadsheetApp.getActiveSpreadsheet(); } catch (err) { failures.spreadsheet = err.message; }
      } else {
        menu.addSeparator().addItem('设置', 'showSettings');
        failures.sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName();
      }
      menu.addToUi();
      return failures;
    }
  `;

  it('onOpen may build the add-on menu but PropertiesService and getActiveSpreadsheet throw', () => {
    const emu = scriptEmulator(CODE);
    const r = emu.simpleTrigger('onOpen', { kind: 'open', user: OWNER, authMode: 'NONE' }, OWNER, 'NONE');
    expect(r.ok).toBe(true);
    const failures = r.result as Record<string, string>;
    expect(Object.keys(failures).sort()).toEqual(['properties', 'spreadsheet']);
    expect(failures.properties).toMatch(
      /^You do not have permission to call PropertiesService\.getScriptProperties/,
    );
    expect(failures.spreadsheet).toMatch(
      /^You do not have permission to call SpreadsheetApp\.getActiveSpreadsheet/,
    );
    expect(emu.world.ui.menus).toEqual([
      { title: '任务同步', items: [{ caption: '打开侧边栏', functionName: 'showSidebar' }] },
    ]);
    expect(emu.world.properties.script).toEqual({});
  });

  it('onOpen in LIMITED mode reads the bound file and builds the full menu', () => {
    const emu = scriptEmulator(CODE);
    const r = emu.simpleTrigger(
      'onOpen',
      { kind: 'open', user: OWNER, authMode: 'LIMITED' },
      OWNER,
      'LIMITED',
    );
    expect(r.result).toEqual({ sheet: '工作表1' });
    expect(emu.world.ui.menus[0]!.items).toHaveLength(3);
  });

  it('the onOpen event carries no source spreadsheet in NONE mode', () => {
    const emu = scriptEmulator('function onOpen(e) { return [String(e.authMode), e.source === undefined]; }');
    const r = emu.simpleTrigger('onOpen', { kind: 'open', user: OWNER, authMode: 'NONE' }, OWNER, 'NONE');
    expect(r.result).toEqual(['NONE', true]);
  });
});
