import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverables } from '../support/gates.js';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * Stage gates in the browser: a committee member votes from the work inbox, the chair signs the
 * gate off, the product owner meets the next stage's field-level validation and submits.
 */
describe.skipIf(skipBrowser)('web UI: stage gates', () => {
  let stack: Stack;
  let browser: Browser;
  let initiativeId: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    const created = await stack.as(demo('linxiao')).post('/api/v1/initiatives', { name: 'Instant virtual credit card', businessLine: 'banking', description: 'A virtual card issued in the mobile app at once.', team: 'retail-cards' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    initiativeId = created.body.id;
    const submitted = await stack.as(demo('linxiao')).post(`/api/v1/initiatives/${initiativeId}/submissions`, { stage: 'research', deliverables: deliverables.research });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const memberRow = (page: Page, userId: string) => page.locator(`[data-testid="live-review"] tr[data-member="${userId}"]`);

  it('a committee member votes from the work inbox', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'limin');
    const task = page.getByRole('link', { name: /Instant virtual credit card/ });
    await expect.poll(() => task.count()).toBe(1);
    await expect(page.locator('tbody tr').first().textContent()).resolves.toContain('Vote');
    await screenshot(page, '01-inbox-committee-member');

    await task.click();
    await page.waitForURL(`**/initiatives/${initiativeId}`);
    // The retail-cards member is recused (the initiative's own team); the roster is visible.
    await expect.poll(() => memberRow(page, 'liuyang').textContent()).toContain('Recused');
    await page.getByRole('radio', { name: 'Approve' }).check();
    await page.getByLabel('Comment').fill('Research is thorough; segments are well chosen.');
    await page.getByRole('button', { name: 'Cast vote' }).click();
    await expect.poll(() => memberRow(page, 'limin').textContent()).toContain('Approve');
    await expect(memberRow(page, 'limin').textContent()).resolves.toContain('Research is thorough');
    await screenshot(page, '02-initiative-after-vote');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the chair signs the gate off once quorum is met, and the initiative moves to design', async () => {
    // A second member votes through the API: 2 of 4 eligible is the quorum.
    const vote = await stack.as(demo('zhangwei')).post(`/api/v1/initiatives/${initiativeId}/review/votes`, { decision: 'approve', comment: 'fine' });
    expect(vote.status, JSON.stringify(vote.body)).toBe(200);

    const page = await browser.page();
    await signIn(page, stack.url, 'wangjg');
    const row = page.locator('tbody tr', { hasText: 'Instant virtual credit card' }).filter({ hasText: 'Sign off' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('link').click();
    await page.waitForURL(`**/initiatives/${initiativeId}`);
    const form = page.getByRole('form', { name: "Chair's sign-off" });
    await expect.poll(() => form.textContent()).toContain('Quorum is met');
    await form.getByRole('radio', { name: 'Approve' }).check();
    await form.getByLabel('Comment').fill('Approved: proceed to design.');
    await screenshot(page, '03-chair-sign-off');
    await form.getByRole('button', { name: 'Sign off', exact: true }).click();
    await expect.poll(() => form.getByTestId('signoff-confirm').textContent()).toContain('moves on to its next stage');
    await form.getByRole('button', { name: 'Confirm sign-off' }).click();
    await expect.poll(() => page.getByTestId('signoff-form').count()).toBe(0);

    await expect.poll(() => page.locator('.stage-current .stage-name').textContent()).toBe('Design');
    await expect(page.locator('.page-header').textContent()).resolves.toContain('In progress');
    const api = await stack.as(demo('wangjg')).get(`/api/v1/initiatives/${initiativeId}`);
    expect(api.body).toMatchObject({ stage: 'design', status: 'in_progress' });
    expect(api.body.reviews[0]).toMatchObject({ status: 'decided', outcome: 'approve', signedOffBy: 'wangjg' });
    await page.locator('details', { hasText: 'Research review' }).first().locator('summary').click();
    await screenshot(page, '04-initiative-after-sign-off');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the product owner sees each missing design deliverable at its field, then submits', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'linxiao');
    await page.goto(`${stack.url}/initiatives/${initiativeId}`);
    const form = page.getByTestId('submission-form');
    await form.getByRole('button', { name: 'Submit for review' }).click();
    await expect(form.getByRole('alert').first().textContent()).resolves.toMatch(/fields need attention/);
    // Every required part of the design stage is named at its own field.
    const invalid = form.locator('[aria-invalid="true"]');
    await expect(invalid.count()).resolves.toBeGreaterThanOrEqual(4);
    await screenshot(page, '05-submission-validation');
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel('Functional design').fill(deliverables.design.functionalDesign);
    await form.getByLabel('Interface design').fill(deliverables.design.interfaceDesign);
    await form.getByLabel('Process design').fill(deliverables.design.processDesign);
    await form.getByLabel('UX objectives').fill('Onboarding under 5 minutes\nNo paper forms');
    await form.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => page.getByTestId('live-review').locator('h2').textContent()).toContain('Design review · version 1');
    const api = await stack.as(demo('linxiao')).get(`/api/v1/initiatives/${initiativeId}`);
    expect(api.body.review).toMatchObject({ stage: 'design', status: 'open', deliverables: { uxObjectives: ['Onboarding under 5 minutes', 'No paper forms'] } });
  });

  it('lists initiatives with their stage and status, in Chinese too', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'wangjg', 'zh');
    await page.getByRole('link', { name: '产品项目' }).click();
    await page.waitForURL('**/initiatives');
    // The row inside the initiatives table (named by its caption), not the inbox's task row that
    // names the same product while the list is still loading after the URL changed.
    const row = page.getByRole('table', { name: '产品项目' }).locator('tbody tr', { hasText: 'Instant virtual credit card' });
    await expect.poll(() => row.textContent()).toContain('产品设计');
    await expect(row.textContent()).resolves.toContain('评审中');
    await screenshot(page, '06-initiatives-zh');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
