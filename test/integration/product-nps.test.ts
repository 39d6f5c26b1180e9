import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyInvitations, surveyResponses } from '../../db/schema/index.js';
import { eq } from 'drizzle-orm';
import type { CampaignResult } from '../../activities/nps-campaigns.js';
import { initiativeWorkflowId } from '../../workflows/initiative/messages.js';
import { npsCampaignScheduleId } from '../../temporal/schedules.js';
import { intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { gates } from '../support/gates.js';
import { mailDomain, mailpit } from '../support/notifications.js';
import { people } from '../support/people.js';
import { eventually, npsSchedulePrefixOf, startStack, type Stack } from '../support/stack.js';

/**
 * Product NPS (docs/surveys.md "Product NPS"), on real Temporal, PostgreSQL and Mailpit: a
 * campaign run surveys the launched product's customers who had contact, once each; their
 * answers show month by month on the product's page; a drop between two periods raises the
 * post-launch review item with its cause; the schedule sync keeps one schedule per product watched.
 */
let stack: Stack;
let productId: string;
const mail = mailpit();
const domain = mailDomain();
const day = 86_400_000;

beforeAll(async () => {
  stack = await startStack({ notifications: true, env: { NOTIFY_IDLE_MS: '100', PUBLIC_URL: 'https://cx.bank.example' } });
  const g = gates(stack);
  await g.roster();
  // A long window and a high threshold: only an NPS drop raises the review item here.
  await g.policy({ postLaunch: { window: { amount: 3600, unit: 'second' }, complaintThreshold: 50 } });
  await setPolicy(stack, secondsPolicy());
  productId = await g.create();
  for (const stage of ['research', 'design', 'prototype_testing', 'launch_assessment'] as const) await g.passGate(productId, stage);
  await eventually(async () => ((await g.get(productId)).body.postLaunch?.status === 'monitoring' ? true : undefined), 'post-launch monitoring started');
}, 240_000);
afterAll(async () => stack?.stop());

const campaign = (asOf: string) =>
  stack.temporal.workflow.execute('productNpsCampaignWorkflow', { taskQueue: stack.taskQueue, workflowId: `nps-test-${randomUUID()}`, args: [{ initiativeId: productId, asOf }] }) as Promise<CampaignResult>;

describe('a product NPS campaign', () => {
  const asOf = new Date(Date.now() + 60_000).toISOString();
  const emails = ['a', 'b', 'c'].map((l) => `nps-${l}-${randomBytes(3).toString('hex')}@${domain}`);

  it('invites each customer who had contact with the product once, by their latest contact, and a retried run invites nobody again', async () => {
    const refs = ['a', 'b', 'c'].map((l) => `nps-${l}-${randomBytes(4).toString('hex')}`);
    // Customer a got in touch twice; a complaint about no product is not the product's contact.
    await intake(stack, { initiativeId: productId, customer: { ref: refs[0], name: '赵一', phone: '13700000001', email: emails[0] } });
    const latestOfA = await intake(stack, { initiativeId: productId, customer: { ref: refs[0], name: '赵一', phone: '13700000001', email: emails[0] } });
    await intake(stack, { initiativeId: productId, customer: { ref: refs[1], name: '钱二', phone: '13700000002', email: emails[1] } });
    await intake(stack, { initiativeId: productId, customer: { ref: refs[2], name: '孙三', phone: '13700000003', email: emails[2] } });
    await intake(stack, { customer: { ref: `nps-other-${randomBytes(4).toString('hex')}`, name: '李四', phone: '13700000004' } });

    const first = await campaign(asOf);
    expect(first).toMatchObject({ campaignId: `${productId}:${asOf.slice(0, 10)}`, candidates: 4, invited: 3 });
    const invitations = await stack.database.db.select().from(surveyInvitations).where(eq(surveyInvitations.campaignId, first.campaignId));
    expect(invitations).toHaveLength(3);
    expect(invitations.every((i) => i.kind === 'product_nps' && i.product === productId)).toBe(true);
    expect(invitations.map((i) => i.contactId)).toContain(latestOfA.id);

    const again = await campaign(asOf);
    expect(again.invited).toBe(0);
    expect(await stack.database.db.select().from(surveyInvitations).where(eq(surveyInvitations.campaignId, first.campaignId))).toHaveLength(3);
    const trail = await stack.query<{ after: any }>(`select after from audit_events where entity_type = 'nps_campaign' and entity_id = $1 and action = 'nps_campaign.run'`, [productId]);
    expect(trail).toHaveLength(1); // the retried run's event is the same event
    expect(trail[0]!.after).toMatchObject({ campaignId: first.campaignId, invited: 3, candidates: 4 });
  }, 180_000);

  it('mails the link; the customer’s answer counts for the product, month by month on its page', async () => {
    const message = await eventually(async () => {
      const found = (await mail.to(emails[1]!)).find((m) => m.Subject.includes('邀请您评价我们的产品'));
      return found ? mail.message(found.ID) : undefined;
    }, 'the product NPS mail');
    expect(message.Text).not.toContain('钱二');
    const token = /https:\/\/cx\.bank\.example\/survey\/([\w-]+\.[\w-]+\.[\w-]+)/.exec(message.Text)?.[1];
    expect(token, message.Text).toBeDefined();
    const answered = await stack.anonymous.post(`/api/v1/public/surveys/${token}`, { csat: 2, nps: 3, verbatim: '手续费太高' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    const [stored] = await stack.database.db.select().from(surveyResponses).where(eq(surveyResponses.kind, 'product_nps'));
    expect(stored).toMatchObject({ product: productId, source: 'link', nps: 3, detractor: true });

    const voice = await stack.as(people.auditor).get(`/api/v1/initiatives/${productId}/voice`);
    expect(voice.status, JSON.stringify(voice.body)).toBe(200);
    const month = voice.body.months.at(-1);
    expect(month).toMatchObject({ complaints: 4, nps: { answers: 1, detractors: 1, score: -100 } });
    expect(month.nps.high).toBeGreaterThan(month.nps.low);
  }, 120_000);
});

describe('an NPS drop', () => {
  it('raises the post-launch review item with its cause and figures, and tells the chair', async () => {
    const asOf = new Date(Date.now() + 2 * day).toISOString();
    // Answers of the two periods before the run: ten promoters a month ago, ten detractors since
    // (written as the answers of earlier campaigns would be).
    const row = (nps: number, at: number) => ({
      id: `SR-${randomUUID()}`,
      kind: 'product_nps',
      source: 'link',
      contactType: 'complaint',
      contactId: `past-${randomUUID()}`,
      product: productId,
      channel: 'hotline',
      department: 'cards-ops',
      reached: true,
      nps,
      detractor: nps <= 6,
      respondedAt: new Date(Date.parse(asOf) - at).toISOString(),
    });
    await stack.database.db.insert(surveyResponses).values([...Array.from({ length: 10 }, () => row(10, 45 * day)), ...Array.from({ length: 10 }, () => row(2, 5 * day))]);

    const result = await campaign(asOf);
    expect(result.drop).toMatchObject({ previous: 100, current: -100, drop: 200, previousAnswers: 10 });
    expect(result.drop!.currentAnswers).toBeGreaterThanOrEqual(10);
    const g = gates(stack);
    const raised = await eventually(async () => {
      const v = (await g.get(productId)).body;
      return v.postLaunch?.reviewItem ? v : undefined;
    }, 'the review item raised by the drop');
    expect(raised.postLaunch.reviewItem).toMatchObject({ cause: 'nps_drop', nps: { previous: 100, current: -100, drop: 200 } });
    const notices = await g.notifications(productId);
    expect(notices.some((n) => n.recipient === people.chair.userId && n.topic === 'gate.post_launch_review')).toBe(true);

    // A second drop while the item is open is recorded against it, not raised again.
    const later = await campaign(new Date(Date.parse(asOf) + day).toISOString());
    expect(later.drop).toBeDefined();
    await eventually(async () => (await stack.query(`select 1 from audit_events where entity_type = 'initiative' and entity_id = $1 and action = 'post_launch.nps_dropped'`, [productId])).length === 1 || undefined, 'the second drop recorded');
    expect((await g.get(productId)).body.postLaunch.reviewItem.id).toBe(raised.postLaunch.reviewItem.id);
    await saveReplayFixture(stack.temporal, initiativeWorkflowId(productId), 'initiative-post-launch-nps-drop');
  }, 180_000);
});

describe('the campaign schedules', () => {
  it('are one per product under post-launch watch: the sync creates the missing one and removes a stray one', async () => {
    const prefix = npsSchedulePrefixOf(stack.taskQueue);
    const stray = npsCampaignScheduleId(`gone-${randomBytes(3).toString('hex')}`, prefix);
    await stack.temporal.schedule.create({
      scheduleId: stray,
      spec: { intervals: [{ every: '30 days' }] },
      action: { type: 'startWorkflow', workflowType: 'productNpsCampaignWorkflow', workflowId: stray, taskQueue: stack.taskQueue, args: [{ initiativeId: 'gone' }] },
    });
    const synced = (await stack.temporal.workflow.execute('npsScheduleSyncWorkflow', { taskQueue: stack.taskQueue, workflowId: `nps-sync-${randomUUID()}`, args: [] })) as { created: string[]; removed: string[] };
    const own = npsCampaignScheduleId(productId, prefix);
    expect(synced).toEqual({ created: [own], removed: [stray] });
    const described = await stack.temporal.schedule.getHandle(own).describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'productNpsCampaignWorkflow', args: [{ initiativeId: productId }] });
    const twice = (await stack.temporal.workflow.execute('npsScheduleSyncWorkflow', { taskQueue: stack.taskQueue, workflowId: `nps-sync-${randomUUID()}`, args: [] })) as { created: string[]; removed: string[] };
    expect(twice).toEqual({ created: [], removed: [] });
    await stack.temporal.schedule.getHandle(own).delete();
  }, 120_000);
});
