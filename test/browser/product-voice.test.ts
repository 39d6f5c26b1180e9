import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyResponses } from '../../db/schema/index.js';
import { intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates } from '../support/gates.js';
import { eventually, startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, signIn, skipBrowser, type Browser } from './support/browser.js';
import { pageChecks } from './support/page-checks.js';

/**
 * A launched product's page (docs/surveys.md "Product NPS"): its NPS month by month, with the
 * range and the answers, beside the complaints about it — a chart and the same figures as a
 * table; in Chinese on a phone and in English at a desk, axe clean.
 */
const runs = [
  { locale: 'zh', width: 390, title: '上线以来的 NPS 与投诉' },
  { locale: 'en', width: 1360, title: 'NPS and complaints since launch' },
] as const;

describe.skipIf(skipBrowser)('web UI: a launched product’s NPS beside its complaints', () => {
  let stack: Stack;
  let browser: Browser;
  let productId: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    const g = gates(stack);
    await g.roster();
    await g.policy({ postLaunch: { window: { amount: 3600, unit: 'second' }, complaintThreshold: 50 } });
    await setPolicy(stack, secondsPolicy());
    productId = await g.create();
    for (const stage of ['research', 'design', 'prototype_testing', 'launch_assessment'] as const) await g.passGate(productId, stage);
    await eventually(async () => ((await g.get(productId)).body.postLaunch?.status === 'monitoring' ? true : undefined), 'post-launch monitoring started');
    // Two complaints about the product, and three answers about it this month (as customers gave them).
    await intake(stack, { initiativeId: productId });
    await intake(stack, { initiativeId: productId });
    const answer = (nps: number) => ({ id: `SR-${randomUUID()}`, kind: 'product_nps', source: 'link', contactType: 'complaint', contactId: randomUUID(), product: productId, channel: 'app', department: 'cards-ops', reached: true, nps, detractor: nps <= 6, respondedAt: new Date().toISOString() });
    await stack.database.db.insert(surveyResponses).values([answer(10), answer(9), answer(4)]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  for (const { locale, width, title } of runs) {
    it(`shows the month’s NPS with its range beside the complaints (${locale}, ${width} px)`, async () => {
      const page = await browser.page();
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, stack.url, 'zhoumin', locale);
      await page.goto(`${stack.url}/initiatives/${productId}`);
      const section = page.getByTestId('product-voice');
      await expect.poll(() => section.locator('h2').textContent()).toBe(title);
      const row = section.locator('tbody tr').last();
      await expect.poll(() => row.locator('[data-voice="nps"]').textContent()).toMatch(/^\+33\.3/); // 2 promoters, 1 detractor of 3
      const cells = await row.locator('td').allTextContents();
      expect(cells.slice(1)).toEqual(['3', '2']); // answers, complaints
      expect(await section.locator('[role="img"]').getAttribute('aria-label')).toContain('+33.3');
      // The fixture's initiative and owner are named in English by the test helpers: data, not the page's words.
      const fixtureWords = /English on a Chinese screen: "(Instant virtual card|virtual debit card issued at onboarding|Pat Product)"/;
      expect((await pageChecks(page, locale)).filter((p) => !fixtureWords.test(p))).toEqual([]);
      await screenshot(page, `product-voice-${locale}-${width}`);
      await page.close();
    });
  }
});
