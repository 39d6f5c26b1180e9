import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import { maskPiiText } from '../../domain/pii-text.js';
import { command, intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * The PII access log (docs/security.md "PII access log"): every complaint answer carries the
 * customer masked and records nothing; a deliberate reveal leaves one record the auditor finds
 * (who, which complaint, which fields, why — the purpose `reveal` and the reason); the records are
 * a verified audit chain; a person who opens more distinct customers than the rule allows (here 2
 * in a day) is flagged to compliance.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { PII_ACCESS_FLAG_CUSTOMERS: '2', PII_ACCESS_FLAG_WINDOW_MINUTES: '1440' } });
  await setPolicy(stack, secondsPolicy());
});
afterAll(async () => stack?.stop());

const { agent, agent2, supervisor, handler, auditor, admin } = people;
const log = async (query: Record<string, string>, who: Principal = auditor) => {
  const res = await stack.as(who).get(`/api/v1/audit/pii-access?${new URLSearchParams({ limit: '1000', ...query })}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as any[];
};
/** A person of their own, so records of other test files never count towards their flag. */
const fresh = (roles: string[]): Principal => ({ userId: `pii-${randomUUID().slice(0, 8)}`, name: 'Fresh Person', roles, department: 'customer-service' });
const reveal = (who: Principal, id: string, body: unknown = { reason: 'customer on the line' }, headers?: Record<string, string>) =>
  stack.as(who).post(`/api/v1/complaints/${id}/customer/reveal`, body, headers);

describe('the PII access log', () => {
  it('records the agent’s reveal; the auditor finds who, which complaint, which fields, why; the chain verifies', async () => {
    const c = await intake(stack);
    // Opening the complaint shows it masked and records nothing.
    const seen = await stack.as(agent).get(`/api/v1/complaints/${c.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.customer).toMatchObject({ masked: true, phone: '138****5678', reveal: { reasonRequired: false } });
    expect(await log({ actor: agent.userId, complaintId: c.id })).toEqual([]);

    const requestId = `req-${randomUUID()}`;
    const shown = await reveal(agent, c.id, {}, { 'x-request-id': requestId });
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body).toMatchObject({ complaintId: c.id, customer: { phone: '13812345678' }, revealed: ['name', 'phone', 'idNumber'], recorded: true });

    const records = await log({ actor: agent.userId, complaintId: c.id });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      actor: agent.userId,
      roles: agent.roles,
      action: 'pii_access.granted',
      purpose: 'reveal',
      requestId,
      items: [{ complaintId: c.id, customerRef: c.customer.ref, fields: ['name', 'phone', 'idNumber'] }],
      reason: null,
      flag: null,
    });
    expect(Date.parse(records[0].at)).toBe(Date.parse(shown.body.at));
    // The record holds references, never the details.
    expect(JSON.stringify(records)).not.toContain('13812345678');

    const verified = await stack.as(auditor).get(`/api/v1/audit/verify?entityType=pii_access&entityId=${encodeURIComponent(records[0].chain)}`);
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body.ok).toBe(true);
    expect(verified.body.checked).toBeGreaterThanOrEqual(1);
    // admin reads the log as every other audit endpoint
    expect((await log({ actor: agent.userId, complaintId: c.id }, admin)).length).toBe(records.length);
  });

  it('records a supervisor’s reveal with their reason (numbers in it masked) and only the fields asked for', async () => {
    const c = await intake(stack);
    const shown = await reveal(supervisor, c.id, { fields: ['phone'], reason: 'customer asked to be called on 13812345678 instead' });
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body.customer).toEqual({ ref: c.customer.ref, name: '张**', phone: '13812345678', idNumber: '110***********1234' });
    const records = await log({ actor: supervisor.userId, complaintId: c.id });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ purpose: 'reveal', items: [{ complaintId: c.id, fields: ['phone'] }], reason: maskPiiText('customer asked to be called on 13812345678 instead') });
    expect(records[0].reason).not.toContain('13812345678');
  });

  it('a masked answer records nothing: details, lists, the intake and commands, for every role', async () => {
    const c = await intake(stack);
    await command(stack, agent, c.id, '/responses', { message: 'We are looking into it', channel: 'hotline' });
    await command(stack, agent, c.id, '/transfer', { department: handler.department, reason: 'needs the card team' });
    for (const who of [agent, agent2, supervisor, handler, auditor, admin]) {
      const seen = await stack.as(who).get(`/api/v1/complaints/${c.id}`);
      expect(seen.status, who.userId).toBe(200);
      expect(seen.body.customer.masked, who.userId).toBe(true);
      expect(seen.body.customer.phone, who.userId).toBe('138****5678');
      const listed = await stack.as(who).get(`/api/v1/complaints?limit=200`);
      expect(listed.status).toBe(200);
      expect((listed.body.items as any[]).every((i) => i.customer.masked === true), who.userId).toBe(true);
      expect(JSON.stringify(listed.body), who.userId).not.toContain('13812345678');
    }
    for (const who of [agent, agent2, supervisor, handler, auditor, admin]) expect(await log({ actor: who.userId, complaintId: c.id }), who.userId).toEqual([]);
  });

  it('a person who opens more distinct customers than the rule allows is flagged to compliance, once per window', async () => {
    const supervisor = fresh(['supervisor']);
    const complaints = [await intake(stack), await intake(stack), await intake(stack), await intake(stack)];
    for (const c of complaints.slice(0, 2)) expect((await reveal(supervisor, c.id)).status).toBe(200);
    // Two customers: at the threshold, not beyond it.
    expect((await log({ actor: supervisor.userId })).filter((r) => r.action === 'pii_access.flagged')).toEqual([]);
    // The same customer again adds no distinct customer.
    expect((await reveal(supervisor, complaints[0].id)).status).toBe(200);
    expect((await log({ actor: supervisor.userId })).filter((r) => r.action === 'pii_access.flagged')).toEqual([]);

    for (const c of complaints.slice(2)) expect((await reveal(supervisor, c.id)).status).toBe(200);
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
