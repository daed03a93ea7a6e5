// Strict evaluator for the Google Sheets formula subset used by custom-formula validation and conditional format rules.

export type FormulaValue = string | number | boolean | null; // null = empty cell

export interface FormulaContext {
  /** Value of a cell on the named sheet (null/undefined sheet = the rule's own sheet); dates must already be serial numbers (days since 1899-12-30). Return null for empty. */
  cell(sheet: string | null, row: number, col: number): FormulaValue;
  /** Last row with content on that sheet (for whole-column refs like A:A or A2:A). */
  lastRow(sheet: string | null): number;
  /** Serial number of today's date (integer) in the spreadsheet's time zone. */
  today(): number;
}

/** 1-based row and column. */
export interface CellPos {
  row: number;
  col: number;
}

export interface CompiledFormula {
  evaluate(anchor: CellPos, at: CellPos, ctx: FormulaContext): FormulaValue | FormulaValue[][];
}

export class FormulaError extends Error {
  override name = 'FormulaError';
}

/** Sheets' truthiness for a validation/CF result: TRUE, non-zero numbers → true; errors, FALSE, 0, '' → false. */
export function isTruthy(v: unknown): boolean {
  if (Array.isArray(v)) return isTruthy(v[0]?.[0]);
  if (typeof v === 'boolean') return v;
  return typeof v === 'number' && v !== 0 && !Number.isNaN(v);
}

/** Parse once (throws FormulaError with a clear message on syntax it does not support), evaluate many times. */
export function compileFormula(formula: string): CompiledFormula {
  const root = new Parser(formula).parseFormula();
  const run: (env: Env) => FormulaValue | FormulaValue[][] =
    root.kind === 'ref' && root.ref.end ? (env) => readRange(root.ref, env) : compileScalar(root);
  return {
    evaluate(anchor, at, ctx) {
      try {
        return run({ ctx, dr: at.row - anchor.row, dc: at.col - anchor.col });
      } catch (e) {
        if (e instanceof CellError) return e.code;
        throw e;
      }
    },
  };
}

// ---- Syntax tree and lexer ----

interface RefPart {
  col: number;
  colAbs: boolean;
  row: number | null; // null = whole column
  rowAbs: boolean;
}

interface RangeRef {
  sheet: string | null;
  start: RefPart;
  end: RefPart | null; // null = single cell
  text: string;
}

type BinaryOp = '=' | '<>' | '<' | '>' | '<=' | '>=' | '&' | '+' | '-' | '*' | '/';

type Node =
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'ref'; ref: RangeRef }
  | { kind: 'unary'; op: '+' | '-'; operand: Node }
  | { kind: 'binary'; op: BinaryOp; left: Node; right: Node }
  | { kind: 'call'; name: string; args: Node[] };

type TokenKind =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'ref'; ref: RangeRef }
  | { type: 'name'; value: string }
  | { type: 'op'; value: string }
  | { type: 'end' };

type Token = TokenKind & { pos: number; text: string };

const CELL = String.raw`\$?[A-Z]{1,3}\$?[1-9]\d*`;
const COLUMN = String.raw`\$?[A-Z]{1,3}`;
/** Tried in order at each position; a null kind (whitespace) produces no token. */
const TOKEN_RULES: [RegExp, (m: RegExpExecArray) => TokenKind | null][] = [
  [/\s+/y, () => null],
  [/"((?:[^"]|"")*)"/y, (m) => ({ type: 'string', value: m[1]!.replaceAll('""', '"') })],
  [/(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/iy, (m) => ({ type: 'number', value: Number(m[0]) })],
  [
    new RegExp(
      String.raw`(?:'((?:[^']|'')+)'!|([\p{L}\p{N}_.]+)!)?(${CELL}(?::(?:${CELL}|${COLUMN}))?|${COLUMN}:${COLUMN})(?![\p{L}\p{N}_(])`,
      'iuy',
    ),
    (m) => ({ type: 'ref', ref: toRangeRef(m) }),
  ],
  [/[A-Z_][A-Z0-9_.]*/iy, (m) => ({ type: 'name', value: m[0].toUpperCase() })],
  [/<=|>=|<>|[-+*/&=<>(),]/y, (m) => ({ type: 'op', value: m[0] })],
];
const REF_PART_RE = /^(\$?)([A-Z]+)(\$?)(\d*)$/i;

