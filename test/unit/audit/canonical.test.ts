import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditHash, auditHashedFields, auditHashedText } from '../../../db/audit.js';
import { canonicalJson } from '../../../db/canonical.js';

/**
 * The serialiser that audit hashes are built on must give exactly the text of RFC 8785's
 * reference implementation (the `canonicalize` package) for every value a jsonb column holds.
 */
// What JSON.parse can produce from PostgreSQL's output: well-formed strings (no lone surrogates).
const jsonValue = fc.jsonValue({ maxDepth: 4, stringUnit: 'grapheme' });

describe('canonical JSON (RFC 8785)', () => {
  it('matches the canonicalize package on generated JSON values', () => {
    fc.assert(
      fc.property(jsonValue, (v) => {
        expect(canonicalJson(v)).toBe(canonicalize(v));
      }),
      { numRuns: 2_000 },
    );
  });

  it('matches on what JSON round-trips (keys in any order, escapes, numbers)', () => {
    const samples: unknown[] = [
      { b: 1, a: [true, false, null], 'é': 'x', É: 'y', '\u0000': '"\\\n\t\u2028', '😀': '😀', '\uffff': 1 },
      [1e21, 1e-7, -0, 0.1, 123456789012345680000, 5e-324, -1.5e300],
      { '10': 1, '2': 2, a: { '1': [], '01': {} } },
      { __proto__: 'x', constructor: 1 },
    ];
    for (const s of samples) {
      const parsed = JSON.parse(JSON.stringify(s));
      expect(canonicalJson(parsed)).toBe(canonicalize(parsed));
    }
  });

  it('writes the hashed text of any event exactly as the canonical JSON of its fields', () => {
    // Any UTF-16 code unit, lone surrogates included: a writer's strings are not always well formed
    // (the general serialiser, checked against RFC 8785's reference above, is the definition here).
    const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
    const fields = fc.record(
      {
        entityType: fc.oneof(fc.constantFrom('initiative', 'complaint'), anyText),
        entityId: anyText,
        seq: fc.oneof(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.double()),
        actor: anyText,
        roles: fc.array(anyText),
        action: anyText,
        at: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
        before: fc.option(jsonValue, { nil: undefined }),
        after: fc.option(fc.oneof(jsonValue, fc.constant(null)), { nil: undefined }),
        reason: fc.option(fc.oneof(anyText, fc.constant(null)), { nil: undefined }),
        prevHash: fc.option(fc.stringMatching(/^[0-9a-f]{64}$/), { nil: null }),
      },
      { requiredKeys: ['entityType', 'entityId', 'seq', 'actor', 'roles', 'action', 'at', 'prevHash'] },
    );
    fc.assert(
      fc.property(fields, (e) => {
        // The same text, or the same refusal (no JSON form for NaN or Infinity).
        expect(outcome(() => auditHashedText(e))).toEqual(outcome(() => canonicalJson(auditHashedFields(e))));
      }),
      { numRuns: 3_000 },
    );
    // A careless writer's field of the wrong type takes the general path and gives its text.
    const odd = { entityType: 'complaint', entityId: 'c-1', seq: 1, actor: undefined as unknown as string, roles: ['cs_agent'], action: 'complaint.created', at: '2026-12-03T10:00:00.000Z', prevHash: null };
    expect(auditHashedText(odd)).toBe(canonicalJson(auditHashedFields(odd)));
    expect(auditHashedText(odd)).not.toContain('actor');
  });

  it('hashes a stored event the same whether its time is an ISO string or a Date', () => {
    const event = fc.record({
      entityType: fc.constantFrom('initiative', 'complaint', 'policy', 'committee', 'calendar'),
      entityId: fc.string({ minLength: 1, unit: 'grapheme' }),
      seq: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      actor: fc.string({ unit: 'grapheme' }),
      roles: fc.array(fc.string({ unit: 'grapheme' })),
      action: fc.string({ unit: 'grapheme' }),
      at: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      before: fc.option(jsonValue, { nil: null }),
      after: fc.option(jsonValue, { nil: null }),
      reason: fc.option(fc.string({ unit: 'grapheme' }), { nil: null }),
      prevHash: fc.option(fc.stringMatching(/^[0-9a-f]{64}$/), { nil: null }),
    });
    fc.assert(
      fc.property(event, (e) => {
        expect(auditHash(e)).toBe(auditHash({ ...e, at: new Date(e.at) }));
      }),
      { numRuns: 1_000 },
    );
  });
});

function outcome(text: () => string): { text: string } | { refused: string } {
  try {
    return { text: text() };
  } catch (err) {
    return { refused: (err as Error).message };
  }
}
