import { execFileSync } from 'node:child_process';
import { apiAs, cast, complaintBody, slaPolicy } from '../lib/api.js';
import { cpuMeter, formatCpuShare } from '../lib/cpu.js';
import { residentMiB, residentMiBOf, startBenchStack } from '../lib/stack.js';
import { median, round, runConcurrently, summarize } from '../lib/stats.js';
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
 * 6. Scale: the intake rate and the resident memory of each process at 1k / 10k / 50k open
 * complaints, on a stack of its own (same engine, empty), so that each level is measured at the
 * size it names: filled to the level less half the probes, then three probes of intakes, so the
 * probes straddle the level. A level the stack is already past when reached (only possible if the
 * probes outgrow the gap to it) is measured all the same and marked `passed`, never skipped.
 */
export const scale: Measurement = {
  key: 'scale',
  title: 'scale (open complaints)',
  repetitions: { full: 1, quick: 1 },
  ownStack: true,
  async run(ctx) {
    const levels = ctx.scaleLevels ?? (ctx.quick ? [200, 600] : [1000, 10_000, 50_000]);
    const probes = 3;
    const probeSize = ctx.quick ? 40 : 200;
    ctx.progress('a fresh stack for the scale levels…');
    const stack = await startBenchStack(ctx.progress, ctx.engine);
    const byLevel: Record<string, unknown> = {};
    const rates: Record<string, number[]> = {};
    try {
      const admin = apiAs(stack, cast.admin);
      await admin.put('/api/v1/policies/sla', slaPolicy());
      const agent = apiAs(stack, cast.agent);
      const db = await import('pg').then((m) => new m.default.Client({ connectionString: stack.databaseUrl }));
      await db.connect();
      const openCount = async () => Number((await db.query("select count(*) from complaints where status <> 'closed'")).rows[0].count);
      // The fill is not measured: a command that got no answer in time (503) is retried there,
      // so an hour of filling is not lost to one slow moment. The probes take no retry.
      const intakes = (count: number, concurrency: number, retried = false) =>
        runConcurrently(Array.from({ length: count }), concurrency, async () => {
          await (retried ? agent.postRetried : agent.post)('/api/v1/complaints', complaintBody(ctx.runId));
        });
      try {
        for (const level of levels) {
          const fillTo = level - (probes * probeSize) / 2;
          let open = await openCount();
          const passed = open > fillTo;
          while (open < fillTo) {
            const batch = Math.min(fillTo - open, 2000);
            ctx.progress(`filling: ${open} → ${open + batch} open complaints…`);
            await intakes(batch, ctx.concurrency * 2, true);
            open = await openCount();
          }
          const openBefore = open;
          const probeResults = [];
          // CPU per intake of every process, per probe and over the level's probes: which role
          // grows with the open complaints (docs/performance.md, the cluster's scale levels).
          const levelCpu = cpuMeter(stack);
          for (let p = 0; p < probes; p++) {
            const started = performance.now();
            const probeCpu = cpuMeter(stack);
            const latencies = await intakes(probeSize, ctx.concurrency);
            probeResults.push({ perSecond: round(probeSize / ((performance.now() - started) / 1000)), ...summarize(latencies), cpuMsPerItem: probeCpu(probeSize) });
          }
          const cpuMsPerItem = levelCpu(probes * probeSize);
          const openAfter = await openCount();
          const p = stack.processes();
          rates[String(level)] = probeResults.map((r) => r.perSecond);
          byLevel[String(level)] = {
            openBefore,
            openAfter,
            passed,
            perSecond: round(median(rates[String(level)]!)),
            probes: probeResults,
            cpuMsPerItem,
            memoryMiB: { worker: residentMiB(p.worker), api: residentMiB(p.api), temporal: residentMiBOf(Object.values(p.temporal).flat()), postgres: postgresMiB() },
          };
          ctx.progress(`${level} open (${openBefore}→${openAfter} during the probes): ${rates[String(level)]!.join(', ')}/s; CPU ms per intake: ${formatCpuShare(cpuMsPerItem)}`);
        }
      } finally {
        await db.end();
      }
    } finally {
      await stack.stop();
    }
    const first = median(rates[String(levels[0])]!);
    const last = median(rates[String(levels.at(-1))]!);
    return { levels: byLevel, perSecond: round(last), rateChangePct: round(((last - first) / first) * 100) };
  },
};
