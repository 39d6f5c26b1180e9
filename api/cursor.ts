import { badRequest } from './problem.js';
import { id } from './schemas/common.js';

/**
 * The one list cursor of the API: the sort key of a page's last row, which the next page starts
 * after (keyset pagination), written as base64url of a JSON array of strings. Opaque to clients.
 *
 * A cursor comes back from the client, so it is input: `decode` takes exactly what `encode`
 * writes, every part checked, and anything else is a 400. A forged part that reached the query
 * (a date PostgreSQL does not take, a NUL in an id, a number beyond int8) was a 500.
 */
export interface CursorCodec<K> {
  encode(key: K): string;
  /** Throws a 400 problem for anything `encode` did not write. */
  decode(cursor: string): K;
}

/** Checks of one part of a cursor. */
export type CursorPart = (value: string) => boolean;

const isoMillis = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const int8Max = 9_223_372_036_854_775_807n;

export const cursorParts = {
  /** An instant as the API writes it (ISO-8601, milliseconds, UTC), year 0001–9999, a real date. */
  instant: (v: string) => isoMillis.test(v) && !v.startsWith('0000') && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v,
  /** An entity id (letters, digits and _ . : @ -). */
  id: (v: string) => id.safeParse(v).success,
  /** A row id of a bigint identity column. */
  rowId: (v: string) => /^\d{1,19}$/.test(v) && BigInt(v) <= int8Max,
} satisfies Record<string, CursorPart>;

/** A codec for a key of the named parts, in the order given. */
export function cursorCodec<const Name extends string>(parts: Record<Name, CursorPart>): CursorCodec<Record<Name, string>> {
  const names = Object.keys(parts) as Name[];
  return {
    encode: (key) => Buffer.from(JSON.stringify(names.map((n) => key[n]))).toString('base64url'),
    decode: (cursor) => {
      const values = parseArray(cursor);
      if (values?.length === names.length && names.every((n, i) => typeof values[i] === 'string' && parts[n](values[i]))) {
        return Object.fromEntries(names.map((n, i) => [n, values[i]])) as Record<Name, string>;
      }
      throw badRequest('cursor is not valid: pass the nextCursor of a previous page', [{ path: 'query.cursor', message: 'not a cursor of this list' }]);
    },
  };
}

function parseArray(cursor: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
