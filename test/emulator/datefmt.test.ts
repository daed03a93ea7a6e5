// Tests for the emulator's Java SimpleDateFormat-compatible formatDate/parseDate and time zone conversions.
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  instantToWall,
  isValidTimeZone,
  parseDate,
  wallToInstant,
  zoneOffsetMinutes,
} from '../../emulator/model/datefmt';

const HOUR_MS = 3_600_000;
const NEW_YORK = 'America/New_York';
const LONDON = 'Europe/London';
const SHANGHAI = 'Asia/Shanghai';

/** An instant from an ISO string with its zone designator. */
const at = (iso: string): number => Date.parse(iso);
/** Wall-clock milliseconds: the local fields read as if they were UTC. */
const wall = (local: string): number => Date.parse(`${local}Z`);

// Friday 2024-01-05 11:04:05.006 in Shanghai, Thursday 2024-01-04 22:04:05.006 in New York.
const SAMPLE = at('2024-01-05T03:04:05.006Z');

describe('zoneOffsetMinutes', () => {
  it.each([
    [SHANGHAI, '2024-01-15T00:00:00Z', 480],
    [SHANGHAI, '2024-07-15T00:00:00Z', 480],
    ['UTC', '2024-07-15T00:00:00Z', 0],
    ['Asia/Kolkata', '2024-07-15T00:00:00Z', 330],
    ['Australia/Sydney', '2024-01-15T00:00:00Z', 660],
    [NEW_YORK, '2024-03-10T06:59:59.999Z', -300],
    [NEW_YORK, '2024-03-10T07:00:00.000Z', -240],
    [NEW_YORK, '2024-11-03T05:59:59.999Z', -240],
    [NEW_YORK, '2024-11-03T06:00:00.000Z', -300],
    [LONDON, '2024-03-31T00:59:59.999Z', 0],
    [LONDON, '2024-03-31T01:00:00.000Z', 60],
    [LONDON, '2024-10-27T00:59:59.999Z', 60],
    [LONDON, '2024-10-27T01:00:00.000Z', 0],
    ['GMT+08:00', '2024-07-15T00:00:00Z', 480],
    ['GMT+8', '2024-07-15T00:00:00Z', 480],
    ['GMT-0330', '2024-07-15T00:00:00Z', -210],
  ])('%s at %s is %i', (zone, iso, minutes) => {
    expect(zoneOffsetMinutes(at(iso), zone)).toBe(minutes);
  });

  it('keeps the seconds of historical local mean time offsets', () => {
    // Shanghai used LMT +08:05:43 until 1901.
    expect(instantToWall(at('1900-01-01T00:00:00Z'), SHANGHAI)).toBe(wall('1900-01-01T08:05:43'));
  });

  it.each([
    ['zoneOffsetMinutes', () => zoneOffsetMinutes(0, 'Mars/Olympus')],
    ['instantToWall', () => instantToWall(0, 'Mars/Olympus')],
    ['wallToInstant', () => wallToInstant(0, 'Mars/Olympus')],
    ['formatDate', () => formatDate(0, 'Mars/Olympus', 'yyyy')],
    ['parseDate', () => parseDate('2024', 'Mars/Olympus', 'yyyy')],
  ])('%s rejects unknown zones', (_name, call) => {
    expect(call).toThrowError(new Error('Invalid time zone: Mars/Olympus'));
  });
});

