import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import { intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * The PII access log (docs/security.md "PII access log"): an answer with a customer's details in
 * clear leaves one record the auditor finds (who, which complaint, which fields, why); a masked
 * answer leaves none; the records are a verified audit chain; a person who opens more distinct
 * customers than the rule allows (here 2 in a day) is flagged to compliance.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { PII_ACCESS_FLAG_CUSTOMERS: '2', PII_ACCESS_FLAG_WINDOW_MINUTES: '1440' } });
  await setPolicy(stack, secondsPolicy());
});
afterAll(async () => stack?.stop());

const { agent, agent2, auditor, admin } = people;
const log = async (query: Record<string, string>, who: Principal = auditor) => {
  const res = await stack.as(who).get(`/api/v1/audit/pii-access?${new URLSearchParams({ limit: '1000', ...query })}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as any[];
};
/** A person of their own, so records of other test files never count towards their flag. */
const fresh = (roles: string[]): Principal => ({ userId: `pii-${randomUUID().slice(0, 8)}`, name: 'Fresh Person', roles, department: 'customer-service' });

describe('the PII access log', () => {
  it('records the agent’s detail view in clear; the auditor finds who, which complaint, which fields, why; the chain verifies', async () => {
    const c = await intake(stack);
    const requestId = `req-${randomUUID()}`;
    const seen = await stack.as(agent).get(`/api/v1/complaints/${c.id}`, { 'x-request-id': requestId });
    expect(seen.status).toBe(200);
    expect(seen.body.customer.masked).toBe(false);

    const records = await log({ actor: agent.userId, complaintId: c.id });
    const detail = records.filter((r) => r.purpose === 'detail');
    expect(detail).toHaveLength(1);
    expect(detail[0]).toMatchObject({
      actor: agent.userId,
      roles: agent.roles,
      action: 'pii_access.granted',
      requestId,
      items: [{ complaintId: c.id, customerRef: c.customer.ref, fields: ['name', 'phone', 'idNumber'] }],
      flag: null,
    });
    // The intake's own answer handed the details back too: recorded as a command's answer.
    expect(records.filter((r) => r.purpose === 'command')).toHaveLength(1);
    // The record holds references, never the details.
    expect(JSON.stringify(records)).not.toContain('13812345678');

    const verified = await stack.as(auditor).get(`/api/v1/audit/verify?entityType=pii_access&entityId=${encodeURIComponent(detail[0].chain)}`);
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body.ok).toBe(true);
    expect(verified.body.checked).toBeGreaterThanOrEqual(2);
    // admin reads the log as every other audit endpoint
    expect((await log({ actor: agent.userId, complaintId: c.id }, admin)).length).toBe(records.length);
  });

  it('a masked answer records nothing', async () => {
    const c = await intake(stack);
    for (const who of [agent2, auditor, admin]) {
      const seen = await stack.as(who).get(`/api/v1/complaints/${c.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.customer.masked, who.userId).toBe(true);
      const listed = await stack.as(who).get(`/api/v1/complaints?limit=200`);
      expect(listed.status).toBe(200);
    }
    for (const who of [agent2, auditor, admin]) expect(await log({ actor: who.userId, complaintId: c.id }), who.userId).toEqual([]);
  });

  it('a list page in clear makes one record naming all its complaints', async () => {
    const a = await intake(stack);
    const b = await intake(stack);
    const supervisor = fresh(['supervisor']);
    const requestId = `req-${randomUUID()}`;
    const listed = await stack.as(supervisor).get(`/api/v1/complaints?limit=200`, { 'x-request-id': requestId });
    expect(listed.status).toBe(200);
    const ids = (listed.body.items as any[]).filter((i) => !i.customer.masked && !i.customer.unreadable).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));

    const granted = (await log({ actor: supervisor.userId })).filter((r) => r.action === 'pii_access.granted');
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ purpose: 'list', requestId });
    expect(granted[0].items.map((i: any) => i.complaintId).sort()).toEqual([...ids].sort());
    expect((await log({ actor: supervisor.userId, complaintId: a.id })).map((r) => r.id)).toEqual([granted[0].id]);
  });

  it('a person who opens more distinct customers than the rule allows is flagged to compliance, once per window', async () => {
    const supervisor = fresh(['supervisor']);
    const complaints = [await intake(stack), await intake(stack), await intake(stack), await intake(stack)];
    for (const c of complaints.slice(0, 2)) expect((await stack.as(supervisor).get(`/api/v1/complaints/${c.id}`)).status).toBe(200);
    // Two customers: at the threshold, not beyond it.
    expect((await log({ actor: supervisor.userId })).filter((r) => r.action === 'pii_access.flagged')).toEqual([]);
    // The same customer again adds no distinct customer.
    expect((await stack.as(supervisor).get(`/api/v1/complaints/${complaints[0].id}`)).status).toBe(200);
    expect((await log({ actor: supervisor.userId })).filter((r) => r.action === 'pii_access.flagged')).toEqual([]);

    for (const c of complaints.slice(2)) expect((await stack.as(supervisor).get(`/api/v1/complaints/${c.id}`)).status).toBe(200);
    const flags = (await log({ actor: supervisor.userId })).filter((r) => r.action === 'pii_access.flagged');
    expect(flags).toHaveLength(1);
    expect(flags[0].flag).toEqual({ distinctCustomers: 3, threshold: 2, windowMinutes: 1440 });

    const notices = await stack.query<{ topic: string; recipient_kind: string; recipient: string; data: any }>(
      `select topic, recipient_kind, recipient, data from notifications where topic = 'pii_access.flagged' and data->>'actor' = $1`,
      [supervisor.userId],
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ recipient_kind: 'role', recipient: 'compliance_auditor', data: { actor: supervisor.userId, distinctCustomers: 3, threshold: 2 } });

    const verified = await stack.as(auditor).get(`/api/v1/audit/verify?entityType=pii_access&entityId=${encodeURIComponent(flags[0].chain)}`);
    expect(verified.body.ok).toBe(true);
  });
});
