import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../api/auth/demo-users.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { seedDemo } from './support/seed.js';

/**
 * The administration screens on a real stack: the demo administrator opens the committee from
 * the Administration group of the navigation (on a phone, in Chinese), adds a member with the
 * directory's person picker, makes them chair, reads the confirmation naming who joins and the
 * chair change, saves, and the API's roster has changed. At a desk, in English, the policies
 * page changes one SLA duration (amount and unit) and one share (as a percentage), and the API
 * answers the new values; a meeting policy whose reminder comes after its escalation is refused
 * by the server and the problem shows next to the escalation field. Every page axe-checked; at
 * 390 px nothing scrolls sideways.
 */
const phone = { width: 390, height: 844 };
const desktop = { width: 1360, height: 900 };

async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return d.scrollWidth <= d.clientWidth + 1;
  });
}

describe.skipIf(skipBrowser)('web UI: administration screens (committee, policies, departments)', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    // The directory the person picker reads: the demo cast, as `npm run demo` maintains it.
    for (const u of demoUsers) {
      const res = await stack.as(people.admin).put(`/api/v1/people/${u.userId}`, { userId: u.userId, name: u.name, department: u.department, roles: u.roles, language: 'zh', channel: 'email', active: true, departmentHead: false });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('an administrator adds a member with the picker and makes them chair after a confirmation (Chinese, 390 px)', async () => {
    const page = await browser.page();
    await page.setViewportSize(phone);
    await signIn(page, stack.url, 'heping', 'zh');
    await page.getByTestId('nav-toggle').click();
    await page.getByRole('link', { name: '委员会名单' }).click();
    await page.waitForURL(/\/admin\/committee$/);
    const roster = page.getByTestId('roster');
    await expect.poll(() => roster.locator('li').count()).toBe(5);
    expect(await roster.locator('li[data-user="wangjg"]').textContent()).toContain('主任');
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('要添加的人员').selectOption({ label: '黄强' });
    await page.getByRole('button', { name: '加入委员会' }).click();
    await expect.poll(() => roster.locator('li[data-user="huangqiang"]').textContent()).toContain('wealth');
    await page.getByRole('radio', { name: '黄强' }).check();
    await page.getByRole('button', { name: '保存名单' }).click();
    const confirm = page.getByTestId('committee-confirm');
    await expect.poll(() => confirm.textContent()).toContain('黄强（wealth）加入');
    const text = (await confirm.textContent()) ?? '';
    expect(text).toContain('主任：王建国 → 黄强');
    expect(text).toContain('进行中的评审沿用其开始时的名单');
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, '90-committee-confirm-zh-390');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '确认并保存' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '名单已保存。' }).count()).toBe(1);
    const res = await stack.as(people.admin).get('/api/v1/committee');
    expect(res.status).toBe(200);
    const members = res.body.members as { userId: string; chair: boolean; department: string }[];
    expect(members.map((m) => m.userId).sort()).toEqual(['chenjing', 'huangqiang', 'limin', 'liuyang', 'wangjg', 'zhangwei']);
    expect(members.filter((m) => m.chair).map((m) => m.userId)).toEqual(['huangqiang']);
    expect(members.find((m) => m.userId === 'huangqiang')?.department).toBe('wealth');
  });

  it('the policies page fits a phone and passes axe (Chinese, 390 px)', async () => {
    const page = await browser.page();
    await page.setViewportSize(phone);
    await signIn(page, stack.url, 'heping', 'zh');
    await page.getByTestId('nav-toggle').click();
    await page.getByRole('link', { name: '政策参数' }).click();
    await page.waitForURL(/\/admin\/policies$/);
    const sla = page.getByTestId('policy-sla');
    await expect.poll(() => sla.getByRole('group', { name: '首次响应' }).getByLabel('数量').inputValue()).toBe('3600');
    expect(await sla.getByLabel('超时风险比例 (%)').inputValue()).toBe('80');
    await expect.poll(() => page.getByTestId('policy-rootCauses').textContent()).toContain('此处只读');
    // The page's own check (the schema's bound) before anything is sent: a share of 0 % is refused by its field.
    const share = sla.getByLabel('超时风险比例 (%)');
    await share.fill('0');
    await sla.getByRole('button', { name: '保存：投诉时限政策' }).click();
    await expect.poll(() => share.getAttribute('aria-invalid')).toBe('true');
    expect(await sla.textContent()).toContain('大于 0%，不超过 100%。');
    expect(await page.getByTestId('policy-confirm-sla').count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, '91-policies-zh-390');
    expect((await stack.as(people.admin).get('/api/v1/policies/sla')).body.atRiskRatio).toBe(0.8);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an administrator changes an SLA duration and a share, and sees the server’s field problem next to its field (English, 1360 px)', async () => {
    const page = await browser.page();
    await page.setViewportSize(desktop);
    await signIn(page, stack.url, 'heping', 'en');
    await page.getByRole('link', { name: 'Policies' }).click();
    await page.waitForURL(/\/admin\/policies$/);

    const sla = page.getByTestId('policy-sla');
    const first = sla.getByRole('group', { name: 'First response' });
    await expect.poll(() => first.getByLabel('Amount').inputValue()).toBe('3600');
    await first.getByLabel('Amount').fill('2');
    await first.getByLabel('Unit').selectOption('hour');
    await sla.getByLabel('At-risk share (%)').fill('75');
    await sla.getByRole('button', { name: 'Save: Complaint SLA policy' }).click();
    const confirm = page.getByTestId('policy-confirm-sla');
    await expect.poll(() => confirm.textContent()).toContain('First response');
    expect(await confirm.textContent()).toContain('At-risk share');
    expect(await confirm.textContent()).toContain('Processes already running keep the policy they started with');
    await sla.getByRole('button', { name: 'Confirm and save' }).click();
    await expect.poll(() => sla.getByRole('status').textContent()).toContain('Complaint SLA policy: saved.');
    const res = await stack.as(people.admin).get('/api/v1/policies/sla');
    expect(res.status).toBe(200);
    expect(res.body.firstResponse).toEqual({ amount: 2, unit: 'hour' });
    expect(res.body.atRiskRatio).toBe(0.75);
    await expect.poll(() => page.getByTestId('last-change-sla').textContent()).toContain('Last changed by 何平');
    expect(await page.getByTestId('last-change-sla').getByRole('link', { name: 'Change history (audit)' }).getAttribute('href')).toBe('/audit?entityType=policy&entityId=sla');

    // The reminder after the escalation: only the server's rule sees it; its problem sits by the escalation.
    const meetings = page.getByTestId('policy-meetings');
    const reminder = meetings.getByRole('group', { name: 'Minutes reminder' });
    const escalation = meetings.getByRole('group', { name: 'Minutes escalation' });
    await expect.poll(() => escalation.getByLabel('Amount').inputValue()).toBe('5');
    await reminder.getByLabel('Amount').fill('9');
    await meetings.getByRole('button', { name: 'Save: Committee meeting policy' }).click();
    await meetings.getByRole('button', { name: 'Confirm and save' }).click();
    await expect.poll(() => escalation.locator('.error-text').textContent()).toBe('This value is not accepted.');
    expect(await escalation.getAttribute('data-invalid')).toBe('true');
    expect(await reminder.locator('.error-text').count()).toBe(0);
    const unchanged = await stack.as(people.admin).get('/api/v1/policies/meetings');
    expect(unchanged.body.minutesReminder).toEqual({ amount: 2, unit: 'business_day' });
    await screenshot(page, '92-policies-error-en-1360');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an administrator names a department in both languages; the pickers then speak the name (Chinese at 390 px, English at 1360 px)', async () => {
    const page = await browser.page();
    await page.setViewportSize(phone);
    await signIn(page, stack.url, 'heping', 'zh');
    await page.getByTestId('nav-toggle').click();
    await page.getByRole('link', { name: '部门', exact: true }).click();
    await page.waitForURL(/\/admin\/departments$/);
    const row = page.locator('[data-testid="department-names"] tr[data-department="cards-ops"]');
    await row.waitFor();
    expect(await page.title()).toBe('部门 · cxgov');
    // One name only: the page asks for both, next to the empty one, and sends nothing.
    await row.locator('input[name="cards-ops.zh"]').fill('信用卡运营部');
    await page.getByRole('button', { name: '保存名称' }).click();
    await expect.poll(() => row.locator('.error-text').textContent()).toBe('请填写中英文两种名称，或都留空。');
    expect(await row.locator('input[name="cards-ops.en"]').getAttribute('aria-invalid')).toBe('true');
    expect((await stack.as(people.admin).get('/api/v1/departments')).body).toEqual({ departments: [] });
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await row.locator('input[name="cards-ops.en"]').fill('Card operations');
    await page.getByRole('button', { name: '保存名称' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('部门名称已保存');
    expect((await stack.as(people.admin).get('/api/v1/departments')).body).toEqual({ departments: [{ id: 'cards-ops', name: { zh: '信用卡运营部', en: 'Card operations' } }] });
    await screenshot(page, '93-departments-zh-390');

    // The supervisor's raise form offers the department by its name, in each language.
    for (const [locale, size, name] of [['zh', phone, '信用卡运营部'], ['en', desktop, 'Card operations']] as const) {
      const sup = await browser.page();
      await sup.setViewportSize(size);
      await signIn(sup, stack.url, 'zhoumin', locale);
      await sup.goto(`${stack.url}/improvements/new?kind=supervisor`);
      const department = sup.locator('form.card select:has(option[value="cards-ops"])');
      await expect.poll(() => department.locator('option[value="cards-ops"]').textContent()).toBe(name);
      // An unnamed department shows as its id.
      await expect.poll(() => department.locator('option[value="wealth"]').textContent()).toBe('wealth');
      expect(await seriousViolations(sup)).toEqual([]);
    }
  });
});
