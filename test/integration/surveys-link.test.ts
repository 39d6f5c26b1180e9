import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyLinkSecret } from '../../config/secrets.js';
import { linkResponseOf, setSurveyInvitationExpiry, surveyInvitationsOf, type SurveyInvitation } from '../../db/surveys.js';
import { signSurveyLink } from '../../security/survey-link.js';
import { command, intake } from '../support/complaints.js';
import { mailDomain, mailpit } from '../support/notifications.js';
import { people } from '../support/people.js';
import { eventually, startStack, type HttpAnswer, type Stack } from '../support/stack.js';

/**
 * The satisfaction survey's one-time link, end to end (docs/surveys.md): a complaint that closes
 * issues an invitation and queues a survey notice; the mail arrives in Mailpit with the link; the
 * customer's answer is taken once; a used, expired or altered link is refused with its code.
 * Real Temporal, PostgreSQL and Mailpit; complaint ids are random UUIDs, so nothing here meets
 * another file's workflows.
 */

let stack: Stack;
const mail = mailpit();
const domain = mailDomain();
const publicLimit = 40;

let logs = '';

beforeAll(async () => {
  const logStream = new PassThrough();
  logStream.on('data', (c: Buffer) => (logs += c.toString()));
  stack = await startStack({ notifications: true, logStream, env: { LOG_LEVEL: 'info', NOTIFY_IDLE_MS: '100', NOTICE_SENDER_NAME: '示例银行', PUBLIC_URL: 'https://cx.bank.example', PUBLIC_RATE_LIMIT_PER_MINUTE: String(publicLimit) } });
});
afterAll(async () => stack?.stop());

const customerEmail = (label: string) => `${label}-${randomBytes(3).toString('hex')}@${domain}`;

/** Takes a complaint with the customer's email, resolves it and has the customer confirm it: closed. */
async function closedComplaint(email: string): Promise<string> {
  const c = await intake(stack, { customer: { ref: `sv-${randomBytes(4).toString('hex')}`, name: '王五', phone: '13712345678', email } });
  expect(c.customer.email).toMatch(/^.\*\*\*@/);
  await command(stack, people.agent, c.id, '/resolution', { summary: '卡片已解冻', remedy: '致歉' });
  const closed = await command(stack, people.agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: '客户满意' });
  expect(closed.status).toBe('closed');
  return c.id;
}

const invitationOf = (complaintId: string, kind = 'complaint') =>
  eventually(async () => (await surveyInvitationsOf(stack.database.db, 'complaint', complaintId)).find((i) => i.kind === kind), `the ${kind} survey invitation of ${complaintId}`);

const survey = (token: string) => stack.anonymous.get(`/api/v1/public/surveys/${token}`);
const answer = (token: string, body: unknown = { csat: 4, nps: 9 }) => stack.anonymous.post(`/api/v1/public/surveys/${token}`, body);

function refused(res: HttpAnswer, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, code });
  expect(JSON.stringify(res.body)).not.toContain('王五');
}

/** The token with one character of its payload changed (never the signature's last one, whose low bits may not count). */
function altered(token: string): string {
  const [h, p, s] = token.split('.') as [string, string, string];
  const i = Math.floor(p.length / 2);
  return [h, p.slice(0, i) + (p[i] === 'A' ? 'B' : 'A') + p.slice(i + 1), s].join('.');
}