function tokenize(src: string, from: number): Token[] {
  const tokens: Token[] = [];
  let pos = from;
  while (pos < src.length) {
    const [token, end] = nextToken(src, pos);
    if (token) tokens.push(token);
    pos = end;
  }
  tokens.push({ pos, text: '', type: 'end' });
  return tokens;
}

function nextToken(src: string, pos: number): [Token | null, number] {
  for (const [re, kind] of TOKEN_RULES) {
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) continue;
    const token = kind(m);
    return [token && { ...token, pos, text: m[0] }, re.lastIndex];
  }
  throw syntaxError(src, pos, `Unexpected character '${src[pos]}'`);
}

function toRangeRef(m: RegExpExecArray): RangeRef {
  const sheet = m[1] !== undefined ? m[1].replaceAll("''", "'") : (m[2] ?? null);
  const [start, end] = m[3]!.split(':');
  return { sheet, start: toRefPart(start!), end: end === undefined ? null : toRefPart(end), text: m[0] };
}

function toRefPart(text: string): RefPart {
  const [, colAbs, letters, rowAbs, digits] = REF_PART_RE.exec(text)!;
  const col = [...letters!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { col, colAbs: colAbs === '$', row: digits ? Number(digits) : null, rowAbs: rowAbs === '$' };
}

function syntaxError(src: string, pos: number, message: string): FormulaError {
  return new FormulaError(`${message} at position ${pos + 1} in formula ${src}`);
}

// ---- Parser (precedence, low to high: comparison, &, + -, * /, unary) ----

const BINARY_LEVELS: BinaryOp[][] = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];

class Parser {
  private tokens: Token[];
  private index = 0;

  constructor(private readonly src: string) {
    const eq = src.search(/\S/);
    if (src[eq] !== '=') throw new FormulaError(`Formula must start with '=': ${src}`);
    this.tokens = tokenize(src, eq + 1);
  }

  parseFormula(): Node {
    const node = this.binary(0);
    const rest = this.peek();
    if (rest.type !== 'end') throw this.unexpected(rest);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    return this.tokens[this.index++]!;
  }

  private isOp(value: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.value === value;
  }

  private expectOp(value: string): void {
    if (!this.isOp(value)) throw syntaxError(this.src, this.peek().pos, `Expected '${value}'`);
    this.index++;
  }

  private unexpected(t: Token): FormulaError {
    if (t.type === 'end') return syntaxError(this.src, t.pos, 'Unexpected end of formula');
    return syntaxError(this.src, t.pos, `Unexpected '${t.text}'`);
  }

  private binary(level: number): Node {
    const ops = BINARY_LEVELS[level];
    if (!ops) return this.unary();
    let left = this.binary(level + 1);
    for (let t = this.peek(); t.type === 'op' && ops.includes(t.value as BinaryOp); t = this.peek()) {
      this.index++;
      left = { kind: 'binary', op: t.value as BinaryOp, left, right: this.binary(level + 1) };
    }
    return left;
  }

