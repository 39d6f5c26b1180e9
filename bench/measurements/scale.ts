import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { loadConfig } from '../../config/config.js';
import { apiAs, cast, complaintBody, slaPolicy } from '../lib/api.js';
import { cpuMeter, formatCpuShare, meanCpuShare } from '../lib/cpu.js';
import { noopFloor } from '../lib/floors.js';
import { againstReference, changePct, probeOrder } from '../lib/scale-reference.js';
import { connectionsFree, postgresTargetFrom } from '../../scripts/lib/cluster/databases.js';
import { benchAdminUrl, residentMiB, residentMiBOf, stackConnections, startBenchStack, type BenchStack } from '../lib/stack.js';
import { median, round, runConcurrently, summarize } from '../lib/stats.js';
import type { BenchContext, Measurement } from '../lib/types.js';

/** Resident memory of all PostgreSQL server processes (MiB). */
function postgresMiB(): number | null {
  try {
    const out = execFileSync('ps', ['-C', 'postgres', '-o', 'rss='], { encoding: 'utf8' });
    return round(out.split('\n').filter(Boolean).reduce((a, l) => a + Number(l.trim()), 0) / 1024);
  } catch {
    return null;
  }
}

/** One stack of the scale measurement: its API client and its count of open complaints. */
interface ScaleStack {
  name: 'measured' | 'reference';
  stack: BenchStack;
  openCount(): Promise<number>;
  /** `count` intakes at `concurrency`; the fill retries a 503 with its Idempotency-Key, a probe does not. */
  intakes(count: number, concurrency: number, retried?: boolean): Promise<number[]>;
  close(): Promise<void>;
}

async function scaleStack(name: ScaleStack['name'], ctx: BenchContext, progress: (msg: string) => void): Promise<ScaleStack> {
  const stack = await startBenchStack(progress, ctx.engine);
  try {
    await apiAs(stack, cast.admin).put('/api/v1/policies/sla', slaPolicy());
    const agent = apiAs(stack, cast.agent);
    const db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
    return {
      name,
      stack,
      openCount: async () => Number((await db.query("select count(*) from complaints where status <> 'closed'")).rows[0].count),
      intakes: (count, concurrency, retried = false) =>
        runConcurrently(Array.from({ length: count }), concurrency, async () => {
          await (retried ? agent.postRetried : agent.post)('/api/v1/complaints', complaintBody(ctx.runId));
        }),
      close: async () => {
        await db.end().catch(() => undefined);
        await stack.stop();
      },
    };
  } catch (err) {
    await stack.stop();
    throw err;
  }
}

/** Fills a stack to `target` open complaints (not measured), in batches that print progress. */
async function fill(s: ScaleStack, target: number, ctx: BenchContext): Promise<number> {
  let open = await s.openCount();
  while (open < target) {
    const batch = Math.min(target - open, 2000);
    ctx.progress(`filling the ${s.name} stack: ${open} → ${open + batch} open complaints…`);
    await s.intakes(batch, ctx.concurrency * 2, true);
    open = await s.openCount();
  }
  return open;
}

/**
 * One probe: the raw floor's no-op workflows, then as many intakes, with the CPU of every process
 * of that stack, and what the other stack, idle meanwhile, spent beside it (`besideCpuMs`, its
 * processes and its databases' backends): the pairs assume it takes little from the machine, and
 * a stack with 50k open complaints might not (timers, sweepers, shard upkeep).
 */
async function probe(s: ScaleStack, beside: ScaleStack, ctx: BenchContext, size: number, warm: number) {
  // The floors' worker warmed first at each level, as the raw row warms it.
  const floor = await noopFloor({ ...ctx, stack: s.stack }, size, warm);
  const started = performance.now();
  const cpu = cpuMeter(s.stack);
  const besideCpu = cpuMeter(beside.stack);
  const latencies = await s.intakes(size, ctx.concurrency);
  const seconds = (performance.now() - started) / 1000;
  const idle = besideCpu(1);
  return {
    floor: { perSecond: floor.perSecond, p50Ms: floor.p50Ms, cpuMsPerItem: floor.cpuMsPerItem },
    intake: {
      perSecond: round(size / seconds),
      ...summarize(latencies),
      cpuMsPerItem: cpu(size),
      besideCpuMs: { worker: idle.worker, api: idle.api, temporal: idle.temporal, postgres: idle.postgres, perSecond: round(['worker', 'api', 'temporal', 'postgres'].reduce((ms, k) => ms + (idle[k] ?? 0), 0) / seconds) },
    },
  };
}

