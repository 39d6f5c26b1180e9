import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyLinkSecret } from '../../config/secrets.js';
import { surveyInvitationsOf } from '../../db/surveys.js';
import { surveyResponses } from '../../db/schema/index.js';
import { reportFromCsv } from '../../domain/reports/csv.js';
import { signSurveyLink } from '../../security/survey-link.js';
import { command, intake } from '../support/complaints.js';
import { recordPastComplaint } from '../support/past-complaints.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * CSAT, NPS and callback coverage in the reports (docs/reports.md "Satisfaction and NPS"): the
 * live KPIs of the period after customers answered through their links, and a stored monthly
 * report (and its CSV) of a past month whose answers were given then.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

const { agent, supervisor, auditor } = people;

async function closedWithInvitation(channel: string): Promise<{ id: string; token: string }> {
  const c = await intake(stack, { channel, customer: { ref: `rv-${randomBytes(4).toString('hex')}`, name: '周七', phone: '13711112222', email: `rv-${randomBytes(3).toString('hex')}@bank.example` } });
  await command(stack, agent, c.id, '/resolution', { summary: '已处理', remedy: '致歉' });
  await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: '确认' });
  const invitation = await eventually(async () => (await surveyInvitationsOf(stack.database.db, 'complaint', c.id))[0], 'the survey invitation');
  return { id: c.id, token: await signSurveyLink(surveyLinkSecret(stack.config), invitation) };
}

describe('the voice of the customer in the KPIs', () => {
  it('counts the answers of the period with their intervals, per channel, and the coverage of the complaints closed', async () => {
    const from = new Date(Date.now() - 1_000).toISOString();
    const a = await closedWithInvitation('hotline');
    const b = await closedWithInvitation('app');
    await closedWithInvitation('app'); // closed, never answered: not covered
    expect((await stack.anonymous.post(`/api/v1/public/surveys/${a.token}`, { csat: 5, nps: 10 })).status).toBe(201);
    expect((await stack.anonymous.post(`/api/v1/public/surveys/${b.token}`, { csat: 2, nps: 3, verbatim: '等了太久' })).status).toBe(201);
    const to = new Date(Date.now() + 60_000).toISOString();

    const res = await stack.as(auditor).get(`/api/v1/reports/kpis?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const v = res.body.kpis.voice;
    expect(v.nps).toMatchObject({ answers: 2, promoters: 1, passives: 0, detractors: 1, score: 0 });
    expect(v.nps.low).toBeLessThan(0);
    expect(v.nps.high).toBeGreaterThan(0);
    expect(v.csat).toMatchObject({ answers: 2, satisfied: 1, rate: 0.5, mean: 3.5 });
    expect(v.coverage).toMatchObject({ closed: 3, surveyed: 2, calledBack: 0, covered: 2, rate: 0.6667 });
    expect(v.channel.nps.byUnit).toEqual({ app: -100, hotline: 100 });
    expect(v.channel.answers.byUnit).toEqual({ app: 1, hotline: 1 });
    expect(v.agent.answers.byUnit).toEqual({ [agent.userId]: 2 });
    expect(res.body.kpis.targets.callbackCoverage).toBe(1);
  }, 180_000);

  it('is in the stored monthly report of a past month and its CSV, as the customers answered then', async () => {
    // October 2025: a complaint closed then, and the answers its customer and two others gave then.
    const closed = await recordPastComplaint(stack.database.db, { receivedAt: '2025-10-09T02:00:00Z', closedAt: '2025-10-10T02:00:00Z', category: 'service', channel: 'branch', severity: 'general', firstResponse: 'met', resolvedAt: '2025-10-10T01:00:00Z' }, agent.userId);
    const answer = (contactId: string, nps: number, csat: number, source: 'link' | 'callback', reached = true) => ({
      id: `SR-${randomUUID()}`,
      kind: 'complaint',
      source,
      contactType: 'complaint',
      contactId,
      product: 'none',
      channel: 'branch',
      department: 'cards-ops',
      agentId: agent.userId,
      reached,
      ...(reached ? { nps, csat } : {}),
      detractor: reached && nps <= 6,
      respondedAt: '2025-10-15T03:00:00Z',
    });
    await stack.database.db.insert(surveyResponses).values([answer(closed, 9, 5, 'callback'), answer(randomUUID(), 10, 4, 'link'), answer(randomUUID(), 8, 3, 'link'), answer(randomUUID(), 0, 0, 'callback', false)]);

    const res = await stack.as(supervisor).post('/api/v1/reports/monthly/2025-10/regenerate');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const v = res.body.kpis.voice;
    expect(v.nps).toMatchObject({ answers: 3, promoters: 2, passives: 1, detractors: 0, score: 66.7 });
    expect(v.coverage).toMatchObject({ closed: 1, calledBack: 1, covered: 1, rate: 1 });
    expect(v.department.answers.byUnit).toEqual({ 'cards-ops': 3 });

    const csv = await stack.as(supervisor).get('/api/v1/reports/monthly/2025-10', { accept: 'text/csv' });
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text).toContain('kpis.voice.nps.score,,66.7');
    expect(text).toContain('kpis.voice.department.nps.byUnit,cards-ops,66.7');
    expect((reportFromCsv(text).kpis as { voice: unknown }).voice).toEqual(v);
  }, 120_000);
});
