import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../api/auth/tokens.js';
import { startStack, testAudience, testIssuer, testSecret, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser, type PageGlobals } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * Sign-in (demo picker and a pasted identity-provider token), the language switch, the work
 * inbox, and the reports page. The report endpoints are built on the `reports` branch; here the
 * KPI document and the monthly report are served by a route stub shaped as api.md describes, so
 * the charts and the download are tested without them.
 */
const kpis = {
  from: '2026-11-01T00:00:00+08:00',
  to: '2026-11-30T23:59:59+08:00',
  complaints: {
    total: 128,
    byCategory: { service: 52, product: 38, system_technical: 26, policy_process: 12 },
    byChannel: { hotline: 61, app: 33, online_chat: 18, branch: 9, email: 7 },
    bySeverity: { general: 97, major: 26, urgent: 5 },
    firstResponseWithin24h: 0.93,
    resolutionWithinDeadline: 0.88,
    resolutionRate: 0.96,
    satisfactionRate: 0.91,
    reopenRate: 0.04,
    repeatRate: 0.07,
    averageHandlingTimeHours: 31.5,
    breachesByLevel: { supervisor: 9, department_head: 3, committee_chair: 1 },
  },
  gates: { cycleTimeByStage: { research: 6.5, design: 8, prototype_testing: 11, launch_assessment: 4 }, approvalRate: 0.72, reworkRate: 0.22, rejectionRate: 0.06, reviewsOverdue: 2 },
};

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
    await page.getByRole('form').getByLabel('Comment').fill('Within policy after review.');
    await page.getByRole('form').getByRole('button').last().click();
    await expect.poll(() => page.locator('.page-header').textContent()).toContain('Resolved');
  });

  it('plots the KPIs as charts and downloads the monthly report', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'zhoumin');
    // Stubs until the reports endpoints are merged (see the comment at the top).
    await page.route('**/api/v1/reports/kpis?**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(kpis) }));
    await page.route('**/api/v1/reports/monthly/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/csv', body: 'metric,value\nresolutionRate,0.96\n' }),
    );
    await page.getByRole('link', { name: 'Reports' }).click();
    await expect.poll(() => page.locator('.chart svg').count()).toBeGreaterThanOrEqual(5);
    await expect(page.locator('.stats').textContent()).resolves.toContain('128');
    const rates = await page.locator('.chart[role="img"]').first().getAttribute('aria-label');
    expect(rates).toContain('Resolution rate 96.0 %');
    await screenshot(page, '30-reports');
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).first().click()]);
    expect(download.suggestedFilename()).toMatch(/^cxgov-monthly-\d{4}-\d{2}\.csv$/);
  });

  it('explains that reports are not available when the server has no report endpoints', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'zhenghua');
    await page.goto(`${stack.url}/reports`);
    // Unstubbed: this branch's server answers 404 "no route"; after the merge, real KPIs.
    await expect.poll(async () => (await page.locator('.notice, .chart').count()) > 0).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
