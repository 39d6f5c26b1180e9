import { describe, expect, it } from 'vitest';
import { auditHash, type AuditEventRow } from '../../../db/audit.js';
import { ChainChecker, verifyChainRows } from '../../../audit/chain.js';

/** A valid chain of `n` events for complaint/c-1, built the way appendAuditEvent builds it. */
function chain(n: number, entityId = 'c-1'): AuditEventRow[] {
  const rows: AuditEventRow[] = [];
  let prevHash: string | null = null;
  for (let seq = 1; seq <= n; seq++) {
    const base = {
      id: String(100 + seq),
      entityType: 'complaint',
      entityId,
      seq,
      actor: seq % 2 ? 'cai' : 'sue',
      roles: seq % 2 ? ['cs_agent'] : ['supervisor'],
      action: `complaint.step${seq}`,
      at: new Date(Date.UTC(2026, 10, 27, 10, 0, seq)).toISOString(),
      before: seq === 1 ? null : { status: `s${seq - 1}`, customer: { ref: 'r1' } },
      after: { status: `s${seq}`, customer: { ref: 'r1' } },
      reason: seq === 3 ? 'customer called back' : null,
      prevHash,
    };
    const hash = auditHash(base);
    rows.push({ ...base, hash });
    prevHash = hash;
  }
  return rows;
}
const headOf = (rows: AuditEventRow[]) => ({ seq: rows[rows.length - 1]!.seq, hash: rows[rows.length - 1]!.hash });

