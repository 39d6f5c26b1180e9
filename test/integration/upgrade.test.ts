import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patches } from '../../workflows/process/patches.js';
import { complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { initiativeWorkflowId } from '../../workflows/initiative/messages.js';
import { command, getComplaint, intake, secondsPolicy, sec, setPolicy } from '../support/complaints.js';
import { deliverables, gates, standardRoster } from '../support/gates.js';
import { currentBundle, startBundleWorker, stopBundleWorker } from '../support/bundle-worker.js';
import { people } from '../support/people.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { workflowBundleOf } from '../support/releases.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * A deploy while processes run: complaints and reviews are started under the previous release's
 * workflow code and left mid-flight (timers pending, a vote cast, a complaint escalated, a product
 * in its post-launch watch); that worker stops and today's starts; every process is driven to its
 * end. Timers the old code set fire under the new code, the new code's patches take over from the
 * next step, every history replays, and the audit trail stays one verifiable chain.
 *
 * And the way back: processes run by today's code with its patches dark (WORKFLOW_PATCHES=none,
 * the rollout setting of docs/operations.md) are handed back to the previous release's code and
 * still complete.
 */
/** A product owner of the initiatives' team (retail-cards) who is not their owner. */
const teammate = { userId: 'pam', name: 'Pam Product', roles: ['product_owner'], department: 'retail-cards' };

let stack: Stack;
let previousBundle: string;

const startWorker = (code: string, patchSetting = 'all') => startBundleWorker(stack, code, patchSetting);

/** The events of a workflow's history, with the times they were written. */
async function historyOf(client: Client, workflowId: string) {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).map((e) => ({ type: String(e.eventType ?? ''), at: Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6), event: e }));
}

const isType = (type: string, name: string) => type === name || type.endsWith(`_${name}`) || type === String(eventTypeNumber[name]);
// fetchHistory returns the enum as a number; the names of the ones this test reads
const eventTypeNumber: Record<string, number> = { TIMER_STARTED: 17, TIMER_FIRED: 18, MARKER_RECORDED: 25, WORKFLOW_EXECUTION_COMPLETED: 2 };

async function replaysUnderCurrentCode(workflowId: string): Promise<void> {
  const history = await stack.temporal.workflow.getHandle(workflowId).fetchHistory();
  await Worker.runReplayHistory({ workflowBundle: { code: currentBundle() } }, history, workflowId);
}

async function patchMarkers(workflowId: string): Promise<string[]> {
  const events = await historyOf(stack.temporal, workflowId);
  return events
    .filter((e) => isType(e.type, 'MARKER_RECORDED') && e.event.markerRecordedEventAttributes?.markerName === 'core_patch')
    .map((e) => {
      const payload = e.event.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0];
      return payload?.data ? JSON.parse(Buffer.from(payload.data).toString('utf8')).id : '';
    });
}

