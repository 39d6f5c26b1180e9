import { execFileSync } from 'node:child_process';
import { apiAs, cast, complaintBody, slaPolicy } from '../lib/api.js';
import { residentMiB } from '../lib/stack.js';
import { round, runConcurrently, summarize } from '../lib/stats.js';
import type { Measurement } from '../lib/types.js';

/** Resident memory of all PostgreSQL server processes (MiB). */
function postgresMiB(): number | null {
  try {
    const out = execFileSync('ps', ['-C', 'postgres', '-o', 'rss='], { encoding: 'utf8' });
    return round(out.split('\n').filter(Boolean).reduce((a, l) => a + Number(l.trim()), 0) / 1024);
  } catch {
    return null;
  }
}

/**
 * 6. Scale: fill to 1k / 10k / 50k open complaints, then measure the intake rate and the resident
 * memory of worker, API, Temporal and PostgreSQL at each level, so the cost of growth shows.
 */
export const scale: Measurement = {
  key: 'scale',
  title: 'scale (open complaints)',
  repetitions: { full: 1, quick: 1 },
  async run(ctx) {
    const levels = ctx.quick ? [200, 600] : [1000, 10_000, 50_000];
    const probe = ctx.quick ? 100 : 500;
    const admin = apiAs(ctx.stack, cast.admin);
    await admin.put('/api/v1/policies/sla', slaPolicy());
    const agent = apiAs(ctx.stack, cast.agent);
    const db = await import('pg').then((m) => new m.default.Client({ connectionString: ctx.stack.databaseUrl }));
    await db.connect();
    const openCount = async () => Number((await db.query("select count(*) from complaints where status <> 'closed'")).rows[0].count);
    const byLevel: Record<string, unknown> = {};
    try {
      for (const level of levels) {
        let open = await openCount();
        while (open < level) {
          const batch = Math.min(level - open, 2000);
          ctx.progress(`filling: ${open} → ${open + batch} open complaints…`);
          await runConcurrently(Array.from({ length: batch }), ctx.concurrency * 2, async () => {
            await agent.post('/api/v1/complaints', complaintBody(ctx.runId));
          });
          open = await openCount();
        }
        const started = performance.now();
        const latencies = await runConcurrently(Array.from({ length: probe }), ctx.concurrency, async () => {
          await agent.post('/api/v1/complaints', complaintBody(ctx.runId));
        });
        const perSecond = round(probe / ((performance.now() - started) / 1000));
        byLevel[String(level)] = {
          open: await openCount(),
          perSecond,
          ...summarize(latencies),
          memoryMiB: { worker: residentMiB(ctx.stack.pids.worker), api: residentMiB(ctx.stack.pids.api), temporal: residentMiB(ctx.stack.pids.temporal), postgres: postgresMiB() },
        };
        ctx.progress(`${level} open: ${perSecond}/s`);
      }
    } finally {
      await db.end();
    }
    const first = byLevel[String(levels[0])] as { perSecond: number };
    const last = byLevel[String(levels.at(-1))] as { perSecond: number };
    return { levels: byLevel, perSecond: last.perSecond, rateChangePct: round(((last.perSecond - first.perSecond) / first.perSecond) * 100) };
  },
};
