// Contract tests for sheets and their shape: getRange bounds, data range, insertSheet, appendRow, row insertion and deletion.
import { describe, expect, it } from 'vitest';
import { FIRST_SHEET, OWNER, scriptEmulator } from '../helpers/script';

const CODE = `
function sheet_() { return SpreadsheetApp.getActiveSheet(); }
function range(r, c, nr, nc) { return sheet_().getRange(r, c, nr, nc).getA1Notation(); }
function rangeA1(a1) { return sheet_().getRange(a1).getA1Notation(); }
function put(a1, values) { sheet_().getRange(a1).setValues(values); }
function read(a1) { return sheet_().getRange(a1).getValues(); }
function size() { var s = sheet_(); return { rows: s.getMaxRows(), cols: s.getMaxColumns(), last: s.getLastRow() }; }
function deleteRows(start, n) { sheet_().deleteRows(start, n); }
function freeze(n) { sheet_().setFrozenRows(n); }
`;

type Emu = ReturnType<typeof scriptEmulator>;
const run = <T>(emu: Emu, fn: string, ...args: unknown[]) => emu.callOk<T>(fn, args, OWNER);
const fail = (emu: Emu, fn: string, ...args: unknown[]) => {
  const r = emu.call(fn, args, OWNER);
  expect(r.ok).toBe(false);
  return r.error!.message;
};

describe('Sheet.getRange', () => {
  it('is 1-based: getRange(2, 3, 2, 2) is C2:D3', () => {
    expect(run(scriptEmulator(CODE), 'range', 2, 3, 2, 2)).toBe('C2:D3');
  });

  it('throws "The number of rows in the range must be at least 1." for 0 rows', () => {
    expect(fail(scriptEmulator(CODE), 'range', 1, 1, 0, 1)).toBe(
      'The number of rows in the range must be at least 1.',
    );
  });

  it('throws the analogous columns message for 0 columns', () => {
    expect(fail(scriptEmulator(CODE), 'range', 1, 1, 1, 0)).toBe(
      'The number of columns in the range must be at least 1.',
    );
  });

  // unverified: the wording of the out-of-range error varies in real Apps Script.
  it('throws past the last row or column of the sheet', () => {
    const emu = scriptEmulator(CODE);
    expect(fail(emu, 'range', 1000, 1, 2, 1)).toMatch(/outside the dimensions of the sheet/);
    expect(fail(emu, 'range', 1, 27, 1, 1)).toMatch(/outside the dimensions of the sheet/);
    expect(fail(emu, 'rangeA1', 'A1001')).toMatch(/outside the dimensions of the sheet/);
    expect(run(emu, 'range', 1000, 26, 1, 1)).toBe('Z1000');
  });
});

describe('Sheet.getDataRange and getLastRow', () => {
  // unverified: getDataRange on an empty sheet.
  it('on an empty sheet getDataRange is A1 holding [[""]]', () => {
    const emu = scriptEmulator(`${CODE}
      function data() { var r = sheet_().getDataRange(); return [r.getA1Notation(), r.getValues()]; }`);
    expect(run(emu, 'data')).toEqual(['A1', [['']]]);
  });

  it('getLastRow and getLastColumn are 0 on an empty sheet', () => {
    const emu = scriptEmulator(`${CODE}
      function last() { return [sheet_().getLastRow(), sheet_().getLastColumn()]; }`);
    expect(run(emu, 'last')).toEqual([0, 0]);
  });

  it('getDataRange spans A1 to the last row and column with content', () => {
    const emu = scriptEmulator(`${CODE}
      function data() { return sheet_().getDataRange().getA1Notation(); }`);
    run(emu, 'put', 'C4', [['x']]);
    run(emu, 'put', 'E2', [[1]]);
    expect(run(emu, 'data')).toBe('A1:E4');
    expect(run<{ last: number }>(emu, 'size').last).toBe(4);
  });
});