describe('instantToWall and wallToInstant', () => {
  it.each([
    [SHANGHAI, '2024-01-05T02:00:00Z', '2024-01-05T10:00:00'],
    ['UTC', '2024-01-05T02:00:00Z', '2024-01-05T02:00:00'],
    [NEW_YORK, '2024-03-10T06:59:59Z', '2024-03-10T01:59:59'],
    [NEW_YORK, '2024-03-10T07:00:00Z', '2024-03-10T03:00:00'],
    [NEW_YORK, '2024-07-01T16:00:00Z', '2024-07-01T12:00:00'],
    [LONDON, '2024-03-31T01:00:00Z', '2024-03-31T02:00:00'],
    [LONDON, '2024-10-27T01:00:00Z', '2024-10-27T01:00:00'],
    ['GMT-03:30', '2024-01-05T02:00:00Z', '2024-01-04T22:30:00'],
  ])('%s: %s reads %s and converts back', (zone, iso, local) => {
    expect(instantToWall(at(iso), zone)).toBe(wall(local));
    expect(wallToInstant(wall(local), zone)).toBe(at(iso));
  });

  it.each([
    [NEW_YORK, '2024-03-10T02:30:00', '2024-03-10T07:30:00Z'], // 03:30 EDT
    [LONDON, '2024-03-31T01:30:00', '2024-03-31T01:30:00Z'], // 02:30 BST
  ])('moves a %s wall time in the spring-forward gap forward by the gap', (zone, local, iso) => {
    expect(wallToInstant(wall(local), zone)).toBe(at(iso));
  });

  it.each([
    [NEW_YORK, '2024-11-03T01:30:00', '2024-11-03T06:30:00Z'], // 01:30 EST, not 01:30 EDT
    [LONDON, '2024-10-27T01:30:00', '2024-10-27T01:30:00Z'], // 01:30 GMT, not 01:30 BST
  ])(
    'resolves a repeated %s wall time to standard time (the later instant) as Java does',
    (zone, local, iso) => {
      const instant = wallToInstant(wall(local), zone);
      expect(instant).toBe(at(iso));
      expect(instantToWall(instant - HOUR_MS, zone)).toBe(wall(local)); // the hour before reads the same
    },
  );

  it.each([
    [NEW_YORK, '2024-03-09T12:00:00Z', null],
    [NEW_YORK, '2024-11-02T12:00:00Z', at('2024-11-03T05:00:00Z')],
    [LONDON, '2024-03-30T12:00:00Z', null],
    [LONDON, '2024-10-26T12:00:00Z', at('2024-10-27T00:00:00Z')],
  ])('round-trips every 15 minutes of the %s transition from %s', (zone, startIso, overlapStart) => {
    for (let t = at(startIso); t < at(startIso) + 24 * HOUR_MS; t += HOUR_MS / 4) {
      const inFirstPass = overlapStart !== null && t >= overlapStart && t < overlapStart + HOUR_MS;
      expect(wallToInstant(instantToWall(t, zone), zone)).toBe(inFirstPass ? t + HOUR_MS : t);
    }
  });

  it('converts 100,000 instants quickly', () => {
    const zone = 'America/Chicago'; // not used elsewhere, so its offset cache starts cold
    const start = at('2012-01-01T00:00:00Z');
    const reference = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    const began = performance.now();
    const walls = Array.from({ length: 100_000 }, (_, i) => instantToWall(start + i * HOUR_MS + 17, zone));
    const elapsedMs = performance.now() - began;
    for (let i = 0; i < walls.length; i += 997) {
      const p = Object.fromEntries(
        reference.formatToParts(start + i * HOUR_MS).map((x) => [x.type, x.value]),
      );
      expect(walls[i]).toBe(wall(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00.017`));
    }
    expect(elapsedMs).toBeLessThan(1000); // typically ~20 ms; generous to stay reliable on busy machines
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Asia/Shanghai', true],
    ['America/New_York', true],
    ['UTC', true],
    ['GMT', true],
    ['Etc/GMT-8', true],
    ['GMT+08:00', true],
    ['GMT+8', true],
    ['GMT-0330', true],
    ['GMT+24:00', false],
    ['GMT+08:60', false],
    ['+08:00', false],
    ['Mars/Olympus', false],
    ['', false],
  ])('%s → %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});

describe('formatDate', () => {
  it.each([
    ['G', 'AD'],
    ['y', '2024'],
    ['yy', '24'],
    ['yyy', '2024'],
    ['yyyy', '2024'],
    ['yyyyy', '02024'],
    ['Y', '2024'],
    ['YY', '24'],
    ['M', '1'],
    ['MM', '01'],
    ['MMM', 'Jan'],
    ['MMMM', 'January'],
    ['MMMMM', 'January'],
    ['L', '1'],
    ['LL', '01'],
    ['LLL', 'Jan'],
    ['LLLL', 'January'],
    ['d', '5'],
    ['dd', '05'],
    ['D', '5'],
    ['DDD', '005'],
    ['F', '1'],
    ['w', '1'],
    ['ww', '01'],
    ['W', '1'],
    ['u', '5'],
    ['uu', '05'],
    ['E', 'Fri'],
    ['EEE', 'Fri'],
    ['EEEE', 'Friday'],
    ['EEEEE', 'Friday'],
    ['H', '11'],
    ['HH', '11'],
    ['h', '11'],
    ['hh', '11'],
    ['k', '11'],
    ['kk', '11'],
    ['K', '11'],
    ['KK', '11'],
    ['m', '4'],
    ['mm', '04'],
    ['s', '5'],
    ['ss', '05'],
    ['S', '6'],
    ['SS', '06'],
    ['SSS', '006'],
    ['SSSS', '0006'],
    ['a', 'AM'],
    ['z', 'GMT+08:00'], // Java says 'CST'; Intl has no abbreviation for China
    ['zzzz', 'China Standard Time'],
    ['Z', '+0800'],
    ['ZZZZ', '+0800'],
    ['X', '+08'],
    ['XX', '+0800'],
    ['XXX', '+08:00'],
  ])('Shanghai %s → %s', (pattern, expected) => {
    expect(formatDate(SAMPLE, SHANGHAI, pattern)).toBe(expected);
  });

  it.each([
    ['d E u', '4 Thu 4'],
    ['H h k K a', '22 10 22 10 PM'],
    ['z zzzz', 'EST Eastern Standard Time'],
    ['Z X XX XXX', '-0500 -05 -0500 -05:00'],
  ])('New York %s → %s', (pattern, expected) => {
    expect(formatDate(SAMPLE, NEW_YORK, pattern)).toBe(expected);
  });

  it.each([
    ['UTC', 'z zzzz Z X XX XXX', 'UTC Coordinated Universal Time +0000 Z Z Z'],
    ['Asia/Kolkata', 'HH:mm z Z X XXX', '08:34 GMT+05:30 +0530 +05 +05:30'],
    ['GMT-0330', 'yyyy-MM-dd HH:mm z zzzz Z XXX', '2024-01-04 23:34 GMT-03:30 GMT-03:30 -0330 -03:30'],
    ['Etc/GMT-8', 'HH z', '11 GMT+08:00'],
  ])('%s %s → %s', (zone, pattern, expected) => {
    expect(formatDate(SAMPLE, zone, pattern)).toBe(expected);
  });

  it.each([
    ['2024-01-05T00:30:00Z', '0 12 24 0 AM'],
    ['2024-01-05T11:30:00Z', '11 11 11 11 AM'],
    ['2024-01-05T12:30:00Z', '12 12 12 0 PM'],
    ['2024-01-05T23:30:00Z', '23 11 23 11 PM'],
  ])('hour letters H h k K a at %s → %s', (iso, expected) => {
    expect(formatDate(at(iso), 'UTC', 'H h k K a')).toBe(expected);
  });

  it.each([
    [NEW_YORK, '2024-03-10T06:59:59Z', '2024-03-10 01:59:59 EST -0500 -05:00'],
    [NEW_YORK, '2024-03-10T07:00:00Z', '2024-03-10 03:00:00 EDT -0400 -04:00'],
    [NEW_YORK, '2024-11-03T05:30:00Z', '2024-11-03 01:30:00 EDT -0400 -04:00'],
    [NEW_YORK, '2024-11-03T06:30:00Z', '2024-11-03 01:30:00 EST -0500 -05:00'],
    [LONDON, '2024-03-31T00:59:59Z', '2024-03-31 00:59:59 GMT +0000 Z'],
    [LONDON, '2024-03-31T01:00:00Z', '2024-03-31 02:00:00 GMT+01:00 +0100 +01:00'],
    [LONDON, '2024-10-27T00:30:00Z', '2024-10-27 01:30:00 GMT+01:00 +0100 +01:00'],
    [LONDON, '2024-10-27T01:30:00Z', '2024-10-27 01:30:00 GMT +0000 Z'],
    [SHANGHAI, '2024-07-01T16:00:00Z', '2024-07-02 00:00:00 GMT+08:00 +0800 +08:00'],
    ['UTC', '2024-07-01T16:00:00Z', '2024-07-01 16:00:00 UTC +0000 Z'],
  ])('%s at %s → %s', (zone, iso, expected) => {
    expect(formatDate(at(iso), zone, 'yyyy-MM-dd HH:mm:ss z Z XXX')).toBe(expected);
  });

  it('names British Summer Time in full', () => {
    expect(formatDate(at('2024-07-01T12:00:00Z'), LONDON, 'zzzz')).toBe('British Summer Time');
  });

  // Java's English-locale week rules: weeks start on Sunday, week 1 contains January 1 (not ISO 8601).
  it.each([
    ['2023-12-31', '2024-01-7 6 5 Sun 365'],
    ['2024-01-01', '2024-01-1 1 1 Mon 1'],
    ['2024-12-29', '2025-01-7 5 5 Sun 364'],
    ['2024-12-31', '2025-01-2 5 5 Tue 366'],
    ['2025-01-01', '2025-01-3 1 1 Wed 1'],
    ['2021-01-03', '2021-02-7 2 1 Sun 3'],
    ['2024-09-01', '2024-36-7 1 1 Sun 245'],
    ['2020-12-31', '2021-01-4 5 5 Thu 366'],
  ])('week fields YYYY-ww-u W F E D of %s → %s', (date, expected) => {
    expect(formatDate(at(`${date}T12:00:00Z`), 'UTC', 'YYYY-ww-u W F E D')).toBe(expected);
  });

  it.each([
    ['-000043-03-15T00:00:00Z', 'BC 0044'],
    ['0000-06-01T00:00:00Z', 'BC 0001'],
    ['0001-06-01T00:00:00Z', 'AD 0001'],
  ])('era and year of era at %s → %s', (iso, expected) => {
    expect(formatDate(at(iso), 'UTC', 'G yyyy')).toBe(expected);
  });

  it.each([
    ["yyyy-MM-dd'T'HH:mm:ss", '2024-01-05T03:04:05'],
    ["'o''clock'", "o'clock"],
    ["''", "'"],
    ["''''", "''"],
    ["h 'o''clock' a", "3 o'clock AM"],
    ["'Date:' EEE", 'Date: Fri'],
    ["'yyyy'", 'yyyy'],
    ["yyyy''MM", "2024'01"],
    ['yyyy年MM月dd日', '2024年01月05日'],
    ['dd/MM/yyyy, HH:mm', '05/01/2024, 03:04'],
    ['', ''],
  ])('quoting and literals: %s → %s', (pattern, expected) => {
    expect(formatDate(SAMPLE, 'UTC', pattern)).toBe(expected);
  });

  it.each([
    ['yyyy-MM-dd q', "Illegal pattern character 'q'"],
    ['b', "Illegal pattern character 'b'"],
    ['yyyy-MM-ddTHH:mm', "Illegal pattern character 'T'"],
    ["'abc", 'Unterminated quote'],
    ['XXXX', 'invalid ISO 8601 format: length=4'],
  ])('rejects the pattern %s', (pattern, message) => {
    expect(() => formatDate(SAMPLE, 'UTC', pattern)).toThrowError(new Error(message));
  });
});

describe('parseDate', () => {
  it.each([
    ['2024-01-05 10:00:00', SHANGHAI, 'yyyy-MM-dd HH:mm:ss', '2024-01-05T02:00:00Z'],
    ['2024-1-5 1:2:3', 'UTC', 'yyyy-MM-dd HH:mm:ss', '2024-01-05T01:02:03Z'],
    ['02024-001-05', 'UTC', 'yyyy-MM-dd', '2024-01-05T00:00:00Z'],
    ['20240105', 'UTC', 'yyyyMMdd', '2024-01-05T00:00:00Z'],
    ['20240105101112', 'UTC', 'yyyyMMddHHmmss', '2024-01-05T10:11:12Z'],
    ['0024-01-05', 'UTC', 'yyyy-MM-dd', '0024-01-05T00:00:00Z'], // proleptic Gregorian; Java would use Julian
    ['24-01-05', 'UTC', 'yy-MM-dd', '2024-01-05T00:00:00Z'],
    ['99-01-05', 'UTC', 'yy-MM-dd', '1999-01-05T00:00:00Z'],
    ['2024-01-05', 'UTC', 'yy-MM-dd', '2024-01-05T00:00:00Z'],
    ['2024-01-05 10:00:00.5', 'UTC', 'yyyy-MM-dd HH:mm:ss.SSS', '2024-01-05T10:00:00.005Z'],
    ['12:05 AM', 'UTC', 'hh:mm a', '1970-01-01T00:05:00Z'],
    ['12:05 PM', 'UTC', 'hh:mm a', '1970-01-01T12:05:00Z'],
    ['01:05 pm', 'UTC', 'hh:mm a', '1970-01-01T13:05:00Z'],
    ['0530PM', 'UTC', 'hhmma', '1970-01-01T17:30:00Z'],
    ['11:30 PM', 'UTC', 'K:mm a', '1970-01-01T23:30:00Z'],
    ['2024-01-05 24:00', 'UTC', 'yyyy-MM-dd kk:mm', '2024-01-05T00:00:00Z'],
    ['2024-01-05 PM', 'UTC', 'yyyy-MM-dd a', '2024-01-05T12:00:00Z'],
    ['2024-01-05 10 PM', 'UTC', 'yyyy-MM-dd HH a', '2024-01-05T10:00:00Z'],
    ['05 jan 2024', 'UTC', 'dd MMM yyyy', '2024-01-05T00:00:00Z'],
    ['05 January 2024', 'UTC', 'dd MMM yyyy', '2024-01-05T00:00:00Z'],
    ['Mon, 05 Jan 2024', 'UTC', 'EEE, dd MMM yyyy', '2024-01-05T00:00:00Z'],
    ['AD 2024-01-05', 'UTC', 'G yyyy-MM-dd', '2024-01-05T00:00:00Z'],
    ['2024-01-05T10:00:00', 'UTC', "yyyy-MM-dd'T'HH:mm:ss", '2024-01-05T10:00:00Z'],
    ["2024 o'clock", 'UTC', "yyyy 'o''clock'", '2024-01-01T00:00:00Z'],
    ['2024年01月05日', SHANGHAI, 'yyyy年MM月dd日', '2024-01-04T16:00:00Z'],
    ['10:00', NEW_YORK, 'HH:mm', '1970-01-01T15:00:00Z'],
    ['  2024-01-05', 'UTC', 'yyyy-MM-dd', '2024-01-05T00:00:00Z'],
    ['2024- 01-05', 'UTC', 'yyyy-MM-dd', '2024-01-05T00:00:00Z'],
    ['2024-01-05 and more', 'UTC', 'yyyy-MM-dd', '2024-01-05T00:00:00Z'],
  ])('%s in %s as %s → %s', (text, zone, pattern, iso) => {
    expect(parseDate(text, zone, pattern)).toBe(at(iso));
  });

  it.each([
    ['2024-02-30', 'yyyy-MM-dd', '2024-03-01T00:00:00Z'],
    ['2023-02-29', 'yyyy-MM-dd', '2023-03-01T00:00:00Z'],
    ['2024-13-05', 'yyyy-MM-dd', '2025-01-05T00:00:00Z'],
    ['2024-00-10', 'yyyy-MM-dd', '2023-12-10T00:00:00Z'],
    ['2024--1-05', 'yyyy-MM-dd', '2023-11-05T00:00:00Z'],
    ['2024-01-05 25:61:61', 'yyyy-MM-dd HH:mm:ss', '2024-01-06T02:02:01Z'],
    ['2024-01-05 13:00 AM', 'yyyy-MM-dd hh:mm a', '2024-01-05T13:00:00Z'],
  ])('rolls %s over leniently', (text, pattern, iso) => {
    expect(parseDate(text, 'UTC', pattern)).toBe(at(iso));
  });

  it.each([
    ['2024-01-05 10:00 +0800', 'UTC', 'yyyy-MM-dd HH:mm Z', '2024-01-05T02:00:00Z'],
    ['2024-01-05 10:00 -0330', SHANGHAI, 'yyyy-MM-dd HH:mm Z', '2024-01-05T13:30:00Z'],
    ['2024-01-05 10:00 GMT+08:00', 'UTC', 'yyyy-MM-dd HH:mm Z', '2024-01-05T02:00:00Z'],
    ['2024-01-05T10:00:00+08:00', 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX", '2024-01-05T02:00:00Z'],
    ['2024-01-05T10:00:00Z', SHANGHAI, "yyyy-MM-dd'T'HH:mm:ssXXX", '2024-01-05T10:00:00Z'],
    ['2024-01-05T10:00+08', 'UTC', "yyyy-MM-dd'T'HH:mmX", '2024-01-05T02:00:00Z'],
    ['20240105T101112+0800', 'UTC', "yyyyMMdd'T'HHmmssXX", '2024-01-05T02:11:12Z'],
    ['2024-07-05 10:00 EST', NEW_YORK, 'yyyy-MM-dd HH:mm z', '2024-07-05T15:00:00Z'],
    ['2024-07-05 10:00 EDT', NEW_YORK, 'yyyy-MM-dd HH:mm z', '2024-07-05T14:00:00Z'],
    ['2024-01-05 10:00 Eastern Daylight Time', NEW_YORK, 'yyyy-MM-dd HH:mm zzzz', '2024-01-05T14:00:00Z'],
    ['2024-01-05 10:00 GMT+8:00', 'UTC', 'yyyy-MM-dd HH:mm z', '2024-01-05T02:00:00Z'],
    ['2024-01-05 10:00 GMT', SHANGHAI, 'yyyy-MM-dd HH:mm z', '2024-01-05T10:00:00Z'],
    ['2024-01-05 10:00 utc', SHANGHAI, 'yyyy-MM-dd HH:mm z', '2024-01-05T10:00:00Z'],
  ])('%s in %s as %s uses the parsed offset → %s', (text, zone, pattern, iso) => {
    expect(parseDate(text, zone, pattern)).toBe(at(iso));
  });

  it.each([
    ['2024-03-10 02:30', NEW_YORK, '2024-03-10T07:30:00Z'], // gap: 03:30 EDT
    ['2024-11-03 01:30', NEW_YORK, '2024-11-03T06:30:00Z'], // overlap: 01:30 EST
    ['2024-03-31 01:30', LONDON, '2024-03-31T01:30:00Z'], // gap: 02:30 BST
    ['2024-10-27 01:30', LONDON, '2024-10-27T01:30:00Z'], // overlap: 01:30 GMT
    ['2024-07-01 12:00', LONDON, '2024-07-01T11:00:00Z'],
    ['2024-07-01 12:00', SHANGHAI, '2024-07-01T04:00:00Z'],
  ])('reads %s in %s as %s', (text, zone, iso) => {
    expect(parseDate(text, zone, 'yyyy-MM-dd HH:mm')).toBe(at(iso));
  });

  it.each([
    [NEW_YORK, '2024-03-09T12:00:00Z'],
    [NEW_YORK, '2024-11-02T12:00:00Z'],
    [LONDON, '2024-03-30T12:00:00Z'],
    [LONDON, '2024-10-26T12:00:00Z'],
  ])('round-trips formatDate output across the %s transition after %s', (zone, startIso) => {
    for (let t = at(startIso); t < at(startIso) + 24 * HOUR_MS; t += HOUR_MS / 4 + 1) {
      for (const pattern of ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", 'EEE, d MMM yyyy HH:mm:ss.SSS Z']) {
        expect(parseDate(formatDate(t, zone, pattern), zone, pattern)).toBe(t);
      }
    }
  });

  it('round-trips New York zone abbreviations', () => {
    const pattern = 'yyyy-MM-dd hh:mm:ss a z';
    for (const iso of ['2024-11-03T05:30:00Z', '2024-11-03T06:30:00Z', '2024-07-01T16:00:00Z']) {
      expect(parseDate(formatDate(at(iso), NEW_YORK, pattern), NEW_YORK, pattern)).toBe(at(iso));
    }
  });

  it.each([
    ['hello', 'yyyy-MM-dd'],
    ['', 'yyyy'],
    ['   ', 'yyyy'],
    ['2024/01/05', 'yyyy-MM-dd'],
    ['2024-01', 'yyyy-MM-dd'],
    ['202401', 'yyyyMMdd'],
    ['+2024-01-05', 'yyyy-MM-dd'],
    ['Foo 05 2024', 'MMM dd yyyy'],
    ['2024-01-05 10:00 +08', 'yyyy-MM-dd HH:mm Z'],
    ['2024-01-05 10:00 +2400', 'yyyy-MM-dd HH:mm Z'],
    ['2024-01-05 10:00 GMT+8', 'yyyy-MM-dd HH:mm z'],
    ['2024-01-05 10:00 XYZ', 'yyyy-MM-dd HH:mm z'],
    ['2024-01-05T10:00:00+8:00', "yyyy-MM-dd'T'HH:mm:ssXXX"],
    ['2024-01-05T10:00:00+08:60', "yyyy-MM-dd'T'HH:mm:ssXXX"],
    ['2024-01-05T10:00:00 08:00', "yyyy-MM-dd'T'HH:mm:ssXXX"],
    ['2024-01-05 10:00 ZM', 'yyyy-MM-dd HH:mm a'],
    ['2024-01-05', ''],
  ])('rejects %j for %j', (text, pattern) => {
    expect(() => parseDate(text, 'UTC', pattern)).toThrowError(new Error(`Unparseable date: "${text}"`));
  });

  it('rejects bad patterns before looking at the text', () => {
    expect(() => parseDate('2024-01-05', 'UTC', 'yyyy-MM-dd q')).toThrowError(
      new Error("Illegal pattern character 'q'"),
    );
    expect(() => parseDate('2024-01-05', 'UTC', "yyyy-MM-dd 'x")).toThrowError(
      new Error('Unterminated quote'),
    );
    expect(() => parseDate('2024-01', 'UTC', 'YYYY-ww')).toThrowError(
      new Error("Pattern character 'Y' is not supported by parseDate"),
    );
  });
});
