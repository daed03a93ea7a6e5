// A list kept in document properties over as many values as it needs, writing only the pieces that change.
import { packPieces, pieceKey, unpackPieces } from '../core/pieces';

/** The stored pieces of `key`, in order, from the properties as read (`raw`). */
function storedPieces(raw: Record<string, string>, key: string): string[] {
  const out: string[] = [];
  for (let i = 0; raw[pieceKey(key, i)] !== undefined; i++) out.push(raw[pieceKey(key, i)]!);
  return out;
}

export function readStoredList(raw: Record<string, string>, key: string): unknown[] {
  return unpackPieces(storedPieces(raw, key));
}

/**
 * Stores `items` (null deletes the list), one property call per piece that changed; `raw` is updated to match. Pieces
 * are written from the last to the first: when items only grow at the end or in size, a run that dies between two
 * writes leaves every item in some piece (possibly twice, never missing). Throws what Apps Script throws when the
 * properties are full or a piece is too large; the pieces written before that stay written.
 */
export function writeStoredList(
  raw: Record<string, string>,
  key: string,
  items: readonly unknown[] | null,
): void {
  const props = PropertiesService.getDocumentProperties();
  const before = storedPieces(raw, key);
  const after = items === null ? [] : packPieces(items);
  for (let i = before.length - 1; i >= after.length; i--) {
    props.deleteProperty(pieceKey(key, i));
    delete raw[pieceKey(key, i)];
  }
  for (let i = after.length - 1; i >= 0; i--) {
    if (before[i] === after[i]) continue;
    props.setProperty(pieceKey(key, i), after[i]!);
    raw[pieceKey(key, i)] = after[i]!;
  }
}
