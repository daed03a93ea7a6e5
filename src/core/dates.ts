// Calendar dates as `yyyy-MM-dd` strings and instants in the spreadsheet's time zone (given as an offset function),
// and cell values as a sheet read gives them (text, dates, blank rows).

/** Minutes east of UTC of the spreadsheet's time zone at an instant (Asia/Shanghai → 480). */
export type OffsetFn = (instantMs: number) => number;

const DAY_MS = 86_400_000;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in `yyyy-MM-dd` form (2024-02-30 is not). */
export function isValidYmd(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = YMD.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Days since 1970-01-01 of a `yyyy-MM-dd` date. */
export function dayNumber(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(ymd: string, days: number): string {
  return fromDayNumber(dayNumber(ymd) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(ymd: string): number {
  return (((dayNumber(ymd) + 4) % 7) + 7) % 7;
}

/** Wall-clock milliseconds (fields read as UTC) of an instant in the zone. */
export function wallOf(instant: number, offset: OffsetFn): number {
  return instant + offset(instant) * 60_000;
}

/** The date an instant falls on in the zone. */
export function ymdOf(instant: number, offset: OffsetFn): string {
  return new Date(wallOf(instant, offset)).toISOString().slice(0, 10);
}

/** Minutes since midnight of an instant in the zone. */
export function minuteOfDay(instant: number, offset: OffsetFn): number {
  return Math.floor((((wallOf(instant, offset) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

/** The instant of a wall-clock time on a date in the zone. */
export function instantOf(ymd: string, offset: OffsetFn, minutes = 0): number {
  const wall = dayNumber(ymd) * DAY_MS + minutes * 60_000;
  const guess = wall - offset(wall) * 60_000;
  return wall - offset(guess) * 60_000;
}

/** `yyyy-MM-dd HH:mm` of an instant in the zone. */
export function stampOf(zone: { offset: OffsetFn }, at: number): string {
  return new Date(wallOf(at, zone.offset)).toISOString().slice(0, 16).replace('T', ' ');
}

/** A cell value is a Date (by its tag, so a Date from another realm counts too). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A cell value as trimmed text ('' for an empty cell). */
export function cellText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** A row with no text in any cell. */
export function isBlankRow(row: unknown[]): boolean {
  return row.every((v) => cellText(v) === '');
}

/** A cell value (Date, or a typed date text) as `yyyy-MM-dd` in the zone; null when it is not a date. */
export function cellYmd(value: unknown, offset: OffsetFn): string | null {
  if (isDate(value)) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : ymdOf(ms, offset);
  }
  if (typeof value === 'string' && isValidYmd(value.trim())) return value.trim();
  return null;
}

/** A cell value's instant (Dates only), or null. */
export function cellInstant(value: unknown): number | null {
  if (!isDate(value)) return null;
  const ms = value.getTime();
  return Number.isNaN(ms) ? null : ms;
}
