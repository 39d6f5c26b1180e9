import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../support/complaints.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * Feedback as the bank uses it (docs/feedback.md), in Chinese at phone width and in English at
 * desk width: an agent logs a customer's suggestion with the complaint intake's fields and routes
 * it to the owning product team picked from the directory; a supervisor finds that a complaint
 * was really praise and reclassifies it, which opens the praise and closes the complaint pointing
 * at it. Every page is checked with axe.
 */
const runs = [
  { locale: 'zh', width: 390 },
  { locale: 'en', width: 1360 },
] as const;
const words = {
  zh: { routed: '产品团队处理中', praise: '表扬', closed: '已作为表扬关闭' },
  en: { routed: 'With the product team', praise: 'Praise', closed: 'Closed as Praise' },
};

describe.skipIf(skipBrowser)('web UI: feedback of every kind', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    // The product team to route to, in the directory (the route form picks departments from it).
    const put = await stack.as(people.admin).put('/api/v1/people/wugang', { userId: 'wugang', name: '吴刚', department: 'cards-ops', roles: ['business_handler'], departmentHead: true });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  for (const { locale, width } of runs) {
    it(`log a suggestion and route it to its team (${locale}, ${width} px)`, async () => {
      const page = await browser.page();
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, stack.url, 'zhaoli', locale);
      await page.goto(`${stack.url}/feedback/new`);
      const form = page.locator('form.card');
      await form.locator('select[name="kind"]').selectOption('suggestion');
      await form.locator('select[name="channel"]').selectOption('app');
      await form.locator('textarea[name="description"]').fill(`Show the annual fee before confirming (${locale})`);
      await form.locator('input[name="customer.ref"]').fill(`C-FB-${locale}-${Date.now()}`);
      await form.locator('input[name="customer.name"]').fill('王小二');
      await form.locator('input[name="customer.phone"]').fill('13800001111');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `feedback-new-${locale}-${width}`);
      await form.locator('button[type="submit"]').click();
      await page.waitForURL(/\/feedback\/[0-9a-f-]{36}$/);
      const id = new URL(page.url()).pathname.split('/').pop()!;

      // Route it: the department picker offers the directory's departments.
      const route = page.locator('form[data-command="route"]');
      await expect.poll(() => route.locator('option').count()).toBeGreaterThan(1);
      await route.locator('select').selectOption('cards-ops');
      await route.locator('button[type="submit"]').click();
      await expect.poll(() => page.locator('.badge').first().textContent()).toBe(words[locale].routed);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `feedback-routed-${locale}-${width}`);
      const stored = await stack.as(demo('zhoumin')).get(`/api/v1/feedback/${id}`);
      expect(stored.body).toMatchObject({ kind: 'suggestion', status: 'routed', routing: { department: 'cards-ops', teamLeadId: 'wugang' } });

      // The list shows it.
      await page.goto(`${stack.url}/feedback?kind=suggestion`);
      await page.locator(`a[href="/feedback/${id}"]`).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it(`reclassify a complaint as praise (${locale}, ${width} px)`, async () => {
      const taken = await stack.as(demo('zhaoli')).post('/api/v1/complaints', intakeBody({ description: `The customer only called to thank the branch (${locale})` }));
      expect(taken.status, JSON.stringify(taken.body)).toBe(201);
      const page = await browser.page();
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, stack.url, 'zhoumin', locale);
      await page.goto(`${stack.url}/complaints/${taken.body.id}`);
      const panel = page.locator('section[aria-labelledby="reclassify"]');
      await panel.waitFor();
      await panel.locator('select').selectOption('praise');
      await panel.locator('textarea').fill('The customer called to praise the branch staff');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `complaint-reclassify-${locale}-${width}`);
      await panel.locator('button[type="submit"]').click();
      await page.waitForURL(/\/feedback\/[0-9a-f-]{36}$/);
      const feedbackId = new URL(page.url()).pathname.split('/').pop()!;
      await expect.poll(() => page.locator('h1').textContent()).toContain(words[locale].praise);
      expect(await seriousViolations(page)).toEqual([]);
      const complaint = await stack.as(demo('zhoumin')).get(`/api/v1/complaints/${taken.body.id}`);
      expect(complaint.body).toMatchObject({ status: 'closed', reclassified: { kind: 'praise', feedbackId } });
      await page.goto(`${stack.url}/complaints/${taken.body.id}`);
      await expect.poll(() => page.locator('section[aria-labelledby="reclassified"]').textContent()).toContain(words[locale].closed);
    });
  }
});
