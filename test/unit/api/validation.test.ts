import { describe, expect, it } from 'vitest';
import { maxDepth, unstorable } from '../../../api/validation.js';

describe('unstorable input', () => {
  it('finds NUL and unpaired surrogates in values and keys, naming the path', () => {
    expect(unstorable({ a: 'x\u0000y', b: ['ok', '\uD800'], ['k\uDC00']: 1 }, 'body')).toEqual(
      expect.arrayContaining([
        { path: 'body.a', message: 'text must not contain the NUL character (U+0000)' },
        { path: 'body.b.1', message: 'text must be valid Unicode (an unpaired surrogate was found)' },
        { path: 'body.k\uDC00', message: 'text must be valid Unicode (an unpaired surrogate was found)' },
      ]),
    );
  });

  it('accepts every well-formed text: emoji (surrogate pairs), RTL, zero-width, control characters other than NUL', () => {
    expect(unstorable({ s: '👨‍👩‍👧‍👦 \u202Eabc \u200B\uFEFF \u0001\u001F 张三 𝕿', n: 1, t: true, z: null }, 'body')).toEqual([]);
    expect(unstorable('\uD83D\uDE00', 'query')).toEqual([]);
    expect(unstorable('\uDE00\uD83D', 'query')).toHaveLength(1);
  });

  it(`refuses nesting deeper than ${maxDepth} levels without overflowing the stack`, () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorable(deep, 'body')).toEqual([{ path: `body${'.0'.repeat(maxDepth)}`, message: `nested more than ${maxDepth} levels deep` }]);
    let ok: unknown = 'leaf';
    for (let i = 0; i < maxDepth; i++) ok = { a: ok };
    expect(unstorable(ok, 'body')).toEqual([]);
  });
});
