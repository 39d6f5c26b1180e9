import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPastComplaint } from '../support/past-complaints.js';
import { startStack, type Stack } from '../support/stack.js';
import { chooseMonth, launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * The reports page for every staff role (docs/reports.md "Who reads what"): a product owner
 * (林晓, retail cards) reads the KPIs of their team's products, an agent (赵丽) the institution's;
 * each narrows them with a product picker kept in the address; the period rule (complaints counted
 * by the month they were received) is said next to the figures. Chinese at 390 px, English at
 * 1360 px: no English developer text on the Chinese page, no refusal box, nothing scrolls
 * sideways, axe clean. The complaints of last month are written through the record activity
 * (test/support/past-complaints.ts).
 */
const zone = 'Asia/Shanghai';
function monthIn(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit' }).formatToParts(date);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}
function addMonths(month: string, step: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + step, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
const phone = { width: 390, height: 844 };
const desktop = { width: 1360, height: 900 };

/** The API's own English (route and zod messages) and the roles' raw names: never on a Chinese screen. */
const developerText = /requires one of|reports are read by|read the KPIs|product owner|committee’s members|Forbidden|expected |Invalid input|cs_agent|product_owner/i;

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText);
}
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const main = (globalThis as unknown as { document: { querySelector(s: string): { scrollWidth: number; clientWidth: number } } }).document.querySelector('main')!;
    return main.scrollWidth <= main.clientWidth + 1;
  });
}

describe.skipIf(skipBrowser)('web UI: reports for every staff role', () => {
  let stack: Stack;
  let browser: Browser;
  const lastMonth = addMonths(monthIn(new Date()), -1);
  let cards: string;
  let wealth: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    const create = async (who: string, name: string, team: string) => {
      const res = await stack.as(demo(who)).post('/api/v1/initiatives', { name, businessLine: 'banking', description: `${name}, for the reports test.`, team });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    cards = await create('linxiao', 'Instant virtual credit card', 'retail-cards');
    wealth = await create('huangqiang', 'Robo-advice portfolio', 'wealth');
    const past = (day: string, over: Record<string, unknown>) =>
      recordPastComplaint(stack.database.db, { receivedAt: `${lastMonth}-${day}T10:00:00+08:00`, category: 'product', channel: 'app', severity: 'general', firstResponse: 'met', ...over }, 'zhaoli');
    // cards: two, one breached; wealth: one
    await past('05', { initiativeId: cards, firstResponse: 'breached', breaches: [{ clock: 'firstResponse', at: `${lastMonth}-06T10:00:00+08:00`, level: 1 }] });
    await past('07', { initiativeId: cards });
    await past('09', { initiativeId: wealth });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const received = (page: Page) => page.locator('[data-kpi="received"] .stat-value').textContent();

  const cases = [
    { user: 'linxiao', locale: 'zh', size: phone, all: '2', cardsOnly: '2', seesWealth: false },
    { user: 'linxiao', locale: 'en', size: desktop, all: '2', cardsOnly: '2', seesWealth: false },
    { user: 'zhaoli', locale: 'zh', size: phone, all: '3', cardsOnly: '2', seesWealth: true },
    { user: 'zhaoli', locale: 'en', size: desktop, all: '3', cardsOnly: '2', seesWealth: true },
  ] as const;

  for (const c of cases) {
    it(`${c.user} reads the KPIs they may, with the product filter in the address and the period rule (${c.locale}, ${c.size.width} px)`, async () => {
      const page = await browser.page();
      await page.setViewportSize(c.size);
      await signIn(page, stack.url, c.user, c.locale);
      if (c.size === desktop) await page.getByRole('link', { name: c.locale === 'zh' ? '报表' : 'Reports', exact: true }).click();
      else await page.goto(`${stack.url}/reports`);
      // The month is named in the page's language, not the browser's.
      const shown = await chooseMonth(page, lastMonth);
      const monthName = new Intl.DateTimeFormat(c.locale === 'zh' ? 'zh-CN' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.parse(`${lastMonth}-15T00:00:00Z`));
      expect(shown.month).toBe(monthName);
      if (c.locale === 'zh') expect(`${shown.year}${shown.month}`).not.toMatch(/[A-Za-z]/);
      await expect.poll(() => page.url()).toContain(`month=${lastMonth}`);
      await expect.poll(() => received(page)).toBe(c.all);

      // The period rule, next to the figures, in the reader's language.
      const rule = await page.getByTestId('period-rule').textContent();
      expect(rule).toContain(c.locale === 'zh' ? '按投诉的受理日期归入月份' : 'count a complaint in the month it was received');

      // The product picker: the reader's products only for a product owner, every one for an agent.
      const picker = page.getByLabel(c.locale === 'zh' ? '产品' : 'Product', { exact: true });
      const options = await picker.locator('option').allTextContents();
      expect(options).toContain('Instant virtual credit card');
      expect(options.includes('Robo-advice portfolio')).toBe(c.seesWealth);
      await picker.selectOption({ label: 'Instant virtual credit card' });
      await expect.poll(() => page.url()).toContain(`product=${cards}`);
      await expect.poll(() => received(page)).toBe(c.cardsOnly);
      await expect(page.locator('[data-kpi="breaches"] .stat-value').textContent()).resolves.toBe('1');

      // No refusal box, no stored reports or per-colleague tables for these roles.
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.getByTestId('accountability').count()).toBe(0);
      if (c.locale === 'zh') expect(await visibleText(page)).not.toMatch(developerText);
      if (c.size === phone) expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, `reports-${c.user}-${c.locale}-${c.size.width}`);
      expect(await seriousViolations(page), `${c.user} ${c.locale} ${c.size.width}`).toEqual([]);
      await page.close();
    });
  }

  it('a committee member without a role reads everything, in Chinese at 390 px, with no refusal box', async () => {
    const page = await browser.page();
    await page.setViewportSize(phone);
    await signIn(page, stack.url, 'limin', 'zh');
    await page.goto(`${stack.url}/reports?month=${lastMonth}`);
    await expect.poll(() => received(page)).toBe('3');
    await page.getByTestId('stored-reports').waitFor();
    await expect(page.getByTestId('period-rule').textContent()).resolves.toContain('按投诉的受理日期归入月份');
    expect(await page.getByLabel('产品', { exact: true }).locator('option').allTextContents()).toEqual(['全部产品', 'Instant virtual credit card', 'Robo-advice portfolio']);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await visibleText(page)).not.toMatch(developerText);
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('a product owner asking, by an old link, for another team’s product sees their own scope, not a refusal', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'linxiao', 'zh');
    await page.goto(`${stack.url}/reports?month=${lastMonth}&product=${wealth}`);
    await expect.poll(() => received(page)).toBe('2');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByLabel('产品', { exact: true }).inputValue()).toBe('');
    await page.close();
  });
});
