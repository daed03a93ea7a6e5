// Contract tests for data validation (builder readback, user edits only) and protections (editor rules, enforcement).
import { describe, expect, it } from 'vitest';
import { applyUserEdit } from '../../emulator/edits';
import { PROTECTED_MESSAGE } from '../../emulator/model/sheet-ops';
import { EDITOR, FIRST_SHEET, OWNER, scriptEmulator } from '../helpers/script';

const EXACT_PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

type Emu = ReturnType<typeof scriptEmulator>;
const run = <T>(emu: Emu, fn: string, ...args: unknown[]) => emu.callOk<T>(fn, args, OWNER);
const edit = (emu: Emu, a1: string, value: string, user: string) =>
  applyUserEdit(emu, { sheet: FIRST_SHEET, a1, value, user });
const cell = (emu: Emu, row: number, col: number) =>
  emu.world.spreadsheet.sheets[0]!.rows[row - 1]?.[col - 1] ?? '';

describe('DataValidation builder readback', () => {
  const CODE = `
    function describe_(rule) {
      var values = rule.getCriteriaValues();
      return { type: String(rule.getCriteriaType()), allowInvalid: rule.getAllowInvalid(), help: rule.getHelpText(),
        values: values.map(function (v) {
          return v && typeof v.getA1Notation === 'function' ? { range: v.getSheet().getName() + '!' + v.getA1Notation() } : v;
        }) };
    }
    function listRule() {
      var rule = SpreadsheetApp.newDataValidation().requireValueInList(['待办', '完成']).build();
      return { built: describe_(rule), isEnum: rule.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST };
    }
    function listRuleNoDropdown() {
      return describe_(SpreadsheetApp.newDataValidation().requireValueInList(['a'], false).build());
    }
    function rangeRule() {
      var sheet = SpreadsheetApp.getActiveSheet();
      var rule = SpreadsheetApp.newDataValidation().requireValueInRange(sheet.getRange('F2:F20'), false)
        .setAllowInvalid(false).setHelpText('Pick a member').build();
      sheet.getRange('B2:B5').setDataValidation(rule);
      return { built: describe_(rule), stored: describe_(sheet.getRange('B3').getDataValidation()),
        outside: sheet.getRange('C3').getDataValidation() };
    }
    function requireDate(arg) { SpreadsheetApp.newDataValidation().requireDate(arg); }
  `;

  it('VALUE_IN_LIST reads back [values, showDropdown] with showDropdown true by default', () => {
    const emu = scriptEmulator(CODE);
    expect(run(emu, 'listRule')).toEqual({
      built: { type: 'VALUE_IN_LIST', allowInvalid: true, help: '', values: [['待办', '完成'], true] },
      isEnum: true,
    });
    expect(run<{ values: unknown[] }>(emu, 'listRuleNoDropdown').values).toEqual([['a'], false]);
  });

  it('getAllowInvalid defaults to true (warn, not reject) and getHelpText to ""', () => {
    const emu = scriptEmulator(CODE);
    expect(run<{ built: { allowInvalid: boolean; help: string } }>(emu, 'listRule').built).toMatchObject({
      allowInvalid: true,
      help: '',
    });
  });

  it('VALUE_IN_RANGE reads back [Range, showDropdown], from the builder and from the cell', () => {
    const emu = scriptEmulator(CODE);
    const expected = {
      type: 'VALUE_IN_RANGE',
      allowInvalid: false,
      help: 'Pick a member',
      values: [{ range: `${FIRST_SHEET}!F2:F20` }, false],
    };
    expect(run(emu, 'rangeRule')).toEqual({ built: expected, stored: expected, outside: null });
  });

  it('requireDate("x") throws the signature error', () => {
    const emu = scriptEmulator(CODE);
    expect(emu.call('requireDate', ['=I1'], OWNER).error?.message).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireDate.",
    );
  });
  it('requireDate(5) names the argument type in the signature error', () => {
    const emu = scriptEmulator(CODE);
    expect(emu.call('requireDate', [5], OWNER).error?.message).toBe(
      "The parameters (number) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireDate.",
    );
  });
});

describe('Data validation applies to user edits only', () => {
  const CODE = `
    function rule(reject) {
      SpreadsheetApp.getActiveSheet().getRange('B2').setDataValidation(SpreadsheetApp.newDataValidation()
        .requireValueInList(['待办', '完成']).setAllowInvalid(!reject).setHelpText('Choose 待办 or 完成').build());
    }
    function write(value) { SpreadsheetApp.getActiveSheet().getRange('B2').setValues([[value]]); }
    function read() { return SpreadsheetApp.getActiveSheet().getRange('B2').getValue(); }
  `;

  it('a rejecting rule refuses an invalid user edit and leaves the cell unchanged', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'rule', true);
    expect(edit(emu, 'B2', '待办', OWNER).ok).toBe(true);
    const out = edit(emu, 'B2', '其他', OWNER);
    expect(out.ok).toBe(false);
    expect(out.rejected).toBe('Choose 待办 or 完成');
    expect(run(emu, 'read')).toBe('待办');
  });

  // unverified: script writes are not validated.
  it('a script setValues of the same invalid value succeeds', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'rule', true);
    expect(emu.call('write', ['其他'], OWNER).ok).toBe(true);
    expect(run(emu, 'read')).toBe('其他');
  });

  it('a warn-only rule (allowInvalid true) accepts the invalid edit with a warning', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'rule', false);
    const out = edit(emu, 'B2', '其他', OWNER);
    expect(out.ok).toBe(true);
    expect(out.warnings).toEqual(['Invalid (warning): Choose 待办 or 完成']);
    expect(cell(emu, 2, 2)).toBe('其他');
  });
});

