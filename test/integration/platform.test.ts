import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withoutWorker: true });
});
afterAll(async () => stack?.stop());

describe('health, readiness, metrics, OpenAPI', () => {
  it('answers /healthz and /readyz with Temporal and PostgreSQL up', async () => {
    expect((await stack.anonymous.get('/healthz')).status).toBe(200);
    const ready = await stack.anonymous.get('/readyz');
    expect(ready.status).toBe(200);
    // (The body may also carry warnings that need an operator: the calendar's, docs/calendar.md.)
    expect(ready.body).toMatchObject({ status: 'ready', checks: { database: 'up', temporal: 'up' } });
  });

  it('serves Prometheus metrics including HTTP timings by route', async () => {
    await stack.as(people.admin).get('/api/v1/committee');
    const metrics = await stack.anonymous.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('cxgov_http_request_duration_seconds_count{method="GET",route="/api/v1/committee",status="200"}');
    expect(metrics.body).toContain('process_resident_memory_bytes');
  });

  it('serves an OpenAPI 3.1 document listing the administration endpoints', async () => {
    const doc = await stack.anonymous.get('/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/committee', '/api/v1/policies/review', '/api/v1/policies/sla', '/api/v1/calendar']));
    expect(doc.body.paths['/api/v1/committee'].put.requestBody).toBeDefined();
  });

  it('sets security headers and a request id on every answer', async () => {
    const res = await stack.anonymous.get('/healthz', { 'x-request-id': 'trace-me-1' });
    expect(res.headers.get('x-request-id')).toBe('trace-me-1');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers unknown routes with a 404 problem document', async () => {
    const res = await stack.as(people.admin).get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, title: 'Not found' });
  });
});

describe('request hygiene', () => {
  it('refuses malformed JSON with 400', async () => {
    const res = await stack.as(people.admin).raw('/api/v1/committee', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"members": [' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ title: 'Malformed JSON', status: 400 });
  });

  it('refuses bodies over the size limit with 413', async () => {
    const huge = JSON.stringify({ members: [{ userId: 'x', name: 'y'.repeat(200_000), department: 'd', chair: true }] });
    const res = await stack.as(people.admin).raw('/api/v1/committee', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: huge });
    expect(res.status).toBe(413);
    expect(res.body.status).toBe(413);
  });

  it('refuses unknown fields, naming them', async () => {
    const res = await stack.as(people.admin).put('/api/v1/committee', {
      members: [{ userId: 'gm', name: 'Grace', department: 'exec', chair: true, salary: 1 }],
      extra: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.extra', message: 'unknown field "extra" is not allowed', code: 'unknown_field' },
        { path: 'body.members.0.salary', message: 'unknown field "salary" is not allowed', code: 'unknown_field' },
      ]),
    );
  });
});

describe('administration', () => {
  const roster = {
    members: [
      { userId: 'gm', name: 'Grace GM', department: 'executive', chair: true },
      { userId: 'm1', name: 'Mina Risk', department: 'risk', chair: false },
      { userId: 'm2', name: 'Milo Tech', department: 'technology', chair: false },
    ],
  };

  it('stores the committee roster and records who changed it, before and after', async () => {
    const put = await stack.as(people.admin).put('/api/v1/committee', roster);
    expect(put.status).toBe(200);
    expect(put.body.members).toHaveLength(3);
    const get = await stack.as(people.admin).get('/api/v1/committee');
    expect(get.body.members.map((m: { userId: string }) => m.userId)).toEqual(['gm', 'm1', 'm2']);

    const rows = await stack.query(
      "select actor, action, before, after, hash, prev_hash from audit_events where entity_type = 'committee' order by seq",
    );
    expect(rows.at(-1)).toMatchObject({ actor: 'ada', action: 'committee.updated', after: roster.members });
    expect(rows.at(-1).hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('requires exactly one chair', async () => {
    const res = await stack.as(people.admin).put('/api/v1/committee', { members: roster.members.map((m) => ({ ...m, chair: true })) });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain('exactly one member must be the chair (found 3)');
  });

  it('returns the default policies of the product spec until changed', async () => {
    const review = await stack.as(people.admin).get('/api/v1/policies/review');
    expect(review.body).toMatchObject({ reviewDeadline: { amount: 5, unit: 'business_day' }, reminderRatio: 0.6, quorumRatio: 0.5, postLaunch: { complaintThreshold: 10 } });
    const sla = await stack.as(people.admin).get('/api/v1/policies/sla');
    expect(sla.body).toMatchObject({
      firstResponse: { amount: 24, unit: 'hour' },
      resolution: { urgent: { amount: 24, unit: 'hour' }, general: { amount: 7, unit: 'business_day' }, major: { amount: 15, unit: 'business_day' } },
      customerFeedback: { amount: 3, unit: 'business_day' },
      atRiskRatio: 0.8,
      compensationApprovalLimit: 1000,
    });
    const calendar = await stack.as(people.admin).get('/api/v1/calendar');
    expect(calendar.body).toMatchObject({ timeZone: 'Asia/Shanghai', endOfBusinessDay: '18:00', extraHolidays: [], extraWorkdays: [] });
  });

  it('changes a policy, versions it and audits before/after', async () => {
    const current = (await stack.as(people.admin).get('/api/v1/policies/sla')).body;
    const changed = { ...current, atRiskRatio: 0.75, firstResponse: { amount: 30, unit: 'second' } };
    const put = await stack.as(people.admin).put('/api/v1/policies/sla', changed);
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toBe('"sla-1"');
    expect((await stack.as(people.admin).get('/api/v1/policies/sla')).body).toEqual(changed);
    const rows = await stack.query("select before, after from audit_events where entity_type = 'policy' and entity_id = 'sla' order by seq desc limit 1");
    expect(rows[0].before.atRiskRatio).toBe(0.8);
    expect(rows[0].after).toMatchObject({ atRiskRatio: 0.75, version: 1 });
  });

  it('validates the business calendar: time zone, HH:MM, dates', async () => {
    const bad = await stack.as(people.admin).put('/api/v1/calendar', { timeZone: 'Mars/Olympus', endOfBusinessDay: '25:00', extraHolidays: ['2026-02-30'], extraWorkdays: [] });
    expect(bad.status).toBe(400);
    const paths = bad.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.timeZone', 'body.endOfBusinessDay', 'body.extraHolidays.0']));
    const good = await stack.as(people.admin).put('/api/v1/calendar', { timeZone: 'Asia/Hong_Kong', endOfBusinessDay: '17:30', extraHolidays: ['2026-12-24'], extraWorkdays: ['2026-12-26'] });
    expect(good.status).toBe(200);
  });

  it('lets only admins change settings', async () => {
    for (const who of [people.agent, people.auditor, people.supervisor, people.owner]) {
      const res = await stack.as(who).put('/api/v1/policies/review', {});
      expect(res.status, who.userId).toBe(403);
    }
  });
});

describe('business calendar rules shared with the calendar module', () => {
  it('refuses a date that is both an extra holiday and an extra workday', async () => {
    const res = await stack.as(people.admin).put('/api/v1/calendar', { timeZone: 'Asia/Shanghai', endOfBusinessDay: '18:00', extraHolidays: ['2026-12-26'], extraWorkdays: ['2026-12-26'] });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('2026-12-26');
  });
});
