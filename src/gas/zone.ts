// The spreadsheet time zone's UTC offset at any instant, from Utilities.formatDate, cached so bulk conversions stay cheap.
import type { OffsetFn } from '../core/dates';

const HOUR_MS = 3_600_000;

/** Minutes east of UTC, parsed from Utilities' `Z` pattern (+0800 → 480). */
function probe(timeZone: string, instant: number): number {
  const z = Utilities.formatDate(new Date(instant), timeZone, 'Z');
  const sign = z.startsWith('-') ? -1 : 1;
  return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
}

/**
 * An offset function for the zone. Zones without a change between half a year before and after `now` (most of
 * Asia) answer every nearby instant from three probes; others are probed once per hour of time asked about.
 */
export function offsetsFor(timeZone: string, now: number): OffsetFn {
  const year = 183 * 24 * HOUR_MS;
  const probes = [now - year, now, now + year].map((at) => probe(timeZone, at));
  const steady = probes.every((p) => p === probes[0]);
  const cache = new Map<number, number>();
  return (instant) => {
    if (steady && instant >= now - year && instant <= now + year) return probes[0]!;
    const key = Math.floor(instant / HOUR_MS);
    let offset = cache.get(key);
    if (offset === undefined) {
      offset = probe(timeZone, instant);
      cache.set(key, offset);
    }
    return offset;
  };
}