  private unary(): Node {
    const t = this.peek();
    if (t.type === 'op' && (t.value === '-' || t.value === '+')) {
      this.index++;
      return { kind: 'unary', op: t.value, operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.next();
    if (t.type === 'number' || t.type === 'string') return { kind: 'literal', value: t.value };
    if (t.type === 'ref') return { kind: 'ref', ref: t.ref };
    if (t.type === 'name') return this.name(t.value, t.pos);
    if (t.type === 'op' && t.value === '(') {
      const inner = this.binary(0);
      this.expectOp(')');
      return inner;
    }
    throw this.unexpected(t);
  }

  private name(name: string, pos: number): Node {
    if (this.isOp('(')) return { kind: 'call', name, args: this.args() };
    if (name === 'TRUE' || name === 'FALSE') return { kind: 'literal', value: name === 'TRUE' };
    throw syntaxError(this.src, pos, `Unknown name ${name}`);
  }

  private args(): Node[] {
    this.expectOp('(');
    const args: Node[] = [];
    if (!this.isOp(')')) {
      args.push(this.binary(0));
      while (this.isOp(',')) {
        this.index++;
        args.push(this.binary(0));
      }
    }
    this.expectOp(')');
    return args;
  }
}

// ---- Evaluation: values, errors and coercions ----

type ErrorCode = '#VALUE!' | '#DIV/0!' | '#REF!' | '#NUM!';

/** Thrown during evaluation; becomes the formula's error result (errors are not values a cell can hold here). */
class CellError {
  constructor(readonly code: ErrorCode) {}
}

function fail(code: ErrorCode): never {
  throw new CellError(code);
}

interface Env {
  ctx: FormulaContext;
  dr: number;
  dc: number;
}

type Evaluator = (env: Env) => FormulaValue;

const NUMERIC_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function toNumber(v: FormulaValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const text = (v ?? '').trim();
  if (text === '') return 0;
  return NUMERIC_RE.test(text) ? Number(text) : fail('#VALUE!');
}

function toText(v: FormulaValue): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v ?? '';
}

/** Sheets' general number format: 15 significant digits, upper-case exponent. */
function formatNumber(n: number): string {
  return String(Number(n.toPrecision(15))).toUpperCase();
}

function toBool(v: FormulaValue): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const upper = (v ?? '').toUpperCase();
  if (upper === '' || upper === 'FALSE') return false;
  return upper === 'TRUE' || fail('#VALUE!');
}

function finite(n: number): number {
  return Number.isFinite(n) ? n : fail('#NUM!');
}

/** Sheets ordering: numbers < text < booleans; text compares case-insensitively; empty takes the other side's type. */
function compare(a: FormulaValue, b: FormulaValue): number {
  const x = a ?? emptyLike(b);
  const y = b ?? emptyLike(a);
  const rank = typeRank(x) - typeRank(y);
  if (rank !== 0) return Math.sign(rank);
  if (typeof x === 'string') return order(x.toLowerCase(), String(y).toLowerCase());
  return order(Number(x), Number(y));
}

function emptyLike(v: FormulaValue): string | number | boolean {
  if (typeof v === 'string') return '';
  return typeof v === 'boolean' ? false : 0;
}

function typeRank(v: string | number | boolean): number {
  return ['number', 'string', 'boolean'].indexOf(typeof v);
}

function order<T extends string | number>(a: T, b: T): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const BINARY: Record<BinaryOp, (a: FormulaValue, b: FormulaValue) => FormulaValue> = {
  '=': (a, b) => compare(a, b) === 0,
  '<>': (a, b) => compare(a, b) !== 0,
  '<': (a, b) => compare(a, b) < 0,
  '>': (a, b) => compare(a, b) > 0,
  '<=': (a, b) => compare(a, b) <= 0,
  '>=': (a, b) => compare(a, b) >= 0,
  '&': (a, b) => toText(a) + toText(b),
  '+': (a, b) => finite(toNumber(a) + toNumber(b)),
  '-': (a, b) => finite(toNumber(a) - toNumber(b)),
  '*': (a, b) => finite(toNumber(a) * toNumber(b)),
  '/': (a, b) => {
    const dividend = toNumber(a);
    const divisor = toNumber(b);
    return divisor === 0 ? fail('#DIV/0!') : finite(dividend / divisor);
  },
};

// ---- Evaluation: references ----

