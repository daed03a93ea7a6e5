// Faults through dist/Code.js (SPEC §14): the mail quota running out, triggers firing twice or late, the 6-minute
// limit, full document properties and a busy lock — each ends with a clear log entry and nothing lost or sent twice.
import { describe, expect, it } from 'vitest';
import { benchWorld } from '../../bench/fixtures';
import { runDueTriggers } from '../../emulator/clock';
import { faultsFired, MAIL_QUOTA_ERROR } from '../../emulator/faults';
import { everyRace } from '../../emulator/interleave';
import { formatDate } from '../../emulator/model/datefmt';
import type { Emulator, RunResult } from '../../emulator/sandbox';
import { at } from '../../emulator/seed';
import type { World } from '../../emulator/world';
import { t } from '../../src/core/strings';
import { emulatorFor, sampleWorld } from '../helpers/project';
import { ADMIN, freshFrom, MING, mailedTwice, rowsOf, tally } from '../helpers/reliability';

const points = tally('fault points injected');
const TZ = 'Asia/Shanghai';
const HOUR = 3_600_000;
const NOTICES = '通知日志';
const OWNERS = ['*明', '*华', '*磊', '芳', '阳', '*刚', '*峰'];

/** The sample workbook with one task due 2024-10-25 for each of seven owners, created the day before, at `wall`. */
function busyWorld(
  wall: string,
  world: World = sampleWorld({ now: new Date(at('2024-10-23 10:00')).toISOString() }),
) {
  const emu = emulatorFor(world);
  OWNERS.forEach((owner, i) => {
    emu.callOk(
      'createTask',
      [
        {
          prefix: '故障',
          name: `任务${i}`,
          initiator: '*强',
          owner,
          type: 'routine',
          due: '2024-10-25',
          notes: '标准',
        },
      ],
      ADMIN,
    );
  });
  world.clock.now = at(wall);
  return world;
}

/** Marks the jobs that only rewrite sheets as done today, so a scheduled run does the mailing alone (faster loops). */
function mailOnly(world: World): World {
  const today = formatDate(world.clock.now, TZ, 'yyyy-MM-dd');
  const done = Object.fromEntries(['dashboard', 'archive', 'health'].map((job) => [job, today]));
  world.properties.document['taskSync.jobRuns'] = JSON.stringify(done);
  return world;
}

/** Notification Log rows with a status (and job), as [job, recipient, status, detail]. */
const notices = (world: World, status: string, job?: string) =>
  rowsOf(world, NOTICES)
    .filter((r) => r[5] === status && (job === undefined || r[1] === job))
    .map((r) => [r[1], r[3], r[5], r[6]] as const);

const recipients = (world: World) => world.outbox.map((m) => `${m.subject} → ${m.to}`).sort();

/**
 * After a death and a rerun, nobody is mailed twice and everyone `expected` is mailed — or, when the run died between
 * recording an email and sending it (at most once), logged as recorded by the run that stopped and not sent again.
 */
function accountedFor(world: World, expected: string[], where: string): void {
  expect(mailedTwice(world.outbox), where).toEqual([]);
  const mailed = new Set(recipients(world));
  const recorded = rowsOf(world, NOTICES)
    .filter((r) => /^(recorded by an earlier run|logged before sending)/.test(String(r[6])))
    .map((r) => `${r[4]} → ${r[3]}`);
  const missing = expected.filter((k) => !mailed.has(k));
  expect(
    missing.filter((k) => !recorded.includes(k)),
    where,
  ).toEqual([]);
  expect(missing.length, where).toBeLessThanOrEqual(1);
  for (const k of mailed) expect(expected, where).toContain(k);
}

/** Runs `fn` hourly from the world's clock until it reports `job` ran; returns how many runs it took. */
function untilDone(emu: Emulator, fn: string, job: string, limit = 12): number {
  for (let runs = 1; runs <= limit; runs++) {
    const r = emu.call<{ ran: string[] }>(fn, [], ADMIN);
    expect(r.ok, r.error?.message).toBe(true);
    if (r.result.ran.includes(job)) return runs;
    emu.world.clock.now += HOUR;
  }
  throw new Error(`${job} never finished`);
}

