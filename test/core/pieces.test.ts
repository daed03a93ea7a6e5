// Packing lists into property-sized pieces: byte limits, append stability, damaged pieces and the older one-value form.
import { describe, expect, it } from 'vitest';
import { packPieces, pieceKey, unpackPieces } from '../../src/core/pieces';

const emails = (n: number) => Array.from({ length: n }, (_, i) => ['digest', `member-${i}@example.com`]);

describe('packPieces', () => {
  it('keeps a short list in one piece under the plain key', () => {
    expect(packPieces([{ day: '2024-10-24' }, ['digest', 'a@example.com']])).toEqual([
      '[{"day":"2024-10-24"},["digest","a@example.com"]]',
    ]);
    expect(pieceKey('taskSync.journal', 0)).toBe('taskSync.journal');
    expect(pieceKey('taskSync.journal', 2)).toBe('taskSync.journal#2');
  });

  it('splits a long list into pieces within the byte limit, counting CJK characters as 3 bytes', () => {
    const items = [...emails(400), ...Array.from({ length: 300 }, (_, i) => [`产品迭代${i}`, i])];
    const pieces = packPieces(items);
    expect(pieces.length).toBeGreaterThan(2);
    // Apps Script's limit: 9 KB a property value, counted in UTF-8 bytes.
    for (const p of pieces) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(9 * 1024);
    expect(unpackPieces(pieces)).toEqual(items);
  });

  it('changes only the last piece, or adds one, when items are appended', () => {
    const before = packPieces(emails(500));
    const after = packPieces(emails(501));
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
    expect(after.length - before.length).toBeLessThanOrEqual(1);
  });
});

describe('unpackPieces', () => {
  it('loses only the items of a damaged piece', () => {
    const pieces = packPieces(emails(600));
    const damaged = [pieces[0], '[["digest","cut', ...pieces.slice(2)];
    const items = unpackPieces(damaged);
    expect(items.length).toBe(600 - (JSON.parse(pieces[1]!) as unknown[]).length);
  });

  it('reads a JSON object (the older one-value form) as its entries', () => {
    expect(unpackPieces(['{"紧急任务2024":7}', undefined])).toEqual([['紧急任务2024', 7]]);
  });
});
