import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../support/complaints.js';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * The audit page against the real audit endpoints: a complaint's timeline verified intact; a
 * trail tampered with directly in PostgreSQL — as a DBA-level attacker does, bypassing the
 * append-only trigger (test/integration/audit-tamper.test.ts) — shown broken at exactly the
 * event the API names; and the export downloaded from the page, with the customer's PII masked.
 */
describe.skipIf(skipBrowser)('web UI: audit', () => {
  let stack: Stack;
  let browser: Browser;
  let intactId: string;
  let tamperedId: string;
  const phone = '13812345678'; // intakeBody's customer phone, and idNumber:
  const idNumber = '110101199003071234';

  /** A complaint taken and answered by zhaoli: two audit events (received, responded). */
  async function answeredComplaint(): Promise<string> {
    const c = await stack.as(demo('zhaoli')).post('/api/v1/complaints', intakeBody());
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const r = await stack.as(demo('zhaoli')).post(`/api/v1/complaints/${c.body.id}/responses`, { message: 'We are on it.', channel: 'hotline' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return c.body.id;
  }

  async function openTimeline(page: Page, id: string) {
    await page.getByLabel('Record type').selectOption('complaint');
    await page.getByLabel('Id', { exact: true }).fill(id);
    await page.getByRole('button', { name: 'Search the trail' }).click();
    await expect.poll(() => page.locator('.audit-events > table > tbody > tr').count()).toBeGreaterThanOrEqual(2);
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    intactId = await answeredComplaint();
    tamperedId = await answeredComplaint();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('an auditor opens a complaint’s timeline and sees it verified', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'zhenghua');
    await page.getByRole('link', { name: 'Audit' }).click();
    await openTimeline(page, intactId);
    await expect.poll(() => page.getByTestId('verification').textContent()).toContain('Chain intact');
    await expect(page.locator('.audit-events > table > tbody').textContent()).resolves.toContain('zhaoli');
    expect(await page.locator('tr[data-broken]').count()).toBe(0);
    await screenshot(page, '20-audit-timeline-verified');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a trail altered in the database as broken, at exactly the event the API names', async () => {
    // The attacker rewrites who answered the customer (event #2), leaving its stored hash as it was.
    // One simple-protocol query: the transaction and the trigger bypass run on one connection.
    await stack.query(
      `begin;
       set local session_replication_role = replica;
       update audit_events set actor = 'sunlei' where entity_type = 'complaint' and entity_id = '${tamperedId}' and seq = 2;
       commit;`,
    );
    const verify = await stack.as(demo('zhenghua')).get(`/api/v1/audit/verify?entityType=complaint&entityId=${tamperedId}`);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: false, firstBrokenAt: `complaint/${tamperedId}#2`, reason: 'hash_mismatch' });
    const brokenSeq = verify.body.firstBrokenAt.split('#').pop();

    const page = await browser.page();
    await signIn(page, stack.url, 'zhenghua');
    await page.getByRole('link', { name: 'Audit' }).click();
    await openTimeline(page, tamperedId);
    const verification = page.getByTestId('verification');
    await expect.poll(() => verification.textContent()).toContain('Chain broken');
    await expect(verification.textContent()).resolves.toContain(`first break at ${verify.body.firstBrokenAt}`);
    await expect(verification.textContent()).resolves.toContain('The event was altered after it was written');
    // Exactly one row is marked, the one the API names, showing the altered value.
    const marked = page.locator('tr[data-broken]');
    await expect(marked.count()).resolves.toBe(1);
    await expect(marked.getAttribute('data-seq')).resolves.toBe(brokenSeq);
    await expect(marked.textContent()).resolves.toMatch(/Broken here.*sunlei.*complaint\.responded/s);
    await expect(page.locator('tr[data-seq="1"]').getAttribute('data-broken')).resolves.toBeNull();
    await screenshot(page, '21-audit-broken-chain');
    expect(await seriousViolations(page)).toEqual([]);

    // In Chinese too.
    await page.getByLabel('Language').selectOption('zh');
    await expect.poll(() => verification.textContent()).toContain('链断裂');
    await expect(marked.textContent()).resolves.toContain('断裂处');
    await page.getByLabel('语言').selectOption('en');
  });

  it('downloads the export: events, workflow history and verification, without the customer’s phone in clear', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'zhenghua');
    await page.goto(`${stack.url}/audit?entityType=complaint&entityId=${intactId}`);
    await expect.poll(() => page.getByTestId('verification').textContent()).toContain('Chain intact');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download export (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe(`cxgov-audit-complaint-${intactId}.json`);
    const text = readFileSync((await download.path())!, 'utf8');
    const doc = JSON.parse(text);
    expect(doc).toMatchObject({ entityType: 'complaint', entityId: intactId, verification: { ok: true, checked: 2 } });
    expect(doc.events.map((e: { action: string }) => e.action)).toEqual(['complaint.received', 'complaint.responded']);
    expect(doc.history).toMatchObject({ workflowId: `complaint-${intactId}` });
    expect(doc.history.events.length).toBeGreaterThan(0);
    expect(text).not.toContain(phone);
    expect(text).not.toContain(idNumber);
  });
  it('opens on the most recent records, searches by action and person, shows names, words and the change field by field, verifies the whole trail and exports CSV', async () => {
    // zhaoli answers one more (the earlier one of hers was rewritten to sunlei above), and the
    // directory the person picker reads knows the agents.
    await answeredComplaint();
    for (const u of ['zhaoli', 'sunlei']) {
      const d = demo(u);
      const res = await stack.as(demo('heping')).put(`/api/v1/people/${u}`, { userId: u, name: d.name, department: d.department, roles: d.roles, language: 'zh', channel: 'email', active: true, departmentHead: false });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const page = await browser.page();
    await page.setViewportSize({ width: 1360, height: 900 });
    await signIn(page, stack.url, 'zhenghua');
    await page.getByRole('link', { name: 'Audit' }).click();
    // No record chosen: the whole trail, the most recent first, each event's record named.
    const rows = page.locator('.audit-events > table > tbody > tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4);
    // The newest first: the directory changes just made lead, each naming its record.
    await expect(rows.first().textContent()).resolves.toMatch(/Person.*sunlei/s);
    await expect(page.locator('.audit-events').textContent()).resolves.toContain('Responded to the customer');

    // Search: every "responded" by zhaoli (the person picker shows names).
    const search = page.getByRole('form', { name: 'Search the trail' });
    await search.getByLabel('What').selectOption('complaint.responded');
    await search.getByLabel('Who').selectOption({ label: '赵丽' });
    await search.getByRole('button', { name: 'Search the trail' }).click();
    await page.waitForURL(/action=complaint.responded/);
    await expect.poll(() => rows.count()).toBe(2);
    for (const text of await rows.allTextContents()) {
      expect(text).toContain('Responded to the customer');
      expect(text).toContain('赵丽 (zhaoli)');
      expect(text).toContain('CS agent');
    }

    // The change of an event, field by field.
    await rows.first().getByText('before / after').click();
    const change = rows.first().locator('.change-table');
    await expect.poll(() => change.locator('tbody tr').count()).toBeGreaterThan(0);
    await expect(change.locator('thead').textContent()).resolves.toMatch(/Field.*Before.*After/s);
    expect(await seriousViolations(page)).toEqual([]);

    // The selection as CSV, the customer's details masked.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,entityType,entityId,actor,roles,action,reason,before,after,hash,prevHash');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((l) => l.includes(',zhaoli,cs_agent,complaint.responded,'))).toBe(true);
    expect(text).not.toContain(phone);

    // The whole trail verified on request (the tampered chain of the test above shows as broken).
    await page.getByRole('button', { name: 'Verify the whole trail' }).click();
    await expect.poll(() => page.getByTestId('whole-trail').textContent()).toMatch(/Chain (intact|broken)/);
    await screenshot(page, '22-audit-search');

    // In Chinese: the actions in words.
    await page.getByLabel('Language').selectOption('zh');
    await expect.poll(() => rows.first().textContent()).toContain('已答复客户');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('语言').selectOption('en');
  });

  it('an auditor finds in the access log who opened a complaint’s customer in clear, and why (English, 1360 px)', async () => {
    const shown = await stack.as(demo('zhaoli')).post(`/api/v1/complaints/${intactId}/customer/reveal`, { reason: 'calling the customer back' });
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body.recorded).toBe(true);
    const page = await browser.page();
    await page.setViewportSize({ width: 1360, height: 900 });
    await signIn(page, stack.url, 'zhenghua');
    await page.getByRole('link', { name: 'Audit' }).click();
    const form = page.getByRole('form', { name: 'Search access log' });
    await form.getByLabel('Complaint id').fill(intactId);
    await form.getByRole('button', { name: 'Search access log' }).click();
    const log = page.getByTestId('pii-access');
    await expect.poll(() => log.textContent()).toContain('Shown on request');
    const text = (await log.textContent()) ?? '';
    expect(text).toContain('zhaoli');
    expect(text).toContain('calling the customer back');
    expect(text).toContain('name, phone, id number');
    expect(text).not.toContain(phone);
    await screenshot(page, '22-audit-pii-access-1360');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the access log in Chinese at 390 px', async () => {
    const page = await browser.page();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, stack.url, 'zhenghua', 'zh');
    await page.goto(`${stack.url}/audit`);
    const form = page.getByRole('form', { name: '查询查看记录' });
    await form.getByLabel('人员（用户 ID）').fill('zhaoli');
    await form.getByRole('button', { name: '查询查看记录' }).click();
    await expect.poll(() => page.getByTestId('pii-access').textContent()).toContain('按需显示');
    await screenshot(page, '23-audit-pii-access-zh-390');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
