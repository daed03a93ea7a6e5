// Tests for the emulator's Sheets formula evaluator used by custom-formula validation and conditional formats.
import { describe, expect, it } from 'vitest';
import {
  type CellPos,
  compileFormula,
  type FormulaContext,
  FormulaError,
  type FormulaValue,
  isTruthy,
} from '../../emulator/model/formula';

type Cells = Record<string, FormulaValue>; // A1 address → value
const OWN_SHEET = '任务';

function serial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;
}

const TODAY = serial(2024, 6, 12); // a Wednesday

function pos(address: string): CellPos {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...letters!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(digits), col };
}

function fakeContext(sheets: Record<string, Cells>): FormulaContext {
  const grids = new Map(
    Object.entries(sheets).map(([name, cells]) => [
      name,
      new Map(Object.entries(cells).map(([address, v]) => [`${pos(address).row},${pos(address).col}`, v])),
    ]),
  );
  const grid = (sheet: string | null) => grids.get(sheet ?? OWN_SHEET) ?? new Map<string, FormulaValue>();
  return {
    cell: (sheet, row, col) => grid(sheet).get(`${row},${col}`) ?? null,
    lastRow: (sheet) => Math.max(0, ...[...grid(sheet).keys()].map((key) => Number(key.split(',')[0]))),
    today: () => TODAY,
  };
}

interface Run {
  cells?: Cells;
  at?: string;
  anchor?: string;
  sheets?: Record<string, Cells>;
}

function run(formula: string, { cells = {}, at = 'A2', anchor = 'A2', sheets = {} }: Run = {}) {
  const ctx = fakeContext({ ...sheets, [OWN_SHEET]: cells });
  return compileFormula(formula).evaluate(pos(anchor), pos(at), ctx);
}

describe('relative references', () => {
  const cells = { A2: 'a2', A5: 'a5', B6: 'b6', I2: 'i2', I4: 'i4', K2: 'k2', C2: 'c2' };

  it('shifts a relative ref by the offset from the anchor', () => {
    expect(run('=A2', { cells, at: 'A5' })).toBe('a5');
    expect(run('=A2', { cells, at: 'B6' })).toBe('b6');
  });

  it('keeps $-anchored rows and columns fixed', () => {
    expect(run('=$A$2', { cells, at: 'A5' })).toBe('a2');
    expect(run('=$A$2', { cells, at: 'B6' })).toBe('a2');
    expect(run('=$I2', { cells, at: 'C4' })).toBe('i4');
    expect(run('=I$2', { cells, at: 'C4' })).toBe('k2');
  });

  it('accepts lower-case refs', () => {
    expect(run('=$i$2', { cells, at: 'C4' })).toBe('i2');
  });

  it('returns null for an empty cell and #REF! when a ref shifts off the sheet', () => {
    expect(run('=A3', { cells })).toBeNull();
    expect(run('=A1', { cells, at: 'A1' })).toBe('#REF!');
  });

  it('shifts the column of a whole-column range but not its rows', () => {
    const grid = { A1: 'x', A2: 'x', B1: 'x' };
    expect(run('=COUNTIF(A:A,"x")', { cells: grid, at: 'A2' })).toBe(2);
    expect(run('=COUNTIF(A:A,"x")', { cells: grid, at: 'B9' })).toBe(1);
    expect(run('=COUNTIF($A:$A,"x")', { cells: grid, at: 'B9' })).toBe(2);
  });

  it('returns a bare range formula as a 2-D array', () => {
    expect(run('=A1:B2', { cells: { A1: 1, B2: 'b' }, anchor: 'A1', at: 'A1' })).toEqual([
      [1, null],
      [null, 'b'],
    ]);
  });
});

