import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../../db/audit.js';
import { writeCheckpoint } from '../../audit/checkpoint.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * The audit endpoints over HTTP: who may read them, filters and pagination of the events,
 * verification of one chain and of the whole trail, and that nothing under /audit writes.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withoutWorker: true });
  const db = stack.database.db;
  // complaint c-1: 4 events by cai, then sue; complaint c-2: 3 events by cora; a policy change by ada.
  const at = (min: number) => new Date(Date.UTC(2026, 10, 27, 9, min));
  const customer = { ref: 'cust-1', name: 'Li Wei', phone: '+86 138 1234 5678', idNumber: '110101199003071234' };
  const write = (entityId: string, seq: number, actor: string, roles: string[], min: number, extra: Record<string, unknown> = {}) =>
    db.transaction((tx) =>
      appendAuditEvent(tx, { entityType: 'complaint', entityId, sourceKey: `complaint-${entityId}:${seq}`, actor, roles, action: `complaint.step${seq}`, at: at(min), after: { status: `s${seq}` }, ...extra }),
    );
  await write('c-1', 1, 'cai', ['cs_agent'], 0, { after: { status: 'open', customer } });
  await write('c-2', 1, 'cora', ['cs_agent'], 1);
  await write('c-1', 2, 'cai', ['cs_agent'], 2, { before: { status: 'open', customer }, after: { status: 'responded' }, reason: 'called back' });
  await write('c-2', 2, 'cora', ['cs_agent'], 3);
  await write('c-1', 3, 'sue', ['supervisor'], 4);
  await write('c-2', 3, 'cora', ['cs_agent'], 5);
  await write('c-1', 4, 'sue', ['supervisor'], 6);
  await stack.as(people.admin).put('/api/v1/policies/sla', (await stack.as(people.admin).get('/api/v1/policies/sla')).body);
});
afterAll(async () => {
  await stack?.stop();
});

const auditor = () => stack.as(people.auditor);

describe('audit endpoints: who may use them', () => {
  const reads = ['/api/v1/audit/events', '/api/v1/audit/verify', '/api/v1/audit/verify?entityType=complaint&entityId=c-1', '/api/v1/audit/complaint/c-1/export'];

  it.each(reads)('%s: auditor and admin read; other roles 403; no token 401', async (path) => {
    expect((await stack.as(people.auditor).get(path)).status).toBe(200);
    expect((await stack.as(people.admin).get(path)).status).toBe(200);
    for (const who of [people.agent, people.owner, people.supervisor, people.handler, people.nobody]) {
      const res = await stack.as(who).get(path);
      expect(res.status, `${who.userId} on ${path}`).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await stack.anonymous.get(path)).status).toBe(401);
  });

  it('offers no way to change the trail: writes under /audit do not exist, and the auditor cannot administer', async () => {
    for (const who of [people.auditor, people.admin]) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        for (const path of ['/api/v1/audit/events', '/api/v1/audit/verify', '/api/v1/audit/complaint/c-1/export', '/api/v1/audit/complaint/c-1']) {
          const res = await stack.as(who).raw(path, { method, headers: { 'content-type': 'application/json' }, body: '{}' });
          expect([404, 405], `${method} ${path}`).toContain(res.status);
        }
      }
    }
    expect((await auditor().put('/api/v1/committee', { members: [{ userId: 'aud', name: 'A', department: 'x', chair: true }] })).status).toBe(403);
    expect((await auditor().put('/api/v1/policies/sla', {})).status).toBe(403);
    const [count] = await stack.query<{ n: number }>(`select count(*)::int as n from audit_events`);
    expect(count!.n).toBe(8);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const doc = (await stack.anonymous.get('/api/v1/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/audit/events', '/api/v1/audit/verify', '/api/v1/audit/{entityType}/{entityId}/export']));
    expect(doc.paths['/api/v1/audit/events'].get.description).toBe('Roles: compliance_auditor, admin');
  });
});

