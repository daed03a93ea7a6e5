// The identity and permissions matrix (SPEC §4): every sidebar action and guarded-cell edit × every kind of actor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClockTrigger } from '../../emulator/clock';
import { applyUserEdit } from '../../emulator/edits';
import type { CellValue, World } from '../../emulator/world';
import { cells, emulatorFor, sheetState } from '../helpers/project';
import {
  ARCHIVED,
  PEOPLE,
  type Person,
  type State,
  T,
  taskStates,
  UNKNOWN_EDITOR,
  WHO,
  type Who,
} from '../helpers/task-states';

/*
 * The expectations below are this file's reading of SPEC §4 (and §1, §3, §9), written without looking at
 * src/core/workflow.ts:
 * - Identity is the email matched against the Team. Someone whose email is known but not on the Team (a stranger)
 *   may do nothing; an unknown identity ('') may do whatever a Team role would allow, and every change it makes to
 *   the task sheets is recorded in the Sync Log as made by an unknown user. Admin-only functions check the admin's
 *   email, so an unknown identity cannot pass them.
 * - Tasks: anyone on the Team creates a task naming themselves as initiator; only a 主管 names someone else.
 *   Progress on a subtask: its owner, or the people answerable for the whole task (task owner, initiator, 主管).
 *   待验收: the task owner, or a subtask owner once every subtask is at 100. Accept, reject, cancel, retrospective:
 *   the initiator or a 主管. Settings, archive now, restore: the admin. A review: anyone on the Team; emailing it to
 *   the 主管s: a 主管 or the admin.
 * - Direct edits of guarded cells stand only where the editor could have made the change through the sidebar:
 *   IDs never change (§3); 发起人 is the 主管's to name and 负责人 the initiator's or a 主管's (as when creating a
 *   task; §1: the lead assigns owners, subtask owners included); 完成日期 is stamped by the tool, never typed;
 *   a status moves only as the matching action would move it, and rejecting or cancelling needs a reason, which a
 *   cell cannot give. An unknown identity's edit stands and is recorded where a role could make it.
 */

const OV = '部门任务总览表';
const PR = '任务执行进度跟踪表';
const SYNC = '信息同步共享记录表';
const UNKNOWN_NOTE = '(未知用户)';
const UNKNOWN_EDIT_TOPIC = '直接编辑(未知用户)';

/** Refusals, by the message the person reads. */
const REFUSED: Record<string, (p: Person) => string> = {
  team: (p) => `你(${p.email})不在成员表中,无法操作`,
  behalf: () => '只有主管可以替他人发起任务',
  progress: () => '只有子任务负责人、任务负责人、发起人或主管可以更新进度',
  submit: () => '只有任务负责人(或在所有子任务达到 100% 时的子任务负责人)可以提交验收',
  accept: () => '只有任务发起人或主管可以验收或退回',
  cancel: () => '只有任务发起人或主管可以取消任务',
  retro: () => '只有任务发起人或主管可以记录复盘结论',
  settings: () => '只有管理员(qiang@example.com)可以修改设置',
  archive: () => '只有管理员(qiang@example.com)可以立即归档',
  restore: () => '只有管理员(qiang@example.com)可以从归档恢复',
  mail: () => '只有主管或管理员可以将复盘报告发送给主管',
};

interface Call {
  fn: string;
  args: unknown[];
  /** A menu item (runs with a UI, not through google.script.run). */
  menu?: boolean;
}

/** One sidebar function in one state; `expect` gives the outcome per actor, in WHO order. */
interface SidebarCase {
  case: string;
  state: State;
  call: (p: Person) => Call;
  expect: string;
}

const task = (initiator: string) => ({
  prefix: '权限新建',
  name: '新任务',
  initiator,
  owner: '*峰',
  collaborators: [],
  project: '',
  type: 'routine',
  due: '2024-11-20',
  notes: '验收标准',
  subtasks: [],
});
const rpc = (fn: string, arg?: unknown) => (): Call => ({ fn, args: arg === undefined ? [] : [arg] });
const menu = (fn: string, arg?: unknown) => (): Call => ({
  fn,
  args: arg === undefined ? [] : [arg],
  menu: true,
});
const LAST_WEEK = { from: '2024-10-14', to: '2024-10-20' };

