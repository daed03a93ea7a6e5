// The review report and retrospectives through dist/Code.js: the seed's week, permissions, edits on the report, mail.
import { describe, expect, it } from 'vitest';
import { applyUserEdit } from '../../emulator/edits';
import type { World } from '../../emulator/world';
import { ADMIN, cells, emulatorFor, sampleWorld, sheetState } from '../helpers/project';

const OV = '部门任务总览表';
const SYNC = '信息同步共享记录表';
const WEEK = '复盘-2024-10-14~2024-10-20';
const WEI = 'wei@example.com'; // *伟, 项目负责人, initiator of the done task 紧急任务2024-003
const MING = 'ming@example.com';

interface ReviewResult {
  sheet: string;
  counts: Record<string, number>;
  emailed: string[];
  mailNote: string;
}

function setup() {
  const world = sampleWorld();
  return { world, emu: emulatorFor(world) };
}

/** The report's rows as text, blanks dropped, dates as yyyy-MM-dd (what a person reads). */
function report(world: World, name = WEEK): string[][] {
  return cells(world, name).map((r) =>
    r
      .map((v) =>
        typeof v === 'object' && v && 'd' in v
          ? new Date(Math.round((v as { d: number }).d * 86_400_000) + Date.UTC(1899, 11, 30))
              .toISOString()
              .slice(0, 10)
          : String(v),
      )
      .filter((v) => v !== ''),
  );
}

/** The rows of one section of the report, between its title and the next blank row. */
function section(world: World, title: string, name = WEEK): string[][] {
  const rows = report(world, name);
  const top = rows.findIndex((r) => r[0]?.startsWith(title));
  expect(top, title).toBeGreaterThanOrEqual(0);
  const body = rows.slice(top + 2);
  return body.slice(0, body.findIndex((r) => r.length === 0 || /\(\d+\)$/.test(r[0]!)) >>> 0);
}

const notesOf = (world: World, id: string) => {
  const [header, ...rows] = cells(world, OV);
  return String(rows.find((r) => r[0] === id)![header!.indexOf('备注(验收标准/问题记录)')]);
};