describe('auditHash', () => {
  it('is stable under key order, at every depth', () => {
    const a = { entityType: 'policy', entityId: 'sla', seq: 1, actor: 'ada', roles: ['admin'], action: 'sla.updated', at: '2026-11-27T10:00:00.000Z', before: { x: 1, y: { b: 2, a: [1, { d: 4, c: 3 }] } }, after: null, reason: null, prevHash: null };
    const b = { prevHash: null, reason: null, after: null, before: { y: { a: [1, { c: 3, d: 4 }], b: 2 }, x: 1 }, at: '2026-11-27T10:00:00.000Z', action: 'sla.updated', roles: ['admin'], actor: 'ada', seq: 1, entityId: 'sla', entityType: 'policy' };
    expect(auditHash(a)).toBe(auditHash(b));
    expect(auditHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('treats absent before/after/reason as null and normalises the timestamp', () => {
    const base = { entityType: 'policy', entityId: 'sla', seq: 1, actor: 'ada', roles: ['admin'], action: 'x', prevHash: null };
    expect(auditHash({ ...base, at: new Date('2026-11-27T10:00:00Z') })).toBe(auditHash({ ...base, at: '2026-11-27T10:00:00.000Z', before: null, after: null, reason: null }));
    expect(auditHash({ ...base, at: '2026-11-27T18:00:00+08:00' })).toBe(auditHash({ ...base, at: '2026-11-27T10:00:00.000Z' }));
  });

  it('changes with any covered field, array order included', () => {
    const e = chain(1)[0]!;
    const h = auditHash(e);
    expect(auditHash({ ...e, actor: 'mallory' })).not.toBe(h);
    expect(auditHash({ ...e, roles: [...e.roles, 'admin'] })).not.toBe(h);
    expect(auditHash({ ...e, seq: 2 })).not.toBe(h);
    expect(auditHash({ ...e, after: { customer: { ref: 'r1' }, status: 's2' } })).not.toBe(h);
    expect(auditHash({ ...e, prevHash: 'x' })).not.toBe(h);
    expect(auditHash({ ...e, roles: ['b', 'a'] })).not.toBe(auditHash({ ...e, roles: ['a', 'b'] }));
  });
});

describe('chain verification', () => {
  it('accepts an intact chain and an empty one', () => {
    const rows = chain(5);
    expect(verifyChainRows('complaint', 'c-1', rows, headOf(rows))).toEqual({ entityType: 'complaint', entityId: 'c-1', ok: true, checked: 5 });
    expect(verifyChainRows('complaint', 'c-1', [], null)).toMatchObject({ ok: true, checked: 0 });
  });

  it('finds an edited event at that event', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, after: { status: 'closed', customer: { ref: 'r1' } } };
    expect(verifyChainRows('complaint', 'c-1', rows, headOf(rows))).toMatchObject({ ok: false, firstBrokenAt: 'complaint/c-1#3', eventId: '103', reason: 'hash_mismatch' });
  });

  it('finds an edited event whose hash was recomputed at the event after it', () => {
    const rows = chain(5);
    const edited = { ...rows[1]!, actor: 'mallory' };
    rows[1] = { ...edited, hash: auditHash(edited) };
    expect(verifyChainRows('complaint', 'c-1', rows, headOf(rows))).toMatchObject({ ok: false, firstBrokenAt: 'complaint/c-1#3', reason: 'prev_hash_mismatch' });
  });

  it('finds a deleted event at the event after the gap, and a deleted first event', () => {
    const rows = chain(5);
    const head = headOf(rows);
    expect(verifyChainRows('complaint', 'c-1', rows.filter((r) => r.seq !== 3), head)).toMatchObject({ ok: false, firstBrokenAt: 'complaint/c-1#4', eventId: '104', reason: 'seq_gap' });
    expect(verifyChainRows('complaint', 'c-1', rows.slice(1), head)).toMatchObject({ ok: false, firstBrokenAt: 'complaint/c-1#2', reason: 'seq_gap' });
  });

  it('finds a deleted tail through the chain head, and a whole chain deleted', () => {
    const rows = chain(5);
    const head = headOf(rows);
    expect(verifyChainRows('complaint', 'c-1', rows.slice(0, 3), head)).toMatchObject({ ok: false, checked: 3, firstBrokenAt: 'complaint/c-1#4', reason: 'tail_missing' });
    expect(verifyChainRows('complaint', 'c-1', [], head)).toMatchObject({ ok: false, checked: 0, firstBrokenAt: 'complaint/c-1#1', reason: 'tail_missing' });
  });

  it('finds swapped events at the first one out of place', () => {
    const rows = chain(5);
    const swapped = rows.map((r) => (r.seq === 2 ? { ...r, seq: 3 } : r.seq === 3 ? { ...r, seq: 2 } : r));
    expect(verifyChainRows('complaint', 'c-1', swapped, headOf(rows))).toMatchObject({ ok: false, firstBrokenAt: 'complaint/c-1#2', eventId: '103', reason: 'prev_hash_mismatch' });
  });

  it('reports the first break only, and checks the head against the last event', () => {
    const rows = chain(6);
    rows[1] = { ...rows[1]!, action: 'x' };
    rows[4] = { ...rows[4]!, action: 'y' };
    expect(verifyChainRows('complaint', 'c-1', rows, headOf(rows))).toMatchObject({ firstBrokenAt: 'complaint/c-1#2', checked: 6 });
    const intact = chain(3);
    expect(verifyChainRows('complaint', 'c-1', intact, { seq: 3, hash: 'f'.repeat(64) })).toMatchObject({ ok: false, firstBrokenAt: 'complaint/c-1#3', reason: 'head_mismatch' });
    expect(verifyChainRows('complaint', 'c-1', intact, null)).toMatchObject({ ok: false, reason: 'head_missing' });
    expect(verifyChainRows('complaint', 'c-1', intact, { seq: 2, hash: intact[1]!.hash })).toMatchObject({ ok: false, firstBrokenAt: 'complaint/c-1#3', reason: 'beyond_head' });
  });

  it('streams: the checker gives the same answer pushed row by row', () => {
    const rows = chain(4);
    rows[3] = { ...rows[3]!, reason: 'rewritten' };
    const checker = new ChainChecker('complaint', 'c-1');
    for (const r of rows) checker.push(r);
    expect(checker.finish(headOf(rows))).toEqual(verifyChainRows('complaint', 'c-1', rows, headOf(rows)));
  });
});