// ok: allowed · logged: allowed and recorded in the Sync Log as an unknown user · anything else: refused (REFUSED)
const SIDEBAR: SidebarCase[] = [
  //         admin      manager    initiator  owner      subOwner   collab.    stranger   unknown
  {
    case: 'createTask naming oneself as initiator',
    state: 'open',
    call: (p) => rpc('createTask', task(p.name ?? '*丽'))(),
    expect: 'ok         ok         ok         ok         ok         ok         team       logged',
  },
  {
    case: 'createTask on behalf of *伟',
    state: 'open',
    call: rpc('createTask', task('*伟')),
    expect: 'ok         ok         behalf     behalf     behalf     behalf     team       logged',
  },
  {
    case: "updateProgress of the subtask owner's subtask",
    state: 'started',
    call: rpc('updateProgress', { subtaskId: `${T}-02`, progress: 30, done: 'd', next: 'n', blockers: '' }),
    expect: 'ok         ok         ok         ok         ok         progress   team       logged',
  },
  {
    case: "updateProgress of the task owner's subtask",
    state: 'started',
    call: rpc('updateProgress', { subtaskId: `${T}-01`, progress: 60, done: 'd', next: 'n', blockers: '' }),
    expect: 'ok         ok         ok         ok         progress   progress   team       logged',
  },
  {
    case: 'addSyncRecord on the task',
    state: 'started',
    call: rpc('addSyncRecord', {
      topic: '进展',
      content: '内容',
      audience: '项目组全体',
      kind: 'progress',
      taskId: T,
    }),
    expect: 'ok         ok         ok         ok         ok         ok         team       logged',
  },
  {
    case: 'submitForAcceptance while a subtask is below 100',
    state: 'started',
    call: rpc('submitForAcceptance', { taskId: T }),
    expect: 'submit     submit     submit     ok         submit     submit     team       logged',
  },
  {
    case: 'submitForAcceptance with every subtask at 100',
    state: 'allAt100',
    call: rpc('submitForAcceptance', { taskId: T }),
    expect: 'submit     submit     submit     ok         ok         submit     team       logged',
  },
  {
    case: 'acceptTask',
    state: 'pending',
    call: rpc('acceptTask', { taskId: T, note: '好' }),
    expect: 'ok         ok         ok         accept     accept     accept     team       logged',
  },
  {
    case: 'rejectTask',
    state: 'pending',
    call: rpc('rejectTask', { taskId: T, reason: '不完整' }),
    expect: 'ok         ok         ok         accept     accept     accept     team       logged',
  },
  {
    case: 'cancelTask',
    state: 'started',
    call: rpc('cancelTask', { taskId: T, reason: '不需要了' }),
    expect: 'ok         ok         ok         cancel     cancel     cancel     team       logged',
  },
  {
    case: 'recordRetrospective',
    state: 'done',
    call: rpc('recordRetrospective', { taskId: T, text: '结论' }),
    expect: 'ok         ok         ok         retro      retro      retro      team       logged',
  },
  {
    case: 'getSettings',
    state: 'open',
    call: rpc('getSettings'),
    expect: 'ok         settings   settings   settings   settings   settings   settings   settings',
  },
  {
    case: 'saveSettings',
    state: 'open',
    call: rpc('saveSettings', { digestHour: 8 }),
    expect: 'ok         settings   settings   settings   settings   settings   settings   settings',
  },
  {
    case: 'archiveNow',
    state: 'open',
    call: menu('archiveNow'),
    expect: 'ok         archive    archive    archive    archive    archive    archive    archive',
  },
  {
    case: 'restoreFromArchive',
    state: 'archived',
    call: menu('restoreFromArchive', { taskId: ARCHIVED }),
    expect: 'ok         restore    restore    restore    restore    restore    restore    restore',
  },
  {
    case: 'generateReview',
    state: 'done',
    call: rpc('generateReview', LAST_WEEK),
    expect: 'ok         ok         ok         ok         ok         ok         team       ok',
  },
  {
    case: 'generateReview emailed to the 主管s',
    state: 'done',
    call: rpc('generateReview', { ...LAST_WEEK, email: true }),
    expect: 'ok         ok         mail       mail       mail       mail       team       ok',
  },
];

/** One guarded cell edit in one state: typed into the cell, or pasted with the `paste` neighbour (unchanged). */
interface EditCase {
  case: string;
  state: State;
  sheet: string;
  /** The ID in column A of the edited row. */
  row: string;
  col: string;
  value: string;
  paste: string;
  expect: string;
}

