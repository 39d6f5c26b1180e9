import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * The workspace on a phone (390 px) and at a desk (1360 px), in Chinese and English: on the phone
 * the navigation folds into a menu button, so the page's heading comes right after a slim bar on
 * the page's own background; the main pages keep to the screen's width; every page has its title.
 */
const names = {
  zh: { menu: '菜单', complaints: '投诉处理', inbox: '待办事项' },
  en: { menu: 'Menu', complaints: 'Complaint desk', inbox: 'Work inbox' },
};

interface Box {
  top: number;
  bottom: number;
}
async function box(page: Page, selector: string): Promise<Box> {
  return page.evaluate((s) => {
    const r = (globalThis as unknown as { document: { querySelector(s: string): { getBoundingClientRect(): Box } } }).document.querySelector(s).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  }, selector);
}

/** No sideways scrolling of the page itself (wide tables scroll inside their own box). */
async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
}

describe.skipIf(skipBrowser)('web UI: phone and desk widths', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    const c = await stack.as(demo('zhaoli')).post('/api/v1/complaints', {
      channel: 'app',
      category: 'system_technical',
      severity: 'major',
      customer: { ref: 'C-390', name: '李娜', phone: '13922223333' },
      description: 'Transfer failed with “system busy” but the money left the account.',
    });
    expect(c.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  for (const locale of ['zh', 'en'] as const) {
    it(`on a phone (${locale}, 390 px) the navigation folds into a menu and the main pages fit the screen`, async () => {
      const n = names[locale];
      const page = await browser.page();
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, stack.url, 'zhaoli', locale);
      await expect.poll(() => page.locator('h1').textContent()).toBe(n.inbox);
      expect(await page.title()).toBe(`${n.inbox} · cxgov`);

      // Folded: a slim bar, then the page; the links come out with the menu button.
      const toggle = page.getByRole('button', { name: n.menu });
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
      expect(await page.getByRole('link', { name: n.complaints }).count()).toBe(0);
      expect((await box(page, '.sidebar')).bottom).toBeLessThan(80);
      expect((await box(page, 'h1')).top).toBeLessThan(260);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `phone-inbox-${locale}-390`);

      await toggle.click();
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
      await page.getByRole('link', { name: n.complaints }).click();
      await page.waitForURL(/\/complaints$/);
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('link', { name: n.complaints }).count()).toBe(0);
      await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await page.title()).toBe(`${n.complaints} · cxgov`);

      for (const path of ['/inbox', '/complaints', '/complaints/new', '/initiatives']) {
        await page.goto(`${stack.url}${path}`);
        await page.locator('h1').waitFor();
        await page.waitForLoadState('networkidle');
        expect(await pageWidth(page), path).toBeLessThanOrEqual(390);
        expect(await page.title(), path).toMatch(/ · cxgov$/);
        expect(await page.title(), path).not.toBe('cxgov');
        expect(await seriousViolations(page), path).toEqual([]);
      }
      await page.close();
    });

    it(`at a desk (${locale}, 1360 px) the navigation stays open and there is no menu button`, async () => {
      const n = names[locale];
      const page = await browser.page();
      await page.setViewportSize({ width: 1360, height: 900 });
      await signIn(page, stack.url, 'zhaoli', locale);
      await expect.poll(() => page.getByRole('link', { name: n.complaints }).count()).toBe(1);
      expect(await page.getByRole('button', { name: n.menu }).count()).toBe(0);
      expect(await page.title()).toBe(`${n.inbox} · cxgov`);
      expect(await pageWidth(page)).toBeLessThanOrEqual(1360);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
