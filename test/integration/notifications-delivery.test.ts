import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates } from '../support/gates.js';
import { addPerson, imReceiver, mailDomain, mailpit, smsGateway } from '../support/notifications.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * Notifications reach people (docs/notifications.md), end to end on real parts: workflows on the
 * run's Temporal, the dispatcher beside them, mail through the run's Mailpit read back through
 * its HTTP API, IM posts to a group-robot receiver of the test's own that checks the signatures,
 * customer SMS through a gateway stand-in, and the in-app centre through the API.
 */
const domain = mailDomain();
const imSecret = 'SEC-dingtalk-0123456789';
const smsKey = 'sms-key-abcdef';
let stack: Stack;
let logs = '';
let im: Awaited<ReturnType<typeof imReceiver>>;
let committeeIm: Awaited<ReturnType<typeof imReceiver>>;
let sms: Awaited<ReturnType<typeof smsGateway>>;
const mail = mailpit();

beforeAll(async () => {
  [im, committeeIm, sms] = await Promise.all([imReceiver(imSecret), imReceiver('SEC-generic-committee'), smsGateway(smsKey)]);
  const logStream = new PassThrough();
  logStream.on('data', (c: Buffer) => (logs += c.toString()));
  stack = await startStack({
    notifications: true,
    logStream,
    env: { LOG_LEVEL: 'debug', SMS_GATEWAY_URL: sms.url, SMS_GATEWAY_KEY: smsKey, NOTIFY_IDLE_MS: '100', NOTICE_SENDER_NAME: '示例银行', PUBLIC_URL: 'https://cx.bank.example' },
  });
  await setPolicy(stack, secondsPolicy());
  const g = gates(stack);
  await g.roster();
  await g.policy();
  // The directory: the agent (Chinese), the supervisor (English), the chair, the committee.
  await addPerson(stack, people.agent, domain);
  await addPerson(stack, people.supervisor, domain, { language: 'en' });
  await addPerson(stack, people.auditor, domain);
  for (const p of [people.chair, people.m1, people.m2, people.m3, people.m4]) await addPerson(stack, p, domain);
  const put = (id: string, body: unknown) => stack.as(people.admin).put(`/api/v1/notifications/im-channels/${id}`, body);
  expect((await put('cs-dingtalk', { id: 'cs-dingtalk', scope: 'department', target: 'customer-service', flavor: 'dingtalk', url: im.url(), secret: imSecret })).status).toBe(200);
  expect((await put('committee-hook', { id: 'committee-hook', scope: 'committee', target: 'committee', flavor: 'generic', url: committeeIm.url('/hooks/committee'), secret: 'SEC-generic-committee' })).status).toBe(200);
});
afterAll(async () => {
  await stack?.stop();
  await Promise.all([im?.close(), committeeIm?.close(), sms?.close()]);
});

const deliveries = (entityId: string) =>
  stack.query<{ id: string; channel: string; recipient: string; topic: string; status: string; message_id: string; attempts: number }>(
    'select id, channel, recipient, topic, status, message_id, attempts from notification_deliveries where entity_id = $1 order by id',
    [entityId],
  );