beforeAll(async () => {
  stack = await startStack({ withoutWorker: true });
  previousBundle = await workflowBundleOf('0.1.0');
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe('upgrading from release 0.1.0 while processes run', () => {
  it('hands every open complaint and initiative to the new code, which drives them to their end', async () => {
    const g = gates(stack);
    let worker = await startWorker(previousBundle);

    // ── under release 0.1.0 ─────────────────────────────────────────────────────────────────
    await g.roster();
    await g.policy({ postLaunch: { window: sec(45), complaintThreshold: 10 } });
    await setPolicy(stack, secondsPolicy({ resolution: { general: sec(30), major: sec(600), urgent: sec(600) } }));

    const launched = await g.create(people.owner, { name: 'Robo-advice' });
    for (const stage of ['research', 'design', 'prototype_testing', 'launch_assessment'] as const) await g.passGate(launched, stage);
    await eventually(async () => (await g.get(launched)).body.postLaunch?.status === 'monitoring', 'post-launch monitoring under the old code');

    const inReview = await g.create();
    expect((await g.submit(inReview, 'research')).status).toBe(201);
    expect((await g.vote(people.m1, inReview, 'approve', 'good research')).status).toBe(200);

    // The owner sits on the committee in another department (wealth) and a teammate submits:
    // under 0.1.0 the owner may vote on their own product.
    await g.roster([...standardRoster, { userId: 'pat', name: 'Pat Product', department: 'wealth', chair: false }]);
    const ownersOwn = await g.create(people.owner, { name: 'Owner on the committee' });
    expect((await g.submit(ownersOwn, 'research', deliverables.research, teammate)).status).toBe(201);
    expect((await g.get(ownersOwn)).body.review.eligible).toContain('pat');

    const responded = await intake(stack); // resolution at risk at 24 s, breached at 30 s: fired by the new code
    await command(stack, people.agent, responded.id, '/responses', { message: 'We are on it', channel: 'hotline' });
    const escalated = await intake(stack, { severity: 'major' });
    await command(stack, people.agent, escalated.id, '/escalate', { reason: 'VIP customer' });
    const untouched = await intake(stack, { severity: 'major' });
    // Reassigned under the new code, which 0.1.0 did not have: its state carries no agentId yet.
    const handedOver = await intake(stack);
    await command(stack, people.agent, handedOver.id, '/responses', { message: 'We are on it', channel: 'hotline' });
    const directory = await stack.as(people.admin).put(`/api/v1/people/${people.agent2.userId}`, { userId: people.agent2.userId, name: people.agent2.name, department: people.agent2.department, roles: people.agent2.roles });
    expect(directory.status).toBe(200);

    // ── the deploy: the old worker stops, the new one starts ────────────────────────────────
    await stopBundleWorker(worker);
    const switchedAt = Date.now();
    worker = await startWorker(currentBundle());
    try {
      // Timers the old code set fire under the new code, at the instant the rule says.
      await eventually(async () => (await getComplaint(stack, responded.id)).breaches.length > 0 || undefined, 'the resolution breach set by the old code', 60_000);
      const history = await historyOf(stack.temporal, complaintWorkflowId(responded.id));
      const startedAt = new Map(history.filter((e) => isType(e.type, 'TIMER_STARTED')).map((e) => [Number(e.event.eventId), e.at]));
      const oldTimersFiredUnderNewCode = history.filter(
        (e) => isType(e.type, 'TIMER_FIRED') && e.at >= switchedAt && (startedAt.get(Number(e.event.timerFiredEventAttributes?.startedEventId)) ?? Infinity) < switchedAt,
      );
      expect(oldTimersFiredUnderNewCode.length).toBeGreaterThan(0);

      // Every complaint to its end under the new code.
      for (const c of [responded, escalated, untouched]) {
        const now = await getComplaint(stack, c.id);
        if (now.responses.length === 0) await command(stack, people.agent, c.id, '/responses', { message: 'Looking into it', channel: 'hotline' });
        const resolver = (await getComplaint(stack, c.id)).escalationLevel > 0 ? people.supervisor : people.agent;
        await command(stack, resolver, c.id, '/resolution', { summary: 'Card unblocked', remedy: 'Apology and fee refund' });
        await command(stack, people.agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'Thanks' });
        expect((await getComplaint(stack, c.id)).status).toBe('closed');
      }
      // A complaint begun by the old code is reassigned by the new one and closed by its new agent.
      const reassigned = await command(stack, people.supervisor, handedOver.id, '/reassign', { toUserId: people.agent2.userId, reason: 'Cai is on leave' });
      expect(reassigned).toMatchObject({ agentId: people.agent2.userId, owner: { kind: 'user', id: people.agent2.userId } });
      await command(stack, people.agent2, handedOver.id, '/resolution', { summary: 'Card unblocked', remedy: 'Apology' });
      await command(stack, people.agent2, handedOver.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'Thanks' });
      expect((await getComplaint(stack, handedOver.id)).status).toBe('closed');
      // The new code's patches took over from the first step it ran.
      expect(await patchMarkers(complaintWorkflowId(untouched.id))).toContain(patches.complaintClockTimerKept.id);

      // The review under way: the second vote and the sign-off under the new code.
      expect((await g.vote(people.m2, inReview, 'approve')).status).toBe(200);
      expect((await g.signOff(inReview, 'approve', 'go on')).status).toBe(200);
      expect((await g.get(inReview)).body.stage).toBe('design');
      // A review opened by the old code keeps its roster; the next one follows the owner rule.
      for (const member of [people.m1, people.m2, people.m3]) expect((await g.vote(member, ownersOwn, 'approve')).status).toBe(200);
      expect((await g.signOff(ownersOwn, 'approve', 'ok')).status).toBe(200);
      expect((await g.submit(ownersOwn, 'design', deliverables.design, teammate)).status).toBe(201);
      const next = (await g.get(ownersOwn)).body.review;
      expect(next.recused).toContain('pat');
      expect(next.eligible).not.toContain('pat');
      for (const id of [inReview, ownersOwn]) {
        expect((await stack.as(people.owner).post(`/api/v1/initiatives/${id}/withdraw`, { reason: 'upgrade test ends here' })).status).toBe(200);
      }

      // The launched product: a complaint linked under the new code is counted, and the window the old code computed ends.
      const linked = await intake(stack, { initiativeId: launched, category: 'product' });
      await eventually(async () => (await g.get(launched)).body.postLaunch?.linkedComplaints === 1 || undefined, 'the link counted by the new code', 90_000);
      await eventually(async () => (await g.get(launched)).body.postLaunch?.status === 'ended' || undefined, 'the post-launch window set by the old code', 60_000);
      await command(stack, people.agent, linked.id, '/responses', { message: 'ok', channel: 'hotline' });

      // Every process ended, every history (old steps and new) replays under the new code.
      for (const id of [inReview, launched, ownersOwn].map(initiativeWorkflowId).concat([responded, escalated, untouched, handedOver].map((c) => complaintWorkflowId(c.id)))) {
        const description = await stack.temporal.workflow.getHandle(id).describe();
        expect(description.status.name, id).toBe('COMPLETED');
        await replaysUnderCurrentCode(id);
      }
      // Histories begun by 0.1.0's code and finished by today's: the shape every upgrade leaves.
      const upgraded = { 'complaint-breached': complaintWorkflowId(responded.id), 'complaint-escalated': complaintWorkflowId(escalated.id), 'complaint-untouched': complaintWorkflowId(untouched.id), 'complaint-reassigned': complaintWorkflowId(handedOver.id), 'initiative-in-review': initiativeWorkflowId(inReview), 'initiative-post-launch': initiativeWorkflowId(launched), 'initiative-owner-on-committee': initiativeWorkflowId(ownersOwn) };
      for (const [shape, workflowId] of Object.entries(upgraded)) await saveReplayFixture(stack.temporal, workflowId, `upgraded-from-0.1.0-${shape}`);

      // One verifiable chain per record, across the deploy.
      const verification = await stack.as(people.auditor).get('/api/v1/audit/verify');
      expect(verification.status).toBe(200);
      expect(verification.body.ok, JSON.stringify(verification.body)).toBe(true);
      // A chain is (entity type, entity id): a complaint's customer notices have a chain of their own.
      const seqs = await stack.query<{ chain: string; seqs: number[] }>(
        `select entity_type || '/' || entity_id as chain, array_agg(seq order by seq) as seqs from audit_events where entity_id = any($1) group by entity_type, entity_id`,
        [[responded.id, escalated.id, untouched.id, handedOver.id, inReview, launched, ownersOwn]],
      );
      for (const row of seqs) expect(row.seqs, row.chain).toEqual(row.seqs.map((_, i) => i + 1));
      const breachEvents = await stack.query<{ at: Date }>(`select at from audit_events where entity_id = $1 and action = 'complaint.clock_breached'`, [responded.id]);
      expect(breachEvents.length).toBe(1);
    } finally {
      await stopBundleWorker(worker);
    }
  }, 300_000);
});

