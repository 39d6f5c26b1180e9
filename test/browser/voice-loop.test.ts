import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command } from '../support/complaints.js';
import { mailDomain, mailpit } from '../support/notifications.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, signIn, skipBrowser, type Browser } from './support/browser.js';
import { pageChecks } from './support/page-checks.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * The voice-of-the-customer loop, as the customer and the bank live it (docs/surveys.md, docs/followups.md,
 * docs/reports.md): a complaint closes → the survey mail reaches the customer's mailbox (read
 * through the run's Mailpit) → the customer's page takes a score of 3 → a detractor follow-up
 * waits in the supervisor's inbox → the month's report shows the NPS. In Chinese on a phone and
 * in English at a desk, axe clean at every page.
 */
const runs = [
  { locale: 'zh', width: 390 },
  { locale: 'en', width: 1360 },
] as const;
const words = {
  zh: { thanks: '感谢您的评价！', submit: '提交评价', followUp: '回访差评客户', nps: 'NPS（净推荐值）' },
  en: { thanks: 'Thank you!', submit: 'Send my answers', followUp: 'Call back a detractor', nps: 'NPS' },
};

describe.skipIf(skipBrowser)('web UI: from a closed complaint to the month’s NPS', () => {
  let stack: Stack;
  let browser: Browser;
  const mail = mailpit();
  const domain = mailDomain();

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ notifications: true, followUps: true, env: { NOTIFY_IDLE_MS: '100', FOLLOW_UP_SWEEP_SECONDS: '1' } }), launch()]);
    await seedDemo(stack);
    // The supervisor the follow-up reaches: the customer service's, in the directory.
    for (const [userId, name, department, roles] of [
      ['zhaoli', '赵丽', 'customer-service', ['cs_agent']],
      ['zhoumin', '周敏', 'customer-service', ['supervisor']],
    ] as const) {
      const put = await stack.as(people.admin).put(`/api/v1/people/${userId}`, { userId, name, department, roles });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  for (const { locale, width } of runs) {
    it(`closes the loop with a detractor (${locale}, ${width} px)`, async () => {
      const w = words[locale];
      const email = `loop-${randomBytes(4).toString('hex')}@${domain}`;
      const taken = await stack.as(demo('zhaoli')).post('/api/v1/complaints', {
        channel: 'hotline',
        customer: { ref: `loop-${randomBytes(4).toString('hex')}`, name: '冯九', phone: '13511112222', email },
        category: 'service',
        severity: 'general',
        description: '转账到账慢，客服未及时回复',
      });
      expect(taken.status, JSON.stringify(taken.body)).toBe(201);
      const id = taken.body.id as string;
      await command(stack, demo('zhaoli'), id, '/resolution', { summary: '已加急处理转账', remedy: '致歉并减免手续费' });
      const closed = await command(stack, demo('zhaoli'), id, '/customer-feedback', { satisfied: true, via: 'callback', comment: '客户确认' });
      expect(closed.status).toBe('closed');

      // The customer's mailbox: the survey mail with the one-time link.
      const message = await eventually(async () => {
        const found = (await mail.to(email)).find((m) => m.Subject.includes('请评价我们的服务') && m.Subject.includes(id));
        return found ? mail.message(found.ID) : undefined;
      }, 'the survey mail', 60_000);
      const token = /\/survey\/([\w-]+\.[\w-]+\.[\w-]+)/.exec(message.Text)?.[1];
      expect(token, message.Text).toBeDefined();

      // The customer's page (no sign-in): a 3 on both scales.
      const customer = await browser.page();
      await customer.setViewportSize({ width, height: 844 });
      await customer.goto(`${stack.url}/survey/${token}`);
      if (locale === 'en') await customer.getByRole('button', { name: 'English' }).click();
      await customer.getByRole('button', { name: w.submit }).waitFor();
      for (const name of ['csat', 'nps'] as const) {
        await customer.locator('label.survey-option').filter({ has: customer.locator(`input[name="${name}"][value="3"]`) }).click();
      }
      await customer.getByRole('button', { name: w.submit }).click();
      await expect.poll(() => customer.locator('h1').textContent()).toBe(w.thanks);
      expect(await pageChecks(customer, locale)).toEqual([]);
      await screenshot(customer, `voice-loop-survey-${locale}-${width}`);
      await customer.close();

      // The supervisor's inbox: the follow-up, about this complaint.
      const page = await browser.page();
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, stack.url, 'zhoumin', locale);
      // The inbox names the complaint by its short number.
      const row = page.locator('tr').filter({ hasText: w.followUp }).filter({ hasText: id.slice(0, 8) });
      await expect.poll(async () => {
        await page.reload();
        return row.count();
      }, { timeout: 60_000 }).toBe(1);
      expect(await pageChecks(page, locale)).toEqual([]);
      await screenshot(page, `voice-loop-inbox-${locale}-${width}`);

      // The month's report: the NPS of the answers given this month, as the API computes it.
      await page.goto(`${stack.url}/reports`);
      await page.getByTestId('voice').waitFor();
      // The month as the page reads it: in the business calendar's zone.
      const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
      const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 10);
      const api = await stack.as(demo('zhoumin')).get(`/api/v1/reports/kpis?from=${month}-01&to=${next}`);
      const nps = api.body.kpis.voice.nps;
      expect(nps.detractors).toBeGreaterThanOrEqual(1);
      expect(nps.score).toBe(-100); // every answer of this file is a 3
      await expect.poll(() => page.getByTestId('voice-nps').textContent()).toBe('-100');
      await expect(page.locator('[data-kpi="nps"] .stat-label').textContent()).resolves.toBe(w.nps);
      expect(await pageChecks(page, locale)).toEqual([]);
      await screenshot(page, `voice-loop-report-${locale}-${width}`);
      await page.close();
    });
  }
});
