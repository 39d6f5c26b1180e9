import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, intakeBody } from '../support/complaints.js';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * Callbacks and detractor follow-ups as the bank uses them (docs/followups.md), in Chinese at
 * phone width and in English at desk width: an agent records a callback with NPS 3 on a closed
 * complaint; the worker's sweeper opens the follow-up; it shows in the supervisor's inbox; the
 * supervisor opens it, sees the facts and no outcome chosen in advance, is told next to the
 * fields what is missing, and records the outcome; it leaves the inbox and shows on the complaint.
 */
const runs = [
  { locale: 'zh', width: 390 },
  { locale: 'en', width: 1360 },
] as const;

describe.skipIf(skipBrowser)('web UI: a detractor callback closed by the supervisor’s follow-up', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ followUps: true, env: { FOLLOW_UP_SWEEP_SECONDS: '1' } }), launch()]);
    await seedDemo(stack);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function closedComplaint(): Promise<string> {
    const agent = demo('zhaoli');
    const res = await stack.as(agent).post('/api/v1/complaints', intakeBody());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.id as string;
    await command(stack, agent, id, '/responses', { message: '正在处理', channel: 'hotline' });
    await command(stack, agent, id, '/resolution', { summary: '已解冻', remedy: '减免年费' });
    await command(stack, agent, id, '/responses', { message: '您的卡已恢复', channel: 'hotline' });
    expect((await command(stack, agent, id, '/customer-feedback', { satisfied: true, via: 'callback', comment: '' })).status).toBe('closed');
    return id;
  }

  for (const { locale, width } of runs) {
    it(`callback with NPS 3 → the supervisor's inbox → outcome recorded (${locale}, ${width} px)`, async () => {
      const complaintId = await closedComplaint();

      // The agent records the callback on the closed complaint's page.
      const agent = await browser.page();
      await agent.setViewportSize({ width, height: 900 });
      await signIn(agent, stack.url, 'zhaoli', locale);
      await agent.goto(`${stack.url}/complaints/${complaintId}`);
      await agent.locator('button[data-command="callback"]').click();
      const form = agent.locator('form.command-form');
      expect(await form.locator('input:checked').count()).toBe(0);
      await form.locator('input[data-reached="yes"]').check();
      await form.locator('select[data-field="csat"]').selectOption('3');
      await form.locator('select[data-field="nps"]').selectOption('3');
      await form.locator('textarea').fill('等了太久，请打 13812345678 联系我');
      expect(await seriousViolations(agent)).toEqual([]);
      await screenshot(agent, `callback-form-${locale}-${width}`);
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => agent.getByTestId('complaint-responses').textContent()).toContain('NPS 3');
      await expect(agent.getByTestId('complaint-responses').textContent()).resolves.toContain('*******5678');

      // The sweeper opens the follow-up; it shows in the supervisor's inbox.
      const answers = await stack.as(demo('zhoumin')).get(`/api/v1/complaints/${complaintId}/responses`);
      const responseId = answers.body.items[0].id as string;
      const sup = await browser.page();
      await sup.setViewportSize({ width, height: 900 });
      await signIn(sup, stack.url, 'zhoumin', locale);
      const link = sup.locator(`a[href="/follow-ups/${encodeURIComponent(responseId)}"]`);
      await expect
        .poll(async () => {
          await sup.goto(`${stack.url}/inbox`);
          await sup.locator('main').waitFor();
          return link.count();
        }, { timeout: 30_000 })
        .toBe(1);
      expect(await seriousViolations(sup)).toEqual([]);
      await screenshot(sup, `followup-inbox-${locale}-${width}`);
      await link.click();
      await sup.waitForURL(/\/follow-ups\//);

      // The facts of the decision, and nothing decided in advance.
      await expect.poll(() => sup.getByTestId('followup-scores').textContent()).toContain('NPS 3');
      await expect(sup.getByTestId('followup-verbatim').textContent()).resolves.toContain('*******5678');
      await expect(sup.getByTestId('followup-complaint').getAttribute('href')).resolves.toBe(`/complaints/${complaintId}`);
      const outcome = sup.locator('form.command-form');
      expect(await outcome.locator('input:checked').count()).toBe(0);
      await outcome.locator('button[type="submit"]').click();
      await expect.poll(() => outcome.locator('.error-text').count()).toBe(2);
      expect(await seriousViolations(sup)).toEqual([]);
      await outcome.locator('input[data-outcome="contacted_resolved"]').check();
      await outcome.locator('textarea').fill(locale === 'zh' ? '已致电客户致歉并退还年费' : 'Called, apologised, refunded the fee');
      await screenshot(sup, `followup-outcome-${locale}-${width}`);
      await outcome.locator('button[type="submit"]').click();
      await sup.getByTestId('followup-recorded').waitFor();
      expect(await seriousViolations(sup)).toEqual([]);

      // Out of the inbox; on the complaint's page.
      await sup.goto(`${stack.url}/inbox`);
      await sup.locator('main').waitFor();
      await expect.poll(() => link.count()).toBe(0);
      await sup.goto(`${stack.url}/complaints/${complaintId}`);
      await expect.poll(() => sup.getByTestId('complaint-followups').textContent()).toBeTruthy();
      const api = await stack.as(demo('zhoumin')).get(`/api/v1/follow-ups/${encodeURIComponent(responseId)}`);
      expect(api.body).toMatchObject({ status: 'closed', outcome: { outcome: 'contacted_resolved', by: 'zhoumin' } });
    });
  }
});
