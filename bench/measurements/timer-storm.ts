import pg from 'pg';
import { apiAs, cast, complaintBody, slaPolicy } from '../lib/api.js';
import { cpuMeter } from '../lib/cpu.js';
import { timerStormFloor, type StormFloorResult } from '../lib/floors.js';
import { round, runConcurrently, summarize } from '../lib/stats.js';
import type { BenchContext, Measurement } from '../lib/types.js';

/**
 * 5. Timer storm: N open complaints whose first-response deadlines fall at the same instant
 * (same receivedAt, same window). Lag from the deadline to the breach being recorded in the
 * projection (p50/p99/max), whether every one escalated, and the drain rate (escalations per
 * second until the last). In the same run its floor: N no-op workflows whose timers fall due at
 * one instant (the order of the two alternates between runs), and the ratio of the drain rates.
 */
export const timerStorm: Measurement = {
  key: 'timerStorm',
  title: 'timer storm (simultaneous deadlines)',
  repetitions: { full: 2, quick: 1 },
  async run(ctx) {
    const n = ctx.quick ? 100 : 1000;
    const windowSeconds = Math.max(15, Math.ceil(n / 8));
    const floorAt = () => Date.now() + 1000 + windowSeconds * 1000;
    const floorFirst = ctx.repetition % 2 === 0;
    const early = floorFirst ? await timerStormFloor(ctx, n, floorAt()) : undefined;
    const row = await cxgovStorm(ctx, n, windowSeconds);
    const floor: StormFloorResult = early ?? (await timerStormFloor(ctx, n, floorAt()));
    return { ...row, floor, ratio: round(row.drainPerSecond / floor.drainPerSecond, 3) };
  },
};

async function cxgovStorm(ctx: BenchContext, n: number, windowSeconds: number) {
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
  const cpu = cpuMeter(ctx.stack);
  try {
    const giveUp = deadline + 120_000;
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
  return {
    complaints: n,
    escalated: seenAt.size,
    allEscalated: seenAt.size === n,
    lagP50Ms: s.p50Ms,
    lagP99Ms: s.p99Ms,
    lagMaxMs: s.maxMs,
    drainPerSecond: round(seenAt.size / Math.max(s.maxMs / 1000, 0.001)),
    cpuMsPerItem: cpu(n),
  };
}
