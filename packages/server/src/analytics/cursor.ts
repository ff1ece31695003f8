import { HttpError } from '../http/errors.js';

export type CursorKey = Array<string | number>;

/** An opaque keyset cursor: the sort key of the last row returned. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key in a cursor, checked against the shape the endpoint expects (`s` string, `n` number). */
export function decodeCursor(cursor: string, shape: string): CursorKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((part, index) =>
      shape[index] === 'n' ? typeof part === 'number' && Number.isFinite(part) : typeof part === 'string',
    );
  if (!valid)
    throw new HttpError(400, 'invalid_request', 'cursor: not a cursor returned by this endpoint', { path: 'cursor' });
  return key as CursorKey;
}

/**
 * One page of a keyset query that asked for `limit + 1` rows: the first `limit`, and
 * the cursor of the last one when the extra row shows there is more.
 */
export function keysetPage<T>(rows: T[], limit: number, keyOf: (row: T) => CursorKey) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
