import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../http/errors.ts';
import { decodeCursor, encodeCursor, likePattern, pageFrom } from './keyset.ts';

function decodeProblem(cursor: string): HttpProblem | undefined {
  try {
    decodeCursor(cursor);
    return undefined;
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
}

describe('keyset cursors', () => {
  it('round-trip a sort value and id', () => {
    expect(decodeCursor(encodeCursor('tumaini safe house', '0190a0b1-0000-7000-8000-000000000001'))).toEqual([
      'tumaini safe house',
      '0190a0b1-0000-7000-8000-000000000001',
    ]);
    expect(decodeCursor(encodeCursor(42, 'x'))).toEqual([42, 'x']);
  });

  it.each([
    ['not base64 JSON', 'garbage'],
    ['empty', ''],
    ['punctuation', '!!!***'],
    ['JSON object', Buffer.from('{"a":1}').toString('base64url')],
    ['array of three', Buffer.from('["a","b","c"]').toString('base64url')],
    ['id not a string', Buffer.from('["a",1]').toString('base64url')],
    ['sort value an object', Buffer.from('[{},"b"]').toString('base64url')],
    ['null', Buffer.from('null').toString('base64url')],
  ])('answer 400 invalid_cursor for garbage (%s)', (_what, cursor) => {
    expect(decodeProblem(cursor)).toMatchObject({ status: 400, code: 'invalid_cursor' });
  });
});

describe('pageFrom', () => {
  const rows = Array.from({ length: 4 }, (_, i) => ({ id: `id${i}`, name: `n${i}` }));

  it('gives no next cursor when the extra row is absent', () => {
    expect(pageFrom(rows.slice(0, 3), 3, (r) => r.name)).toEqual({ rows: rows.slice(0, 3), nextCursor: null });
  });

  it('cuts the extra row and points the cursor at the last row shown', () => {
    const page = pageFrom(rows, 3, (r) => r.name);
    expect(page.rows).toEqual(rows.slice(0, 3));
    expect(decodeCursor(page.nextCursor ?? '')).toEqual(['n2', 'id2']);
  });
});

describe('likePattern', () => {
  it('lower-cases and escapes the LIKE wildcards so a term matches literally', () => {
    expect(likePattern('Tumaini')).toBe('%tumaini%');
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