// ok: the edit stands · back: restored, with a note saying why · logged: stands, recorded as an unknown user's edit
const EDITS: EditCase[] = [
  //         admin      manager    initiator  owner      subOwner   collab.    stranger   unknown
  {
    case: '任务ID',
    state: 'open',
    sheet: OV,
    row: T,
    col: 'A',
    value: '权限测试2024-099',
    paste: 'B',
    expect: 'back       back       back       back       back       back       back       back',
  },
  {
    case: '发起人 → *伟',
    state: 'open',
    sheet: OV,
    row: T,
    col: 'C',
    value: '*伟',
    paste: 'B',
    expect: 'ok         ok         back       back       back       back       back       logged',
  },
  {
    case: '负责人 → 芳',
    state: 'open',
    sheet: OV,
    row: T,
    col: 'D',
    value: '芳',
    paste: 'E',
    expect: 'ok         ok         ok         back       back       back       back       logged',
  },
  {
    case: '完成日期 typed on a done task',
    state: 'done',
    sheet: OV,
    row: T,
    col: 'L',
    value: '2024-10-01',
    paste: 'K',
    expect: 'back       back       back       back       back       back       back       logged',
  },
  {
    case: '当前状态 未开始 → 进行中',
    state: 'open',
    sheet: OV,
    row: T,
    col: 'J',
    value: '进行中',
    paste: 'K',
    expect: 'ok         ok         ok         ok         ok         back       back       logged',
  },
  {
    case: '当前状态 进行中 → 待验收 while a subtask is below 100',
    state: 'started',
    sheet: OV,
    row: T,
    col: 'J',
    value: '待验收',
    paste: 'K',
    expect: 'back       back       back       ok         back       back       back       logged',
  },
  {
    case: '当前状态 进行中 → 待验收 with every subtask at 100',
    state: 'allAt100',
    sheet: OV,
    row: T,
    col: 'J',
    value: '待验收',
    paste: 'K',
    expect: 'back       back       back       ok         ok         back       back       logged',
  },
  {
    case: '当前状态 待验收 → 已完成',
    state: 'pending',
    sheet: OV,
    row: T,
    col: 'J',
    value: '已完成',
    paste: 'K',
    expect: 'ok         ok         ok         back       back       back       back       logged',
  },
  {
    case: '当前状态 待验收 → 进行中 (a rejection needs a reason)',
    state: 'pending',
    sheet: OV,
    row: T,
    col: 'J',
    value: '进行中',
    paste: 'K',
    expect: 'back       back       back       back       back       back       back       back',
  },
  {
    case: '当前状态 进行中 → 已取消 (a cancellation needs a reason)',
    state: 'started',
    sheet: OV,
    row: T,
    col: 'J',
    value: '已取消',
    paste: 'K',
    expect: 'back       back       back       back       back       back       back       back',
  },
  {
    case: '当前状态 已完成 → 进行中 (no action reopens)',
    state: 'done',
    sheet: OV,
    row: T,
    col: 'J',
    value: '进行中',
    paste: 'K',
    expect: 'back       back       back       back       back       back       back       back',
  },
  {
    case: '当前状态 未开始 → 已完成 (acceptance needs 待验收)',
    state: 'open',
    sheet: OV,
    row: T,
    col: 'J',
    value: '已完成',
    paste: 'K',
    expect: 'back       back       back       back       back       back       back       back',
  },
  {
    case: '子任务ID',
    state: 'open',
    sheet: PR,
    row: `${T}-02`,
    col: 'A',
    value: '权限测试2024-001-09',
    paste: 'B',
    expect: 'back       back       back       back       back       back       back       back',
  },
  {
    case: '所属主任务ID',
    state: 'open',
    sheet: PR,
    row: `${T}-02`,
    col: 'B',
    value: '日常协作2024-015',
    paste: 'C',
    expect: 'back       back       back       back       back       back       back       back',
  },
  {
    case: '子任务负责人 → 芳',
    state: 'open',
    sheet: PR,
    row: `${T}-02`,
    col: 'D',
    value: '芳',
    paste: 'C',
    expect: 'ok         ok         ok         back       back       back       back       logged',
  },
];

const outcomeOf = (expectation: string, who: Who) => expectation.trim().split(/\s+/)[WHO.indexOf(who)]!;

// --- the fixture: the sample workbook with task T in each state ---

let states: Record<State, World>;
beforeAll(() => {
  states = taskStates();
}, 60_000);

// --- checks ---

const snapshot = (world: World) => JSON.stringify([world.spreadsheet, world.properties.document]);
const syncRows = (world: World) => cells(world, SYNC);