describe('the mail quota runs out in the middle of a send', () => {
  const base = busyWorld('2024-10-24 09:30');
  const fresh = freshFrom(base);
  const clean = fresh();
  clean.callOk('runDailyDigest', [], ADMIN);
  const all = clean.world.outbox.length;

  it('mails nobody twice, logs the rest as skipped, and the next runs go on and report them', () => {
    expect(all).toBeGreaterThanOrEqual(8);
    for (let sent = 0; sent < all; sent++) {
      const emu = fresh();
      emu.faults = [{ api: 'MailApp.sendEmail', after: sent, error: MAIL_QUOTA_ERROR }];
      expect(emu.callOk('runDailyDigest', [], ADMIN), `after ${sent}`).toEqual({ ran: ['digest'] });
      expect(emu.world.outbox, `after ${sent}`).toHaveLength(sent);
      const skipped = notices(emu.world, 'skipped', 'digest');
      expect(skipped.map((n) => n[3]).sort(), `after ${sent}`).toEqual(
        [MAIL_QUOTA_ERROR, ...Array(all - sent - 1).fill('quota')].sort(),
      );
      expect(emu.callOk('runDailyDigest', [], ADMIN)).toEqual({ ran: [] });
      expect(emu.world.outbox).toHaveLength(sent);
      emu.faults = [];
      emu.world.clock.now = at('2024-10-25 09:30');
      emu.callOk('runDailyDigest', [], ADMIN);
      const team = emu.world.outbox.find((m) => m.subject.includes('团队摘要 · 2024-10-25'))!;
      for (const [, to] of skipped) expect(team.body, `after ${sent}`).toContain(String(to));
      expect(mailedTwice(emu.world.outbox)).toEqual([]);
      points.add(1);
    }
  });
});

describe('a run that dies at any service call', () => {
  it('never mails anyone twice, and the next hourly run mails the rest (digest and roll call in one run)', () => {
    // The day's first run comes at 15:40 (the morning's firings were lost): digest and roll call are both due.
    const base = mailOnly(busyWorld('2024-10-24 15:40'));
    const fresh = freshFrom(base);
    const clean = fresh();
    const full = clean.call<{ ran: string[] }>('runScheduledJobs', [], ADMIN);
    expect(full.result.ran).toEqual(expect.arrayContaining(['digest', 'rollCall']));
    const expected = recipients(clean.world);
    for (let k = 1; k <= full.metrics.calls; k++) {
      const emu = fresh();
      emu.dieAtCall = k;
      expect(emu.call('runScheduledJobs', [], ADMIN).ok, `death at call ${k}`).toBe(false);
      emu.world.clock.now += HOUR;
      expect(emu.call('runScheduledJobs', [], ADMIN).ok, `rerun after death at call ${k}`).toBe(true);
      accountedFor(emu.world, expected, `after death at call ${k}`);
      expect(
        notices(emu.world, 'done')
          .map((n) => n[0])
          .sort(),
        `after death at call ${k}`,
      ).toEqual(['digest', 'rollCall']);
      points.add(1);
    }
  });
});

describe('a journal left by the previous version (one job, one value)', () => {
  it('is honoured: whoever it lists is not mailed again, and it is logged and cleared', () => {
    const world = busyWorld('2024-10-24 09:30');
    const journal = { job: 'digest', day: '2024-10-24', sent: [ADMIN, MING] };
    world.properties.document['taskSync.journal'] = JSON.stringify(journal);
    const emu = emulatorFor(world);
    expect(emu.callOk('runDailyDigest', [], ADMIN)).toEqual({ ran: ['digest'] });
    expect(world.outbox.map((m) => m.to)).not.toContain(ADMIN);
    expect(world.outbox.map((m) => m.to)).not.toContain(MING);
    const recorded = notices(world, 'sent', 'digest').filter((n) => String(n[3]).startsWith('recorded by'));
    expect(recorded.map((n) => n[1]).sort()).toEqual([MING, ADMIN].sort());
    expect(world.properties.document['taskSync.journal']).toBeUndefined();
    points.add(1);
  });
});

