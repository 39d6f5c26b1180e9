import { apiAs, cast, complaintBody, slaPolicy, type Api } from '../lib/api.js';
import { cpuMeter } from '../lib/cpu.js';
import { skeletonFloor, timersStarted } from '../lib/floors.js';
import { round, runConcurrently, runPaced, summarize, warmUp } from '../lib/stats.js';
import type { BenchContext, Measurement } from '../lib/types.js';
import { complaintWorkflowId } from '../../workflows/complaint/messages.js';

type CommandName = 'intake' | 'response' | 'resolution' | 'feedback';
type Timings = Record<CommandName, number[]>;

const noTimings = (): Timings => ({ intake: [], response: [], resolution: [], feedback: [] });

/** One complaint from intake to closed through the API, each command's latency noted; returns its id. */
async function driveToClosed(agent: Api, ctx: BenchContext, timings: Timings): Promise<string> {
  const timed = async <T>(name: CommandName, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await f();
    timings[name].push(performance.now() - t);
    return out;
  };
  const c = await timed('intake', () => agent.post('/api/v1/complaints', complaintBody(ctx.runId)));
  await timed('response', () => agent.post(`/api/v1/complaints/${c.id}/responses`, { message: 'We are on it', channel: 'app' }));
  await timed('resolution', () => agent.post(`/api/v1/complaints/${c.id}/resolution`, { summary: 'Card unblocked', remedy: 'unblock' }));
  const closed = await timed('feedback', () => agent.post(`/api/v1/complaints/${c.id}/customer-feedback`, { satisfied: true, via: 'callback', comment: 'thanks' }));
  if (closed.status !== 'closed') throw new Error(`complaint ${c.id} ended ${closed.status}, expected closed`);
  return c.id;
}

const p99s = (t: Timings) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, summarize(v).p99Ms]));

/**
 * 3. Full lifecycle: intake → response → resolution → satisfied feedback → closed.
 * Peak: many complaints in parallel (closed loop); completed complaints per second and the p99
 * of each command there. In the same run its floor: skeleton lifecycles (the same four updates and
 * as many timers as a real complaint's history shows, no activity) with the same count and
 * concurrency, and the ratio. Then docs/quality-bars.md's latency bar: complaints arriving open-loop at half
 * the peak rate, with the p99 of each command at that rate.
 */
export const lifecycle: Measurement = {
  key: 'lifecycle',
  title: 'full complaint lifecycle',
  async run(ctx) {
    const admin = apiAs(ctx.stack, cast.admin);
    if (ctx.repetition === 0) await admin.put('/api/v1/policies/sla', slaPolicy());
    const agent = apiAs(ctx.stack, cast.agent);
    const warm = ctx.repetition === 0 ? (ctx.quick ? 10 : 40) : 0;
    // A real complaint's history says how many timers the skeleton must start.
    const sample = await driveToClosed(agent, ctx, noTimings());
    await ctx.stack.temporal.workflow.getHandle(complaintWorkflowId(sample)).result();
    const timers = await timersStarted(ctx, complaintWorkflowId(sample));

    const n = ctx.quick ? 50 : 400;
    const measureCxgov = async () => {
      if (warm) await warmUp(warm, ctx.concurrency, () => driveToClosed(agent, ctx, noTimings()).then(() => undefined));
      const peak = noTimings();
      const cpu = cpuMeter(ctx.stack);
      const started = performance.now();
      await runConcurrently(Array.from({ length: n }), ctx.concurrency, () => driveToClosed(agent, ctx, peak).then(() => undefined));
      return { perSecond: n / ((performance.now() - started) / 1000), peak, cpuMsPerItem: cpu(n) };
    };
    const floorFirst = ctx.repetition % 2 === 0;
    const early = floorFirst ? await skeletonFloor(ctx, n, timers, warm) : undefined;
    const row = await measureCxgov();
    const floor = early ?? (await skeletonFloor(ctx, n, timers, warm));

    const halfRate = row.perSecond / 2;
    const pacedCount = Math.max(10, Math.round(halfRate * (ctx.quick ? 6 : 30)));
    ctx.progress(`${pacedCount} complaints arriving at half the peak, ${round(halfRate)}/s…`);
    const paced = noTimings();
    await runPaced(Array.from({ length: pacedCount }), halfRate, () => driveToClosed(agent, ctx, paced).then(() => undefined));
    const pacedAll = summarize(Object.values(paced).flat());

    return {
      perSecond: row.perSecond,
      ...summarize(Object.values(row.peak).flat()),
      perCommandP99Ms: p99s(row.peak),
      halfPeak: { perSecond: round(halfRate), complaints: pacedCount, p50Ms: pacedAll.p50Ms, p99Ms: pacedAll.p99Ms, perCommandP99Ms: p99s(paced) },
      cpuMsPerItem: row.cpuMsPerItem,
      timersPerLifecycle: timers,
      floor,
      ratio: round(row.perSecond / floor.perSecond, 3),
    };
  },
};
