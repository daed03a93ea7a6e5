// The scheduler's decisions: which jobs are due at an hourly run, and when each runs next.
import { describe, expect, it } from 'vitest';
import { workingDays } from '../../src/core/calendar';
import { dueJobs, hhmm, JOBS, jobDef, mailsPeople, nextRun } from '../../src/core/schedule';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const wd = workingDays({ kind: 'cn', extraHolidays: [], extraWorkdays: [] });
const at = (h: number, m = 0) => h * 60 + m;

describe('dueJobs', () => {
  it.each([
    [at(8, 59), [], []],
    [at(9, 5), [], ['digest']],
    [at(9, 5), ['digest'], []],
    [at(15, 29), ['digest'], []],
    [at(15, 40), ['digest'], ['rollCall']],
    [at(16, 40), [], ['digest', 'rollCall']],
    [at(17, 10), [], ['digest']],
    [at(17, 45), ['digest', 'rollCall'], ['escalation']],
  ] as const)('at minute %s with %j done runs %j', (minute, done, expected) => {
    // The archive and the health check (01:00) and the dashboard refresh have run already in these cases.
    const ran = new Set(['archive', 'health', 'dashboard', ...done] as const);
    expect(dueJobs('2024-10-17', minute, DEFAULT_SETTINGS, wd, ran)).toEqual(expected);
  });

  it('refreshes the dashboard at the digest hour, before the digest goes out', () => {
    const night = new Set(['archive', 'health'] as const);
    expect(dueJobs('2024-10-17', at(9, 5), DEFAULT_SETTINGS, wd, night)).toEqual(['dashboard', 'digest']);
    expect(dueJobs('2024-10-17', at(8, 55), DEFAULT_SETTINGS, wd, night)).toEqual([]);
  });

  it('runs the archive from 01:00, then the data health check', () => {
    expect(dueJobs('2024-10-17', at(0, 30), DEFAULT_SETTINGS, wd, new Set())).toEqual([]);
    expect(dueJobs('2024-10-17', at(1, 10), DEFAULT_SETTINGS, wd, new Set())).toEqual(['archive', 'health']);
    expect(dueJobs('2024-10-17', at(1, 10), DEFAULT_SETTINGS, wd, new Set(['archive']))).toEqual(['health']);
  });

  it('mails people from every job but the archive, the dashboard and the health check', () => {
    expect(JOBS.filter((j) => !mailsPeople(j.name)).map((j) => j.name)).toEqual([
      'dashboard',
      'archive',
      'health',
    ]);
  });

  it('runs nothing on a non-working day', () => {
    expect(dueJobs('2024-10-03', at(20), DEFAULT_SETTINGS, wd, new Set())).toEqual([]);
  });
});

describe('nextRun', () => {
  it('is today while the job is still ahead, else the next working day', () => {
    const digest = jobDef('digest');
    expect(nextRun(digest, '2024-10-17', at(8), DEFAULT_SETTINGS, wd, false)).toEqual({
      day: '2024-10-17',
      minute: at(9),
    });
    expect(nextRun(digest, '2024-10-17', at(10), DEFAULT_SETTINGS, wd, true)).toEqual({
      day: '2024-10-18',
      minute: at(9),
    });
    expect(nextRun(digest, '2024-09-30', at(10), DEFAULT_SETTINGS, wd, true)).toEqual({
      day: '2024-10-08',
      minute: at(9),
    });
    expect(hhmm(at(15, 30))).toBe('15:30');
  });
});
