import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineActivities } from '../../activities/deadlines.js';
import { complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { auditActions, command, getComplaint, intake, intakeBody, notificationsOf, revealCustomer, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/** Intake: idempotency, repeats, PII protection, reads, filters, validation, calendar deadlines. */
let stack: Stack;
/** A product complaints may be linked to (a complaint may only name an initiative that exists). */
let product: string;
beforeAll(async () => {
  stack = await startStack();
  await setPolicy(stack, secondsPolicy());
  product = await gates(stack).create();
});
afterAll(async () => stack?.stop());

const { agent, agent2, supervisor, auditor, admin } = people;

describe('idempotent intake', () => {
  it('a retried request with the same Idempotency-Key returns the same complaint and creates nothing more', async () => {
    const body = intakeBody();
    const key = { 'Idempotency-Key': `intake-${Date.now()}` };
    const first = await stack.as(agent).post('/api/v1/complaints', body, key);
    expect(first.status).toBe(201);
    const retry = await stack.as(agent).post('/api/v1/complaints', body, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(first.body.id);

    // The API died after starting the workflow and its key record was lost: the retry runs again,
    // derives the same id and finds the same workflow (update-with-start, USE_EXISTING).
    await stack.query('delete from idempotency_keys where key = $1', [key['Idempotency-Key']]);
    const afterCrash = await stack.as(agent).post('/api/v1/complaints', body, key);
    expect(afterCrash.status).toBe(201);
    expect(afterCrash.headers.get('idempotent-replayed')).toBeNull();
    expect(afterCrash.body).toMatchObject({ id: first.body.id, deadlines: first.body.deadlines });

    const id = first.body.id;
    expect(await stack.query('select id from complaints where id = $1', [id])).toHaveLength(1);
    expect(await stack.query('select complaint_id from complaint_customers where complaint_id = $1', [id])).toHaveLength(1);
    expect(await auditActions(stack, id)).toEqual(['complaint.received']);
    const runs = await stack.temporal.workflow.getHandle(complaintWorkflowId(id)).describe();
    expect(runs.runId).toBe((await stack.temporal.workflow.getHandle(complaintWorkflowId(id), runs.runId).describe()).runId);

    // the same key with another body is a conflict; no key → a new complaint each time
    const other = await stack.as(agent).post('/api/v1/complaints', { ...body, description: 'something else' }, key);
    expect(other.status).toBe(409);
    const a = await intake(stack);
    const b = await intake(stack);
    expect(a.id).not.toBe(b.id);
  });

  it('concurrent retries of one request create exactly one complaint', async () => {
    const body = intakeBody();
    const key = { 'Idempotency-Key': `burst-${Date.now()}` };
    const answers = await Promise.all([1, 2, 3].map(() => stack.as(agent).post('/api/v1/complaints', body, key)));
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThan(0);
    for (const a of answers) expect([201, 409]).toContain(a.status); // 409: "still being processed; retry"
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    const rows = await stack.query('select id from complaints where customer_ref = $1', [body.customer.ref]);
    expect(rows).toHaveLength(1);
    expect(await auditActions(stack, created[0]!.body.id)).toEqual(['complaint.received']);
  });
});

describe('repeat detection', () => {
  it('flags the same customer with the same category, or the same product, within 30 days', async () => {
    const customer = { ref: `rep-${Date.now()}`, name: '李四', phone: '13900001111' };
    const first = await intake(stack, { customer, category: 'service', initiativeId: product });
    expect(first.repeatOf).toEqual([]);
    const sameCategory = await intake(stack, { customer, category: 'service' });
    expect(sameCategory).toMatchObject({ repeatOf: [first.id], repeat: true });
    const sameProduct = await intake(stack, { customer, category: 'system_technical', initiativeId: product });
    expect(sameProduct.repeatOf).toEqual([first.id]);
    const unrelated = await intake(stack, { customer, category: 'policy_process' });
    expect(unrelated.repeatOf).toEqual([]);
    const otherCustomer = await intake(stack, { category: 'service' });
    expect(otherCustomer.repeatOf).toEqual([]);
    // older than 30 days does not count
    const old = await intake(stack, { customer: { ...customer, ref: `old-${customer.ref}` }, category: 'product', receivedAt: new Date(Date.now() - 40 * 86_400_000).toISOString() });
    const recent = await intake(stack, { customer: { ...customer, ref: `old-${customer.ref}` }, category: 'product' });
    expect(old.repeatOf).toEqual([]);
    expect(recent.repeatOf).toEqual([]);

    expect(await notificationsOf(stack, sameCategory.id)).toEqual(expect.arrayContaining([expect.objectContaining({ topic: 'complaint.repeat', recipient: agent.userId })]));
    expect((await getComplaint(stack, sameCategory.id)).repeatOf).toEqual([first.id]);
    expect((await stack.query(`select after from audit_events where entity_type = 'complaint' and entity_id = $1 and seq = 1`, [sameCategory.id]))[0].after.repeatOf).toEqual([first.id]);
  });
});

describe('customer PII', () => {
  it('is stored encrypted, never in workflow history in clear, masked in every answer and shown in clear only on request', async () => {
    const customer = { ref: `pii-${Date.now()}`, name: '王小明', phone: '13698765432', idNumber: '44030119851231567X' };
    const c = await intake(stack, { customer });
    // The intake's answer is masked too; the owner agent shows the details when needed.
    expect(c.customer).toEqual({ ref: customer.ref, name: '王**', phone: '136****5432', idNumber: '440***********567X', masked: true, reveal: { reasonRequired: false } });
    expect(await revealCustomer(stack, c.id, agent, {})).toEqual(customer);
    await command(stack, agent, c.id, '/responses', { message: 'We called you back', channel: 'hotline' });

    const secrets = [customer.phone, customer.idNumber, customer.name];
    const raw = JSON.stringify([
      await stack.query('select * from complaint_customers where complaint_id = $1', [c.id]),
      await stack.query('select * from complaints where id = $1', [c.id]),
      await stack.query('select * from audit_events where entity_id = $1', [c.id]),
      await stack.query('select * from notifications where entity_id = $1', [c.id]),
    ]);
    expect(raw).toContain(c.id);
    for (const s of secrets) expect(raw).not.toContain(s);
    const [row] = await stack.query('select phone_enc, id_number_enc from complaint_customers where complaint_id = $1', [c.id]);
    // sealed under the customer's data key (docs/security.md "Customer data keys and erasure")
    expect(row.phone_enc).toMatch(/^v3\.[\w-]{16}\./);
    expect(row.id_number_enc).toMatch(/^v3\.[\w-]{16}\./);

    const history = await stack.temporal.workflow.getHandle(complaintWorkflowId(c.id)).fetchHistory();
    // the history as JSON (payload bytes come out base64), plus every payload decoded (JSON in UTF-8)
    const json = JSON.stringify(history);
    const text = json + [...json.matchAll(/"data":"([A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8')).join('\n');
    expect(text).toContain(customer.ref); // the reference travels; proves the payloads were decoded
    expect(text).toContain('We called you back');
    for (const s of secrets) expect(text).not.toContain(s);

    expect(await revealCustomer(stack, c.id, supervisor)).toEqual(customer);
    for (const who of [supervisor, agent2, auditor, admin]) {
      const seen = await getComplaint(stack, c.id, who);
      expect(seen.customer, who.userId).toEqual({ ref: customer.ref, name: '王**', phone: '136****5432', idNumber: '440***********567X', masked: true, reveal: who === supervisor ? { reasonRequired: true } : null });
    }
    expect((await stack.as(people.owner).get(`/api/v1/complaints/${c.id}`)).status).toBe(403);
  });
});

describe('reading and filtering', () => {
  it('lists with filters and walks the pages with a cursor', async () => {
    const initiativeId = await gates(stack).create();
    const made = [];
    for (const [severity, category] of [['general', 'service'], ['major', 'product'], ['urgent', 'service'], ['general', 'system_technical'], ['major', 'service']] as const) {
      made.push(await intake(stack, { severity, category, initiativeId }));
    }
    await command(stack, agent, made[0]!.id, '/responses', { message: 'hi', channel: 'app' });
    await command(stack, agent, made[1]!.id, '/transfer', { department: 'cards-ops', reason: 'card team' });
    const list = async (q: string) => {
      const res = await stack.as(supervisor).get(`/api/v1/complaints?initiativeId=${initiativeId}${q}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    expect((await list('')).items.map((i: any) => i.id).sort()).toEqual(made.map((m) => m.id).sort());
    expect((await list('&severity=major')).items.map((i: any) => i.id).sort()).toEqual([made[1]!.id, made[4]!.id].sort());
    expect((await list('&category=service&severity=general')).items.map((i: any) => i.id)).toEqual([made[0]!.id]);
    expect((await list('&status=responded')).items.map((i: any) => i.id)).toEqual([made[0]!.id]);
    expect((await list('&owner=cards-ops')).items.map((i: any) => i.id)).toEqual([made[1]!.id]);
    expect((await list('&breached=true')).items).toEqual([]);
    expect((await list('&breached=false')).items).toHaveLength(5);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await list(`&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i: any) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(made.map((m) => m.id).sort());

    const bad = await stack.as(supervisor).get('/api/v1/complaints?status=lost');
    expect(bad.status).toBe(400);
    expect((await stack.as(supervisor).get('/api/v1/complaints?cursor=garbage')).status).toBe(400);
  });

  it('answers 404 for an unknown complaint, 400 for a malformed id, 401 without a token', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await stack.as(supervisor).get(`/api/v1/complaints/${unknown}`)).status).toBe(404);
    expect((await stack.as(agent).post(`/api/v1/complaints/${unknown}/responses`, { message: 'x', channel: 'app' })).status).toBe(404);
    expect((await stack.as(supervisor).get('/api/v1/complaints/not-a-uuid')).status).toBe(400);
    expect((await stack.anonymous.get('/api/v1/complaints')).status).toBe(401);
  });
});

describe('intake validation and roles', () => {
  it('refuses unknown fields, bad values and callers who are not agents', async () => {
    const unknownField = await stack.as(agent).post('/api/v1/complaints', { ...intakeBody(), priority: 'high' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors).toEqual(expect.arrayContaining([{ path: 'body.priority', message: 'unknown field "priority" is not allowed', code: 'unknown_field' }]));
    const badPhone = await stack.as(agent).post('/api/v1/complaints', intakeBody({ customer: { ref: 'x', name: 'y', phone: 'call me' } }));
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.errors[0].path).toBe('body.customer.phone');
    const future = await stack.as(agent).post('/api/v1/complaints', intakeBody({ receivedAt: new Date(Date.now() + 86_400_000).toISOString() }));
    expect(future.status).toBe(400);
    expect((await stack.as(supervisor).post('/api/v1/complaints', intakeBody())).status).toBe(403);
    expect((await stack.as(people.handler).post('/api/v1/complaints', intakeBody())).status).toBe(403);
  });

  it('a command body with unknown fields is refused before it reaches the workflow', async () => {
    const c = await intake(stack);
    const res = await stack.as(agent).post(`/api/v1/complaints/${c.id}/responses`, { message: 'x', channel: 'app', urgent: true });
    expect(res.status).toBe(400);
    expect(await auditActions(stack, c.id)).toEqual(['complaint.received']);
  });
});

describe('business calendar deadlines', () => {
  it('a 7-working-day deadline taken on the eve of National Day lands after the holiday and its make-up Saturday', async () => {
    // through the activity the workflow uses
    const [direct] = await deadlineActivities(stack.database.db).computeDeadlines([{ from: '2026-09-30T10:00:00+08:00', duration: { amount: 7, unit: 'business_day' } }]);
    expect(direct).toBe('2026-10-15T10:00:00.000Z'); // Thu 15 Oct 18:00 Asia/Shanghai

    // and through the workflow, with the default working-day policy
    await setPolicy(stack, { ...secondsPolicy(), resolution: { general: { amount: 7, unit: 'business_day' }, major: { amount: 15, unit: 'business_day' }, urgent: { amount: 24, unit: 'hour' } }, breachWindow: { amount: 1, unit: 'business_day' } });
    const c = await intake(stack, { receivedAt: '2026-09-30T10:00:00+08:00' });
    expect(c.deadlines.resolution).toBe('2026-10-15T10:00:00.000Z');
    await setPolicy(stack, secondsPolicy());
  });
});

describe('linked initiative', () => {
  it('refuses an initiative that does not exist, naming the field', async () => {
    for (const initiativeId of ['-2-3@A1', 'no-such-initiative']) {
      const res = await stack.as(agent).post('/api/v1/complaints', intakeBody({ initiativeId }));
      expect(res.status, initiativeId).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'body.initiativeId', message: expect.stringContaining('no initiative'), code: 'not_found' }]);
    }
    expect(await stack.query(`select id from complaints where initiative_id in ('-2-3@A1', 'no-such-initiative')`)).toEqual([]);
  });

  it('signals the initiative workflow; an initiative whose process has ended does not stop the complaint', async () => {
    const ended = await gates(stack).create();
    expect((await stack.as(people.owner).post(`/api/v1/initiatives/${ended}/withdraw`, { reason: 'shelved' })).status).toBe(200);
    await eventually(async () => ((await stack.temporal.workflow.getHandle(`initiative-${ended}`).describe()).status.name === 'COMPLETED' ? true : undefined), 'the initiative process to end');
    const c = await intake(stack, { initiativeId: ended });
    const handle = stack.temporal.workflow.getHandle(complaintWorkflowId(c.id));
    const failed = await eventually(async () => {
      const { events } = await handle.fetchHistory();
      const initiated = events?.find((e) => e.signalExternalWorkflowExecutionInitiatedEventAttributes);
      const fail = events?.find((e) => e.signalExternalWorkflowExecutionFailedEventAttributes);
      return initiated && fail ? initiated : undefined;
    }, 'the signal attempt');
    expect(failed.signalExternalWorkflowExecutionInitiatedEventAttributes!.signalName).toBe('complaintLinked');
    expect(failed.signalExternalWorkflowExecutionInitiatedEventAttributes!.workflowExecution!.workflowId).toBe(`initiative-${ended}`);
    const responded = await command(stack, agent, c.id, '/responses', { message: 'still handled', channel: 'app' });
    expect(responded.status).toBe('responded');
  });
});