/** Sync Log rows added since `before` rows that say an unknown user acted. */
function unknownRecords(world: World, before: number): unknown[][] {
  return syncRows(world)
    .slice(before)
    .filter((r) => String(r[6]).includes(UNKNOWN_NOTE) || r[1] === UNKNOWN_EDIT_TOPIC);
}

function runSidebarCase(c: SidebarCase, who: Who): void {
  const world = structuredClone(states[c.state]);
  const person = PEOPLE[who];
  const call = c.call(person);
  const before = snapshot(world);
  const syncBefore = syncRows(world).length;
  const r = emulatorFor(world).call(call.fn, call.args, person.email, call.menu ? {} : { rpc: true });
  const outcome = outcomeOf(c.expect, who);
  if (outcome === 'ok' || outcome === 'logged') {
    expect(r.ok, r.error?.message).toBe(true);
    expect(unknownRecords(world, syncBefore).length > 0, 'recorded as an unknown user').toBe(
      outcome === 'logged',
    );
    return;
  }
  expect(r.ok, 'refused').toBe(false);
  expect(r.error!.message).toBe(REFUSED[outcome]!(person));
  expect(snapshot(world) === before, 'a refusal changes nothing').toBe(true);
}

const colNumber = (letter: string) => letter.charCodeAt(0) - 64;

/** A cell as the person sees it: dates as yyyy-MM-dd. */
function shown(v: CellValue | undefined): string {
  if (v !== null && typeof v === 'object' && 'd' in v)
    return new Date(Math.round((v.d - 25569) * 86_400_000)).toISOString().slice(0, 10);
  return String(v ?? '');
}

function runEditCase(c: EditCase, who: Who, mode: 'cell' | 'paste'): void {
  const world = structuredClone(states[c.state]);
  let user = PEOPLE[who].email;
  if (who === 'unknown') {
    world.config.identity = 'consumer';
    user = UNKNOWN_EDITOR;
  }
  const rowOf = () => sheetState(world, c.sheet).rows.findIndex((r) => r[0] === c.row) + 1;
  const row = rowOf();
  const at = (col: string) => sheetState(world, c.sheet).rows[row - 1]![colNumber(col) - 1];
  const old = at(c.col);
  const syncBefore = syncRows(world).length;
  const cols = [c.col, c.paste].sort();
  const values = [cols.map((col) => (col === c.col ? c.value : shown(at(col))))];
  const emu = emulatorFor(world);
  const r =
    mode === 'cell'
      ? applyUserEdit(emu, { sheet: c.sheet, a1: `${c.col}${row}`, value: c.value, user })
      : applyUserEdit(emu, { sheet: c.sheet, a1: `${cols[0]}${row}:${cols[1]}${row}`, values, user });
  expect(r.ok, r.rejected).toBe(true);
  expect(r.triggers.filter((x) => !x.ok)).toEqual([]);
  const now = at(c.col);
  const note = sheetState(world, c.sheet).notes[`${row}:${colNumber(c.col)}`] ?? '';
  const outcome = outcomeOf(c.expect, who);
  if (outcome === 'back') {
    expect(shown(now)).toBe(shown(old));
    expect(note).toContain('已恢复');
    expect(unknownRecords(world, syncBefore)).toEqual([]);
    return;
  }
  expect(shown(now)).toBe(c.value);
  expect(note).not.toContain('已恢复');
  if (c.col === 'J' && c.value === '已完成') expect(shown(at('L'))).toBe('2024-10-24');
  expect(unknownRecords(world, syncBefore).length > 0, 'recorded as an unknown user').toBe(
    outcome === 'logged',
  );
}

// --- the matrix ---

const MENU_CASES = 2 * WHO.length;
const MATRIX_SIZE = SIDEBAR.length * WHO.length + EDITS.length * WHO.length * 2 + MENU_CASES;

afterAll(() => {
  console.log(
    `permissions matrix: ${MATRIX_SIZE} cases (${SIDEBAR.length * WHO.length} sidebar, ` +
      `${EDITS.length * WHO.length * 2} direct edits, ${MENU_CASES} onOpen)`,
  );
});

describe.each(SIDEBAR)('sidebar: $case ($state)', (c) => {
  it.each(WHO)('as %s', (who) => runSidebarCase(c, who));
});

describe.each(EDITS)('direct edit: $case', (c) => {
  it.each(WHO)('typed by %s', (who) => runEditCase(c, who, 'cell'));
  it.each(WHO)('pasted by %s', (who) => runEditCase(c, who, 'paste'));
});

