// The review report's layout and periods: named periods around a day, typed ranges, long sections cut with a count.
import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../src/core/records';
import type { ReviewData } from '../../src/core/review';
import {
  layoutReview,
  MAX_SECTION_ROWS,
  PERIOD_NAMES,
  parsePeriod,
  periodOf,
  periodProblem,
} from '../../src/core/review-layout';

const task = (i: number, due: string | null): TaskRecord => ({
  row: i + 2,
  id: `长单2024-${String(i + 1).padStart(4, '0')}`,
  name: `任务${i}`,
  initiator: '*丽',
  owner: '*明',
  collaborators: [],
  project: '',
  type: 'routine',
  priority: 'medium',
  due,
  status: 'in_progress',
  notes: '',
  completedOn: null,
  guard: '',
});

const empty: ReviewData = {
  completed: [],
  started: [],
  overdue: [],
  carriedOver: [],
  problems: [],
  decisions: [],
  deliverables: [],
  discipline: [],
};

describe('periods', () => {
  it('names weeks Monday–Sunday and calendar months around a day', () => {
    expect(periodOf('thisWeek', '2024-10-24')).toEqual({ from: '2024-10-21', to: '2024-10-27' });
    expect(periodOf('lastWeek', '2024-10-21')).toEqual({ from: '2024-10-14', to: '2024-10-20' });
    expect(periodOf('thisMonth', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf('lastMonth', '2024-01-05')).toEqual({ from: '2023-12-01', to: '2023-12-31' });
  });

  it('reads 本周/上周/本月/上月 and typed ranges, refusing reversed, impossible or over-a-year ones', () => {
    expect(parsePeriod('上周', '2024-10-24')).toEqual({ from: '2024-10-14', to: '2024-10-20' });
    expect(parsePeriod('2024-10-14 至 2024-10-20', '2024-10-24')).toEqual({
      from: '2024-10-14',
      to: '2024-10-20',
    });
    expect(parsePeriod('2024-10-14~2024-10-20', '2024-10-24')).toEqual({
      from: '2024-10-14',
      to: '2024-10-20',
    });
    for (const bad of ['2024-10-20~2024-10-14', '2024-02-30~2024-03-01', '2023-01-01~2024-10-01', '昨天', ''])
      expect(parsePeriod(bad, '2024-10-24'), bad).toBeNull();
  });
});

describe('the period rule (shared by the menu, the sidebar and the server)', () => {
  it('lets a period run forwards for at most 366 days', () => {
    expect(periodProblem('2024-10-14', '2024-10-14')).toBeNull();
    expect(periodProblem('2024-01-01', '2024-12-31')).toBeNull();
    expect(periodProblem('2023-01-01', '2024-01-02')).toBeNull();
    expect(periodProblem('2023-01-01', '2024-01-03')).toBe('tooLong');
    expect(periodProblem('2024-10-20', '2024-10-14')).toBe('fromAfterTo');
  });

  it('names the periods the sidebar offers, each read back by parsePeriod', () => {
    expect(PERIOD_NAMES).toEqual(['thisWeek', 'lastWeek', 'thisMonth', 'lastMonth']);
    for (const name of PERIOD_NAMES)
      expect(parsePeriod(name, '2024-10-24')).toEqual(periodOf(name, '2024-10-24'));
  });
});

describe('layoutReview', () => {
  it('lists a long section up to its cap, most pressing first, and says how many more there are', () => {
    const many = Array.from({ length: MAX_SECTION_ROWS + 7 }, (_, i) =>
      task(i, i === 3 ? null : `2024-11-${String(1 + (i % 28)).padStart(2, '0')}`),
    );
    const { values } = layoutReview(
      { ...empty, carriedOver: many },
      '2024-10-01',
      '2024-10-31',
      'zh-CN',
      'x',
      'y',
    );
    const title = values.findIndex((r) => String(r[0]).startsWith('结转到下期的任务'));
    expect(values[title]![0]).toBe(`结转到下期的任务(${MAX_SECTION_ROWS + 7})`);
    const body = values.slice(title + 2, title + 2 + MAX_SECTION_ROWS);
    expect(body[0]![3]).toBe('2024-11-01');
    expect(body.map((r) => r[0])).not.toContain('长单2024-0004');
    expect(values[title + 2 + MAX_SECTION_ROWS]![0]).toBe('……另有 7 项未列出');
  });

  it('keeps dates as dates and words as text, and the on-time rate as a fraction shown in percent', () => {
    const layout = layoutReview(
      { ...empty, discipline: [{ owner: '*明', daysOnTime: 3, workingDays: 4 }] },
      '2024-10-21',
      '2024-10-27',
      'en',
      '2024-10-28 09:00',
      'Asia/Shanghai',
    );
    const row = layout.values.findIndex((r) => r[0] === '*明');
    expect(layout.values[row]!.slice(0, 4)).toEqual(['*明', 3, 4, 0.75]);
    expect(layout.formats[row]!.slice(0, 4)).toEqual(['@', '0', '0', '0%']);
    expect(layout.formats[0]![0]).toBe('@');
  });
});