describe('Sheet.getSheetValues', () => {
  const VALUES = `${CODE}
    function all() { return sheet_().getSheetValues(1, 1, -1, -1); }
    function block(r, c, nr, nc) { return sheet_().getSheetValues(r, c, nr, nc); }`;

  it('with -1 rows and columns gives every value to the last row and column with content, in one read', () => {
    const emu = scriptEmulator(VALUES);
    run(emu, 'put', 'C3', [['x']]);
    run(emu, 'put', 'A1', [[1]]);
    expect(run(emu, 'all')).toEqual([
      [1, '', ''],
      ['', '', ''],
      ['', '', 'x'],
    ]);
    const m = emu.world.executions.at(-1)!;
    expect(m.byApi['Sheet.getSheetValues']).toBe(1);
    expect(m.reads).toBe(1);
  });

  it('takes explicit sizes like getRange, and -1 for one side only', () => {
    const emu = scriptEmulator(VALUES);
    run(emu, 'put', 'A1:B3', [
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(run(emu, 'block', 2, 2, 2, 1)).toEqual([[4], [6]]);
    expect(run(emu, 'block', 2, 1, -1, 2)).toEqual([
      [3, 4],
      [5, 6],
    ]);
  });

  // unverified: real Apps Script's answer for -1 on an empty sheet; the product never relies on one.
  it('refuses a block of no rows (an empty sheet with -1)', () => {
    expect(fail(scriptEmulator(VALUES), 'all')).toBe('The number of rows in the range must be at least 1.');
  });
});

describe("reads of a sheet's extent are service calls", () => {
  it('counts getDataRange as a read, like getLastRow', () => {
    const emu = scriptEmulator(`${CODE}
      function data() { return sheet_().getDataRange().getValues(); }`);
    run(emu, 'put', 'A1', [['x']]);
    run(emu, 'data');
    const m = emu.world.executions.at(-1)!;
    expect(m.byApi['Sheet.getDataRange']).toBe(1);
    expect(m.reads).toBe(2);
  });
});

describe('Spreadsheet sheets', () => {
  it('getSheetByName returns null (no throw) for a missing sheet', () => {
    const emu = scriptEmulator(`
      function find(name) { var s = SpreadsheetApp.getActive().getSheetByName(name); return s === null ? null : s.getName(); }`);
    expect(run(emu, 'find', FIRST_SHEET)).toBe(FIRST_SHEET);
    expect(run(emu, 'find', 'Missing')).toBeNull();
  });

  it('insertSheet with an existing name throws the duplicate-name message', () => {
    const emu = scriptEmulator('function add(name) { SpreadsheetApp.getActive().insertSheet(name); }');
    run(emu, 'add', 'Tasks');
    const r = emu.call('add', ['Tasks'], OWNER);
    expect(r.error?.message).toBe('A sheet with the name "Tasks" already exists. Please enter another name.');
    expect(emu.world.spreadsheet.sheets.map((s) => s.name)).toEqual([FIRST_SHEET, 'Tasks']);
  });
  // unverified: reported (socialpoint-labs/sheetfu#26), not in the reference.
  it('insertSheet refuses a name that differs from an existing one only in case', () => {
    const emu = scriptEmulator('function add(name) { SpreadsheetApp.getActive().insertSheet(name); }');
    run(emu, 'add', 'Tasks');
    expect(emu.call('add', ['tasks'], OWNER).ok).toBe(false);
  });

  // unverified: the default size of a new sheet.
  it('insertSheet makes a 1000×26 sheet and activates it', () => {
    const emu = scriptEmulator(`
      function add() {
        var s = SpreadsheetApp.getActive().insertSheet('Tasks');
        var active = SpreadsheetApp.getActiveSheet();
        return { rows: s.getMaxRows(), cols: s.getMaxColumns(), active: active.getName(),
          activeOfFile: SpreadsheetApp.getActive().getActiveSheet().getName(), count: SpreadsheetApp.getActive().getSheets().length };
      }`);
    expect(run(emu, 'add')).toEqual({
      rows: 1000,
      cols: 26,
      active: 'Tasks',
      activeOfFile: 'Tasks',
      count: 2,
    });
  });
});

describe('Sheet.appendRow', () => {
  it('appends after the last row with content', () => {
    const emu = scriptEmulator(`${CODE}
      function append(row) { sheet_().appendRow(row); return sheet_().getLastRow(); }`);
    run(emu, 'put', 'A3', [['third']]);
    expect(run(emu, 'append', ['a', 1, true])).toBe(4);
    expect(run(emu, 'read', 'A3:C4')).toEqual([
      ['third', '', ''],
      ['a', 1, true],
    ]);
  });

  // unverified: appendRow growing maxRows.
  it('grows the sheet when the last row is full', () => {
    const emu = scriptEmulator(`${CODE}
      function append(row) { sheet_().appendRow(row); }`);
    run(emu, 'put', 'A1000', [['last']]);
    run(emu, 'append', ['next']);
    expect(run(emu, 'size')).toEqual({ rows: 1001, cols: 26, last: 1001 });
  });
});

describe('Sheet.deleteRows', () => {
  it('throws "Those rows are out of bounds." past the end of the sheet', () => {
    const emu = scriptEmulator(CODE);
    expect(fail(emu, 'deleteRows', 999, 5)).toBe('Those rows are out of bounds.');
    expect(fail(emu, 'deleteRows', 0, 1)).toBe('Those rows are out of bounds.');
  });

  it('refuses to delete every non-frozen row', () => {
    const emu = scriptEmulator(CODE);
    expect(fail(emu, 'deleteRows', 1, 1000)).toBe('Sorry, it is not possible to delete all non-frozen rows.');
    run(emu, 'freeze', 1);
    expect(fail(emu, 'deleteRows', 2, 999)).toBe('Sorry, it is not possible to delete all non-frozen rows.');
    run(emu, 'deleteRows', 2, 998);
    expect(run<{ rows: number }>(emu, 'size').rows).toBe(2);
  });

  it('shifts the values, notes, number formats, validations and protections below up', () => {
    const emu = scriptEmulator(`${CODE}
      function decorate() {
        var s = sheet_();
        s.getRange('A1:A5').setValues([['r1'], ['r2'], ['r3'], ['r4'], ['r5']]);
        var c = s.getRange('A5');
        c.setNote('note5');
        c.setNumberFormat('0.00');
        c.setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['r5']).build());
        c.protect().setDescription('p5');
      }
      function inspect() {
        var s = sheet_();
        var c = s.getRange('A3');
        var rule = c.getDataValidation();
        return { values: s.getRange('A1:A4').getValues(), note: c.getNote(), format: c.getNumberFormat(),
          rule: rule && rule.getCriteriaValues()[0], oldNote: s.getRange('A5').getNote(),
          oldFormat: s.getRange('A5').getNumberFormat(), oldRule: s.getRange('A5').getDataValidation(),
          protected: s.getProtections(SpreadsheetApp.ProtectionType.RANGE).map(function (p) {
            return p.getDescription() + '@' + p.getRange().getA1Notation(); }),
          maxRows: s.getMaxRows() };
      }`);
    run(emu, 'decorate');
    run(emu, 'deleteRows', 2, 2);
    expect(run(emu, 'inspect')).toEqual({
      values: [['r1'], ['r4'], ['r5'], ['']],
      note: 'note5',
      format: '0.00',
      rule: ['r5'],
      oldNote: '',
      oldFormat: 'General',
      oldRule: null,
      protected: ['p5@A3'],
      maxRows: 998,
    });
  });
});

describe('Sheet.insertRowsAfter', () => {
  it('gives the new rows the number format and validation of the row above, but not its values', () => {
    const emu = scriptEmulator(`${CODE}
      function setup() {
        var s = sheet_();
        s.getRange('A1:B3').setValues([['h1', 'h2'], ['a', 1], ['b', 2]]);
        s.getRange('B2').setNumberFormat('0.00');
        s.getRange('A2').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build());
        s.insertRowsAfter(2, 1);
      }
      function inspect() {
        var s = sheet_();
        var rule = s.getRange('A3').getDataValidation();
        return { values: s.getRange('A1:B4').getValues(), format: s.getRange('B3').getNumberFormat(),
          rule: rule && rule.getCriteriaValues()[0], movedFormat: s.getRange('B4').getNumberFormat(),
          headerFormat: s.getRange('B1').getNumberFormat(), maxRows: s.getMaxRows() };
      }`);
    run(emu, 'setup');
    expect(run(emu, 'inspect')).toEqual({
      values: [
        ['h1', 'h2'],
        ['a', 1],
        ['', ''],
        ['b', 2],
      ],
      format: '0.00',
      rule: ['a', 'b'],
      movedFormat: 'General',
      headerFormat: 'General',
      maxRows: 1001,
    });
  });
});

describe('Conditional format rules', () => {
  it('round-trip through setConditionalFormatRules and getConditionalFormatRules', () => {
    const emu = scriptEmulator(`${CODE}
      function setRules() {
        var s = sheet_();
        var rule = SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo('完成').setBackground('#b7e1cd').setFontColor('#0b8043').setBold(true)
          .setRanges([s.getRange('C2:C100')]).build();
        var formula = SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied('=$D2<TODAY()').setBackground('#f4c7c3')
          .setRanges([s.getRange('A2:F100'), s.getRange('H2:H100')]).build();
        s.setConditionalFormatRules([rule, formula]);
      }
      function getRules() {
        return sheet_().getConditionalFormatRules().map(function (r) {
          var c = r.getBooleanCondition();
          return { type: c.getCriteriaType(), values: c.getCriteriaValues(), background: c.getBackground(),
            font: c.getFontColor(), bold: c.getBold(),
            ranges: r.getRanges().map(function (x) { return x.getA1Notation(); }) };
        });
      }`);
    run(emu, 'setRules');
    expect(run(emu, 'getRules')).toEqual([
      {
        type: 'TEXT_EQUAL_TO',
        values: ['完成'],
        background: '#b7e1cd',
        font: '#0b8043',
        bold: true,
        ranges: ['C2:C100'],
      },
      {
        type: 'CUSTOM_FORMULA',
        values: ['=$D2<TODAY()'],
        background: '#f4c7c3',
        font: null,
        bold: null,
        ranges: ['A2:F100', 'H2:H100'],
      },
    ]);
  });
});