function shiftPart(part: RefPart, env: Env): { row: number | null; col: number } {
  const col = part.colAbs ? part.col : part.col + env.dc;
  const row = part.row === null || part.rowAbs ? part.row : part.row + env.dr;
  if (col < 1 || (row !== null && row < 1)) fail('#REF!');
  return { row, col };
}

function readCell(ref: RangeRef, env: Env): FormulaValue {
  const { row, col } = shiftPart(ref.start, env);
  return env.ctx.cell(ref.sheet, row!, col);
}

/** Open-ended ranges (A:A, A2:A) stop at the sheet's last row with content. */
function readRange(ref: RangeRef, env: Env): FormulaValue[][] {
  const a = shiftPart(ref.start, env);
  const b = shiftPart(ref.end!, env);
  const [top, bottom] =
    b.row === null
      ? [a.row ?? 1, env.ctx.lastRow(ref.sheet)]
      : [Math.min(a.row!, b.row), Math.max(a.row!, b.row)];
  const [left, right] = [Math.min(a.col, b.col), Math.max(a.col, b.col)];
  const rows: FormulaValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: FormulaValue[] = [];
    for (let c = left; c <= right; c++) row.push(env.ctx.cell(ref.sheet, r, c));
    rows.push(row);
  }
  return rows;
}

// ---- Compilation to closures ----

function compileScalar(node: Node): Evaluator {
  switch (node.kind) {
    case 'literal': {
      const { value } = node;
      return () => value;
    }
    case 'ref': {
      const { ref } = node;
      if (ref.end)
        throw new FormulaError(`Range ${ref.text} is only allowed as the first argument of COUNTIF`);
      return (env) => readCell(ref, env);
    }
    case 'unary': {
      const operand = compileScalar(node.operand);
      return node.op === '-' ? (env) => -toNumber(operand(env)) : operand;
    }
    case 'binary': {
      const [left, right, apply] = [compileScalar(node.left), compileScalar(node.right), BINARY[node.op]];
      return (env) => apply(left(env), right(env));
    }
    case 'call':
      return compileCall(node.name, node.args);
  }
}

interface FunctionDef {
  min: number;
  max: number;
  compile(args: Node[]): Evaluator;
}

function compileCall(name: string, args: Node[]): Evaluator {
  const def = FUNCTIONS[name];
  if (!def) throw new FormulaError(`Unknown function ${name}`);
  if (args.length < def.min || args.length > def.max) {
    const expected = def.min === def.max ? `${def.min}` : `${def.min} to ${def.max}`;
    throw new FormulaError(`${name} expects ${expected} argument(s), got ${args.length}`);
  }
  return def.compile(args);
}

/** A function whose arguments are all evaluated (left to right, errors propagate) before it runs. */
function eager(min: number, max: number, fn: (...args: FormulaValue[]) => FormulaValue): FunctionDef {
  return {
    min,
    max,
    compile: (args) => {
      const evaluators = args.map(compileScalar);
      return (env) => fn(...evaluators.map((e) => e(env)));
    },
  };
}

/** An IS* function: inspects its argument's type, turning evaluation errors into FALSE. */
function probe(test: (v: FormulaValue) => boolean): FunctionDef {
  return {
    min: 1,
    max: 1,
    compile: ([arg]) => {
      const evaluate = compileScalar(arg!);
      return (env) => {
        try {
          return test(evaluate(env));
        } catch (e) {
          if (e instanceof CellError) return false;
          throw e;
        }
      };
    },
  };
}

