import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPastComplaint } from '../support/past-complaints.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * The committee's monthly meeting in the browser (docs/meetings.md), on real Temporal and
 * PostgreSQL: a month with a hot issue and an overdue improvement action → the monthly meeting's
 * agenda lists both → members record their attendance, the chair decides "raise an action" on the
 * hot issue → the action is assigned, reminded, completed with evidence and verified by the
 * committee's chair → the signed minutes list the decision and the action. In English at 1360 px
 * and Chinese at 390 px, the meeting's pages checked with axe; the action is completed and
 * verified on the actions family's pages.
 */
const phone = { width: 390, height: 844 };
const desktop = { width: 1360, height: 900 };
// Meeting ids are months and every test file shares one Temporal namespace: this file's month.
const month = '2026-09';
const reviewed = '2026-08';
const fees = 'hot_issue:rootCause:fees_pricing.undisclosed';

async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const main = (globalThis as unknown as { document: { querySelector(s: string): { scrollWidth: number; clientWidth: number } } }).document.querySelector('main')!;
    return main.scrollWidth <= main.clientWidth + 1;
  });
}

describe.skipIf(skipBrowser)('web UI: the committee’s monthly meeting', () => {
  let stack: Stack;
  let browser: Browser;
  let overdueId: string;
  let actionId: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    // Improvement actions due in seconds (reminder at a fifth of the window).
    const policy = { dueUnit: 'second', reminderRatio: 0.2, escalationWindow: { amount: 3600, unit: 'second' }, effectivenessAfter: { amount: 3600, unit: 'second' }, requiredFall: 0 };
    expect((await stack.as(people.admin).put('/api/v1/policies/improvements', policy)).status).toBe(200);
    // The directory knows the owners (the development sign-in adds them).
    for (const userId of ['linxiao', 'wugang']) expect((await stack.anonymous.post('/api/v1/dev/tokens', { userId })).status).toBe(200);
    // August: three complaints whose resolution named an undisclosed fee.
    for (const day of ['05', '06', '07']) {
      await recordPastComplaint(stack.database.db, { receivedAt: `${reviewed}-${day}T10:00:00+08:00`, category: 'product', channel: 'app', severity: 'general', firstResponse: 'met', resolvedAt: `${reviewed}-${day}T15:00:00+08:00`, rootCause: { code: 'fees_pricing.undisclosed', group: 'fees_pricing' } }, 'zhaoli');
    }
    // An action a supervisor raised, due in one second: overdue when the meeting convenes.
    const raised = await stack.as(demo('zhoumin')).post('/api/v1/improvements', { source: { kind: 'supervisor' }, title: 'Shorten the card activation queue', problem: 'Customers wait long to activate cards', plan: 'Add a second line', ownerDepartment: 'cards-ops', ownerId: 'wugang', dueInDays: 1 });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    overdueId = raised.body.id;
    await eventually(async () => (await stack.query(`select 1 from improvement_actions where id = $1 and due < now()`, [overdueId])).length > 0, 'the action overdue');
    // The schedule's run for September convenes the month's meeting.
    const run = await stack.temporal.workflow.execute('monthlyMeetingWorkflow', { workflowId: `browser-meeting-tick-${month}`, taskQueue: stack.taskQueue, args: [{ asOf: `${month}-03T01:00:00Z` }] });
    expect(run).toEqual({ meetingId: month, started: true });
    await eventually(async () => ((await stack.as(demo('wangjg')).get(`/api/v1/meetings/${month}`)).status === 200 ? true : undefined), 'the meeting');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the agenda lists the hot issue and the overdue action; a member records attendance in Chinese on a phone', async () => {
    const member = await browser.page();
    await member.setViewportSize(phone);
    await signIn(member, stack.url, 'limin', 'zh');
    await member.getByTestId('nav-toggle').click();
    await member.getByRole('link', { name: '委员会会议', exact: true }).click();
    await member.getByTestId('meetings').waitFor();
    await expect(member.locator(`tr[data-meeting="${month}"]`).textContent()).resolves.toContain(reviewed);
    expect(await seriousViolations(member)).toEqual([]);
    await member.locator(`tr[data-meeting="${month}"] a`).click();
    await member.locator(`[data-item="${fees}"]`).waitFor();
    await expect(member.locator(`[data-item="${fees}"]`).textContent()).resolves.toContain('投诉数3');
    await expect(member.locator(`[data-item="overdue_action:${overdueId}"]`).textContent()).resolves.toContain('Shorten the card activation queue');
    await expect(member.getByTestId('quorum').textContent()).resolves.toContain('未达法定人数');
    await member.getByRole('button', { name: '登记本人出席' }).click();
    await expect.poll(() => member.locator('[data-member="limin"]').textContent()).toContain('已出席');
    // Not the chair: no decision form.
    expect(await member.locator(`[data-item="${fees}"] form`).count()).toBe(0);
    expect(await fitsWidth(member)).toBe(true);
    await screenshot(member, '70-meeting-zh-390');
    expect(await seriousViolations(member)).toEqual([]);
  });

  it('the chair attends, records a member present, and decides "raise an action" on the hot issue (English, 1360 px)', async () => {
    const chair = await browser.page();
    await chair.setViewportSize(desktop);
    await signIn(chair, stack.url, 'wangjg');
    await chair.goto(`${stack.url}/meetings/${month}`);
    await chair.getByRole('button', { name: 'Record my attendance' }).click();
    await chair.getByRole('button', { name: 'Record 张伟 present' }).click();
    await expect.poll(() => chair.getByTestId('quorum').textContent()).toBe('Quorum: 3 of 3 needed present');
    const item = chair.locator(`[data-item="${fees}"]`);
    const form = item.locator('form');
    // No answer is preselected.
    expect(await form.locator('input[type="radio"]:checked').count()).toBe(0);
    await form.getByLabel('Raise an improvement action').check();
    await form.locator('textarea[name="comment"]').fill('Customers learn of the fee only on the statement');
    await form.locator('input[name="title"]').fill('Disclose the card fee before purchase');
    await form.locator('textarea[name="plan"]').fill('Show the fee on the offer page and at checkout');
    await expect.poll(() => form.locator('select[name="owner"] option').count()).toBeGreaterThan(1);
    await form.locator('select[name="owner"]').selectOption('linxiao');
    await expect.poll(() => form.locator('input[name="department"]').inputValue()).toBe('retail-cards');
    await form.locator('input[name="days"]').fill('30');
    expect(await seriousViolations(chair)).toEqual([]);
    await screenshot(chair, '71-meeting-decide');
    await form.getByRole('button', { name: 'Record the decision' }).click();
    await expect.poll(() => item.getByTestId('action').textContent()).toContain('Disclose the card fee before purchase');
    actionId = `committee.${month}:2`;
    await expect(item.getByTestId('action').textContent()).resolves.toContain(actionId);
    expect(await seriousViolations(chair)).toEqual([]);
  });

  it('the action is assigned to its owner, reminded, completed with evidence and verified by the chair, on the actions family’s pages', async () => {
    const action = await eventually(async () => {
      const res = await stack.as(demo('linxiao')).get(`/api/v1/improvements/${encodeURIComponent(actionId)}`);
      return res.status === 200 ? res.body : undefined;
    }, 'the action recorded');
    expect(action).toMatchObject({ status: 'in_progress', owner: { userId: 'linxiao' }, source: { kind: 'committee', id: `${month}:2` }, verifierId: 'wangjg', ownerDepartment: 'retail-cards' });
    expect((await stack.as(demo('linxiao')).get('/api/v1/tasks')).body.items.map((t: { entityId: string }) => t.entityId)).toContain(actionId);
    await eventually(async () => (await stack.query(`select 1 from notifications where entity_id = $1 and topic = 'improvement.reminder' and recipient = 'linxiao'`, [actionId])).length > 0, 'the reminder', 60_000);

    // The owner reports it done with evidence, from the action's page.
    const owner = await browser.page();
    await owner.setViewportSize(desktop);
    await signIn(owner, stack.url, 'linxiao');
    await owner.goto(`${stack.url}/improvements/${encodeURIComponent(actionId)}`);
    await owner.locator('button[data-command="complete"]').click();
    const done = owner.locator('form[aria-label="Report it done"]');
    await done.locator('textarea').fill('The fee is shown before purchase');
    await done.locator('input[type="url"]').first().fill('https://intranet.bank.example/changes/4711');
    await done.locator('button[type="submit"]').click();
    await expect.poll(async () => (await stack.as(demo('linxiao')).get(`/api/v1/improvements/${encodeURIComponent(actionId)}`)).body.status).toBe('awaiting_verification');

    // The committee's chair verifies it.
    const chair = await browser.page();
    await chair.setViewportSize(desktop);
    await signIn(chair, stack.url, 'wangjg');
    await chair.goto(`${stack.url}/improvements/${encodeURIComponent(actionId)}`);
    await chair.locator('button[data-command="verify"]').click();
    await chair.locator('form[aria-label="Verify and close"] button[type="submit"]').click();
    await expect.poll(async () => (await stack.as(demo('wangjg')).get(`/api/v1/improvements/${encodeURIComponent(actionId)}`)).body.status).toBe('closed');
    const closed = (await stack.as(demo('wangjg')).get(`/api/v1/improvements/${encodeURIComponent(actionId)}`)).body;
    expect(closed.completions.at(-1)).toMatchObject({ by: 'linxiao', evidence: [{ url: 'https://intranet.bank.example/changes/4711' }] });
    expect(closed.verifications.at(-1)).toMatchObject({ decision: 'verified', by: 'wangjg' });
  });

  it('the chair decides the other items, reads the minutes and signs them with a confirmation; the signed minutes list the decision and the action', async () => {
    const chairApi = stack.as(demo('wangjg'));
    for (const item of (await chairApi.get(`/api/v1/meetings/${month}`)).body.items.filter((i: { decision: unknown }) => !i.decision)) {
      const decision = item.decisions.includes('noted') ? { decision: 'noted' } : { decision: item.decisions[0], comment: 'decided in the meeting' };
      expect((await chairApi.post(`/api/v1/meetings/${month}/decisions`, { itemKey: item.key, ...decision })).status).toBe(200);
    }
    const chair = await browser.page();
    await chair.setViewportSize(phone);
    await signIn(chair, stack.url, 'wangjg', 'zh');
    await chair.goto(`${stack.url}/meetings/${month}`);
    await expect.poll(() => chair.getByTestId('minutes').textContent()).toContain('纪要待主任签署');
    await chair.getByRole('button', { name: '查看会议纪要' }).click();
    await chair.getByTestId('minutes-document').waitFor();
    const sign = chair.getByRole('button', { name: '签署会议纪要' });
    expect(await sign.isDisabled()).toBe(true); // not before the confirmation
    await chair.getByLabel('本人已阅读并确认以上会议纪要').check();
    expect(await fitsWidth(chair)).toBe(true);
    await screenshot(chair, '72-meeting-sign-zh-390');
    expect(await seriousViolations(chair)).toEqual([]);
    await sign.click();
    await expect.poll(() => chair.getByTestId('minutes').textContent()).toContain('已于');
    const minutes = await stack.as(demo('zhenghua')).get(`/api/v1/meetings/${month}/minutes`);
    const html = String(minutes.body);
    expect(html).toContain('Signed by 王建国 (chair)');
    expect(html).toContain('Improvement action raised');
    expect(html).toContain('Disclose the card fee before purchase');
    expect(html).toContain(actionId);
    expect(html).toContain('Customers learn of the fee only on the statement');
    expect(html).toContain('Overdue action: Shorten the card activation queue');
  });
});
