import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import { defaultKpiTargets } from '../../domain/targets/targets.js';
import { decideTargetsUpdate, targetProposalWorkflowId, type DecideCommand } from '../../workflows/targets/messages.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack, testCommandSigner } from '../support/stack.js';

/**
 * The KPI targets are the committee's: an admin proposes, the chair approves (or a committee
 * meeting's process, through the same update), and until then every reader — the reports
 * included — sees the targets in force. A proposal without a decision lapses at its deadline.
 */
let stack: Stack;
let g: ReturnType<typeof gates>;
const { admin, chair, m1, agent, auditor, supervisor } = people;
beforeAll(async () => {
  stack = await startStack();
  g = gates(stack);
  await g.roster();
  await g.policy(); // the decision window: the gate review deadline (600 s here)
});
afterAll(async () => stack?.stop());

const stricter = { ...defaultKpiTargets, firstResponseOnTime: 0.95, resolutionOnTime: { ...defaultKpiTargets.resolutionOnTime, urgent: 1 } };
const reportTargets = async () => (await stack.as(auditor).get('/api/v1/reports/kpis?from=2026-01-01&to=2026-02-01')).body.kpis.targets;
const propose = (targets: unknown, who: Principal = admin) => stack.as(who).post('/api/v1/targets/proposals', { targets, reason: 'the committee asked for faster answers' });
const decide = (id: string, who: Principal, approved: boolean, comment = 'agreed in committee') => stack.as(who).post(`/api/v1/targets/proposals/${id}/decision`, { approved, comment });
const trail = async (entityType: string, entityId: string) =>
  stack.query<{ action: string; actor: string; reason: string | null; after: any }>(`select action, actor, reason, after from audit_events where entity_type = $1 and entity_id = $2 order by seq`, [entityType, entityId]);
const finish = async (id: string, fixture: string) => {
  await stack.temporal.workflow.getHandle(targetProposalWorkflowId(id)).result();
  await saveReplayFixture(stack.temporal, targetProposalWorkflowId(id), fixture);
};

