import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake, sec, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * The right work first (domain/urgency.ts): the work inbox and the complaint list put breached
 * deadlines before those at risk before other running ones; each inbox row says what the item is
 * about and whom it concerns (masked); the product owner's own next steps are in their inbox; the
 * staff directory feeds the pickers.
 */
let stack: Stack;
const ids: Record<'breached' | 'atRisk' | 'pending', string> = { breached: '', atRisk: '', pending: '' };

beforeAll(async () => {
  stack = await startStack();
  // Received in this order, so "newest first" is the reverse of the urgency order.
  await setPolicy(stack, secondsPolicy({ firstResponse: sec(1) }));
  ids.breached = (await intake(stack, { description: 'Breached: card blocked abroad\nmore details' })).id;
  await setPolicy(stack, secondsPolicy({ firstResponse: sec(120), atRiskRatio: 0.02 }));
  ids.atRisk = (await intake(stack, { description: 'At risk: statement missing' })).id;
  await setPolicy(stack, secondsPolicy());
  ids.pending = (await intake(stack, { description: 'Pending: app login fails' })).id;
  // The clocks run in the workflows: wait until the first is breached and the second at risk.
  await eventually(async () => {
    const rows = await stack.query<{ id: string; next_deadline_state: string | null }>('select id, next_deadline_state from complaints');
    const state = new Map(rows.map((r) => [r.id, r.next_deadline_state]));
    return state.get(ids.breached) === 'breached' && state.get(ids.atRisk) === 'at_risk';
  }, 'the first complaint breached and the second at risk');
});
afterAll(async () => stack?.stop());

const mine = (items: { id: string }[]) => items.map((i) => i.id).filter((id) => Object.values(ids).includes(id));

describe('the complaint list', () => {
  it('is sorted by urgency by default, and by receipt on request', async () => {
    const urgent = await stack.as(people.supervisor).get('/api/v1/complaints');
    expect(urgent.status).toBe(200);
    expect(mine(urgent.body.items)).toEqual([ids.breached, ids.atRisk, ids.pending]);
    const newest = await stack.as(people.supervisor).get('/api/v1/complaints?sort=received');
    expect(mine(newest.body.items)).toEqual([ids.pending, ids.atRisk, ids.breached]);
  });

  it('pages through the urgency order with its cursor, each complaint once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await stack.as(people.supervisor).get(`/api/v1/complaints?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.breached, ids.atRisk, ids.pending]);
  });

  it('refuses a cursor of the other order, and an unknown order, with a 400 on the field', async () => {
    const received = await stack.as(people.supervisor).get('/api/v1/complaints?sort=received&limit=1');
    const crossed = await stack.as(people.supervisor).get(`/api/v1/complaints?limit=1&cursor=${received.body.nextCursor}`);
    expect(crossed.status).toBe(400);
    expect(crossed.body.errors[0].path).toBe('query.cursor');
    const unknown = await stack.as(people.supervisor).get('/api/v1/complaints?sort=priority');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('query.sort');
  });
});

