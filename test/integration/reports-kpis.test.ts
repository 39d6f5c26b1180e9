import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillComplaintFacts } from '../../db/complaints.js';
import { addLocalDays, BusinessCalendar } from '../../domain/calendar.js';
import { defaultCalendarSettings } from '../../domain/policies.js';
import { complaintFactsVersion } from '../../domain/reports/facts.js';
import { command, getComplaint, intake, sec, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates } from '../support/gates.js';
import { recordPastComplaint, type PastComplaint } from '../support/past-complaints.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * Every KPI of docs/business-rules.md §4 against hand-computed values, on two known sets:
 *
 * 1. Built through the HTTP API with second-based policies (real workflows, real timers):
 *    complaints met on time, breached once and twice, reopened, repeated, closed; initiatives
 *    approved, sent back for rework, rejected, escalated past their deadline. Today and the days
 *    around it are made holidays of the institution, so their working time is exactly 0.
 * 2. Complaints received around National Day 2025 (holidays 1–8 October, make-up working days
 *    Sunday 28 September and Saturday 11 October), written through the record activity's own
 *    code path (`recordComplaint`, which derives the facts and the working handling time with the
 *    calendar) because the API only takes complaints received now and closes them now. This set
 *    also checks the period boundaries in the institution's time zone.
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

const { agent, supervisor, auditor, admin, chair, m1, m2 } = people;
const zone = 'Asia/Shanghai';
const hoursOf = (ms: number) => Math.round(ms / 360) / 10_000;
const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const between = (a: string, b: string) => Date.parse(b) - Date.parse(a);
/** Within one rounding unit of the KPIs' hours (0.0001 h): the database and JavaScript may round the last digit apart. */
const near = (h: number) => expect.closeTo(h, 3.69);

