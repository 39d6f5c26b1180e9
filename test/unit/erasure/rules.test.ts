import { describe, expect, it } from 'vitest';
import { checkedBatch, decidedBatch, erasureView, newErasureState, provenBatch } from '../../../domain/erasure/process.js';
import { decisionCheck, describeHolds, holdsOf, mayRequestErasure, pastRetention, sameHolds } from '../../../domain/erasure/rules.js';
import { defaultErasurePolicy, type ErasureInput, type ErasureProof } from '../../../domain/erasure/types.js';

const day = 86_400_000;
const requester = { userId: 'aud', name: 'Audrey', roles: ['compliance_auditor'] };
const other = { userId: 'aud2', name: 'Bea', roles: ['compliance_auditor'] };
const input: ErasureInput = { id: 'e1', customerRef: 'c1', reason: 'asked', origin: 'manual', requestedBy: requester, requestedAt: '2026-12-01T00:00:00.000Z', policy: defaultErasurePolicy, policyVersion: 0 };

describe('erasure rules', () => {
  it('who may request: compliance auditors and admins', () => {
    expect(mayRequestErasure({ roles: ['compliance_auditor'] })).toBe(true);
    expect(mayRequestErasure({ roles: ['admin'] })).toBe(true);
    expect(mayRequestErasure({ roles: ['supervisor', 'cs_agent'] })).toBe(false);
  });

  it('holds: every complaint not closed (an appeal named as such) and every legal hold, in a stable order', () => {
    const facts = {
      complaints: [
        { id: 'b', status: 'in_appeal', receivedAt: '', closedAt: null },
        { id: 'a', status: 'responded', receivedAt: '', closedAt: null },
        { id: 'c', status: 'closed', receivedAt: '', closedAt: '2026-01-01T00:00:00Z' },
      ],
      legalHolds: [{ id: 'h2', reason: 'court', setBy: 'aud', setAt: '' }],
    };
    const holds = holdsOf(facts);
    expect(holds).toEqual([
      { kind: 'open_complaint', complaintId: 'a', status: 'responded' },
      { kind: 'open_appeal', complaintId: 'b' },
      { kind: 'legal_hold', holdId: 'h2', reason: 'court', setBy: 'aud' },
    ]);
    expect(sameHolds(holds, holdsOf({ ...facts, complaints: [...facts.complaints].reverse() }))).toBe(true);
    expect(describeHolds(holds)).toBe('complaint a open (responded); complaint b in appeal; legal hold h2 (court)');
    expect(holdsOf({ complaints: [facts.complaints[2]!], legalHolds: [] })).toEqual([]);
  });

  it('four eyes: only another compliance auditor decides, while awaiting approval; a refusal gives a comment', () => {
    expect(decisionCheck('awaiting_approval', 'aud', other, true, undefined)).toEqual({ ok: true });
    expect(decisionCheck('awaiting_approval', 'aud', requester, true, undefined)).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringContaining('four eyes') });
    expect(decisionCheck('awaiting_approval', 'aud', { userId: 'ada', roles: ['admin'] }, true, undefined)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decisionCheck('awaiting_approval', 'aud', other, false, '  ')).toMatchObject({ ok: false, code: 'invalid' });
    expect(decisionCheck('awaiting_approval', 'aud', other, false, 'no')).toEqual({ ok: true });
    expect(decisionCheck('awaiting_approval', 'aud', other, 'yes', 'x')).toMatchObject({ ok: false, code: 'invalid' });
    expect(decisionCheck('held', 'aud', other, true, undefined)).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('held') });
    expect(decisionCheck('completed', 'aud', other, true, undefined)).toMatchObject({ ok: false, code: 'conflict' });
    // The retention sweep's requests (requester "system"): any compliance auditor decides.
    expect(decisionCheck('awaiting_approval', 'system', requester, true, undefined)).toEqual({ ok: true });
  });

  it('retention: due only when every complaint closed and the last closed longer ago than the period', () => {
    const now = Date.parse('2029-12-02T00:00:00Z');
    const closed = (at: string) => ({ status: 'closed', closedAt: at });
    expect(pastRetention([closed('2026-12-01T00:00:00Z')], now, 1095 * day)).toBe(true);
    expect(pastRetention([closed('2026-12-01T00:00:00Z'), closed('2027-06-01T00:00:00Z')], now, 1095 * day)).toBe(false);
    expect(pastRetention([closed('2026-12-01T00:00:00Z'), { status: 'responded', closedAt: null }], now, 1095 * day)).toBe(false);
    expect(pastRetention([], now, 0)).toBe(false);
    // Exactly at the boundary: due.
    expect(pastRetention([closed(new Date(now - 10 * day).toISOString())], now, 10 * day)).toBe(true);
  });
});

describe('erasure process steps', () => {
  it('request → held → awaiting approval (compliance told) → approved → completed with its proof', () => {
    const s = newErasureState();
    const held = checkedBatch(input, s, { complaints: [{ id: 'a', status: 'open', receivedAt: '', closedAt: null }], legalHolds: [] }, [{ kind: 'open_complaint', complaintId: 'a', status: 'open' }], 1000);
    expect(s.status).toBe('held');
    expect(held.audit[0]).toMatchObject({ action: 'erasure.held', after: { status: 'held' } });
    expect(held.notes).toEqual([]);
    const waiting = checkedBatch(input, s, { complaints: [], legalHolds: [] }, [], 2000);
    expect(s.status).toBe('awaiting_approval');
    expect(waiting.notes[0]).toMatchObject({ recipientKind: 'role', recipient: 'compliance_auditor', topic: 'erasure.approval_needed' });
    const decided = decidedBatch(input, s, other, true, 'ok', 3000);
    expect(s.status).toBe('approved');
    expect(decided.audit[0]).toMatchObject({ action: 'erasure.approved', actor: other, reason: 'ok' });
    expect(decided.notes[0]).toMatchObject({ recipient: 'aud', topic: 'erasure.approved' });
    const proof: ErasureProof = { dataKeysDestroyed: ['k1'], rowsOverwritten: 0, rowsChecked: 2, rowsStillReadable: 0, chains: { checked: 3, ok: true }, ledger: 'appended', executedAt: new Date(3500).toISOString(), verifiedAt: new Date(4000).toISOString(), ok: true };
    const proven = provenBatch(input, s, proof, 4000);
    expect(proven.audit.map((a) => a.action)).toEqual(['erasure.executed', 'erasure.proven']);
    expect(proven.audit[1]!.after).toMatchObject({ status: 'completed', proof });
    const view = erasureView(input, s);
    expect(view).toMatchObject({ status: 'completed', proof, closedAt: new Date(4000).toISOString(), decision: { approved: true, by: 'aud2' } });
  });

  it('a refusal closes the request with its comment', () => {
    const s = newErasureState();
    checkedBatch(input, s, { complaints: [], legalHolds: [] }, [], 1000);
    decidedBatch(input, s, other, false, 'open dispute', 2000);
    expect(erasureView(input, s)).toMatchObject({ status: 'refused', decision: { approved: false, comment: 'open dispute' }, closedAt: new Date(2000).toISOString() });
  });
});
