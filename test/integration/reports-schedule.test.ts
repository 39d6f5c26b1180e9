import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFromCsv } from '../../domain/reports/csv.js';
import { previousPeriod } from '../../domain/reports/periods.js';
import { ensureReportSchedules, reportScheduleId } from '../../temporal/schedules.js';
import { intake } from '../support/complaints.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * The report schedules: created idempotently, triggered, the stored report found and served as
 * JSON and CSV (the CSV read back equals the JSON); regeneration of a past period through the
 * workflow, audited; the errors of the report endpoints.
 */
let stack: Stack;
let prefix: string;
beforeAll(async () => {
  stack = await startStack();
  prefix = `test-${stack.taskQueue}`;
});
afterAll(async () => {
  for (const kind of ['monthly', 'weekly'] as const) await stack?.temporal.schedule.getHandle(reportScheduleId(kind, prefix)).delete().catch(() => undefined);
  await stack?.stop();
});

const { auditor, supervisor, admin, agent } = people;
const zone = 'Asia/Shanghai';

async function reportAudit(kind: string, period: string) {
  return stack.query<{ action: string; actor: string; before: any; after: any }>(
    "select action, actor, before, after from audit_events where entity_type = 'report' and entity_id = $1 order by seq",
    [`${kind}:${period}`],
  );
}

describe('report schedules', () => {
  it('are created once and brought to the current spec on every start', async () => {
    const ids = await ensureReportSchedules(stack.temporal, { taskQueue: stack.taskQueue, timeZone: 'UTC', idPrefix: prefix });
    expect(ids).toEqual([`${prefix}-monthly`, `${prefix}-weekly`]);
    // A second start (another worker, a restart) with the current calendar zone: no error, spec updated.
    await ensureReportSchedules(stack.temporal, { taskQueue: stack.taskQueue, timeZone: zone, idPrefix: prefix });
    const monthly = await stack.temporal.schedule.getHandle(ids[0]!).describe();
    expect(monthly.spec.timezone).toBe(zone);
    expect(monthly.spec.calendars?.length ?? 0).toBeGreaterThan(0); // the cron became a calendar spec
    expect(monthly.action).toMatchObject({ type: 'startWorkflow', workflowType: 'reportWorkflow', taskQueue: stack.taskQueue, args: [{ kind: 'monthly' }] });
    const weekly = await stack.temporal.schedule.getHandle(ids[1]!).describe();
    expect(weekly.action).toMatchObject({ args: [{ kind: 'weekly' }] });
    expect(monthly.policies.overlap).toBe('SKIP');
  });

  it('a triggered schedule stores the report of the previous full period, served as JSON and as CSV', async () => {
    await intake(stack); // something to count, received now (not in the previous period)
    for (const kind of ['monthly', 'weekly'] as const) {
      const expected = previousPeriod(kind, new Date(), zone);
      await stack.temporal.schedule.getHandle(reportScheduleId(kind, prefix)).trigger();
      const json = await eventually(async () => {
        const res = await stack.as(auditor).get(`/api/v1/reports/${kind}/${expected.key}`);
        return res.status === 200 ? res : undefined;
      }, `the ${kind} report ${expected.key}`);
      expect(json.headers.get('content-type')).toMatch(/application\/json/);
      expect(json.body).toMatchObject({
        kind,
        period: expected.key,
        from: expected.from.toISOString(),
        to: expected.to.toISOString(),
        timeZone: zone,
        generatedBy: 'schedule',
      });
      expect(json.body.kpis.complaints.received).toBe(0);
      expect(Object.keys(json.body.kpis.complaints.volume.byChannel)).toHaveLength(9);

      const csv = await stack.as(auditor).get(`/api/v1/reports/${kind}/${expected.key}`, { accept: 'text/csv' });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.headers.get('content-disposition')).toContain(`cxgov-${kind}-${expected.key}.csv`);
      expect(csv.body.split('\r\n')[0]).toBe('metric,dimension,value');
      expect(reportFromCsv(csv.body)).toEqual(json.body);

      const audit = await reportAudit(kind, expected.key);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'report.generated', actor: 'schedule', before: null });
      // The run the schedule started (its id is the schedule id plus the action time).
      const [{ workflow_id }] = await stack.query('select workflow_id from reports where kind = $1 and period = $2', [kind, expected.key]);
      expect(workflow_id).toMatch(new RegExp(`^${reportScheduleId(kind, prefix)}-`));
      if (kind === 'monthly') await saveReplayFixture(stack.temporal, workflow_id, 'report-scheduled-monthly');
    }
  });
});

