import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { measurements } from './measurements/index.js';
import { formatCpuShare } from './lib/cpu.js';
import { startBenchStack } from './lib/stack.js';
import { median, repeated, round } from './lib/stats.js';
import type { RunResult } from './lib/types.js';

/**
 * `npm run bench [-- --quick] [--only raw,intake] [--runs N]`: starts the full stack, runs the measurements
 * of quality.md, prints a table and writes bench/results/<timestamp>.json. Each figure is the
 * median over repeated runs, with the spread; the raw floor is measured in the same run so the
 * ratios hold on a noisy machine.
 */
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, runs: { type: 'string' }, concurrency: { type: 'string', default: '32' } } });
const quick = values.quick!;
const only = values.only?.split(',');
const startedAt = new Date();
const runId = startedAt.getTime().toString(36);
const progress = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

const stack = await startBenchStack(progress);
const results: Record<string, unknown> = {};
try {
  for (const m of measurements.filter((m) => !only || only.includes(m.key))) {
    const reps = values.runs ? Number(values.runs) : quick ? (m.repetitions?.quick ?? 1) : (m.repetitions?.full ?? 3);
    const runs: RunResult[] = [];
    for (let r = 0; r < reps; r++) {
      progress(`${m.title}: run ${r + 1}/${reps}…`);
      runs.push(await m.run({ stack, quick, concurrency: Number(values.concurrency), runId, repetition: r, progress: (s) => progress(`  ${s}`) }));
    }
    results[m.key] = combine(runs);
  }
} finally {
  await stack.stop();
}

const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
const document = { startedAt: startedAt.toISOString(), quick, machine, ...results };
const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(document, null, 2) + '\n');
printTable(results);
process.stdout.write(`\nresults: ${path.relative(process.cwd(), file)}\n`);

/** Median of every numeric field over the runs, plus the spread of the headline figure. */
function combine(runs: RunResult[]): Record<string, unknown> {
  const out: Record<string, unknown> = { runs: runs.length };
  const keys = new Set(runs.flatMap((r) => Object.keys(r)));
  for (const k of keys) {
    const nums = runs.map((r) => r[k]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    if (nums.length === runs.length) out[k] = round(median(nums));
    else out[k] = runs.at(-1)![k];
  }
  const headline = runs.map((r) => r.perSecond).filter((v): v is number => typeof v === 'number');
  if (headline.length) out.spread = repeated(headline);
  return out;
}

/** The figures of a measurement that the common columns do not show. */
function notes(key: string, r: Record<string, unknown>): string {
  switch (key) {
    case 'raw':
      return `starts/s ${r.startPerSecond}; ${formatCpuShare(r.cpuMsPerItem)}`;
    case 'intake':
      return formatCpuShare(r.cpuMsPerItem);
    case 'lifecycle': {
      const half = r.halfPeak as { perSecond: number; p99Ms: number; perCommandP99Ms: unknown } | undefined;
      const paced = half ? `at half the peak (${half.perSecond}/s): p99 ${half.p99Ms} ms, per command ${JSON.stringify(half.perCommandP99Ms)}; ` : '';
      return `peak p99 per command ${JSON.stringify(r.perCommandP99Ms)}; ${paced}${formatCpuShare(r.cpuMsPerItem)}`;
    }
    case 'votes':
      return `vote→visible p50 ${r.visibleP50Ms} ms, p99 ${r.visibleP99Ms} ms`;
    case 'timerStorm':
      return `${r.escalated}/${r.complaints} escalated; lag p50 ${r.lagP50Ms} ms, p99 ${r.lagP99Ms} ms, max ${r.lagMaxMs} ms`;
    case 'scale':
      return `rate change first→last level ${r.rateChangePct}%`;
    case 'auditVerify':
      return `${r.events} events`;
    default:
      return '';
  }
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
