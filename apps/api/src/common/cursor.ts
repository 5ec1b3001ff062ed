import { HttpStatus } from '@nestjs/common';
import { fieldError } from './api-errors';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<K extends string>(
  cursor: string | undefined,
  keys: readonly K[],
): Record<K, string> | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      keys.every((k) => typeof (parsed as Record<string, unknown>)[k] === 'string')
    ) {
      return parsed as Record<K, string>;
    }
  } catch {
    // fall through to the 400 below
  }
  throw fieldError(
    HttpStatus.BAD_REQUEST,
    'after',
    'invalid_cursor',
    'after is not a valid cursor',
  );
}

/** Splits the `limit + 1` rows a keyset query fetched into one page and the cursor of the next page. */
export function keysetPage<T>(
  rows: T[],
  limit: number,
  cursorOf: (last: T) => Record<string, string>,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