// --- opening the file, and jobs whose installer has left the Team ---

const MENU_APIS = ['Menu.addItem', 'Menu.addToUi', 'SpreadsheetApp.getUi', 'Ui.createAddonMenu'];
/** What each auth mode may touch: the menu only; in LIMITED also the settings, for the workbook's language. */
const OPEN_APIS = {
  NONE: MENU_APIS,
  LIMITED: [
    ...MENU_APIS,
    'Properties.getProperties',
    'PropertiesService.getDocumentProperties',
    'SpreadsheetApp.getActive',
  ],
};

describe.each(['NONE', 'LIMITED'] as const)('onOpen in AuthMode.%s', (mode) => {
  let reference: string[] | null = null;
  it.each(WHO)('for %s builds the add-on menu and nothing else', (who) => {
    const world = structuredClone(states.open);
    let user = PEOPLE[who].email;
    if (who === 'unknown') {
      world.config.identity = 'consumer';
      user = UNKNOWN_EDITOR;
    }
    const before = snapshot(world);
    const r = emulatorFor(world).simpleTrigger('onOpen', { kind: 'open', user, authMode: mode }, user, mode);
    expect(r.ok, r.error?.message).toBe(true);
    expect(Object.keys(r.metrics.byApi).sort()).toEqual([...OPEN_APIS[mode]].sort());
    expect(snapshot(world) === before, 'opening changes nothing').toBe(true);
    const items = world.ui.menus.flatMap((m) => m.items).map((i) => JSON.stringify(i));
    reference ??= items;
    expect(items.length).toBeGreaterThan(5);
    expect(items, 'the same menu for everyone').toEqual(reference);
  });
});

describe('daily jobs whose installing admin has left the Team sheet', () => {
  /** The workbook with the jobs installed by the admin, whose Team row a 主管 then deletes. */
  function adminLeft() {
    const world = structuredClone(states.open);
    const emu = emulatorFor(world);
    emu.callOk('installDailyJobs', [], PEOPLE.admin.email);
    const team = sheetState(world, '成员');
    team.rows = team.rows.filter((r) => r[1] !== PEOPLE.admin.email);
    const scheduler = world.triggers.find((t) => t.handler === 'runScheduledJobs')!;
    expect(scheduler.owner).toBe(PEOPLE.admin.email);
    return { world, emu, scheduler };
  }
  const reports = (world: World) =>
    cells(world, '通知日志').filter((r) => r[1] === 'jobsAccount' && r[3] === PEOPLE.admin.email);

  it.each(['runScheduledJobs', 'runDailyDigest'])(
    '%s says so in the Notification Log, once a day, and in the 主管s’ team digest',
    (handler) => {
      const { world, emu, scheduler } = adminLeft();
      const r = runClockTrigger(emu, { ...scheduler, handler }, world.clock.now);
      expect(r.ok, r.error?.message).toBe(true);
      expect(reports(world)).toHaveLength(1);
      expect(reports(world)[0]![5]).toBe('error');
      expect(String(reports(world)[0]![4])).toBe('每日任务的运行账号已不在成员表中');
      const digest = world.outbox.find((m) => m.to === PEOPLE.manager.email)!;
      expect(digest.subject).toContain('团队摘要');
      for (const text of [digest.htmlBody, digest.body]) {
        expect(text).toContain('每日任务的运行账号已不在成员表中');
        expect(text).toContain(PEOPLE.admin.email);
      }
      expect(world.outbox.some((m) => m.to === PEOPLE.admin.email)).toBe(false);
      world.clock.now += 60 * 60_000;
      expect(runClockTrigger(emu, { ...scheduler, handler: 'runRollCall' }, world.clock.now).ok).toBe(true);
      expect(reports(world)).toHaveLength(1);
    },
  );

  it('says nothing while the admin is on the Team', () => {
    const world = structuredClone(states.open);
    const emu = emulatorFor(world);
    emu.callOk('installDailyJobs', [], PEOPLE.admin.email);
    const scheduler = world.triggers.find((t) => t.handler === 'runScheduledJobs')!;
    expect(runClockTrigger(emu, scheduler, world.clock.now).ok).toBe(true);
    expect(reports(world)).toEqual([]);
    expect(world.outbox.find((m) => m.to === PEOPLE.admin.email)!.body).not.toContain('运行账号');
  });
});