describe('the trigger fires twice, or late', () => {
  /** A working day of hourly firings (the jobs installed at 08:00) with the given firing faults. */
  function day(faults: Parameters<typeof runDueTriggers>[3]) {
    const world = busyWorld('2024-10-24 08:00');
    const emu = emulatorFor(world);
    emu.callOk('installDailyJobs', [], ADMIN);
    const firings = runDueTriggers(emu, at('2024-10-24 23:00'), TZ, faults);
    for (const f of firings) expect(f.result.ok, `${f.at}: ${f.result.error?.message}`).toBe(true);
    return { world, firings };
  }
  const normal = day({});

  it('twice: every firing runs twice and nothing is sent twice', () => {
    const { world, firings } = day({ twice: true });
    expect(firings.length).toBe(normal.firings.length * 2);
    expect(recipients(world)).toEqual(recipients(normal.world));
    expect(notices(world, 'done').map((n) => n[0])).toEqual(notices(normal.world, 'done').map((n) => n[0]));
    points.add(firings.length / 2);
  });

  it('an hour late: the digest firing comes at 10:xx, and every job still runs once', () => {
    const late = (due: number) => (due >= at('2024-10-24 09:00') && due < at('2024-10-24 10:00') ? HOUR : 0);
    const { world } = day({ late });
    expect(recipients(world)).toEqual(recipients(normal.world));
    expect(notices(world, 'done').map((n) => n[0])).toEqual(['digest', 'rollCall', 'escalation']);
    const digest = world.outbox.find((m) => m.subject.includes('团队摘要'))!;
    expect(Date.parse(digest.sentAt)).toBeGreaterThanOrEqual(at('2024-10-24 10:00'));
    points.add(1);
  });

  it('twice at once: a second firing started at any call of the first leaves the mailing to it', () => {
    const base = mailOnly(busyWorld('2024-10-24 09:30'));
    const run = (emu: Emulator) => emu.call('runScheduledJobs', [], ADMIN);
    const expected = (() => {
      const emu = freshFrom(base)();
      run(emu);
      return recipients(emu.world);
    })();
    let checked = 0;
    const n = everyRace(freshFrom(base), run, run, ({ first, second, point }, emu) => {
      checked++;
      const where = `second firing before call ${point}`;
      expect(first.ok && second.ok, where).toBe(true);
      expect(mailedTwice(emu.world.outbox), where).toEqual([]);
      emu.world.clock.now += HOUR;
      run(emu);
      expect(recipients(emu.world), where).toEqual(expected);
      expect(notices(emu.world, 'done', 'digest'), where).toHaveLength(1);
    });
    expect(n).toBeGreaterThan(10);
    expect(checked).toBe(n);
    points.add(n);
  });

  it('twice at once: a firing while the first mails does nothing itself, so no work is done twice or lost', () => {
    const base = busyWorld('2024-10-24 09:30');
    const run = (emu: Emulator) => emu.call('runScheduledJobs', [], ADMIN);
    const solo = freshFrom(base)();
    const alone = run(solo);
    const logged = (world: World) =>
      rowsOf(world, NOTICES)
        .map((r) => `${r[1]} ${r[3]} ${r[5]}`)
        .sort();
    const jobRuns = (world: World) => world.properties.document['taskSync.jobRuns'];
    // Writes to the sheets, the properties and the mail: the lock's calls, which count as writes, left out.
    const work = (r: RunResult) =>
      Object.entries(r.metrics.byApi)
        .filter(([api]) => api.startsWith('Lock.'))
        .reduce((n, [, count]) => n - count, r.metrics.writes);
    const n = everyRace(freshFrom(base), run, run, ({ first, second, point, api }, emu) => {
      const where = `second firing before call ${point} (${api})`;
      expect(first.ok && second.ok, where).toBe(true);
      expect(work(first) + work(second), where).toBe(work(alone));
      expect(logged(emu.world), where).toEqual(logged(solo.world));
      expect(jobRuns(emu.world), where).toBe(jobRuns(solo.world));
    });
    points.add(n);
  });
});

