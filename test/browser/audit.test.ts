import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../support/complaints.js';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * The audit endpoints (/api/v1/audit/…) are built on the `audit` branch, to api.md. Until that
 * branch is merged here, the auditor's timeline test is skipped and the page's graceful message is
 * tested instead. INTEGRATOR: after merging `audit` (api/routes/audit.ts registered in api/app.ts)
 * `auditAvailable` turns true by itself; check that the first test runs and passes.
 */
const auditAvailable = existsSync(new URL('../../api/routes/audit.ts', import.meta.url));

describe.skipIf(skipBrowser)('web UI: audit', () => {
  let stack: Stack;
  let browser: Browser;
  let complaintId: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    const c = await stack.as(demo('zhaoli')).post('/api/v1/complaints', intakeBody());
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    complaintId = c.body.id;
    const r = await stack.as(demo('zhaoli')).post(`/api/v1/complaints/${complaintId}/responses`, { message: 'We are on it.', channel: 'hotline' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it.skipIf(!auditAvailable)('an auditor opens a complaint’s timeline and sees it verified', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'zhenghua');
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByLabel('Record type').selectOption('complaint');
    await page.getByLabel('Id', { exact: true }).fill(complaintId);
    await page.getByRole('button', { name: 'Open timeline' }).click();
    await expect.poll(() => page.getByTestId('verification').textContent()).toContain('Chain intact');
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await expect(page.locator('tbody').textContent()).resolves.toContain('zhaoli');
    await screenshot(page, '20-audit-timeline-verified');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the timeline and exactly where a chain breaks, from documents shaped as api.md says (stubbed)', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'zhenghua');
    const event = (seq: number, action: string, actor: string) => ({
      id: `e${seq}`, entityType: 'complaint', entityId: complaintId, seq, actor, roles: ['cs_agent'], action, at: new Date(Date.UTC(2026, 10, 2, 1, seq)).toISOString(),
      after: { status: 'open' }, hash: `${seq}`.repeat(64).slice(0, 64), prevHash: seq > 1 ? `${seq - 1}`.repeat(64).slice(0, 64) : null,
    });
    await page.route('**/api/v1/audit/events?**', (route) => route.fulfill({ json: { items: [event(1, 'complaint.received', 'zhaoli'), event(2, 'complaint.responded', 'zhaoli')], nextCursor: null } }));
    await page.route('**/api/v1/audit/verify?**', (route) => route.fulfill({ json: { ok: false, checked: 2, firstBrokenAt: `complaint/${complaintId}#2` } }));
    await page.goto(`${stack.url}/audit?entityType=complaint&entityId=${complaintId}`);
    await expect.poll(() => page.getByTestId('verification').textContent()).toContain('Chain broken');
    await expect(page.getByTestId('verification').textContent()).resolves.toContain(`complaint/${complaintId}#2`);
    await expect(page.locator('tbody tr').count()).resolves.toBe(2);
    await expect(page.locator('tbody').textContent()).resolves.toContain('complaint.responded');
    await screenshot(page, '21-audit-broken-chain-stubbed');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.skipIf(auditAvailable)('says plainly that this server has no audit endpoints yet', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'zhenghua');
    await page.goto(`${stack.url}/audit?entityType=complaint&entityId=${complaintId}`);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('not available on this server yet');
    await screenshot(page, '20-audit-unavailable');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