describe('who may use the report endpoints', () => {
  const cast = { product_owner: people.owner, cs_agent: people.agent, business_handler: people.handler, supervisor, compliance_auditor: auditor, admin, none: people.nobody };
  const readers = ['compliance_auditor', 'supervisor', 'admin'];
  const regenerators = ['supervisor', 'admin'];
  // The live KPIs are every staff role's, each in their scope (docs/reports.md "Who reads what");
  // the stored reports stay with the readers above.
  const kpiReaders = [...readers, 'product_owner', 'cs_agent', 'business_handler'];
  it.each(Object.entries(cast))('%s', async (role, who) => {
    const kpis = await stack.as(who).get('/api/v1/reports/kpis?from=2025-01-01&to=2025-02-01');
    expect(kpis.status, `${role}: ${JSON.stringify(kpis.body)}`).toBe(kpiReaders.includes(role) ? 200 : 403);
    const reads = [
      await stack.as(who).get('/api/v1/reports?kind=weekly'),
      await stack.as(who).get('/api/v1/reports/monthly/2020-01'),
      await stack.as(who).get('/api/v1/reports/weekly/2020-W01'),
    ];
    for (const res of reads) expect(res.status, `${role}: ${JSON.stringify(res.body)}`).toBe(readers.includes(role) ? (res.status === 404 ? 404 : 200) : 403);
    if (readers.includes(role)) expect(reads[0]!.status).toBe(200);
    const regenerate = await stack.as(who).post('/api/v1/reports/weekly/2025-W30/regenerate');
    expect(regenerate.status, role).toBe(regenerators.includes(role) ? 200 : 403);
  });
});

describe('regenerating a past period', () => {
  it('runs the workflow, replaces the stored report and audits who did it', async () => {
    const first = await stack.as(supervisor).post('/api/v1/reports/monthly/2025-10/regenerate');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ kind: 'monthly', period: '2025-10', from: '2025-09-30T16:00:00.000Z', to: '2025-10-31T16:00:00.000Z', generatedBy: supervisor.userId });
    const again = await stack.as(admin).post('/api/v1/reports/monthly/2025-10/regenerate');
    expect(again.status).toBe(200);
    expect(again.body.generatedBy).toBe(admin.userId);
    expect(Date.parse(again.body.generatedAt)).toBeGreaterThan(Date.parse(first.body.generatedAt));
    expect((await stack.query("select count(*)::int as n from reports where kind = 'monthly' and period = '2025-10'"))[0].n).toBe(1);
    const audit = await reportAudit('monthly', '2025-10');
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['report.generated', supervisor.userId],
      ['report.regenerated', admin.userId],
    ]);
    expect(audit[1]!.before).toMatchObject({ generatedBy: supervisor.userId, generatedAt: first.body.generatedAt });
    await saveReplayFixture(stack.temporal, 'report-monthly-2025-10', 'report-regenerated');

    const week = await stack.as(admin).post('/api/v1/reports/weekly/2025-W40/regenerate');
    expect(week.status).toBe(200);
    expect(week.body).toMatchObject({ period: '2025-W40', from: '2025-09-28T16:00:00.000Z', to: '2025-10-05T16:00:00.000Z' });
    expect((await stack.as(supervisor).get('/api/v1/reports/weekly/2025-W40')).body).toEqual(week.body);
  });

  it('lists stored reports newest first, a page at a time', async () => {
    await stack.as(admin).post('/api/v1/reports/monthly/2025-09/regenerate');
    const page = await stack.as(auditor).get('/api/v1/reports?kind=monthly&limit=1');
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    const rest = await stack.as(auditor).get(`/api/v1/reports?kind=monthly&limit=50&cursor=${page.body.nextCursor}`);
    const periods = [...page.body.items, ...rest.body.items].map((r: { period: string }) => r.period);
    expect(periods).toEqual([...periods].sort().reverse());
    expect(periods).toContain('2025-10');
    expect(periods).toContain('2025-09');
    expect(page.body.items[0].kpis).toBeUndefined();
  });

  it('refuses what is not a past period, and who may not', async () => {
    const current = previousPeriod('monthly', new Date(Date.now() + 40 * 86_400_000), zone).key; // the month now running
    expect((await stack.as(admin).post(`/api/v1/reports/monthly/${current}/regenerate`)).status).toBe(409);
    expect((await stack.as(admin).post('/api/v1/reports/monthly/2025-13/regenerate')).status).toBe(400);
    expect((await stack.as(admin).post('/api/v1/reports/weekly/2025-W53/regenerate')).status).toBe(400);
    expect((await stack.as(admin).post('/api/v1/reports/daily/2025-10/regenerate')).status).toBe(400);
    expect((await stack.as(auditor).post('/api/v1/reports/monthly/2025-08/regenerate')).status).toBe(403);
    expect((await stack.as(agent).get('/api/v1/reports/monthly/2025-10')).status).toBe(403);
    expect((await stack.anonymous.get('/api/v1/reports/monthly/2025-10')).status).toBe(401);
    expect((await stack.as(auditor).get('/api/v1/reports/monthly/2024-01')).status).toBe(404);
    expect((await stack.as(auditor).get('/api/v1/reports/monthly/2024-1')).status).toBe(400);
    expect((await stack.as(auditor).get('/api/v1/reports/weekly/2025-W53')).status).toBe(400);
    expect((await stack.as(auditor).get('/api/v1/reports/monthly/2025-10', { accept: 'application/xml' })).status).toBe(406);
  });
});
