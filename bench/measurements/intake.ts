import { apiAs, cast, complaintBody, slaPolicy } from '../lib/api.js';
import { cpuMeter } from '../lib/cpu.js';
import { complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { intakePayloads, noopFloor, skeletonIntakeFloor } from '../lib/floors.js';
import { round, runConcurrently, summarize, warmUp } from '../lib/stats.js';
import type { Measurement } from '../lib/types.js';

/**
 * 2. Intake: complaints accepted per second through POST /api/v1/complaints, with latency, and in
 * the same run its floor (no-op workflows, same count and concurrency) and the ratio to it. The
 * order of the two alternates between runs, so a drift of the machine does not favour either.
 * Last, the intake's shape alone (`shape`: skeleton intakes carrying a real intake's payloads),
 * which splits the row's CPU into what Temporal and the SDK need for the shape and what cxgov
 * adds (bench/ratio-budget.ts).
 */
export const intake: Measurement = {
  key: 'intake',
  title: 'intake (POST /complaints)',
  async run(ctx) {
    const admin = apiAs(ctx.stack, cast.admin);
    if (ctx.repetition === 0) await admin.put('/api/v1/policies/sla', slaPolicy());
    const agent = apiAs(ctx.stack, cast.agent);
    const n = ctx.quick ? 150 : 1500;
    const warm = ctx.repetition === 0 ? (ctx.quick ? 50 : 200) : 0;
    let lastId = '';
    const measureIntake = async () => {
      if (warm) await warmUp(warm, ctx.concurrency, () => agent.post('/api/v1/complaints', complaintBody(ctx.runId)));
      const cpu = cpuMeter(ctx.stack);
      const started = performance.now();
      const latencies = await runConcurrently(Array.from({ length: n }), ctx.concurrency, async () => {
        lastId = ((await agent.post('/api/v1/complaints', complaintBody(ctx.runId))) as { id: string }).id;
      });
      return { perSecond: n / ((performance.now() - started) / 1000), ...summarize(latencies), cpuMsPerItem: cpu(n) };
    };
    const floorFirst = ctx.repetition % 2 === 0;
    const floor = floorFirst ? await noopFloor(ctx, n, warm) : undefined;
    const row = await measureIntake();
    const floorAfter = floor ?? (await noopFloor(ctx, n, warm));
    const shape = await skeletonIntakeFloor(ctx, n, warm, await intakePayloads(ctx, complaintWorkflowId(lastId)));
    return { ...row, floor: floorAfter, ratio: round(row.perSecond / floorAfter.perSecond, 3), shape };
  },
};