describe('changing a target', () => {
  it('needs the chair’s approval; before it, the reports show the old target', async () => {
    expect((await stack.as(agent).get('/api/v1/policies/targets')).body).toEqual({ targets: defaultKpiTargets, version: 0 });
    expect((await stack.as(admin).put('/api/v1/policies/targets', stricter)).status).toBe(404); // no such route: only an approval changes them
    expect((await propose(stricter, supervisor)).status).toBe(403);

    const proposed = await propose(stricter);
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const p = proposed.body;
    expect(p).toMatchObject({ status: 'pending', chairUserId: 'gm', proposedBy: 'ada', base: { targets: defaultKpiTargets, version: 0 }, decision: null, appliedVersion: null });
    expect(p.changes).toEqual(['firstResponseOnTime: 0.9 → 0.95', 'resolutionOnTime.urgent: 0.98 → 1']);

    // Before the decision: the targets in force, in the policy and in the reports, are the old ones.
    expect((await stack.as(agent).get('/api/v1/policies/targets')).body.version).toBe(0);
    expect(await reportTargets()).toMatchObject({ version: 0, firstResponseOnTime: 0.9, resolutionOnTime: { bySeverity: { urgent: 0.98 } } });
    // Another proposal may wait beside it, made against the same targets.
    const rival = await propose({ ...stricter, satisfaction: 0.95 });
    expect(rival.status).toBe(201);
    // The chair has it in the inbox; committee members read it, agents do not.
    const tasks = (await stack.as(chair).get('/api/v1/tasks')).body.items.filter((t: { kind: string }) => t.kind === 'targets.decide');
    expect(tasks).toEqual(expect.arrayContaining([expect.objectContaining({ entityType: 'target_proposal', entityId: p.id, deadline: p.deadline, deadlineState: 'pending' })]));
    expect(tasks).toHaveLength(2);
    expect((await stack.as(m1).get(`/api/v1/targets/proposals/${p.id}`)).status).toBe(200);
    expect((await stack.as(agent).get(`/api/v1/targets/proposals/${p.id}`)).status).toBe(403);

    // Only the chair decides.
    expect((await decide(p.id, m1, true)).status).toBe(403);
    expect((await decide(p.id, admin, true)).status).toBe(403);
    const approved = await decide(p.id, chair, true);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decision: { approved: true, by: 'gm', comment: 'agreed in committee', via: { kind: 'chair' } }, appliedVersion: 1 });
    expect((await decide(p.id, chair, false)).status).toBe(409);
    // The rival was made against the targets just replaced: its approval is refused, its rejection is not.
    const stale = await decide(rival.body.id, chair, true);
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toContain('the targets changed since this proposal (version 0 → 1)');
    expect((await decide(rival.body.id, chair, false, 'overtaken')).body.status).toBe('rejected');

    // Now in force, everywhere.
    expect((await stack.as(agent).get('/api/v1/policies/targets')).body).toEqual({ targets: stricter, version: 1 });
    expect(await reportTargets()).toMatchObject({ version: 1, firstResponseOnTime: 0.95, resolutionOnTime: { bySeverity: { urgent: 1 } } });
    expect((await stack.as(admin).get(`/api/v1/targets/proposals/${p.id}`)).body).toMatchObject({ status: 'approved', appliedVersion: 1 });

    // Audited: the proposal's own chain, and the change in the policy's.
    expect((await trail('target_proposal', p.id)).map((e) => [e.action, e.actor])).toEqual([
      ['targets.proposed', 'ada'],
      ['targets.approved', 'gm'],
    ]);
    const policy = await trail('policy', 'targets');
    expect(policy.map((e) => [e.action, e.actor, e.after.version, e.after.proposalId, e.reason])).toEqual([['targets.updated', 'gm', 1, p.id, 'agreed in committee']]);
    const notes = await stack.query<{ topic: string; recipient: string }>(`select topic, recipient from notifications where entity_type = 'target_proposal' and entity_id = $1 order by id`, [p.id]);
    expect(notes).toEqual([
      { topic: 'targets.decision_needed', recipient: 'gm' },
      { topic: 'targets.approved', recipient: 'ada' },
    ]);
    const verified = await stack.as(auditor).get(`/api/v1/audit/verify?entityType=target_proposal&entityId=${p.id}`);
    expect(verified.body.ok).toBe(true);
    await finish(p.id, 'targets-approved-by-chair');
  });

  it('a rejection changes nothing; the chair may not decide a proposal of their own', async () => {
    const before = (await stack.as(agent).get('/api/v1/policies/targets')).body;
    const p = (await propose({ ...before.targets, satisfaction: 0.5 })).body;
    const rejected = await decide(p.id, chair, false, 'too lax');
    expect(rejected.body).toMatchObject({ status: 'rejected', decision: { approved: false, by: 'gm' }, appliedVersion: null });
    expect((await stack.as(agent).get('/api/v1/policies/targets')).body).toEqual(before);
    await finish(p.id, 'targets-rejected');

    const chairAdmin: Principal = { ...chair, roles: ['admin', 'supervisor'] };
    const own = (await propose({ ...before.targets, satisfaction: 0.92 }, chairAdmin)).body;
    const refused = await decide(own.id, chairAdmin, true);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('separation of duties');
    expect((await decide(own.id, chair, false, 'withdrawn by the chair')).status).toBe(403); // same person, other token
    // A committee meeting decides it through its own process: the same update, with the meeting named.
    const meeting = { userId: 'meeting-2026-01', name: 'UX committee meeting, January', roles: ['system'] };
    const workflowId = targetProposalWorkflowId(own.id);
    const handle = stack.temporal.workflow.getHandle(workflowId);
    // Signed as cxgov signs the commands its processes send each other (workflows/process/proof.ts).
    const signer = testCommandSigner();
    const signed = (command: DecideCommand) => {
      const updateId = randomUUID();
      return { args: [signer.sign({ workflowId, name: decideTargetsUpdate.name, updateId }, command)] as [DecideCommand], updateId };
    };
    await expect(handle.executeUpdate(decideTargetsUpdate, signed({ actor: { ...m1, roles: [] }, approved: true, comment: 'by hand', via: { kind: 'meeting', meetingId: 'm-1' } }))).rejects.toMatchObject({ cause: { message: expect.stringContaining('meeting’s own process') } });
    const byMeeting = await handle.executeUpdate(decideTargetsUpdate, signed({ actor: meeting, approved: true, comment: 'minutes §3', via: { kind: 'meeting', meetingId: 'm-2026-01' } }));
    expect(byMeeting).toMatchObject({ status: 'approved', decision: { via: { kind: 'meeting', meetingId: 'm-2026-01' }, by: 'meeting-2026-01' }, appliedVersion: before.version + 1 });
    expect((await stack.as(agent).get('/api/v1/policies/targets')).body.targets.satisfaction).toBe(0.92);
    await finish(own.id, 'targets-approved-by-meeting');
  });

  it('without a decision by its deadline, the proposal lapses and the targets stay', async () => {
    await g.policy({ reviewDeadline: { amount: 3, unit: 'second' }, reminderRatio: 0.5 });
    try {
      const before = (await stack.as(agent).get('/api/v1/policies/targets')).body;
      const proposed = await propose({ ...before.targets, resolutionRate: 0.99 });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
      const p = proposed.body;
      const lapsed = await eventually(async () => {
        const v = (await stack.as(admin).get(`/api/v1/targets/proposals/${p.id}`)).body;
        return v.status === 'lapsed' ? v : undefined;
      }, 'the proposal to lapse');
      expect(lapsed.lapsedAt).toBe(p.deadline);
      expect((await stack.as(agent).get('/api/v1/policies/targets')).body).toEqual(before);
      expect((await trail('target_proposal', p.id)).map((e) => e.action)).toEqual(['targets.proposed', 'targets.reminder_sent', 'targets.lapsed']);
      expect((await decide(p.id, chair, true)).status).toBe(409);
      await finish(p.id, 'targets-lapsed');
    } finally {
      await g.policy();
    }
  });
});
