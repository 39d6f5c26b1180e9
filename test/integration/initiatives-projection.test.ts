import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInitiative, writeInitiativeRecord, type InitiativeRecord } from '../../db/initiatives.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * The `recordInitiative` write on the real PostgreSQL: one transaction, idempotent on retry,
 * and version-guarded so a late retry of an older change never overwrites a newer one.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withoutWorker: true });
});
afterAll(async () => stack?.stop());

const at = '2026-03-02T02:00:00.000Z';
const base = (version: number, status: 'in_progress' | 'in_review', extra: Partial<InitiativeRecord> = {}): InitiativeRecord => ({
  version,
  initiative: {
    id: 'proj-1',
    name: 'Projection',
    businessLine: 'banking',
    description: 'd',
    team: 'retail-cards',
    owner: 'pat',
    ownerName: 'Pat',
    stage: 'research',
    status,
    nextVersion: 1,
    requestedChanges: null,
    withdrawal: null,
    postLaunch: null,
    createdAt: at,
    updatedAt: at,
    currentReviewId: null,
  },
  audit: [{ entityType: 'initiative', entityId: 'proj-1', sourceKey: `initiative-proj-1:${version}`, actor: 'pat', roles: ['product_owner'], action: `step.${version}`, at }],
  notifications: [{ sourceKey: `initiative-proj-1:${version}:n:gm`, recipientKind: 'user', recipient: 'gm', topic: 't', entityType: 'initiative', entityId: 'proj-1', message: 'm' }],
  ...extra,
});

const review = {
  id: 'proj-1-r1',
  seq: 1,
  initiativeId: 'proj-1',
  stage: 'research' as const,
  version: 1,
  status: 'open' as const,
  openedAt: at,
  deadline: '2026-03-09T10:00:00.000Z',
  reminderAt: '2026-03-06T10:00:00.000Z',
  submittedBy: 'pat',
  chair: 'gm',
  eligible: ['gm', 'm1'],
  recused: ['m4'],
  votes: [{ userId: 'm1', decision: 'approve' as const, comment: 'ok', at, revision: 1 }],
  quorum: { required: 1, cast: 1, met: true },
  policyVersion: 3,
};

describe('initiative projection writes', () => {
  it('are idempotent: a retried write adds no audit event, notification or vote', async () => {
    const first = base(1, 'in_progress');
    await writeInitiativeRecord(stack.database.db, first);
    await writeInitiativeRecord(stack.database.db, first);
    const opened = base(2, 'in_review', { review: { ...review, deliverables: { methods: ['interview'] } } });
    await writeInitiativeRecord(stack.database.db, opened);
    await writeInitiativeRecord(stack.database.db, opened);
    expect(await stack.query("select seq, action from audit_events where entity_id = 'proj-1' order by seq")).toEqual([
      { seq: 1, action: 'step.1' },
      { seq: 2, action: 'step.2' },
    ]);
    expect(await stack.query("select count(*)::int as n from notifications where entity_id = 'proj-1'")).toEqual([{ n: 2 }]);
    expect(await stack.query("select count(*)::int as n from gate_votes where review_id = 'proj-1-r1'")).toEqual([{ n: 1 }]);
  });

  it('never lets an older change overwrite a newer one', async () => {
    const decided = base(3, 'in_progress', { review: { ...review, status: 'decided', outcome: 'approve', signedOffBy: 'gm', override: false, decidedAt: at } });
    await writeInitiativeRecord(stack.database.db, decided);
    // a late retry of version 2 arrives after version 3
    await writeInitiativeRecord(stack.database.db, base(2, 'in_review', { review: { ...review, deliverables: { methods: ['interview'] } } }));
    const view = await readInitiative(stack.database.db, 'proj-1');
    expect(view).toMatchObject({ status: 'in_progress', review: null });
    expect(view!.reviews[0]).toMatchObject({ status: 'decided', outcome: 'approve', deliverables: { methods: ['interview'] }, policyVersion: 3 });
    expect(view!.reviews[0]!.votes).toEqual([{ userId: 'm1', decision: 'approve', comment: 'ok', at, revision: 1 }]);
  });

  it('writes nothing when the transaction fails part-way', async () => {
    // the projection rows and a first audit event are written, then the second event fails
    const ok = base(4, 'in_review');
    const broken = { ...ok, audit: [...ok.audit, { ...ok.audit[0]!, sourceKey: 'initiative-proj-1:4b', at: 'not a time' }] };
    await expect(writeInitiativeRecord(stack.database.db, broken)).rejects.toThrow();
    expect(await stack.query("select count(*)::int as n from audit_events where entity_id = 'proj-1'")).toEqual([{ n: 3 }]);
    expect((await readInitiative(stack.database.db, 'proj-1'))!.status).toBe('in_progress');
  });
});
