import { apiAs, cast, complaintBody, slaPolicy } from '../lib/api.js';
import { cpuMeter } from '../lib/cpu.js';
import { runConcurrently, summarize, warmUp } from '../lib/stats.js';
import type { Measurement } from '../lib/types.js';

/** 2. Intake: complaints accepted per second through POST /api/v1/complaints, with latency. */
export const intake: Measurement = {
  key: 'intake',
  title: 'intake (POST /complaints)',
  async run(ctx) {
    const admin = apiAs(ctx.stack, cast.admin);
    if (ctx.repetition === 0) await admin.put('/api/v1/policies/sla', slaPolicy());
    const agent = apiAs(ctx.stack, cast.agent);
    if (ctx.repetition === 0) await warmUp(ctx.quick ? 50 : 200, ctx.concurrency, () => agent.post('/api/v1/complaints', complaintBody(ctx.runId)));
    const n = ctx.quick ? 150 : 1500;
    const cpu = cpuMeter(ctx.stack);
    const started = performance.now();
    const latencies = await runConcurrently(Array.from({ length: n }), ctx.concurrency, async () => {
      await agent.post('/api/v1/complaints', complaintBody(ctx.runId));
    });
    const perSecond = n / ((performance.now() - started) / 1000);
    return { perSecond, ...summarize(latencies), cpuMsPerItem: cpu(n) };
  },
};
