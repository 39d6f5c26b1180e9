import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import { command, getComplaint, intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * The customer masked until shown (docs/complaints.md "The customer: masked until shown"): every
 * complaint answer carries the customer masked, for every role; POST .../customer/reveal shows the
 * asked fields in clear to the complaint's own agent (no reason asked) and to a supervisor (with a
 * reason), after writing exactly one PII access record with purpose `reveal`; everyone else gets
 * 403 and leaves no record; an erased or unreadable customer is a 409, never a 500.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await setPolicy(stack, secondsPolicy());
});
afterAll(async () => stack?.stop());

const { agent, agent2, supervisor, handler, auditor, admin, owner, nobody } = people;
const clear = { name: '张三丰', phone: '13812345678', idNumber: '110101199003071234' };
const masked = { name: '张**', phone: '138****5678', idNumber: '110***********1234' };
const reveal = (who: Principal, id: string, body: unknown) => stack.as(who).post(`/api/v1/complaints/${id}/customer/reveal`, body);
/** The reveal records naming the complaint, oldest first. */
const records = (id: string) =>
  stack.query<{ actor: string; after: any }>(`select actor, after from audit_events where entity_type = 'pii_access' and action = 'pii_access.granted' and after->'complaintIds' @> $1::jsonb order by id`, [JSON.stringify([id])]);

describe('masked by default', () => {
  it('every role reads the complaint, the list and the intake’s answer masked; only those who may show it are offered to', async () => {
    const c = await intake(stack);
    expect(c.customer).toEqual({ ref: c.customer.ref, ...masked, masked: true, reveal: { reasonRequired: false } });
    await command(stack, agent, c.id, '/transfer', { department: handler.department, reason: 'needs the card team' });
    const offers = new Map<Principal, unknown>([
      [agent, { reasonRequired: false }],
      [supervisor, { reasonRequired: true }],
      [agent2, null],
      [handler, null],
      [auditor, null],
      [admin, null],
    ]);
    for (const [who, offer] of offers) {
      const seen = await getComplaint(stack, c.id, who);
      expect(seen.customer, who.userId).toEqual({ ref: c.customer.ref, ...masked, masked: true, reveal: offer });
      const listed = await stack.as(who).get('/api/v1/complaints?limit=200');
      expect(listed.status, who.userId).toBe(200);
      const item = (listed.body.items as any[]).find((i) => i.id === c.id);
      expect(item?.customer, who.userId).toEqual({ ref: c.customer.ref, ...masked, masked: true, reveal: offer });
    }
    expect(await records(c.id)).toEqual([]);
  });
});

describe('showing the customer', () => {
  it('the complaint’s own agent: all fields in clear without a reason, one access record with purpose reveal, written before the answer', async () => {
    const c = await intake(stack);
    const res = await reveal(agent, c.id, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ complaintId: c.id, customer: { ref: c.customer.ref, ...clear }, revealed: ['name', 'phone', 'idNumber'], recorded: true, at: expect.any(String) });
    const written = await records(c.id);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ actor: agent.userId, after: { purpose: 'reveal', complaintIds: [c.id], items: [{ complaintId: c.id, customerRef: c.customer.ref, fields: ['name', 'phone', 'idNumber'] }] } });
    expect(written[0]!.after).not.toHaveProperty('reason');
    // The complaint itself stays masked afterwards: showing is per request, not a state.
    expect((await getComplaint(stack, c.id, agent)).customer).toMatchObject({ ...masked, masked: true });
    // Each request to show is its own record.
    expect((await reveal(agent, c.id, { fields: ['phone'] })).status).toBe(200);
    expect(await records(c.id)).toHaveLength(2);
  });

  it('a supervisor: with a reason, only the fields asked for; without one, 400 naming the reason and no record', async () => {
    const c = await intake(stack);
    const missing = await reveal(supervisor, c.id, { fields: ['phone'] });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: any) => e.path)).toEqual(['body.reason']);
    const blank = await reveal(supervisor, c.id, { reason: '   ' });
    expect(blank.status).toBe(400);
    expect(await records(c.id)).toEqual([]);

    const res = await reveal(supervisor, c.id, { fields: ['idNumber', 'phone'], reason: 'verifying the customer’s identity for the refund' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ customer: { name: masked.name, phone: clear.phone, idNumber: clear.idNumber }, revealed: ['phone', 'idNumber'], recorded: true });
    const written = await records(c.id);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ actor: supervisor.userId, after: { purpose: 'reveal', reason: 'verifying the customer’s identity for the refund', items: [{ fields: ['phone', 'idNumber'] }] } });
  });

  it('a customer without an id number: asking for it alone shows nothing and records nothing', async () => {
    const c = await intake(stack, { customer: { ref: `no-id-${Date.now()}`, name: '李四', phone: '13900001111' } });
    const res = await reveal(agent, c.id, { fields: ['idNumber'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ customer: { name: '李*', phone: '139****1111' }, revealed: [], recorded: false });
    expect(res.body.customer).not.toHaveProperty('idNumber');
    expect(await records(c.id)).toEqual([]);
  });

  it('403 for every other caller (and no record), 401 without a token, 404 for an unknown complaint, 400 for unknown fields', async () => {
    const c = await intake(stack);
    // the chair as committee data only (people.chair is also a supervisor)
    for (const who of [agent2, handler, owner, auditor, admin, nobody, { ...people.chair, roles: [] }]) {
      const res = await reveal(who, c.id, { reason: 'curious' });
      expect(res.status, who.userId).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await records(c.id)).toEqual([]);
    expect((await stack.anonymous.post(`/api/v1/complaints/${c.id}/customer/reveal`, {})).status).toBe(401);
    expect((await reveal(agent, '00000000-0000-4000-8000-000000000000', {})).status).toBe(404);
    for (const body of [{ fields: ['address'] }, { fields: [] }, { fields: 'phone' }, { reason: 'x'.repeat(501) }, { everything: true }]) {
      const res = await reveal(agent, c.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await records(c.id)).toEqual([]);
  });

  it('“own” is per complaint: the agent who took it may show it, another agent may not', async () => {
    const c = await intake(stack, {}, agent2);
    expect((await reveal(agent2, c.id, {})).status).toBe(200);
    expect((await reveal(agent, c.id, {})).status).toBe(403);
  });

  it('is documented in the OpenAPI document with its roles', async () => {
    const doc = (await stack.anonymous.get('/api/v1/openapi.json')).body;
    const op = doc.paths['/api/v1/complaints/{id}/customer/reveal'].post;
    expect(op.description).toBe('Roles: cs_agent, supervisor');
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']));
  });
});
