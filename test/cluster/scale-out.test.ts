import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAll } from '../../audit/verify.js';
import { openDatabase } from '../../db/client.js';
import { complaintQuery, complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { initiativeQuery, initiativeWorkflowId } from '../../workflows/initiative/messages.js';
import { intakeBody, sec, secondsPolicy } from '../support/complaints.js';
import { clusterState, killClusterService, sendUntilAnswered, startScaledStack, type ScaledStack } from '../support/cluster.js';
import { deliverables, gates, projectedInitiative } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually } from '../support/stack.js';

/**
 * cxgov scaled out on a real Temporal cluster (`npm run cluster`: PostgreSQL persistence, two
 * history processes sharing the shards): two worker processes and two API processes on one
 * database. Complaints and gate reviews are driven through both APIs; in the middle of the load
 * one worker and one history service are SIGKILLed (the cluster runner starts the history
 * service again; the worker stays dead). Every command a client sent is applied exactly once,
 * every deadline timer fires and is recorded once, the projections equal the workflows, and
 * the audit trail verifies. Clients retry with the same Idempotency-Key when an answer says
 * there is no outcome yet, as the API asks them to.
 */
const complaints = 24;
const reviews = 6;
/** Deadlines fall well after the kills, so the timers fire on the recovering cluster. */
const deadlineSeconds = 40;

let stack: ScaledStack;
beforeAll(async () => {
  stack = await startScaledStack({ apis: 2, workers: 2, env: { COMMAND_TIMEOUT_SECONDS: '10' } });
});
afterAll(async () => stack?.stop());

/** How many updates named `name` a workflow's history accepted. */
async function acceptedUpdates(workflowId: string, name: string): Promise<number> {
  const history = await stack.temporal.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === name).length;
}

async function workflowPollers(): Promise<number> {
  const answer = await stack.temporal.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: stack.taskQueue }, taskQueueType: 1 });
  return new Set((answer.pollers ?? []).map((p) => p.identity)).size;
}

