import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingScheduleId, ensureMeetingSchedule } from '../../temporal/schedules.js';
import { meetingWorkflowId } from '../../workflows/meeting/messages.js';
import { targetProposalWorkflowId } from '../../workflows/targets/messages.js';
import { defaultKpiTargets } from '../../domain/targets/targets.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { gates } from '../support/gates.js';
import { recordPastComplaint } from '../support/past-complaints.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * The committee's monthly meeting (docs/meetings.md), on real Temporal and PostgreSQL: convened by
 * its schedule's run (once per month, however often it runs), the agenda assembled from the
 * month's data, attendance and quorum, decisions (an improvement action raised, a target change
 * approved through the targets' own process, a launched product's fix recorded on its review
 * item), unsigned minutes reminding the chair and escalating, the chair's signature, the minutes
 * document and the audit chain.
 */
let stack: Stack;
const { admin, chair, m1, m2, m4, auditor, agent } = people;
const month = '2025-11'; // reviews October 2025; no other test file convenes it
const initiativeId = `ini-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  stack = await startStack();
  const g = gates(stack);
  await g.roster();
  await g.policy();
  expect((await stack.as(admin).put('/api/v1/policies/meetings', { minutesReminder: { amount: 3, unit: 'second' }, minutesEscalation: { amount: 6, unit: 'second' }, hotIssues: 2 })).status).toBe(200);
  // October 2025: four complaints about undisclosed fees, one about an outage.
  for (const [i, code] of ['fees_pricing.undisclosed', 'fees_pricing.undisclosed', 'fees_pricing.undisclosed', 'fees_pricing.undisclosed', 'system_technology.outage'].entries()) {
    await recordPastComplaint(stack.database.db, { receivedAt: `2025-10-0${i + 2}T10:00:00+08:00`, category: 'product', channel: 'app', severity: 'general', firstResponse: 'met', resolvedAt: `2025-10-0${i + 2}T15:00:00+08:00`, rootCause: { code, group: code.split('.')[0]! } }, 'cai');
  }
  // A launched product of retail-cards with a post-launch review item waiting for the committee.
  await stack.query(
    `insert into initiatives (id, name, business_line, description, team, owner, owner_name, stage, status, created_at, updated_at, projection_version)
     values ($1, 'Instant virtual card', 'banking', 'd', 'retail-cards', 'pat', 'Pat Product', 'launched', 'launched', now(), now(), 1)`,
    [initiativeId],
  );
  await stack.query(`insert into post_launch_reviews (id, initiative_id, raised_at, complaint_count, threshold, window_start, window_end, chair) values ($1, $2, now(), 14, 10, now(), now(), 'gm')`, [`${initiativeId}-plr`, initiativeId]);
  // The month's report.
  const report = await stack.as(admin).post('/api/v1/reports/monthly/2025-10/regenerate', {});
  expect(report.status, JSON.stringify(report.body)).toBe(200);
});
afterAll(async () => stack?.stop());

const meeting = (id: string, who = chair) => stack.as(who).get(`/api/v1/meetings/${id}`);
const post = (id: string, path: string, body: unknown, who = chair) => stack.as(who).post(`/api/v1/meetings/${id}${path}`, body);
const trail = (id: string) => stack.query<{ action: string; actor: string; after: any }>(`select action, actor, after from audit_events where entity_type = 'meeting' and entity_id = $1 order by seq`, [id]);
const notes = (id: string, topic: string) => stack.query<{ recipient: string }>(`select recipient from notifications where entity_type = 'meeting' and entity_id = $1 and topic = $2 order by id`, [id, topic]);
const tick = (asOf: string) => stack.temporal.workflow.execute('monthlyMeetingWorkflow', { workflowId: `test-meeting-tick-${randomUUID()}`, taskQueue: stack.taskQueue, args: [{ asOf }] });

describe('the monthly meeting', () => {
  let proposalId: string;

  it('is convened once per month by the schedule’s run, with the agenda assembled from the month’s data', async () => {
    const proposed = await stack.as(admin).post('/api/v1/targets/proposals', { targets: { ...defaultKpiTargets, satisfaction: 0.85 }, reason: 'the survey changed' });
    expect(proposed.status).toBe(201);
    proposalId = proposed.body.id;

    expect(await tick('2025-11-03T01:00:00Z')).toEqual({ meetingId: month, started: true });
    expect(await tick('2025-11-20T01:00:00Z')).toEqual({ meetingId: month, started: false }); // the same month: nothing new
    const m = await eventually(async () => ((await meeting(month)).status === 200 ? (await meeting(month)).body : undefined), 'the meeting recorded');
    expect(m).toMatchObject({ id: month, kind: 'monthly', reviewedMonth: '2025-10', status: 'in_session', chairUserId: 'gm', quorum: { required: 3, present: 0, met: false } });
    const keys = m.items.map((i: { key: string }) => i.key);
    expect(keys).toEqual(['quality_report:2025-10', 'hot_issue:rootCause:fees_pricing.undisclosed', 'hot_issue:rootCause:system_technology.outage', `post_launch:${initiativeId}-plr`, `target_proposal:${proposalId}`]);
    const [report, fees, , postLaunch] = m.items;
    expect(report.facts).toMatchObject({ generated: true, received: 5 });
    expect(fees).toMatchObject({ kind: 'hot_issue', facts: { count: 4 }, decisions: ['noted', 'raise_action'], decision: null });
    expect(postLaunch).toMatchObject({ recused: ['m4'], stake: { team: 'retail-cards' }, decisions: ['post_launch_continue', 'post_launch_fix', 'post_launch_withdraw'] });
    // Every member is told, and has "attend" in the inbox.
    expect((await notes(month, 'meeting.convened')).map((n) => n.recipient).sort()).toEqual(['gm', 'm1', 'm2', 'm3', 'm4']);
    expect((await stack.as(m1).get('/api/v1/tasks')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'meeting.attend', entityType: 'meeting', entityId: month })]));
    expect((await stack.as(m1).get(`/api/v1/meetings?month=${month}`)).body.items.map((i: { id: string }) => i.id)).toEqual([month]);
    expect((await stack.as(agent).get(`/api/v1/meetings/${month}`)).status).toBe(403);
  });

  it('records attendance; decisions need the chair, present, with quorum, and respect recusal', async () => {
    expect((await post(month, '/decisions', { itemKey: `quality_report:2025-10`, decision: 'noted' })).status).toBe(409); // the chair is not present
    expect((await post(month, '/attendance', {})).status).toBe(200);
    expect((await post(month, '/attendance', {}, m1)).status).toBe(200);
    expect((await post(month, '/attendance', { userId: 'm2' }, m1)).status).toBe(403); // only the chair records another member
    expect((await post(month, '/attendance', {}, m1)).status).toBe(409);
    const noQuorum = await post(month, '/decisions', { itemKey: `quality_report:2025-10`, decision: 'noted' });
    expect(noQuorum.status).toBe(409);
    expect(noQuorum.body.detail).toContain('quorum');
    expect((await post(month, '/attendance', { userId: 'm4' })).body.quorum).toEqual({ required: 3, present: 3, met: true });
    // The item about retail-cards' product: m4 is recused from it, so of its 4 eligible members 2 are present (2 needed).
    const present = (await meeting(month)).body;
    expect(present.items.find((i: { key: string }) => i.key === `post_launch:${initiativeId}-plr`).quorum).toEqual({ required: 2, present: 2, met: true });
    expect((await post(month, '/decisions', { itemKey: `post_launch:${initiativeId}-plr`, decision: 'post_launch_continue', comment: 'mine' }, m4)).status).toBe(403);
    expect((await post(month, '/decisions', { itemKey: `quality_report:2025-10`, decision: 'noted' }, m1)).status).toBe(403); // not the chair
    expect((await stack.as(people.nobody).post(`/api/v1/meetings/${month}/decisions`, { itemKey: 'x', decision: 'noted' })).status).toBe(403);
    const noComment = await post(month, '/decisions', { itemKey: 'hot_issue:rootCause:fees_pricing.undisclosed', decision: 'raise_action' });
    expect(noComment.status).toBe(400);
    expect((await post(month, '/signature'.replace('/signature', '/minutes/signature'), { confirm: true })).status).toBe(409); // items undecided
    expect((await post(month, '/attendance', {}, m2)).status).toBe(200);
  });

  it('decides every item: an action raised, a product to fix, a target change approved through the targets’ process', async () => {
    expect((await post(month, '/decisions', { itemKey: 'quality_report:2025-10', decision: 'noted' })).status).toBe(200);
    const raised = await post(month, '/decisions', {
      itemKey: 'hot_issue:rootCause:fees_pricing.undisclosed',
      decision: 'raise_action',
      comment: 'Fees surprise customers',
      action: { title: 'Disclose the fees before purchase', plan: 'New fee page and a check at checkout', owner: { userId: 'pat', name: 'Pat Product' }, ownerDepartment: 'retail-cards', dueInDays: 10 },
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    const fees = raised.body.items.find((i: { key: string }) => i.key === 'hot_issue:rootCause:fees_pricing.undisclosed');
    expect(fees.decision).toMatchObject({ decision: 'raise_action', by: 'gm', quorum: { required: 3, present: 4 }, action: { actionId: `committee.${month}:2`, title: 'Disclose the fees before purchase' } });
    // The action is an improvement workflow of its own, started under the id its source gives.
    const child = await stack.temporal.workflow.getHandle(`improvement-committee.${month}:2`).describe();
    expect(child.type).toBe('improvementWorkflow');
    // The same decision again is refused (decided), and raises nothing twice.
    expect((await post(month, '/decisions', { itemKey: 'hot_issue:rootCause:fees_pricing.undisclosed', decision: 'noted' })).status).toBe(409);

    expect((await post(month, '/decisions', { itemKey: 'hot_issue:rootCause:system_technology.outage', decision: 'noted' })).status).toBe(200);
    const fix = await post(month, '/decisions', {
      itemKey: `post_launch:${initiativeId}-plr`,
      decision: 'post_launch_fix',
      comment: 'Login fails on older phones',
      action: { title: 'Fix login on older phones', plan: 'Support Android 9', owner: { userId: 'pat', name: 'Pat Product' }, ownerDepartment: 'retail-cards', dueInDays: 5 },
    });
    expect(fix.status, JSON.stringify(fix.body)).toBe(200);
    const [item] = await stack.query(`select status, decision, meeting_id, decided_by, decision_comment, action_id from post_launch_reviews where id = $1`, [`${initiativeId}-plr`]);
    expect(item).toEqual({ status: 'decided', decision: 'fix', meeting_id: month, decided_by: 'gm', decision_comment: 'Login fails on older phones', action_id: `post_launch_review.${initiativeId}-plr` });
    // The initiative's page shows the item with the meeting's decision (the projection holds the
    // item as the launched initiative's workflow records it).
    const postLaunch = { windowStart: '2025-09-01T00:00:00.000Z', windowEnd: '2025-12-01T00:00:00.000Z', threshold: 10, linkedComplaints: 14, status: 'monitoring', reviewItem: { id: `${initiativeId}-plr`, raisedAt: '2025-10-20T00:00:00.000Z', complaintCount: 14, threshold: 10 } };
    await stack.query('update initiatives set post_launch = $2 where id = $1', [initiativeId, JSON.stringify(postLaunch)]);
    const served = await stack.as(admin).get(`/api/v1/initiatives/${initiativeId}`);
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    expect(served.body.postLaunch.reviewItem.decision).toEqual({ decision: 'fix', meetingId: month, decidedBy: 'gm', decidedAt: expect.any(String), comment: 'Login fails on older phones', actionId: `post_launch_review.${initiativeId}-plr` });

    const approved = await post(month, '/decisions', { itemKey: `target_proposal:${proposalId}`, decision: 'target_approved', comment: 'agreed: the survey changed' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('minutes_ready');
    const proposal = (await stack.as(admin).get(`/api/v1/targets/proposals/${proposalId}`)).body;
    expect(proposal).toMatchObject({ status: 'approved', decision: { via: { kind: 'meeting', meetingId: month }, by: `meeting-${month}`, comment: 'agreed: the survey changed' } });
    expect((await stack.as(agent).get('/api/v1/policies/targets')).body.targets.satisfaction).toBe(0.85);
    await stack.temporal.workflow.getHandle(targetProposalWorkflowId(proposalId)).result();
    // The chair has the minutes to sign.
    expect((await stack.as(chair).get('/api/v1/tasks')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'meeting.sign', entityId: month })]));
    expect((await notes(month, 'meeting.minutes_ready')).map((n) => n.recipient)).toEqual(['gm']);
  });

  it('unsigned minutes remind the chair, then escalate to the administrators and compliance; the chair signs; the minutes list the decisions and actions', async () => {
    await eventually(async () => (await notes(month, 'meeting.minutes_escalated')).length > 0, 'the escalation', 30_000);
    expect((await notes(month, 'meeting.minutes_reminder')).map((n) => n.recipient)).toEqual(['gm']);
    expect((await notes(month, 'meeting.minutes_escalated')).map((n) => n.recipient)).toEqual(['admin', 'compliance_auditor', 'gm']);
    const v = (await meeting(month)).body;
    expect(Date.parse(v.minutes.remindedAt)).toBeLessThan(Date.parse(v.minutes.escalatedAt));

    expect((await post(month, '/minutes/signature', { confirm: true }, m1)).status).toBe(403);
    expect((await post(month, '/minutes/signature', { confirm: false })).status).toBe(400);
    const signed = await post(month, '/minutes/signature', { confirm: true });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signed', minutes: { signedBy: 'gm' } });
    expect((await post(month, '/attendance', {}, people.m3)).status).toBe(409);

    const minutes = await stack.as(auditor).get(`/api/v1/meetings/${month}/minutes`);
    expect(minutes.status).toBe(200);
    expect(minutes.headers.get('content-type')).toContain('text/html');
    const html = String(minutes.body);
    expect(html).toContain('Signed by Grace GM (chair)');
    expect(html).toContain('Improvement action raised');
    expect(html).toContain('Disclose the fees before purchase');
    expect(html).toContain(`committee.${month}:2`);
    expect(html).toContain('Post-launch: fix');
    expect(html).toContain('@media print');

    await stack.temporal.workflow.getHandle(meetingWorkflowId(month)).result();
    expect((await trail(month)).map((e) => e.action)).toEqual([
      'meeting.convened',
      ...Array(4).fill('meeting.attended'),
      ...Array(5).fill('meeting.item_decided'),
      'meeting.minutes_reminder_sent',
      'meeting.minutes_escalated',
      'meeting.minutes_signed',
    ]);
    expect((await stack.as(auditor).get(`/api/v1/audit/verify?entityType=meeting&entityId=${month}`)).body.ok).toBe(true);
    await saveReplayFixture(stack.temporal, meetingWorkflowId(month), 'meeting-signed');
  });
});

describe('convening', () => {
  it('the chair convenes an extra meeting of the month; nobody else does', async () => {
    expect((await stack.as(m1).post('/api/v1/meetings', { month, reason: 'urgent' })).status).toBe(403);
    const extra = await stack.as(chair).post('/api/v1/meetings', { month, reason: 'A fee complaint spike' });
    expect(extra.status, JSON.stringify(extra.body)).toBe(201);
    expect(extra.body).toMatchObject({ id: `${month}-extra-1`, kind: 'extra', reason: 'A fee complaint spike', convenedBy: 'gm', status: 'in_session' });
    // The post-launch item and the target change are decided: they are not on the agenda again.
    expect(extra.body.items.map((i: { kind: string }) => i.kind)).toEqual(['quality_report', 'hot_issue', 'hot_issue']);
    const added = await post(`${month}-extra-1`, '/items', { title: 'Branch queue times', description: 'Seen at the Pudong branch' });
    expect(added.status).toBe(200);
    expect(added.body.items.at(-1)).toMatchObject({ key: 'chair_item:1', kind: 'chair_item', title: 'Branch queue times', addedBy: 'gm' });
    expect((await post(`${month}-extra-1`, '/items', { title: 'Mine', description: '' }, m1)).status).toBe(403);
    expect((await stack.as(chair).post('/api/v1/meetings', { month, reason: 'again' })).body.id).toBe(`${month}-extra-2`);
  });

  it('the schedule convenes the current month’s meeting when it fires, and creating it again changes nothing', async () => {
    const idPrefix = `t${randomUUID().slice(0, 8)}`;
    const o = { taskQueue: stack.taskQueue, timeZone: 'Asia/Shanghai', idPrefix };
    const scheduleId = await ensureMeetingSchedule(stack.temporal, o);
    expect(scheduleId).toBe(meetingScheduleId(idPrefix));
    expect(await ensureMeetingSchedule(stack.temporal, o)).toBe(scheduleId);
    const handle = stack.temporal.schedule.getHandle(scheduleId);
    try {
      await handle.trigger();
      const current = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
      const m = await eventually(async () => ((await meeting(current)).status === 200 ? (await meeting(current)).body : undefined), 'the scheduled meeting', 30_000);
      expect(m).toMatchObject({ id: current, kind: 'monthly', convenedBy: 'system' });
    } finally {
      await handle.delete();
    }
  });
});