describe('committee chair not yet on the roster', () => {
  it('a committee-level complaint looks the chair up again at sign-off; nobody else signs off meanwhile', async () => {
    const c = await intake(stack, { severity: 'urgent' });
    for (let i = 0; i < 3; i++) await command(stack, agent, c.id, '/escalate', { reason: 'customer threatens the regulator' });
    await command(stack, agent, c.id, '/resolution', { summary: 'Refund', remedy: 'refund' });
    await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: '' });
    const top = await getComplaint(stack, c.id);
    expect(top).toMatchObject({ status: 'awaiting_customer', escalationLevel: 3, chairUserId: null });
    expect((await stack.as(people.chair).post(`/api/v1/complaints/${c.id}/signoff`, { comment: 'too early' })).status).toBe(403);

    const roster = await stack.as(admin).put('/api/v1/committee', { members: [{ userId: 'gm', name: 'Grace GM', department: 'executive', chair: true }] });
    expect(roster.status).toBe(200);
    expect((await stack.as(supervisor).post(`/api/v1/complaints/${c.id}/signoff`, { comment: 'me' })).status).toBe(403);
    const signed = await command(stack, people.chair, c.id, '/signoff', { comment: 'ok' });
    expect(signed).toMatchObject({ status: 'closed', chairUserId: 'gm', signoff: { by: 'gm' } });
    expect((await auditActions(stack, c.id)).filter((a) => a === 'complaint.signed_off')).toHaveLength(1);
  });
});

describe('OpenAPI', () => {
  it('documents every complaint endpoint', async () => {
    const doc = await stack.anonymous.get('/api/v1/openapi.json');
    const paths = Object.keys(doc.body.paths);
    for (const p of ['', '/{id}', '/{id}/responses', '/{id}/transfer', '/{id}/resolution', '/{id}/resolution/approval', '/{id}/signoff', '/{id}/customer-feedback', '/{id}/appeal', '/{id}/appeal/decision', '/{id}/pause', '/{id}/resume', '/{id}/escalate']) {
      expect(paths).toContain(`/api/v1/complaints${p}`);
    }
    expect(doc.body.paths['/api/v1/complaints'].post.requestBody).toBeDefined();
    expect(doc.body.components.schemas.Complaint).toBeDefined();
  });
});
