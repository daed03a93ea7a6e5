// Time-driven triggers on the simulated clock: when each would fire, and running every firing due up to a moment.
import { formatDate, wallToInstant } from './model/datefmt';
import type { Emulator, RunResult } from './sandbox';
import type { TriggerState } from './world';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A stable pseudo-random number for the k-th period of a trigger (Apps Script picks the minute itself). */
function jitter(uid: string, k: number, span: number): number {
  let h = 2166136261;
  for (const ch of `${uid}:${k}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % span;
}

/** Firing times of a time-driven trigger in (from, to], in the script's time zone for daily and weekly ones. */
export function firings(t: TriggerState, from: number, to: number, timeZone: string): number[] {
  const c = t.clock;
  if (!c) return [];
  const out: number[] = [];
  if (c.at !== undefined) return c.at > from && c.at <= to ? [c.at] : [];
  if (c.everyMinutes) {
    const step = c.everyMinutes * MINUTE;
    for (let k = Math.floor(from / step) + 1; k * step <= to; k++) out.push(k * step);
    return out;
  }
  if (c.everyHours) {
    // Apps Script runs an hourly trigger at a minute of its own choosing, chosen once: here the trigger's random
    // minute offset, with random seconds each hour.
    const step = c.everyHours * HOUR;
    for (let k = Math.floor(from / step) - 1; k * step <= to; k++) {
      const at = k * step + t.minuteOffset * MINUTE + jitter(t.uid, k, 60) * 1000;
      if (at > from && at <= to) out.push(at);
    }
    return out;
  }
  const everyDays = c.everyWeeks ? 7 * c.everyWeeks : (c.everyDays ?? 1);
  const firstDay = Math.floor(from / DAY) - 1;
  for (let day = firstDay; day * DAY <= to + DAY; day++) {
    const wall = day * DAY;
    if (c.onWeekDay && new Date(wall).getUTCDay() !== WEEKDAYS.indexOf(c.onWeekDay)) continue;
    if (!c.onWeekDay && (day - Math.floor(t.createdAt / DAY)) % everyDays !== 0) continue;
    const minute =
      c.nearMinute !== undefined
        ? Math.max(0, Math.min(59, c.nearMinute - 15 + jitter(t.uid, day, 31)))
        : jitter(t.uid, day, 60);
    const at = wallToInstant(wall + (c.atHour ?? 0) * HOUR + minute * MINUTE, timeZone);
    if (at > from && at <= to) out.push(at);
  }
  return out;
}

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/** The event object Apps Script passes a time-driven trigger (fields in UTC, as documented). */
export function clockEvent(t: TriggerState, at: number): Record<string, unknown> {
  const f = (p: string) => Number(formatDate(at, 'UTC', p));
  return {
    authMode: 'FULL',
    triggerUid: t.uid,
    year: f('yyyy'),
    month: f('M'),
    'day-of-month': f('d'),
    'day-of-week': f('u'),
    'week-of-year': f('w'),
    hour: f('H'),
    minute: f('m'),
    second: f('s'),
    timezone: 'UTC',
  };
}

export interface Firing {
  handler: string;
  at: string;
  result: RunResult;
}

/** Trigger faults Apps Script is known for: a firing that comes late, or comes twice. */
export interface FiringFaults {
  /** How late the firing due at `at` comes, in ms (0: on time); a firing due before `until` still runs, late. */
  late?: (at: number) => number;
  /** Each firing runs twice, one execution after the other. */
  twice?: boolean;
}

/** Runs, in time order, every firing of the installed time-driven triggers up to `until`; the clock ends at `until`. */
export function runDueTriggers(
  emu: Emulator,
  until: number,
  scriptTimeZone: string,
  faults: FiringFaults = {},
): Firing[] {
  const { world } = emu;
  const due = world.triggers
    .filter((t) => t.eventType === 'CLOCK')
    .flatMap((t) => firings(t, t.lastRun ?? t.createdAt, until, scriptTimeZone).map((at) => ({ t, at })))
    .sort((a, b) => a.at - b.at);
  const out: Firing[] = [];
  for (const { t, at } of due) {
    if (!world.triggers.some((x) => x.uid === t.uid)) continue;
    const firedAt = at + (faults.late?.(at) ?? 0);
    world.clock.now = Math.max(world.clock.now, firedAt);
    t.lastRun = at;
    for (let n = faults.twice ? 2 : 1; n > 0; n--) {
      const result = runClockTrigger(emu, t, firedAt);
      out.push({ handler: t.handler, at: new Date(firedAt).toISOString(), result });
    }
  }
  world.clock.now = Math.max(world.clock.now, until);
  return out;
}

/** One time-driven execution of a trigger (or of a handler with no trigger installed, as the owner given). */
export function runClockTrigger(emu: Emulator, t: TriggerState, at: number): RunResult {
  return emu.installableTrigger(t, { kind: 'clock', fields: clockEvent(t, at) });
}
