// Contract tests for Range values: getValues types, USER_ENTERED writes, setValues errors, display values and notes.
import { describe, expect, it } from 'vitest';
import { OWNER, scriptEmulator } from '../helpers/script';

const CODE = `
function sheet_() { return SpreadsheetApp.getActiveSheet(); }
function put(a1, values) { sheet_().getRange(a1).setValues(values); }
function putOne(a1, value) { sheet_().getRange(a1).setValue(value); }
function putAsText(a1, value) { var r = sheet_().getRange(a1); r.setNumberFormat('@'); r.setValue(value); }
function read(a1) {
  return sheet_().getRange(a1).getValues().map(function (row) {
    return row.map(function (v) {
      return { type: v instanceof Date ? 'Date' : typeof v, value: v instanceof Date ? v.getTime() : v };
    });
  });
}
function formulas(a1) { return sheet_().getRange(a1).getFormulas(); }
function display(a1) { return sheet_().getRange(a1).getDisplayValues(); }
`;

const run = <T>(emu: ReturnType<typeof scriptEmulator>, fn: string, ...args: unknown[]) =>
  emu.callOk<T>(fn, args, OWNER);
type Cell = { type: string; value: unknown };

describe('Range.getValues', () => {
  it('returns "" for empty cells, numbers, booleans, strings and same-realm Dates for date cells', () => {
    const emu = scriptEmulator(`${CODE}
      function mixed() {
        var r = sheet_().getRange('A1:E1');
        r.setValues([['', 42, true, new Date(Date.UTC(2024, 0, 5, 1, 2, 3)), 'text']]);
        var v = r.getValues()[0];
        return { kinds: v.map(function (x) { return x instanceof Date ? 'Date' : typeof x; }), empty: v[0], num: v[1],
          bool: v[2], date: v[3].getTime(), str: v[4] };
      }`);
    expect(run(emu, 'mixed')).toEqual({
      kinds: ['string', 'number', 'boolean', 'Date', 'string'],
      empty: '',
      num: 42,
      bool: true,
      date: Date.UTC(2024, 0, 5, 1, 2, 3),
      str: 'text',
    });
  });
  it("a date cell's value has the script's Date as its constructor", () => {
    const emu = scriptEmulator(`${CODE}
      function ctor() {
        sheet_().getRange('A1').setValue('2024-01-05');
        var v = sheet_().getRange('A1').getValue();
        return [v.constructor === Date, new Date().constructor === Date];
      }`);
    expect(run(emu, 'ctor')).toEqual([true, true]);
  });

  it('gives "" (never null or undefined) for cells that were never written', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'put', 'B2', [[1]]);
    expect(run<Cell[][]>(emu, 'read', 'A1:C3')).toEqual([
      [
        { type: 'string', value: '' },
        { type: 'string', value: '' },
        { type: 'string', value: '' },
      ],
      [
        { type: 'string', value: '' },
        { type: 'number', value: 1 },
        { type: 'string', value: '' },
      ],
      [
        { type: 'string', value: '' },
        { type: 'string', value: '' },
        { type: 'string', value: '' },
      ],
    ]);
  });

  it('returns a copy: changing the returned array changes neither the sheet nor the next read', () => {
    const emu = scriptEmulator(`${CODE}
      function mutate() {
        var r = sheet_().getRange('A1:B1');
        r.setValues([['a', 'b']]);
        var first = r.getValues();
        first[0][0] = 'changed';
        first.push(['extra', 'row']);
        return r.getValues();
      }`);
    expect(run(emu, 'mutate')).toEqual([['a', 'b']]);
    expect(emu.world.spreadsheet.sheets[0]!.rows[0]).toEqual(['a', 'b']);
  });

  it('reads a date cell as the instant of its wall time in the spreadsheet time zone', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'putOne', 'A1', '2024-01-05');
    // Midnight in Asia/Shanghai (UTC+8) is 16:00 UTC the day before.
    expect(run<Cell[][]>(emu, 'read', 'A1')).toEqual([
      [{ type: 'Date', value: Date.parse('2024-01-04T16:00:00Z') }],
    ]);
  });
});

describe('USER_ENTERED writes', () => {
  // unverified: the exact USER_ENTERED coercions of setValue/setValues.
  it("setValue('123') stores the number 123", () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'putOne', 'A1', '123');
    expect(run<Cell[][]>(emu, 'read', 'A1')).toEqual([[{ type: 'number', value: 123 }]]);
  });

  // unverified: the exact USER_ENTERED coercions of setValue/setValues.
  it("setValue('2024-01-05') stores a date", () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'putOne', 'A1', '2024-01-05');
    expect(run<Cell[][]>(emu, 'read', 'A1')[0]![0]!.type).toBe('Date');
  });
  // unverified: the exact USER_ENTERED coercions of setValue/setValues.
  it("setValue('10:30') stores a time, read back as a Date on 1899-12-30", () => {
    const emu = scriptEmulator(`${CODE}
      function time() {
        var r = sheet_().getRange('A1');
        r.setValue('10:30');
        var v = r.getValue();
        return v instanceof Date ? Utilities.formatDate(v, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm') : typeof v;
      }`);
    expect(run(emu, 'time')).toBe('1899-12-30 10:30');
  });

  it("setValue('=1+1') stores a formula that getFormulas returns", () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'putOne', 'A1', '=1+1');
    run(emu, 'put', 'B1', [['plain']]);
    expect(run(emu, 'formulas', 'A1:B1')).toEqual([['=1+1', '']]);
  });

  it('setValues turns strings that start with = into formulas', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'put', 'A1:B1', [['=SUM(1,2)', '3']]);
    expect(run(emu, 'formulas', 'A1:B1')).toEqual([['=SUM(1,2)', '']]);
  });

  // unverified: the exact USER_ENTERED coercions of setValue/setValues.
  it("keeps text in a plain-text ('@') cell: numbers, dates and formulas stay strings", () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'putAsText', 'A1', '123');
    run(emu, 'putAsText', 'B1', '2024-01-05');
    run(emu, 'putAsText', 'C1', '=1+1');
    expect(run<Cell[][]>(emu, 'read', 'A1:C1')).toEqual([
      [
        { type: 'string', value: '123' },
        { type: 'string', value: '2024-01-05' },
        { type: 'string', value: '=1+1' },
      ],
    ]);
    expect(run(emu, 'formulas', 'C1')).toEqual([['']]);
  });

  it('a leading apostrophe keeps text and is not part of the value', () => {
    const emu = scriptEmulator(CODE);
    run(emu, 'put', 'A1:B1', [["'123", "'2024-01-05"]]);
    expect(run<Cell[][]>(emu, 'read', 'A1:B1')).toEqual([
      [
        { type: 'string', value: '123' },
        { type: 'string', value: '2024-01-05' },
      ],
    ]);
  });
});

