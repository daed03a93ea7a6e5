// Rectangle arithmetic for per-range sheet state (formats, validations, styles, protections) and row/column shifting.
import type { Rect, RectRule } from '../world';

export function contains(rect: Rect, row: number, col: number): boolean {
  return row >= rect.r1 && row <= rect.r2 && col >= rect.c1 && col <= rect.c2;
}

export function covers(outer: Rect, inner: Rect): boolean {
  return outer.r1 <= inner.r1 && outer.c1 <= inner.c1 && outer.r2 >= inner.r2 && outer.c2 >= inner.c2;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** Sets a value over a rectangle: later rules win; rules the new one hides completely are dropped. */
export function setRule<T>(rules: RectRule<T>[], rect: Rect, v: T): RectRule<T>[] {
  const kept = rules.filter((r) => !covers(rect, r));
  kept.push({ r1: rect.r1, c1: rect.c1, r2: rect.r2, c2: rect.c2, v });
  return kept;
}

/** The value in force at a cell (the last rule containing it), or undefined. */
export function ruleAt<T>(rules: RectRule<T>[], row: number, col: number): T | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i]!;
    if (contains(r, row, col)) return r.v;
  }
  return undefined;
}

/** Per-cell grid of the values in force over a rectangle: each rule paints its overlap in order (last wins). */
export function ruleGrid<T>(rules: RectRule<T>[], rect: Rect, fallback: T): T[][] {
  const grid: T[][] = [];
  for (let row = rect.r1; row <= rect.r2; row++)
    grid.push(new Array<T>(rect.c2 - rect.c1 + 1).fill(fallback));
  for (const r of rules) {
    if (!intersects(r, rect)) continue;
    const r1 = Math.max(r.r1, rect.r1);
    const r2 = Math.min(r.r2, rect.r2);
    const c1 = Math.max(r.c1, rect.c1);
    const c2 = Math.min(r.c2, rect.c2);
    for (let row = r1; row <= r2; row++) {
      const line = grid[row - rect.r1]!;
      for (let col = c1; col <= c2; col++) line[col - rect.c1] = r.v;
    }
  }
  return grid;
}

export type Axis = 'row' | 'col';

/**
 * Shifts a rectangle along an axis for `count` lines inserted after line `after` (count > 0) or deleted starting
 * at line `after + 1` (count < 0). Inserted lines take on the rectangles that span or end at the line before them,
 * as Sheets copies that line's formatting. Returns null when a deletion removes the rectangle entirely.
 */
export function shiftRect<T extends Rect>(rect: T, axis: Axis, after: number, count: number): T | null {
  const [lo, hi] = axis === 'row' ? (['r1', 'r2'] as const) : (['c1', 'c2'] as const);
  const a = rect[lo];
  const b = rect[hi];
  if (count > 0) {
    if (a > after) return { ...rect, [lo]: a + count, [hi]: b + count };
    if (b >= after && after >= 1) return { ...rect, [hi]: b + count };
    return rect;
  }
  const first = after + 1;
  const last = after - count;
  if (b < first) return rect;
  if (a > last) return { ...rect, [lo]: a + count, [hi]: b + count };
  const na = Math.min(a, first);
  const nb = b > last ? b + count : first - 1;
  if (nb < na) return null;
  return { ...rect, [lo]: na, [hi]: nb };
}

export function shiftAll<T extends Rect>(rects: T[], axis: Axis, after: number, count: number): T[] {
  const out: T[] = [];
  for (const r of rects) {
    const s = shiftRect(r, axis, after, count);
    if (s) out.push(s);
  }
  return out;
}

/**
 * Sets a per-cell grid over a rectangle efficiently: rules the rectangle hides are dropped, then each column's runs of
 * equal values (compared by `keyOf`) become one rule each.
 */
export function setGrid<T>(
  rules: RectRule<T>[],
  rect: Rect,
  grid: T[][],
  keyOf: (v: T) => string,
): RectRule<T>[] {
  const kept = rules.filter((r) => !covers(rect, r));
  const width = rect.c2 - rect.c1 + 1;
  for (let j = 0; j < width; j++) {
    let start = 0;
    for (let i = 1; i <= grid.length; i++) {
      const prev = grid[i - 1]![j]!;
      if (i < grid.length && keyOf(grid[i]![j]!) === keyOf(prev)) continue;
      const c = rect.c1 + j;
      kept.push({ r1: rect.r1 + start, c1: c, r2: rect.r1 + i - 1, c2: c, v: prev });
      start = i;
    }
  }
  return kept;
}
