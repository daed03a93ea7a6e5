// Settings parsing never lets a missing or invalid stored value through.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, SETTING_RANGES, serializeSettings } from '../../src/core/settings';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored, garbage or a non-object', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('[1,2]')).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps valid values and drops invalid ones field by field', () => {
    const s = parseSettings(
      JSON.stringify({
        locale: 'en',
        digestHour: 8,
        maxSubtasks: 5,
        dueSoonDays: -1,
        calendar: 'weekdays',
        extraHolidays: ['2024-10-01', 'x'],
        email: 'dryRun',
      }),
    );
    expect(s).toMatchObject({
      locale: 'en',
      digestHour: 8,
      maxSubtasks: 3,
      dueSoonDays: 2,
      calendar: 'weekdays',
      extraHolidays: ['2024-10-01'],
      email: 'dryRun',
    });
  });
  it('falls back to the default for a stored roll call at 17:00 or later (it could never run before the deadline)', () => {
    expect(parseSettings(JSON.stringify({ rollCallHour: 17 })).rollCallHour).toBe(
      DEFAULT_SETTINGS.rollCallHour,
    );
    expect(parseSettings(JSON.stringify({ rollCallHour: 23 })).rollCallHour).toBe(
      DEFAULT_SETTINGS.rollCallHour,
    );
    expect(parseSettings(JSON.stringify({ rollCallHour: 16 })).rollCallHour).toBe(16);
  });
  it('has every default within its range, and the latest roll call before 17:00', () => {
    for (const [key, { min, max }] of Object.entries(SETTING_RANGES)) {
      const value = DEFAULT_SETTINGS[key as keyof typeof SETTING_RANGES];
      expect(value >= min && value <= max, key).toBe(true);
    }
    expect(SETTING_RANGES.rollCallHour.max * 60 + SETTING_RANGES.rollCallMinute.max).toBeLessThan(17 * 60);
  });
  it('round-trips', () => {
    const s = { ...DEFAULT_SETTINGS, locale: 'zh-CN' as const, admin: 'a@example.com', rollCallMinute: 15 };
    expect(parseSettings(serializeSettings(s))).toEqual(s);
  });
});
