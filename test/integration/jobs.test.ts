// Simulated weeks through dist/Code.js: the hourly scheduler firing at random minutes, with the spreadsheet in
// Asia/Shanghai while this process runs in UTC — the right people get the right items on the right days.
import { describe, expect, it } from 'vitest';
import { archiveWorld } from '../../bench/fixtures';
import { runDueTriggers } from '../../emulator/clock';
import { applyUserEdit } from '../../emulator/edits';
import { formatDate } from '../../emulator/model/datefmt';
import type { Emulator } from '../../emulator/sandbox';
import { at } from '../../emulator/seed';
import type { MailMessage, World } from '../../emulator/world';
import { cells, emulatorFor, sampleWorld } from '../helpers/project';

const TZ = 'Asia/Shanghai';
const ADMIN = 'qiang@example.com';
const MING = 'ming@example.com';
const HUA = 'hua@example.com';
const SECOND_MANAGER = 'zong@example.com';

const local = (iso: string) => formatDate(Date.parse(iso), TZ, 'yyyy-MM-dd HH:mm');
const day = (m: MailMessage) => local(m.sentAt).slice(0, 10);
const time = (m: MailMessage) => local(m.sentAt).slice(11);

interface Scenario {
  world: World;
  emu: Emulator;
  /** Runs every trigger firing up to a Shanghai wall time. */
  until: (wall: string) => void;
  /** Sets the clock (Shanghai wall time) and runs a function as a user; fails the test if it throws. */
  as: <T>(wall: string, fn: string, arg: unknown, user: string) => T;
  mails: (filter?: (m: MailMessage) => boolean) => MailMessage[];
}

/** The sample workbook at `start`, with the daily jobs installed by the admin. */
function scenario(start: string, setup: (s: Scenario) => void = () => {}): Scenario {
  const world = sampleWorld({ now: new Date(at(start, TZ)).toISOString() });
  const emu = emulatorFor(world);
  const s: Scenario = {
    world,
    emu,
    until: (wall) => {
      const firings = runDueTriggers(emu, at(wall, TZ), TZ);
      for (const f of firings)
        expect(f.result.ok, `${f.handler} at ${f.at}: ${f.result.error?.message}`).toBe(true);
    },
    as: (wall, fn, arg, user) => {
      world.clock.now = Math.max(world.clock.now, at(wall, TZ));
      return emu.callOk(fn, arg === undefined ? [] : [arg], user);
    },
    mails: (filter = () => true) => world.outbox.filter(filter),
  };
  setup(s);
  emu.callOk('installDailyJobs', [], ADMIN);
  return s;
}

/** A task created by the admin: owner *明, subtasks for *明 and *华 (collaborator 芳), due as given. */
function activeTask(s: Scenario, wall: string, due: string, prefix = '测试'): string {
  return s.as<{ taskId: string }>(
    wall,
    'createTask',
    {
      prefix,
      name: `${prefix}任务`,
      initiator: '*丽',
      owner: '*明',
      collaborators: [],
      project: '',
      type: 'project',
      priority: 'medium',
      due,
      notes: '标准',
      subtasks: [
        { name: '第一部分', owner: '*明', collaborators: ['芳'] },
        { name: '第二部分', owner: '*华', collaborators: [] },
      ],
    },
    'li@example.com',
  ).taskId;
}

/** The lines of a digest section `■ title(n)` up to the blank line that ends it, or null when there is none. */
function section(body: string, title: string): string | null {
  const lines = body.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`■ ${title}(`));
  if (start < 0) return null;
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}
/** The IDs of a section's items (lines `- <ID> <name>`). */
const itemIds = (text: string | null) => [...(text ?? '').matchAll(/^\s*- (\S+) /gm)].map((m) => m[1]!);
/** Text as an email's HTML shows it (independent of the product's escaping). */
const escaped = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const kind = (m: MailMessage) =>
  m.subject.includes('团队摘要')
    ? 'team'
    : m.subject.includes('每日摘要')
      ? 'member'
      : m.subject.includes('17:00')
        ? 'rollCall'
        : 'escalation';

