import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';

/**
 * The calendar page and the administrators' banner on a real stack whose API clock reads
 * 1 December 2026 (the package as it is: official schedules up to 2026). An administrator sees
 * the banner and the inbox task, opens 2027, is told what is wrong with a make-up day on a
 * Wednesday before anything is sent, imports the year from the page and sees it marked, with
 * the banner gone. A supervisor reads a package year in Chinese and English. Both at 390 px
 * (a phone) and 1360 px, each checked with axe.
 */
const phone = { width: 390, height: 844 };
const desktop = { width: 1360, height: 900 };

/** Nothing of the page's main column scrolls sideways (the month tables and the form fit). */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const main = (globalThis as unknown as { document: { querySelector(s: string): { scrollWidth: number; clientWidth: number } } }).document.querySelector('main')!;
    return main.scrollWidth <= main.clientWidth + 1;
  });
}

describe.skipIf(skipBrowser)('web UI: business calendar', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ now: () => new Date('2026-12-01T02:00:00Z') }), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('an administrator sees the banner and the inbox task, and the missing year as provisional (Chinese, 390 px)', async () => {
    const page = await browser.page();
    await page.setViewportSize(phone);
    await signIn(page, stack.url, 'heping', 'zh');
    const banner = page.getByTestId('calendar-banner');
    await expect.poll(() => banner.textContent()).toContain('尚无 2027 年的官方节假日安排');
    await expect.poll(() => page.locator('tbody').textContent()).toContain('2027 年官方节假日安排');
    await screenshot(page, '40-calendar-banner-inbox-zh-390');
    expect(await seriousViolations(page)).toEqual([]);

    await banner.getByRole('link', { name: '导入节假日安排' }).click();
    await page.waitForURL(/\/calendar\?year=2027$/);
    await expect.poll(() => page.getByTestId('year-provisional').textContent()).toContain('2027 年尚无官方安排');
    expect(await page.locator('td[data-kind="holiday"]').count()).toBe(0);
    expect(await page.locator('td[data-date="2027-02-08"]').getAttribute('data-kind')).toBe('workday');
    await expect(page.getByRole('heading', { name: '导入 2027 年官方节假日安排' }).count()).resolves.toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, '41-calendar-2027-provisional-zh-390');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an administrator imports 2027 from the page; the page judges the form first; the banner and the task go (English, 1360 px)', async () => {
    const page = await browser.page();
    await page.setViewportSize(desktop);
    await signIn(page, stack.url, 'heping', 'en');
    await expect.poll(() => page.getByTestId('calendar-banner').textContent()).toContain('No official holiday schedule for 2027 yet');
    await page.getByRole('link', { name: 'Calendar' }).click();
    await page.getByLabel('Year').selectOption('2027');
    await expect.poll(() => page.getByTestId('year-provisional').count()).toBe(1);

    const form = page.getByRole('form', { name: 'Import the official schedule for 2027' });
    await form.getByLabel('Source (the notice)').fill('Synthetic 2027 notice (browser test)');
    await form.getByLabel('Holiday name').fill('元旦');
    await form.getByLabel('First day').fill('2027-01-01');
    await form.getByLabel('Last day').fill('2027-01-03');
    await form.getByRole('button', { name: 'Add a holiday' }).click();
    await form.getByLabel('Holiday name').nth(1).fill('春节');
    await form.getByLabel('First day').nth(1).fill('2027-02-06');
    await form.getByLabel('Last day').nth(1).fill('2027-02-14');
    await form.getByRole('button', { name: 'Add a make-up working day' }).click();
    await form.getByLabel('Make-up working day 1', { exact: true }).fill('2027-02-17'); // a Wednesday
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => form.textContent()).toContain('2027-02-17 is a Wednesday: a make-up working day must be a Saturday or Sunday');
    expect(await form.getByLabel('Make-up working day 1', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await stack.query('select * from calendar_years')).toEqual([]); // nothing was sent
    await screenshot(page, '42-calendar-import-refused-en-1360');
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel('Make-up working day 1', { exact: true }).fill('2027-02-20');
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Imported: version 1 of 2027 is in force.');
    await expect.poll(() => page.locator('td[data-date="2027-02-08"]').getAttribute('data-kind')).toBe('holiday');
    expect(await page.locator('td[data-date="2027-02-20"]').getAttribute('data-kind')).toBe('makeup');
    expect(await page.locator('td[data-date="2027-02-20"] .cal-mark').textContent()).toBe('work');
    expect(await page.locator('td[data-date="2027-02-08"]').getAttribute('title')).toBe('Holiday · 春节');
    await expect.poll(() => page.getByTestId('calendar-banner').count()).toBe(0);
    expect(await page.locator('[data-origin="imported"]').count()).toBe(1);
    const rows = await stack.query('select year, version, source, imported_by as "importedBy" from calendar_years');
    expect(rows).toEqual([{ year: 2027, version: 1, source: 'Synthetic 2027 notice (browser test)', importedBy: 'heping' }]);
    await screenshot(page, '43-calendar-2027-imported-en-1360');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Work inbox' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Work inbox');
    expect(await page.getByText('Official holiday schedule for 2027').count()).toBe(0);
  });

  it('a supervisor reads a year of the package, marked, in Chinese and English, at 390 and 1360 px, with no banner', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'zhoumin', 'zh');
    expect(await page.getByTestId('calendar-banner').count()).toBe(0);
    for (const [locale, size] of [['zh', phone], ['en', desktop], ['zh', desktop], ['en', phone]] as const) {
      await page.setViewportSize(size);
      await page.goto(`${stack.url}/calendar?year=2026`);
      await page.locator('.locale select').selectOption(locale);
      await expect.poll(() => page.locator('[data-origin="package"]').count()).toBe(1);
      expect(await page.locator('td[data-date="2026-02-17"]').getAttribute('data-kind')).toBe('holiday');
      expect(await page.locator('td[data-date="2026-02-17"] .cal-mark').textContent()).toBe(locale === 'zh' ? '休' : 'off');
      expect(await page.locator('td[data-date="2026-02-14"]').getAttribute('data-kind')).toBe('makeup');
      expect(await page.locator('td[data-date="2026-03-07"]').getAttribute('data-kind')).toBe('weekend');
      await expect(page.getByTestId('holiday-table').textContent()).resolves.toContain(locale === 'zh' ? '春节' : 'Spring Festival');
      expect(await page.getByRole('form', { name: /Import|导入/ }).count()).toBe(0);
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, `44-calendar-2026-${locale}-${size.width}`);
      expect(await seriousViolations(page), `${locale} ${size.width}`).toEqual([]);
    }
  });
});
