import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataKeys, openValue } from '../../db/customer-keys.js';
import { piiKey } from '../../config/secrets.js';
import { maskIdNumber, maskName, maskPhone, PiiCipher } from '../../security/pii.js';
import { auditRows, command, intake, intakeBody, revealCustomer, secondsPolicy, setPolicy } from '../support/complaints.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * PUT /api/v1/complaints/{id}/customer (docs/business-rules.md §3: "every change to customer information
 * records person, time and reason"): who may change it, what the readers see afterwards, the audit
 * event (masked, with reason and actor), and that nothing at rest holds the PII in clear.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await setPolicy(stack, secondsPolicy());
});
afterAll(async () => stack?.stop());

const { agent, agent2, supervisor, auditor, admin, handler, owner, nobody } = people;
const put = (who: (typeof people)[keyof typeof people], id: string, body: unknown, headers?: Record<string, string>) =>
  stack.as(who).put(`/api/v1/complaints/${id}/customer`, body, headers);

const original = { name: '王小明', phone: '13698765432', idNumber: '44030119851231567X' };
const corrected = { name: '王晓明', phone: '+86 139-0011-2233', idNumber: '110105198001019876' };

/** Every row the complaint touches, as one string, for "no clear PII at rest" checks. */
async function everythingStored(id: string): Promise<string> {
  return JSON.stringify([
    await stack.query('select * from complaint_customers where complaint_id = $1', [id]),
    await stack.query('select * from complaints where id = $1', [id]),
    await stack.query('select * from audit_events where entity_id = $1', [id]),
    await stack.query('select * from notifications where entity_id = $1', [id]),
    await stack.query('select * from idempotency_keys'),
  ]);
}

