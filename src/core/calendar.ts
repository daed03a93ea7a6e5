// Working days (SPEC §10): China's statutory holidays and 调休 make-up days from chinese-days, or Monday–Friday,
// with the settings' extra holidays and working days as overrides.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addDays, weekday } from './dates';
import type { CalendarKind } from './settings';

const CN_HOLIDAYS = new Set(Object.keys(chineseDays.holidays));
const CN_WORKDAYS = new Set(Object.keys(chineseDays.workdays));
/** The last year the package knows; later years fall back to Monday–Friday plus the settings' overrides. */
export const CN_CALENDAR_LAST_YEAR = Math.max(...[...CN_HOLIDAYS].map((d) => Number(d.slice(0, 4))));

export interface Calendar {
  kind: CalendarKind;
  extraHolidays: readonly string[];
  extraWorkdays: readonly string[];
}

export interface WorkingDays {
  isWorkingDay(ymd: string): boolean;
  /** The nearest working day strictly before. */
  previous(ymd: string): string;
  /** The nearest working day strictly after. */
  next(ymd: string): string;
  /** `n` working days after (n > 0) or before (n < 0) a date. */
  add(ymd: string, n: number): string;
  /** Working days in (from, to]: how many working days have passed since `from`. */
  between(from: string, to: string): number;
}

const LIMIT = 366 * 5;

export function workingDays(cal: Calendar): WorkingDays {
  const holidays = new Set(cal.extraHolidays);
  const workdays = new Set(cal.extraWorkdays);
  const isWorkingDay = (ymd: string): boolean => {
    if (holidays.has(ymd)) return false;
    if (workdays.has(ymd)) return true;
    if (cal.kind === 'cn') {
      if (CN_HOLIDAYS.has(ymd)) return false;
      if (CN_WORKDAYS.has(ymd)) return true;
    }
    const day = weekday(ymd);
    return day !== 0 && day !== 6;
  };
  const counted = new Map<string, number>();
  const step = (ymd: string, dir: 1 | -1): string => {
    let d = addDays(ymd, dir);
    for (let i = 0; i < LIMIT && !isWorkingDay(d); i++) d = addDays(d, dir);
    return d;
  };
  return {
    isWorkingDay,
    previous: (ymd) => step(ymd, -1),
    next: (ymd) => step(ymd, 1),
    add: (ymd, n) => {
      let d = ymd;
      for (let i = 0; i < Math.abs(n); i++) d = step(d, n > 0 ? 1 : -1);
      return d;
    },
    between: (from, to) => {
      // Callers ask about thousands of rows that share a few dates: count each pair of dates once.
      const key = `${from}~${to}`;
      let count = counted.get(key);
      if (count !== undefined) return count;
      count = 0;
      for (let d = addDays(from, 1); d <= to && count < LIMIT; d = addDays(d, 1))
        if (isWorkingDay(d)) count++;
      counted.set(key, count);
      return count;
    },
  };
}
