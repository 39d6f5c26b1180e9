import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintQuery, complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { auditActions, auditRows, command, getComplaint, intake, notificationsOf, sec, secondsPolicy, setPolicy } from '../support/complaints.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * Deadlines that warn and escalate by themselves: second-based policies, real timers in the real
 * Temporal server. No timing assertions: waits are `eventually`, and where a test must show that
 * something did NOT happen it waits past the instant and checks the state.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

const { agent, supervisor } = people;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('first-response breach', () => {
  it('escalates to the supervisor level, notifies the owner, the level and (major) compliance', async () => {
    await setPolicy(stack, secondsPolicy({ firstResponse: sec(1) }));
    const c = await intake(stack, { severity: 'major' });
    const breached = await eventually(async () => {
      const v = await getComplaint(stack, c.id);
      return v.escalationLevel === 1 ? v : undefined;
    }, 'the first-response breach');
    expect(breached.clocks.firstResponse.state).toBe('breached');
    expect(breached.clocks.firstResponse.breachedAt).toBe(c.deadlines.firstResponse); // stamped at the deadline
    expect(breached.breaches).toEqual([{ clock: 'firstResponse', at: c.deadlines.firstResponse, level: 1, window: 0 }]);
    expect(breached.escalatedTo).toEqual({ kind: 'level', id: 'supervisor' });
    expect(breached.owner).toEqual({ kind: 'user', id: agent.userId }); // first responder keeps it

    const notes = await notificationsOf(stack, c.id);
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ topic: 'complaint.breached', recipient_kind: 'user', recipient: agent.userId }),
        expect.objectContaining({ topic: 'complaint.escalated', recipient_kind: 'level', recipient: 'supervisor' }),
        expect.objectContaining({ topic: 'complaint.compliance_notice', recipient_kind: 'role', recipient: 'compliance_auditor' }),
      ]),
    );
    const breachEvent = (await auditRows(stack, c.id)).find((e) => e.action === 'complaint.clock_breached');
    expect(breachEvent).toMatchObject({ actor: 'system', reason: 'firstResponse clock breached: escalated from cs_agent to supervisor' });
    expect(breachEvent!.after).toMatchObject({ clock: 'firstResponse', escalationLevel: 1 });
    expect((await stack.as(supervisor).get('/api/v1/tasks')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ entityId: c.id, kind: 'complaint.escalated' })]));
    expect((await stack.as(supervisor).get('/api/v1/complaints?breached=true')).body.items.map((i: any) => i.id)).toContain(c.id);

    // a late response is recorded; the clock stays breached
    const late = await command(stack, agent, c.id, '/responses', { message: 'sorry for the wait', channel: 'hotline' });
    expect(late.clocks.firstResponse).toMatchObject({ state: 'breached', metAt: expect.any(String) });
  });

  it('a general complaint’s breach does not notify compliance', async () => {
    await setPolicy(stack, secondsPolicy({ firstResponse: sec(1) }));
    const c = await intake(stack, { severity: 'general' });
    await eventually(async () => (await getComplaint(stack, c.id)).escalationLevel === 1, 'the breach');
    const topics = (await notificationsOf(stack, c.id)).map((n) => n.topic);
    expect(topics).toContain('complaint.breached');
    expect(topics).not.toContain('complaint.compliance_notice');
  });
});

