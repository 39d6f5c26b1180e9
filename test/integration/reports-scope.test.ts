import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gates } from '../support/gates.js';
import { recordPastComplaint } from '../support/past-complaints.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * Who reads the KPIs, over which complaints (docs/reports.md "Who reads what"): a product owner
 * the complaints and gate reviews of their team's products (403 for another product), agents and
 * handlers the institution's figures without the accountable KPIs per colleague, the full readers
 * everything; the product filter narrows the counts. Complaints of February 2023 are written
 * through the record activity's own code path (test/support/past-complaints.ts).
 */
let stack: Stack;
let cards: string; // retail-cards: pat's team
let wealth: string; // wealth: pia's team
beforeAll(async () => {
  stack = await startStack();
  const g = gates(stack);
  await g.roster();
  await g.policy();
  cards = await g.create(people.owner, { name: 'Cards cashback' });
  wealth = await g.create(people.owner2, { name: 'Wealth robo-advice', team: 'wealth' });
  // A submission today: a gate KPI of the cards product only.
  expect((await g.submit(cards, 'research')).status).toBe(201);

  const past = (over: Record<string, unknown>) =>
    recordPastComplaint(stack.database.db, { receivedAt: '2023-02-10T10:00:00+08:00', category: 'service', channel: 'hotline', severity: 'general', firstResponse: 'met', agentTeam: 'customer-service', ...over }, people.agent.userId);
  // cards: linked at intake (one breached), and one whose root cause names cards although linked to nothing
  await past({ initiativeId: cards, firstResponse: 'breached', breaches: [{ clock: 'firstResponse', at: '2023-02-11T10:00:00+08:00', level: 1 }] });
  await past({ initiativeId: cards });
  await past({ resolvedAt: '2023-02-12T10:00:00+08:00', rootCause: { code: 'fees_pricing.undisclosed', group: 'fees_pricing', initiativeId: cards } });
  // wealth: one; no product: one
  await past({ initiativeId: wealth });
  await past({});
});
afterAll(async () => stack?.stop());

const month = { from: '2023-02-01', to: '2023-03-01' };
const get = (who: (typeof people)[keyof typeof people], q: Record<string, string>) => stack.as(who).get(`/api/v1/reports/kpis?${new URLSearchParams(q).toString()}`);

describe('KPIs read by every staff role, scoped', () => {
  it('a product owner reads the KPIs of their team’s products and is refused another product', async () => {
    const mine = await get(people.owner, month);
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.kpis.complaints.received).toBe(3);
    expect(mine.body.kpis.complaints.breaches).toMatchObject({ total: 1, complaints: 1 });
    expect(mine.body.kpis.accountability).toBeUndefined();

    const one = await get(people.owner, { ...month, product: cards });
    expect(one.status).toBe(200);
    expect(one.body.kpis.complaints.received).toBe(3);

    const other = await get(people.owner, { ...month, product: wealth });
    expect(other.status).toBe(403);
    expect(other.body.type ?? other.body.title).toBeTruthy();

    const theirs = await get(people.owner2, month);
    expect(theirs.body.kpis.complaints.received).toBe(1);
  });

  it('scopes the gate KPIs of a product owner to their products', async () => {
    const today = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    expect((await get(people.owner, today)).body.kpis.gates.submitted).toBe(1);
    expect((await get(people.owner2, today)).body.kpis.gates.submitted).toBe(0);
    expect((await get(people.auditor, today)).body.kpis.gates.submitted).toBe(1);
  });

  it('an agent and a handler read the institution-wide KPIs, without the accountable KPIs per colleague', async () => {
    for (const who of [people.agent, people.handler]) {
      const res = await get(who, month);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.kpis.complaints.received).toBe(5);
      expect(res.body.kpis.complaints.breaches.total).toBe(1);
      expect(res.body.kpis.accountability).toBeUndefined();
    }
    expect((await get(people.nobody, month)).status).toBe(403);
  });

  it('the product filter narrows the counts, for every reader', async () => {
    const all = await get(people.auditor, month);
    expect(all.body.kpis.complaints.received).toBe(5);
    expect(all.body.kpis.accountability.agent.received.byUnit).toEqual({ [people.agent.userId]: 5 });

    const cardsOnly = await get(people.auditor, { ...month, product: cards });
    expect(cardsOnly.body.kpis.complaints.received).toBe(3);
    expect(cardsOnly.body.kpis.complaints.firstResponse).toMatchObject({ onTime: 2, late: 1 });
    expect(cardsOnly.body.kpis.accountability.agent.received.byUnit).toEqual({ [people.agent.userId]: 3 });

    const wealthOnly = await get(people.agent, { ...month, product: wealth });
    expect(wealthOnly.body.kpis.complaints.received).toBe(1);
    expect(wealthOnly.body.kpis.complaints.breaches.total).toBe(0);
  });

  it('lists the products each reader may filter by', async () => {
    const own = await stack.as(people.owner).get('/api/v1/reports/products');
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ scope: 'own', items: [{ id: cards, name: 'Cards cashback' }] });
    const all = await stack.as(people.agent).get('/api/v1/reports/products');
    expect(all.body.scope).toBe('all');
    expect(all.body.items.map((p: { id: string }) => p.id).sort()).toEqual([cards, wealth].sort());
    expect((await stack.as(people.nobody).get('/api/v1/reports/products')).status).toBe(403);
  });
});
