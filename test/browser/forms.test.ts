import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverables } from '../support/gates.js';
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
  zh: { newTitle: '登记投诉 · cxgov', castVote: '投票', requestChanges: '要求修改', voteCommentRequired: '请说明需要修改的内容或理由', signOff: '签批', confirmSignOff: '确认签批', notVoted: '尚未投票', chairComment: '主任委员意见', submit: '登记投诉', required: '请填写此项。', phone: '请输入电话号码', id: '只能包含字母、数字', notFound: '没有这条记录。', choose: '请从选项中选择。', approve: '批准', decide: '审批补偿' },
  en: { newTitle: 'Take a complaint · cxgov', castVote: 'Cast vote', requestChanges: 'Request changes', voteCommentRequired: 'Say what should change', signOff: 'Sign off', confirmSignOff: 'Confirm sign-off', notVoted: 'have not voted', chairComment: "Chair's comment", submit: 'Take the complaint', required: 'Please fill this in.', phone: 'A phone number', id: 'Letters, digits and', notFound: 'No such record.', choose: 'Please choose one of the options.', approve: 'Approve', decide: 'Decide compensation' },
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

        // The page says what it is in the tab and the history too.
        await expect.poll(() => page.title()).toBe(w.newTitle);

        // Marked: the four fields the API requires (description, reference, name, phone), not the optional ones.
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
        await expect.poll(() => page.locator('.field', { has: page.locator('[name="initiativeId"]') }).locator('.error-text').textContent(), { timeout: 20_000 }).toBe(w.notFound);
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
        await expect.poll(async () => (await stack.as(demo('zhoumin')).get(`/api/v1/complaints/${c.body.id}`)).body.status, { timeout: 20_000 }).toBe('resolved');
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

      it(`gate vote and sign-off (${locale}, ${width} px): votes and deliverables above the form, nothing preselected, a comment for request changes, a confirmation naming who has not voted`, async () => {
        const w = words[locale];
        const created = await stack.as(demo('linxiao')).post('/api/v1/initiatives', { name: `Card controls ${locale} ${width}`, businessLine: 'banking', description: 'Freeze and limits in the app.', team: 'retail-cards' });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        const id = created.body.id as string;
        const submitted = await stack.as(demo('linxiao')).post(`/api/v1/initiatives/${id}/submissions`, { stage: 'research', deliverables: deliverables.research });
        expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);

        const member = await browser.page();
        await member.setViewportSize({ width, height: 900 });
        const forbidden: string[] = [];
        member.on('response', (r) => r.status() === 403 && forbidden.push(r.url()));
        await signIn(member, stack.url, 'limin', locale);
        await member.goto(`${stack.url}/initiatives/${id}`);
        const form = member.getByTestId('vote-form');
        await form.waitFor();
        // The votes so far and the deliverables, open, come before the form.
        const order = await member.evaluate(() => {
          const d = (globalThis as unknown as { document: { querySelector(s: string): { compareDocumentPosition(o: unknown): number } | null } }).document;
          const f = d.querySelector('[data-testid="vote-form"]');
          return ['[data-testid="live-review"]', '[data-testid="live-deliverables"]'].map((s) => (d.querySelector(s)!.compareDocumentPosition(f) & 4) !== 0);
        });
        expect(order).toEqual([true, true]);
        await expect(member.getByTestId('live-deliverables').getAttribute('open')).resolves.not.toBeNull();
        for (const r of await form.getByRole('radio').all()) expect(await r.isChecked()).toBe(false);

        const votes: string[] = [];
        member.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/review/votes') && votes.push(r.url()));
        await form.getByRole('button', { name: w.castVote }).click();
        await expect.poll(() => form.locator('fieldset .error-text').textContent()).toBe(w.choose);
        await form.getByRole('radio', { name: w.requestChanges }).check();
        await form.getByRole('button', { name: w.castVote }).click();
        await expect.poll(() => form.locator('.field', { has: member.locator('textarea[name="comment"]') }).locator('.error-text').textContent()).toContain(w.voteCommentRequired);
        await expect(form.locator('textarea[name="comment"]').getAttribute('aria-required')).resolves.toBe('true');
        expect(votes).toEqual([]);
        if (locale === 'zh') expect(await visibleText(member)).not.toMatch(developerText);
        expect(await seriousViolations(member)).toEqual([]);
        await screenshot(member, `forms-vote-${locale}-${width}`);
        // The deliverables, open, keep to the screen's width (long hashes and links break, nested parts stack).
        expect(await member.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await form.locator('textarea[name="comment"]').fill('Cover customers who travel abroad.');
        await form.getByRole('button', { name: w.castVote }).click();
        await expect.poll(() => member.locator('[data-testid="live-review"] tr[data-member="limin"]').textContent(), { timeout: 20_000 }).toContain('Cover customers who travel abroad.');
        expect(votes).toHaveLength(1);
        // A committee member is not a reader of the roster: no page load asks for it and fails.
        expect(forbidden).toEqual([]);
        await member.close();

        const second = await stack.as(demo('zhangwei')).post(`/api/v1/initiatives/${id}/review/votes`, { decision: 'request_changes', comment: 'Add the limits flow.' });
        expect(second.status, JSON.stringify(second.body)).toBe(200);

        const chair = await browser.page();
        await chair.setViewportSize({ width, height: 900 });
        await signIn(chair, stack.url, 'wangjg', locale);
        await chair.goto(`${stack.url}/initiatives/${id}`);
        const signoff = chair.getByTestId('signoff-form');
        await signoff.waitFor();
        for (const r of await signoff.getByRole('radio').all()) expect(await r.isChecked()).toBe(false);
        await signoff.getByRole('radio', { name: w.requestChanges }).check();
        await signoff.locator('textarea[name="comment"]').fill('Please add both and resubmit.');
        await signoff.getByRole('button', { name: w.signOff, exact: true }).click();
        // What will happen, and who has not voted (chenjing; liuyang is recused), before anything is sent.
        const confirm = signoff.getByTestId('signoff-confirm');
        await expect.poll(() => confirm.textContent()).toContain(w.notVoted);
        // (the names come from the directory, which may arrive after the form on a loaded machine)
        await expect.poll(() => confirm.textContent()).toContain('陈静');
        await expect(confirm.textContent()).resolves.not.toContain('刘洋');
        expect((await stack.as(demo('wangjg')).get(`/api/v1/initiatives/${id}`)).body.reviews[0].status).toBe('open');
        expect(await seriousViolations(chair)).toEqual([]);
        await screenshot(chair, `forms-signoff-${locale}-${width}`);
        await signoff.getByRole('button', { name: w.confirmSignOff }).click();
        await expect.poll(async () => (await stack.as(demo('wangjg')).get(`/api/v1/initiatives/${id}`)).body.status, { timeout: 20_000 }).toBe('changes_requested');
        // The chair's comment is shown with the decided review.
        await chair.reload();
        await expect.poll(() => chair.getByTestId('signoff-comment').first().textContent()).toContain('Please add both and resubmit.');
        await expect(chair.getByTestId('signoff-comment').first().textContent()).resolves.toContain(w.chairComment);
        await chair.close();
      });
    }
  }
});