describe('resolution breach escalating twice', () => {
  it('breach → supervisor, one breach window later → department head; resolving stops the climb', async () => {
    await setPolicy(stack, secondsPolicy({ resolution: { general: sec(2), major: sec(600), urgent: sec(600) }, breachWindow: sec(3) }));
    const c = await intake(stack);
    await command(stack, agent, c.id, '/responses', { message: 'looking into it', channel: 'email' });
    const twice = await eventually(async () => {
      const v = await getComplaint(stack, c.id);
      return v.escalationLevel === 2 ? v : undefined;
    }, 'the second escalation', 20_000);
    const breachedAt = Date.parse(c.deadlines.resolution);
    expect(twice.breaches).toEqual([
      { clock: 'resolution', at: new Date(breachedAt).toISOString(), level: 1, window: 0 },
      { clock: 'resolution', at: new Date(breachedAt + 3_000).toISOString(), level: 2, window: 1 },
    ]);
    expect(twice.escalatedTo).toEqual({ kind: 'level', id: 'department_head' });

    const resolved = await command(stack, agent, c.id, '/resolution', { summary: 'Refunded', remedy: 'refund' });
    expect(resolved.clocks.resolution).toMatchObject({ state: 'breached', metAt: expect.any(String) });
    // past the next breach window: nothing climbs any more
    await sleep(Math.max(0, breachedAt + 2 * 3_000 + 800 - Date.now()));
    const after = await getComplaint(stack, c.id);
    expect(after.escalationLevel).toBe(resolved.escalationLevel);
    expect(after.breaches).toHaveLength(resolved.breaches.length);

    await command(stack, agent, c.id, '/responses', { message: 'refund sent', channel: 'email' });
    const closed = await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: '' });
    expect(closed.status).toBe('closed');
    expect(await auditActions(stack, c.id)).toEqual([
      'complaint.received',
      'complaint.responded',
      'complaint.clock_at_risk',
      'complaint.clock_breached',
      'complaint.breach_escalated',
      'complaint.resolved',
      'complaint.responded',
      'complaint.closed',
    ]);
    await stack.temporal.workflow.getHandle(complaintWorkflowId(c.id)).result();
    await saveReplayFixture(stack.temporal, complaintWorkflowId(c.id), 'complaint-escalated-twice');
  });
});

describe('at-risk warning', () => {
  it('warns the owner at the policy ratio of the window, before any breach', async () => {
    await setPolicy(stack, secondsPolicy({ resolution: { general: sec(30), major: sec(600), urgent: sec(600) }, atRiskRatio: 0.1 }));
    const c = await intake(stack);
    const atRisk = await eventually(async () => {
      const v = await getComplaint(stack, c.id);
      return v.clocks.resolution.state === 'at_risk' ? v : undefined;
    }, 'the at-risk warning');
    expect(atRisk.breaches).toEqual([]);
    expect(atRisk.escalationLevel).toBe(0);
    expect(await notificationsOf(stack, c.id)).toEqual([expect.objectContaining({ topic: 'complaint.at_risk', recipient_kind: 'user', recipient: agent.userId })]);
    const warning = (await auditRows(stack, c.id)).find((e) => e.action === 'complaint.clock_at_risk');
    expect(warning).toMatchObject({ actor: 'system', after: { clock: 'resolution', state: 'at_risk' } });
    const inbox = await stack.as(agent).get('/api/v1/tasks');
    expect(inbox.body.items.find((t: any) => t.entityId === c.id)).toMatchObject({ kind: 'complaint.respond', deadline: atRisk.clocks.resolution.deadline, deadlineState: 'at_risk' });

    const resolved = await command(stack, agent, c.id, '/resolution', { summary: 'done', remedy: 'none' });
    expect(resolved.clocks.resolution.state).toBe('met');
  });
});

