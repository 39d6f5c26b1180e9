import { execFileSync } from 'node:child_process';
import { apiAs, cast, complaintBody, slaPolicy } from '../lib/api.js';
import { cpuMeter, formatCpuShare, meanCpuShare } from '../lib/cpu.js';
import { noopFloor } from '../lib/floors.js';
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
 * size it names: filled to the level less half the probes, then three probes of intakes (`--scale-probes` for more), so the
 * probes straddle the level. A level the stack is already past when reached (only possible if the
 * probes outgrow the gap to it) is measured all the same and marked `passed`, never skipped.
 *
 * Each intake probe follows a probe of the raw floor (as many no-op workflows, on the same engine
 * with the same open workflows), so each level carries its floor measured beside it. On a shared
 * machine whose speed drifts between levels (three runs of the same code on one morning measured
 * 1k at 30.4, 27.1 and 25.6/s), the ratio to that floor is what compares levels; the floor's own
 * change says what the engine and the machine lost.
 */
export const scale: Measurement = {
  key: 'scale',
  title: 'scale (open complaints)',
  repetitions: { full: 1, quick: 1 },
  ownStack: true,
  async run(ctx) {
    const levels = ctx.scaleLevels ?? (ctx.quick ? [200, 600] : [1000, 10_000, 50_000]);
    const probes = ctx.scaleProbes ?? 3;
    const probeSize = ctx.quick ? 40 : 200;
    ctx.progress('a fresh stack for the scale levels…');
    const stack = await startBenchStack(ctx.progress, ctx.engine);
    const byLevel: Record<string, unknown> = {};
    const rates: Record<string, number[]> = {};
    const floorRates: Record<string, number> = {};
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
          const floorProbes = [];
          // CPU per intake of every process, per probe and over the level's probes (their mean):
          // which role grows with the open complaints (docs/performance.md, the cluster's scale levels).
          for (let p = 0; p < probes; p++) {
            // The floors' worker warmed first at each level, as the raw row warms it.
            const floor = await noopFloor({ ...ctx, stack }, probeSize, p === 0 ? 50 : 0);
            floorProbes.push({ perSecond: floor.perSecond, p50Ms: floor.p50Ms, cpuMsPerItem: floor.cpuMsPerItem });
            const started = performance.now();
            const probeCpu = cpuMeter(stack);
            const latencies = await intakes(probeSize, ctx.concurrency);
            probeResults.push({ perSecond: round(probeSize / ((performance.now() - started) / 1000)), ...summarize(latencies), cpuMsPerItem: probeCpu(probeSize) });
          }
          const cpuMsPerItem = meanCpuShare(probeResults.map((r) => r.cpuMsPerItem));
          const openAfter = await openCount();
          const p = stack.processes();
          rates[String(level)] = probeResults.map((r) => r.perSecond);
          floorRates[String(level)] = median(floorProbes.map((f) => f.perSecond));
          const ratio = median(rates[String(level)]!) / floorRates[String(level)]!;
          byLevel[String(level)] = {
            openBefore,
            openAfter,
            passed,
            perSecond: round(median(rates[String(level)]!)),
            floor: { shape: 'no-op workflow: start, one workflow task, complete (a probe before each intake probe)', perSecond: round(floorRates[String(level)]!), probes: floorProbes },
            ratio: round(ratio, 3),
            probes: probeResults,
            cpuMsPerItem,
            memoryMiB: { worker: residentMiB(p.worker), api: residentMiB(p.api), temporal: residentMiBOf(Object.values(p.temporal).flat()), postgres: postgresMiB() },
          };
          ctx.progress(`${level} open (${openBefore}→${openAfter} during the probes): ${rates[String(level)]!.join(', ')}/s; floor ${floorProbes.map((f) => f.perSecond).join(', ')}/s, ratio ${round(ratio, 3)}; CPU ms per intake: ${formatCpuShare(cpuMsPerItem)}`);
        }
      } finally {
        await db.end();
      }
    } finally {
      await stack.stop();
    }
    const change = (atLevel: Record<string, number>) => round(((atLevel[String(levels.at(-1))]! - atLevel[String(levels[0])]!) / atLevel[String(levels[0])]!) * 100);
    const medians = Object.fromEntries(Object.entries(rates).map(([level, r]) => [level, median(r)]));
    const ratios = Object.fromEntries(Object.entries(medians).map(([level, rate]) => [level, rate / floorRates[level]!]));
    return {
      levels: byLevel,
      probesPerLevel: probes,
      perSecond: round(medians[String(levels.at(-1))]!),
      /** The intake rate's change from the first level to the last (the target: within 10 %). */
      rateChangePct: change(medians),
      /** The raw floor's over the same levels: what the engine with more open workflows, and the machine, lost. */
      floorChangePct: change(floorRates),
      /** The intake's ratio to its floor, first level to last: what cxgov loses beyond the engine and the machine. */
      ratioChangePct: change(ratios),
    };
  },
};
