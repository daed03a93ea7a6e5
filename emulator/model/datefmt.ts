// Java SimpleDateFormat-compatible date formatting and parsing in IANA time zones, for the emulator's Utilities.

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const DAY_MS = 24 * 60 * MINUTE_MS;

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SHORT_MONTHS = MONTHS.map((name) => name.slice(0, 3));
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHORT_WEEKDAYS = WEEKDAYS.map((name) => name.slice(0, 3));
const AM_PM = ['AM', 'PM'];
const ERAS = ['BC', 'AD'];

// ---------------------------------------------------------------------------------------------------------------
// Time zones

type NameStyle = 'short' | 'long';

/** A time zone as the formatter sees it: its UTC offset and display name at any instant. */
interface Zone {
  offsetMs(instantMs: number): number;
  displayName(instantMs: number, style: NameStyle): string;
}

/** The offset during one UTC day: constant, or switching once at instant `at`. */
type DaySpan = number | { at: number; before: number; after: number };

/** An IANA zone backed by Intl, with offsets cached per UTC day (assumes at most one transition a day). */
class IntlZone implements Zone {
  private readonly id: string;
  private readonly wallFormat: Intl.DateTimeFormat;
  private readonly nameFormats = new Map<NameStyle, Intl.DateTimeFormat>();
  private readonly midnightOffsets = new Map<number, number>();
  private readonly daySpans = new Map<number, DaySpan>();

