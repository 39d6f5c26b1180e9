import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../support/complaints.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * Personal-data erasure in the browser (docs/security.md "Customer data keys and erasure"): the
 * admin requests it from the Erasure page (1360 px, English); the compliance auditor opens it
 * from the work inbox (390 px, Chinese), sees the facts, finds no answer preselected, is told that
 * a refusal needs a comment, approves; the proof shows; the complaint then shows "personal data
 * erased". A legal hold is set and lifted from the page. Each page checked with axe.
 */
const phone = { width: 390, height: 844 };
const desktop = { width: 1360, height: 900 };

async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const main = (globalThis as unknown as { document: { querySelector(s: string): { scrollWidth: number; clientWidth: number } } }).document.querySelector('main')!;
    return main.scrollWidth <= main.clientWidth + 1;
  });
}

describe.skipIf(skipBrowser)('web UI: personal-data erasure', () => {
  let stack: Stack;
  let browser: Browser;
  let complaintId: string;
  const customerRef = `web-erase-${Date.now().toString(36)}`;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    expect((await stack.as(people.admin).put('/api/v1/policies/erasure', { retention: { amount: 1095, unit: 'day' }, recheckEvery: { amount: 1, unit: 'second' }, sweepEvery: { amount: 1, unit: 'day' } })).status).toBe(200);
    const agent = stack.as(demo('zhaoli'));
    const c = await agent.post('/api/v1/complaints', intakeBody({ customer: { ref: customerRef, name: '钱七', phone: '13600001111' } }));
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    complaintId = c.body.id;
    for (const [path, body] of [
      ['/responses', { message: 'looking into it', channel: 'hotline' }],
      ['/resolution', { summary: 'fixed', remedy: 'apology' }],
      ['/responses', { message: 'fixed now', channel: 'hotline' }],
      ['/customer-feedback', { satisfied: true, via: 'callback', comment: 'ok' }],
    ] as const) {
      const res = await agent.post(`/api/v1/complaints/${complaintId}${path}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('an admin requests, a compliance auditor holds, lifts and approves it from the inbox; the complaint shows the data erased', async () => {
    const admin = await browser.page();
    await admin.setViewportSize(desktop);
    await signIn(admin, stack.url, 'heping');
    await admin.getByRole('link', { name: 'Erasure' }).click();
    await admin.getByLabel('Customer reference').first().fill(customerRef);
    await admin.getByLabel('Reason').first().fill('the customer asked to be forgotten');
    await admin.getByRole('button', { name: 'Submit the request' }).click();
    await admin.getByTestId('erasure-customer').waitFor();
    await expect.poll(() => admin.getByTestId('erasure-customer').textContent()).toBe(customerRef);
    await expect.poll(async () => {
      await admin.getByRole('button', { name: 'Refresh' }).click();
      return admin.locator('main').textContent();
    }).toContain('Awaiting approval');
    // The requester's own page offers no decision form … (an admin never decides)
    expect(await admin.locator('input[type="radio"]').count()).toBe(0);
    await screenshot(admin, '70-erasure-requested');
    expect(await seriousViolations(admin)).toEqual([]);

    const auditor = await browser.page();
    await auditor.setViewportSize(phone);
    await signIn(auditor, stack.url, 'zhenghua', 'zh');
    await auditor.getByRole('link', { name: new RegExp(`客户 ${customerRef} 的个人信息删除`) }).click();
    await auditor.getByTestId('erasure-complaints').waitFor();
    await expect(auditor.getByTestId('erasure-complaints').textContent()).resolves.toContain(complaintId.slice(0, 8));
    // No answer preselected; the form says what is missing.
    const radios = auditor.locator('input[name="erasure-decision"]');
    expect(await radios.count()).toBe(2);
    for (let i = 0; i < 2; i++) expect(await radios.nth(i).isChecked()).toBe(false);
    await auditor.getByRole('button', { name: '记录决定' }).click();
    await expect.poll(() => auditor.locator('main').textContent()).toContain('请选择批准或拒绝');
    await auditor.getByLabel('拒绝', { exact: true }).check();
    await auditor.getByRole('button', { name: '记录决定' }).click();
    await expect.poll(() => auditor.locator('main').textContent()).toContain('拒绝时须填写意见');
    expect(await fitsWidth(auditor)).toBe(true);
    await screenshot(auditor, '71-erasure-decide-zh-390');
    expect(await seriousViolations(auditor)).toEqual([]);
    await auditor.getByLabel('批准：删除个人信息').check();
    await auditor.getByRole('button', { name: '记录决定' }).click();
    await auditor.getByTestId('erasure-decision').waitFor();
    const erasureId = new URL(auditor.url()).pathname.split('/').pop()!;
    await eventually(async () => ((await stack.as(people.auditor).get(`/api/v1/erasures/${erasureId}`)).body.status === 'completed' ? true : undefined), 'the erasure completed');
    await auditor.getByRole('button', { name: '刷新' }).click();
    await auditor.getByTestId('erasure-proof').waitFor();
    await expect(auditor.getByTestId('erasure-proof').textContent()).resolves.toContain('已删除并验证');
    await screenshot(auditor, '72-erasure-proof-zh-390');
    expect(await seriousViolations(auditor)).toEqual([]);

    // The complaint, for the supervisor: the marker, no name, no phone.
    const sup = await browser.page();
    await sup.setViewportSize(desktop);
    await signIn(sup, stack.url, 'zhoumin');
    await sup.goto(`${stack.url}/complaints/${complaintId}`);
    await sup.getByTestId('customer').waitFor();
    await expect(sup.getByTestId('customer').textContent()).resolves.toContain('personal data erased');
    await expect(sup.getByTestId('customer').textContent()).resolves.not.toContain('钱七');
    await screenshot(sup, '73-complaint-erased');
    expect(await seriousViolations(sup)).toEqual([]);
  });

  it('a compliance auditor sets and lifts a legal hold from the Erasure page (1360 px)', async () => {
    const auditor = await browser.page();
    await auditor.setViewportSize(desktop);
    await signIn(auditor, stack.url, 'zhenghua');
    await auditor.getByRole('link', { name: 'Erasure' }).click();
    const setForm = auditor.locator('form[aria-label="Set a legal hold"]');
    await setForm.getByLabel('Customer reference').fill('held-customer-1');
    await setForm.getByLabel('Reason').fill('litigation 2026-17');
    await setForm.getByRole('button', { name: 'Set the hold' }).click();
    const hold = auditor.getByTestId('legal-holds').locator('li', { hasText: 'held-customer-1' });
    await expect.poll(() => hold.textContent()).toContain('In force');
    expect(await seriousViolations(auditor)).toEqual([]);
    await hold.getByRole('button', { name: 'Lift' }).click();
    await hold.getByLabel('Reason for lifting').fill('case settled');
    await hold.getByRole('button', { name: 'Lift the hold' }).click();
    await expect.poll(() => auditor.getByTestId('legal-holds').locator('li', { hasText: 'held-customer-1' }).textContent()).toContain('case settled');
    await screenshot(auditor, '74-legal-hold-lifted');
    expect(await seriousViolations(auditor)).toEqual([]);
  });
});
