import { HttpStatus } from '@nestjs/common';
import { fieldError } from './api-errors';
import { isPlausibleInstant } from './dto-decorators';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What each key of a cursor holds. A cursor comes back from the client and its values go into SQL
 * as typed parameters, so a value of the wrong kind must be a 400 here, not a cast error there.
 */
export type CursorKeyKind = 'instant' | 'uuid' | 'text' | 'bigint';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const VALID: Readonly<Record<CursorKeyKind, (value: string) => boolean>> = {
  instant: isPlausibleInstant,
  uuid: (v) => UUID.test(v),
  // Sort keys are names and codes; a NUL cannot be stored in PostgreSQL text, so none can come back.
  text: (v) => v.length <= 1000 && !v.includes('\u0000'),
  bigint: (v) => /^\d{1,18}$/.test(v),
};

/** The `after` cursor of a list, checked key by key against the kinds the list's SQL expects. */
export function decodeCursor<K extends string>(
  cursor: string | undefined,
  schema: Readonly<Record<K, CursorKeyKind>>,
): Record<K, string> | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      const record = parsed as Record<string, unknown>;
      const keys = Object.keys(schema) as K[];
      const valid = keys.every((k) => {
        const value = record[k];
        return typeof value === 'string' && VALID[schema[k]](value);
      });
      if (valid) return Object.fromEntries(keys.map((k) => [k, record[k]])) as Record<K, string>;
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