  /** Throws a RangeError when Intl does not know the zone. */
  constructor(id: string) {
    this.id = id;
    this.wallFormat = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  offsetMs(instantMs: number): number {
    const day = Math.floor(instantMs / DAY_MS);
    let span = this.daySpans.get(day);
    if (span === undefined) {
      span = this.computeDaySpan(day);
      this.daySpans.set(day, span);
    }
    if (typeof span === 'number') return span;
    return instantMs < span.at ? span.before : span.after;
  }

  displayName(instantMs: number, style: NameStyle): string {
    let format = this.nameFormats.get(style);
    if (format === undefined) {
      format = new Intl.DateTimeFormat('en-US', { timeZone: this.id, timeZoneName: style });
      this.nameFormats.set(style, format);
    }
    return normalizeGmtName(partValue(format.formatToParts(instantMs), 'timeZoneName'));
  }

  private computeDaySpan(day: number): DaySpan {
    const before = this.midnightOffset(day);
    const after = this.midnightOffset(day + 1);
    if (before === after) return before;
    // Binary search for the transition; zone transitions fall on whole seconds.
    let low = day * DAY_MS; // offset here is `before`
    let high = low + DAY_MS; // offset here is `after`
    while (high - low > SECOND_MS) {
      const mid = low + Math.floor((high - low) / (2 * SECOND_MS)) * SECOND_MS;
      if (this.intlOffsetMs(mid) === before) low = mid;
      else high = mid;
    }
    return { at: high, before, after };
  }

  private midnightOffset(day: number): number {
    let offset = this.midnightOffsets.get(day);
    if (offset === undefined) {
      offset = this.intlOffsetMs(day * DAY_MS);
      this.midnightOffsets.set(day, offset);
    }
    return offset;
  }

  /** The offset at a whole-second instant, read from Intl's wall-clock fields. */
  private intlOffsetMs(instantMs: number): number {
    const parts = this.wallFormat.formatToParts(instantMs);
    const yearOfEra = Number(partValue(parts, 'year'));
    const wallMs = utcMs(
      partValue(parts, 'era') === 'BC' ? 1 - yearOfEra : yearOfEra,
      Number(partValue(parts, 'month')) - 1,
      Number(partValue(parts, 'day')),
      Number(partValue(parts, 'hour')),
      Number(partValue(parts, 'minute')),
      Number(partValue(parts, 'second')),
    );
    return wallMs - instantMs;
  }
}

/** A Java custom zone such as 'GMT+08:00': a fixed offset named after itself. */
function fixedZone(offsetMs: number): Zone {
  return {
    offsetMs: () => offsetMs,
    displayName: (_instantMs, style) => {
      if (offsetMs !== 0) return gmtName(offsetMs);
      return style === 'long' ? 'Greenwich Mean Time' : 'GMT';
    },
  };
}

// Java's custom zone ids: GMT followed by a sign and h, hh, hh:mm, hmm or hhmm.
const CUSTOM_ZONE_ID = /^GMT([+-])(?:(\d{1,2}):(\d{2})|(\d{1,4}))$/;

function customZoneOffsetMs(id: string): number | null {
  const match = CUSTOM_ZONE_ID.exec(id);
  if (!match) return null;
  const [, sign, colonHours, colonMinutes, digits] = match;
  let hours = Number(colonHours);
  let minutes = Number(colonMinutes);
  if (digits !== undefined) {
    const value = Number(digits);
    [hours, minutes] = digits.length <= 2 ? [value, 0] : [Math.floor(value / 100), value % 100];
  }
  if (hours > 23 || minutes > 59) return null;
  return (sign === '-' ? -1 : 1) * (hours * 60 + minutes) * MINUTE_MS;
}

function createZone(id: string): Zone | null {
  const customOffset = customZoneOffsetMs(id);
  if (customOffset !== null) return fixedZone(customOffset);
  // Newer ICU versions accept bare offsets like '+08:00'; Java does not.
  if (/^[+-]/.test(id)) return null;
  try {
    return new IntlZone(id);
  } catch {
    return null;
  }
}

const zones = new Map<string, Zone | null>();

function lookupZone(id: string): Zone | null {
  let zone = zones.get(id);
  if (zone === undefined) {
    zone = createZone(id);
    zones.set(id, zone);
  }
  return zone;
}

function resolveZone(id: string): Zone {
  const zone = lookupZone(id);
  if (zone === null) throw new Error(`Invalid time zone: ${id}`);
  return zone;
}

/** 'GMT+08:00' for +8h; Java truncates seconds. */
function gmtName(offsetMs: number): string {
  const minutes = Math.trunc(offsetMs / MINUTE_MS);
  const abs = Math.abs(minutes);
  return `GMT${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

/** Intl writes offset names as 'GMT+8' or 'GMT-3:30'; Java writes 'GMT+08:00' and 'GMT-03:30'. */
function normalizeGmtName(name: string): string {
  return name.replace(
    /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/,
    (_match, sign: string, hours: string, minutes?: string) =>
      `GMT${sign}${hours.padStart(2, '0')}:${minutes ?? '00'}`,
  );
}

function partValue(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((part) => part.type === type)?.value ?? '';
}

/**
 * The instant whose wall clock reads wallMs, resolved like lenient java.util.Calendar: in a DST overlap it assumes
 * standard time, i.e. the later instant; in a gap it applies the offset from before the transition, which moves the
 * time forward by the gap.
 */
function zoneWallToInstant(zone: Zone, wallMs: number): number {
  // Offsets a day either side bracket any transition near this wall time.
  const offsetBefore = zone.offsetMs(wallMs - DAY_MS);
  const offsetAfter = zone.offsetMs(wallMs + DAY_MS);
  const matches = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (instantMs) => instantMs + zone.offsetMs(instantMs) === wallMs,
  );
  return matches.length > 0 ? Math.max(...matches) : wallMs - offsetBefore;
}

/**
 * Offset of the zone from UTC at that instant, in minutes (Asia/Shanghai → 480); fractional only for historical
 * local mean time. Throws Error('Invalid time zone: <id>') for unknown zones.
 */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  return resolveZone(timeZone).offsetMs(instantMs) / MINUTE_MS;
}

/** Wall-clock milliseconds (the wall clock fields read as if UTC) of an instant in a zone. */
export function instantToWall(instantMs: number, timeZone: string): number {
  return instantMs + resolveZone(timeZone).offsetMs(instantMs);
}

/**
 * Inverse of instantToWall. As in java.util.Calendar, a wall time in a DST gap moves forward by the gap and one in
 * an overlap is read as standard time, i.e. the later instant.
 */
export function wallToInstant(wallMs: number, timeZone: string): number {
  return zoneWallToInstant(resolveZone(timeZone), wallMs);
}

/** True for zone ids Intl knows (case-insensitively, unlike Java) and Java custom ids like 'GMT+08:00'. */
export function isValidTimeZone(timeZone: string): boolean {
  return lookupZone(timeZone) !== null;
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar arithmetic on wall-clock milliseconds

/**
 * Like Date.UTC, but years 0–99 are not shifted to 1900–1999; out-of-range fields roll over. The calendar is
 * proleptic Gregorian throughout (Java switches to Julian before October 1582).
 */
function utcMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millis = 0,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.setUTCHours(hour, minute, second, millis);
}

function epochDayOf(year: number, month: number, day: number): number {
  return Math.floor(utcMs(year, month, day) / DAY_MS);
}

/** Start of the Sunday-based week containing the epoch day (1970-01-01 was a Thursday). */
function weekStart(epochDay: number): number {
  return epochDay - ((((epochDay + 4) % 7) + 7) % 7);
}

interface WallFields {
  year: number; // proleptic: 0 is 1 BC
  month: number; // 0-11
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  weekday: number; // 0 = Sunday
  epochDay: number;
}

function wallFields(wallMs: number): WallFields {
  const date = new Date(wallMs);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth(),
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millis: date.getUTCMilliseconds(),
    weekday: date.getUTCDay(),
    epochDay: Math.floor(wallMs / DAY_MS),
  };
}

/**
 * Week of year and its week-based year, by Java's English-locale rules (not ISO 8601): weeks start on Sunday and
 * the week containing January 1 is week 1, so 2024-12-29 is week 1 of 2025.
 */
function weekOfYear(wall: WallFields): { week: number; weekYear: number } {
  if (wall.epochDay >= weekStart(epochDayOf(wall.year + 1, 0, 1))) {
    return { week: 1, weekYear: wall.year + 1 };
  }
  const week = Math.floor((wall.epochDay - weekStart(epochDayOf(wall.year, 0, 1))) / 7) + 1;
  return { week, weekYear: wall.year };
}

/** Same rules within the month: the week containing the 1st is week 1. */
function weekOfMonth(wall: WallFields): number {
  return Math.floor((wall.epochDay - weekStart(epochDayOf(wall.year, wall.month, 1))) / 7) + 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Patterns

interface FormatContext {
  wall: WallFields;
  offsetMs: number;
  zone: Zone;
  instantMs: number;
}

type Formatter = (context: FormatContext, count: number) => string;

function pad(value: number, width: number): string {
  const digits = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${digits}` : digits;
}

/** 'yy' keeps the last two digits; any other width is a minimum. */
function formatYear(year: number, count: number): string {
  return count === 2 ? pad(year % 100, 2) : pad(year, count);
}

function formatMonth({ wall }: FormatContext, count: number): string {
  if (count >= 4) return MONTHS[wall.month]!;
  return count === 3 ? SHORT_MONTHS[wall.month]! : pad(wall.month + 1, count);
}

function formatRfc822Offset(offsetMs: number): string {
  const minutes = Math.trunc(offsetMs / MINUTE_MS);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}${pad(abs % 60, 2)}`;
}

/** X: '+08', XX: '+0800', XXX: '+08:00'; 'Z' for UTC. */
function formatIsoOffset(offsetMs: number, count: number): string {
  if (offsetMs === 0) return 'Z';
  const minutes = Math.abs(Math.trunc(offsetMs / MINUTE_MS));
  const hours = `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60), 2)}`;
  if (count === 1) return hours;
  return `${hours}${count === 3 ? ':' : ''}${pad(minutes % 60, 2)}`;
}

const FORMATTERS = {
  G: ({ wall }) => ERAS[wall.year > 0 ? 1 : 0]!,
  y: ({ wall }, count) => formatYear(wall.year > 0 ? wall.year : 1 - wall.year, count),
  Y: ({ wall }, count) => formatYear(weekOfYear(wall).weekYear, count),
  M: formatMonth,
  L: formatMonth,
  d: ({ wall }, count) => pad(wall.day, count),
  D: ({ wall }, count) => pad(wall.epochDay - epochDayOf(wall.year, 0, 1) + 1, count),
  F: ({ wall }, count) => pad(Math.floor((wall.day - 1) / 7) + 1, count),
  w: ({ wall }, count) => pad(weekOfYear(wall).week, count),
  W: ({ wall }, count) => pad(weekOfMonth(wall), count),
  u: ({ wall }, count) => pad(wall.weekday === 0 ? 7 : wall.weekday, count),
  E: ({ wall }, count) => (count >= 4 ? WEEKDAYS : SHORT_WEEKDAYS)[wall.weekday]!,
  a: ({ wall }) => AM_PM[wall.hour < 12 ? 0 : 1]!,
  H: ({ wall }, count) => pad(wall.hour, count),
  k: ({ wall }, count) => pad(wall.hour === 0 ? 24 : wall.hour, count),
  K: ({ wall }, count) => pad(wall.hour % 12, count),
  h: ({ wall }, count) => pad(wall.hour % 12 === 0 ? 12 : wall.hour % 12, count),
  m: ({ wall }, count) => pad(wall.minute, count),
  s: ({ wall }, count) => pad(wall.second, count),
  S: ({ wall }, count) => pad(wall.millis, count),
  z: ({ zone, instantMs }, count) => zone.displayName(instantMs, count >= 4 ? 'long' : 'short'),
  Z: ({ offsetMs }) => formatRfc822Offset(offsetMs),
  X: ({ offsetMs }, count) => formatIsoOffset(offsetMs, count),
} satisfies Record<string, Formatter>;

type FieldLetter = keyof typeof FORMATTERS;

type Token = { kind: 'literal'; text: string } | { kind: 'field'; letter: FieldLetter; count: number };

function isFieldLetter(c: string): c is FieldLetter {
  return Object.hasOwn(FORMATTERS, c);
}

/** Splits a pattern into runs of one field letter and literal text, with Java's quoting and errors. */
function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let literal = '';
  let inQuote = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        literal += "'"; // '' is a quote, inside quoted text or not
        i++;
      } else {
        inQuote = !inQuote;
      }
      continue;
    }
    if (inQuote || !/[A-Za-z]/.test(c)) {
      literal += c;
      continue;
    }
    if (!isFieldLetter(c)) throw new Error(`Illegal pattern character '${c}'`);
    if (literal !== '') {
      tokens.push({ kind: 'literal', text: literal });
      literal = '';
    }
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'field' && last.letter === c) last.count++;
    else tokens.push({ kind: 'field', letter: c, count: 1 });
  }
  if (inQuote) throw new Error('Unterminated quote');
  if (literal !== '') tokens.push({ kind: 'literal', text: literal });
  return tokens;
}

const compiledPatterns = new Map<string, readonly Token[]>();

function compilePattern(pattern: string): readonly Token[] {
  let tokens = compiledPatterns.get(pattern);
  if (tokens === undefined) {
    tokens = tokenize(pattern);
    for (const token of tokens) {
      if (token.kind === 'field' && token.letter === 'X' && token.count > 3) {
        throw new Error(`invalid ISO 8601 format: length=${token.count}`);
      }
    }
    compiledPatterns.set(pattern, tokens);
  }
  return tokens;
}

/** Utilities.formatDate semantics: English names, Java SimpleDateFormat pattern letters and quoting. */
export function formatDate(instantMs: number, timeZone: string, pattern: string): string {
  const tokens = compilePattern(pattern);
  const zone = resolveZone(timeZone);
  const offsetMs = zone.offsetMs(instantMs);
  const context: FormatContext = { wall: wallFields(instantMs + offsetMs), offsetMs, zone, instantMs };
  return tokens
    .map((token) => (token.kind === 'literal' ? token.text : FORMATTERS[token.letter](context, token.count)))
    .join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

/** Calendar fields as parsed so far; stamps record the order hour fields were set (0 = never), as Calendar does. */
interface ParsedFields {
  era: number; // index into ERAS
  year: number;
  ambiguousYear: boolean; // a two-digit year equal to the century start's, resolved by comparing instants
  month: number; // 0-11, may be out of range
  day: number;
  hourOfDay: number;
  hour: number; // 0-11 half-day hour of 'h' and 'K'
  amPm: number;
  minute: number;
  second: number;
  millis: number;
  offsetMs: number | null; // from z, Z or X
  stamps: { hourOfDay: number; hour: number; amPm: number };
}

interface ParseState {
  text: string;
  pos: number;
  zone: Zone;
  centuryStart: number; // two-digit years land within 80 years before and 20 after now
  stamp: number;
  fields: ParsedFields;
}

/** A field parser; numbers must end by digitsEnd (see scanFields). */
type FieldParser = (state: ParseState, count: number, digitsEnd: number) => boolean;

/** Reads an integer with an optional minus sign, consuming it. */
function readInteger(state: ParseState, digitsEnd: number): string | null {
  if (digitsEnd > state.text.length) return null;
  const match = /^-?\d+/.exec(state.text.slice(state.pos, digitsEnd));
  if (!match) return null;
  state.pos += match[0].length;
  return match[0];
}

/** Index of the longest name (case-insensitive) at the cursor, consuming it; -1 if none matches. */
function matchName(state: ParseState, names: readonly string[]): number {
  let best = -1;
  let bestLength = 0;
  names.forEach((name, index) => {
    const candidate = state.text.slice(state.pos, state.pos + name.length);
    if (name.length > bestLength && candidate.toLowerCase() === name.toLowerCase()) {
      best = index;
      bestLength = name.length;
    }
  });
  state.pos += bestLength;
  return best;
}

function numeric(apply: (state: ParseState, value: number) => void): FieldParser {
  return (state, _count, digitsEnd) => {
    const digits = readInteger(state, digitsEnd);
    if (digits === null) return false;
    apply(state, Number(digits));
    return true;
  };
}

function named(names: readonly string[], apply: (state: ParseState, index: number) => void): FieldParser {
  return (state) => {
    const index = matchName(state, names);
    if (index < 0) return false;
    apply(state, index);
    return true;
  };
}

function parseYear(state: ParseState, count: number, digitsEnd: number): boolean {
  const digits = readInteger(state, digitsEnd);
  if (digits === null) return false;
  const { fields } = state;
  fields.year = Number(digits);
  fields.ambiguousYear = false;
  if (count <= 2 && /^\d\d$/.test(digits)) {
    const startYear = new Date(state.centuryStart).getUTCFullYear();
    fields.ambiguousYear = fields.year === startYear % 100;
    fields.year += Math.floor(startYear / 100) * 100 + (fields.year < startYear % 100 ? 100 : 0);
  }
  return true;
}

const parseMonthNumber = numeric((state, value) => {
  state.fields.month = value - 1;
});
const parseMonthName = named([...MONTHS, ...SHORT_MONTHS], (state, index) => {
  state.fields.month = index % 12;
});

function parseMonth(state: ParseState, count: number, digitsEnd: number): boolean {
  return (count >= 3 ? parseMonthName : parseMonthNumber)(state, count, digitsEnd);
}

function setHourOfDay(state: ParseState, value: number): void {
  state.fields.hourOfDay = value;
  state.fields.stamps.hourOfDay = ++state.stamp;
}

function setHour(state: ParseState, value: number): void {
  state.fields.hour = value;
  state.fields.stamps.hour = ++state.stamp;
}

/** Java's numeric zone forms after the sign: hh (X), hhmm (Z, XX), hh:mm (XXX) and h:mm or hh:mm (after GMT). */
function numericZonePattern(count: number, colon: boolean): RegExp {
  if (count === 1) return /^(\d\d)/;
  if (!colon) return /^(\d\d)(\d\d)/;
  return count === 0 ? /^(\d\d?):(\d\d)/ : /^(\d\d):(\d\d)/;
}

function parseNumericZone(state: ParseState, sign: number, count: number, colon: boolean): number | null {
  const match = numericZonePattern(count, colon).exec(state.text.slice(state.pos));
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  state.pos += match[0].length;
  return sign * (hours * 60 + minutes) * MINUTE_MS;
}

function signAt(state: ParseState): number {
  const c = state.text[state.pos];
  return c === '+' ? 1 : c === '-' ? -1 : 0;
}

const zoneNameTables = new WeakMap<Zone, Array<[string, number]>>();

/** The zone's own short and long names (January and July this year) with their offsets, plus 'UTC'. */
function zoneNames(zone: Zone): Array<[string, number]> {
  let table = zoneNameTables.get(zone);
  if (table === undefined) {
    const year = new Date().getUTCFullYear();
    table = [['UTC', 0]];
    for (const instantMs of [Date.UTC(year, 0, 1), Date.UTC(year, 6, 1)]) {
      for (const style of ['short', 'long'] as const) {
        const name = zone.displayName(instantMs, style);
        if (!name.startsWith('GMT+') && !name.startsWith('GMT-')) {
          table.push([name, zone.offsetMs(instantMs)]);
        }
      }
    }
    zoneNameTables.set(zone, table);
  }
  return table;
}

/** z and Z: '+0800', 'GMT', 'GMT+8:00', or one of the zone's names like 'EST'. */
function parseZoneText(state: ParseState): boolean {
  let offsetMs: number | null;
  const sign = signAt(state);
  if (sign !== 0) {
    state.pos++;
    offsetMs = parseNumericZone(state, sign, 0, false);
  } else if (state.text.slice(state.pos, state.pos + 3).toUpperCase() === 'GMT') {
    state.pos += 3;
    const gmtSign = signAt(state);
    if (gmtSign === 0) {
      offsetMs = 0;
    } else {
      state.pos++;
      offsetMs = parseNumericZone(state, gmtSign, 0, true);
    }
  } else {
    const names = zoneNames(state.zone);
    const index = matchName(
      state,
      names.map(([name]) => name),
    );
    offsetMs = index < 0 ? null : names[index]![1];
  }
  state.fields.offsetMs = offsetMs;
  return offsetMs !== null;
}

/** X: 'Z', or '+08' / '+0800' / '+08:00' for X / XX / XXX. */
function parseIsoZone(state: ParseState, count: number): boolean {
  if (state.text[state.pos] === 'Z') {
    state.pos++;
    state.fields.offsetMs = 0;
    return true;
  }
  const sign = signAt(state);
  if (sign === 0) return false;
  state.pos++;
  state.fields.offsetMs = parseNumericZone(state, sign, count, count === 3);
  return state.fields.offsetMs !== null;
}

const PARSERS: Partial<Record<FieldLetter, FieldParser>> = {
  G: named(ERAS, (state, index) => {
    state.fields.era = index;
  }),
  y: parseYear,
  M: parseMonth,
  L: parseMonth,
  d: numeric((state, value) => {
    state.fields.day = value;
  }),
  // Matched but not used: Java lets the day of month win over it (without one, Java would pick that weekday).
  E: named([...WEEKDAYS, ...SHORT_WEEKDAYS], () => {}),
  a: named(AM_PM, (state, index) => {
    state.fields.amPm = index;
    state.fields.stamps.amPm = ++state.stamp;
  }),
  H: numeric(setHourOfDay),
  k: numeric((state, value) => setHourOfDay(state, value === 24 ? 0 : value)),
  K: numeric(setHour),
  h: numeric((state, value) => setHour(state, value === 12 ? 0 : value)),
  m: numeric((state, value) => {
    state.fields.minute = value;
  }),
  s: numeric((state, value) => {
    state.fields.second = value;
  }),
  S: numeric((state, value) => {
    state.fields.millis = value;
  }),
  z: parseZoneText,
  Z: parseZoneText,
  X: parseIsoZone,
};

function parserFor(letter: FieldLetter): FieldParser {
  const parser = PARSERS[letter];
  if (parser === undefined) throw new Error(`Pattern character '${letter}' is not supported by parseDate`);
  return parser;
}

/** Java's DateFormat.parse(String): fields must match from the start; trailing text is ignored. */
function scanFields(
  text: string,
  tokens: readonly Token[],
  zone: Zone,
  centuryStart: number,
): ParsedFields | null {
  const state: ParseState = {
    text,
    pos: 0,
    zone,
    centuryStart,
    stamp: 0,
    fields: {
      era: 1,
      year: 1970,
      ambiguousYear: false,
      month: 0,
      day: 1,
      hourOfDay: 0,
      hour: 0,
      amPm: 0,
      minute: 0,
      second: 0,
      millis: 0,
      offsetMs: null,
      stamps: { hourOfDay: 0, hour: 0, amPm: 0 },
    },
  };
  for (const [i, token] of tokens.entries()) {
    if (token.kind === 'literal') {
      if (!text.startsWith(token.text, state.pos)) return null;
      state.pos += token.text.length;
      continue;
    }
    // A number abutting the next field (as in 'yyyyMMdd') takes at most `count` characters counted from before
    // the blanks skipped here, and fails if fewer remain; otherwise it takes all the digits there are.
    const digitsEnd = tokens[i + 1]?.kind === 'field' ? state.pos + token.count : text.length;
    while (text[state.pos] === ' ' || text[state.pos] === '\t') state.pos++;
    if (state.pos >= text.length) return null;
    if (!parserFor(token.letter)(state, token.count, digitsEnd)) return null;
  }
  return state.pos > 0 ? state.fields : null;
}

/** H/k win over h/K + a when set last; otherwise the half-day hour applies (a alone means hour 0 of that half). */
function resolveHourOfDay({ stamps, hourOfDay, hour, amPm }: ParsedFields): number {
  const halfDayStamp = stamps.hour > 0 && stamps.amPm > 0 ? Math.max(stamps.hour, stamps.amPm) : 0;
  if (stamps.hourOfDay > halfDayStamp) return hourOfDay;
  return hour + 12 * amPm;
}

function fieldsToInstant(fields: ParsedFields, zone: Zone, extraYears: number): number {
  const year = (fields.era === 0 ? 1 - fields.year : fields.year) + extraYears;
  const { month, day, minute, second, millis } = fields;
  const wallMs = utcMs(year, month, day, resolveHourOfDay(fields), minute, second, millis);
  if (Number.isNaN(wallMs)) return wallMs;
  return fields.offsetMs === null ? zoneWallToInstant(zone, wallMs) : wallMs - fields.offsetMs;
}

/** Java's default century start for two-digit years: 80 years before now. */
function defaultCenturyStart(): number {
  const date = new Date();
  return date.setUTCFullYear(date.getUTCFullYear() - 80);
}

/**
 * Utilities.parseDate semantics (lenient Java SimpleDateFormat): returns the instant, or throws
 * Error('Unparseable date: "<text>"'). Out-of-range fields roll over; missing fields default to 1970-01-01 00:00.
 */
export function parseDate(text: string, timeZone: string, pattern: string): number {
  const tokens = compilePattern(pattern);
  for (const token of tokens) {
    if (token.kind === 'field') parserFor(token.letter); // reject unsupported letters whatever the text
  }
  const zone = resolveZone(timeZone);
  const centuryStart = defaultCenturyStart();
  const fields = scanFields(text, tokens, zone, centuryStart);
  if (fields === null) throw unparseable(text);
  let instantMs = fieldsToInstant(fields, zone, 0);
  if (fields.ambiguousYear && instantMs < centuryStart) instantMs = fieldsToInstant(fields, zone, 100);
  if (Number.isNaN(instantMs)) throw unparseable(text);
  return instantMs;
}

/** Java's ParseException message. */
function unparseable(text: string): Error {
  return new Error(`Unparseable date: "${text}"`);
}
