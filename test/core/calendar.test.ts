// Working days: China's statutory calendar with 调休, Monday–Friday, and the settings' overrides.
import { describe, expect, it } from 'vitest';
import { CN_CALENDAR_LAST_YEAR, workingDays } from '../../src/core/calendar';

const cn = workingDays({ kind: 'cn', extraHolidays: [], extraWorkdays: [] });
const weekdays = workingDays({ kind: 'weekdays', extraHolidays: [], extraWorkdays: [] });

describe('the China calendar', () => {
  it.each([
    ['2024-09-27', true, 'Friday'],
    ['2024-09-28', false, 'Saturday'],
    ['2024-09-29', true, 'Sunday made a working day (调休)'],
    ['2024-09-30', true, 'Monday'],
    ['2024-10-01', false, 'National Day'],
    ['2024-10-04', false, 'National Day (Friday)'],
    ['2024-10-07', false, 'National Day (Monday)'],
    ['2024-10-08', true, 'back to work'],
    ['2024-10-12', true, 'Saturday made a working day (调休)'],
    ['2024-10-13', false, 'Sunday'],
  ])('%s is a working day: %s (%s)', (ymd, working) => {
    expect(cn.isWorkingDay(ymd)).toBe(working);
  });

  it('steps over holidays and counts working days', () => {
    expect(cn.next('2024-09-30')).toBe('2024-10-08');
    expect(cn.previous('2024-10-08')).toBe('2024-09-30');
    expect(cn.add('2024-09-29', 2)).toBe('2024-10-08');
    expect(cn.add('2024-10-08', -2)).toBe('2024-09-29');
    expect(cn.between('2024-09-30', '2024-10-12')).toBe(5);
    expect(cn.between('2024-10-14', '2024-10-14')).toBe(0);
  });

  it('covers the years the package knows, then falls back to Monday–Friday with the overrides', () => {
    expect(CN_CALENDAR_LAST_YEAR).toBeGreaterThanOrEqual(2026);
    const later = `${CN_CALENDAR_LAST_YEAR + 1}-10-01`;
    const fallback = workingDays({ kind: 'cn', extraHolidays: [later], extraWorkdays: [] });
    expect(fallback.isWorkingDay(later)).toBe(false);
    // Beyond the package's years: Monday–Friday, whatever the date (weekdays counted here, not by the product).
    for (let d = 1; d <= 7; d++) {
      const ymd = `${CN_CALENDAR_LAST_YEAR + 1}-10-0${d}`;
      const weekday = new Date(`${ymd}T00:00:00Z`).getUTCDay();
      expect(cn.isWorkingDay(ymd), ymd).toBe(weekday >= 1 && weekday <= 5);
    }
  });
});

describe('Monday–Friday', () => {
  it('ignores the statutory calendar but honours the overrides', () => {
    expect(weekdays.isWorkingDay('2024-10-01')).toBe(true);
    expect(weekdays.isWorkingDay('2024-09-29')).toBe(false);
    const custom = workingDays({
      kind: 'weekdays',
      extraHolidays: ['2024-10-01'],
      extraWorkdays: ['2024-10-05'],
    });
    expect(custom.isWorkingDay('2024-10-01')).toBe(false);
    expect(custom.isWorkingDay('2024-10-05')).toBe(true);
    expect(custom.next('2024-09-30')).toBe('2024-10-02');
  });
});