describe('pause', () => {
  it('stops the clock while waiting on the customer; resuming moves the deadline by the time paused', async () => {
    await setPolicy(stack, secondsPolicy({ firstResponse: sec(4) }));
    const c = await intake(stack);
    const paused = await command(stack, agent, c.id, '/pause', { reason: 'customer abroad, call back tomorrow' });
    expect(paused.paused).toBe(true);
    expect(paused.clocks.firstResponse.state).toBe('paused');
    expect((await stack.as(agent).post(`/api/v1/complaints/${c.id}/pause`, { reason: 'again' })).status).toBe(409);
    await sleep(Math.max(0, Date.parse(c.deadlines.firstResponse) + 1_000 - Date.now())); // past the original deadline
    const still = await getComplaint(stack, c.id);
    expect(still.clocks.firstResponse.state).toBe('paused');
    expect(still.breaches).toEqual([]);

    const resumed = await command(stack, agent, c.id, '/resume', { reason: 'customer reachable' });
    expect(resumed.paused).toBe(false);
    expect(resumed.clocks.firstResponse.state).toBe('pending');
    const pausedMs = Date.parse(resumed.pauses[0].resumedAt) - Date.parse(resumed.pauses[0].at);
    expect(Date.parse(resumed.clocks.firstResponse.deadline) - Date.parse(c.deadlines.firstResponse)).toBe(pausedMs);
    const met = await command(stack, agent, c.id, '/responses', { message: 'hello again', channel: 'hotline' });
    expect(met.clocks.firstResponse.state).toBe('met');
    const rows = await auditRows(stack, c.id);
    expect(rows.filter((r) => ['complaint.paused', 'complaint.resumed'].includes(r.action)).map((r) => [r.action, r.actor, r.reason])).toEqual([
      ['complaint.paused', agent.userId, 'customer abroad, call back tomorrow'],
      ['complaint.resumed', agent.userId, 'customer reachable'],
    ]);
  });

  it('is capped by policy: at the cap the clocks run again by themselves, and no further pause is allowed', async () => {
    await setPolicy(stack, secondsPolicy({ maxPause: sec(2) }));
    const c = await intake(stack);
    await command(stack, agent, c.id, '/pause', { reason: 'waiting for documents' });
    const resumed = await eventually(async () => {
      const v = await getComplaint(stack, c.id);
      return v.paused ? undefined : v;
    }, 'the automatic resume at the cap');
    expect(resumed.pauses).toEqual([expect.objectContaining({ reason: 'waiting for documents', resumedBy: 'system', capped: true })]);
    expect(Date.parse(resumed.pauses[0].resumedAt) - Date.parse(resumed.pauses[0].at)).toBe(2_000);
    expect(Date.parse(resumed.clocks.firstResponse.deadline) - Date.parse(c.deadlines.firstResponse)).toBe(2_000);
    expect(resumed.clocks.firstResponse.state).toBe('pending');
    const cap = (await auditRows(stack, c.id)).find((r) => r.action === 'complaint.resumed');
    expect(cap).toMatchObject({ actor: 'system' });
    const again = await stack.as(agent).post(`/api/v1/complaints/${c.id}/pause`, { reason: 'more' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('allowance');
  });
});

describe('a resolution racing a breach', () => {
  it('leaves a consistent state and a complete audit trail whichever wins', async () => {
    await setPolicy(stack, secondsPolicy({ resolution: { general: sec(3), major: sec(600), urgent: sec(600) } }));
    const offsets = [-150, -50, 0, 50, 150];
    const complaints = await Promise.all(offsets.map(() => intake(stack)));
    await Promise.all(
      complaints.map(async (c, i) => {
        await sleep(Math.max(0, Date.parse(c.deadlines.resolution) + offsets[i]! - Date.now()));
        await command(stack, agent, c.id, '/resolution', { summary: 'done', remedy: 'none' });
      }),
    );
    await sleep(300); // let any breach timer still in flight land
    for (const c of complaints) {
      const handle = stack.temporal.workflow.getHandle(complaintWorkflowId(c.id));
      const live = await handle.query(complaintQuery);
      const v = await getComplaint(stack, c.id);
      expect(v.status).toBe('resolved');
      // the projection agrees with the live workflow state (the API adds whether the deadline is provisional)
      expect(v.breaches).toEqual(live.breaches);
      expect(v.clocks.resolution).toEqual({ ...live.clocks.resolution, provisional: false });

      const resolution = v.clocks.resolution;
      const resolutionBreaches = v.breaches.filter((b: any) => b.clock === 'resolution');
      if (resolution.state === 'met') {
        expect(resolutionBreaches).toEqual([]);
        expect(v.escalationLevel).toBe(0);
      } else {
        expect(resolution.state).toBe('breached');
        expect(Date.parse(resolution.metAt)).toBeGreaterThanOrEqual(Date.parse(resolution.breachedAt));
        expect(resolution.breachedAt).toBe(c.deadlines.resolution);
        expect(resolutionBreaches).toHaveLength(1);
        expect(v.escalationLevel).toBe(1);
      }
      const rows = await auditRows(stack, c.id);
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      expect(rows.filter((r) => r.action === 'complaint.clock_breached')).toHaveLength(resolutionBreaches.length);
      expect(rows.filter((r) => r.action === 'complaint.resolved')).toHaveLength(1);
      const chain = await stack.query<{ ok: boolean }>(
        `select bool_and(e.prev_hash is not distinct from p.hash) as ok from audit_events e left join audit_events p
           on p.entity_type = e.entity_type and p.entity_id = e.entity_id and p.seq = e.seq - 1
         where e.entity_type = 'complaint' and e.entity_id = $1`,
        [c.id],
      );
      expect(chain[0]!.ok).toBe(true);
    }
  });
});
