// Formula and HTML injection (SPEC §14): hostile text in every text field and Team name stays text in sheets and emails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyUserEdit } from '../../emulator/edits';
import { at } from '../../emulator/seed';
import type { World } from '../../emulator/world';
import {
  FORMULA_PAYLOADS,
  formulaCells,
  hostileEmail,
  hostileWorld,
  MARKUP_PAYLOADS,
  PAYLOADS,
  PREFIXES,
  textCells,
} from '../helpers/hostile';
import { ADMIN, emulatorFor, sheetState } from '../helpers/project';
import { PEOPLE, type State, T, taskStates, UNKNOWN_EDITOR, type Who } from '../helpers/task-states';

const OV = '部门任务总览表';
const PR = '任务执行进度跟踪表';
const SYNC = '信息同步共享记录表';

/** One free-text field of a sidebar function: where its text lands, and whether verbatim or inside a sentence. */
interface Field {
  fn: string;
  field: string;
  state: State;
  as: Who;
  sheet: string;
  verbatim: boolean;
  input: (text: string) => unknown;
}

const newTask = (change: Record<string, unknown>) => ({
  prefix: '注入测试',
  name: '任务',
  initiator: '*强',
  owner: '*明',
  collaborators: [],
  project: '',
  type: 'routine',
  due: '2024-11-20',
  notes: '验收标准',
  subtasks: [{ name: '子任务', owner: '*明', collaborators: [] }],
  ...change,
});
const progress = (change: Record<string, unknown>) => ({ subtaskId: `${T}-01`, progress: 60, ...change });
const record = (change: Record<string, unknown>) => ({
  topic: '主题',
  content: '内容',
  audience: '项目组全体',
  kind: 'problem',
  taskId: T,
  ...change,
});

const field = (f: Omit<Field, 'input'>, input: (text: string) => unknown): Field => ({ ...f, input });

/** Every free-text field of every SPEC §5.1 function (settings and reviews take none). */
const FIELDS: Field[] = [
  ...['name', 'project', 'notes'].map((k) =>
    field({ fn: 'createTask', field: k, state: 'open', as: 'admin', sheet: OV, verbatim: true }, (p) =>
      newTask({ [k]: p }),
    ),
  ),
  field(
    { fn: 'createTask', field: 'subtasks.0.name', state: 'open', as: 'admin', sheet: PR, verbatim: true },
    (p) => newTask({ subtasks: [{ name: p, owner: '*明' }] }),
  ),
  ...['done', 'next', 'blockers'].map((k) =>
    field({ fn: 'updateProgress', field: k, state: 'started', as: 'owner', sheet: PR, verbatim: true }, (p) =>
      progress({ [k]: p }),
    ),
  ),
  ...['topic', 'content', 'audience', 'attachment', 'notes'].map((k) =>
    field({ fn: 'addSyncRecord', field: k, state: 'open', as: 'owner', sheet: SYNC, verbatim: true }, (p) =>
      record({ [k]: p }),
    ),
  ),
  field(
    { fn: 'acceptTask', field: 'note', state: 'pending', as: 'initiator', sheet: SYNC, verbatim: false },
    (p) => ({
      taskId: T,
      note: p,
    }),
  ),
  ...['rejectTask', 'cancelTask'].map((fn) =>
    field(
      {
        fn,
        field: 'reason',
        state: fn === 'rejectTask' ? 'pending' : 'started',
        as: 'initiator',
        sheet: SYNC,
        verbatim: false,
      },
      (p) => ({
        taskId: T,
        reason: p,
      }),
    ),
  ),
  field(
    { fn: 'recordRetrospective', field: 'text', state: 'done', as: 'initiator', sheet: OV, verbatim: false },
    (p) => ({ taskId: T, text: p }),
  ),
];

let states: Record<State, World>;
beforeAll(() => {
  states = taskStates();
}, 60_000);

/** The text of the cells of `sheet` that the call changed. */
function changedText(before: World, after: World, sheet: string): string[] {
  const old = sheetState(before, sheet).rows;
  return sheetState(after, sheet).rows.flatMap((r, i) =>
    r.filter((v, j): v is string => typeof v === 'string' && v !== (old[i]?.[j] ?? '')),
  );
}

function stored(f: Field, text: string): void {
  const world = structuredClone(states[f.state]);
  const before = structuredClone(world);
  const r = emulatorFor(world).call(f.fn, [f.input(text)], PEOPLE[f.as].email, { rpc: true });
  expect(r.ok, r.error?.message).toBe(true);
  expect(formulaCells(world)).toEqual([]);
  const changed = changedText(before, world, f.sheet);
  expect(
    changed.some((v) => (f.verbatim ? v === text : v.includes(text))),
    `${f.sheet} holds ${text} as text: ${JSON.stringify(changed)}`,
  ).toBe(true);
}

const CASES = FIELDS.length * PAYLOADS.length + PREFIXES.length;

it('would notice a formula (a cell outside the template columns is not plain text)', () => {
  const world = structuredClone(states.open);
  const r = applyUserEdit(emulatorFor(world), {
    sheet: OV,
    a1: 'Z2',
    value: FORMULA_PAYLOADS[0]!,
    user: ADMIN,
  });
  expect(r.ok).toBe(true);
  expect(formulaCells(world)).toEqual([`${OV}!2:26`]);
});

