import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIncidentPolicy } from '../../domain/incidents/policy.js';
import type { incidentWatchWorkflow } from '../../workflows/incident/watch.js';
import { intakeBody } from '../support/complaints.js';
import { recordPastComplaint } from '../support/past-complaints.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * Knowing why, in the browser, on real data: the hot issues of last month (complaints with root
 * causes written through the record activity) and their drill-down to the complaints; a committee
 * member without a role reading them; an incident raised by a watcher run, its owner named and
 * its plan submitted from the pages; the KPI targets proposed by an admin and approved by the
 * chair, the reports showing the old target until then; the accountable KPIs with their
 * drill-down; a root cause corrected by a supervisor. In English and Chinese, at 1360 and 390 px,
 * each page checked with axe.
 */
const zone = 'Asia/Shanghai';
const phone = { width: 390, height: 844 };
const desktop = { width: 1360, height: 900 };
function monthIn(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit' }).formatToParts(date);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}
function addMonths(month: string, step: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + step, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Nothing of the page's main column scrolls sideways. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const main = (globalThis as unknown as { document: { querySelector(s: string): { scrollWidth: number; clientWidth: number } } }).document.querySelector('main')!;
    return main.scrollWidth <= main.clientWidth + 1;
  });
}

describe.skipIf(skipBrowser)('web UI: knowing why', () => {
  let stack: Stack;
  let browser: Browser;
  const lastMonth = addMonths(monthIn(new Date()), -1);
  const monthBefore = addMonths(lastMonth, -1);
  let card: string;
  let wealthApp: string;
  const pastIds: string[] = [];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    const owner = stack.as(demo('linxiao'));
    card = (await owner.post('/api/v1/initiatives', { name: 'Instant virtual credit card', businessLine: 'banking', description: 'A virtual card issued in the app at once.', team: 'retail-cards' })).body.id;
    wealthApp = (await stack.as(demo('huangqiang')).post('/api/v1/initiatives', { name: 'Wealth app', businessLine: 'fund', description: 'Funds in the app.', team: 'wealth' })).body.id;
    // Last month: three complaints whose resolution named an undisclosed fee of the card (one late), one about staff attitude, one without a cause.
    const fee = { code: 'fees_pricing.undisclosed', group: 'fees_pricing', initiativeId: card };
    const past = (day: string, p: Record<string, unknown>, agent = 'zhaoli') =>
      recordPastComplaint(stack.database.db, { receivedAt: `${day}T10:00:00+08:00`, category: 'product', channel: 'app', severity: 'general', firstResponse: 'met', agentTeam: 'customer-service', ...p }, agent);
    pastIds.push(await past(`${lastMonth}-05`, { rootCause: fee, resolvedAt: `${lastMonth}-05T15:00:00+08:00`, closedAt: `${lastMonth}-05T16:00:00+08:00`, feedback: [true] }));
    pastIds.push(await past(`${lastMonth}-06`, { rootCause: fee, resolvedAt: `${lastMonth}-06T15:00:00+08:00` }));
    pastIds.push(await past(`${lastMonth}-07`, { rootCause: fee, breaches: [{ clock: 'resolution', at: `${lastMonth}-08T10:00:00+08:00`, level: 1 }] }));
    pastIds.push(await past(`${lastMonth}-12`, { rootCause: { code: 'staff_conduct.attitude', group: 'staff_conduct' }, category: 'service', resolvedAt: `${lastMonth}-12T11:00:00+08:00` }, 'sunlei'));
    pastIds.push(await past(`${lastMonth}-13`, { category: 'service', channel: 'hotline' }, 'sunlei'));
    await past(`${monthBefore}-15`, { rootCause: fee });

    // Now: three complaints about the wealth app, and one watcher run, which raises an incident.
    const policy = { ...defaultIncidentPolicy, dimensions: ['product'], minCount: 3, ratio: 2, steps: { owner: { amount: 3600, unit: 'second' }, plan: { amount: 3600, unit: 'second' }, review: { amount: 7200, unit: 'second' } } };
    expect((await stack.as(people.admin).put('/api/v1/policies/incidents', policy)).status).toBe(200);
    for (const channel of ['hotline', 'app', 'email']) expect((await stack.as(demo('zhaoli')).post('/api/v1/complaints', intakeBody({ initiativeId: wealthApp, channel, category: 'product' }))).status).toBe(201);
    const run = await stack.temporal.workflow.execute<typeof incidentWatchWorkflow>('incidentWatchWorkflow', { taskQueue: stack.taskQueue, workflowId: 'browser-watch', args: [{ asOf: new Date(Date.now() + 1_000).toISOString() }] });
    expect(run.raised).toHaveLength(1);
    await eventually(async () => ((await stack.as(demo('zhoumin')).get(`/api/v1/incidents/${run.raised[0]}`)).status === 200 ? true : undefined), 'the incident');
    // Twenty more complaints about the app, linked by the next watcher run: more than the page lists at once (20).
    for (let n = 0; n < 20; n++) expect((await stack.as(demo('zhaoli')).post('/api/v1/complaints', intakeBody({ initiativeId: wealthApp, channel: 'app', category: 'product' }))).status).toBe(201);
    const next = await stack.temporal.workflow.execute<typeof incidentWatchWorkflow>('incidentWatchWorkflow', { taskQueue: stack.taskQueue, workflowId: 'browser-watch-2', args: [{ asOf: new Date(Date.now() + 1_000).toISOString() }] });
    expect(next).toMatchObject({ raised: [], linked: 20 });
    await eventually(async () => ((await stack.as(demo('zhoumin')).get(`/api/v1/incidents/${run.raised[0]}`)).body.complaintCount === 23 ? true : undefined), 'the later complaints linked');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('hot issues of last month, their figures the API’s, each bar a drill-down to its complaints (English, 1360 px)', async () => {
    const page = await browser.page();
    await page.setViewportSize(desktop);
    await signIn(page, stack.url, 'zhoumin');
    await page.getByRole('link', { name: 'Hot issues' }).click();
    await page.goto(`${stack.url}/hot-issues?month=${lastMonth}`);
    await page.getByTestId('hot-issues').waitFor();
    const h = (await stack.as(demo('zhoumin')).get(`/api/v1/reports/hot-issues?from=${lastMonth}-01&to=${addMonths(lastMonth, 1)}-01`)).body;
    expect(h).toMatchObject({ received: 5, previousReceived: 1, withoutRootCause: 1 });
    expect(h.rootCauses.map((i: { key: string; count: number; previous: number }) => [i.key, i.count, i.previous])).toEqual([
      ['fees_pricing.undisclosed', 3, 1],
      ['staff_conduct.attitude', 1, 0],
    ]);
    await expect(page.locator('[data-hot="received"] .stat-value').textContent()).resolves.toBe('5');
    await expect(page.locator('[data-hot="withoutRootCause"] .stat-value').textContent()).resolves.toBe('1');
    const feeRow = page.locator('[data-panel="hot-rootCauses"] tr[data-item="fees_pricing.undisclosed"]');
    await expect(feeRow.textContent()).resolves.toBe('Fee not disclosed3▲ 2 (+200 %)0.0 %66.7 %'); // two of three resolved in time
    await expect.poll(() => page.locator('[data-panel="hot-products"] tr[data-item]').first().textContent()).toContain('Instant virtual credit card');
    expect(await page.locator('[data-panel="hot-rootCauses"] .chart[role="img"]').getAttribute('aria-label')).toBe('Fee not disclosed: 3 (1 before); Attitude: 1 (0 before)');
    await expect.poll(() => page.locator('[data-testid="hot-issues"] .chart svg').count()).toBe(4);
    await screenshot(page, '60-hot-issues');
    expect(await seriousViolations(page)).toEqual([]);

    await feeRow.getByRole('link', { name: 'Fee not disclosed' }).click();
    await page.waitForURL(/\/complaints\?rootCause=fees_pricing.undisclosed/);
    await expect.poll(() => page.getByTestId('drill-down').textContent()).toContain('Root cause: Fee not disclosed');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the same in Chinese on a phone; a committee member without a role reads them, an agent does not see them', async () => {
    const page = await browser.page();
    await page.setViewportSize(phone);
    await signIn(page, stack.url, 'limin', 'zh');
    // On a phone the navigation is behind the menu button.
    await page.getByTestId('nav-toggle').click();
    await expect.poll(() => page.getByRole('link', { name: '热点问题' }).count()).toBe(1);
    await page.goto(`${stack.url}/hot-issues?month=${lastMonth}`);
    await page.getByTestId('hot-issues').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('热点问题');
    await expect.poll(() => page.locator('[data-panel="hot-rootCauses"] tr[data-item="fees_pricing.undisclosed"] td').first().textContent()).toBe('收费未充分告知');
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, '61-hot-issues-zh-390');
    expect(await seriousViolations(page)).toEqual([]);

    const agent = await browser.page();
    await signIn(agent, stack.url, 'zhaoli');
    await expect.poll(() => agent.getByRole('link', { name: 'Complaint desk' }).count()).toBe(1);
    expect(await agent.getByRole('link', { name: 'Hot issues' }).count()).toBe(0);
  });

  it('an incident: the supervisor names the owner, the owner submits the plan from the inbox (1360 px, then Chinese at 390 px)', async () => {
    const sup = await browser.page();
    await sup.setViewportSize(desktop);
    await signIn(sup, stack.url, 'zhoumin');
    await sup.getByRole('link', { name: 'Incidents' }).click();
    await expect.poll(() => sup.getByTestId('incidents').locator('tbody tr').count()).toBe(1);
    await expect(sup.getByTestId('incidents').locator('tbody tr').textContent()).resolves.toContain('3 complaints about product');
    expect(await seriousViolations(sup)).toEqual([]);
    await sup.getByTestId('incidents').locator('tbody tr a').click();
    await sup.getByTestId('incident-steps').waitFor();
    // The count, the first page of the linked complaints, then the rest on demand.
    await expect.poll(() => sup.locator('#incident-complaints').textContent()).toBe('Linked complaints (23)');
    await expect.poll(() => sup.getByTestId('incident-complaints').locator('li').count()).toBe(20);
    await expect(sup.getByTestId('incident-complaints-shown').textContent()).resolves.toBe('Showing 20 of 23');
    await expect(sup.getByTestId('incident-complaints').locator('li').first().textContent()).resolves.toContain('in the spike');
    expect(await seriousViolations(sup)).toEqual([]);
    await sup.getByRole('button', { name: 'Show more complaints' }).click();
    await expect.poll(() => sup.getByTestId('incident-complaints').locator('li').count()).toBe(23);
    await expect(sup.getByTestId('incident-complaints-shown').textContent()).resolves.toBe('Showing 23 of 23');
    expect(await sup.getByRole('button', { name: 'Show more complaints' }).count()).toBe(0);
    await expect(sup.getByTestId('incident-complaints').locator('li').last().textContent()).resolves.toContain('linked later');
    await sup.locator('button[data-command="assign"]').click();
    await sup.getByLabel('User id').fill('linxiao');
    await sup.getByLabel('Name', { exact: true }).fill('林晓');
    await sup.locator('form[aria-label="Name the response owner"] button[type="submit"]').click();
    await expect.poll(() => sup.getByTestId('incident-owner').textContent()).toContain('linxiao');
    await screenshot(sup, '62-incident-assigned');
    expect(await seriousViolations(sup)).toEqual([]);

    const owner = await browser.page();
    await owner.setViewportSize(phone);
    await signIn(owner, stack.url, 'linxiao', 'zh');
    await owner.getByRole('link', { name: /群体性事件：产品/ }).click();
    await owner.getByTestId('incident-steps').waitFor();
    await expect.poll(() => owner.locator('#incident-complaints').textContent()).toBe('关联投诉（23）');
    await expect.poll(() => owner.getByTestId('incident-complaints-shown').textContent()).toBe('已显示 20 条，共 23 条');
    expect(await fitsWidth(owner)).toBe(true);
    expect(await seriousViolations(owner)).toEqual([]);
    await owner.getByRole('button', { name: '显示更多投诉' }).click();
    await expect.poll(() => owner.getByTestId('incident-complaints').locator('li').count()).toBe(23);
    await expect(owner.getByTestId('incident-complaints').locator('li').last().textContent()).resolves.toContain('后续关联');
    await owner.locator('button[data-command="plan"]').click();
    await owner.getByLabel('概述').fill('更正费用提示页面');
    await owner.getByLabel('措施', { exact: true }).fill('修改页面\n逐一回访客户');
    await owner.locator('form[aria-label="提交处置方案"] button[type="submit"]').click();
    await expect.poll(() => owner.locator('[data-step="review"]').textContent()).not.toContain('未开始');
    await expect(owner.locator('[data-step="plan"]').textContent()).resolves.toContain('已达成');
    expect(await fitsWidth(owner)).toBe(true);
    await screenshot(owner, '63-incident-plan-zh-390');
    expect(await seriousViolations(owner)).toEqual([]);
  });

  it('a target changes only with the chair’s approval; until then the reports show the old one', async () => {
    const admin = await browser.page();
    await signIn(admin, stack.url, 'heping');
    await admin.goto(`${stack.url}/targets`);
    await expect.poll(() => admin.locator('[data-target="firstResponseOnTime"] dd').textContent()).toBe('90 %');
    await admin.getByLabel('First response in time (%)').fill('95');
    await admin.getByLabel('Why').fill('The committee asked for faster answers');
    await admin.getByRole('button', { name: 'Propose', exact: true }).click();
    await expect.poll(() => admin.locator('[data-proposal][data-status="pending"]').count()).toBe(1);
    expect(await seriousViolations(admin)).toEqual([]);

    const reader = await browser.page();
    await signIn(reader, stack.url, 'zhoumin');
    await reader.goto(`${stack.url}/reports`);
    await expect.poll(() => reader.locator('[data-kpi="firstResponse"] .stat-label').textContent()).toBe('First response in time (target 90 %)');

    const chair = await browser.page();
    await chair.setViewportSize(phone);
    await signIn(chair, stack.url, 'wangjg', 'zh');
    await chair.getByRole('link', { name: '指标目标变更提案' }).click();
    await chair.waitForURL(/\/targets$/);
    await chair.getByLabel('意见').fill('委员会同意');
    expect(await fitsWidth(chair)).toBe(true);
    await screenshot(chair, '64-targets-decide-zh-390');
    expect(await seriousViolations(chair)).toEqual([]);
    await chair.getByRole('button', { name: '批准' }).click();
    await expect.poll(() => chair.locator('[data-target="firstResponseOnTime"] dd').textContent()).toBe('95 %');
    await expect(chair.getByTestId('decision').textContent()).resolves.toContain('已作为第 1 版生效');

    await signIn(reader, stack.url, 'zhoumin'); // the tabs share the language: back to English
    await reader.goto(`${stack.url}/reports`);
    await expect.poll(() => reader.locator('[data-kpi="firstResponse"] .stat-label').textContent()).toBe('First response in time (target 95 %)');
  });

  it('accountable KPIs on the reports page: units under target marked, a team down to its agents, an agent to the complaints', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'zhoumin');
    await page.goto(`${stack.url}/reports?month=${lastMonth}`);
    const table = page.getByTestId('accountability');
    await expect.poll(() => table.locator('tr[data-unit="customer-service"] [data-testid="under-target"]').textContent()).toMatch(/under target/);
    await table.getByLabel('Show by').selectOption('team');
    await table.locator('tr[data-unit="customer-service"]').getByRole('button', { name: 'Agents' }).click();
    await expect.poll(() => table.getByTestId('units-drill').textContent()).toContain('Agents of team customer-service');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await table.locator('tr[data-unit="sunlei"]').getByRole('link', { name: 'Complaints' }).click();
    await page.waitForURL(/\/complaints\?agent=sunlei/);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
  });

  it('a supervisor corrects the root cause of a closed complaint on its page', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'zhoumin');
    await page.goto(`${stack.url}/complaints/${pastIds[0]}`);
    const panel = page.getByTestId('root-cause');
    await expect.poll(() => panel.textContent()).toContain('Fees and pricing › Fee not disclosed');
    await panel.getByRole('button', { name: 'Correct the root cause' }).click();
    await panel.getByLabel('Cause', { exact: true }).selectOption('communication_disclosure.unclear');
    await panel.getByLabel('Reason').fill('the letter was unclear, not the staff');
    await panel.getByRole('button', { name: 'Save the correction' }).click();
    await expect.poll(() => panel.textContent()).toContain('corrected by 周敏 (zhoumin)');
    await expect(panel.textContent()).resolves.toContain('Unclear information');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