describe('the work inbox', () => {
  it("lists the agent's complaints most urgent first, each with its summary line and the customer masked", async () => {
    const res = await stack.as(people.agent).get('/api/v1/tasks');
    expect(res.status).toBe(200);
    const tasks = res.body.items.filter((t: { entityType: string }) => t.entityType === 'complaint');
    expect(tasks.map((t: { entityId: string }) => t.entityId)).toEqual([ids.breached, ids.atRisk, ids.pending]);
    expect(tasks.map((t: { deadlineState: string }) => t.deadlineState)).toEqual(['breached', 'at_risk', 'pending']);
    expect(tasks[0]).toMatchObject({ summary: 'Breached: card blocked abroad', customer: '张**', facts: { severity: 'general', category: 'service', channel: 'hotline' } });
    // Only the masked name: the inbox hands out no clear customer data, so it leaves no PII access record.
    expect(JSON.stringify(res.body)).not.toContain('张三丰');
    expect(JSON.stringify(res.body)).not.toContain('13812345678');
  });

  it("puts the product owner's deliverables and rework in their inbox", async () => {
    const g = gates(stack);
    await g.roster();
    await g.policy();
    const id = await g.create(people.owner, { name: 'Travel card' });
    const before = (await stack.as(people.owner).get('/api/v1/tasks')).body.items.filter((t: { entityId: string }) => t.entityId === id);
    expect(before).toEqual([expect.objectContaining({ kind: 'gate.submit', facts: { name: 'Travel card', stage: 'research' }, deadline: null })]);
    // Submitted: the next step is the committee's, not the owner's.
    expect((await g.submit(id, 'research')).status).toBe(201);
    const waiting = (await stack.as(people.owner).get('/api/v1/tasks')).body.items.filter((t: { entityId: string }) => t.entityId === id);
    expect(waiting).toEqual([]);
    // The committee asks for changes: the owner's rework, with the committee's words as its summary.
    expect((await g.vote(people.m1, id, 'request_changes', 'Add the fraud analysis')).status).toBe(200);
    expect((await g.vote(people.m2, id, 'approve', 'fine')).status).toBe(200);
    expect((await g.signOff(id, 'request_changes', 'Add the fraud analysis first')).status).toBe(200);
    const rework = await eventually(async () => {
      const items = (await stack.as(people.owner).get('/api/v1/tasks')).body.items.filter((t: { entityId: string; kind: string }) => t.entityId === id && t.kind === 'gate.rework');
      return items.length === 1 ? items[0] : undefined;
    }, 'the rework task');
    expect(rework.summary).toContain('Add the fraud analysis');
    // Nobody else sees the owner's work.
    const others = (await stack.as(people.owner2).get('/api/v1/tasks')).body.items.filter((t: { entityId: string }) => t.entityId === id);
    expect(others).toEqual([]);
  });
});

