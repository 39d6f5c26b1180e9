import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../api/auth/demo-users.js';
import { demoDirectoryEntry } from '../../api/routes/dev.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * The bell and the notification centre: an escalation reaches the supervisor through the real
 * dispatcher; the bell counts it, the centre lists it in the reader's language, reading it lowers
 * the count — at desktop width and on a 390 px phone, with no serious accessibility violation.
 */
describe.skipIf(skipBrowser)('web UI: notifications', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ notifications: true, env: { NOTIFY_IDLE_MS: '100' } }), launch()]);
    await seedDemo(stack);
    for (const u of demoUsers) {
      const res = await stack.as(people.admin).put(`/api/v1/people/${u.userId}`, { userId: u.userId, ...demoDirectoryEntry(u), email: `${u.userId}@bell.cxgov.example` });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const escalate = async () => {
    const c = await stack.as(demo('zhaoli')).post('/api/v1/complaints', {
      channel: 'app',
      category: 'service',
      severity: 'general',
      customer: { ref: `bell-${Date.now()}`, name: '王强', phone: '13700002222' },
      description: 'The app logged me out during a transfer.',
    });
    expect(c.status).toBe(201);
    expect((await stack.as(demo('zhaoli')).post(`/api/v1/complaints/${c.body.id}/escalate`, { reason: 'the customer asks for a manager' })).status).toBe(200);
    await eventually(async () => {
      const r = await stack.as(demo('zhoumin')).get('/api/v1/notifications');
      return r.body.items.some((n: { entityId: string }) => n.entityId === c.body.id) || undefined;
    }, 'the supervisor’s notification');
    return c.body.id as string;
  };

  it('the bell counts unread notices; the centre lists them; reading one lowers the count', async () => {
    const id = await escalate();
    const page = await browser.page();
    await signIn(page, stack.url, 'zhoumin');
    const bell = page.getByTestId('bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications: 1 unread');
    await expect(page.getByTestId('bell-count').textContent()).resolves.toBe('1');
    expect(await seriousViolations(page)).toEqual([]);

    await bell.click();
    await page.waitForURL(/\/notifications$/);
    const item = page.getByTestId('notification').first();
    await expect.poll(() => item.textContent()).toContain('A complaint was escalated to you');
    expect(await item.getByRole('link').getAttribute('href')).toBe(`/complaints/${id}`);
    await screenshot(page, '30-notifications');
    expect(await seriousViolations(page)).toEqual([]);

    await item.getByRole('button', { name: /Mark read/ }).click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications');
    expect(await page.getByTestId('bell-count').count()).toBe(0);
    expect((await stack.as(demo('zhoumin')).get('/api/v1/notifications/unread-count')).body.unread).toBe(0);

    await item.getByRole('link').click();
    await page.waitForURL(new RegExp(`/complaints/${id}$`));
  });

  it('in Chinese, on a 390 px phone: the bell fits, mark all read empties it', async () => {
    await escalate();
    await escalate();
    const page = await browser.page();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, stack.url, 'zhoumin', 'zh');
    const bell = page.getByTestId('bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('通知：2 条未读');
    expect(await bell.isVisible()).toBe(true);
    await bell.click();
    await page.waitForURL(/\/notifications$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('通知');
    await expect.poll(() => page.getByTestId('notification').first().textContent()).toContain('投诉已升级至您处理');
    const overflow = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return d.scrollWidth - d.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '31-notifications-390-zh');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('通知');
    await page.getByLabel('只看未读').check();
    await expect.poll(() => page.getByText('没有未读通知。').count()).toBe(1);
  });
});