const FUNCTIONS: Record<string, FunctionDef> = {
  AND: eager(1, Number.POSITIVE_INFINITY, (...vs) => vs.map(toBool).every(Boolean)),
  OR: eager(1, Number.POSITIVE_INFINITY, (...vs) => vs.map(toBool).some(Boolean)),
  NOT: eager(1, 1, (v) => !toBool(v)),
  IF: {
    min: 2,
    max: 3,
    compile: (args) => {
      const [cond, whenTrue, whenFalse = () => false] = args.map(compileScalar);
      return (env) => (toBool(cond!(env)) ? whenTrue! : whenFalse)(env);
    },
  },
  ISBLANK: probe((v) => v === null),
  ISNUMBER: probe((v) => typeof v === 'number'),
  ISTEXT: probe((v) => typeof v === 'string'),
  INT: eager(1, 1, (v) => Math.floor(toNumber(v))),
  ROUND: eager(1, 2, (v, places = 0) => round(toNumber(v), Math.trunc(toNumber(places)))),
  ABS: eager(1, 1, (v) => Math.abs(toNumber(v))),
  LEN: eager(1, 1, (v) => toText(v).length),
  TRIM: eager(1, 1, (v) => toText(v).replace(/ +/g, ' ').trim()),
  LOWER: eager(1, 1, (v) => toText(v).toLowerCase()),
  UPPER: eager(1, 1, (v) => toText(v).toUpperCase()),
  TO_TEXT: eager(1, 1, toText),
  VALUE: eager(1, 1, toNumber),
  REGEXMATCH: { min: 2, max: 2, compile: compileRegexMatch },
  COUNTIF: { min: 2, max: 2, compile: compileCountIf },
  TODAY: { min: 0, max: 0, compile: () => (env) => env.ctx.today() },
  WORKDAY: eager(2, 2, (start, days) => workday(toSerial(start), Math.trunc(toNumber(days)))),
  WEEKDAY: eager(1, 2, (serial, type = 1) => weekday(toSerial(serial), toNumber(type))),
  DATE: eager(3, 3, (y, m, d) => date(toNumber(y), toNumber(m), toNumber(d))),
};

// ---- Function helpers ----

/** Half away from zero, like Sheets; the 15-digit rounding absorbs binary noise such as 1.005 * 100. */
function round(x: number, places: number): number {
  const factor = 10 ** Math.abs(places);
  const abs = Math.abs(x);
  const rounded =
    places >= 0
      ? Math.round(Number((abs * factor).toPrecision(15))) / factor
      : Math.round(abs / factor) * factor;
  return Math.sign(x) * rounded;
}

function toSerial(v: FormulaValue): number {
  const serial = Math.floor(toNumber(v));
  return serial < 0 ? fail('#NUM!') : serial;
}

/** 0 = Sunday; serial 0 (1899-12-30) was a Saturday. */
function dayOfWeek(serial: number): number {
  return ((serial % 7) + 6) % 7;
}

function weekday(serial: number, type: number): number {
  const day = dayOfWeek(serial);
  if (type === 1) return day + 1;
  if (type === 2) return ((day + 6) % 7) + 1;
  return type === 3 ? (day + 6) % 7 : fail('#NUM!');
}

/** Moves `days` working days (Monday–Friday, no holidays) from start; 0 days returns start itself. */
function workday(start: number, days: number): number {
  const step = Math.sign(days);
  let serial = start;
  for (let left = Math.abs(days); left > 0; ) {
    serial += step;
    const day = dayOfWeek(serial);
    if (day !== 0 && day !== 6) left--;
  }
  return serial;
}

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569; // 1970-01-01

/** Years 0–1899 mean 1900–3799, as in Sheets; month and day overflow roll over. */
function date(year: number, month: number, day: number): number {
  const y = Math.trunc(year) < 1900 ? Math.trunc(year) + 1900 : Math.trunc(year);
  if (y < 1900 || y >= 10_000) fail('#NUM!');
  const serial = Date.UTC(y, Math.trunc(month) - 1, Math.trunc(day)) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return serial < 0 ? fail('#NUM!') : serial;
}

// ---- COUNTIF ----

function compileCountIf([range, criterion]: Node[]): Evaluator {
  if (range?.kind !== 'ref') throw new FormulaError('COUNTIF expects a range as its first argument');
  const { ref } = range;
  const evaluateCriterion = compileScalar(criterion!);
  return (env) => {
    const matches = criterionMatcher(evaluateCriterion(env));
    const cells = ref.end ? readRange(ref, env).flat() : [readCell(ref, env)];
    return cells.filter(matches).length;
  };
}