describe('the staff directory behind the pickers', () => {
  beforeAll(async () => {
    for (const [userId, person] of Object.entries({
      'dir-hal': { name: 'Hal Handler', department: 'cards-ops', roles: ['business_handler'], departmentHead: false },
      'dir-hana': { name: 'Hana Head', department: 'cards-ops', roles: ['business_handler'], departmentHead: true },
      'dir-cai': { name: 'Cai Agent', department: 'customer-service', roles: ['cs_agent'], departmentHead: false },
    })) {
      const res = await stack.as(people.admin).put(`/api/v1/people/${userId}`, { userId, email: `${userId}@bank.example`, language: 'zh', channel: 'email', active: true, ...person });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const gone = await stack.as(people.admin).put('/api/v1/people/dir-gone', { userId: 'dir-gone', name: 'Gone', department: 'cards-ops', roles: ['cs_agent'], language: 'zh', channel: 'email', active: false, departmentHead: false });
    expect(gone.status).toBe(200);
  });

  it('gives every staff role the active people and the departments with their heads, without contact details', async () => {
    const res = await stack.as(people.agent).get('/api/v1/directory');
    expect(res.status).toBe(200);
    const ours = res.body.people.filter((p: { userId: string }) => p.userId.startsWith('dir-'));
    expect(ours.map((p: { userId: string }) => p.userId)).toEqual(['dir-hal', 'dir-hana', 'dir-cai']);
    expect(JSON.stringify(res.body)).not.toContain('@bank.example');
    expect(res.body.departments).toEqual(expect.arrayContaining([{ id: 'cards-ops', name: null, heads: ['dir-hana'], members: 2 }]));
  });

  it('names the departments in Chinese and English as administrators keep them (audited); an unnamed one is its id', async () => {
    const names = { departments: [{ id: 'cards-ops', name: { zh: '银行卡运营部', en: 'Card Operations' } }] };
    const put = await stack.as(people.admin).put('/api/v1/departments', names);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await stack.as(people.agent).get('/api/v1/departments')).body).toEqual(names);
    const dir = await stack.as(people.handler).get('/api/v1/directory');
    const byId = new Map(dir.body.departments.map((d: { id: string }) => [d.id, d]));
    expect(byId.get('cards-ops')).toMatchObject({ name: { zh: '银行卡运营部', en: 'Card Operations' } });
    expect(byId.get('customer-service')).toMatchObject({ name: null });
    const [event] = await stack.query<{ actor: string; after: { departments: unknown[] } }>(`select actor, after from audit_events where action = 'departments.updated' order by seq desc limit 1`);
    expect(event).toMatchObject({ actor: people.admin.userId, after: { departments: names.departments } });

    // Refused with the field named: a department named twice, an empty name, an id with spaces.
    const twice = await stack.as(people.admin).put('/api/v1/departments', { departments: [...names.departments, { id: 'cards-ops', name: { zh: '卡部', en: 'Cards' } }] });
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0]).toMatchObject({ path: 'body.departments.1.id' });
    const empty = await stack.as(people.admin).put('/api/v1/departments', { departments: [{ id: 'risk', name: { zh: '  ', en: 'Risk' } }] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('body.departments.0.name.zh');
    const spaced = await stack.as(people.admin).put('/api/v1/departments', { departments: [{ id: 'risk dept', name: { zh: '风险部', en: 'Risk' } }] });
    expect(spaced.status).toBe(400);
    expect(spaced.body.errors[0].path).toBe('body.departments.0.id');
    expect((await stack.as(people.agent).get('/api/v1/departments')).body).toEqual(names);
  });

  it('filters by role and department', async () => {
    const agents = await stack.as(people.handler).get('/api/v1/directory?role=cs_agent');
    expect(agents.body.people.map((p: { userId: string }) => p.userId)).toContain('dir-cai');
    expect(agents.body.people.map((p: { userId: string }) => p.userId)).not.toContain('dir-hal');
    const cardsOps = await stack.as(people.handler).get('/api/v1/directory?department=cards-ops');
    expect(cardsOps.body.people.map((p: { userId: string }) => p.userId)).toEqual(['dir-hal', 'dir-hana']);
    const bad = await stack.as(people.handler).get('/api/v1/directory?role=chair');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.role');
  });
});

describe('the records around a complaint', () => {
  it("lists the same customer's other complaints (repeats marked, no customer details) and names the product", async () => {
    const g = gates(stack);
    const product = await g.create(people.owner, { name: 'Travel card' });
    const ref = `rel-${Date.now()}`;
    const customer = { ref, name: '王五', phone: '13700001111' };
    const first = await intake(stack, { customer, category: 'product', initiativeId: product, description: 'Travel card fee charged twice' });
    const second = await intake(stack, { customer, category: 'product', initiativeId: product, description: 'Fee charged twice again' });
    const other = await intake(stack, { customer: { ...customer, ref: `${ref}-x` }, description: 'Someone else' });

    const res = await stack.as(people.agent).get(`/api/v1/complaints/${second.id}/related`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.product).toEqual({ id: product, name: 'Travel card', stage: 'research', status: 'in_progress' });
    expect(res.body.sameCustomer).toEqual([
      expect.objectContaining({ id: first.id, status: 'open', summary: 'Travel card fee charged twice', repeat: true, product: { id: product, name: 'Travel card' } }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain('王五');
    expect(JSON.stringify(res.body)).not.toContain(other.id);

    // A business handler sees only what was transferred to their department: none of these.
    expect((await stack.as(people.handler).get(`/api/v1/complaints/${second.id}/related`)).status).toBe(403);
    expect((await stack.as(people.supervisor).get('/api/v1/complaints/6f1c1a52-0000-4000-8000-000000000000/related')).status).toBe(404);
  });
});
