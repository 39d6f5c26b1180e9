import { apiAs, cast, complaintBody, slaPolicy } from '../lib/api.js';
import { cpuMeter } from '../lib/cpu.js';
import { runConcurrently, summarize } from '../lib/stats.js';
import type { Measurement } from '../lib/types.js';

/**
 * 3. Full lifecycle: intake → response → resolution → satisfied feedback → closed, many
 * complaints in parallel; completed complaints per second and the p99 of each command.
 */
export const lifecycle: Measurement = {
  key: 'lifecycle',
  title: 'full complaint lifecycle',
  async run(ctx) {
    const admin = apiAs(ctx.stack, cast.admin);
    if (ctx.repetition === 0) await admin.put('/api/v1/policies/sla', slaPolicy());
    const agent = apiAs(ctx.stack, cast.agent);
    const n = ctx.quick ? 50 : 400;
    const commands: Record<string, number[]> = { intake: [], response: [], resolution: [], feedback: [] };
    const timed = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      const out = await f();
      commands[name]!.push(performance.now() - t);
      return out;
    };
    const cpu = cpuMeter(ctx.stack);
    const started = performance.now();
    await runConcurrently(Array.from({ length: n }), ctx.concurrency, async () => {
      const c = await timed('intake', () => agent.post('/api/v1/complaints', complaintBody(ctx.runId)));
      await timed('response', () => agent.post(`/api/v1/complaints/${c.id}/responses`, { message: 'We are on it', channel: 'app' }));
      await timed('resolution', () => agent.post(`/api/v1/complaints/${c.id}/resolution`, { summary: 'Card unblocked', remedy: 'unblock' }));
      const closed = await timed('feedback', () => agent.post(`/api/v1/complaints/${c.id}/customer-feedback`, { satisfied: true, via: 'callback', comment: 'thanks' }));
      if (closed.status !== 'closed') throw new Error(`complaint ${c.id} ended ${closed.status}, expected closed`);
    });
    const seconds = (performance.now() - started) / 1000;
    const all = Object.values(commands).flat();
    const perCommandP99Ms = Object.fromEntries(Object.entries(commands).map(([k, v]) => [k, summarize(v).p99Ms]));
    return { perSecond: n / seconds, ...summarize(all), perCommandP99Ms, cpuMsPerItem: cpu(n) };
  },
};
