import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * Forms as bank staff meet them, in Chinese and English, at phone (390 px) and desk (1360 px)
 * width: required fields marked and checked before anything is sent, by the rules the API applies
 * (domain/field-rules.ts); every refusal, the form's own or the API's, at its field and in the
 * reader's language; decisions never answered in advance, with the facts they are about.
 */
const widths = [390, 1360] as const;
const locales = ['zh', 'en'] as const;

const words = {
  zh: { submit: '登记投诉', required: '请填写此项。', phone: '请输入电话号码', id: '只能包含字母、数字', notFound: '没有这条记录。', choose: '请从选项中选择。', approve: '批准', decide: '审批补偿' },
  en: { submit: 'Take the complaint', required: 'Please fill this in.', phone: 'A phone number', id: 'Letters, digits and', notFound: 'No such record.', choose: 'Please choose one of the options.', approve: 'Approve', decide: 'Decide compensation' },
};

/** The API's own English (zod and route messages) that must never reach a Chinese screen. */
const developerText = /must not be empty|Too small|Too big|request body|not valid|expected |Invalid input|unknown field|no initiative|ids are letters/i;

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText);
}

describe.skipIf(skipBrowser)('web UI: forms say what is wrong, in the reader’s language', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  for (const locale of locales) {
    for (const width of widths) {
      it(`complaint intake (${locale}, ${width} px): required fields marked and checked before sending, each refusal at its field`, async () => {
        const w = words[locale];
        const page = await browser.page();
        await page.setViewportSize({ width, height: 900 });
        await signIn(page, stack.url, 'zhaoli', locale);
        await page.goto(`${stack.url}/complaints/new`);
        const posts: string[] = [];
        page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/complaints') && posts.push(r.url()));

        // Marked: the five fields the API requires (description, reference, name, phone), not the optional ones.
        for (const name of ['description', 'customer.ref', 'customer.name', 'customer.phone']) {
          await expect(page.locator(`[name="${name}"]`).getAttribute('aria-required')).resolves.toBe('true');
        }
        for (const name of ['initiativeId', 'customer.idNumber']) {
          await expect(page.locator(`[name="${name}"]`).getAttribute('aria-required')).resolves.toBeNull();
        }

        // Sent empty: nothing leaves the browser, every required field says so in the reader's language.
        await page.getByRole('button', { name: w.submit, exact: true }).click();
        await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBe(4);
        for (const name of ['description', 'customer.ref', 'customer.name', 'customer.phone']) {
          const field = page.locator('.field', { has: page.locator(`[name="${name}"]`) });
          await expect(field.locator('.error-text').textContent()).resolves.toBe(w.required);
        }
        await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('name'))).toBe('description');
        expect(posts).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `forms-intake-required-${locale}-${width}`);

        // Misshapen values: the shape the field needs, in words, still before sending.
        await page.locator('[name="description"]').fill('Card blocked abroad without notice.');
        await page.locator('[name="customer.ref"]').fill('C 1');
        await page.locator('[name="customer.name"]').fill('王强');
        await page.locator('[name="customer.phone"]').fill('call me');
        await page.getByRole('button', { name: w.submit, exact: true }).click();
        await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBe(2);
        await expect(page.locator('.field', { has: page.locator('[name="customer.phone"]') }).locator('.error-text').textContent()).resolves.toContain(w.phone);
        await expect(page.locator('.field', { has: page.locator('[name="customer.ref"]') }).locator('.error-text').textContent()).resolves.toContain(w.id);
        expect(posts).toEqual([]);

        // What only the server knows (no such product) comes back as a code and reads in the reader's language.
        await page.locator('[name="customer.ref"]').fill('C-1');
        await page.locator('[name="customer.phone"]').fill('13700001111');
        await page.locator('[name="initiativeId"]').fill('no-such-product');
        await page.getByRole('button', { name: w.submit, exact: true }).click();
        await expect.poll(() => page.locator('.field', { has: page.locator('[name="initiativeId"]') }).locator('.error-text').textContent()).toBe(w.notFound);
        expect(posts).toHaveLength(1);
        if (locale === 'zh') expect(await visibleText(page)).not.toMatch(developerText);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `forms-intake-server-${locale}-${width}`);

        await page.locator('[name="initiativeId"]').fill('');
        await page.getByRole('button', { name: w.submit, exact: true }).click();
        await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
        await page.close();
      });

      it(`compensation approval (${locale}, ${width} px): the facts in the form, no answer chosen in advance, a decision and a comment required`, async () => {
        const w = words[locale];
        const c = await stack.as(demo('zhaoli')).post('/api/v1/complaints', {
          channel: 'hotline',
          category: 'product',
          severity: 'general',
          customer: { ref: 'C-2', name: '王强', phone: '13700001111' },
          description: 'Annual fee charged despite the first-year waiver.',
        });
        expect(c.status).toBe(201);
        const resolved = await stack.as(demo('zhaoli')).post(`/api/v1/complaints/${c.body.id}/resolution`, { summary: 'Fee charged in error', remedy: 'Refund and apology', compensation: { amount: 2000, currency: 'CNY' } });
        expect(resolved.body.status).toBe('awaiting_approval');

        const page = await browser.page();
        await page.setViewportSize({ width, height: 900 });
        await signIn(page, stack.url, 'zhoumin', locale);
        await page.goto(`${stack.url}/complaints/${c.body.id}`);
        const posts: string[] = [];
        page.on('request', (r) => r.method() === 'POST' && r.url().includes('/resolution/approval') && posts.push(r.url()));
        await page.locator('button[data-command="approve"]').click();
        const form = page.getByRole('form', { name: w.decide });

        // The facts: what is proposed, by whom, the amount and the limit it is above.
        const facts = form.getByTestId('approval-facts');
        await expect(facts.textContent()).resolves.toContain('Fee charged in error');
        await expect(facts.textContent()).resolves.toContain('Refund and apology');
        await expect.poll(() => form.getByTestId('approval-amount').textContent()).toMatch(/2,000/);
        await expect.poll(() => form.getByTestId('approval-limit').textContent()).toMatch(/1,000/);

        // Nothing chosen for the supervisor; sending without a choice or a comment sends nothing.
        const radios = form.getByRole('radio');
        await expect(radios.count()).resolves.toBe(2);
        for (const r of await radios.all()) expect(await r.isChecked()).toBe(false);
        await form.getByRole('button', { name: w.decide }).click();
        await expect.poll(() => form.locator('fieldset .error-text').textContent()).toBe(w.choose);
        await expect(form.locator('.field', { has: page.locator('textarea[name="comment"]') }).locator('.error-text').textContent()).resolves.toBe(w.required);
        expect(posts).toEqual([]);
        if (locale === 'zh') expect(await visibleText(page)).not.toMatch(developerText);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `forms-approval-${locale}-${width}`);

        await form.getByRole('radio', { name: w.approve, exact: true }).check();
        await form.locator('textarea[name="comment"]').fill('Within policy after review.');
        await form.getByRole('button', { name: w.decide }).click();
        await expect.poll(async () => (await stack.as(demo('zhoumin')).get(`/api/v1/complaints/${c.body.id}`)).body.status).toBe('resolved');
        expect(posts).toHaveLength(1);

        // The customer's answer is not chosen in advance either.
        const agent = await browser.page();
        await agent.setViewportSize({ width, height: 900 });
        await signIn(agent, stack.url, 'zhaoli', locale);
        await agent.goto(`${stack.url}/complaints/${c.body.id}`);
        await agent.locator('button[data-command="feedback"]').click();
        const feedback = agent.locator('form.command-form');
        await expect.poll(() => feedback.getByRole('radio').count()).toBe(2);
        for (const r of await feedback.getByRole('radio').all()) expect(await r.isChecked()).toBe(false);
        await page.close();
        await agent.close();
      });
    }
  }
});
