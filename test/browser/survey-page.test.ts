import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyLinkSecret } from '../../config/secrets.js';
import { setSurveyInvitationExpiry, surveyInvitationsOf } from '../../db/surveys.js';
import { signSurveyLink } from '../../security/survey-link.js';
import { command, intake } from '../support/complaints.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, skipBrowser, type Browser, type PageGlobals } from './support/browser.js';
import { pageChecks } from './support/page-checks.js';

/**
 * The customer's survey page (/survey/:token, docs/surveys.md "The public page"): opened without
 * signing in, in Chinese by default with an English switch, on a phone (390 px) and at a desk
 * (1360 px), axe clean; it shows the complaint's number and nothing else of it, offers no answer
 * beforehand, takes an answer and thanks; the same link again, an expired and an altered link
 * each get their own page.
 */

const words = {
  zh: { title: '请评价我们的服务', thanks: '感谢您的评价！', used: '此调查已完成', expired: '调查链接已过期', invalid: '调查链接无效', csatMissing: '请选择满意程度（1–5）。', submit: '提交评价', switchTo: 'English' },
  en: { title: 'How did we do?', thanks: 'Thank you!', used: 'This survey was already answered', expired: 'This survey link has expired', invalid: 'This survey link is not recognised', csatMissing: 'Choose how satisfied you are, from 1 to 5.', submit: 'Send my answers', switchTo: '中文' },
};

describe.skipIf(skipBrowser)('web UI: the customer’s survey page', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A closed complaint's one-time link (as the customer's notice would carry it) and the complaint. */
  async function link(): Promise<{ complaintId: string; invitationId: string; path: string }> {
    const c = await intake(stack, { customer: { ref: `sp-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, name: '钱七', phone: '13611112222' } });
    await command(stack, people.agent, c.id, '/resolution', { summary: '卡片已解冻', remedy: '致歉' });
    await command(stack, people.agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: '客户满意' });
    const invitation = await eventually(async () => (await surveyInvitationsOf(stack.database.db, 'complaint', c.id))[0], 'the survey invitation');
    return { complaintId: c.id, invitationId: invitation.id, path: `/survey/${await signSurveyLink(surveyLinkSecret(stack.config), invitation)}` };
  }

  const heading = (page: Page) => page.locator('h1').textContent();
  const lang = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang);
  const choose = (page: Page, name: 'csat' | 'nps', value: number) => page.locator('label.survey-option').filter({ has: page.locator(`input[name="${name}"][value="${value}"]`) }).click();

  for (const [locale, width] of [
    ['zh', 390],
    ['en', 1360],
    ['zh', 1360],
    ['en', 390],
  ] as const) {
    it(`in ${locale} at ${width} px: answers once, then thanks; the same link again is refused`, async () => {
      const w = words[locale];
      const { complaintId, path } = await link();
      const page = await browser.page();
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`${stack.url}${path}`);
      // Chinese by default, whatever the browser's language (en-GB here).
      await expect.poll(() => heading(page)).toBe(words.zh.title);
      expect(await lang(page)).toBe('zh-CN');
      if (locale === 'en') {
        await page.getByRole('button', { name: words.zh.switchTo }).click();
        await expect.poll(() => heading(page)).toBe(w.title);
        expect(await lang(page)).toBe('en');
      }
      // The complaint's number and nothing else of it; no answer chosen beforehand.
      const body = (await page.locator('main').textContent()) ?? '';
      expect(body).toContain(complaintId);
      for (const secret of ['钱七', '13611112222', '卡片已解冻', '致歉']) expect(body).not.toContain(secret);
      expect(await page.locator('input[type="radio"]').count()).toBe(16);
      expect(await page.locator('input[type="radio"]:checked').count()).toBe(0);
      expect(await pageChecks(page, locale)).toEqual([]);
      await screenshot(page, `survey-${locale}-${width}`);

      // Sent without a CSAT: the message is next to the question, in the page's language.
      await choose(page, 'nps', 6);
      await page.getByRole('button', { name: w.submit }).click();
      await expect.poll(() => page.locator('#csat-error').textContent()).toBe(w.csatMissing);
      expect(await pageChecks(page, locale)).toEqual([]);

      await choose(page, 'csat', 3);
      await page.locator('#survey-verbatim').fill(locale === 'zh' ? '希望处理更快一些' : 'Faster answers, please');
      await page.getByRole('button', { name: w.submit }).click();
      await expect.poll(() => heading(page)).toBe(w.thanks);
      expect(await pageChecks(page, locale)).toEqual([]);
      const stored = await stack.query<{ csat: number; nps: number; detractor: boolean }>(`select csat, nps, detractor from survey_responses where contact_id = $1`, [complaintId]);
      expect(stored).toEqual([{ csat: 3, nps: 6, detractor: true }]);

      // The same link again: its own page, in the language chosen.
      await page.goto(`${stack.url}${path}`);
      if (locale === 'en') await expect.poll(() => heading(page)).toBe(words.zh.used);
      if (locale === 'en') await page.getByRole('button', { name: words.zh.switchTo }).click();
      await expect.poll(() => heading(page)).toBe(w.used);
      expect(await page.locator('form').count()).toBe(0);
      expect(await pageChecks(page, locale)).toEqual([]);
      await screenshot(page, `survey-used-${locale}-${width}`);
      await page.close();
    });
  }

  it('an expired link and a link altered by one character each get their own page, in both languages', async () => {
    const expired = await link();
    await setSurveyInvitationExpiry(stack.database.db, expired.invitationId, new Date(Date.now() - 1000));
    const fresh = await link();
    const token = fresh.path.slice('/survey/'.length);
    const [h, p, s] = token.split('.') as [string, string, string];
    const i = Math.floor(p.length / 2);
    const altered = `/survey/${[h, p.slice(0, i) + (p[i] === 'A' ? 'B' : 'A') + p.slice(i + 1), s].join('.')}`;
    const page = await browser.page();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, key] of [
      [expired.path, 'expired'],
      [altered, 'invalid'],
    ] as const) {
      await page.goto(`${stack.url}${path}`);
      await expect.poll(() => heading(page)).toBe(words.zh[key]);
      expect(await pageChecks(page, 'zh')).toEqual([]);
      await page.getByRole('button', { name: words.zh.switchTo }).click();
      await expect.poll(() => heading(page)).toBe(words.en[key]);
      expect(await pageChecks(page, 'en')).toEqual([]);
      await page.getByRole('button', { name: words.en.switchTo }).click();
    }
    // The altered link opened nothing: the genuine one still works.
    await page.goto(`${stack.url}${fresh.path}`);
    await expect.poll(() => heading(page)).toBe(words.zh.title);
    await page.close();
  });
});