describe('sheet-qualified references', () => {
  const members = { A1: '姓名', A2: 'Alice', A3: '张三', A4: 'Bob' };
  const formula = "=COUNTIF('成员'!$A$2:$A,B2)>0";

  it('reads an open-ended range on a quoted Chinese sheet name', () => {
    expect(run(formula, { cells: { B2: '张三' }, sheets: { 成员: members } })).toBe(true);
    expect(run(formula, { cells: { B3: 'bob' }, anchor: 'B2', at: 'B3', sheets: { 成员: members } })).toBe(
      true,
    );
    expect(run(formula, { cells: { B2: 'Mallory' }, sheets: { 成员: members } })).toBe(false);
    expect(run(formula, { cells: { B2: '姓名' }, sheets: { 成员: members } })).toBe(false);
  });

  it("reads and shifts single cells on unquoted and ''-escaped sheet names", () => {
    const sheets = { "Bob's list": { A1: 'quoted' }, Sheet2: { C3: 'c3', D4: 'd4' } };
    expect(run("='Bob''s list'!A1", { sheets, anchor: 'A1', at: 'A1' })).toBe('quoted');
    expect(run('=Sheet2!C3', { sheets, anchor: 'A1', at: 'B2' })).toBe('d4');
    expect(run('=Sheet2!$C$3', { sheets, anchor: 'A1', at: 'B2' })).toBe('c3');
  });
});

describe('COUNTIF', () => {
  const ids = { A1: '任务ID', A2: 'T-1', A3: 'T-2', A4: 't-1', A5: 'T-3' };

  it('supports the uniqueness pattern =COUNTIF($A:$A,A2)=1 (case-insensitive)', () => {
    const unique = (at: string) => run('=COUNTIF($A:$A,A2)=1', { cells: ids, at });
    expect(unique('A2')).toBe(false);
    expect(unique('A3')).toBe(true);
    expect(unique('A4')).toBe(false);
    expect(unique('A5')).toBe(true);
  });

  it('never counts matches for an empty criterion cell', () => {
    expect(run('=COUNTIF($A$1:$A$9,A6)', { cells: ids })).toBe(0);
  });

  const values = { A1: 3, A2: 7, A3: 'x', A4: 'X', A5: 'xy', A7: 10, A8: '' };
  const count = (criterion: string) => run(`=COUNTIF($A$1:$A$8,${criterion})`, { cells: values });

  it('matches plain values by type', () => {
    expect(count('7')).toBe(1);
    expect(count('"x"')).toBe(2);
    expect(count('TRUE')).toBe(0);
  });

  it('supports comparison criteria', () => {
    expect(count('">5"')).toBe(2);
    expect(count('"<=3"')).toBe(1);
    expect(count('"=x"')).toBe(2);
    expect(count('"<>x"')).toBe(6);
    expect(count('">w"')).toBe(3);
  });

  it('counts blanks with "" and non-blanks with "<>"', () => {
    expect(count('""')).toBe(2);
    expect(count('"<>"')).toBe(6);
  });

  it('supports * and ? wildcards with ~ escapes', () => {
    expect(count('"x*"')).toBe(3);
    expect(count('"x?"')).toBe(1);
    expect(run('=COUNTIF(A1:A2,"a~*")', { cells: { A1: 'a*', A2: 'ab' } })).toBe(1);
  });
});

