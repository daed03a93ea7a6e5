// Settings (SPEC §9) kept in document properties: defaults, and a tolerant reader that never lets a bad value through.
import { isLocale, type Locale } from './locale';

export type CalendarKind = 'cn' | 'weekdays';
export type EmailMode = 'on' | 'dryRun';

export interface Settings {
  /** Chosen at setup; null before the first setup. */
  locale: Locale | null;
  /** The account that ran setup first: protections' editor and the jobs' owner. */
  admin: string;
  digestHour: number;
  rollCallHour: number;
  rollCallMinute: number;
  escalationHour: number;
  escalationMinute: number;
  archiveHour: number;
  dueSoonDays: number;
  archiveDelayDays: number;
  maxSubtasks: number;
  calendar: CalendarKind;
  extraHolidays: string[];
  extraWorkdays: string[];
  email: EmailMode;
}

export const DEFAULT_SETTINGS: Settings = {
  locale: null,
  admin: '',
  digestHour: 9,
  rollCallHour: 15,
  rollCallMinute: 30,
  escalationHour: 17,
  escalationMinute: 30,
  archiveHour: 1,
  dueSoonDays: 2,
  archiveDelayDays: 3,
  maxSubtasks: 3,
  calendar: 'cn',
  extraHolidays: [],
  extraWorkdays: [],
  email: 'on',
};

/** The one document property that holds the settings, as JSON. */
export const SETTINGS_PROPERTY = 'taskSync.settings';

/**
 * The whole numbers each numeric setting may take, read by the save schema, the stored-settings reader and the
 * sidebar alike. The roll call must land before the 17:00 deadline (SPEC §6), so its hour stops at 16.
 */
export const SETTING_RANGES = {
  digestHour: { min: 0, max: 23 },
  rollCallHour: { min: 0, max: 16 },
  rollCallMinute: { min: 0, max: 59 },
  escalationHour: { min: 0, max: 23 },
  escalationMinute: { min: 0, max: 59 },
  archiveHour: { min: 0, max: 23 },
  dueSoonDays: { min: 0, max: 30 },
  archiveDelayDays: { min: 0, max: 60 },
  maxSubtasks: { min: 1, max: 3 },
} as const satisfies Record<string, { min: number; max: number }>;

export type NumberSetting = keyof typeof SETTING_RANGES;

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** The stored value of a numeric setting when it is a whole number in its range, else the default. */
function numberSetting(raw: Record<string, unknown>, key: NumberSetting): number {
  const v = raw[key];
  const { min, max } = SETTING_RANGES[key];
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : DEFAULT_SETTINGS[key];
}

/** Reads stored settings, keeping defaults wherever a stored value is missing or invalid. */
export function parseSettings(json: string | null | undefined): Settings {
  let raw: Record<string, unknown> = {};
  try {
    const parsed = json ? JSON.parse(json) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) raw = parsed;
  } catch {
    raw = {};
  }
  const dates = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && YMD.test(x)) : [];
  return {
    locale: isLocale(raw.locale) ? raw.locale : null,
    admin: typeof raw.admin === 'string' ? raw.admin : '',
    digestHour: numberSetting(raw, 'digestHour'),
    rollCallHour: numberSetting(raw, 'rollCallHour'),
    rollCallMinute: numberSetting(raw, 'rollCallMinute'),
    escalationHour: numberSetting(raw, 'escalationHour'),
    escalationMinute: numberSetting(raw, 'escalationMinute'),
    archiveHour: numberSetting(raw, 'archiveHour'),
    dueSoonDays: numberSetting(raw, 'dueSoonDays'),
    archiveDelayDays: numberSetting(raw, 'archiveDelayDays'),
    maxSubtasks: numberSetting(raw, 'maxSubtasks'),
    calendar: raw.calendar === 'weekdays' ? 'weekdays' : 'cn',
    extraHolidays: dates(raw.extraHolidays),
    extraWorkdays: dates(raw.extraWorkdays),
    email: raw.email === 'dryRun' ? 'dryRun' : 'on',
  };
}

export function serializeSettings(s: Settings): string {
  return JSON.stringify(s);
}