describe('Protection', () => {
  const CODE = `
    function protect(a1) { SpreadsheetApp.getActiveSheet().getRange(a1).protect().setDescription(a1); }
    function find_(a1) {
      return SpreadsheetApp.getActiveSheet().getProtections(SpreadsheetApp.ProtectionType.RANGE).filter(function (p) {
        return p.getDescription() === a1; })[0];
    }
    function editors(a1) {
      return find_(a1).getEditors().map(function (u) { return u.getEmail(); }).sort();
    }
    function removeEditors(a1, emails) { find_(a1).removeEditors(emails); }
    function lockDown(a1) {
      var p = SpreadsheetApp.getActiveSheet().getRange(a1).protect().setDescription(a1);
      p.addEditor(Session.getEffectiveUser());
      p.removeEditors(p.getEditors());
      if (p.canDomainEdit()) p.setDomainEdit(false);
      return p.getEditors().map(function (u) { return u.getEmail(); }).sort();
    }
    function warnOnly(a1) { find_(a1).setWarningOnly(true); }
    function write(a1, value) { SpreadsheetApp.getActiveSheet().getRange(a1).setValue(value); }
    function count() { return SpreadsheetApp.getActiveSheet().getProtections(SpreadsheetApp.ProtectionType.RANGE).length; }
  `;

  it('Range.protect() mirrors the file editors until a script changes the editor list', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'protect', 'A1:B2');
    expect(run(emu, 'editors', 'A1:B2')).toEqual([EDITOR, OWNER]);
    // Mirroring: a file editor still edits freely, and someone added to the file later is mirrored too.
    expect(edit(emu, 'A1', 'ed typed', EDITOR)).toMatchObject({ ok: true, warnings: [] });
    emu.world.spreadsheet.editors.push('new@example.com');
    expect(run(emu, 'editors', 'A1:B2')).toEqual([EDITOR, 'new@example.com', OWNER]);
    run(emu, 'removeEditors', 'A1:B2', ['new@example.com']);
    expect(run(emu, 'editors', 'A1:B2')).toEqual([EDITOR, OWNER]);
    emu.world.spreadsheet.editors.push('later@example.com');
    expect(run(emu, 'editors', 'A1:B2')).toEqual([EDITOR, OWNER]);
  });

  it('protecting an already protected range creates a second, overlapping protection', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'protect', 'A1:B2');
    run(emu, 'protect', 'B2:C3');
    expect(run(emu, 'count')).toBe(2);
  });

  it('the canonical pattern (addEditor(me); removeEditors(getEditors())) leaves the owner and me', () => {
    const emu = scriptEmulator(CODE);
    emu.world.spreadsheet.editors.push('other@example.com');
    expect(emu.callOk('lockDown', ['A1:A10'], EDITOR)).toEqual([EDITOR, OWNER]);
    expect(run(emu, 'lockDown', 'C1:C10')).toEqual([OWNER]);
  });

  it('removeEditors cannot remove the owner or the current user', () => {
    const emu = scriptEmulator(CODE);
    emu.world.spreadsheet.editors.push('other@example.com');
    emu.callOk('protect', ['A1'], EDITOR);
    emu.callOk('removeEditors', ['A1', [OWNER, EDITOR, 'other@example.com']], EDITOR);
    expect(run(emu, 'editors', 'A1')).toEqual([EDITOR, OWNER]);
  });

  it("rejects a non-editor's user edit of a protected range, and a warning-only protection lets it through with a warning", () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'lockDown', 'A1:B2');
    const refused = edit(emu, 'B2', 'nope', EDITOR);
    expect(refused).toMatchObject({ ok: false, rejected: PROTECTED_MESSAGE });
    expect(cell(emu, 2, 2)).toBe('');
    expect(edit(emu, 'C3', 'outside', EDITOR).ok).toBe(true);
    expect(edit(emu, 'B2', 'owner typed', OWNER).ok).toBe(true);

    run(emu, 'warnOnly', 'A1:B2');
    const warned = edit(emu, 'B2', 'with warning', EDITOR);
    expect(warned.ok).toBe(true);
    expect(warned.warnings).toHaveLength(1);
    expect(cell(emu, 2, 2)).toBe('with warning');
  });

  it('a script running as a non-editor cannot write a protected range', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'lockDown', 'A1:B2');
    const r = emu.call('write', ['A1', 'x'], EDITOR);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe(EXACT_PROTECTED);
    expect(cell(emu, 1, 1)).toBe('');
    expect(emu.call('write', ['C1', 'x'], EDITOR).ok).toBe(true);
    expect(emu.call('write', ['A1', 'y'], OWNER).ok).toBe(true);
  });

  // unverified: Sheet.protect() returning the existing sheet protection.
  it('Sheet.protect() returns the existing sheet protection', () => {
    const emu = scriptEmulator(`
      function twice() {
        var sheet = SpreadsheetApp.getActiveSheet();
        sheet.protect().setDescription('whole sheet');
        var again = sheet.protect();
        return { description: again.getDescription(), type: String(again.getProtectionType()),
          count: sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length };
      }`);
    expect(run(emu, 'twice')).toEqual({ description: 'whole sheet', type: 'SHEET', count: 1 });
  });
});
