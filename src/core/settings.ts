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

const YMD = /^\d{4}-\d{2}-\d{2}$/;

function intIn(v: unknown, min: number, max: number, fallback: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback;
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
  const d = DEFAULT_SETTINGS;
  const dates = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && YMD.test(x)) : [];
  return {
    locale: isLocale(raw.locale) ? raw.locale : null,
    admin: typeof raw.admin === 'string' ? raw.admin : '',
    digestHour: intIn(raw.digestHour, 0, 23, d.digestHour),
    rollCallHour: intIn(raw.rollCallHour, 0, 23, d.rollCallHour),
    rollCallMinute: intIn(raw.rollCallMinute, 0, 59, d.rollCallMinute),
    escalationHour: intIn(raw.escalationHour, 0, 23, d.escalationHour),
    escalationMinute: intIn(raw.escalationMinute, 0, 59, d.escalationMinute),
    archiveHour: intIn(raw.archiveHour, 0, 23, d.archiveHour),
    dueSoonDays: intIn(raw.dueSoonDays, 0, 30, d.dueSoonDays),
    archiveDelayDays: intIn(raw.archiveDelayDays, 0, 60, d.archiveDelayDays),
    maxSubtasks: intIn(raw.maxSubtasks, 1, 3, d.maxSubtasks),
    calendar: raw.calendar === 'weekdays' ? 'weekdays' : 'cn',
    extraHolidays: dates(raw.extraHolidays),
    extraWorkdays: dates(raw.extraWorkdays),
    email: raw.email === 'dryRun' ? 'dryRun' : 'on',
  };
}

export function serializeSettings(s: Settings): string {
  return JSON.stringify(s);
}