/** Criterion: a value (equality), or text "<op>operand" with op in = <> < > <= >=; text equality supports * ? ~ wildcards. */
function criterionMatcher(criterion: FormulaValue): (v: FormulaValue) => boolean {
  if (criterion === null) return () => false;
  if (typeof criterion !== 'string') return equalsCriterion(toText(criterion), criterion);
  const [, op = '', operand = ''] = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(criterion)!;
  const num = NUMERIC_RE.test(operand.trim()) ? Number(operand.trim()) : null;
  if (op === '' || op === '=') return equalsCriterion(operand, num);
  if (op === '<>') {
    const equals = equalsCriterion(operand, num);
    return (v) => !equals(v);
  }
  return (v) => {
    const comparable = num === null ? typeof v === 'string' : typeof v === 'number';
    return comparable && BINARY[op as BinaryOp](v, num ?? operand) === true;
  };
}

function equalsCriterion(operand: string, num: number | boolean | null): (v: FormulaValue) => boolean {
  if (operand === '') return (v) => v === null || v === '';
  const pattern = wildcardRegex(operand);
  return (v) => {
    if (typeof v === 'number') return v === num;
    return v !== null && pattern.test(toText(v));
  };
}

function wildcardRegex(operand: string): RegExp {
  const source = operand.replace(/~([*?~])|([*?])|[\\^$.|+()[\]{}]/g, (m, escaped, wild) => {
    if (escaped) return `\\${escaped}`;
    if (wild) return wild === '*' ? '[\\s\\S]*' : '[\\s\\S]';
    return `\\${m}`;
  });
  return new RegExp(`^${source}$`, 'iu');
}

// ---- REGEXMATCH (RE2 syntax translated to a JS RegExp) ----

function compileRegexMatch([text, pattern]: Node[]): Evaluator {
  const cache = new Map<string, RegExp>();
  const regexFor = (source: string): RegExp => {
    const re = cache.get(source) ?? re2ToRegExp(source);
    cache.set(source, re);
    return re;
  };
  if (pattern?.kind === 'literal' && typeof pattern.value === 'string') precompile(regexFor, pattern.value);
  const [evaluateText, evaluatePattern] = [compileScalar(text!), compileScalar(pattern!)];
  return (env) => regexFor(requireText(evaluatePattern(env))).test(requireText(evaluateText(env)));
}

/** Surfaces unsupported RE2 syntax in a literal pattern at compile time; invalid patterns stay a #REF! result. */
function precompile(regexFor: (source: string) => RegExp, source: string): void {
  try {
    regexFor(source);
  } catch (e) {
    if (!(e instanceof CellError)) throw e;
  }
}

function requireText(v: FormulaValue): string {
  if (v === null) return '';
  return typeof v === 'string' ? v : fail('#VALUE!');
}

