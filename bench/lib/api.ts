import { randomUUID } from 'node:crypto';
import type { Principal } from '../../api/auth/roles.js';
import type { BenchStack } from './stack.js';

/** An answer with a status the caller did not expect. */
export class BenchHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A tiny HTTP client for the bench: JSON in, JSON out, throws on an unexpected status. */
export function apiAs(stack: BenchStack, who: Principal) {
  const token = stack.token(who);
  const call = async (method: string, path: string, body?: unknown, expected = [200, 201], idempotencyKey?: string) => {
    const res = await fetch(stack.apiUrl + path, {
      method,
      headers: { authorization: `Bearer ${await token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!expected.includes(res.status)) throw new BenchHttpError(res.status, `${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
    /**
     * A POST that a 503 does not end: retried with the same Idempotency-Key, as the API's answer
     * asks (the command may still have taken effect), up to five times a second apart.
     */
    postRetried: async (path: string, body: unknown = {}) => {
      const key = randomUUID();
      for (let attempt = 1; ; attempt++) {
        try {
          return await call('POST', path, body, [200, 201], key);
        } catch (err) {
          if (attempt >= 5 || !(err instanceof BenchHttpError) || err.status !== 503) throw err;
          await new Promise((r) => setTimeout(r, 1_000));
        }
      }
    },
  };
}

export type Api = ReturnType<typeof apiAs>;

export const cast = {
  admin: { userId: 'bench-admin', name: 'Bench Admin', roles: ['admin'] },
  auditor: { userId: 'bench-auditor', name: 'Bench Auditor', roles: ['compliance_auditor'] },
  agent: { userId: 'bench-agent', name: 'Bench Agent', roles: ['cs_agent'], department: 'customer-service' },
  owner: { userId: 'bench-owner', name: 'Bench Owner', roles: ['product_owner'], department: 'bench-team' },
  chair: { userId: 'bench-chair', name: 'Bench Chair', roles: [], department: 'executive' },
  members: Array.from({ length: 4 }, (_, i) => ({ userId: `bench-m${i + 1}`, name: `Member ${i + 1}`, roles: [], department: `dept-${i + 1}` })),
} satisfies Record<string, Principal | Principal[]>;

const seconds = (amount: number) => ({ amount, unit: 'second' as const });

/** Long windows so nothing falls due during a measurement unless the measurement wants it. */
export function slaPolicy(overrides: Record<string, unknown> = {}) {
  return {
    firstResponse: seconds(86_400),
    resolution: { general: seconds(86_400), major: seconds(86_400), urgent: seconds(86_400) },
    customerFeedback: seconds(86_400),
    transferInvestigation: seconds(86_400),
    appealDecision: seconds(86_400),
    atRiskRatio: 0.8,
    maxPause: seconds(86_400),
    breachWindow: seconds(86_400),
    compensationApprovalLimit: 1000,
    ...overrides,
  };
}

let customer = 0;
export function complaintBody(runId: string) {
  customer++;
  return {
    channel: 'app',
    customer: { ref: `bench-${runId}-${customer}`, name: '王小明', phone: '13900000000', idNumber: '110101199001011234' },
    category: 'service',
    severity: 'general',
    description: 'Benchmark complaint',
  };
}