describe('Range.setValues errors', () => {
  it('throws the rows message when the data has the wrong number of rows', () => {
    const emu = scriptEmulator(CODE);
    const r = emu.call('put', ['A1:B3', [[1, 2]]], OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
  });

  // unverified: the columns wording mirrors the rows message.
  it('throws the columns message when a row has the wrong number of columns', () => {
    const emu = scriptEmulator(CODE);
    const r = emu.call('put', ['A1:B2', [[1, 2], [3]]], OWNER);
    expect(r.error?.message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('throws the signature message for a 1-D array', () => {
    const emu = scriptEmulator(CODE);
    const r = emu.call('put', ['A1:B1', [1, 2]], OWNER);
    expect(r.error?.message).toBe(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it('writes nothing when it throws', () => {
    const emu = scriptEmulator(CODE);
    emu.call('put', ['A1:B2', [[1, 2], [3]]], OWNER);
    expect(run(emu, 'read', 'A1:B2')).toEqual([
      [
        { type: 'string', value: '' },
        { type: 'string', value: '' },
      ],
      [
        { type: 'string', value: '' },
        { type: 'string', value: '' },
      ],
    ]);
  });
});

describe('Range.getDisplayValues', () => {
  it('formats dates with yyyy-MM-dd, numbers with 0 and 0.00, and booleans as TRUE/FALSE', () => {
    const emu = scriptEmulator(`${CODE}
      function formatted() {
        var s = sheet_();
        s.getRange('A1:E1').setValues([[new Date(Date.UTC(2024, 0, 5, 4, 0, 0)), 3.14159, 3.14159, true, false]]);
        s.getRange('A1').setNumberFormat('yyyy-MM-dd');
        s.getRange('B1').setNumberFormat('0');
        s.getRange('C1').setNumberFormat('0.00');
        return s.getRange('A1:F1').getDisplayValues();
      }`);
    // 04:00 UTC is 12:00 on 2024-01-05 in Shanghai.
    expect(run(emu, 'formatted')).toEqual([['2024-01-05', '3', '3.14', 'TRUE', 'FALSE', '']]);
  });

  it('returns strings only', () => {
    const emu = scriptEmulator(`${CODE}
      function kinds() {
        var r = sheet_().getRange('A1:C1');
        r.setValues([[1, true, new Date()]]);
        return r.getDisplayValues()[0].map(function (v) { return typeof v; });
      }`);
    expect(run(emu, 'kinds')).toEqual(['string', 'string', 'string']);
  });
});

describe('Notes', () => {
  it('setNote/getNote/getNotes round-trip and clearNote removes the note', () => {
    const emu = scriptEmulator(`${CODE}
      function notes() {
        var s = sheet_();
        s.getRange('A1').setNote('first');
        s.getRange('B2').setNote('second');
        var before = s.getRange('A1:B2').getNotes();
        s.getRange('A1').clearNote();
        return { before: before, one: s.getRange('B2').getNote(), after: s.getRange('A1:B2').getNotes() };
      }`);
    expect(run(emu, 'notes')).toEqual({
      before: [
        ['first', ''],
        ['', 'second'],
      ],
      one: 'second',
      after: [
        ['', ''],
        ['', 'second'],
      ],
    });
  });
});

describe('Script time zone', () => {
  // Deliberate divergence: local-time Date methods follow the host process (the suite runs with TZ=UTC), not
  // appsscript.json, so code that wrongly relies on them sees a time zone unlike the spreadsheet's and fails tests.
  it("new Date().getHours() follows the host's time zone (UTC under the test suite), not the spreadsheet's", () => {
    const emu = scriptEmulator(
      'function hours() { return [new Date().getHours(), new Date().getTimezoneOffset()]; }',
      {
        timeZone: 'Asia/Shanghai',
      },
    );
    // now is 02:00 UTC, which is 10:00 in Shanghai.
    expect(process.env.TZ).toBe('UTC');
    expect(emu.callOk('hours', [], OWNER)).toEqual([2, 0]);
  });

  it('Session.getScriptTimeZone reports appsscript.json and getSpreadsheetTimeZone the file, separately', () => {
    const emu = scriptEmulator(
      'function zones() { return [Session.getScriptTimeZone(), SpreadsheetApp.getActive().getSpreadsheetTimeZone()]; }',
      { timeZone: 'America/New_York' },
    );
    expect(emu.callOk('zones', [], OWNER)).toEqual(['America/New_York', 'Asia/Shanghai']);
  });
});
