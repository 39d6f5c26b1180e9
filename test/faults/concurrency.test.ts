import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintQuery, complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { initiativeQuery, initiativeWorkflowId } from '../../workflows/initiative/messages.js';
import { auditRows, command, intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates, projectedInitiative } from '../support/gates.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * Concurrent commands on one process leave a consistent state and a complete audit trail.
 * Already covered elsewhere, not repeated here: four votes at the same moment and a vote racing
 * the sign-off (state only) in test/integration/initiatives.test.ts "concurrency"; a resolution
 * racing a breach in test/integration/complaints-deadlines.test.ts; concurrent intake retries
 * with one Idempotency-Key in test/integration/complaints-intake.test.ts. This file adds the audit
 * trail and projection of the vote/sign-off race, racing commands of different kinds on one
 * complaint, and one vote sent twice at once.
 */
let stack: Stack;
let g: ReturnType<typeof gates>;
beforeAll(async () => {
  stack = await startStack();
  g = gates(stack);
  await g.roster();
  await g.policy();
  await setPolicy(stack, secondsPolicy());
});
afterAll(async () => stack?.stop());

async function chainIntact(entityType: string, entityId: string): Promise<boolean> {
  const [row] = await stack.query<{ ok: boolean }>(
    `select bool_and(e.prev_hash is not distinct from p.hash) as ok from audit_events e left join audit_events p
       on p.entity_type = e.entity_type and p.entity_id = e.entity_id and p.seq = e.seq - 1
     where e.entity_type = $1 and e.entity_id = $2`,
    [entityType, entityId],
  );
  return row!.ok;
}

describe('concurrent commands on one process', () => {
  it('a vote racing the sign-off, on several reviews at once: the vote lands before the decision or is refused, and the audit trail and projection say exactly that', async () => {
    const ids = await Promise.all([1, 2, 3, 4].map(() => g.create()));
    await Promise.all(
      ids.map(async (id) => {
        expect((await g.submit(id, 'research')).status).toBe(201);
        expect((await g.vote(people.m1, id, 'approve')).status).toBe(200);
        expect((await g.vote(people.m2, id, 'approve')).status).toBe(200);
      }),
    );
    const races = await Promise.all(ids.map((id) => Promise.all([g.signOff(id, 'approve', 'go'), g.vote(people.m3, id, 'reject', 'wait')])));

    for (const [i, id] of ids.entries()) {
      const [signed, late] = races[i]!;
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
      expect([200, 409], JSON.stringify(late.body)).toContain(late.status);
      const landed = late.status === 200;
      if (!landed) expect(late.body.detail).toContain('decided');

      const view = (await g.get(id)).body;
      expect(projectedInitiative(view)).toEqual(await stack.temporal.workflow.getHandle(initiativeWorkflowId(id)).query(initiativeQuery));
      const review = view.reviews[0];
      expect(review.status).toBe('decided');
      expect(review.votes.map((v: any) => v.userId)).toEqual(landed ? ['m1', 'm2', 'm3'] : ['m1', 'm2']);
      const stored = await stack.query<{ user_id: string }>('select user_id from gate_votes where review_id = $1 order by position', [review.id]);
      expect(stored.map((v) => v.user_id)).toEqual(review.votes.map((v: any) => v.userId));

      const audit = await g.audit(id);
      expect(audit.map((e) => [e.action, e.actor])).toEqual([
        ['initiative.created', 'pat'],
        ['review.opened', 'pat'],
        ['review.vote_cast', 'm1'],
        ['review.vote_cast', 'm2'],
        ...(landed ? [['review.vote_cast', 'm3']] : []),
        ['review.signed_off', 'gm'],
        ['initiative.advanced', 'gm'],
      ]);
      // the sign-off records the committee as it stood when the chair decided
      expect(audit.find((e) => e.action === 'review.signed_off')!.after.committee).toMatchObject({ approve: 2, reject: landed ? 1 : 0 });
      audit.forEach((e, n) => expect(e.seq).toBe(n + 1));
      expect(await chainIntact('initiative', id)).toBe(true);
    }
  });

  it('transfer, escalation, pause and resolution racing on one complaint are applied one at a time: each applied once or refused by the state it met', async () => {
    const c = await intake(stack);
    await command(stack, people.agent, c.id, '/responses', { message: 'We are on it', channel: 'hotline' });
    const base = `/api/v1/complaints/${c.id}`;
    const racing = [
      { path: '/transfer', body: { department: 'cards-ops', reason: 'needs the card system' }, action: 'complaint.transferred' },
      { path: '/escalate', body: { reason: 'customer is a VIP' }, action: 'complaint.escalated' },
      { path: '/pause', body: { reason: 'waiting for the customer’s documents' }, action: 'complaint.paused' },
      { path: '/resolution', body: { summary: 'Card unblocked', remedy: 'none' }, action: 'complaint.resolved' },
    ];
    const answers = await Promise.all(racing.map((r) => stack.as(people.agent).post(base + r.path, r.body)));
    for (const a of answers) {
      expect([200, 403, 409], JSON.stringify(a.body)).toContain(a.status);
      if (a.status !== 200) expect(a.body.detail).toEqual(expect.any(String));
    }
    expect(answers.some((a) => a.status === 200)).toBe(true);

    const rows = await auditRows(stack, c.id);
    expect(rows.slice(0, 2).map((r) => r.action)).toEqual(['complaint.received', 'complaint.responded']);
    const applied = racing.filter((_, i) => answers[i]!.status === 200).map((r) => r.action).sort();
    expect(rows.slice(2).map((r) => r.action).sort()).toEqual(applied);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(await chainIntact('complaint', c.id)).toBe(true);

    // the projection is the workflow's final state
    const live = await stack.temporal.workflow.getHandle(complaintWorkflowId(c.id)).query(complaintQuery);
    const [row] = await stack.query<{ version: number; status: string; view: any }>('select version, status, view from complaints where id = $1', [c.id]);
    expect(row).toMatchObject({ version: live.version, status: live.status });
    expect(live.version).toBe(rows.length);
    expect(row!.view.transfers).toEqual(live.transfers);
    expect(row!.view.pauses).toEqual(live.pauses);
    expect(row!.view.resolutions).toEqual(live.resolutions);
  });

  it('one vote sent twice at once with the same Idempotency-Key is counted once', async () => {
    const id = await g.create();
    expect((await g.submit(id, 'research')).status).toBe(201);
    const headers = { 'Idempotency-Key': `double-click-${Date.now()}` };
    const body = { decision: 'approve', comment: 'clicked twice' };
    const answers = await Promise.all([1, 2].map(() => stack.as(people.m1).post(`/api/v1/initiatives/${id}/review/votes`, body, headers)));
    for (const a of answers) expect([200, 409], JSON.stringify(a.body)).toContain(a.status); // 409: "still being processed"
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const review = (await g.get(id)).body.review;
    expect(review.votes.map((v: any) => [v.userId, v.revision])).toEqual([['m1', 1]]);
    expect((await g.audit(id)).filter((e) => e.action === 'review.vote_cast')).toHaveLength(1);
  });
});
