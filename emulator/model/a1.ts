// A1 notation: column letters, cell and range addresses, parsed to 1-based rectangles.
import { columnLetter, columnNumber } from '../../src/core/letters';
import type { Rect } from '../world';

export { columnLetter, columnNumber };

export interface ParsedA1 {
  sheet: string | null;
  rect: Rect;
}

const PART = /^\$?([A-Za-z]*)\$?(\d*)$/;

/** Parses `A1`, `A1:B5`, `A:A`, `A2:A`, `2:2` and `'Sheet name'!A1` against a sheet's size. Returns null when malformed. */
export function parseA1(a1: string, maxRows: number, maxCols: number): ParsedA1 | null {
  let sheet: string | null = null;
  let ref = a1.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    const name = ref.slice(0, bang);
    sheet = name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
    ref = ref.slice(bang + 1);
  }
  const [first, second, extra] = ref.split(':');
  if (first === undefined || extra !== undefined) return null;
  const a = PART.exec(first);
  const b = PART.exec(second ?? first);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) return null;
  if (second === undefined && (!a[1] || !a[2])) return null;
  const c1 = a[1] ? columnNumber(a[1]) : 1;
  const r1 = a[2] ? Number(a[2]) : 1;
  const c2 = b[1] ? columnNumber(b[1]) : maxCols;
  const r2 = b[2] ? Number(b[2]) : maxRows;
  if (r1 < 1 || c1 < 1 || r2 < 1 || c2 < 1) return null;
  return {
    sheet,
    rect: { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) },
  };
}

export function rectToA1(rect: Rect): string {
  const start = `${columnLetter(rect.c1)}${rect.r1}`;
  if (rect.r1 === rect.r2 && rect.c1 === rect.c2) return start;
  return `${start}:${columnLetter(rect.c2)}${rect.r2}`;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
