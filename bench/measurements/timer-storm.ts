import pg from 'pg';
import { apiAs, cast, complaintBody, slaPolicy } from '../lib/api.js';
import { runConcurrently, summarize } from '../lib/stats.js';
import type { Measurement } from '../lib/types.js';

/**
 * 5. Timer storm: N open complaints whose first-response deadlines fall at the same instant
 * (same receivedAt, same window). Lag from the deadline to the breach being recorded in the
 * projection (p50/p99/max) and whether every one escalated.
 */
export const timerStorm: Measurement = {
  key: 'timerStorm',
  title: 'timer storm (simultaneous deadlines)',
  repetitions: { full: 2, quick: 1 },
  async run(ctx) {
    const n = ctx.quick ? 100 : 1000;
    const windowSeconds = Math.max(15, Math.ceil(n / 8));
    const admin = apiAs(ctx.stack, cast.admin);
    await admin.put('/api/v1/policies/sla', slaPolicy({ firstResponse: { amount: windowSeconds, unit: 'second' } }));
    const agent = apiAs(ctx.stack, cast.agent);
    const receivedAt = new Date(Date.now() + 1000);
    const deadline = receivedAt.getTime() + windowSeconds * 1000;
    ctx.progress(`${n} complaints due at ${new Date(deadline).toISOString()}…`);
    const ids: string[] = [];
    await runConcurrently(Array.from({ length: n }), ctx.concurrency, async () => {
      const c = await agent.post('/api/v1/complaints', { ...complaintBody(ctx.runId), receivedAt: receivedAt.toISOString() });
      ids.push(c.id);
    });
    if (Date.now() > deadline) ctx.progress('warning: intake took longer than the window; early breaches count with lag 0');
    await admin.put('/api/v1/policies/sla', slaPolicy());

    const db = new pg.Client({ connectionString: ctx.stack.databaseUrl });
    await db.connect();
    const seenAt = new Map<string, number>();
    try {
      const giveUp = deadline + 60_000;
      while (seenAt.size < ids.length && Date.now() < giveUp) {
        const { rows } = await db.query<{ id: string }>('select id from complaints where breached and escalation_level >= 1 and id = any($1)', [ids]);
        const now = Date.now();
        for (const r of rows) if (!seenAt.has(r.id)) seenAt.set(r.id, now);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await db.end();
    }
    const lags = [...seenAt.values()].map((t) => Math.max(0, t - deadline));
    const s = summarize(lags);
    return { complaints: n, escalated: seenAt.size, allEscalated: seenAt.size === n, lagP50Ms: s.p50Ms, lagP99Ms: s.p99Ms, lagMaxMs: s.maxMs };
  },
};