describe('a closed complaint invites its customer', () => {
  let complaintId: string;
  let email: string;
  let token: string;
  let invitation: SurveyInvitation;

  beforeAll(async () => {
    email = customerEmail('closed');
    complaintId = await closedComplaint(email);
    invitation = await invitationOf(complaintId);
  });

  it('issues an invitation with the complaint’s dimensions and queues a customer notice of kind survey', async () => {
    expect(invitation).toMatchObject({ kind: 'complaint', contactType: 'complaint', contactId: complaintId, product: 'none', channel: 'hotline', agentId: people.agent.userId, respondedAt: null });
    expect(invitation.id).toMatch(/^SV-[0-9a-f]{20}$/);
    const days = (Date.parse(invitation.expiresAt) - Date.parse(invitation.issuedAt)) / 86_400_000;
    expect(days).toBe(14);
    const queued = await stack.query<{ topic: string; channel: string; data: any }>(`select topic, channel, data from notification_deliveries where entity_id = $1 and topic = 'customer.survey'`, [complaintId]);
    expect(queued).toEqual([{ topic: 'customer.survey', channel: 'customer', data: { invitationId: invitation.id, surveyKind: 'complaint', expiresAt: new Date(invitation.expiresAt).toISOString() } }]);
    const trail = await stack.query<{ after: any }>(`select after from audit_events where entity_type = 'customer_notice' and entity_id = $1 and action = 'customer_notice.queued'`, [complaintId]);
    expect(trail.map((r) => r.after.kind)).toContain('survey');
    // Nothing stores the link itself.
    expect(JSON.stringify(queued)).not.toMatch(/eyJ/);
  });

  it('the mail with the link arrives in the customer’s mailbox', async () => {
    const message = await eventually(async () => {
      const found = (await mail.to(email)).find((m) => m.Subject.includes('请评价我们的服务'));
      return found ? mail.message(found.ID) : undefined;
    }, 'the survey mail');
    expect(message.Subject).toBe(`请评价我们的服务（编号 ${complaintId}）`);
    const link = /https:\/\/cx\.bank\.example\/survey\/([\w-]+\.[\w-]+\.[\w-]+)/.exec(message.Text);
    expect(link, message.Text).not.toBeNull();
    token = link![1]!;
    expect(message.Text).toContain('【示例银行】');
    expect(message.Text).not.toContain('王五');
    const sent = await eventually(async () => (await stack.query<{ after: any }>(`select after from audit_events where entity_type = 'customer_notice' and entity_id = $1 and action = 'customer_notice.sent'`, [complaintId])).find((r) => r.after.kind === 'survey'), 'the survey notice sent');
    expect(sent.after).toMatchObject({ via: 'email', to: expect.stringMatching(/^c\*\*\*@/) });
  });

  it('the link shows the complaint’s number only, and takes the answer once', async () => {
    const shown = await survey(token);
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body).toEqual({ reference: complaintId, kind: 'complaint', expiresAt: new Date(invitation.expiresAt).toISOString() });

    const answered = await answer(token, { csat: 2, nps: 3, verbatim: '请回电 13812345678，处理太慢' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    const stored = await linkResponseOf(stack.database.db, invitation.id);
    expect(stored).toMatchObject({ source: 'link', kind: 'complaint', contactId: complaintId, csat: 2, nps: 3, detractor: true, reached: true, recordedBy: null, followUpId: null, product: 'none', channel: 'hotline' });
    expect(stored!.verbatim).not.toContain('13812345678');
    expect(stored!.verbatim).toContain('处理太慢');
    const audit = await stack.query<{ action: string; actor: string; after: any }>(`select action, actor, after from audit_events where entity_type = 'survey' and entity_id = $1`, [invitation.id]);
    expect(audit).toEqual([{ action: 'survey.answered', actor: 'customer', after: expect.objectContaining({ complaintId, csat: 2, nps: 3, detractor: true, source: 'link' }) }]);
  });

  it('refuses the same link a second time', async () => {
    refused(await answer(token, { csat: 5, nps: 10 }), 409, 'survey_link_used');
    refused(await survey(token), 409, 'survey_link_used');
    expect((await linkResponseOf(stack.database.db, invitation.id))!.csat).toBe(2);
  });

  it('keeps the link’s token out of the access log', async () => {
    expect(logs).toContain('/api/v1/public/surveys/:token');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(token.split('.')[2]!);
  });

  it('refuses a link altered by one character, and one signed with another key', async () => {
    refused(await survey(altered(token)), 404, 'survey_link_invalid');
    refused(await answer(altered(token)), 404, 'survey_link_invalid');
    const forged = await signSurveyLink(new TextEncoder().encode('not-the-servers-secret-'.padEnd(48, 'q')), invitation);
    refused(await survey(forged), 404, 'survey_link_invalid');
    refused(await survey('not-a-token'), 404, 'survey_link_invalid');
  });
});

describe('a link answered by two submissions at once', () => {
  it('stores one answer; the others are told the link was used', async () => {
    const id = await closedComplaint(customerEmail('race'));
    const inv = await invitationOf(id);
    const token = await signSurveyLink(surveyLinkSecret(stack.config), inv);
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => answer(token, { csat: 1 + i, nps: 10 })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.code).toBe('survey_link_used');
    expect(await stack.query(`select id from survey_responses where invitation_id = $1`, [inv.id])).toHaveLength(1);
    expect(await stack.query(`select id from audit_events where entity_type = 'survey' and entity_id = $1`, [inv.id])).toHaveLength(1);
  });
});

describe('an expired link', () => {
  it('is refused once the invitation has ended, and when its own end has passed', async () => {
    const id = await closedComplaint(customerEmail('expired'));
    const inv = await invitationOf(id);
    const secret = surveyLinkSecret(stack.config);
    const token = await signSurveyLink(secret, inv);
    expect((await survey(token)).status).toBe(200);
    // The invitation ended (as after SURVEY_LINK_VALID_DAYS): the token's own exp is still ahead.
    expect(await setSurveyInvitationExpiry(stack.database.db, inv.id, new Date(Date.now() - 1000))).toBe(true);
    refused(await survey(token), 410, 'survey_link_expired');
    refused(await answer(token), 410, 'survey_link_expired');
    // A genuine token whose exp has passed.
    const stale = await signSurveyLink(secret, { id: inv.id, expiresAt: new Date(Date.now() - 60_000) });
    refused(await survey(stale), 410, 'survey_link_expired');
    expect(await linkResponseOf(stack.database.db, inv.id)).toBeUndefined();
  });
});

describe('an appeal’s decision', () => {
  it('invites the customer to a survey about the appeal', async () => {
    const c = await intake(stack, { customer: { ref: `sv-ap-${randomBytes(4).toString('hex')}`, name: '赵六', phone: '13712345679', email: customerEmail('appeal') } });
    await command(stack, people.agent, c.id, '/resolution', { summary: 'Card unblocked', remedy: 'apology' });
    await command(stack, people.agent, c.id, '/customer-feedback', { satisfied: false, via: 'callback', comment: 'still unhappy' });
    await command(stack, people.agent, c.id, '/appeal', { reason: 'asks for reconsideration' });
    expect(await surveyInvitationsOf(stack.database.db, 'complaint', c.id)).toEqual([]);
    await command(stack, people.supervisor, c.id, '/appeal/decision', { upheld: false, decision: 'the resolution stands' });
    const inv = await invitationOf(c.id, 'appeal');
    const token = await signSurveyLink(surveyLinkSecret(stack.config), inv);
    expect((await survey(token)).body).toMatchObject({ reference: c.id, kind: 'appeal' });
  });
});

describe('the public endpoints’ own rate limit', () => {
  it('answers 429 problem documents past PUBLIC_RATE_LIMIT_PER_MINUTE, while signed-in callers go on', async () => {
    const answers: number[] = [];
    for (let i = 0; i <= publicLimit; i++) answers.push((await survey(`x${i}.y.z`)).status);
    expect(answers).toContain(429);
    const limited = await survey('a.b.c');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect((await stack.as(people.agent).get('/api/v1/tasks')).status).toBe(200);
  });
});