describe('two workers and two APIs on the cluster, one worker and one history service killed mid-load', () => {
  it('loses no command, fires every timer once, and keeps projections and the audit trail whole', { timeout: 600_000 }, async () => {
    const [a, b] = [stack.via(0), stack.via(1)];
    const api = (i: number) => (i % 2 === 0 ? a : b);
    const run = Date.now().toString(36);
    const key = (what: string) => `${run}-${what}`;

    // Settings through API A; both workers polling the one task queue.
    const g = gates(a);
    await g.roster();
    await g.policy({ reviewDeadline: sec(deadlineSeconds), reminderRatio: 0.5 });
    expect((await a.as(people.admin).put('/api/v1/policies/sla', secondsPolicy({ firstResponse: sec(deadlineSeconds), atRiskRatio: 0.8 }))).status).toBe(200);
    await eventually(async () => (await workflowPollers()) >= 2 || undefined, 'both workers to poll the task queue');

    // The load: complaints taken and gate reviews opened through both APIs, four at a time; once
    // a third of it is answered, one worker and one history service die.
    const killed = { worker: 0, history: { killed: 0, restarted: 0 } };
    let answered = 0;
    let faults: Promise<void> | undefined;
    const afterAnswer = () => {
      if (++answered === Math.floor((complaints + reviews) / 3)) {
        faults = (async () => {
          killed.worker = stack.workers[0]!.child.pid!;
          const [, history] = await Promise.all([stack.workers[0]!.kill(), killClusterService('history-1')]);
          killed.history = history;
        })();
      }
    };
    const complaintIds: string[] = [];
    const initiativeIds: string[] = [];
    const jobs: (() => Promise<void>)[] = [
      ...Array.from({ length: complaints }, (_, i) => async () => {
        const res = await sendUntilAnswered(api(i), people.agent, 'post', '/api/v1/complaints', intakeBody(), key(`intake-${i}`));
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        complaintIds[i] = res.body.id;
        afterAnswer();
      }),
      ...Array.from({ length: reviews }, (_, i) => async () => {
        const created = await sendUntilAnswered(api(i + 1), people.owner, 'post', '/api/v1/initiatives', { name: `Cluster card ${i}`, businessLine: 'banking', description: 'scale-out test', team: 'retail-cards' }, key(`create-${i}`));
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        const submitted = await sendUntilAnswered(api(i), people.owner, 'post', `/api/v1/initiatives/${created.body.id}/submissions`, { stage: 'research', deliverables: deliverables.research }, key(`submit-${i}`));
        expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
        initiativeIds[i] = created.body.id;
        afterAnswer();
      }),
    ];
    await inLanes(jobs, 4);
    expect(faults, 'the faults were injected mid-load').toBeDefined();
    await faults;

    // More commands while the cluster recovers: a first response to every other complaint (the
    // rest are left to breach), two votes on every review, through alternating APIs.
    const responded = complaintIds.filter((_, i) => i % 2 === 0);
    const leftToBreach = complaintIds.filter((_, i) => i % 2 === 1);
    await inLanes(
      [
        ...responded.map((id, i) => async () => {
          const res = await sendUntilAnswered(api(i + 1), people.agent, 'post', `/api/v1/complaints/${id}/responses`, { message: 'We are on it', channel: 'hotline' }, key(`respond-${id}`));
          expect(res.status, JSON.stringify(res.body)).toBe(200);
        }),
        ...initiativeIds.flatMap((id, i) =>
          [people.m1, people.m2].map((who, j) => async () => {
            const res = await sendUntilAnswered(api(i + j), who, 'post', `/api/v1/initiatives/${id}/review/votes`, { decision: 'approve', comment: `vote via API ${(i + j) % 2 ? 'B' : 'A'}` }, key(`vote-${id}-${who.userId}`));
            expect(res.status, JSON.stringify(res.body)).toBe(200);
          }),
        ),
      ],
      4,
    );
    expect(killed.worker).toBeGreaterThan(0);
    expect(killed.history.restarted).not.toBe(killed.history.killed);
    expect(stack.workers[0]!.child.signalCode).toBe('SIGKILL');

    // Every timer fires and is recorded once: the first-response clock of each unanswered
    // complaint goes at risk and breaches; each review reminds and escalates.
    for (const id of leftToBreach) {
      const breached = await eventually(
        async () => {
          const r = await b.as(people.supervisor).get(`/api/v1/complaints/${id}`);
          return r.status === 200 && r.body.escalationLevel === 1 ? r.body : undefined;
        },
        `the first-response breach of ${id}`,
        180_000,
      );
      expect(breached.breaches).toEqual([{ clock: 'firstResponse', at: breached.deadlines.firstResponse, level: 1, window: 0 }]);
    }
    for (const id of initiativeIds) {
      const review = await eventually(
        async () => {
          const r = await g.get(id);
          return r.status === 200 && r.body.review?.status === 'escalated' ? r.body.review : undefined;
        },
        `the escalation of review ${id}`,
        180_000,
      );
      expect(review.remindedAt).toEqual(expect.any(String));
    }

    // The chair decides each escalated review (through API B): the gate process goes on.
    for (const [i, id] of initiativeIds.entries()) {
      const signed = await sendUntilAnswered(b, people.chair, 'post', `/api/v1/initiatives/${id}/review/signoff`, { decision: 'approve', comment: 'decided after the escalation' }, key(`signoff-${i}`));
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
      expect(signed.body.initiative).toEqual({ id, stage: 'design', status: 'in_progress' });
    }

    // Nothing lost, nothing twice: the audit trail of each complaint and review is exactly what
    // the commands and timers made, each update accepted once, and projections equal workflows.
    for (const id of complaintIds) {
      const actions = (await stack.query<{ action: string }>("select action from audit_events where entity_type = 'complaint' and entity_id = $1 order by seq", [id])).map((r) => r.action);
      expect(new Set(actions).size, `nothing recorded twice: ${actions}`).toBe(actions.length);
      if (responded.includes(id)) {
        // A response that came after the at-risk instant (the cluster was recovering) follows it.
        expect(actions.filter((a) => a !== 'complaint.clock_at_risk' && a !== 'complaint.clock_breached')).toEqual(['complaint.received', 'complaint.responded']);
        expect(await acceptedUpdates(complaintWorkflowId(id), 'respond')).toBe(1);
      } else {
        expect(actions).toEqual(['complaint.received', 'complaint.clock_at_risk', 'complaint.clock_breached']);
      }
      const live = await stack.temporal.workflow.getHandle(complaintWorkflowId(id)).query(complaintQuery);
      const [row] = await stack.query<{ version: number; escalation_level: number }>('select version, escalation_level from complaints where id = $1', [id]);
      expect(row).toMatchObject({ version: live.version, escalation_level: live.escalationLevel });
    }
    expect((await stack.query<{ n: string }>('select count(*) as n from complaints')).at(0)?.n).toBe(String(complaints));
    for (const id of initiativeIds) {
      // Timer events carry the system as actor; commands their sender. Votes and the reminder
      // race each other; everything else has its place.
      const trail = (await g.audit(id)).map((e) => (e.action === 'review.reminder_sent' || e.action === 'review.escalated' ? e.action : `${e.action} ${e.actor}`));
      expect([...trail.slice(0, 2), ...trail.slice(-3)]).toEqual(['initiative.created pat', 'review.opened pat', 'review.escalated', 'review.signed_off gm', 'initiative.advanced gm']);
      expect(trail.slice(2, -3).sort()).toEqual(['review.reminder_sent', 'review.vote_cast m1', 'review.vote_cast m2']);
      expect(await acceptedUpdates(initiativeWorkflowId(id), 'castVote')).toBe(2);
      expect(projectedInitiative((await g.get(id)).body)).toEqual(await stack.temporal.workflow.getHandle(initiativeWorkflowId(id)).query(initiativeQuery));
    }
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'cxgov-cluster-verify-'));
    const handle = await openDatabase({ url: stack.databaseUrl, dataDir: scratch });
    try {
      const verified = await verifyAll(handle.db);
      expect(verified, JSON.stringify(verified.broken.slice(0, 3))).toMatchObject({ ok: true, brokenCount: 0 });
      expect(verified.entities).toBeGreaterThanOrEqual(complaints + reviews);
    } finally {
      await handle.close();
      rmSync(scratch, { recursive: true, force: true });
    }
    // The cluster is whole again: the restarted history service is the one the runner reports.
    expect(clusterState().services.find((s) => s.name === 'history-1')?.pid).toBe(killed.history.restarted);
  });
});

/** Runs the jobs with at most `lanes` in flight. */
async function inLanes(jobs: (() => Promise<void>)[], lanes: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
}
