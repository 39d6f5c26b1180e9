import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { measurements } from './measurements/index.js';
import { formatCpuShare } from './lib/cpu.js';
import { combine } from './lib/combine.js';
import { autovacuumOn, autovacuumWarning, postgresTargetFrom, sharedBuffers } from '../scripts/lib/cluster/databases.js';
import { configKeys } from '../config/config.js';
import { benchAdminUrl, benchSettings, settingsGiven, startBenchStack, stopAllBenchStacks, type Engine } from './lib/stack.js';
import { coresCheck, type RatedShare } from './lib/ratio-budget.js';
import { round } from './lib/stats.js';
import type { RunResult } from './lib/types.js';

/**
 * `npm run bench [-- --engine dev|cluster] [--quick] [--only raw,intake] [--runs N] [--scale-levels 1000,10000] [--scale-probes 5]`: starts the
 * full stack on the chosen Temporal engine, runs the measurements of docs/quality-bars.md, prints a table
 * and writes bench/results/<timestamp>.json. Every field of a result is the median over the
 * repeated runs (bench/lib/combine.ts), with the spread of the headline; each row's floor is
 * measured in the same run, so the ratios hold on a noisy machine.
 */
const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'dev' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string' },
    concurrency: { type: 'string', default: '32' },
    // Open-complaint levels of the scale measurement instead of its defaults (1k/10k/50k; quick 200/600).
    'scale-levels': { type: 'string' },
    // Intake probes per scale level, each with a floor probe before it (default 3, the least the targets take).
    'scale-probes': { type: 'string' },
  },
});
if (values.engine !== 'dev' && values.engine !== 'cluster') throw new Error(`--engine dev or --engine cluster, not ${values.engine}`);
const engine: Engine = values.engine;
const quick = values.quick!;
const only = values.only?.split(',');
const scaleLevels = values['scale-levels']?.split(',').map((l) => {
  const n = Number(l);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--scale-levels takes whole numbers of open complaints, comma-separated, not ${l}`);
  return n;
});
const scaleProbes = values['scale-probes'] === undefined ? undefined : Number(values['scale-probes']);
if (scaleProbes !== undefined && (!Number.isInteger(scaleProbes) || scaleProbes < 3)) throw new Error(`--scale-probes takes a whole number of at least 3 (three probes per level is the least the scale target takes), not ${values['scale-probes']}`);
const startedAt = new Date();
const runId = startedAt.getTime().toString(36);
const progress = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

const selected = measurements.filter((m) => !only || only.includes(m.key));
// The PostgreSQL server's autovacuum is part of the machine: without it Temporal's task tables
// (queues) keep every deleted row under each read (docs/operations.md "Sizing").
const postgresAutovacuum = await autovacuumOn(postgresTargetFrom(benchAdminUrl)).catch((err: Error) => {
  progress(`could not read PostgreSQL's autovacuum setting (${err.message}); recorded as null`);
  return null;
});
if (postgresAutovacuum === false) progress(autovacuumWarning);
const postgresSharedBuffers = await sharedBuffers(postgresTargetFrom(benchAdminUrl)).catch(() => undefined);
// What a measurement needs of the machine is checked before an hour of others is spent.
for (const m of selected) await m.preflight?.({ engine, progress });
const environmentSettings = settingsGiven(process.env, configKeys);
if (Object.keys(environmentSettings).length) progress(`not the shipped defaults: ${Object.entries(environmentSettings).map(([k, v]) => `${k}=${v}`).join(' ')}`);
// The shared stack, for every measurement but those that run on a stack of their own (last).
let stack = selected.some((m) => !m.ownStack) ? await startBenchStack(progress, engine) : undefined;
// Ctrl-C (or a SIGTERM) stops every stack's processes and drops their databases before leaving.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping…`);
    void stopAllBenchStacks().finally(() => process.exit(130));
  });
}
const results: Record<string, unknown> = {};
const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}`, postgresAutovacuum, postgresSharedBuffers };
const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
// Written after every measurement, so a run that fails an hour in keeps what it measured
// (`complete: false` and the error until the last measurement is in).
const save = (state: { complete: true } | { complete: false; failed?: { measurement: string; error: string } }) =>
  writeFileSync(file, JSON.stringify({ startedAt: startedAt.toISOString(), engine, quick, machine, settings: { ...benchSettings, ...environmentSettings }, ...state, ...results }, null, 2) + '\n');
let current = '';
try {
  for (const m of selected) {
    current = m.key;
    if (m.ownStack && stack) {
      await stack.stop();
      stack = undefined;
    }
    const reps = values.runs ? Number(values.runs) : quick ? (m.repetitions?.quick ?? 1) : (m.repetitions?.full ?? 3);
    const runs: RunResult[] = [];
    for (let r = 0; r < reps; r++) {
      progress(`${m.title}: run ${r + 1}/${reps}…`);
      runs.push(await m.run({ stack: stack!, engine, quick, concurrency: Number(values.concurrency), runId, repetition: r, ...(scaleLevels ? { scaleLevels } : {}), ...(scaleProbes ? { scaleProbes } : {}), progress: (s) => progress(`  ${s}`) }));
    }
    results[m.key] = combine(runs);
    save({ complete: false });
  }
} catch (err) {
  save({ complete: false, failed: { measurement: current, error: err instanceof Error ? err.message : String(err) } });
  progress(`${current} failed; what was measured before it is in ${path.relative(process.cwd(), file)}`);
  throw err;
} finally {
  await stack?.stop();
}

save({ complete: true });
printTable(results);
process.stdout.write(`\nresults: ${path.relative(process.cwd(), file)}\n`);

/** The figures of a measurement that the common columns do not show. */
function notes(key: string, r: Record<string, unknown>): string {
  switch (key) {
    case 'raw':
      return formatCpuShare(r.cpuMsPerItem);
    case 'intake': {
      const shape = r.shape as { perSecond?: number; cpuMsPerItem?: unknown } | undefined;
      return `${floorNote(r)}; ${formatCpuShare(r.cpuMsPerItem)}${shape ? `; the shape alone ${shape.perSecond}/s, ${formatCpuShare(shape.cpuMsPerItem)}` : ''}`;
    }
    case 'lifecycle': {
      const half = r.halfPeak as { perSecond: number; p99Ms: number; perCommandP99Ms: unknown } | undefined;
      const paced = half ? `at half the peak (${half.perSecond}/s): p99 ${half.p99Ms} ms, per command ${JSON.stringify(half.perCommandP99Ms)}; ` : '';
      return `${floorNote(r)}; peak p99 per command ${JSON.stringify(r.perCommandP99Ms)}; ${paced}${formatCpuShare(r.cpuMsPerItem)}`;
    }
    case 'votes':
      return `vote→visible p50 ${r.visibleP50Ms} ms, p99 ${r.visibleP99Ms} ms`;
    case 'timerStorm': {
      const floor = r.floor as { drainPerSecond?: number; lagP99Ms?: number } | undefined;
      return `${r.escalated}/${r.complaints} escalated; lag p50 ${r.lagP50Ms} ms, p99 ${r.lagP99Ms} ms, max ${r.lagMaxMs} ms; drain ${r.drainPerSecond}/s vs floor ${floor?.drainPerSecond}/s (p99 ${floor?.lagP99Ms} ms): ratio ${r.ratio}`;
    }
    case 'scale':
      return `against the reference probed beside it ${r.changeAgainstReferencePct}% first→last level (the reference's own ${r.referenceChangePct}%); rate change ${r.rateChangePct}%, its floor's ${r.floorChangePct}%, the ratio's ${r.ratioChangePct}%`;
    case 'auditVerify':
      return `${r.events} events in ${r.chainsMs} ms on the API's threads; the whole request (with the checkpoint and ${r.archivedHistories} archived histories) ${r.requestMs} ms`;
    default:
      return '';
  }
}