describe.each(FIELDS)('$fn($field)', (f) => {
  it.each(PAYLOADS)('stores %s as text, never a formula', (p) => stored(f, p));
});

describe('createTask(prefix)', () => {
  it.each(PREFIXES)('keeps an ID starting with %s as text', (prefix) => {
    const world = structuredClone(states.open);
    const r = emulatorFor(world).call<{ taskId: string; subtaskIds: string[] }>(
      'createTask',
      [newTask({ prefix })],
      ADMIN,
      { rpc: true },
    );
    expect(r.ok, r.error?.message).toBe(true);
    expect(formulaCells(world)).toEqual([]);
    expect(textCells(world, OV)).toContain(r.result.taskId);
    expect(textCells(world, PR)).toEqual(expect.arrayContaining([r.result.taskId, r.result.subtaskIds[0]]));
  });
});

/** What an email's HTML shows for a text (independent of the product's escaping). */
const escaped = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('a workbook full of hostile text: Team names, every field, the reports and the emails', () => {
  let world: World;
  const REVIEW = '复盘-2024-10-21~2024-10-27';

  beforeAll(() => {
    world = hostileWorld();
    const emu = emulatorFor(world);
    emu.callOk('runDailyDigest', [], ADMIN);
    emu.callOk('refreshDashboard', [], ADMIN);
    emu.callOk('generateReview', [{ from: '2024-10-21', to: '2024-10-27' }], ADMIN, { rpc: true });
    world.clock.now = at('2024-10-24 15:30');
    emu.callOk('runRollCall', [], ADMIN);
    world.clock.now = at('2024-10-24 17:30');
    emu.callOk('runEscalation', [], ADMIN);
  }, 60_000);

  it('holds no formula anywhere, reports and logs included', () => {
    expect(world.spreadsheet.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['看板', REVIEW]));
    expect(formulaCells(world)).toEqual([]);
  });

  it.each(PAYLOADS)('keeps the Team name %s as text wherever it goes', (p) => {
    expect(textCells(world, '成员')).toContain(p);
    for (const sheet of [OV, PR, '看板', REVIEW]) expect(textCells(world, sheet), sheet).toContain(p);
    expect(textCells(world, OV).some((v) => v.includes(`、${p}`) || v === p)).toBe(true);
  });

  it.each(PAYLOADS)('shows %s in the review report as text (tasks, problems, decisions)', (p) => {
    const review = textCells(world, REVIEW);
    expect(review).toContain(`${p} 验收`);
    expect(review.filter((v) => v.includes(p)).length).toBeGreaterThan(3);
  });

  it.each(MARKUP_PAYLOADS)('escapes %s in every email, and shows it as text', (p) => {
    const mails = world.outbox.filter((m) => m.htmlBody);
    expect(mails.length).toBeGreaterThan(PAYLOADS.length);
    for (const m of mails) expect(m.htmlBody, `${m.to}: ${m.subject}`).not.toContain(p);
    const mine = world.outbox.filter((m) => m.to === hostileEmail(PAYLOADS.indexOf(p)));
    expect(mine.map((m) => m.subject).join(' ')).toContain(p);
    for (const m of mine) {
      expect(m.body).toContain(p);
      expect(m.htmlBody).toContain(escaped(p));
    }
    const team = world.outbox.find((m) => m.to === ADMIN && m.subject.includes('团队摘要'))!;
    expect(team.htmlBody).toContain(escaped(p));
  });

  it.each(FORMULA_PAYLOADS)('sends %s as it was typed', (p) => {
    const mine = world.outbox.filter((m) => m.to === hostileEmail(PAYLOADS.indexOf(p)));
    expect(mine.length).toBeGreaterThan(0);
    for (const m of mine) expect(m.body).toContain(p);
  });

  it.each(PAYLOADS)('records an unknown editor naming %s in the Sync Log as that text', (p) => {
    const copy = structuredClone(world);
    copy.config.identity = 'consumer';
    const id = `${PREFIXES[(PAYLOADS.indexOf(p) + 1) % PREFIXES.length]}2024-001`;
    const row = sheetState(copy, OV).rows.findIndex((r) => r[0] === id) + 1;
    const r = applyUserEdit(emulatorFor(copy), { sheet: OV, a1: `D${row}`, value: p, user: UNKNOWN_EDITOR });
    expect(r.ok && r.triggers.every((x) => x.ok), JSON.stringify(r)).toBe(true);
    expect(formulaCells(copy)).toEqual([]);
    expect(
      sheetState(copy, SYNC)
        .rows.filter((x) => x[1] === '直接编辑(未知用户)')
        .map((x) => x[2]),
    ).toEqual([`${id} owner=${p}`]);
  });
});

afterAll(() => {
  const reports = 1 + PAYLOADS.length * 3 + MARKUP_PAYLOADS.length + FORMULA_PAYLOADS.length;
  console.log(`injection: ${CASES} stored-as-text cases, ${reports} Team-name, report, email and edit cases`);
});
