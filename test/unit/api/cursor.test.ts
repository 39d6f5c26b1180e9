import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cursorCodec, cursorParts } from '../../../api/cursor.js';
import { Problem } from '../../../api/problem.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const refusal = (decode: () => unknown) => {
  try {
    decode();
  } catch (err) {
    return err;
  }
  return undefined;
};
const isCursorRefusal = (err: unknown) => err instanceof Problem && err.status === 400 && (err.errors ?? []).some((e) => e.path === 'query.cursor');

describe('the list cursor codec', () => {
  const byTime = cursorCodec({ at: cursorParts.instant, id: cursorParts.id });
  const byRow = cursorCodec({ id: cursorParts.rowId });

  it('gives back exactly the key it was given', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.stringMatching(/^[A-Za-z0-9_.:@-]{1,200}$/),
        (d, id) => {
          const key = { at: d.toISOString(), id };
          expect(byTime.decode(byTime.encode(key))).toEqual(key);
        },
      ),
    );
    expect(byRow.decode(byRow.encode({ id: '12345' }))).toEqual({ id: '12345' });
    expect(byRow.decode(byRow.encode({ id: '9223372036854775807' }))).toEqual({ id: '9223372036854775807' });
  });

  it.each([
    ['not base64 JSON', 'bm9wZQ'],
    ['an SQL fragment', b64('ae:1 or 1=1')],
    ['an object instead of the parts', b64(JSON.stringify({ at: '2026-01-01T00:00:00.000Z', id: 'x' }))],
    ['too few parts', b64(JSON.stringify(['2026-01-01T00:00:00.000Z']))],
    ['too many parts', b64(JSON.stringify(['2026-01-01T00:00:00.000Z', 'x', 'y']))],
    ['a number for a part', b64(JSON.stringify([1767225600000, 'x']))],
    ['a date Date.parse takes but the API never writes', b64(JSON.stringify(['1', 'x']))],
    ['a year without milliseconds', b64(JSON.stringify(['2020', 'x']))],
    ['year 0000, which PostgreSQL refuses', b64(JSON.stringify(['0000-01-01T00:00:00.000Z', 'x']))],
    ['year +275760', b64(JSON.stringify(['+275760-09-13T00:00:00.000Z', 'x']))],
    ['30 February', b64(JSON.stringify(['2026-02-30T00:00:00.000Z', 'x']))],
    ['a NUL in the id', b64(JSON.stringify(['2026-01-01T00:00:00.000Z', 'a\u0000']))],
    ['a lone surrogate in the id', b64(JSON.stringify(['2026-01-01T00:00:00.000Z', '\uDBFFA']))],
  ])('refuses %s with a 400 naming the cursor', (_what, cursor) => {
    expect(isCursorRefusal(refusal(() => byTime.decode(cursor)))).toBe(true);
  });

  it.each([
    ['a row id beyond int8', b64(JSON.stringify(['9223372036854775808']))],
    ['a negative row id', b64(JSON.stringify(['-1']))],
    ['an SQL fragment as row id', b64(JSON.stringify(['1 or 1=1']))],
  ])('refuses %s', (_what, cursor) => {
    expect(isCursorRefusal(refusal(() => byRow.decode(cursor)))).toBe(true);
  });

  it('never throws anything but a 400 on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => b64(JSON.stringify(v)))), (cursor) => {
        const err = refusal(() => byTime.decode(cursor));
        expect(err === undefined || isCursorRefusal(err)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});