describe('generateReview on the seed data', () => {
  it('lists 紧急任务2024-003 as completed and the problem raised on 产品迭代2024-001-01 for 2024-10-14…2024-10-20', () => {
    const { world, emu } = setup();
    const r = emu.callOk<ReviewResult>('generateReview', [{ from: '2024-10-14', to: '2024-10-20' }], ADMIN);
    expect(r.sheet).toBe(WEEK);
    expect(section(world, '本期完成的任务').map((x) => x[0])).toEqual(['紧急任务2024-003']);
    const problems = section(world, '本期提出的问题及响应');
    expect(problems.map((p) => p.slice(0, 2))).toEqual([['产品迭代2024-001', '产品迭代2024-001-01']]);
    expect(problems[0]).toContain('*明');
    expect(r.counts).toMatchObject({ completed: 1, problems: 1 });
    const m = world.executions.at(-1)!;
    expect(m.sheetCalls).toBeLessThanOrEqual(15);
    expect(m.flushes).toBe(0);
  });

  it('counts a task cancelled after a period as open at its end, and as closed in the period it was cancelled in', () => {
    const { world, emu } = setup();
    // 日常协作2024-015 (due 2024-10-25, 待验收) is cancelled on 2024-10-24, after the week of 10-14.
    emu.callOk('cancelTask', [{ taskId: '日常协作2024-015', reason: '需求取消' }], ADMIN);
    emu.callOk('generateReview', [{ from: '2024-10-14', to: '2024-10-20' }], ADMIN);
    expect(section(world, '结转到下期的任务').map((x) => x[0])).toContain('日常协作2024-015');
    const name = '复盘-2024-10-21~2024-10-27';
    emu.callOk('generateReview', [{ from: '2024-10-21', to: '2024-10-27' }], ADMIN);
    expect(section(world, '结转到下期的任务', name).map((x) => x[0])).not.toContain('日常协作2024-015');
  });

  it('shows dates as dates, the on-time rate as a percentage, and user text as text', () => {
    const { world, emu } = setup();
    const record = { topic: '=1+1', content: '=HYPERLINK("http://x")', kind: 'decision', audience: '全体' };
    emu.callOk('addSyncRecord', [record], ADMIN);
    emu.callOk('generateReview', [{ from: '2024-10-21', to: '2024-10-27' }], ADMIN);
    const name = '复盘-2024-10-21~2024-10-27';
    const sheet = sheetState(world, name);
    const decisions = section(world, '决议', name);
    expect(decisions[0]!.slice(1, 3)).toEqual(['=1+1', '=HYPERLINK("http://x")']);
    expect(JSON.stringify(sheet.rows)).not.toContain('"f"');
    const discipline = section(world, '每日 17:00 前更新情况', name);
    expect(discipline.length).toBeGreaterThan(0);
    const rateRow = sheet.rows.findIndex((row) => row[0] === discipline[0]![0] && typeof row[3] === 'number');
    expect(rateRow).toBeGreaterThan(0);
  });

  it('refuses a reversed or malformed period in the user language and writes nothing', () => {
    const { world, emu } = setup();
    const before = world.spreadsheet.sheets.length;
    const bad = emu.call('generateReview', [{ from: '2024-10-20', to: '2024-10-14' }], ADMIN);
    expect(bad.ok).toBe(false);
    expect(bad.error!.message).toMatch(/2024-10-20~2024-10-14/);
    expect(emu.call('generateReview', [{ from: '2024-13-01', to: '2024-10-14' }], ADMIN).ok).toBe(false);
    expect(world.spreadsheet.sheets).toHaveLength(before);
  });

  it('from the menu asks for the period (本周, 上周…) and tells the user where the report went', () => {
    const { world, emu } = setup();
    world.ui.pendingAnswers = ['上周'];
    emu.callOk('generateReview', [], ADMIN);
    expect(world.spreadsheet.sheets.some((s) => s.name === WEEK)).toBe(true);
    expect(world.ui.alerts.at(-1)?.prompt).toContain(WEEK);
    world.ui.pendingAnswers = [null];
    const sheets = world.spreadsheet.sheets.length;
    emu.callOk('generateReview', [], ADMIN);
    expect(world.spreadsheet.sheets).toHaveLength(sheets);
  });

  it('leaves out a 问题 record with no task: no record can answer it, least of all one without a task', () => {
    const { world, emu } = setup();
    const name = '复盘-2024-10-21~2024-10-27';
    const problem = { topic: '会议室不够', content: '会议室不够用', kind: 'problem', audience: '全体' };
    emu.callOk('addSyncRecord', [problem], ADMIN);
    emu.callOk(
      'addSyncRecord',
      [{ topic: '周会', content: '已另约', kind: 'progress', audience: '全体' }],
      MING,
    );
    emu.callOk('generateReview', [{ from: '2024-10-21', to: '2024-10-27' }], ADMIN);
    expect(section(world, '本期提出的问题及响应', name).flat()).not.toContain('会议室不够用');
  });

  it('from the sidebar returns the result without an alert, and regenerating rewrites the same sheet', () => {
    const { world, emu } = setup();
    emu.callOk('generateReview', [{ from: '2024-10-14', to: '2024-10-20' }], ADMIN);
    emu.callOk('generateReview', [{ from: '2024-10-14', to: '2024-10-20' }], ADMIN);
    expect(world.ui.alerts).toHaveLength(0);
    expect(world.spreadsheet.sheets.filter((s) => s.name === WEEK)).toHaveLength(1);
  });
});

