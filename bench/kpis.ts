/**
 * `node --import tsx bench/kpis.ts [--rows 100000] [--runs 7]`: the KPI query (db/kpis.ts, the
 * code behind GET /reports/kpis and the stored reports) on a synthetic year of complaints.
 *
 * Creates a scratch database on the PostgreSQL of BENCH_DATABASE_ADMIN_URL / TEST_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres), applies the migrations, inserts the rows
 * with SQL (each with a JSON view of realistic size, so the table is as wide as a real one), plus
 * initiatives and gate reviews, then times computeKpis for a month, a quarter and the whole year.
 * Prints the median and spread in ms and the plan of the complaint aggregate; drops the database.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../db/client.js';
import { computeKpis } from '../db/kpis.js';
import { defaultCalendarSettings } from '../domain/policies.js';
import { reportPeriod } from '../domain/reports/periods.js';
import { median } from './lib/stats.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, runs: { type: 'string', default: '7' } } });
const rows = Number(values.rows);
const runs = Number(values.runs);
const adminUrl = process.env.BENCH_DATABASE_ADMIN_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `cxgov_bench_kpis_${process.pid}_${Date.now().toString(36)}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
})();
const progress = (msg: string) => process.stderr.write(`bench kpis: ${msg}\n`);

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

await admin(`CREATE DATABASE "${name}"`);
const handle = await openDatabase({ url: dbUrl, dataDir: mkdtempSync(path.join(os.tmpdir(), 'cxgov-bench-kpis-')) });
try {
  await handle.migrate();
  const raw = new pg.Client({ connectionString: dbUrl });
  await raw.connect();
  const started = Date.now();
  progress(`inserting ${rows} complaints over 2025 (Asia/Shanghai)…`);
  // One complaint every (year / rows) seconds; mixes of categories, channels, severities, outcomes.
  await raw.query(
    `insert into complaints (id, workflow_id, status, channel, category, severity, customer_ref, initiative_id, received_at,
       owner_kind, owner_id, agent_id, department, escalation_level, breached, chair_user_id, signed_off, reopen_count, repeat_of,
       policy_version, closed_at, first_response_state, first_response_at, resolved_at, resolution_breached, feedback_count,
       satisfied_count, is_repeat, breach_levels, open_clocks, handling_working_ms, facts_version, view, version)
     select 'c' || i, 'complaint-c' || i,
       case when i % 20 < 17 then 'closed' when i % 20 = 17 then 'resolved' when i % 20 = 18 then 'responded' else 'open' end,
       (array['hotline','online_chat','app','email','social_media','branch','suggestion_box','survey','regulator_referral'])[1 + i % 9],
       (array['service','product','system_technical','policy_process'])[1 + i % 4],
       (array['general','general','general','general','general','general','general','major','major','urgent'])[1 + i % 10],
       'cust-' || (i % 40000), case when i % 20 = 0 then 'init-' || (i % 50) end,
       t.received, 'user', 'agent-' || (i % 30), 'agent-' || (i % 30), null,
       case when i % 25 = 0 then 2 when i % 12 = 0 then 1 else 0 end, i % 12 = 0, null, false,
       case when i % 30 = 0 then 1 else 0 end,
       case when i % 33 = 0 then '["c1"]'::jsonb else '[]'::jsonb end, 1,
       case when i % 20 < 17 then t.received + ((i % 200) || ' hours')::interval end,
       case when i % 50 = 49 then 'pending' when i % 12 = 0 then 'breached' else 'met' end,
       t.received + interval '2 hours',
       case when i % 20 < 18 then t.received + ((i % 150) || ' hours')::interval end,
       i % 25 = 0,
       case when i % 20 < 17 then 1 + (i % 30 = 0)::int else 0 end,
       case when i % 20 < 17 then 1 - (i % 41 = 0)::int else 0 end,
       i % 33 = 0,
       case when i % 25 = 0 then array[1, 2] when i % 12 = 0 then array[1] else '{}'::integer[] end,
       case when i % 20 >= 18 then '{"resolution": "pending"}'::jsonb else '{}'::jsonb end,
       case when i % 20 < 17 then (i % 200) * 1200000 end,
       1,
       jsonb_build_object('id', 'c' || i, 'description', (select string_agg(md5(i::text || j::text), ' ') from generate_series(1, 40) j),
         'responses', jsonb_build_array(jsonb_build_object('at', t.received, 'by', 'agent', 'message', md5(i::text))),
         'clocks', jsonb_build_object('firstResponse', jsonb_build_object('state', 'met'), 'resolution', jsonb_build_object('state', 'met'))),
       5
     from generate_series(1, $1::int) i,
          lateral (select timestamptz '2025-01-01 00:00+08' + make_interval(secs => i * (31536000.0 / $1::int))) t(received)`,
    [rows],
  );
  progress('inserting 1000 initiatives and 4000 gate reviews…');
  await raw.query(
    `insert into initiatives (id, name, business_line, description, team, owner, owner_name, stage, status, created_at, updated_at, projection_version)
     select 'init-' || i, 'Product ' || i, 'banking', 'd', 'team-' || (i % 10), 'pat', 'Pat', 'design', 'in_progress',
            timestamptz '2025-01-01 00:00+08' + make_interval(hours => i * 8), now(), 1
     from generate_series(0, 999) i`,
  );
  await raw.query(
    `insert into gate_reviews (id, initiative_id, seq, stage, version, status, opened_at, deadline, reminder_at, submitted_by, chair,
       eligible, recused, quorum, deliverables, policy_version, escalated_at, outcome, signed_off_by, override, decided_at, projection_version)
     select 'rev-' || i, 'init-' || (i / 4), 1 + i % 4, (array['research','design','prototype_testing','launch_assessment'])[1 + i % 4], 1,
            'decided', o.opened, o.opened + interval '7 days', o.opened + interval '4 days', 'pat', 'gm', '["m1","m2"]', '[]',
            '{"required":1,"cast":2,"met":true}', '{}', 1, case when i % 10 = 0 then o.opened + interval '7 days' end,
            (array['approve','approve','approve','request_changes','reject'])[1 + i % 5], 'gm', false,
            o.opened + ((24 + i % 150) || ' hours')::interval, 1
     from generate_series(0, 3999) i,
          lateral (select timestamptz '2025-01-01 00:00+08' + make_interval(hours => 8 * (i / 4) + 2 * (i % 4))) o(opened)`,
  );
  await raw.query('vacuum analyze complaints');
  await raw.query('vacuum analyze gate_reviews');
  await raw.query('vacuum analyze initiatives');
  const [size] = (await raw.query(`select pg_size_pretty(pg_total_relation_size('complaints')) as total, pg_size_pretty(pg_relation_size('complaints')) as heap`)).rows;
  progress(`data ready in ${((Date.now() - started) / 1000).toFixed(1)} s (complaints: ${size.total} with indexes and TOAST, heap ${size.heap})`);

  const zone = defaultCalendarSettings.timeZone;
  const periods = [
    { label: 'month (2025-10)', period: reportPeriod('monthly', '2025-10', zone) },
    { label: 'quarter (2025-Q4)', period: { from: reportPeriod('monthly', '2025-10', zone).from, to: reportPeriod('monthly', '2025-12', zone).to } },
    { label: `year (2025, all ${rows})`, period: { from: reportPeriod('monthly', '2025-01', zone).from, to: reportPeriod('monthly', '2025-12', zone).to } },
  ];
  const results: { label: string; received: number; medianMs: number; minMs: number; maxMs: number }[] = [];
  for (const { label, period } of periods) {
    const times: number[] = [];
    let received = 0;
    await computeKpis(handle.db, period, defaultCalendarSettings); // warm-up
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const report = await computeKpis(handle.db, period, defaultCalendarSettings);
      times.push(performance.now() - t0);
      received = report.kpis.complaints.received;
    }
    results.push({ label, received, medianMs: round(median(times)), minMs: round(Math.min(...times)), maxMs: round(Math.max(...times)) });
  }

  const monthFrom = periods[0]!.period.from.toISOString();
  const monthTo = periods[0]!.period.to.toISOString();
  const plan = (await raw.query(`explain (analyze, buffers, costs off) select count(*), count(*) filter (where first_response_state = 'met'), avg(handling_working_ms)
    from complaints where received_at >= $1 and received_at < $2`, [monthFrom, monthTo])).rows.map((r) => r['QUERY PLAN']);
  await raw.end();

  process.stdout.write(`\nKPI computation (db/kpis.ts computeKpis: complaint + gate KPIs), ${rows} complaints, median of ${runs} runs:\n\n`);
  process.stdout.write(`  ${'period'.padEnd(28)} ${'complaints'.padStart(10)} ${'median ms'.padStart(10)} ${'min–max ms'.padStart(16)}\n`);
  for (const r of results) process.stdout.write(`  ${r.label.padEnd(28)} ${String(r.received).padStart(10)} ${String(r.medianMs).padStart(10)} ${`${r.minMs}–${r.maxMs}`.padStart(16)}\n`);
  process.stdout.write(`\nPlan of the complaint aggregate for the month:\n${plan.map((l) => `  ${l}`).join('\n')}\n`);
  process.stdout.write(`\n${JSON.stringify({ rows, runs, results })}\n`);
} finally {
  await handle.close();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