describe('an escalation reaches the people it concerns', () => {
  let complaintId: string;

  it('by mail in each person’s language, with a link and no customer details, carrying the delivery’s Message-ID', async () => {
    const c = await intake(stack, { customer: { ref: `cu-${Date.now()}`, name: '欧阳娜娜', phone: '13912345678' } });
    complaintId = c.id;
    await command(stack, people.agent, c.id, '/escalate', { reason: 'the customer asks for a manager' });

    const [summary] = await eventually(async () => {
      const found = (await mail.to(`sue@${domain}`)).filter((m) => m.Subject.includes(c.id));
      return found.length ? found : undefined;
    }, 'the supervisor’s mail');
    expect(summary!.Subject).toBe(`[cxgov] A complaint was escalated to you · Complaint ${c.id}`);
    const message = await mail.message(summary!.ID);
    expect(message.Text).toContain(`https://cx.bank.example/complaints/${c.id}`);
    expect(message.Text).toContain('Escalation level: supervisor');
    for (const secret of ['欧阳娜娜', '13912345678', 'the customer asks for a manager']) {
      expect(message.Text).not.toContain(secret);
      expect(message.HTML).not.toContain(secret);
    }
    const [delivery] = (await deliveries(c.id)).filter((d) => d.channel === 'email' && d.recipient === 'sue');
    expect(delivery).toMatchObject({ status: 'sent', topic: 'complaint.escalated' });
    expect(summary!.MessageID).toBe(`${delivery!.message_id}@cxgov`);
  });

  it('to the department’s IM group, signed as DingTalk and cxgov check it', async () => {
    const post = await eventually(async () => im.posts.find((p) => JSON.stringify(p.body).includes(complaintId)), 'the IM post');
    expect(post.path).toBe('/robot/send');
    expect(post.query.get('access_token')).toBe('t0k3n');
    expect(post.dingtalkSignatureValid).toBe(true);
    expect(post.cxgovSignatureValid).toBe(true);
    expect(post.body.msgtype).toBe('markdown');
    expect(post.body.markdown.title).toContain('投诉已升级至您处理');
    expect(post.body.markdown.text).toContain(`/complaints/${complaintId}`);
    expect(JSON.stringify(post.body)).not.toContain('13912345678');
  });

  it('and into the in-app centre of each: newest first, unread count, read one, read all — never someone else’s', async () => {
    const sue = stack.as(people.supervisor);
    const page = await eventually(async () => {
      const r = await sue.get('/api/v1/notifications');
      return r.body.items?.some((n: { entityId: string }) => n.entityId === complaintId) ? r.body : undefined;
    }, 'the in-app entry');
    const entry = page.items.find((n: { entityId: string }) => n.entityId === complaintId);
    expect(entry).toMatchObject({ topic: 'complaint.escalated', eventType: 'escalation', entityType: 'complaint', link: `/complaints/${complaintId}`, readAt: null });
    expect(page.unread).toBeGreaterThanOrEqual(1);
    const before = (await sue.get('/api/v1/notifications/unread-count')).body.unread;
    expect(before).toBe(page.unread);

    expect((await stack.as(people.agent2).post(`/api/v1/notifications/${entry.id}/read`)).status).toBe(404);
    const read = await sue.post(`/api/v1/notifications/${entry.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await sue.get('/api/v1/notifications/unread-count')).body.unread).toBe(before - 1);
    const again = await sue.post(`/api/v1/notifications/${entry.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);

    const all = await sue.post('/api/v1/notifications/read-all');
    expect(all.status).toBe(200);
    expect((await sue.get('/api/v1/notifications/unread-count')).body.unread).toBe(0);
    expect((await sue.get('/api/v1/notifications?unread=true')).body.items).toEqual([]);
  });

  it('pages with a cursor, newest first', async () => {
    const sue = stack.as(people.supervisor);
    const c = await intake(stack);
    for (let i = 0; i < 2; i++) await command(stack, people.agent, c.id, '/escalate', { reason: `step ${i + 1}` });
    await eventually(async () => ((await sue.get('/api/v1/notifications')).body.items.length >= 3 ? true : undefined), 'three entries');
    const first = await sue.get('/api/v1/notifications?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await sue.get(`/api/v1/notifications?limit=2&cursor=${first.body.nextCursor}`);
    const ids = [...first.body.items, ...second.body.items].map((n: { id: string }) => Number(n.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the customer hears from the bank', () => {
  it('an acknowledgement at intake by SMS, decrypted only to send it: the notice and its delivery are audit events', async () => {
    const phone = '13700001111';
    const c = await intake(stack, { customer: { ref: `cu-ack-${Date.now()}`, name: '李四', phone } });
    const sent = await eventually(async () => sms.received.find((r) => r.body.text.includes(c.id)), 'the acknowledgement SMS');
    expect(sent.authorization).toBe(`Bearer ${smsKey}`);
    expect(sent.body.to).toBe(phone);
    expect(sent.body.text).toMatch(new RegExp(`^【示例银行】您的投诉已受理，编号 ${c.id}。我们将于 .+ 前与您联系`));
    expect(sent.idempotencyKey).toBe(sent.body.messageId);

    const trail = await eventually(async () => {
      const rows = await stack.query<{ action: string; after: any }>(`select action, after from audit_events where entity_type = 'customer_notice' and entity_id = $1 order by seq`, [c.id]);
      return rows.length >= 2 ? rows : undefined;
    }, 'the notice’s audit events');
    expect(trail.map((r) => r.action)).toEqual(['customer_notice.queued', 'customer_notice.sent']);
    expect(trail[1]!.after).toMatchObject({ kind: 'acknowledgement', via: 'sms', to: '137****1111' });
    // The decrypt for the gateway is in the PII access log: cxgov itself, the phone, for a customer notice.
    const access = (await stack.as(people.auditor).get(`/api/v1/audit/pii-access?actor=system&complaintId=${c.id}`)).body.items;
    expect(access).toEqual([expect.objectContaining({ actor: 'system', purpose: 'customer_notice', requestId: sent.body.messageId, items: [{ complaintId: c.id, customerRef: c.customer.ref, fields: ['phone'] }] })]);

    const stored = JSON.stringify([
      await stack.query('select * from notification_deliveries where entity_id = $1', [c.id]),
      await stack.query('select * from audit_events where entity_id = $1', [c.id]),
      await stack.query('select * from user_notifications where entity_id = $1', [c.id]),
    ]);
    expect(stored).not.toContain(phone);
    expect(stored).not.toContain('李四');
    expect(logs).not.toContain(phone);
  });

  it('the written result at resolution, and the decision after an appeal', async () => {
    const c = await intake(stack);
    await command(stack, people.agent, c.id, '/resolution', { summary: '卡片已解冻', remedy: '致歉并减免年费' });
    const result = await eventually(async () => sms.received.find((r) => r.body.text.includes(c.id) && r.body.text.includes('处理结果：')), 'the result SMS');
    expect(result.body.text).toContain('处理结果：卡片已解冻');
    expect(result.body.text).toContain('补救措施：致歉并减免年费');

    await command(stack, people.agent, c.id, '/customer-feedback', { satisfied: false, via: 'callback', comment: 'still unhappy' });
    await command(stack, people.agent, c.id, '/appeal', { reason: 'asks for reconsideration' });
    await command(stack, people.supervisor, c.id, '/appeal/decision', { upheld: false, decision: '原处理结果维持' });
    // The decision's SMS, not the survey it also invites to (whose text names the appeal too).
    const appeal = await eventually(async () => sms.received.find((r) => r.body.text.includes(c.id) && r.body.text.includes('复核申请') && !r.body.text.includes('/survey/')), 'the appeal decision SMS');
    expect(appeal.body.text).toContain('维持原处理结果');
    expect(appeal.body.text).toContain('复核结论：原处理结果维持');
    const actions = await eventually(async () => {
      const rows = await stack.query<{ action: string; after: any }>(`select action, after from audit_events where entity_type = 'customer_notice' and entity_id = $1 order by seq`, [c.id]);
      return rows.filter((r) => r.action === 'customer_notice.sent').length === 4 ? rows : undefined;
    }, 'four notices sent');
    // The appeal's decision also invites the customer to the satisfaction survey (docs/surveys.md).
    expect(actions.filter((r) => r.action === 'customer_notice.sent').map((r) => r.after.kind).sort()).toEqual(['acknowledgement', 'appeal_result', 'result', 'survey']);
    const survey = await eventually(async () => sms.received.find((r) => r.body.text.includes(c.id) && r.body.text.includes('/survey/')), 'the survey SMS');
    expect(survey.body.text).toMatch(/https:\/\/cx\.bank\.example\/survey\/[\w-]+\.[\w-]+\.[\w-]+/);
  });
});

describe('the committee', () => {
  it('members asked to vote by mail and in the committee’s IM group; the chair asked to sign off once the quorum is met', async () => {
    const g = gates(stack);
    const id = await g.create();
    expect((await g.submit(id, 'research')).status).toBe(201);
    for (const m of ['m1', 'm2', 'm3', 'gm']) {
      await eventually(async () => ((await mail.to(`${m}@${domain}`)).some((x) => x.Subject.includes(id)) ? true : undefined), `${m}'s vote request`);
    }
    // m4 is recused (the initiative's team): not asked.
    expect((await mail.to(`m4@${domain}`)).some((x) => x.Subject.includes(id))).toBe(false);
    const post = await eventually(async () => committeeIm.posts.find((p) => p.body.entityId === id && p.body.topic === 'gate.vote_requested'), 'the committee post');
    expect(post.cxgovSignatureValid).toBe(true);
    expect(post.path).toBe('/hooks/committee');
    expect(post.body.link).toBe(`https://cx.bank.example/initiatives/${id}`);

    for (const m of [people.m2, people.m3]) expect((await g.vote(m, id, 'approve', 'fine')).status).toBe(200);
    const signoff = await eventually(async () => (await mail.to(`gm@${domain}`)).find((x) => x.Subject.includes(id) && x.Subject.includes('签批')), 'the sign-off request');
    expect(signoff.Subject).toBe(`[cxgov] 评审已达法定人数，请签批 · 产品项目 ${id}`);
    const inbox = (await stack.as(people.chair).get('/api/v1/notifications')).body.items.map((n: { topic: string; entityId: string }) => `${n.topic}:${n.entityId}`);
    expect(inbox).toEqual(expect.arrayContaining([`gate.vote_requested:${id}`, `gate.signoff_requested:${id}`]));
  });
});

describe('each person chooses how notices reach them', () => {
  it('in-app only: no mail, the entry still in the centre; language switched to Chinese for mail', async () => {
    const sue = stack.as(people.supervisor);
    expect((await sue.put('/api/v1/notifications/preferences', { channel: 'inapp' })).body).toEqual({ language: 'en', channel: 'inapp', email: `sue@${domain}` });
    const quiet = await intake(stack);
    await command(stack, people.agent, quiet.id, '/escalate', { reason: 'quiet please' });
    await eventually(async () => ((await sue.get('/api/v1/notifications')).body.items.some((n: { entityId: string }) => n.entityId === quiet.id) ? true : undefined), 'the in-app entry');
    await eventually(async () => ((await deliveries(quiet.id)).some((d) => d.channel === 'im' && d.status === 'sent') ? true : undefined), 'the escalation routed and sent');
    expect((await deliveries(quiet.id)).filter((d) => d.channel === 'email' && d.recipient === 'sue')).toEqual([]);

    expect((await sue.put('/api/v1/notifications/preferences', { channel: 'email', language: 'zh' })).status).toBe(200);
    const loud = await intake(stack);
    await command(stack, people.agent, loud.id, '/escalate', { reason: 'again' });
    const zh = await eventually(async () => (await mail.to(`sue@${domain}`)).find((m) => m.Subject.includes(loud.id)), 'the Chinese mail');
    expect(zh.Subject).toBe(`[cxgov] 投诉已升级至您处理 · 投诉 ${loud.id}`);
    const trail = await stack.query<{ action: string }>(`select action from audit_events where entity_type = 'person' and entity_id = 'sue' order by seq`);
    expect(trail.map((r) => r.action)).toEqual(['person.created', 'person.preferences_updated', 'person.preferences_updated']);
    expect((await sue.get('/api/v1/notifications/preferences')).body).toEqual({ language: 'zh', channel: 'email', email: `sue@${domain}` });
  });
});

describe('administration', () => {
  it('IM channels: secrets sealed and never shown, one channel per department, every change audited', async () => {
    const admin = stack.as(people.admin);
    const list = await admin.get('/api/v1/notifications/im-channels');
    expect(list.body.items.map((c: { id: string; hasSecret: boolean }) => [c.id, c.hasSecret])).toEqual([
      ['committee-hook', true],
      ['cs-dingtalk', true],
    ]);
    expect(JSON.stringify(list.body)).not.toContain(imSecret);
    const [row] = await stack.query<{ secret_enc: string }>(`select secret_enc from im_channels where id = 'cs-dingtalk'`);
    expect(row!.secret_enc).toMatch(/^v2\.[\w-]{12}\./);
    const taken = await admin.put('/api/v1/notifications/im-channels/cs-other', { id: 'cs-other', scope: 'department', target: 'customer-service', flavor: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x' });
    expect(taken.status).toBe(409);
    const audit = await stack.query<{ action: string; after: any }>(`select action, after from audit_events where entity_type = 'im_channel' and entity_id = 'cs-dingtalk'`);
    expect(audit).toEqual([expect.objectContaining({ action: 'im_channel.created' })]);
    expect(JSON.stringify(audit)).not.toContain(imSecret);
    expect(JSON.stringify(audit)).not.toContain('t0k3n'); // the robot's token in the URL's query is not kept either
  });

  it('the routing table: defaults, replaced by an administrator (audited), followed by routing from then on', async () => {
    const admin = stack.as(people.admin);
    const table = (await admin.get('/api/v1/notifications/routing')).body;
    expect(table.escalation).toEqual({ also: [], email: true, im: true });
    const changed = { ...table, escalation: { also: ['compliance'], email: true, im: false } };
    expect((await admin.put('/api/v1/notifications/routing', changed)).status).toBe(200);
    const c = await intake(stack);
    await command(stack, people.agent, c.id, '/escalate', { reason: 'routing check' });
    await eventually(async () => ((await mail.to(`aud@${domain}`)).some((m) => m.Subject.includes(c.id)) ? true : undefined), 'compliance told of the escalation');
    expect((await deliveries(c.id)).filter((d) => d.channel === 'im')).toEqual([]);
    expect((await admin.put('/api/v1/notifications/routing', table)).status).toBe(200);
    const versions = await stack.query(`select action from audit_events where entity_type = 'policy' and entity_id = 'notificationRouting'`);
    expect(versions).toHaveLength(2);
  });
});