function floorNote(r: Record<string, unknown>): string {
  const row = r as Partial<RatedShare>;
  const floor = r.floor as Partial<RatedShare> | undefined;
  const note = `floor ${floor?.perSecond}/s, ratio ${r.ratio}`;
  if (!row.perSecond || !row.cpuMsPerItem || !floor?.perSecond || !floor.cpuMsPerItem) return note;
  // The measured ratio is the CPU's only when both sides filled the same cores (bench/lib/ratio-budget.ts).
  const c = coresCheck({ perSecond: row.perSecond, cpuMsPerItem: row.cpuMsPerItem }, { perSecond: floor.perSecond, cpuMsPerItem: floor.cpuMsPerItem });
  return `${note} (by the CPU ${round(c.cpuRatio, 3)}; cores busy ${round(c.rowCores, 2)}, the floor's ${round(c.floorCores, 2)}, of ${machine.cpus})`;
}

function printTable(res: Record<string, unknown>): void {
  const rows = Object.entries(res).map(([key, v]) => {
    const r = v as Record<string, unknown>;
    const f = (x: unknown) => (typeof x === 'number' ? String(x) : '—');
    const spread = r.spread as { min: number; max: number } | undefined;
    return [key, f(r.perSecond), spread ? `${spread.min}–${spread.max}` : '—', f(r.p50Ms), f(r.p95Ms), f(r.p99Ms), f(r.runs), notes(key, r)];
  });
  const header = ['measurement', 'per second', 'spread', 'p50 ms', 'p95 ms', 'p99 ms', 'runs', 'notes'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  process.stdout.write('\n' + line(header) + '\n' + widths.map((w) => '-'.repeat(w)).join('  ') + '\n' + rows.map(line).join('\n') + '\n');
}