describe("Apps Script's 6-minute limit", () => {
  it('slow mail: the digest stops in time, says so, and the next hourly runs finish it without duplicates', () => {
    const fresh = freshFrom(busyWorld('2024-10-24 09:30'), { clockRuns: true });
    const emu = fresh();
    emu.faults = [{ api: 'MailApp.sendEmail', delayMs: 100_000 }];
    const first = emu.callOk<{ ran: string[]; deferred?: string[] }>('runDailyDigest', [], ADMIN);
    expect(first).toEqual({ ran: [], deferred: ['digest'] });
    const stopped = notices(emu.world, 'deferred', 'digest');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]![3]).toMatch(
      /^stopped after \d+ s to stay within Apps Script's 6-minute limit; \d+ left/,
    );
    expect(emu.world.logs.some((l) => l.level === 'warn' && l.message.includes('6-minute limit'))).toBe(true);
    const runs = untilDone(emu, 'runDailyDigest', 'digest');
    expect(runs).toBeGreaterThan(1);
    expect(mailedTwice(emu.world.outbox)).toEqual([]);
    const clean = fresh();
    clean.callOk('runDailyDigest', [], ADMIN);
    expect(recipients(emu.world)).toEqual(recipients(clean.world));
    points.add(faultsFired(emu.faults));
  });

  it('a run killed at the limit at any call of the nightly archive loses no row, the platform logs the timeout, and the rerun completes the archive', () => {
    const world = sampleWorld({ now: new Date(at('2024-11-05 01:30')).toISOString() });
    const fresh = freshFrom(world);
    const clean = fresh();
    const full = clean.call<{ ran: string[] }>('runScheduledJobs', [], ADMIN);
    expect(full.result.ran).toContain('archive');
    const ids = (w: World) =>
      ['部门任务总览表', '任务执行进度跟踪表']
        .flatMap((s) => [...rowsOf(w, s).map((r) => r[0]), ...rowsOf(w, `归档-${s}`).map((r) => r[2])])
        .map(String)
        .sort();
    const expected = ids(clean.world);
    const archived = (w: World) =>
      ['部门任务总览表', '任务执行进度跟踪表', '信息同步共享记录表'].flatMap((s) =>
        rowsOf(w, `归档-${s}`)
          .map((r) => JSON.stringify([r[0], ...r.slice(2)]))
          .sort(),
      );
    const syncRows = (w: World) =>
      [
        ...rowsOf(w, '信息同步共享记录表').map((r) => JSON.stringify(r)),
        ...rowsOf(w, '归档-信息同步共享记录表').map((r) => JSON.stringify(r.slice(2))),
      ].sort();
    expect(archived(clean.world).length).toBeGreaterThan(0);
    const callPoints = full.metrics.calls + full.metrics.meta;
    for (let k = 1; k <= callPoints; k++) {
      const emu = fresh();
      emu.faults = [{ api: '*', after: k - 1, times: 1, delayMs: 400_000 }];
      const died = emu.call('runScheduledJobs', [], ADMIN);
      expect(died.error?.message, `limit at call ${k}`).toBe('Exceeded maximum execution time');
      // The emulator's platform log of the failed execution (emulator/sandbox.ts logFailure), as Apps Script records it.
      expect(emu.world.logs.at(-1)?.message).toBe('Exception: Exceeded maximum execution time');
      emu.faults = [];
      emu.world.clock.now += HOUR;
      expect(emu.call('runScheduledJobs', [], ADMIN).ok, `rerun after limit at call ${k}`).toBe(true);
      expect(ids(emu.world), `after the limit at call ${k}`).toEqual(expected);
      // What the product guarantees: the rerun finishes the same archive (rows equal apart from the archive columns)
      // and no Sync Log record is lost or doubled.
      expect(archived(emu.world), `archive after the limit at call ${k}`).toEqual(archived(clean.world));
      expect(syncRows(emu.world), `Sync Log after the limit at call ${k}`).toEqual(syncRows(clean.world));
      points.add(1);
    }
  });
});