const JS_SYNTAX_CHARS = '^$\\.*+?()[]{}|/';
const ASCII_PUNCT_RE = /[!-/:-@[-`{-~]/;
const RE2_SPACE = String.raw`\t\n\f\r `; // RE2's \s is ASCII-only, unlike JS's

function unsupportedRegex(source: string, what: string): FormulaError {
  return new FormulaError(`REGEXMATCH: unsupported regular expression syntax ${what} in ${source}`);
}

/** Invalid RE2 (including lookarounds and backreferences, which RE2 rejects) → #REF!, like Sheets. */
function re2ToRegExp(source: string): RegExp {
  const flagsMatch = /^\(\?([a-zA-Z]+)\)/.exec(source);
  const flags = flagsMatch?.[1] ?? '';
  if (/[^ims]/.test(flags)) throw unsupportedRegex(source, `(?${flags})`);
  const body = translateRe2(source, source.slice(flagsMatch?.[0].length ?? 0), flags.includes('s'));
  try {
    return new RegExp(body, `u${flags}`);
  } catch {
    return fail('#REF!');
  }
}

function translateRe2(source: string, body: string, dotAll: boolean): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    const rest = body.slice(i);
    if (ch === '\\') {
      const [text, length] = translateEscape(source, rest, inClass);
      out += text;
      i += length - 1;
    } else if (inClass) {
      if (/^\[:\^?[a-z]+:\]/.test(rest)) throw unsupportedRegex(source, 'POSIX class [:name:]');
      inClass = ch !== ']';
      out += ch === '[' ? '\\[' : ch;
    } else if (ch === '[') {
      const [open] = /^\[\^?\]?/.exec(rest)!;
      out += open.endsWith(']') ? `${open.slice(0, -1)}\\]` : open;
      inClass = true;
      i += open.length - 1;
    } else if (ch === '(' && rest.startsWith('(?')) {
      const [text, length] = translateGroupOpening(source, rest);
      out += text;
      i += length - 1;
    } else if (ch === '{' && /^\{\d+(?:,\d*)?\}/.test(rest)) {
      const [quantifier] = /^\{\d+(?:,\d*)?\}/.exec(rest)!;
      out += quantifier;
      i += quantifier.length - 1;
    } else if (ch === '.') out += dotAll ? '.' : '[^\\n]';
    else out += '{}]'.includes(ch) ? `\\${ch}` : ch;
  }
  return out;
}

function translateGroupOpening(source: string, rest: string): [string, number] {
  if (rest.startsWith('(?:')) return ['(?:', 3];
  if (rest.startsWith('(?P<')) return ['(?<', 4];
  if (/^\(\?<[A-Za-z_]/.test(rest)) return ['(?<', 3];
  if (/^\(\?(?:=|!|<=|<!)/.test(rest)) return fail('#REF!');
  throw unsupportedRegex(source, rest.slice(0, 4));
}

/** Returns the JS text for the escape at the start of `rest` and how many characters it used. */
function translateEscape(source: string, rest: string, inClass: boolean): [string, number] {
  const c = rest[1];
  if (c === undefined) return fail('#REF!');
  if (c === 's') return [inClass ? RE2_SPACE : `[${RE2_SPACE}]`, 2];
  if (c === 'S') {
    if (inClass) throw unsupportedRegex(source, '\\S inside [...]');
    return [`[^${RE2_SPACE}]`, 2];
  }
  if (!inClass && c === 'A') return ['(?<![\\s\\S])', 2];
  if (!inClass && c === 'z') return ['(?![\\s\\S])', 2];
  if (c === 'p' || c === 'P') return translateUnicodeClass(rest);
  if (c === 'x' && rest[2] === '{') {
    const [hex] = /^\\x\{[0-9A-Fa-f]+\}/.exec(rest) ?? fail('#REF!');
    return [`\\u${hex.slice(2)}`, hex.length];
  }
  if (/\d/.test(c)) throw unsupportedRegex(source, `\\${c}`);
  if (!ASCII_PUNCT_RE.test(c)) return [`\\${c}`, 2];
  if (JS_SYNTAX_CHARS.includes(c) || (inClass && c === '-')) return [`\\${c}`, 2];
  return [c, 2];
}

/** \pL, \p{Greek}, \P{^Han} … → \p{L}, \p{Script=Greek}, \p{Script=Han}. */
function translateUnicodeClass(rest: string): [string, number] {
  const m = /^\\([pP])(?:\{(\^?)(\w+)\}|([A-Za-z]))/.exec(rest) ?? fail('#REF!');
  const [text, p, caret, longName, letter] = m;
  const name = longName ?? letter!;
  const negated = (p === 'P') !== (caret === '^');
  const jsName = /^(?:[A-Z][a-z]?|Any)$/.test(name) ? name : `Script=${name}`;
  return [`\\${negated ? 'P' : 'p'}{${jsName}}`, text.length];
}
