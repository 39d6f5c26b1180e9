import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFromCsv } from '../../domain/reports/csv.js';
import { complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { command, getComplaint, intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates } from '../support/gates.js';
import { recordPastComplaint, type PastComplaint } from '../support/past-complaints.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * Root causes on resolutions, the hot issues and the accountable KPIs, against hand-computed
 * values: September 2025 (Asia/Shanghai) with eleven complaints whose root causes, products,
 * agents, teams and deadlines are known, and the period before it of equal length (2 August to
 * 31 August) with six. Written through the record activity's own code path (the API takes
 * complaints received now only), as the workflow would have written them.
 */
let stack: Stack;
const { agent, supervisor, auditor, admin, m1 } = people;
beforeAll(async () => {
  stack = await startStack();
  await gates(stack).roster();
  await setPolicy(stack, secondsPolicy());
});
afterAll(async () => stack?.stop());

const rc = (code: string) => ({ code, group: code.split('.')[0]! });
const fees = rc('fees_pricing.undisclosed');
const outage = rc('system_technology.outage');
const attitude = rc('staff_conduct.attitude');
const tooSlow = rc('process_policy.too_slow');

type Row = Partial<PastComplaint> & { at: string; agent: string; key: string };
const day = (d: string, time = '10:00') => `${d}T${time}:00+08:00`;
const onTime = (at: string) => ({ resolvedAt: at.replace('10:00', '15:00') });
const late = (at: string) => ({ breaches: [{ clock: 'resolution', at: at.replace('10:00', '16:00'), level: 1 }] });
const closed = (at: string, feedback = [true]) => ({ ...onTime(at), closedAt: at.replace('10:00', '17:00'), feedback });

// September: eleven complaints. cai and cora are customer-service agents, dan is at the branches.
const september: Row[] = [
  { key: 's1', at: day('2025-09-02'), agent: 'cai', agentTeam: 'customer-service', rootCause: { ...fees, initiativeId: 'p1' }, category: 'product', channel: 'app', severity: 'general', ...closed(day('2025-09-02')) },
  { key: 's2', at: day('2025-09-03'), agent: 'cai', agentTeam: 'customer-service', rootCause: { ...fees, initiativeId: 'p1' }, category: 'product', channel: 'hotline', severity: 'general', ...closed(day('2025-09-03')), repeatOf: ['earlier'] },
  { key: 's3', at: day('2025-09-04'), agent: 'cai', agentTeam: 'customer-service', department: 'cards-ops', rootCause: { ...fees, initiativeId: 'p1' }, category: 'product', channel: 'app', severity: 'general', ...closed(day('2025-09-04'), [false, true]), ...late(day('2025-09-04')) },
  { key: 's4', at: day('2025-09-05'), agent: 'cai', agentTeam: 'customer-service', rootCause: { ...fees, initiativeId: 'p2' }, category: 'product', channel: 'email', severity: 'general' },
  { key: 's5', at: day('2025-09-08'), agent: 'cora', agentTeam: 'customer-service', rootCause: { ...outage, initiativeId: 'p2' }, category: 'system_technical', channel: 'app', severity: 'urgent', ...onTime(day('2025-09-08')) },
  { key: 's6', at: day('2025-09-09'), agent: 'cora', agentTeam: 'customer-service', department: 'it-ops', rootCause: { ...outage, initiativeId: 'p2' }, category: 'system_technical', channel: 'app', severity: 'urgent', ...onTime(day('2025-09-09')), ...late(day('2025-09-09')) },
  { key: 's7', at: day('2025-09-10'), agent: 'cora', agentTeam: 'customer-service', department: 'it-ops', rootCause: { ...outage, initiativeId: 'p2' }, category: 'system_technical', channel: 'online_chat', severity: 'urgent', ...late(day('2025-09-10')) },
  { key: 's8', at: day('2025-09-15'), agent: 'dan', agentTeam: 'branch-service', rootCause: attitude, category: 'service', channel: 'branch', severity: 'general', ...closed(day('2025-09-15')), repeatOf: ['earlier'] },
  { key: 's9', at: day('2025-09-16'), agent: 'dan', agentTeam: 'branch-service', rootCause: attitude, category: 'service', channel: 'hotline', severity: 'general', ...closed(day('2025-09-16')) },
  { key: 's10', at: day('2025-09-22'), agent: 'dan', agentTeam: 'branch-service', initiativeId: 'p1', category: 'service', channel: 'hotline', severity: 'general' },
  { key: 's11', at: day('2025-09-30', '23:30'), agent: 'dan', agentTeam: 'branch-service', category: 'policy_process', channel: 'email', severity: 'general', resolvedAt: day('2025-09-30', '23:40'), closedAt: day('2025-09-30', '23:50'), feedback: [true] },
];
// The period before, of equal length: [2 August, 1 September) local. 1 August and 1 October are outside both.
const before: Row[] = [
  { key: 'a1', at: day('2025-08-02', '00:10'), agent: 'cai', rootCause: { ...fees, initiativeId: 'p1' }, category: 'product', channel: 'app', severity: 'general' },
  { key: 'a2', at: day('2025-08-12'), agent: 'cai', rootCause: { ...outage, initiativeId: 'p2' }, category: 'system_technical', channel: 'app', severity: 'urgent' },
  { key: 'a3', at: day('2025-08-13'), agent: 'cai', rootCause: { ...outage, initiativeId: 'p2' }, category: 'system_technical', channel: 'app', severity: 'urgent' },
  { key: 'a4', at: day('2025-08-14'), agent: 'cai', rootCause: { ...outage, initiativeId: 'p2' }, category: 'system_technical', channel: 'app', severity: 'urgent' },
  { key: 'a5', at: day('2025-08-20'), agent: 'cai', rootCause: tooSlow, category: 'policy_process', channel: 'branch', severity: 'general' },
  { key: 'a6', at: day('2025-08-31', '23:59'), agent: 'cai', rootCause: tooSlow, category: 'policy_process', channel: 'branch', severity: 'general' },
];
const outside: Row[] = [
  { key: 'o1', at: day('2025-08-01', '23:50'), agent: 'cai', rootCause: { ...fees, initiativeId: 'p1' }, category: 'product', channel: 'app', severity: 'general' },
  { key: 'o2', at: day('2025-10-01', '00:05'), agent: 'cai', rootCause: { ...fees, initiativeId: 'p1' }, category: 'product', channel: 'app', severity: 'general' },
];