describe('document properties at their limits (9 KB a value, 500 KB in all)', () => {
  it('a journal over 9 KB is kept in pieces: a digest to 250 people killed after 200 mails nobody twice', () => {
    const world = benchWorld(400, 300);
    world.clock.now = at('2024-10-24 09:30');
    world.config.mailDailyQuota = 1500;
    const team = world.spreadsheet.sheets.find((s) => s.name === '成员')!;
    for (const row of team.rows.slice(1))
      if (/^m\d+@/.test(String(row[1])))
        row[1] = String(row[1]).replace('@', '.with-a-long-mailbox-name@dept.');
    const emu = emulatorFor(world);
    emu.faults = [{ api: 'MailApp.sendEmail', after: 200, times: 1, delayMs: 400_000 }];
    expect(emu.call('runDailyDigest', [], ADMIN).error?.message).toBe('Exceeded maximum execution time');
    expect(world.outbox).toHaveLength(200);
    const journal = () =>
      Object.keys(world.properties.document).filter((k) => k.startsWith('taskSync.journal'));
    expect(journal()).toEqual(['taskSync.journal', 'taskSync.journal#1']);
    emu.faults = [];
    world.clock.now += HOUR;
    expect(emu.callOk('runDailyDigest', [], ADMIN)).toEqual({ ran: ['digest'] });
    expect(mailedTwice(world.outbox)).toEqual([]);
    expect(world.outbox.length).toBeGreaterThan(250);
    // The one recorded as it was about to go when the run was killed is logged, and not sent again.
    expect(notices(world, 'sent', 'digest')).toHaveLength(world.outbox.length + 1);
    expect(journal()).toEqual([]);
    points.add(1);
  });

  /** Fills the document properties with someone else's data to within 40 bytes of Apps Script's 500 KB. */
  function fill(world: World): void {
    const props = world.properties.document;
    for (let i = 0; i < 62; i++) props[`other.${i}`] = 'x'.repeat(8000);
    const used = Object.entries(props).reduce(
      (n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v),
      0,
    );
    props['other.last'] = 'x'.repeat(500 * 1024 - used - 'other.last'.length - 40);
  }

  it('full: the digest logs each email at once instead, says why, and a run killed anywhere mails nobody twice', () => {
    const base = busyWorld('2024-10-24 09:30');
    fill(base);
    const fresh = freshFrom(base);
    const clean = fresh();
    const full = clean.call('runDailyDigest', [], ADMIN);
    expect(full.result).toEqual({ ran: ['digest'] });
    const [error] = notices(clean.world, 'error', 'digest');
    expect(error![3]).toMatch(/^document properties: You have exceeded the property storage quota/);
    expect(clean.world.logs.some((l) => l.level === 'error' && l.message.includes('mailing journal'))).toBe(
      true,
    );
    const expected = recipients(clean.world);
    for (let k = 1; k <= full.metrics.calls; k++) {
      const emu = fresh();
      emu.dieAtCall = k;
      emu.call('runDailyDigest', [], ADMIN);
      emu.world.clock.now += HOUR;
      expect(emu.call('runDailyDigest', [], ADMIN).ok, `rerun after death at call ${k}`).toBe(true);
      accountedFor(emu.world, expected, `after death at call ${k}`);
      points.add(1);
    }
  });

  it('full: the archive moves nothing and says why; IDs stay unique; it archives once there is room', () => {
    const world = sampleWorld({ now: new Date(at('2024-11-05 01:30')).toISOString() });
    fill(world);
    const emu = emulatorFor(world);
    const before = JSON.stringify(world.spreadsheet);
    const r = emu.call('runArchive', [], ADMIN);
    expect(r.error?.message).toMatch(/^文档属性已满,无法保存已归档任务的编号\(You have exceeded/);
    expect(JSON.stringify(world.spreadsheet)).toBe(before);
    expect(emu.callOk('runScheduledJobs', [], ADMIN)).toMatchObject({ deferred: ['archive'] });
    expect(world.logs.some((l) => l.level === 'error' && l.message.includes('archive did not run'))).toBe(
      true,
    );
    world.clock.now = at('2024-11-05 10:00');
    const task = {
      prefix: '紧急任务',
      name: '新',
      initiator: '*强',
      owner: '*刚',
      type: 'urgent',
      due: '2024-11-08',
    };
    const created = emu.callOk<{ taskId: string }>('createTask', [{ ...task, notes: '-' }], ADMIN);
    expect(created.taskId).toBe('紧急任务2024-004');
    delete world.properties.document['other.last'];
    world.clock.now = at('2024-11-06 01:30');
    expect(emu.callOk<{ ran: string[] }>('runScheduledJobs', [], ADMIN).ran).toContain('archive');
    points.add(2);
  });
});

describe('the document lock stays busy', () => {
  const task = {
    prefix: '锁',
    name: '任务',
    initiator: '*强',
    owner: '*明',
    type: 'routine',
    due: '2024-10-30',
  };
  const SIDEBAR_WRITES: [string, unknown, string][] = [
    ['createTask', { ...task, notes: '-' }, ADMIN],
    ['updateProgress', { subtaskId: '日常协作2024-015-01', progress: 50 }, 'lei@example.com'],
    ['addSyncRecord', { topic: '同步', content: '内容', audience: '全体', kind: 'progress' }, MING],
    ['acceptTask', { taskId: '日常协作2024-015' }, 'li@example.com'],
    ['rejectTask', { taskId: '日常协作2024-015', reason: '不完整' }, 'li@example.com'],
    ['cancelTask', { taskId: '日常协作2024-015', reason: '取消' }, 'li@example.com'],
  ];

  it.each(['zh-CN', 'en'] as const)(
    'every sidebar write says "try again" in the workbook’s language (%s) and changes nothing',
    (locale) => {
      const world = sampleWorld({ locale });
      const emu = emulatorFor(world);
      world.locks[`document:${world.spreadsheet.id}`] = 999_999;
      const before = JSON.stringify(world.spreadsheet);
      for (const [fn, arg, user] of SIDEBAR_WRITES) {
        const r = emu.call(fn, [arg], user, { rpc: true });
        expect(r.error?.message, fn).toBe(t('error.busy', locale));
        points.add(1);
      }
      expect(JSON.stringify(world.spreadsheet)).toBe(before);
    },
  );

  it('the hourly job logs that it left its work, and the next hourly run does it', () => {
    const world = busyWorld('2024-10-24 09:30');
    const emu = emulatorFor(world);
    world.locks[`document:${world.spreadsheet.id}`] = 999_999;
    const left = emu.callOk<{ ran: string[]; deferred: string[] }>('runScheduledJobs', [], ADMIN);
    expect(left.ran).toEqual([]);
    expect(left.deferred).toEqual(expect.arrayContaining(['dashboard', 'digest']));
    expect(world.outbox).toEqual([]);
    expect(world.logs.at(-1)).toMatchObject({
      level: 'warn',
      message: expect.stringContaining('next hourly run'),
    });
    delete world.locks[`document:${world.spreadsheet.id}`];
    world.clock.now += HOUR;
    const next = emu.callOk<{ ran: string[] }>('runScheduledJobs', [], ADMIN);
    expect(next.ran).toEqual(expect.arrayContaining(['dashboard', 'digest']));
    expect(mailedTwice(world.outbox)).toEqual([]);
    points.add(1);
  });
});
