// A list packed into pieces under a byte limit: Apps Script keeps at most 9 KB in one property value.

/** Bytes a piece may take (9 KB less room for the key). */
export const PIECE_BYTES = 8000;

/** UTF-8 length of a string (property limits count bytes; a CJK character is 3). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The property key of piece i: the first keeps the plain key, so a short list is stored exactly as one value. */
export function pieceKey(key: string, i: number): string {
  return i === 0 ? key : `${key}#${i}`;
}

/**
 * Packs items, in order, into JSON arrays of at most `limit` bytes each (an item bigger than that gets a piece of its
 * own). Packing is greedy from the start, so appending items changes only the last piece or adds new ones.
 */
export function packPieces(items: readonly unknown[], limit = PIECE_BYTES): string[] {
  const pieces: string[] = [];
  let current: string[] = [];
  let bytes = 2;
  for (const item of items) {
    const json = JSON.stringify(item);
    const size = utf8Bytes(json) + (current.length ? 1 : 0);
    if (current.length && bytes + size > limit) {
      pieces.push(`[${current.join(',')}]`);
      current = [];
      bytes = 2;
    }
    bytes += utf8Bytes(json) + (current.length ? 1 : 0);
    current.push(json);
  }
  if (current.length) pieces.push(`[${current.join(',')}]`);
  return pieces;
}

/**
 * The items of stored pieces, in order. Each piece stands alone, so one that does not parse (a damaged value) loses
 * only its own items; a JSON object (the older one-value format) counts as its [key, value] entries.
 */
export function unpackPieces(pieces: readonly (string | undefined)[]): unknown[] {
  const out: unknown[] = [];
  for (const piece of pieces) {
    if (piece === undefined) continue;
    try {
      const v: unknown = JSON.parse(piece);
      if (Array.isArray(v)) out.push(...v);
      else if (v && typeof v === 'object') out.push(...Object.entries(v));
    } catch {
      // A damaged piece: its items are lost, the others still count.
    }
  }
  return out;
}