async function kpis(from: string, to: string, who = auditor) {
  const res = await stack.as(who).get(`/api/v1/reports/kpis?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const zeros = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, 0]));
const allChannels = ['hotline', 'online_chat', 'app', 'email', 'social_media', 'branch', 'suggestion_box', 'survey', 'regulator_referral'];

describe('KPIs of a set built through the API', () => {
  it('match the hand-computed values', async () => {
    // Working time of everything made today is 0: today and its neighbours are holidays.
    const today = new BusinessCalendar(defaultCalendarSettings).localDateOf(new Date());
    const holidays = [addLocalDays(today, -1), today, addLocalDays(today, 1)];
    expect((await stack.as(admin).put('/api/v1/calendar', { ...defaultCalendarSettings, extraHolidays: holidays })).status).toBe(200);
    const from = new Date(Date.now() - 1_000).toISOString();

    // ── initiatives ───────────────────────────────────────────────────────────────────────────
    const a = await g.create();
    const aResearch = await g.passGate(a, 'research');
    expect((await g.submit(a, 'design')).status).toBe(201);
    expect((await g.vote(m1, a, 'request_changes', 'more detail')).status).toBe(200);
    expect((await g.vote(m2, a, 'request_changes')).status).toBe(200);
    const aRework = (await g.signOff(a, 'request_changes', 'please rework')).body;
    const aDesign = await g.passGate(a, 'design');

    const b = await g.create();
    expect((await g.submit(b, 'research')).status).toBe(201);
    expect((await g.vote(m1, b, 'reject', 'no market')).status).toBe(200);
    expect((await g.vote(m2, b, 'reject')).status).toBe(200);
    const bReject = (await g.signOff(b, 'reject', 'rejected')).body;

    await g.policy({ reviewDeadline: { amount: 2, unit: 'second' } });
    const c = await g.create();
    expect((await g.submit(c, 'research')).status).toBe(201);
    await eventually(async () => ((await g.get(c)).body.review?.status === 'escalated' ? true : undefined), 'the escalation to the chair');
    const cResearch = (await g.signOff(c, 'approve', 'decided alone')).body;
    expect(cResearch.outcome).toBe('approve');
    await g.policy();

    // ── complaints ────────────────────────────────────────────────────────────────────────────
    const customer = { ref: `kpi-${randomUUID()}`, name: '李四', phone: '13900000000' };
    // c1: answered and resolved in time, satisfied → closed
    const c1 = await intake(stack, { category: 'service', channel: 'hotline', severity: 'general', customer });
    await command(stack, agent, c1.id, '/responses', { message: 'we are on it', channel: 'hotline' });
    await command(stack, agent, c1.id, '/resolution', { summary: 'card unblocked', remedy: 'apology' });
    const c1Closed = await command(stack, agent, c1.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'ok' });
    expect(c1Closed.status).toBe('closed');

    // c2: first response breached (→ level 1), then resolved, not satisfied (reopen), resolved again, satisfied → closed
    await setPolicy(stack, secondsPolicy({ firstResponse: sec(1) }));
    const c2 = await intake(stack, { category: 'product', channel: 'app', severity: 'major', initiativeId: a });
    await setPolicy(stack, secondsPolicy());
    await eventually(async () => ((await getComplaint(stack, c2.id)).escalationLevel === 1 ? true : undefined), 'c2 first-response breach');
    await command(stack, agent, c2.id, '/responses', { message: 'sorry for the wait', channel: 'app' });
    await command(stack, agent, c2.id, '/resolution', { summary: 'fee refunded', remedy: 'refund' });
    expect((await command(stack, agent, c2.id, '/customer-feedback', { satisfied: false, via: 'survey', comment: 'not enough' })).status).toBe('reopened');
    await command(stack, agent, c2.id, '/resolution', { summary: 'fee refunded twice', remedy: 'refund and gift' });
    const c2Closed = await command(stack, agent, c2.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'fine' });
    expect(c2Closed).toMatchObject({ status: 'closed', reopenCount: 1 });

    // c3: first response (→ level 1) and resolution (→ level 2) breached, then answered and resolved
    await setPolicy(stack, secondsPolicy({ firstResponse: sec(1), resolution: { general: sec(600), major: sec(600), urgent: sec(2) } }));
    const c3 = await intake(stack, { category: 'system_technical', channel: 'online_chat', severity: 'urgent' });
    await setPolicy(stack, secondsPolicy());
    await eventually(async () => ((await getComplaint(stack, c3.id)).escalationLevel === 2 ? true : undefined), 'c3 two breaches');
    await command(stack, agent, c3.id, '/responses', { message: 'fixed the app', channel: 'online_chat' });
    expect((await command(stack, agent, c3.id, '/resolution', { summary: 'bug fixed', remedy: 'apology' })).status).toBe('resolved');

    // c4: the same customer and category as c1 within 30 days → a repeat; left untouched
    const c4 = await intake(stack, { category: 'service', channel: 'hotline', severity: 'general', customer });
    expect(c4.repeatOf).toEqual([c1.id]);

    // c5: answered in time, nothing more
    const c5 = await intake(stack, { category: 'policy_process', channel: 'email', severity: 'general' });
    await command(stack, agent, c5.id, '/responses', { message: 'received', channel: 'email' });

    const to = new Date(Date.now() + 1_000).toISOString();
    const { kpis: k, from: f, to: t, timeZone } = await kpis(from, to);
    expect([f, t, timeZone]).toEqual([from, to, zone]);

    // ── complaints, by hand ───────────────────────────────────────────────────────────────────
    const closed = [c1Closed, c2Closed];
    expect(k.complaints).toEqual({
      received: 5,
      volume: {
        byCategory: { service: 2, product: 1, system_technical: 1, policy_process: 1 },
        byChannel: { ...zeros(allChannels), hotline: 2, app: 1, online_chat: 1, email: 1 },
        bySeverity: { general: 3, major: 1, urgent: 1 },
        byProduct: { [a]: 1, none: 4 },
      },
      firstResponse: { onTime: 2, late: 2, pending: 1, rate: 0.5 }, // c1, c5 | c2, c3 | c4
      resolution: { onTime: 2, late: 1, pending: 2, rate: 0.6667 }, // c1, c2 | c3 | c4, c5
      resolutionRate: { resolved: 3, rate: 0.6 }, // c1, c2 closed, c3 resolved
      satisfaction: { feedback: 3, satisfied: 2, rate: 0.6667 }, // c1 yes, c2 no then yes
      reopen: { reopened: 1, rate: 0.2 },
      repeat: { repeats: 1, rate: 0.2 },
      handlingTime: {
        closed: 2,
        avgHours: near(hoursOf(meanOf(closed.map((v) => between(v.receivedAt, v.closedAt))))),
        avgWorkingHours: 0,
      },
      breaches: { total: 3, complaints: 2, byLevel: { '1': 2, '2': 1, '3': 0 } }, // c2 FR→1, c3 FR→1, resolution→2
    });

    // ── gates, by hand ────────────────────────────────────────────────────────────────────────
    const initiative = async (id: string) => (await g.get(id, admin)).body;
    const [ia, ic] = [await initiative(a), await initiative(c)];
    const reviews = [...ia.reviews, ...(await initiative(b)).reviews, ...ic.reviews];
    expect(reviews).toHaveLength(5);
    const cycle = (rs: { openedAt: string; decidedAt: string }[]) => hoursOf(meanOf(rs.map((r) => between(r.openedAt, r.decidedAt))));
    const research = reviews.filter((r: any) => r.stage === 'research');
    const design = reviews.filter((r: any) => r.stage === 'design');
    const nullStages = { prototype_testing: null, launch_assessment: null };
    expect(k.gates).toEqual({
      submitted: 5,
      decisions: {
        decided: 5,
        byOutcome: { approve: 3, request_changes: 1, reject: 1 },
        overridden: 0,
        approvalRate: 0.6,
        reworkRate: 0.2,
        rejectionRate: 0.2,
      },
      reviewCycle: {
        count: { all: 5, byStage: { research: 3, design: 2, prototype_testing: 0, launch_assessment: 0 } },
        avgHours: { all: near(cycle(reviews)), byStage: { research: near(cycle(research)), design: near(cycle(design)), ...nullStages } },
        avgWorkingHours: { all: 0, byStage: { research: 0, design: 0, ...nullStages } },
      },
      stageCycle: {
        // research: created → approved (a, c); design: research approved → design approved (a)
        count: { byStage: { research: 2, design: 1, prototype_testing: 0, launch_assessment: 0 } },
        avgHours: {
          byStage: {
            research: near(hoursOf(meanOf([between(ia.createdAt, aResearch.decidedAt), between(ic.createdAt, cResearch.decidedAt)]))),
            design: near(hoursOf(between(aResearch.decidedAt, aDesign.decidedAt))),
            ...nullStages,
          },
        },
        avgWorkingHours: { byStage: { research: 0, design: 0, ...nullStages } },
      },
      overdue: { reviews: 1, stillOpen: 0 }, // c escalated, then decided
    });
    expect(aRework.outcome).toBe('request_changes');
    expect(bReject.outcome).toBe('reject');

    // Full readers: auditor, supervisor, admin, the committee; an agent reads the figures without the per-colleague tables (test/integration/reports-scope.test.ts).
    await kpis(from, to, supervisor);
    await kpis(from, to, admin);
    const asAgent = await kpis(from, to, agent);
    expect(asAgent.kpis.complaints.received).toBe(k.complaints.received);
    expect(asAgent.kpis.accountability).toBeUndefined();
    expect((await stack.as(chair).get(`/api/v1/reports/kpis?from=${from}&to=${to}`)).status).toBe(200); // the chair is a supervisor by day
  });
});

// ── the National Day set ───────────────────────────────────────────────────────────────────────

/** A complaint of the past, written through the record activity (test/support/past-complaints.ts). */
const recordPast = (p: PastComplaint) => recordPastComplaint(stack.database.db, p, agent.userId);

describe('KPIs of a period spanning National Day 2025', () => {
  // Period: [Sat 27 Sep 2025, Mon 13 Oct 2025) in Asia/Shanghai.
  let h1: string;
  beforeAll(async () => {
    await stack.as(admin).put('/api/v1/calendar', defaultCalendarSettings);
    // h1: Tue 30 Sep 10:00 → Thu 9 Oct 11:00: 217 h elapsed; working 30 Sep 10–18 (8 h) + 9 Oct 9–11 (2 h) = 10 h
    h1 = await recordPast({ receivedAt: '2025-09-30T10:00:00+08:00', closedAt: '2025-10-09T11:00:00+08:00', resolvedAt: '2025-10-09T10:00:00+08:00', category: 'service', channel: 'hotline', severity: 'general', firstResponse: 'met', feedback: [true] });
    // h2: Sat 27 Sep 20:00 → Mon 29 Sep 10:00: 38 h; working Sun 28 Sep (make-up day) 9–18 (9 h) + 29 Sep 9–10 (1 h) = 10 h; reopened once
    await recordPast({ receivedAt: '2025-09-27T20:00:00+08:00', closedAt: '2025-09-29T10:00:00+08:00', resolvedAt: '2025-09-29T09:30:00+08:00', category: 'product', channel: 'app', severity: 'major', firstResponse: 'met', feedback: [false, true] });
    // h3: Sat 11 Oct (make-up day) 09:30 → 12:00: 2.5 h elapsed and working; a repeat of h1
    await recordPast({ receivedAt: '2025-10-11T09:30:00+08:00', closedAt: '2025-10-11T12:00:00+08:00', resolvedAt: '2025-10-11T11:00:00+08:00', category: 'service', channel: 'branch', severity: 'urgent', firstResponse: 'met', feedback: [true], repeatOf: [h1] });
    // h5: 00:10 local on 27 Sep is still 26 Sep in UTC: inside the period; first response breached, open
    await recordPast({ receivedAt: '2025-09-27T00:10:00+08:00', category: 'system_technical', channel: 'email', severity: 'general', firstResponse: 'breached', breaches: [{ clock: 'firstResponse', at: '2025-09-28T00:10:00+08:00', level: 1 }] });
    // outside: 23:50 local on 26 Sep; 00:05 local on 13 Oct (still 12 Oct in UTC)
    await recordPast({ receivedAt: '2025-09-26T23:50:00+08:00', category: 'service', channel: 'hotline', severity: 'general', firstResponse: 'met' });
    await recordPast({ receivedAt: '2025-10-13T00:05:00+08:00', category: 'service', channel: 'hotline', severity: 'general', firstResponse: 'met' });
  });

  const expected = {
    received: 4,
    volume: {
      byCategory: { service: 2, product: 1, system_technical: 1, policy_process: 0 },
      byChannel: { ...zeros(allChannels), hotline: 1, app: 1, branch: 1, email: 1 },
      bySeverity: { general: 2, major: 1, urgent: 1 },
      byProduct: { none: 4 },
    },
    firstResponse: { onTime: 3, late: 1, pending: 0, rate: 0.75 },
    resolution: { onTime: 3, late: 0, pending: 1, rate: 1 },
    resolutionRate: { resolved: 3, rate: 0.75 },
    satisfaction: { feedback: 4, satisfied: 3, rate: 0.75 },
    reopen: { reopened: 1, rate: 0.25 },
    repeat: { repeats: 1, rate: 0.25 },
    handlingTime: { closed: 3, avgHours: 85.8333, avgWorkingHours: 7.5 }, // (217 + 38 + 2.5) / 3, (10 + 10 + 2.5) / 3
    breaches: { total: 1, complaints: 1, byLevel: { '1': 1, '2': 0, '3': 0 } },
  };

  it('counts the complaints received in the local period, with working time net of the holidays', async () => {
    const { kpis: k, from, to } = await kpis('2025-09-27', '2025-10-13');
    expect([from, to]).toEqual(['2025-09-26T16:00:00.000Z', '2025-10-12T16:00:00.000Z']);
    expect(k.complaints).toEqual(expected);
    // No gate activity then: counts are 0 and every rate and average is null, not 0.
    expect(k.gates.submitted).toBe(0);
    expect(k.gates.decisions).toEqual({ decided: 0, byOutcome: { approve: 0, request_changes: 0, reject: 0 }, overridden: 0, approvalRate: null, reworkRate: null, rejectionRate: null });
    expect(k.gates.reviewCycle.avgHours.all).toBeNull();
  });

  it('the same period given as instants is the same; read in UTC it is another', async () => {
    expect((await kpis('2025-09-26T16:00:00Z', '2025-10-13T00:00:00+08:00')).kpis.complaints).toEqual(expected);
    // UTC midnights: the 00:10 local complaint falls out, the 00:05 local one on 13 October comes in.
    const utc = (await kpis('2025-09-27T00:00:00Z', '2025-10-13T00:00:00Z')).kpis.complaints;
    expect(utc.received).toBe(4);
    expect(utc.breaches.total).toBe(0);
    expect(utc.firstResponse).toEqual({ onTime: 4, late: 0, pending: 0, rate: 1 });
  });

  it('the monthly report of October 2025 holds the same figures as the KPI query of that month', async () => {
    const res = await stack.as(supervisor).post('/api/v1/reports/monthly/2025-10/regenerate');
    expect(res.status).toBe(200);
    const live = await kpis('2025-10-01', '2025-11-01');
    expect(res.body.kpis).toEqual(live.kpis);
    expect(res.body.kpis.complaints.received).toBe(2); // h1 (30 Sep) is September's; h3 and the 13 October one
  });

  it('a working-time fact that is missing is derived again by the backfill', async () => {
    await stack.query('update complaints set handling_working_ms = null, first_response_state = null, facts_version = 0 where id = $1', [h1]);
    expect(await backfillComplaintFacts(stack.database.db)).toBe(1);
    const [row] = await stack.query('select handling_working_ms, first_response_state, facts_version from complaints where id = $1', [h1]);
    expect(row).toEqual({ handling_working_ms: String(10 * 3_600_000), first_response_state: 'met', facts_version: complaintFactsVersion });
  });

  it('refuses malformed or inverted bounds', async () => {
    const bad = async (q: string) => (await stack.as(auditor).get(`/api/v1/reports/kpis?${q}`)).status;
    expect(await bad('from=2025-10-01')).toBe(400);
    expect(await bad('from=2025-10-01&to=2025-09-01')).toBe(400);
    expect(await bad('from=2025-10-01T00:00&to=2025-10-02')).toBe(400);
    expect(await bad('from=2025-02-30&to=2025-03-02')).toBe(400);
    expect(await bad('from=2020-01-01&to=2025-01-01')).toBe(400);
  });
});