describe('the review email to the 主管s', () => {
  it('mails each 主管 a summary with the link', () => {
    const { world, emu } = setup();
    const r = emu.callOk<ReviewResult>(
      'generateReview',
      [{ from: '2024-10-14', to: '2024-10-20', email: true }],
      ADMIN,
    );
    expect(r.emailed).toEqual([ADMIN]);
    expect(r.mailNote).toBe('');
    expect(world.outbox.map((m) => m.to)).toEqual([ADMIN]);
    expect(world.outbox[0]!.body).toContain('完成 1 项');
    expect(world.outbox[0]!.body).toContain(WEEK);
  });

  it('sends nothing in dry-run mode and says so', () => {
    const { world, emu } = setup();
    emu.callOk('saveSettings', [{ email: 'dryRun' }], ADMIN);
    const r = emu.callOk<ReviewResult>(
      'generateReview',
      [{ from: '2024-10-14', to: '2024-10-20', email: true }],
      ADMIN,
    );
    expect(world.outbox).toHaveLength(0);
    expect(r.emailed).toEqual([]);
    expect(r.mailNote).toContain('演练');
  });

  it('with no quota left sends nothing and names who was missed', () => {
    const { world, emu } = setup();
    world.config.mailDailyQuota = 0;
    const r = emu.callOk<ReviewResult>(
      'generateReview',
      [{ from: '2024-10-14', to: '2024-10-20', email: true }],
      ADMIN,
    );
    expect(world.outbox).toHaveLength(0);
    expect(r.mailNote).toContain('*强');
    expect(world.spreadsheet.sheets.some((s) => s.name === WEEK)).toBe(true);
  });
});

describe('recordRetrospective', () => {
  it('lets the initiator add dated conclusions to a done task’s 备注, once per identical entry', () => {
    const { world, emu } = setup();
    const before = notesOf(world, '紧急任务2024-003');
    const r = emu.callOk<{ notes: string }>(
      'recordRetrospective',
      [{ taskId: '紧急任务2024-003', text: '应急预案需提前演练' }],
      WEI,
    );
    const entry = '复盘(2024-10-24):应急预案需提前演练';
    expect(r.notes).toBe([before, entry].filter(Boolean).join('\n'));
    expect(notesOf(world, '紧急任务2024-003')).toBe(r.notes);
    emu.callOk('recordRetrospective', [{ taskId: '紧急任务2024-003', text: '应急预案需提前演练' }], WEI);
    expect(notesOf(world, '紧急任务2024-003')).toBe(r.notes);
    expect(world.executions.at(-1)!.calls).toBeLessThanOrEqual(10);
  });

  it('refuses someone who is neither the initiator nor a 主管, and a task not done, changing nothing', () => {
    const { world, emu } = setup();
    const sheet = JSON.stringify(cells(world, OV));
    const stranger = emu.call('recordRetrospective', [{ taskId: '紧急任务2024-003', text: '结论' }], MING);
    expect(stranger.error!.message).toBe('只有任务发起人或主管可以记录复盘结论');
    const open = emu.call('recordRetrospective', [{ taskId: '日常协作2024-015', text: '结论' }], ADMIN);
    expect(open.error!.message).toContain('尚未完成');
    const missing = emu.call('recordRetrospective', [{ taskId: '紧急任务2024-099', text: '结论' }], ADMIN);
    expect(missing.ok).toBe(false);
    const empty = emu.call('recordRetrospective', [{ taskId: '紧急任务2024-003', text: '  ' }], WEI);
    expect(empty.ok).toBe(false);
    expect(JSON.stringify(cells(world, OV))).toBe(sheet);
  });

  it('a 主管 may record it; where the user cannot be identified it is allowed and recorded in the Sync Log', () => {
    const { world, emu } = setup();
    emu.callOk('recordRetrospective', [{ taskId: '紧急任务2024-003', text: '主管结论' }], ADMIN);
    expect(notesOf(world, '紧急任务2024-003')).toContain('主管结论');
    const syncRows = cells(world, SYNC).length;
    emu.callOk('recordRetrospective', [{ taskId: '紧急任务2024-003', text: '匿名结论' }], '', { rpc: true });
    expect(notesOf(world, '紧急任务2024-003')).toContain('匿名结论');
    const log = cells(world, SYNC);
    expect(log).toHaveLength(syncRows + 1);
    expect(log.at(-1)!.join('|')).toContain('匿名结论');
  });
});

