import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { piiContext } from '../../db/complaints.js';
import { PiiCipher } from '../../security/pii.js';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/** Whether the page fits its width: nothing scrolls sideways. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return d.scrollWidth <= d.clientWidth + 1;
  });
}

/** The complaint desk in the browser: an agent takes a complaint and closes the loop; the customer masked until shown. */
describe.skipIf(skipBrowser)('web UI: complaint desk', () => {
  let stack: Stack;
  let browser: Browser;
  let complaintId: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('an agent takes a complaint, answers, resolves and closes it with the customer’s confirmation (English, 1360 px)', async () => {
    const page = await browser.page();
    await page.setViewportSize({ width: 1360, height: 900 });
    await signIn(page, stack.url, 'zhaoli');
    await page.getByRole('link', { name: 'Complaint desk' }).click();
    await page.getByRole('link', { name: 'Take a complaint' }).click();
    await page.waitForURL('**/complaints/new');

    // The API's field-level refusal is shown at the field.
    await page.getByRole('button', { name: 'Take the complaint' }).click();
    await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThanOrEqual(3);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Channel').selectOption('app');
    await page.getByLabel('Category').selectOption('system_technical');
    await page.getByLabel('Severity').selectOption('major');
    await page.getByLabel('Description').fill('Transfer failed with “system busy” but the money left the account.');
    await page.getByLabel('Customer reference').fill('C-440301-0112');
    await page.getByLabel('Name', { exact: true }).fill('李娜');
    await page.getByLabel('Phone').fill('13922223333');
    await screenshot(page, '10-complaint-intake');
    await page.getByRole('button', { name: 'Take the complaint' }).click();
    await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
    complaintId = page.url().split('/').pop()!;

    // The taking agent is the first responder: the customer masked until they press Show (no
    // reason asked of their own complaint); then in clear, with a note that the view was recorded.
    const customer = page.getByTestId('customer');
    await expect(customer.textContent()).resolves.toContain('139****3333');
    await expect(customer.textContent()).resolves.not.toContain('13922223333');
    await customer.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => customer.textContent()).toContain('13922223333');
    expect(await customer.textContent()).toContain('李娜');
    expect(await page.getByTestId('customer-shown-note').textContent()).toContain('recorded in the customer data access log');
    const reveals = await stack.query(`select actor, after from audit_events where entity_type = 'pii_access' and after->'complaintIds' @> $1::jsonb`, [JSON.stringify([complaintId])]);
    expect(reveals).toEqual([expect.objectContaining({ actor: 'zhaoli', after: expect.objectContaining({ purpose: 'reveal', items: [expect.objectContaining({ fields: ['name', 'phone'] })] }) })]);
    await screenshot(page, '11a-complaint-customer-shown');
    expect(await seriousViolations(page)).toEqual([]);
    await customer.getByRole('button', { name: 'Hide' }).click();
    await expect.poll(() => customer.textContent()).toContain('139****3333');
    expect(await customer.textContent()).not.toContain('13922223333');
    await expect(page.getByTestId('owner').textContent()).resolves.toContain('zhaoli');
    await expect(page.locator('[data-clock="firstResponse"]').textContent()).resolves.toMatch(/Counting down/);
    await screenshot(page, '11-complaint-open');
    expect(await seriousViolations(page)).toEqual([]);

    const act = async (command: string, fill: (form: ReturnType<typeof page.getByRole>) => Promise<void>, status: string) => {
      await page.locator(`button[data-command="${command}"]`).click();
      const form = page.getByRole('form');
      await fill(form);
      await form.getByRole('button').last().click();
      await expect.poll(() => page.locator('.page-header').textContent()).toContain(status);
    };
    await act('respond', (f) => f.getByLabel('Message to the customer').fill('We have found the debit and are checking with clearing.'), 'Responded');
    await expect(page.locator('[data-clock="firstResponse"]').textContent()).resolves.toContain('Met');
    await act(
      'resolve',
      async (f) => {
        await f.getByLabel('Summary').fill('A clearing batch failed after the debit.');
        await f.getByLabel('Remedy').fill('Funds returned with interest; apology letter sent.');
      },
      'Resolved',
    );
    await act(
      'feedback',
      async (f) => {
        await f.getByRole('radio', { name: 'Satisfied (close)' }).check();
        await f.getByLabel('Comment').fill('Customer confirmed by phone.');
      },
      'Closed',
    );
    await expect(page.locator('.timeline').textContent()).resolves.toContain('Customer satisfied');
    expect(await page.getByText('The complaint is closed.').isVisible()).toBe(true);
    await screenshot(page, '12-complaint-closed');

    const api = await stack.as(demo('zhoumin')).get(`/api/v1/complaints/${complaintId}`);
    expect(api.body).toMatchObject({ status: 'closed', severity: 'major', channel: 'app', clocks: { firstResponse: { state: 'met' }, resolution: { state: 'met' } } });
  });

  it('shows the customer masked to another agent, as the API masks it, and filters the list', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'sunlei');
    await page.goto(`${stack.url}/complaints`);
    const row = page.locator('tbody tr', { hasText: 'C-440301-0112' });
    await expect(row.textContent()).resolves.not.toContain('李娜');
    await page.getByLabel('Status').selectOption('closed');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Breached').selectOption('true');
    await expect.poll(() => page.getByText('No complaints match.').isVisible()).toBe(true);
    await page.getByLabel('Breached').selectOption('');
    await screenshot(page, '13-complaints-list');
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('tbody a').first().click();
    const customer = await page.getByTestId('customer').textContent();
    expect(customer).toContain('masked');
    expect(customer).not.toContain('13922223333');
    const api = await stack.as(demo('sunlei')).get(`/api/v1/complaints/${complaintId}`);
    expect(customer).toContain(api.body.customer.phone);
    expect(await page.getByText('The complaint is closed.').isVisible()).toBe(true);
    // Not their complaint: nothing to show.
    expect(await page.getByTestId('customer').getByRole('button', { name: 'Show' }).count()).toBe(0);
  });

  it('a supervisor shows the customer with a reason, checked at its field (Chinese, 390 px)', async () => {
    const page = await browser.page();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, stack.url, 'zhoumin', 'zh');
    await page.goto(`${stack.url}/complaints/${complaintId}`);
    const customer = page.getByTestId('customer');
    await expect.poll(() => customer.textContent()).toContain('139****3333');
    await customer.getByRole('button', { name: '显示' }).click();
    const form = page.getByRole('form', { name: '显示客户完整信息' });
    // No reason: refused at its field before anything is sent.
    await form.getByRole('button', { name: '显示' }).click();
    await expect.poll(() => form.getByLabel('查看理由').getAttribute('aria-invalid')).toBe('true');
    expect(await customer.textContent()).not.toContain('13922223333');
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByLabel('查看理由').fill('客户来电核实身份');
    await form.getByRole('button', { name: '显示' }).click();
    await expect.poll(() => customer.textContent()).toContain('13922223333');
    expect(await page.getByTestId('customer-shown-note').textContent()).toContain('已记入客户数据访问日志');
    const [record] = await stack.query(`select after from audit_events where entity_type = 'pii_access' and actor = 'zhoumin' and after->'complaintIds' @> $1::jsonb`, [JSON.stringify([complaintId])]);
    expect(record.after).toMatchObject({ purpose: 'reveal', reason: '客户来电核实身份' });
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, '13a-complaint-customer-shown-zh-390');
    expect(await seriousViolations(page)).toEqual([]);
    await customer.getByRole('button', { name: '隐藏' }).click();
    await expect.poll(() => customer.textContent()).not.toContain('13922223333');
  });

  it('marks a customer no configured PII key opens, in the list and the complaint, instead of failing the page', async () => {
    const foreign = new PiiCipher(randomBytes(32));
    await stack.query('update complaint_customers set name_enc = $2, phone_enc = $3, id_number_enc = null where complaint_id = $1', [
      complaintId,
      foreign.encrypt('李娜', piiContext(complaintId, 'name')),
      foreign.encrypt('13922223333', piiContext(complaintId, 'phone')),
    ]);
    const page = await browser.page();
    await signIn(page, stack.url, 'zhoumin');
    await page.goto(`${stack.url}/complaints`);
    const row = page.locator('tbody tr', { hasText: 'C-440301-0112' });
    await expect(row.textContent()).resolves.toContain('details unreadable');
    await row.locator('a').first().click();
    await expect(page.getByTestId('customer').textContent()).resolves.toContain('details unreadable');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
