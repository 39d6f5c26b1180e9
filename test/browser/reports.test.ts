import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiReport } from '../../domain/reports/kpis.js';
import { reportFromCsv } from '../../domain/reports/csv.js';
import { command, getComplaint, intakeBody, sec, setPolicy } from '../support/complaints.js';
import { deliverables } from '../support/gates.js';
import { recordPastComplaint } from '../support/past-complaints.js';
import { eventually, startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, demoSla, seedDemo } from './support/seed.js';

/**
 * The reports page on real data, no stubs: complaints taken through the API this month (one
 * breaching its second-based first-response deadline, one closed with the customer's
 * confirmation), a gate review decided, and two complaints of last month written through the
 * record activity (the API takes complaints received now only). The page must show the figures
 * the API's own /reports/kpis computes; the monthly report of last month is generated from the
 * page and its CSV downloaded from the page reads back to exactly the stored report.
 */
const zone = 'Asia/Shanghai'; // the calendar's default time zone, and the test browser's
function monthIn(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit' }).formatToParts(date);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}
function addMonths(month: string, step: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + step, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
const monthLong = (month: string) => new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

describe.skipIf(skipBrowser)('web UI: reports', () => {
  let stack: Stack;
  let browser: Browser;
  const thisMonth = monthIn(new Date());
  const lastMonth = addMonths(thisMonth, -1);
  const monthBefore = addMonths(thisMonth, -2);

  const apiKpis = async (month: string): Promise<KpiReport> => {
    const res = await stack.as(demo('zhoumin')).get(`/api/v1/reports/kpis?from=${month}-01&to=${addMonths(month, 1)}-01`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const stat = (page: Page, key: string) => page.locator(`[data-kpi="${key}"] .stat-value`).textContent();
  const chartText = (page: Page, panel: string) => page.locator(`[data-panel="${panel}"] .chart[role="img"]`).getAttribute('aria-label');
  const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`);

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    const agent = stack.as(demo('zhaoli'));

    // This month: one complaint breaches its first-response deadline (1 s) and escalates to level 1…
    await setPolicy(stack, { ...demoSla, firstResponse: sec(1) });
    const late = await agent.post('/api/v1/complaints', intakeBody({ category: 'system_technical', channel: 'app', severity: 'major' }));
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    await setPolicy(stack, demoSla);
    await eventually(async () => ((await getComplaint(stack, late.body.id)).escalationLevel === 1 ? true : undefined), 'the first-response breach');

    // …one is answered, resolved and closed with the customer's confirmation.
    const closed = await agent.post('/api/v1/complaints', intakeBody({ category: 'service', channel: 'hotline', severity: 'general' }));
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
    await command(stack, demo('zhaoli'), closed.body.id, '/responses', { message: 'We are on it.', channel: 'hotline' });
    await command(stack, demo('zhaoli'), closed.body.id, '/resolution', { summary: 'Card unblocked', remedy: 'Apology' });
    expect((await command(stack, demo('zhaoli'), closed.body.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'ok' })).status).toBe('closed');

    // A research gate approved by the committee and signed off by the chair.
    const owner = stack.as(demo('linxiao'));
    const created = await owner.post('/api/v1/initiatives', { name: 'Instant virtual credit card', businessLine: 'banking', description: 'A virtual card issued in the app at once.', team: 'retail-cards' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect((await owner.post(`/api/v1/initiatives/${id}/submissions`, { stage: 'research', deliverables: deliverables.research })).status).toBe(201);
    for (const member of ['limin', 'zhangwei']) expect((await stack.as(demo(member)).post(`/api/v1/initiatives/${id}/review/votes`, { decision: 'approve', comment: 'fine' })).status).toBe(200);
    const signed = await stack.as(demo('wangjg')).post(`/api/v1/initiatives/${id}/review/signoff`, { decision: 'approve', comment: 'proceed' });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);

    // Last month: one closed in time and satisfied, one whose first response breached (still open).
    await recordPastComplaint(
      stack.database.db,
      { receivedAt: `${lastMonth}-10T10:00:00+08:00`, resolvedAt: `${lastMonth}-10T14:00:00+08:00`, closedAt: `${lastMonth}-10T15:00:00+08:00`, category: 'product', channel: 'branch', severity: 'general', firstResponse: 'met', feedback: [true] },
      'zhaoli',
    );
    await recordPastComplaint(
      stack.database.db,
      { receivedAt: `${lastMonth}-12T09:00:00+08:00`, category: 'service', channel: 'email', severity: 'urgent', firstResponse: 'breached', breaches: [{ clock: 'firstResponse', at: `${lastMonth}-13T09:00:00+08:00`, level: 1 }] },
      'zhaoli',
    );
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('plots this month’s KPIs with exactly the figures the API computes', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'zhoumin');
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByTestId('kpis').waitFor();
    const { kpis: k } = await apiKpis(thisMonth);
    // What the test built, as the API counts it…
    expect(k.complaints).toMatchObject({ received: 2, firstResponse: { onTime: 1, late: 1, rate: 0.5 }, resolutionRate: { resolved: 1, rate: 0.5 }, breaches: { total: 1, complaints: 1, byLevel: { '1': 1, '2': 0, '3': 0 } } });
    expect(k.gates.decisions).toMatchObject({ decided: 1, byOutcome: { approve: 1 }, approvalRate: 1 });
    // …is what the page shows.
    await expect(stat(page, 'received')).resolves.toBe(String(k.complaints.received));
    await expect(stat(page, 'firstResponse')).resolves.toBe(pct(k.complaints.firstResponse.rate));
    await expect(stat(page, 'resolutionRate')).resolves.toBe(pct(k.complaints.resolutionRate.rate));
    await expect(stat(page, 'breaches')).resolves.toBe(String(k.complaints.breaches.total));
    await expect(stat(page, 'decided')).resolves.toBe(String(k.gates.decisions.decided));
    await expect(page.locator('[data-kpi="firstResponse"] .stat-label').textContent()).resolves.toBe('First response in time (target 90 %)');
    await expect(page.locator('[data-kpi="resolutionRate"]').getAttribute('class')).resolves.toContain('stat-danger'); // 50 % < 98 %
    expect(await chartText(page, 'kpi-rates')).toContain(`Resolution rate (target 98 %): ${pct(k.complaints.resolutionRate.rate)}`);
    expect(await chartText(page, 'kpi-levels')).toBe('Supervisor: 1; Department head: 0; Committee chair: 0');
    expect(await chartText(page, 'kpi-byCategory')).toBe('Service: 1; Product: 0; System / technical: 1; Policy / process: 0');
    expect(await chartText(page, 'kpi-bySeverity')).toBe('General: 1; Major: 1; Urgent: 0');
    expect(await chartText(page, 'kpi-byProduct')).toBe('No product: 2');
    expect(await chartText(page, 'kpi-decisions')).toContain('Approve: 1; Request changes: 0; Reject: 0');
    expect(await chartText(page, 'kpi-deadlines')).toContain('First response: In time 1, Late 1');
    await expect(page.locator('[data-panel="kpi-review-cycle"] .chart-note').textContent()).resolves.toMatch(/^Reviews decided: 1; on average .+ elapsed, .+ working time\.$/);
    await expect.poll(() => page.locator('.chart svg').count()).toBe(11); // with resolution in time by severity
    // This month is not over: no report yet, and the page says why.
    await expect(page.getByTestId('month-report-status').textContent()).resolves.toContain(`${monthLong(thisMonth)} is not over yet.`);
    await screenshot(page, '30-reports');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Language').selectOption('zh');
    await expect.poll(() => page.locator('h1').textContent()).toBe('报表');
    await expect(page.locator('[data-kpi="resolutionRate"] .stat-label').textContent()).resolves.toBe('解决率（目标 98%）');
    expect(await chartText(page, 'kpi-levels')).toBe('主管: 1; 部门负责人: 0; 委员会主任: 0');
    await screenshot(page, '31-reports-zh');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('语言').selectOption('en');
  });

  it('a supervisor generates last month’s report from the page; its CSV downloads and reads back to the stored report', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'zhoumin');
    await page.goto(`${stack.url}/reports?month=${lastMonth}`);
    const status = page.getByTestId('month-report-status');
    await expect.poll(() => status.textContent()).toContain(`No report is stored for ${monthLong(lastMonth)}.`);
    // The KPIs of last month are the two complaints recorded then.
    const { kpis: k } = await apiKpis(lastMonth);
    expect(k.complaints).toMatchObject({ received: 2, resolutionRate: { resolved: 1, rate: 0.5 }, handlingTime: { closed: 1, avgHours: 5 } });
    await expect.poll(() => stat(page, 'received')).toBe('2');
    await expect(stat(page, 'handlingTime')).resolves.toBe('5 h');
    await screenshot(page, '32-reports-not-generated');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Generate now' }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('by 周敏 (zhoumin)');
    const stored = await stack.as(demo('zhoumin')).get(`/api/v1/reports/monthly/${lastMonth}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ kind: 'monthly', period: lastMonth, generatedBy: 'zhoumin', kpis: { complaints: k.complaints, gates: k.gates } });
    const row = page.getByTestId('stored-reports').locator(`tr[data-period="${lastMonth}"]`);
    await expect.poll(() => row.count()).toBe(1);

    const card = page.getByTestId('month-report');
    const [csv] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: `CSV of ${lastMonth}` }).click()]);
    expect(csv.suggestedFilename()).toBe(`cxgov-monthly-${lastMonth}.csv`);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.split('\r\n')[0]).toBe('metric,dimension,value');
    expect(csvText).toContain('kpis.complaints.volume.byChannel,branch,1\r\n');
    expect(reportFromCsv(csvText)).toEqual(stored.body);

    const [json] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: `JSON of ${lastMonth}` }).click()]);
    expect(JSON.parse(readFileSync((await json.path())!, 'utf8'))).toEqual(stored.body);

    // Regenerating from the list replaces it (and is audited as such).
    await row.getByRole('button', { name: `Regenerate ${lastMonth}` }).click();
    await expect.poll(async () => (await stack.as(demo('zhoumin')).get(`/api/v1/reports/monthly/${lastMonth}`)).body.generatedAt, { timeout: 30_000 }).not.toBe(stored.body.generatedAt);
    await expect.poll(() => row.getByRole('button', { name: `Regenerate ${lastMonth}` }).isEnabled()).toBe(true);
    const trail = await stack.query<{ action: string; actor: string }>(`select action, actor from audit_events where entity_type = 'report' and entity_id = $1 order by seq`, [`monthly:${lastMonth}`]);
    expect(trail).toEqual([
      { action: 'report.generated', actor: 'zhoumin' },
      { action: 'report.regenerated', actor: 'zhoumin' },
    ]);
    await screenshot(page, '33-reports-generated');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an auditor reads stored reports but may not generate one, and follows a report to its audit trail', async () => {
    const page = await browser.page();
    await signIn(page, stack.url, 'zhenghua');
    await page.goto(`${stack.url}/reports?month=${monthBefore}`);
    // A period without a report: the API's 404, said plainly, with who can do something about it.
    const status = page.getByTestId('month-report-status');
    await expect.poll(() => status.textContent()).toContain(`No report is stored for ${monthLong(monthBefore)}.`);
    await expect(status.textContent()).resolves.toContain('a supervisor or administrator can generate it now');
    expect(await page.getByRole('button', { name: /Generate|Regenerate/ }).count()).toBe(0);
    const row = page.getByTestId('stored-reports').locator(`tr[data-period="${lastMonth}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole('link', { name: 'Audit trail' }).click();
    await page.waitForURL(/\/audit\?entityType=report/);
    await expect.poll(() => page.getByTestId('verification').textContent()).toContain('Chain intact');
    await expect(page.locator('.audit-events > table > tbody').textContent()).resolves.toMatch(/report\.generated.*report\.regenerated/s);
  });
});