describe('REGEXMATCH', () => {
  const taskId = String.raw`=REGEXMATCH(TO_TEXT(A2),"^\S{0,19}[^\s\d-]\d{4}-\d{3,}$")`;
  const matches = (value: FormulaValue) => run(taskId, { cells: { A2: value } });

  it('accepts task IDs: a prefix ending in a non-digit, a 4-digit year, a dash and 3+ digits', () => {
    expect(matches('产品迭代2024-001')).toBe(true);
    expect(matches('产品迭代2024-1234')).toBe(true);
    expect(matches('X2024-001')).toBe(true);
    expect(matches(`${'a'.repeat(20)}2024-001`)).toBe(true);
  });

  it('rejects IDs with a bad year, prefix or sequence', () => {
    expect(matches('产品迭代24-001')).toBe(false);
    expect(matches('Q4-2024-001')).toBe(false); // the character before the year may not be '-'
    expect(matches('2024-001')).toBe(false); // the prefix needs at least one non-digit character
    expect(matches('产品迭代12024-001')).toBe(false);
    expect(matches('产品迭代2024-01')).toBe(false);
    expect(matches('产品 迭代2024-001')).toBe(false);
    expect(matches(`${'a'.repeat(21)}2024-001`)).toBe(false);
    expect(matches(null)).toBe(false);
  });

  it("uses RE2's ASCII-only \\s, so an ideographic space counts as \\S", () => {
    expect(matches('产品\u3000迭代2024-001')).toBe(true);
  });

  it('requires text: numbers need TO_TEXT', () => {
    expect(run('=REGEXMATCH(A2,"^\\d+$")', { cells: { A2: 2024 } })).toBe('#VALUE!');
    expect(run('=REGEXMATCH(TO_TEXT(A2),"^\\d+$")', { cells: { A2: 2024 } })).toBe(true);
  });

  it('translates RE2-only syntax', () => {
    expect(run('=REGEXMATCH("a{b","a{b}")')).toBe(false);
    expect(run('=REGEXMATCH("a{b}","^a{b}$")')).toBe(true);
    expect(run('=REGEXMATCH("a#b","a\\#b")')).toBe(true);
    expect(run('=REGEXMATCH("ABC","(?i)^abc$")')).toBe(true);
    expect(run('=REGEXMATCH("ABC","^abc$")')).toBe(false);
    expect(run('=REGEXMATCH("中文","^\\p{Han}+$")')).toBe(true);
    expect(run('=REGEXMATCH("中a","^\\pL+$")')).toBe(true);
    expect(run('=REGEXMATCH("]","[]]")')).toBe(true);
    expect(run('=REGEXMATCH("2024-01","^(?P<year>\\d{4})-\\d\\d$")')).toBe(true);
    expect(run('=REGEXMATCH("ab","\\Aab\\z")')).toBe(true);
  });

  it('returns #REF! for patterns RE2 rejects', () => {
    expect(run('=REGEXMATCH("a","(")')).toBe('#REF!');
    expect(run('=REGEXMATCH("ab","a(?=b)")')).toBe('#REF!');
    expect(run('=REGEXMATCH("a",A3)', { cells: { A3: '[' } })).toBe('#REF!');
  });

  it('rejects unsupported RE2 syntax in a literal pattern at compile time', () => {
    expect(() => compileFormula('=REGEXMATCH(A2,"[[:alpha:]]")')).toThrow(FormulaError);
    expect(() => compileFormula('=REGEXMATCH(A2,"(a)\\1")')).toThrow(/unsupported regular expression/);
  });
});

describe('progress validation =AND(ISNUMBER(E2),E2>=0,E2<=100,INT(E2)=E2)', () => {
  const progress = (value: FormulaValue) =>
    run('=AND(ISNUMBER(E2),E2>=0,E2<=100,INT(E2)=E2)', { cells: { E2: value }, anchor: 'E2', at: 'E2' });

  it('accepts whole numbers from 0 to 100', () => {
    expect(progress(0)).toBe(true);
    expect(progress(100)).toBe(true);
  });

  it('rejects fractions, out-of-range numbers, numeric text and empty cells', () => {
    expect(progress(50.5)).toBe(false);
    expect(progress(120)).toBe(false);
    expect(progress(-1)).toBe(false);
    expect(progress('50')).toBe(false);
    expect(progress(null)).toBe(false);
  });

  it('yields #VALUE! for text, since AND evaluates every argument and INT("abc") fails', () => {
    expect(progress('abc')).toBe('#VALUE!');
    expect(isTruthy(progress('abc'))).toBe(false);
  });
});

