import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../api/auth/demo-users.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * The right work first, on a phone and at a desk, in Chinese and English: each inbox row says what
 * the complaint is about and whom it concerns (masked); on a phone the rows are cards, each value
 * under its column's name, with nothing wider than the screen; the complaint list's order and
 * owner are chosen from lists and kept in the URL; a transfer picks its department from the
 * directory instead of a typed code; the complaint shows the same customer's other open complaint.
 */
const words = {
  zh: { inbox: '待办事项', deadline: '截止时间', customer: '客户 李*', sort: '排序', newest: '最新受理在前', owner: '负责人', transfer: '转办部门', department: '部门' },
  en: { inbox: 'Work inbox', deadline: 'Deadline', customer: 'Customer 李*', sort: 'Order', newest: 'Newest first', owner: 'Owner', transfer: 'Transfer to department', department: 'Department' },
};
const description = '境外消费时信用卡被无故冻结，多次致电客服无人接听。要求解释冻结原因并赔偿损失。';

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
}

describe.skipIf(skipBrowser)('web UI: the right work first, pickers instead of typed ids', () => {
  let stack: Stack;
  let browser: Browser;
  let complaintId: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    // The directory the pickers read: the demo cast, as `npm run demo` maintains it.
    for (const u of demoUsers) {
      const res = await stack.as(people.admin).put(`/api/v1/people/${u.userId}`, { userId: u.userId, name: u.name, department: u.department, roles: u.roles, language: 'zh', channel: 'email', active: true, departmentHead: u.userId === 'wugang' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const c = await stack.as(demo('zhaoli')).post('/api/v1/complaints', { channel: 'app', category: 'service', severity: 'major', customer: { ref: 'C-WO-1', name: '李娜', phone: '13922223333' }, description });
    expect(c.status).toBe(201);
    complaintId = c.body.id;
    const again = await stack.as(demo('sunlei')).post('/api/v1/complaints', { channel: 'hotline', category: 'service', severity: 'general', customer: { ref: 'C-WO-1', name: '李娜', phone: '13922223333' }, description: '上次的冻结问题仍未答复，再次来电催办。' });
    expect(again.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  for (const locale of ['zh', 'en'] as const) {
    it(`the inbox shows the summary and the masked customer; at 390 px its rows are cards (${locale})`, async () => {
      const w = words[locale];
      const page = await browser.page();
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, stack.url, 'zhaoli', locale);
      await expect.poll(() => page.locator('h1').textContent()).toBe(w.inbox);
      const row = page.locator('tbody tr').filter({ hasText: w.customer });
      await expect.poll(() => row.count()).toBe(1);
      const text = (await row.textContent()) ?? '';
      expect(text).toContain(description.slice(0, 20));
      expect(text).not.toContain('李娜');
      // A card: the deadline cell sits below the item cell, under its own label, not beside it.
      const cells = await row.locator('td').evaluateAll((tds) =>
        tds.map((td) => {
          const el = td as unknown as { getBoundingClientRect(): { top: number; width: number }; getAttribute(n: string): string | null };
          return { top: el.getBoundingClientRect().top, width: el.getBoundingClientRect().width, label: el.getAttribute('data-label') };
        }),
      );
      expect(cells.map((c) => c.label)).toContain(w.deadline);
      for (let i = 1; i < cells.length; i++) expect(cells[i]!.top).toBeGreaterThan(cells[i - 1]!.top);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `work-order-inbox-${locale}-390`);
    });

    it(`the complaint list: order and owner from lists, kept in the URL; a transfer picks its department (${locale}, 1360 px)`, async () => {
      const w = words[locale];
      const page = await browser.page();
      await page.setViewportSize({ width: 1360, height: 900 });
      await signIn(page, stack.url, 'zhoumin', locale);
      await page.goto(`${stack.url}/complaints`);
      await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
      await page.getByLabel(w.sort).selectOption({ label: w.newest });
      await page.waitForURL(/sort=received/);
      await page.getByLabel(w.owner).selectOption({ label: '赵丽' });
      await page.waitForURL(/owner=zhaoli/);
      await page.reload();
      await expect.poll(() => page.getByLabel(w.sort).inputValue()).toBe('received');
      await expect.poll(() => page.getByLabel(w.owner).inputValue()).toBe('zhaoli');
      await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);

      // The first responder transfers: the department is chosen, with its head named.
      await signIn(page, stack.url, 'zhaoli', locale);
      await page.goto(`${stack.url}/complaints/${complaintId}`);
      // The escalation ladder names whom each level reaches (the router's rule over the directory):
      // the first responder, the supervisors, and — customer-service having no head in the
      // directory — the supervisors again at the department-head level.
      const ladder = page.getByTestId('ladder');
      await expect.poll(() => ladder.textContent()).toContain('赵丽');
      expect(await ladder.locator('li').nth(1).textContent()).toContain('周敏');
      // The same customer's other open complaint is in view before anything is closed here.
      const related = page.getByTestId('related-records');
      await expect.poll(() => related.textContent()).toContain('上次的冻结问题仍未答复');
      expect(await related.getByTestId('open-elsewhere').count()).toBe(1);
      await page.locator('button[data-command="transfer"]').click();
      const form = page.getByRole('form', { name: w.transfer });
      const picker = form.getByLabel(w.department);
      expect(await picker.evaluate((el) => (el as unknown as { tagName: string }).tagName)).toBe('SELECT');
      const options = await picker.locator('option').allTextContents();
      expect(options.some((o) => o.startsWith('cards-ops') && o.includes('吴刚'))).toBe(true);
      await picker.selectOption('cards-ops');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `work-order-transfer-${locale}-1360`);
    });
  }
});