describe('conclusions typed into the report', () => {
  function withReport() {
    const x = setup();
    x.emu.callOk('generateReview', [{ from: '2024-10-14', to: '2024-10-20' }], ADMIN);
    const rows = sheetState(x.world, WEEK).rows;
    const row = rows.findIndex((r) => r[0] === '紧急任务2024-003') + 1;
    const col = rows.find((r) => r.includes('复盘结论(发起人填写,自动记入备注)'))!.length;
    const a1 = `${String.fromCharCode(64 + col)}${row}`;
    return { ...x, row, col, a1 };
  }

  it('are copied into the task’s 备注 when the initiator writes them, with a note saying so', () => {
    const { world, emu, a1, row, col } = withReport();
    const r = applyUserEdit(emu, { sheet: WEEK, a1, value: '演练不足,下季度补', user: WEI });
    expect(r.triggers.every((t) => t.ok)).toBe(true);
    expect(notesOf(world, '紧急任务2024-003')).toContain('复盘(2024-10-24):演练不足,下季度补');
    expect(sheetState(world, WEEK).notes[`${row}:${col}`]).toContain('紧急任务2024-003');
  });

  it('stay where they were typed, with the reason in a note, when the editor may not record them', () => {
    const { world, emu, a1, row, col } = withReport();
    const before = notesOf(world, '紧急任务2024-003');
    applyUserEdit(emu, { sheet: WEEK, a1, value: '我的看法', user: MING });
    expect(notesOf(world, '紧急任务2024-003')).toBe(before);
    expect(sheetState(world, WEEK).rows[row - 1]![col - 1]).toBe('我的看法');
    expect(sheetState(world, WEEK).notes[`${row}:${col}`]).toBe('只有任务发起人或主管可以记录复盘结论');
  });

  it('are ignored outside the completed tasks’ conclusion column', () => {
    const { world, emu, row } = withReport();
    const before = JSON.stringify(cells(world, OV));
    applyUserEdit(emu, { sheet: WEEK, a1: `B${row}`, value: '改名', user: WEI });
    expect(JSON.stringify(cells(world, OV))).toBe(before);
  });
});

describe('conclusions typed into the report, into 备注 as written', () => {
  it('keeps 备注 that begins with "- " exactly, with no apostrophe added', () => {
    const { world, emu } = setup();
    emu.callOk('generateReview', [{ from: '2024-10-14', to: '2024-10-20' }], ADMIN);
    const ov = sheetState(world, OV);
    const taskRow = ov.rows.findIndex((r) => r[0] === '紧急任务2024-003');
    ov.rows[taskRow]![ov.rows[0]!.indexOf('备注(验收标准/问题记录)')] = '- 根因:配置错误';
    const rows = sheetState(world, WEEK).rows;
    const row = rows.findIndex((r) => r[0] === '紧急任务2024-003') + 1;
    const col = rows.find((r) => r.includes('复盘结论(发起人填写,自动记入备注)'))!.length;
    const r = applyUserEdit(emu, {
      sheet: WEEK,
      a1: `${String.fromCharCode(64 + col)}${row}`,
      value: '- 加监控',
      user: WEI,
    });
    expect(r.triggers.every((t) => t.ok)).toBe(true);
    expect(notesOf(world, '紧急任务2024-003')).toBe('- 根因:配置错误\n复盘(2024-10-24):- 加监控');
    expect(world.executions.filter((x) => x.fn === 'handleEdit').at(-1)!.flushes).toBe(0);
  });
});