const ids = new Map<string, string>();
async function seed(rows: Row[]) {
  for (const { key, at, agent: agentId, ...p } of rows) {
    const id = await recordPastComplaint(stack.database.db, { category: 'service', channel: 'hotline', severity: 'general', firstResponse: 'met', ...p, receivedAt: at }, agentId);
    ids.set(key, id);
  }
}

const item = (key: string, count: number, previous: number, o: { repeats: number; onTime: number; late: number }) => ({
  key,
  count,
  previous,
  change: count - previous,
  changeRate: previous ? Math.round(((count - previous) / previous) * 10_000) / 10_000 : null,
  share: Math.round((count / 11) * 10_000) / 10_000,
  repeats: o.repeats,
  repeatShare: Math.round((o.repeats / count) * 10_000) / 10_000,
  firstResponseOnTime: 1,
  resolutionOnTime: o.onTime + o.late ? Math.round((o.onTime / (o.onTime + o.late)) * 10_000) / 10_000 : null,
  resolutionSettled: o.onTime + o.late,
});

describe('hot issues of September 2025', () => {
  beforeAll(async () => {
    await seed([...september, ...before, ...outside]);
  });

  it('rank root causes, groups, categories and products by count, against August, with repeats and on-time rates', async () => {
    const res = await stack.as(auditor).get('/api/v1/reports/hot-issues?from=2025-09-01&to=2025-10-01');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const h = res.body;
    expect([h.from, h.to, h.previousFrom, h.previousTo, h.timeZone]).toEqual(['2025-08-31T16:00:00.000Z', '2025-09-30T16:00:00.000Z', '2025-08-01T16:00:00.000Z', '2025-08-31T16:00:00.000Z', 'Asia/Shanghai']);
    expect([h.received, h.previousReceived, h.withoutRootCause, h.repeatShare]).toEqual([11, 6, 2, 0.1818]); // s10 and s11 have no root cause; s2 and s8 repeat
    // s1–s4: 2 in time (s1, s2), 1 late (s3), 1 pending; s5–s7: 1 in time, 2 late; s8, s9 in time.
    expect(h.rootCauses).toEqual([
      item('fees_pricing.undisclosed', 4, 1, { repeats: 1, onTime: 2, late: 1 }),
      item('system_technology.outage', 3, 3, { repeats: 0, onTime: 1, late: 2 }),
      item('staff_conduct.attitude', 2, 0, { repeats: 1, onTime: 2, late: 0 }),
    ]);
    expect(h.rootCauseGroups).toEqual([
      item('fees_pricing', 4, 1, { repeats: 1, onTime: 2, late: 1 }),
      item('system_technology', 3, 3, { repeats: 0, onTime: 1, late: 2 }),
      item('staff_conduct', 2, 0, { repeats: 1, onTime: 2, late: 0 }),
    ]);
    expect(h.categories).toEqual([
      item('product', 4, 1, { repeats: 1, onTime: 2, late: 1 }),
      item('service', 3, 0, { repeats: 1, onTime: 2, late: 0 }), // s8, s9 in time, s10 pending
      item('system_technical', 3, 3, { repeats: 0, onTime: 1, late: 2 }),
      item('policy_process', 1, 2, { repeats: 0, onTime: 1, late: 0 }),
    ]);
    // p1: s1–s3 (the root cause names it) and s10 (linked at intake); p2: s4–s7.
    expect(h.products).toEqual([item('p1', 4, 1, { repeats: 1, onTime: 2, late: 1 }), item('p2', 4, 3, { repeats: 0, onTime: 1, late: 2 })]);
    // Lowest on-time rate first; ties: more settled, then category < product < rootCause, then key.
    expect(h.worstOnTime.map((i: { dimension: string; key: string; resolutionOnTime: number }) => [i.dimension, i.key, i.resolutionOnTime])).toEqual([
      ['category', 'system_technical', 0.3333],
      ['product', 'p2', 0.3333],
      ['rootCause', 'system_technology.outage', 0.3333],
      ['category', 'product', 0.6667],
      ['product', 'p1', 0.6667],
      ['rootCause', 'fees_pricing.undisclosed', 0.6667],
      ['category', 'service', 1],
      ['rootCause', 'staff_conduct.attitude', 1],
      ['category', 'policy_process', 1],
    ]);
    // `limit` cuts every list.
    const top = (await stack.as(auditor).get('/api/v1/reports/hot-issues?from=2025-09-01&to=2025-10-01&limit=1')).body;
    expect([top.rootCauses.length, top.categories.length, top.products.length, top.worstOnTime.length]).toEqual([1, 1, 1, 1]);
  });

  it('each bar drills down to the complaints behind it', async () => {
    const list = async (q: string) => ((await stack.as(supervisor).get(`/api/v1/complaints?${q}&limit=200`)).body.items as { id: string }[]).map((c) => c.id).sort();
    const keys = (...k: string[]) => k.map((x) => ids.get(x)!).sort();
    const sept = 'from=2025-09-01&to=2025-10-01';
    expect(await list(`rootCause=system_technology.outage&${sept}`)).toEqual(keys('s5', 's6', 's7'));
    expect(await list(`rootCauseGroup=fees_pricing&${sept}`)).toEqual(keys('s1', 's2', 's3', 's4'));
    expect(await list(`product=p1&${sept}`)).toEqual(keys('s1', 's2', 's3', 's10'));
    expect(await list(`category=service&${sept}`)).toEqual(keys('s8', 's9', 's10'));
    expect(await list('rootCause=fees_pricing.undisclosed&from=2025-08-02&to=2025-09-01')).toEqual(keys('a1'));
    expect(await list(`agent=dan&${sept}`)).toEqual(keys('s8', 's9', 's10', 's11'));
    expect(await list(`department=it-ops&${sept}`)).toEqual(keys('s6', 's7'));
    expect((await stack.as(supervisor).get('/api/v1/complaints?from=2025-13-01')).status).toBe(400);
  });

  it('the committee’s members read them; other roles read the KPIs in their scope, without the accountable tables, and not the hot issues', async () => {
    expect((await stack.as(m1).get('/api/v1/reports/hot-issues?from=2025-09-01&to=2025-10-01')).status).toBe(200);
    expect((await stack.as(m1).get('/api/v1/reports/kpis?from=2025-09-01&to=2025-10-01')).status).toBe(200);
    expect((await stack.as(agent).get('/api/v1/reports/hot-issues?from=2025-09-01&to=2025-10-01')).status).toBe(403);
    // A product owner reads the KPIs of their own products only (docs/reports.md "Who reads what").
    const owners = await stack.as(people.owner).get('/api/v1/reports/kpis?from=2025-09-01&to=2025-10-01');
    expect(owners.status).toBe(200);
    expect(owners.body.kpis.accountability).toBeUndefined();
  });

  it('accountable KPIs per department, team and agent, each unit judged against the targets', async () => {
    const res = await stack.as(auditor).get('/api/v1/reports/kpis?from=2025-09-01&to=2025-10-01');
    expect(res.status).toBe(200);
    const { targets, accountability: a, onTime } = res.body.kpis;
    expect(targets).toEqual({ version: 0, firstResponseOnTime: 0.9, resolutionRate: 0.98, resolutionOnTime: { bySeverity: { general: 0.95, major: 0.95, urgent: 0.98 } }, satisfaction: 0.9, gateReviewCycleWorkingHours: 45, callbackCoverage: 1 });
    expect(onTime.resolution.bySeverity).toEqual({ general: 0.8333, major: null, urgent: 0.3333 }); // general: s1, s2, s8, s9, s11 in time, s3 late; urgent: s5 | s6, s7
    // Agents: cai s1–s4, cora s5–s7, dan s8–s11.
    expect(a.agent.received.byUnit).toEqual({ cai: 4, cora: 3, dan: 4 });
    expect(a.agent.resolutionOnTime.byUnit).toEqual({ cai: 0.6667, cora: 0.3333, dan: 1 });
    expect(a.agent.resolutionOnTimeTarget.byUnit).toEqual({ cai: 0.95, cora: 0.98, dan: 0.95 });
    expect(a.agent.resolutionRate.byUnit).toEqual({ cai: 0.75, cora: 0.6667, dan: 0.75 });
    expect(a.agent.satisfaction.byUnit).toEqual({ cai: 0.75, cora: null, dan: 1 }); // cai: s3 not satisfied once
    expect(a.agent.reopenRate.byUnit).toEqual({ cai: 0.25, cora: 0, dan: 0 });
    expect(a.agent.repeatRate.byUnit).toEqual({ cai: 0.25, cora: 0, dan: 0.25 });
    expect(a.agent.firstResponseOnTime.byUnit).toEqual({ cai: 1, cora: 1, dan: 1 });
    // cai misses resolution on time, resolution rate and satisfaction; cora the first two; dan the resolution rate.
    expect(a.agent.underTarget.byUnit).toEqual({ cai: 3, cora: 2, dan: 1 });
    // Teams: the first responder's.
    expect(a.team.received.byUnit).toEqual({ 'branch-service': 4, 'customer-service': 7 });
    expect(a.team.resolutionOnTimeTarget.byUnit).toEqual({ 'branch-service': 0.95, 'customer-service': 0.965 }); // (3 × 0.95 + 3 × 0.98) / 6
    expect(a.team.resolutionOnTime.byUnit).toEqual({ 'branch-service': 1, 'customer-service': 0.5 });
    expect(a.team.underTarget.byUnit).toEqual({ 'branch-service': 1, 'customer-service': 3 });
    // Departments: the one transferred to, else the first responder's team.
    expect(a.department.received.byUnit).toEqual({ 'branch-service': 4, 'cards-ops': 1, 'customer-service': 4, 'it-ops': 2 });
    expect(a.department.resolutionRate.byUnit).toEqual({ 'branch-service': 0.75, 'cards-ops': 1, 'customer-service': 0.75, 'it-ops': 0.5 });
    expect(a.department.resolutionOnTimeTarget.byUnit).toEqual({ 'branch-service': 0.95, 'cards-ops': 0.95, 'customer-service': 0.96, 'it-ops': 0.98 });
    expect(a.department.underTarget.byUnit).toEqual({ 'branch-service': 1, 'cards-ops': 2, 'customer-service': 1, 'it-ops': 2 });

    // Drill-down: the agents of one team only.
    const team = (await stack.as(auditor).get('/api/v1/reports/kpis?from=2025-09-01&to=2025-10-01&groupBy=agent&team=customer-service')).body.kpis.accountability;
    expect(Object.keys(team)).toEqual(['agent']);
    expect(team.agent.received.byUnit).toEqual({ cai: 4, cora: 3 });
  });

  it('the monthly report and its CSV carry the accountable KPIs and the targets', async () => {
    const res = await stack.as(supervisor).post('/api/v1/reports/monthly/2025-09/regenerate');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const live = await stack.as(auditor).get('/api/v1/reports/kpis?from=2025-09-01&to=2025-10-01');
    expect(res.body.kpis).toEqual(live.body.kpis);
    const csv = await stack.as(m1).get('/api/v1/reports/monthly/2025-09', { accept: 'text/csv' });
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('kpis.accountability.agent.underTarget.byUnit,cai,3\r\n');
    expect(csv.body).toContain('kpis.targets.resolutionOnTime.bySeverity,urgent,0.98\r\n');
    expect(reportFromCsv(csv.body)).toEqual(res.body);
  });
});