describe('dates', () => {
  const overdue = '=AND($I2<>"",$I2<TODAY(),$J2<>"已完成")';
  const row = (due: FormulaValue, status: FormulaValue) =>
    run(overdue, { cells: { I5: due, J5: status }, at: 'C5' });

  it('flags open tasks due before today', () => {
    expect(row(TODAY - 1, '进行中')).toBe(true);
    expect(row(TODAY - 1, null)).toBe(true);
    expect(row(TODAY - 1, '已完成')).toBe(false);
    expect(row(TODAY, '进行中')).toBe(false);
    expect(row(null, '进行中')).toBe(false);
  });

  it('treats an empty cell as 0 in a comparison with a number, hence the <>"" guard', () => {
    expect(run('=$I2<TODAY()')).toBe(true);
  });

  it('compares against WORKDAY for due-soon rules', () => {
    const dueSoon = '=AND($I2>=TODAY(),$I2<=WORKDAY(TODAY(),2))';
    expect(run(dueSoon, { cells: { I2: serial(2024, 6, 14) } })).toBe(true);
    expect(run(dueSoon, { cells: { I2: serial(2024, 6, 17) } })).toBe(false);
  });

  it('skips weekends in WORKDAY', () => {
    expect(run('=WORKDAY(DATE(2024,6,14),1)')).toBe(serial(2024, 6, 17));
    expect(run('=WORKDAY(DATE(2024,6,17),-1)')).toBe(serial(2024, 6, 14));
    expect(run('=WORKDAY(DATE(2024,6,12),10)')).toBe(serial(2024, 6, 26));
    expect(run('=WORKDAY(DATE(2024,6,15),0)')).toBe(serial(2024, 6, 15));
    expect(run('=WORKDAY(DATE(2024,6,15),1)')).toBe(serial(2024, 6, 17));
  });

  it('computes DATE serials with month overflow and WEEKDAY with Sunday = 1', () => {
    expect(run('=DATE(2024,1,1)')).toBe(45_292);
    expect(run('=DATE(2024,13,1)=DATE(2025,1,1)')).toBe(true);
    expect(run('=WEEKDAY(DATE(2024,6,9))')).toBe(1);
    expect(run('=WEEKDAY(DATE(2024,6,15))')).toBe(7);
    expect(run('=WEEKDAY(DATE(2024,6,9),2)')).toBe(7);
    expect(run('=WEEKDAY(-1)')).toBe('#NUM!');
  });
});

describe('operators', () => {
  it('follows Sheets precedence', () => {
    expect(run('=1+2*3')).toBe(7);
    expect(run('=(1+2)*3')).toBe(9);
    expect(run('=-2*3+10/4')).toBe(-3.5);
    expect(run('=10-2-3')).toBe(5);
    expect(run('=8/2/2')).toBe(2);
    expect(run('=-(1-3)')).toBe(2);
    expect(run('=1+1&1')).toBe('21');
    expect(run('=2*3=6')).toBe(true);
    expect(run('="a"&"b"="AB"')).toBe(true);
  });

  it('compares like Sheets: numbers < text < booleans, text case-insensitively', () => {
    expect(run('=1<"a"')).toBe(true);
    expect(run('="z"<TRUE')).toBe(true);
    expect(run('="ABC"="abc"')).toBe(true);
    expect(run('="a"<"B"')).toBe(true);
    expect(run('=5="5"')).toBe(false);
    expect(run('=FALSE<TRUE')).toBe(true);
  });

  it('treats an empty cell as 0, "" or FALSE depending on the other side', () => {
    expect(run('=A9=0')).toBe(true);
    expect(run('=A9=""')).toBe(true);
    expect(run('=A9=FALSE')).toBe(true);
    expect(run('=A9+1')).toBe(1);
    expect(run('=A9&"x"')).toBe('x');
  });

  it('coerces numeric text in arithmetic and reports errors as results', () => {
    expect(run('="3"+1')).toBe(4);
    expect(run('="abc"+1')).toBe('#VALUE!');
    expect(run('=1/0')).toBe('#DIV/0!');
    expect(run('="abc"/0')).toBe('#VALUE!');
    expect(run('=1+1/0')).toBe('#DIV/0!');
  });
});