describe('changing the customer’s details', () => {
  it('the owner agent corrects them with a reason: shown in clear on request to owner and supervisor, masked in every answer', async () => {
    const c = await intake(stack, { customer: { ref: `cu-${Date.now()}`, ...original } });
    const res = await put(agent, c.id, { ...corrected, reason: 'customer called: new phone, id card renewed, name misspelt' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const maskedCorrected = { ref: c.customer.ref, name: maskName(corrected.name), phone: maskPhone(corrected.phone), idNumber: maskIdNumber(corrected.idNumber), masked: true };
    expect(res.body.customer).toEqual({ ...maskedCorrected, reveal: { reasonRequired: false } });

    for (const who of [agent, supervisor]) {
      expect(await revealCustomer(stack, c.id, who), who.userId).toEqual({ ref: c.customer.ref, ...corrected });
    }
    for (const who of [agent, supervisor, agent2, auditor, admin]) {
      const seen = await stack.as(who).get(`/api/v1/complaints/${c.id}`);
      const reveal = who === agent ? { reasonRequired: false } : who === supervisor ? { reasonRequired: true } : null;
      expect(seen.body.customer, who.userId).toEqual({ ...maskedCorrected, reveal });
    }
    // the list shows the same
    const listed = (await stack.as(agent2).get(`/api/v1/complaints?limit=200`)).body.items.find((i: any) => i.id === c.id);
    expect(listed.customer.phone).toBe(maskPhone(corrected.phone));
  });

  it('records person, time and reason in the audit trail, masked, in the complaint’s chain', async () => {
    const c = await intake(stack, { customer: { ref: `cu-audit-${Date.now()}`, ...original } });
    const before = Date.now();
    expect((await put(agent, c.id, { phone: corrected.phone, reason: 'new phone number' })).status).toBe(200);
    await command(stack, agent, c.id, '/responses', { message: 'Called on the new number', channel: 'hotline' });

    const rows = await auditRows(stack, c.id);
    expect(rows.map((r) => r.action)).toEqual(['complaint.received', 'complaint.customer_updated', 'complaint.responded']);
    const event = rows[1]!;
    expect(event).toMatchObject({
      actor: agent.userId,
      roles: agent.roles,
      reason: 'new phone number',
      before: { customer: { phone: maskPhone(original.phone) } },
      after: { customer: { phone: maskPhone(corrected.phone) }, changed: ['phone'] },
    });
    const [{ at }] = await stack.query(`select at from audit_events where entity_id = $1 and action = 'complaint.customer_updated'`, [c.id]);
    expect(new Date(at).getTime()).toBeGreaterThanOrEqual(before - 1000);

    // the auditor's view of it: the same, masked once (masking twice changes nothing)
    const events = await stack.as(auditor).get(`/api/v1/audit/events?entityType=complaint&entityId=${c.id}`);
    expect(events.body.items.find((e: any) => e.action === 'complaint.customer_updated')).toMatchObject({
      actor: agent.userId,
      reason: 'new phone number',
      before: { customer: { phone: '136****5432' } },
      after: { customer: { phone: '139****2233' }, changed: ['phone'] },
    });
    // the chain still verifies with the event between the workflow's own
    const verified = await stack.as(auditor).get(`/api/v1/audit/verify?entityType=complaint&entityId=${c.id}`);
    expect(verified.body).toMatchObject({ ok: true, checked: 3 });
    const exported = await stack.as(auditor).get(`/api/v1/audit/complaint/${c.id}/export`);
    expect(JSON.stringify(exported.body)).not.toContain(corrected.phone.replace(/\D/g, '').slice(-11));
  });

  it('keeps nothing in clear at rest: the row is re-sealed, the audit event and the idempotency record hold no PII', async () => {
    const c = await intake(stack, { customer: { ref: `cu-rest-${Date.now()}`, ...original } });
    const sealedBefore = (await stack.query('select * from complaint_customers where complaint_id = $1', [c.id]))[0];
    const key = { 'Idempotency-Key': `cu-rest-${Date.now()}` };
    expect((await put(agent, c.id, { ...corrected, reason: 'documents renewed' }, key)).status).toBe(200);

    const stored = await everythingStored(c.id);
    const digits = (s: string) => s.replace(/\D/g, '');
    for (const secret of [original.phone, original.idNumber, original.name, corrected.phone, digits(corrected.phone), corrected.idNumber, corrected.name]) {
      expect(stored, secret).not.toContain(secret);
    }
    const [row] = await stack.query('select * from complaint_customers where complaint_id = $1', [c.id]);
    for (const col of ['name_enc', 'phone_enc', 'id_number_enc']) {
      expect(row[col]).toMatch(/^v3\.[\w-]{16}\./); // under the customer's data key (docs/security.md)
      expect(row[col]).not.toBe(sealedBefore[col]);
    }
    // sealed with the service's key and bound to this row and field
    // (through the customer's data key, wrapped by the service's key)
    const cipher = new PiiCipher(piiKey(stack.config));
    const keys = await loadDataKeys(stack.database.db, cipher, [row.phone_enc]);
    expect(openValue(cipher, keys, row.phone_enc, `${c.id}:phone`)).toBe(corrected.phone);
    expect(openValue(cipher, keys, row.id_number_enc, `${c.id}:idNumber`)).toBe(corrected.idNumber);
    expect(() => openValue(cipher, keys, row.phone_enc, `${c.id}:idNumber`)).toThrow();
  });

  it('keeps no PII in the stored answers of idempotent requests (intake with a key answers the agent masked)', async () => {
    const key = { 'Idempotency-Key': `cu-intake-${Date.now()}` };
    const body = intakeBody({ customer: { ref: `cu-intake-${Date.now()}`, ...original } });
    const first = await stack.as(agent).post('/api/v1/complaints', body, key);
    expect(first.body.customer).toMatchObject({ name: maskName(original.name), phone: maskPhone(original.phone), idNumber: maskIdNumber(original.idNumber), masked: true });
    const [row] = await stack.query('select body from idempotency_keys where key = $1', [key['Idempotency-Key']]);
    expect(row.body.sealed).toMatch(/^v2\.[\w-]{12}\./);
    for (const secret of Object.values(original)) expect(JSON.stringify(row)).not.toContain(secret);
    // the replay still answers the first result
    const replay = await stack.as(agent).post('/api/v1/complaints', body, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
  });

  it('a supervisor may change them too', async () => {
    const c = await intake(stack, { customer: { ref: `cu-sup-${Date.now()}`, ...original } });
    const res = await put(supervisor, c.id, { name: corrected.name, reason: 'name corrected after ID check' });
    expect(res.status).toBe(200);
    expect(res.body.customer).toMatchObject({ name: maskName(corrected.name), phone: maskPhone(original.phone), masked: true });
    expect(await revealCustomer(stack, c.id, supervisor)).toMatchObject({ name: corrected.name, phone: original.phone });
    expect((await auditRows(stack, c.id)).at(-1)).toMatchObject({ action: 'complaint.customer_updated', actor: supervisor.userId, reason: 'name corrected after ID check' });
  });

  it('is idempotent: a retry with the same key changes nothing more; the same key with another body is 409', async () => {
    const c = await intake(stack, { customer: { ref: `cu-idem-${Date.now()}`, ...original } });
    const key = { 'Idempotency-Key': `cu-idem-${Date.now()}` };
    const body = { phone: '13700000001', reason: 'new number' };
    const first = await put(agent, c.id, body, key);
    const retry = await put(agent, c.id, body, key);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.customer).toEqual(first.body.customer);

    // the key record was lost after the write (API died): the retry runs again and finds the event
    await stack.query('delete from idempotency_keys where key = $1', [key['Idempotency-Key']]);
    expect((await put(agent, c.id, body, key)).status).toBe(200);
    expect((await auditRows(stack, c.id)).filter((r) => r.action === 'complaint.customer_updated')).toHaveLength(1);

    expect((await put(agent, c.id, { phone: '13700000002', reason: 'again' }, key)).status).toBe(409);
    // the values already stored: nothing to record
    expect((await put(agent, c.id, { phone: '13700000001', reason: 'same again' })).status).toBe(200);
    expect((await auditRows(stack, c.id)).filter((r) => r.action === 'complaint.customer_updated')).toHaveLength(1);
  });
});

describe('refusals', () => {
  it('400 without a reason, with a blank reason, with nothing to change, with unknown fields or bad values', async () => {
    const c = await intake(stack);
    const cases: [unknown, string][] = [
      [{ phone: '13700000001' }, 'body.reason'],
      [{ phone: '13700000001', reason: '   ' }, 'body.reason'],
      [{ reason: 'nothing' }, 'body.name'],
      [{ phone: '13700000001', reason: 'r', ref: 'other-customer' }, 'body.ref'],
      [{ phone: 'call me maybe', reason: 'r' }, 'body.phone'],
      [{ idNumber: '12', reason: 'r' }, 'body.idNumber'],
      [{ name: '', reason: 'r' }, 'body.name'],
    ];
    for (const [body, path] of cases) {
      const res = await put(agent, c.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: any) => e.path), JSON.stringify(body)).toContain(path);
    }
    expect((await auditRows(stack, c.id)).map((r) => r.action)).toEqual(['complaint.received']);
  });

  it('403 for every other role, 401 without a token, 404 for an unknown complaint', async () => {
    const c = await intake(stack);
    const body = { phone: '13700000009', reason: 'r' };
    // the chair as committee data only (people.chair is also a supervisor)
    for (const who of [agent2, handler, owner, auditor, admin, nobody, { ...people.chair, roles: [] }]) {
      const res = await put(who, c.id, body);
      expect(res.status, who.userId).toBe(403);
      expect(res.body.status).toBe(403);
    }
    expect((await stack.anonymous.put(`/api/v1/complaints/${c.id}/customer`, body)).status).toBe(401);
    expect((await put(agent, '00000000-0000-4000-8000-000000000000', body)).status).toBe(404);
    expect((await auditRows(stack, c.id)).map((r) => r.action)).toEqual(['complaint.received']);
    expect((await revealCustomer(stack, c.id, supervisor)).phone).toBe('13812345678');
  });

  it('is documented in the OpenAPI document with its roles', async () => {
    const doc = (await stack.anonymous.get('/api/v1/openapi.json')).body;
    const op = doc.paths['/api/v1/complaints/{id}/customer'].put;
    expect(op.description).toBe('Roles: cs_agent, supervisor');
    expect(op.requestBody.content['application/json'].schema).toBeDefined();
  });
});