type Probe = Awaited<ReturnType<typeof probe>>;

/** A level's medians of the intake and floor probes, unrounded (the changes between levels are taken from them). */
function levelMedians(probes: Probe[]): { rate: number; floor: number } {
  return { rate: median(probes.map((p) => p.intake.perSecond)), floor: median(probes.map((p) => p.floor.perSecond)) };
}

/** A stack's figures at one level: its rates, its floor beside them, its CPU per intake, its memory. */
function levelFigures(s: ScaleStack, probes: Probe[], openBefore: number, openAfter: number, passed?: boolean) {
  const { rate: perSecond, floor } = levelMedians(probes);
  const p = s.stack.processes();
  return {
    openBefore,
    openAfter,
    ...(passed === undefined ? {} : { passed }),
    perSecond: round(perSecond),
    floor: { shape: 'no-op workflow: start, one workflow task, complete (a probe before each intake probe)', perSecond: round(floor), probes: probes.map((x) => x.floor) },
    ratio: round(perSecond / floor, 3),
    probes: probes.map((x) => x.intake),
    cpuMsPerItem: meanCpuShare(probes.map((x) => x.intake.cpuMsPerItem)),
    memoryMiB: { worker: residentMiB(p.worker), api: residentMiB(p.api), temporal: residentMiBOf(Object.values(p.temporal).flat()), postgres: postgresMiB() },
  };
}

/**
 * 6. Scale: the intake rate and the resident memory of each process at 1k / 10k / 50k open
 * complaints, on a stack of its own (same engine, empty), so that each level is measured at the
 * size it names: filled to the level less half the probes, then three probes of intakes
 * (`--scale-probes` for more), so the probes straddle the level. A level the stack is already past
 * when reached (only possible if the probes outgrow the gap to it) is measured all the same and
 * marked `passed`, never skipped.
 *
 * Each intake probe follows a probe of the raw floor (as many no-op workflows, on the same engine
 * with the same open workflows), so each level carries its floor measured beside it. And each
 * probe of the filled stack is paired with one of a **reference stack** (a second stack of the same
 * engine, held near the first level: it only grows by its own probes), taken right beside it
 * (bench/lib/scale-reference.ts): the machine's speed drifts between levels by more than the target's
 * 10 % (three runs of the same code on one morning measured 1k at 30.4, 27.1 and 25.6/s), and the
 * pair's ratio divides that drift out. `changeAgainstReferencePct` is the target's figure so
 * measured; `rateChangePct` is the plain change of the rates, kept beside it.
 */
