// The simulated clock as wall-clock time in the spreadsheet's time zone, shown and entered as such.
import { instantToWall, wallToInstant } from '../../model/datefmt';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const wallOf = instantToWall;
const instantOfWall = wallToInstant;

const WEEKDAYS = ['日 Sun', '一 Mon', '二 Tue', '三 Wed', '四 Thu', '五 Fri', '六 Sat'];

/** `2024-10-24 10:00 周四 Thu` in the zone. */
export function formatInZone(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  const wall = new Date(wallOf(instant, timeZone));
  return `${wall.toISOString().slice(0, 16).replace('T', ' ')} 周${WEEKDAYS[wall.getUTCDay()]}`;
}

/** The value of an <input type="datetime-local"> showing the instant in the zone. */
export function toLocalInput(iso: string, timeZone: string): string {
  return new Date(wallOf(Date.parse(iso), timeZone)).toISOString().slice(0, 16);
}

/** The ISO instant an <input type="datetime-local"> value names in the zone, or null when it is empty or bad. */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const wall = Date.parse(`${value}Z`);
  return Number.isNaN(wall) ? null : new Date(instantOfWall(wall, timeZone)).toISOString();
}

export function plusHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * HOUR).toISOString();
}

/** The next day after `iso` at `hour`:00 in the zone. */
export function nextDayAt(iso: string, hour: number, timeZone: string): string {
  const day = Math.floor(wallOf(Date.parse(iso), timeZone) / DAY) + 1;
  return new Date(instantOfWall(day * DAY + hour * HOUR, timeZone)).toISOString();
}