describe('GET /audit/events', () => {
  it('lists every recorded action oldest first, in the AuditEvent shape, customer PII masked', async () => {
    const res = await auditor().get('/api/v1/audit/events');
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items).toHaveLength(8);
    const [first, , third] = res.body.items;
    expect(first).toEqual({
      id: expect.stringMatching(/^\d+$/),
      entityType: 'complaint',
      entityId: 'c-1',
      seq: 1,
      actor: 'cai',
      roles: ['cs_agent'],
      action: 'complaint.step1',
      at: '2026-11-27T09:00:00.000Z',
      after: { status: 'open', customer: { ref: 'cust-1', name: 'L*****', phone: '138****5678', idNumber: '110***********1234' } },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      prevHash: null,
    });
    expect(third).toMatchObject({ entityId: 'c-1', seq: 2, reason: 'called back', before: { customer: { phone: '138****5678' } }, prevHash: first.hash });
    expect(res.body.items[7]).toMatchObject({ entityType: 'policy', entityId: 'sla', actor: 'ada', action: 'sla.updated' });
  });

  it('filters by entity, actor and time range (from inclusive, to exclusive)', async () => {
    const seqs = async (q: string) => (await auditor().get(`/api/v1/audit/events?${q}`)).body.items.map((e: { entityId: string; seq: number }) => `${e.entityId}#${e.seq}`);
    expect(await seqs('entityType=complaint&entityId=c-2')).toEqual(['c-2#1', 'c-2#2', 'c-2#3']);
    expect(await seqs('entityType=policy')).toEqual(['sla#1']);
    expect(await seqs('actor=sue')).toEqual(['c-1#3', 'c-1#4']);
    expect(await seqs('from=2026-11-27T09:02:00Z&to=2026-11-27T09:05:00Z')).toEqual(['c-1#2', 'c-2#2', 'c-1#3']);
    expect(await seqs('from=2026-11-27T17:02:00%2B08:00&to=2026-11-27T09:05:00.000Z&entityId=c-1')).toEqual(['c-1#2', 'c-1#3']);
    expect(await seqs('actor=nobody')).toEqual([]);
  });

  it('pages with limit and an opaque cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await auditor().get(`/api/v1/audit/events?entityType=complaint&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((e: { id: string }) => e.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort((a, b) => Number(a) - Number(b))).toEqual(seen);
  });

  it('refuses malformed filters with a problem document naming the field', async () => {
    for (const [q, field] of [
      ['limit=0', 'query.limit'],
      ['limit=5000', 'query.limit'],
      ['from=yesterday', 'query.from'],
      ['to=2026-11-27', 'query.to'],
      ['entityType=customer', 'query.entityType'],
      ['cursor=bm9wZQ', 'query.cursor'],
      ["entityId=x'%20or%201=1", 'query.entityId'],
    ]) {
      const res = await auditor().get(`/api/v1/audit/events?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path), q).toContain(field);
    }
  });
});

describe('GET /audit/verify', () => {
  it('verifies one chain, the whole trail and the latest checkpoint', async () => {
    await writeCheckpoint(stack.database.db);
    expect((await auditor().get('/api/v1/audit/verify?entityType=complaint&entityId=c-1')).body).toEqual({ ok: true, checked: 4, checkpoint: { id: expect.any(Number), seq: 4 } });
    const all = await auditor().get('/api/v1/audit/verify');
    expect(all.body).toMatchObject({ ok: true, checked: 8, entities: 3, brokenCount: 0, checkpoint: { ok: true, entitiesChecked: 3 } });
    expect(all.body.firstBrokenAt).toBeUndefined();
  });

  it('names the first broken event after tampering, and 404s an unknown chain', async () => {
    // A DBA-level attacker edits c-2's second event (the append-only trigger bypassed).
    const client = new pg.Client({ connectionString: stack.databaseUrl });
    await client.connect();
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await client.query(`update audit_events set actor = 'mallory' where entity_type = 'complaint' and entity_id = 'c-2' and seq = 2`);
    await client.query('commit');
    await client.end();

    const one = await auditor().get('/api/v1/audit/verify?entityType=complaint&entityId=c-2');
    expect(one.body).toMatchObject({ ok: false, checked: 3, firstBrokenAt: 'complaint/c-2#2', reason: 'hash_mismatch' });
    const all = await auditor().get('/api/v1/audit/verify');
    expect(all.body).toMatchObject({ ok: false, firstBrokenAt: 'complaint/c-2#2', brokenCount: 1, broken: [{ entityId: 'c-2', firstBrokenAt: 'complaint/c-2#2' }] });
    expect((await auditor().get('/api/v1/audit/verify?entityType=complaint&entityId=c-1')).body.ok).toBe(true);
    const exported = await auditor().get('/api/v1/audit/complaint/c-2/export');
    expect(exported.body.verification).toMatchObject({ ok: false, firstBrokenAt: 'complaint/c-2#2' });

    expect((await auditor().get('/api/v1/audit/verify?entityType=complaint&entityId=nope')).status).toBe(404);
    const half = await auditor().get('/api/v1/audit/verify?entityType=complaint');
    expect(half.status).toBe(400);
  });
});
