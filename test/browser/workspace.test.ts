import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../api/auth/tokens.js';
import { startStack, testAudience, testIssuer, testSecret, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser, type PageGlobals } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * Sign-in (demo picker and a pasted identity-provider token), the language switch and the work
 * inbox. The reports page has its own file (reports.test.ts), the audit page too (audit.test.ts).
 */
describe.skipIf(skipBrowser)('web UI: workspace', () => {
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

  it('serves the UI under a strict CSP and falls back to the app for client routes, never for the API', async () => {
    const page = await stack.anonymous.raw('/complaints/some-id', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<div id="root">');
    expect(String(page.body)).not.toMatch(/<script>(?!<)/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const api = await stack.anonymous.raw('/api/v1/nothing', { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    const html = readFileSync(new URL('../../web/dist/index.html', import.meta.url), 'utf8');
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\//);
  });

  it('signs in as a demo user, switches language, and signs out', async () => {
    const page = await browser.page();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${stack.url}/signin`);
    await page.evaluate(() => (globalThis as unknown as PageGlobals).localStorage.setItem('cxgov.locale', 'en'));
    await page.reload();
    await page.locator('button[data-user]').first().waitFor();
    await screenshot(page, '00-signin');
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('button[data-user="zhoumin"]').click();
    await page.waitForURL(/\/inbox$/);
    await expect(page.getByTestId('current-user').textContent()).resolves.toBe('周敏');
    await page.getByLabel('Language').selectOption('zh');
    await expect.poll(() => page.locator('h1').textContent()).toBe('待办事项');
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang)).toBe('zh-CN');
    await screenshot(page, '07-inbox-zh');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin$/);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).sessionStorage.getItem('cxgov.token'))).toBeNull();
    expect(errors.filter((e) => !/status of 40[134]/.test(e))).toEqual([]);
  });

  it('accepts a pasted token as from an identity provider, and refuses a forged one', async () => {
    const page = await browser.page();
    await page.goto(`${stack.url}/signin`);
    await page.locator('summary', { hasText: 'Sign in with a token' }).click();
    await page.getByLabel('Bearer token (JWT)').fill(await signToken(demo('zhenghua'), { issuer: testIssuer, audience: testAudience, secret: new TextEncoder().encode('x'.repeat(48)) }));
    await page.getByRole('button', { name: 'Use this token' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The server refused this token');

    await page.getByLabel('Bearer token (JWT)').fill(await signToken(demo('zhenghua'), { issuer: testIssuer, audience: testAudience, secret: testSecret }));
    await page.getByRole('button', { name: 'Use this token' }).click();
    await page.waitForURL(/\/inbox$/);
    await expect(page.getByTestId('current-user').textContent()).resolves.toBe('郑华');
  });

  it('shows what waits on a supervisor, with deadlines and their state', async () => {
    const c = await stack.as(demo('zhaoli')).post('/api/v1/complaints', {
      channel: 'hotline',
      category: 'product',
      severity: 'general',
      customer: { ref: 'C-1', name: '王强', phone: '13700001111' },
      description: 'Annual fee charged despite the first-year waiver.',
    });
    expect(c.status).toBe(201);
    const resolved = await stack.as(demo('zhaoli')).post(`/api/v1/complaints/${c.body.id}/resolution`, { summary: 'Fee charged in error', remedy: 'Refund and apology', compensation: { amount: 2000, currency: 'CNY' } });
    expect(resolved.body.status).toBe('awaiting_approval');

    const page = await browser.page();
    await signIn(page, stack.url, 'zhoumin');
    const row = page.locator('tbody tr', { hasText: 'Approve compensation' });
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.textContent()).resolves.toMatch(/Counting down.*left/);
    await screenshot(page, '08-inbox-supervisor');

    await row.getByRole('link').click();
    await page.locator('button[data-command="approve"]').click();
    await page.getByRole('form').getByRole('radio', { name: 'Approve' }).check();
    await page.getByRole('form').getByLabel('Comment').fill('Within policy after review.');
    await page.getByRole('form').getByRole('button').last().click();
    await expect.poll(() => page.locator('.page-header').textContent()).toContain('Resolved');
  });
});