describe('root causes on resolutions', () => {
  it('a resolution names a cause of the taxonomy; unknown causes, groups and products are refused', async () => {
    const c = await intake(stack);
    const bad = async (rootCause: unknown) => stack.as(agent).post(`/api/v1/complaints/${c.id}/resolution`, { summary: 'Fee refunded', remedy: 'refund', rootCause });
    const unknown = await bad({ code: 'fees_pricing.nonsense' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'body.rootCause.code', message: expect.stringContaining('not a cause') }]);
    expect((await bad({ code: 'fees_pricing' })).body.detail).toContain('is a group');
    expect((await bad({ code: 'fees_pricing.undisclosed', initiativeId: 'no-such-product' })).body.errors[0].path).toBe('body.rootCause.initiativeId');
    expect((await getComplaint(stack, c.id)).status).toBe('open');

    const resolved = await command(stack, agent, c.id, '/resolution', { summary: 'Fee refunded', remedy: 'refund', rootCause: { code: 'fees_pricing.undisclosed' } });
    expect(resolved.rootCause).toMatchObject({ code: 'fees_pricing.undisclosed', group: 'fees_pricing', initiativeId: null, taxonomyVersion: 0, by: agent.userId, via: 'resolution' });
    expect(resolved.resolutions[0].rootCause).toEqual({ code: 'fees_pricing.undisclosed', group: 'fees_pricing', initiativeId: null, taxonomyVersion: 0 });
    const [row] = await stack.query('select root_cause, root_cause_group, agent_team, facts_version from complaints where id = $1', [c.id]);
    expect(row).toEqual({ root_cause: 'fees_pricing.undisclosed', root_cause_group: 'fees_pricing', agent_team: 'customer-service', facts_version: 2 });
  });

  it('the policy decides whether one is required; the taxonomy is versioned and audited', async () => {
    const taxonomy = (await stack.as(agent).get('/api/v1/policies/root-causes')).body;
    expect(taxonomy.groups.map((g: { code: string }) => g.code)).toEqual(['product_design', 'fees_pricing', 'process_policy', 'system_technology', 'staff_conduct', 'communication_disclosure', 'third_party']);
    // Codes must be unique across the tree.
    const duplicate = await stack.as(admin).put('/api/v1/policies/root-causes', { ...taxonomy, groups: [...taxonomy.groups, { code: 'fees_pricing', label: { zh: '重复', en: 'Twice' }, children: [{ code: 'x.y', label: { zh: 'x', en: 'x' } }] }] });
    expect(duplicate.status).toBe(400);
    const required = await stack.as(admin).put('/api/v1/policies/root-causes', { ...taxonomy, requiredOnResolution: true });
    expect(required.status).toBe(200);
    try {
      const c = await intake(stack);
      const missing = await stack.as(agent).post(`/api/v1/complaints/${c.id}/resolution`, { summary: 'Apology', remedy: 'apology' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].path).toBe('body.rootCause');
      const named = await command(stack, agent, c.id, '/resolution', { summary: 'Apology', remedy: 'apology', rootCause: { code: 'staff_conduct.attitude' } });
      expect(named.rootCause).toMatchObject({ code: 'staff_conduct.attitude', taxonomyVersion: 1 });
    } finally {
      expect((await stack.as(admin).put('/api/v1/policies/root-causes', taxonomy)).status).toBe(200);
    }
    const trail = await stack.query<{ action: string; after: { requiredOnResolution: boolean; version: number } }>(`select action, after from audit_events where entity_type = 'policy' and entity_id = 'rootCauses' order by seq`);
    expect(trail.map((e) => [e.action, e.after.requiredOnResolution, e.after.version])).toEqual([
      ['rootCauses.updated', true, 1],
      ['rootCauses.updated', false, 2],
    ]);
  });

  it('a supervisor corrects it with a reason, while the complaint runs and once it is closed; audited', async () => {
    const c = await intake(stack);
    await command(stack, agent, c.id, '/resolution', { summary: 'Fee refunded', remedy: 'refund', rootCause: { code: 'fees_pricing.undisclosed' } });
    const body = { code: 'communication_disclosure.unclear', reason: 'the fee was disclosed, the letter was unclear' };
    expect((await stack.as(agent).post(`/api/v1/complaints/${c.id}/root-cause`, body)).status).toBe(403);
    expect((await stack.as(supervisor).post(`/api/v1/complaints/${c.id}/root-cause`, { code: body.code })).status).toBe(400);
    const corrected = await command(stack, supervisor, c.id, '/root-cause', body);
    expect(corrected.rootCause).toMatchObject({ code: 'communication_disclosure.unclear', group: 'communication_disclosure', via: 'correction', by: supervisor.userId, reason: body.reason });
    expect(corrected.status).toBe('resolved'); // an annotation: the handling goes on

    const closed = await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'fine' });
    expect(closed.status).toBe('closed');
    expect(closed.rootCause.code).toBe('communication_disclosure.unclear');
    await stack.temporal.workflow.getHandle(complaintWorkflowId(c.id)).result();
    await saveReplayFixture(stack.temporal, complaintWorkflowId(c.id), 'complaint-root-cause-named-corrected');
    const again = await command(stack, supervisor, c.id, '/root-cause', { code: 'third_party.partner', reason: 'the partner sent the letter' });
    expect(again.rootCause).toMatchObject({ code: 'third_party.partner', via: 'correction', reason: 'the partner sent the letter' });
    expect((await getComplaint(stack, c.id)).rootCause.code).toBe('third_party.partner');
    const [row] = await stack.query('select root_cause, root_cause_group from complaints where id = $1', [c.id]);
    expect(row).toEqual({ root_cause: 'third_party.partner', root_cause_group: 'third_party' });

    const trail = await stack.query<{ action: string; actor: string; reason: string | null; before: any; after: any }>(
      `select action, actor, reason, before, after from audit_events where entity_type = 'complaint' and entity_id = $1 and action = 'complaint.root_cause_corrected' order by seq`,
      [c.id],
    );
    expect(trail.map((e) => [e.actor, e.before.rootCause.code, e.after.rootCause.code, e.reason])).toEqual([
      ['sue', 'fees_pricing.undisclosed', 'communication_disclosure.unclear', body.reason],
      ['sue', 'communication_disclosure.unclear', 'third_party.partner', 'the partner sent the letter'],
    ]);
    const verified = await stack.as(auditor).get(`/api/v1/audit/verify?entityType=complaint&entityId=${c.id}`);
    expect(verified.body.ok).toBe(true);
  });
});