export const scale: Measurement = {
  key: 'scale',
  title: 'scale (open complaints)',
  repetitions: { full: 1, quick: 1 },
  ownStack: true,
  // Two stacks at once (the measured one and the reference): on a cluster about 130 connections,
  // more than a default PostgreSQL's 100. Found before the run starts, not as a 500 in the fill.
  async preflight({ engine }) {
    // The pool size every role of the run reads (DATABASE_POOL_MAX, or its default), read the same way.
    const need = 2 * stackConnections(engine, loadConfig(process.env).DATABASE_POOL_MAX);
    const { free, max } = await connectionsFree(postgresTargetFrom(benchAdminUrl));
    if (free < need)
      throw new Error(
        `the scale measurement runs two ${engine} stacks at once (the measured one and its reference), which may take ${need} PostgreSQL connections; this server takes ${free} more (max_connections ${max}). Raise it for the run (ALTER SYSTEM SET max_connections = ${max + need - free + 20}, then restart PostgreSQL) or leave scale out (--only).`,
      );
  },
  async run(ctx) {
    const levels = ctx.scaleLevels ?? (ctx.quick ? [200, 600] : [1000, 10_000, 50_000]);
    const probes = ctx.scaleProbes ?? 3;
    const probeSize = ctx.quick ? 40 : 200;
    const fillTo = (level: number) => level - (probes * probeSize) / 2;
    ctx.progress('a fresh stack to fill through the scale levels…');
    const measuredStack = await scaleStack('measured', ctx, ctx.progress);
    const byLevel: Record<string, ReturnType<typeof levelFigures> & { reference: ReturnType<typeof levelFigures>; againstReference: number }> = {};
    // Per level, the unrounded figures the changes between levels are taken from.
    const exact: Record<string, { measured: ReturnType<typeof levelMedians>; reference: ReturnType<typeof levelMedians>; against: number }> = {};
    // Pairs counted over the whole run, so the alternation of who goes first carries across levels.
    let pair = 0;
    try {
      ctx.progress(`a second, reference stack, held near ${levels[0]} open complaints and probed beside each probe…`);
      const reference = await scaleStack('reference', ctx, ctx.progress);
      try {
        await fill(reference, fillTo(levels[0]!), ctx);
        for (const level of levels) {
          const passed = (await measuredStack.openCount()) > fillTo(level);
          const openBefore = await fill(measuredStack, fillTo(level), ctx);
          const referenceOpenBefore = await reference.openCount();
          const probed = new Map<ScaleStack, Probe[]>([
            [measuredStack, []],
            [reference, []],
          ]);
          for (let p = 0; p < probes; p++, pair++) {
            for (const s of probeOrder(pair, measuredStack, reference)) probed.get(s)!.push(await probe(s, s === measuredStack ? reference : measuredStack, ctx, probeSize, p === 0 ? 50 : 0));
          }
          const ours = levelFigures(measuredStack, probed.get(measuredStack)!, openBefore, await measuredStack.openCount(), passed);
          const theirs = levelFigures(reference, probed.get(reference)!, referenceOpenBefore, await reference.openCount());
          const vsReference = againstReference(
            ours.probes.map((x) => x.perSecond),
            theirs.probes.map((x) => x.perSecond),
          );
          byLevel[String(level)] = { ...ours, reference: theirs, againstReference: round(vsReference, 3) };
          exact[String(level)] = { measured: levelMedians(probed.get(measuredStack)!), reference: levelMedians(probed.get(reference)!), against: vsReference };
          ctx.progress(
            `${level} open (${ours.openBefore}→${ours.openAfter} during the probes): ${ours.probes.map((x) => x.perSecond).join(', ')}/s; floor ${ours.floor.probes.map((f) => f.perSecond).join(', ')}/s, ratio ${ours.ratio}; CPU ms per intake: ${formatCpuShare(ours.cpuMsPerItem)}`,
          );
          ctx.progress(
            `  reference (${theirs.openBefore}→${theirs.openAfter} open): ${theirs.probes.map((x) => x.perSecond).join(', ')}/s; CPU ms per intake: ${formatCpuShare(theirs.cpuMsPerItem)}; the level against it: ${round(vsReference, 3)}; the ${level}-level stack idle beside these probes: ${median(theirs.probes.map((x) => x.besideCpuMs.perSecond))} ms CPU/s, the reference beside its probes ${median(ours.probes.map((x) => x.besideCpuMs.perSecond))}`,
          );
        }
      } finally {
        await reference.close();
      }
    } finally {
      await measuredStack.close();
    }
    const first = exact[String(levels[0])]!;
    const last = exact[String(levels.at(-1))]!;
    return {
      levels: byLevel,
      probesPerLevel: probes,
      perSecond: byLevel[String(levels.at(-1))]!.perSecond,
      /** The intake rate's change from the first level to the last (the target's figure, measured plainly). */
      rateChangePct: changePct(first.measured.rate, last.measured.rate),
      /** The same against the reference probed beside each probe: the machine's drift divided out. */
      changeAgainstReferencePct: changePct(first.against, last.against),
      /** The reference's own change over the same time (near its first level throughout): the machine's drift, mostly. */
      referenceChangePct: changePct(first.reference.rate, last.reference.rate),
      /** The raw floor's over the same levels: what the engine with more open workflows, and the machine, lost. */
      floorChangePct: changePct(first.measured.floor, last.measured.floor),
      /** The intake's ratio to its floor, first level to last: what cxgov loses beyond the engine and the machine. */
      ratioChangePct: changePct(first.measured.rate / first.measured.floor, last.measured.rate / last.measured.floor),
    };
  },
};