describe('strings', () => {
  it('unescapes doubled quotes', () => {
    expect(run('="say ""hi"""')).toBe('say "hi"');
    expect(run('=LEN("""")')).toBe(1);
    expect(run('=A2="它说""好"""', { cells: { A2: '它说"好"' } })).toBe(true);
  });

  it('implements the text functions', () => {
    expect(run('=TRIM("  a   b ")')).toBe('a b');
    expect(run('=LOWER("AbC")&UPPER("x")')).toBe('abcX');
    expect(run('=TO_TEXT(TRUE)&TO_TEXT(0.1+0.2)')).toBe('TRUE0.3');
    expect(run('=LEN(A9)')).toBe(0);
    expect(run('=VALUE("12.5")')).toBe(12.5);
    expect(run('=VALUE("x")')).toBe('#VALUE!');
  });
});

describe('logical and numeric functions', () => {
  it('implements IS* without propagating errors', () => {
    expect(run('=ISBLANK(A9)')).toBe(true);
    expect(run('=ISBLANK("")')).toBe(false);
    expect(run('=ISNUMBER(1/0)')).toBe(false);
    expect(run('=ISTEXT("")')).toBe(true);
    expect(run('=ISTEXT(1)')).toBe(false);
  });

  it('evaluates only the chosen IF branch and defaults the else branch to FALSE', () => {
    expect(run('=IF(TRUE,1,1/0)')).toBe(1);
    expect(run('=IF(1>2,1)')).toBe(false);
    expect(run('=IF("abc",1,2)')).toBe('#VALUE!');
  });

  it('propagates errors through AND/OR/NOT', () => {
    expect(run('=AND(FALSE,1/0)')).toBe('#DIV/0!');
    expect(run('=OR(FALSE,1)')).toBe(true);
    expect(run('=NOT(0)')).toBe(true);
  });

  it('rounds half away from zero', () => {
    expect(run('=ROUND(2.5)')).toBe(3);
    expect(run('=ROUND(-2.5)')).toBe(-3);
    expect(run('=ROUND(1.005,2)')).toBe(1.01);
    expect(run('=ROUND(1250,-2)')).toBe(1300);
    expect(run('=INT(-1.5)')).toBe(-2);
    expect(run('=ABS(-3)')).toBe(3);
    expect(run('=INT("abc")')).toBe('#VALUE!');
  });
});

describe('compile errors', () => {
  it.each([
    ['=FOO(1)', /Unknown function FOO/],
    ['=sum(A1)', /Unknown function SUM/],
    ['=1+', /Unexpected end of formula/],
    ['=(1', /Expected '\)'/],
    ['=A1 B1', /Unexpected 'B1' at position 5/],
    ['=1^2', /Unexpected character '\^'/],
    ['A1=1', /must start with '='/],
    ['=IF(A1:A3>0,1)', /Range A1:A3 is only allowed/],
    ['=COUNTIF("x","x")', /COUNTIF expects a range/],
    ['=IF(1)', /IF expects 2 to 3 argument\(s\), got 1/],
    ['=FOO', /Unknown name FOO/],
    ["='unterminated!A1", /Unexpected character/],
    ['=AND(1,)', /Unexpected '\)'/],
  ])('%s', (formula, message) => {
    expect(() => compileFormula(formula)).toThrow(FormulaError);
    expect(() => compileFormula(formula)).toThrow(message);
  });
});

describe('isTruthy', () => {
  it.each([
    [true, true],
    [1, true],
    [-0.5, true],
    [false, false],
    [0, false],
    ['', false],
    ['TRUE', false],
    ['#VALUE!', false],
    [null, false],
    [[[true]], true],
    [[[0]], false],
  ])('%j → %s', (value, expected) => {
    expect(isTruthy(value)).toBe(expected);
  });
});
