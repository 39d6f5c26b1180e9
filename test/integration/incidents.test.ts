import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import { defaultIncidentPolicy, type IncidentPolicy } from '../../domain/incidents/policy.js';
import { ensureIncidentWatchSchedule } from '../../temporal/schedules.js';
import { incidentWorkflowId } from '../../workflows/incident/messages.js';
import { intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * Spikes become incidents, on the real watcher: the schedule runs `incidentWatchWorkflow` every
 * second against a two-minute window. A burst of complaints about one product raises exactly one
 * incident (however many runs see it), the supervisors and compliance are told, complaints about
 * the product that arrive later are linked, and the post-incident review that is not done in time
 * escalates — to the supervisors, then to the committee chair — until it is completed.
 */
let stack: Stack;
let g: ReturnType<typeof gates>;
let scheduleId: string;
const { admin, agent, agent2, supervisor, auditor, owner, m1, chair } = people;
const sec = (amount: number) => ({ amount, unit: 'second' as const });
const policy: IncidentPolicy = {
  ...defaultIncidentPolicy,
  window: sec(120),
  baselineWindows: 3,
  minCount: 3,
  ratio: 2,
  watchEvery: sec(1),
  steps: { owner: sec(600), plan: sec(600), review: sec(3) },
  reminderRatio: 0.5,
  escalationWindow: sec(2),
};

beforeAll(async () => {
  stack = await startStack();
  g = gates(stack);
  await g.roster();
  await g.policy();
  await setPolicy(stack, secondsPolicy());
  expect((await stack.as(admin).put('/api/v1/policies/incidents', policy)).status).toBe(200);
});
afterAll(async () => {
  if (scheduleId) await stack.temporal.schedule.getHandle(scheduleId).delete().catch(() => undefined);
  await stack?.stop();
});

const incidents = async (who: Principal = supervisor) => {
  const res = await stack.as(who).get('/api/v1/incidents?limit=100');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as any[];
};
const get = async (id: string, who: Principal = supervisor) => (await stack.as(who).get(`/api/v1/incidents/${id}`)).body;
const notes = (id: string) => stack.query<{ topic: string; recipient_kind: string; recipient: string }>(`select topic, recipient_kind, recipient from notifications where entity_type = 'incident' and entity_id = $1 order by id`, [id]);
const watchRuns = async () => (await stack.temporal.schedule.getHandle(scheduleId).describe()).info.numActionsTaken;

describe('a burst of complaints about one product', () => {
  it('raises exactly one incident, notifies, links later complaints, and escalates an overdue review', async () => {
    const product = await g.create();
    const other = await g.create();
    // The burst: three complaints about the product, each through another channel (no channel spikes).
    const burst = [];
    for (const channel of ['hotline', 'app', 'email']) burst.push((await intake(stack, { initiativeId: product, channel, category: 'product' })).id);
    scheduleId = await ensureIncidentWatchSchedule(stack.temporal, { taskQueue: stack.taskQueue, everyMs: 1_000, idPrefix: `test-${stack.taskQueue}` });

    const raised = await eventually(async () => (await incidents()).find((i) => i.trigger.dimension === 'product' && i.trigger.value === product), 'the incident', 60_000);
    expect(raised).toMatchObject({ status: 'open', owner: null, nextStep: 'owner', escalationLevel: 0, trigger: { count: 3, baseline: 0, threshold: 3 } });
    expect(raised.complaints.map((c: { id: string; via: string }) => [c.id, c.via]).sort()).toEqual(burst.map((id) => [id, 'spike']).sort());
    expect(await notes(raised.id)).toEqual([
      { topic: 'incident.raised', recipient_kind: 'role', recipient: 'supervisor' },
      { topic: 'incident.raised', recipient_kind: 'role', recipient: 'compliance_auditor' },
    ]);
    const supervisorTasks = (await stack.as(supervisor).get('/api/v1/tasks')).body.items.filter((t: { kind: string }) => t.kind === 'incident.assign');
    expect(supervisorTasks).toEqual([expect.objectContaining({ entityType: 'incident', entityId: raised.id, deadline: raised.steps.owner.deadline })]);

    // A later complaint about the product is linked; one about another product is not.
    const later = (await intake(stack, { initiativeId: product, channel: 'online_chat' })).id;
    const unrelated = (await intake(stack, { initiativeId: other, channel: 'branch' })).id;
    const linked = await eventually(async () => {
      const v = await get(raised.id);
      return v.complaints.length === 4 ? v : undefined;
    }, 'the later complaint to be linked', 60_000);
    expect(linked.complaints.find((c: { id: string }) => c.id === later)).toMatchObject({ via: 'watch' });
    expect(linked.complaints.some((c: { id: string }) => c.id === unrelated)).toBe(false);
    const linkRows = await stack.query<{ n: number }>('select count(*)::int as n from incident_complaints where incident_id = $1', [raised.id]);
    expect(linkRows).toEqual([{ n: 4 }]);

    // Who may read and act.
    expect((await stack.as(agent).get('/api/v1/incidents')).status).toBe(403);
    expect((await stack.as(m1).get(`/api/v1/incidents/${raised.id}`)).status).toBe(200);
    expect((await stack.as(owner).get(`/api/v1/incidents/${raised.id}`)).status).toBe(403);
    expect((await stack.as(owner).post(`/api/v1/incidents/${raised.id}/owner`, { owner: { userId: owner.userId, name: owner.name } })).status).toBe(403);
    expect((await stack.as(supervisor).post(`/api/v1/incidents/${raised.id}/plan`, { summary: 'x', actions: ['y'] })).status).toBe(409); // no owner yet

    // A supervisor names the product's owner; the plan's deadline starts.
    const assigned = await stack.as(supervisor).post(`/api/v1/incidents/${raised.id}/owner`, { owner: { userId: owner.userId, name: owner.name }, note: 'the product’s owner' });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', owner: { userId: 'pat' }, nextStep: 'plan', steps: { owner: { state: 'met' }, plan: { state: 'pending' } } });
    expect((await stack.as(owner).get(`/api/v1/incidents/${raised.id}`)).status).toBe(200);
    expect((await stack.as(agent2).post(`/api/v1/incidents/${raised.id}/plan`, { summary: 'x', actions: ['y'] })).status).toBe(403);
    expect((await stack.as(owner).post(`/api/v1/incidents/${raised.id}/plan`, { summary: 'Fix the fee display', actions: [] })).status).toBe(400);
    const planned = await stack.as(owner).post(`/api/v1/incidents/${raised.id}/plan`, { summary: 'Fix the fee display', actions: ['correct the fee page', 'call back every customer'] });
    expect(planned.body).toMatchObject({ status: 'responding', nextStep: 'review', steps: { plan: { state: 'met' }, review: { state: 'pending' } } });

    // The review is not done in time: reminded, escalated to the supervisors, then to the chair.
    const escalated = await eventually(async () => {
      const v = await get(raised.id);
      return v.escalationLevel === 2 ? v : undefined;
    }, 'the escalation to the chair', 60_000);
    expect(escalated.breaches.map((b: { step: string; level: number }) => [b.step, b.level])).toEqual([
      ['review', 1],
      ['review', 2],
    ]);
    expect(escalated).toMatchObject({ chairUserId: 'gm', steps: { review: { state: 'breached' } } });
    expect(escalated.steps.review.breachedAt).toBe(escalated.steps.review.deadline);
    const told = (await notes(raised.id)).map((n) => `${n.topic} → ${n.recipient_kind} ${n.recipient}`);
    expect(told).toEqual(
      expect.arrayContaining([
        'incident.reminder → user pat',
        'incident.overdue → user pat',
        'incident.escalated → role supervisor',
        'incident.escalated → role compliance_auditor',
        'incident.escalated → user gm',
      ]),
    );
    expect((await stack.as(owner).get('/api/v1/tasks')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'incident.review', entityId: raised.id, deadlineState: 'breached' })]));
    expect((await stack.as(chair).get('/api/v1/tasks')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'incident.escalated', entityId: raised.id })]));

    // The owner completes the review: the incident closes, late (the review stays breached).
    expect((await stack.as(owner).post(`/api/v1/incidents/${raised.id}/review`, { summary: 'Fee shown too late', findings: [] })).status).toBe(400);
    const closed = await stack.as(owner).post(`/api/v1/incidents/${raised.id}/review`, {
      summary: 'The fee was shown only after confirmation',
      findings: [{ finding: 'the fee page came after the confirmation', action: 'show the fee before confirming', owner: 'pat', due: '2026-12-31' }],
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', nextStep: null, steps: { review: { state: 'breached' } }, review: { by: 'pat' } });
    expect(closed.body.steps.review.metAt).toBeDefined();
    expect((await stack.as(owner).post(`/api/v1/incidents/${raised.id}/plan`, { summary: 'again', actions: ['x'] })).status).toBe(409);
    await stack.temporal.workflow.getHandle(incidentWorkflowId(raised.id)).result();

    // However many runs saw the burst, it raised one incident.
    const runs = await watchRuns();
    await eventually(async () => ((await watchRuns()) >= runs + 3 ? true : undefined), 'three more watcher runs', 60_000);
    expect((await stack.query<{ n: number }>('select count(*)::int as n from incidents'))[0]!.n).toBe(1);

    // The trail, in order, intact.
    const trail = await stack.as(auditor).get(`/api/v1/audit/events?entityType=incident&entityId=${raised.id}&limit=100`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual([
      'incident.raised',
      'incident.complaints_linked',
      'incident.owner_assigned',
      'incident.plan_submitted',
      'incident.reminder_sent',
      'incident.escalated',
      'incident.escalated',
      'incident.closed',
    ]);
    expect((await stack.as(auditor).get(`/api/v1/audit/verify?entityType=incident&entityId=${raised.id}`)).body.ok).toBe(true);
    await saveReplayFixture(stack.temporal, incidentWorkflowId(raised.id), 'incident-escalated-reviewed');
    for await (const run of stack.temporal.workflow.list({ query: `WorkflowType = "incidentWatchWorkflow" AND TaskQueue = "${stack.taskQueue}" AND ExecutionStatus = "Completed"` })) {
      const result = await stack.temporal.workflow.getHandle(run.workflowId, run.runId).result();
      if (result.raised.length === 1) {
        await saveReplayFixture(stack.temporal, run.workflowId, 'incident-watch-raised', run.runId);
        break;
      }
    }
  });
});
