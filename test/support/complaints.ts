import { expect } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import type { SlaPolicy } from '../../domain/policies.js';
import { people } from './people.js';
import type { StackLike as Stack } from './stack.js';

/** Helpers of the complaint integration tests (second-based policies, intake, stored rows). */

export const sec = (amount: number) => ({ amount, unit: 'second' as const });

/** A policy whose windows are long enough that nothing falls due unless a test shortens it. */
export function secondsPolicy(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    firstResponse: sec(600),
    resolution: { general: sec(600), major: sec(600), urgent: sec(600) },
    customerFeedback: sec(600),
    transferInvestigation: sec(600),
    appealDecision: sec(600),
    atRiskRatio: 0.8,
    maxPause: sec(600),
    breachWindow: sec(600),
    compensationApprovalLimit: 1000,
    ...overrides,
  };
}

export async function setPolicy(stack: Stack, policy: SlaPolicy): Promise<void> {
  const res = await stack.as(people.admin).put('/api/v1/policies/sla', policy);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

let counter = 0;
export function intakeBody(overrides: Record<string, unknown> = {}) {
  counter++;
  return {
    channel: 'hotline',
    customer: { ref: `cust-${process.pid}-${counter}`, name: '张三丰', phone: '13812345678', idNumber: '110101199003071234' },
    category: 'service',
    severity: 'general',
    description: 'Card blocked without notice while travelling',
    ...overrides,
  };
}

/** Takes a complaint as `who` (default: agent cai) and returns its answer body. */
export async function intake(stack: Stack, overrides: Record<string, unknown> = {}, who: Principal = people.agent, headers?: Record<string, string>) {
  const res = await stack.as(who).post('/api/v1/complaints', intakeBody(overrides), headers);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** POSTs a command and expects `status` (default 200); returns the body. */
export async function command(stack: Stack, who: Principal, id: string, path: string, body: unknown, status = 200) {
  const res = await stack.as(who).post(`/api/v1/complaints/${id}${path}`, body);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
}

export async function getComplaint(stack: Stack, id: string, who: Principal = people.supervisor) {
  const res = await stack.as(who).get(`/api/v1/complaints/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export async function auditActions(stack: Stack, id: string): Promise<string[]> {
  const rows = await stack.query<{ action: string }>(`select action from audit_events where entity_type = 'complaint' and entity_id = $1 order by seq`, [id]);
  return rows.map((r) => r.action);
}

export async function auditRows(stack: Stack, id: string) {
  return stack.query<{ seq: number; action: string; actor: string; roles: string[]; reason: string | null; before: any; after: any }>(
    `select seq, action, actor, roles, reason, before, after from audit_events where entity_type = 'complaint' and entity_id = $1 order by seq`,
    [id],
  );
}

export async function notificationsOf(stack: Stack, id: string) {
  return stack.query<{ topic: string; recipient_kind: string; recipient: string; message: string }>(
    `select topic, recipient_kind, recipient, message from notifications where entity_type = 'complaint' and entity_id = $1 order by id`,
    [id],
  );
}

/**
 * Shows the complaint's customer in clear (POST .../customer/reveal) as `who` (default: the
 * supervisor, with a reason) and returns the customer as shown; expects `status` (default 200).
 */
export async function revealCustomer(stack: Stack, id: string, who: Principal = people.supervisor, body: Record<string, unknown> = { reason: 'checking the customer’s details' }, status = 200) {
  const res = await stack.as(who).post(`/api/v1/complaints/${id}/customer/reveal`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body.customer;
}