describe('a working week (2024-10-14 … 10-20)', () => {
  const s = scenario('2024-10-14 08:00', (x) => activeTask(x, '2024-10-14 08:00', '2024-10-18'));
  s.until('2024-10-20 23:59');

  it('mails only on working days, in each job window', () => {
    const days = new Set(s.mails().map(day));
    expect([...days].sort()).toEqual(['2024-10-14', '2024-10-15', '2024-10-16', '2024-10-17', '2024-10-18']);
    for (const m of s.mails()) {
      const window = {
        team: ['09:00', '10:00'],
        member: ['09:00', '10:00'],
        rollCall: ['15:30', '16:30'],
        escalation: ['17:30', '18:30'],
      }[kind(m)];
      expect(time(m) >= window[0]! && time(m) < window[1]!, `${kind(m)} at ${local(m.sentAt)}`).toBe(true);
    }
  });

  it('sends the 主管 one team digest every working day, and one email per recipient per job', () => {
    expect(s.mails((m) => kind(m) === 'team').map((m) => [day(m), m.to])).toEqual(
      ['14', '15', '16', '17', '18'].map((d) => [`2024-10-${d}`, ADMIN]),
    );
    const keys = s.mails().map((m) => `${day(m)} ${kind(m)} ${m.to}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('sends nobody an empty email', () => {
    expect(s.mails().length).toBeGreaterThan(0);
    for (const m of s.mails()) {
      expect(m.body, m.subject).toMatch(/■ \S/);
      // The HTML carries the same sections and items as the plain text.
      const headings = [...m.body.matchAll(/^■ (.+)$/gm)].map((h) => h[1]!.trim());
      expect(headings.length, m.subject).toBeGreaterThan(0);
      for (const h of headings) expect(m.htmlBody, `${m.subject}: ${h}`).toContain(escaped(h));
      const items = [...m.body.matchAll(/^\s*- (.+)$/gm)].map((i) => i[1]!.trim());
      expect(items.length, m.subject).toBeGreaterThan(0);
      for (const i of items) expect(m.htmlBody, `${m.subject}: ${i}`).toContain(escaped(i));
    }
  });

  it('chases the owners who have not updated, and warns before the due date', () => {
    const rollCalls = s.mails((m) => kind(m) === 'rollCall');
    expect(new Set(rollCalls.map((m) => m.to))).toEqual(new Set([MING, HUA]));
    const mingDigests = s.mails((m) => kind(m) === 'member' && m.to === MING);
    expect(mingDigests.find((m) => day(m) === '2024-10-16')!.body).toContain('即将到期');
    expect(mingDigests.find((m) => day(m) === '2024-10-18')!.body).not.toContain('已逾期');
  });

  it('sends nothing twice when the trigger fires twice', () => {
    const before = s.world.outbox.length;
    s.world.clock.now = at('2024-10-18 16:10', TZ);
    expect(s.emu.callOk('runScheduledJobs', [], ADMIN)).toEqual({ ran: [] });
    expect(s.emu.callOk('runRollCall', [], ADMIN)).toEqual({ ran: [] });
    expect(s.world.outbox).toHaveLength(before);
  });
});

describe('problems awaiting a response (SPEC §6)', () => {
  const raise = (x: Scenario, id: string) =>
    x.as(
      '2024-10-15 15:00',
      'updateProgress',
      { subtaskId: `${id}-01`, progress: 30, blockers: '客户资料缺失,需要协助' },
      MING,
    );
  const teamDigest = (x: Scenario, d: string) => x.mails((m) => kind(m) === 'team' && day(m) === d)[0]!.body;

  it('appear in the 主管 digest on Thursday as waiting > 24 h when raised on Tuesday', () => {
    let id = '';
    const x = scenario('2024-10-14 08:00', (y) => {
      id = activeTask(y, '2024-10-14 08:00', '2024-10-31');
    });
    x.until('2024-10-15 14:00');
    raise(x, id);
    x.until('2024-10-17 11:00');
    expect(teamDigest(x, '2024-10-16')).not.toContain('超过 24 小时未响应的问题');
    expect(teamDigest(x, '2024-10-17')).toContain('超过 24 小时未响应的问题');
    expect(teamDigest(x, '2024-10-17')).toContain('客户资料缺失,需要协助');
    const forInitiator = x.mails(
      (m) => m.to === 'li@example.com' && kind(m) === 'member' && day(m) === '2024-10-16',
    )[0]!;
    expect(forInitiator.body).toContain('待我响应的问题');
  });

  it('are answered by a Sync Log record on the task by someone else', () => {
    let id = '';
    const x = scenario('2024-10-14 08:00', (y) => {
      id = activeTask(y, '2024-10-14 08:00', '2024-10-31');
    });
    x.until('2024-10-15 14:00');
    raise(x, id);
    x.until('2024-10-16 10:30');
    x.as(
      '2024-10-16 11:00',
      'addSyncRecord',
      { topic: '回复', content: '已协调客户资料', audience: '*明', kind: 'decision', taskId: id },
      'li@example.com',
    );
    x.until('2024-10-17 11:00');
    expect(teamDigest(x, '2024-10-17')).not.toContain('客户资料缺失');
  });

  it('are not chased during National Day, and appear on 2024-10-08', () => {
    let id = '';
    const x = scenario('2024-09-27 08:00', (y) => {
      id = activeTask(y, '2024-09-27 08:00', '2024-10-31');
    });
    x.until('2024-09-30 15:00');
    x.as(
      '2024-09-30 16:00',
      'updateProgress',
      { subtaskId: `${id}-01`, progress: 10, blockers: '等待客户确认' },
      MING,
    );
    x.until('2024-10-13 23:00');
    const days = [...new Set(x.mails().map(day))].sort();
    expect(days).toEqual([
      '2024-09-27',
      '2024-09-29',
      '2024-09-30',
      '2024-10-08',
      '2024-10-09',
      '2024-10-10',
      '2024-10-11',
      '2024-10-12',
    ]);
    expect(teamDigest(x, '2024-10-08')).toContain('等待客户确认');
    expect(section(teamDigest(x, '2024-10-08'), '超过 24 小时未响应的问题')).toContain('等待客户确认');
  });
});

describe('the 17:00 roll call', () => {
  it('reaches exactly the owners with no update that day', () => {
    let id = '';
    const x = scenario('2024-10-16 08:00', (y) => {
      id = activeTask(y, '2024-10-16 08:00', '2024-10-31');
    });
    x.as('2024-10-16 11:00', 'updateProgress', { subtaskId: `${id}-01`, progress: 40 }, MING);
    x.until('2024-10-16 16:45');
    const calls = x.mails((m) => kind(m) === 'rollCall');
    expect(calls.map((m) => m.to)).toEqual([HUA]);
    expect(calls[0]!.body).toContain(`${id}-02`);
    expect(time(calls[0]!) >= '15:30' && time(calls[0]!) < '16:30').toBe(true);
  });
});

describe('the digest items on a known day (2024-10-23)', () => {
  let overdue = '';
  let submitted = '';
  const x = scenario('2024-10-21 08:00', (y) => {
    overdue = activeTask(y, '2024-10-21 08:00', '2024-10-22', '逾期');
    submitted = activeTask(y, '2024-10-21 08:00', '2024-10-31', '验收');
  });
  x.until('2024-10-21 10:30');
  x.as('2024-10-21 11:00', 'updateProgress', { subtaskId: `${overdue}-01`, progress: 30 }, MING);
  x.as('2024-10-21 11:00', 'updateProgress', { subtaskId: `${submitted}-01`, progress: 100 }, MING);
  x.as('2024-10-21 11:00', 'updateProgress', { subtaskId: `${submitted}-02`, progress: 100 }, HUA);
  x.as('2024-10-21 11:05', 'submitForAcceptance', { taskId: submitted }, MING);
  x.until('2024-10-23 10:00');
  const digest = (to: string) => {
    const m = x.mails((n) => kind(n) === 'member' && n.to === to && day(n) === '2024-10-23');
    expect(m, to).toHaveLength(1);
    return m[0]!.body;
  };

  it('lists each owner’s overdue subtask (due 10-22) and the ones not updated on the last working day', () => {
    expect(itemIds(section(digest(MING), '已逾期'))).toEqual([`${overdue}-01`]);
    expect(itemIds(section(digest(HUA), '已逾期'))).toEqual([`${overdue}-02`]);
    expect(itemIds(section(digest(MING), '上个工作日未更新'))).toEqual([`${overdue}-01`]);
    expect(section(digest(MING), '上个工作日未更新')).toContain('最近更新 2024-10-21');
    expect(itemIds(section(digest(HUA), '上个工作日未更新'))).toEqual([`${overdue}-02`]);
    expect(section(digest(HUA), '上个工作日未更新')).toContain('从未更新');
  });

  it('lists the tasks awaiting acceptance for their initiator only', () => {
    expect(itemIds(section(digest('li@example.com'), '等待我验收')).sort()).toEqual(
      ['日常协作2024-015', submitted].sort(),
    );
    expect(section(digest(MING), '等待我验收')).toBeNull();
    expect(section(digest(HUA), '等待我验收')).toBeNull();
  });
});

describe('the mail quota', () => {
  it('with room for 5 recipients mails managers first, then overdue work, and reports the rest next time', () => {
    const x = scenario('2024-10-21 08:00', (y) => {
      const members = ['*明', '*华', '*磊', '芳', '阳', '*刚', '*峰'];
      members.forEach((owner, i) => {
        y.as(
          '2024-10-21 08:00',
          'createTask',
          {
            prefix: '额度',
            name: `任务${i}`,
            initiator: '*丽',
            owner,
            type: 'routine',
            due: i < 3 ? '2024-10-18' : '2024-10-31',
            notes: '标准',
          },
          'li@example.com',
        );
      });
      // A second 主管, listed last on the Team sheet: managers go first whatever their place on it.
      const team = y.world.spreadsheet.sheets.find((t) => t.name === '成员')!;
      const row = team.rows.filter((r) => r.some((v) => v !== '')).length + 1;
      const added = applyUserEdit(y.emu, {
        sheet: '成员',
        a1: `A${row}:E${row}`,
        values: [['*总', SECOND_MANAGER, '主管', '管理组', '是']],
        user: ADMIN,
      });
      expect(added.ok).toBe(true);
      y.world.config.mailDailyQuota = 5;
    });
    x.until('2024-10-21 10:00');
    const sent = x.mails().map((m) => m.to);
    expect(sent).toHaveLength(5);
    expect(sent[0]).toBe(ADMIN);
    expect(sent).toContain(SECOND_MANAGER);
    expect(new Set(sent.slice(0, 2))).toEqual(new Set([ADMIN, SECOND_MANAGER]));
    expect(sent).toEqual(expect.arrayContaining(['ming@example.com', 'hua@example.com', 'lei@example.com']));
    const skipped = cells(x.world, '通知日志')
      .filter((r) => r[5] === 'skipped')
      .map((r) => r[3]);
    expect(skipped.length).toBeGreaterThanOrEqual(4);
    x.world.config.mailDailyQuota = 100;
    x.until('2024-10-22 10:00');
    const next = x.mails((m) => kind(m) === 'team' && day(m) === '2024-10-22')[0]!;
    expect(next.body).toContain('上次因邮件额度不足未发送');
    for (const email of skipped) expect(next.body).toContain(String(email));
  });
});

describe('the jobs run on their own', () => {
  it('send nothing on a holiday', () => {
    const x = scenario('2024-10-03 09:30');
    expect(x.emu.callOk('runDailyDigest', [], ADMIN)).toEqual({ ran: [] });
    expect(x.emu.callOk('runScheduledJobs', [], ADMIN)).toEqual({ ran: [] });
    expect(x.world.outbox).toEqual([]);
  });

  it('write emails to the Notification Log instead of sending them in dry-run mode', () => {
    const x = scenario('2024-10-21 09:30');
    x.emu.callOk('saveSettings', [{ email: 'dryRun' }], ADMIN);
    expect(x.emu.callOk('runDailyDigest', [], ADMIN)).toEqual({ ran: ['digest'] });
    expect(x.world.outbox).toEqual([]);
    const rows = cells(x.world, '通知日志').filter((r) => r[5] === 'dry-run');
    expect(rows.map((r) => r[3])).toContain(ADMIN);
    expect(String(rows[0]![6])).toContain('■ ');
  });

  it('report who they run as, and install only once', () => {
    const x = scenario('2024-10-21 08:00');
    expect(x.emu.callOk('installDailyJobs', [], ADMIN)).toEqual({ runsAs: ADMIN, installed: [] });
    expect(x.world.triggers.filter((t) => t.handler === 'runScheduledJobs')).toHaveLength(1);
    const status = x.emu.callOk<{ status: { runsAs: string; jobs: { job: string; nextRun: string }[] } }>(
      'getSettings',
      [],
      ADMIN,
    ).status;
    expect(status.runsAs).toBe(ADMIN);
    expect(status.jobs.map((j) => [j.job, j.nextRun])).toEqual([
      ['dashboard', '2024-10-21 09:00'],
      ['digest', '2024-10-21 09:00'],
      ['rollCall', '2024-10-21 15:30'],
      ['escalation', '2024-10-21 17:30'],
      ['archive', '2024-10-21 08:00'],
      ['health', '2024-10-21 08:00'],
    ]);
  });

  it('make every read of the first run of the day, archive and check included, before its first write', () => {
    const world = archiveWorld(1000, 10);
    world.clock.now = at('2024-10-24 09:30', TZ);
    const r = emulatorFor(world).call<{ ran: string[] }>('runScheduledJobs', [], ADMIN);
    expect(r.result).toEqual({ ran: ['dashboard', 'digest', 'archive', 'health'] });
    expect(r.metrics.flushes).toBe(0);
    expect(r.metrics.byApi['Spreadsheet.getSheets']).toBe(1);
    expect(r.metrics.byApi['Spreadsheet.getSpreadsheetTimeZone']).toBe(1);
  });

  it('retry a dashboard refresh that failed at the next hourly run, mailing nobody twice', () => {
    const x = scenario('2024-10-21 09:30');
    x.emu.faults = [{ api: 'Sheet.getCharts', error: 'Service Spreadsheets failed', times: 1 }];
    const first = x.emu.callOk<{ ran: string[]; deferred?: string[] }>('runScheduledJobs', [], ADMIN);
    expect(first.ran).toContain('digest');
    expect(first.deferred).toEqual(['dashboard']);
    const mailed = x.world.outbox.length;
    x.world.clock.now += 3_600_000;
    expect(x.emu.callOk('runScheduledJobs', [], ADMIN)).toEqual({ ran: ['dashboard'] });
    expect(x.world.outbox).toHaveLength(mailed);
  });
});