describe('rolling back to release 0.1.0', () => {
  it('hands processes run by the new code with its patches dark back to the old code', async () => {
    const g = gates(stack);
    let worker = await startWorker(currentBundle(), 'none');
    await setPolicy(stack, secondsPolicy());
    const complaint = await intake(stack);
    await command(stack, people.agent, complaint.id, '/responses', { message: 'On it', channel: 'hotline' });
    const initiative = await g.create(people.owner, { name: 'Rollback' });
    expect((await g.submit(initiative, 'research')).status).toBe(201);
    expect((await g.vote(people.m1, initiative, 'approve')).status).toBe(200);
    expect(await patchMarkers(complaintWorkflowId(complaint.id))).toEqual([]);

    await stopBundleWorker(worker);
    worker = await startWorker(previousBundle);
    try {
      await command(stack, people.agent, complaint.id, '/resolution', { summary: 'Refund', remedy: 'Refund the fee' });
      await command(stack, people.agent, complaint.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: '' });
      expect((await getComplaint(stack, complaint.id)).status).toBe('closed');
      expect((await g.vote(people.m2, initiative, 'approve')).status).toBe(200);
      expect((await g.signOff(initiative, 'approve', 'fine')).status).toBe(200);
      expect((await stack.as(people.owner).post(`/api/v1/initiatives/${initiative}/withdraw`, { reason: 'rollback test ends here' })).status).toBe(200);
      for (const id of [complaintWorkflowId(complaint.id), initiativeWorkflowId(initiative)]) {
        expect((await stack.temporal.workflow.getHandle(id).describe()).status.name, id).toBe('COMPLETED');
      }
    } finally {
      await stopBundleWorker(worker);
    }
  }, 180_000);
});
