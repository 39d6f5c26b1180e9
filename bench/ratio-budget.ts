import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CpuShare } from './lib/cpu.js';
import { ratioBudget, shapeBudget } from './lib/ratio-budget.js';

/**
 * The ratio targets against the CPU accounting (docs/performance.md "The targets"): for intake
 * (≥ 0.70 of the raw floor) and lifecycle (≥ 0.60 of the skeleton), what the target allows per
 * item, what the engine and the load generator take of it, what would be left for cxgov's API
 * and database if cxgov's worker cost no more than the floor's own worker, and the ratios with
 * the worker — and then the engine too — at the floor's cost (bench/lib/ratio-budget.ts).
 *
 *   node --import tsx bench/ratio-budget.ts bench/results/<run>.json [<another run>.json …] [--intake 0.7] [--lifecycle 0.6]
 *
 * Prints a Markdown table, one row per file and measurement; then, for each row whose shape was
 * also run bare (the intake's `shape`, the skeleton intake; the lifecycle's floor, the skeleton
 * lifecycle), what cxgov adds to the shape and what the target lets it add.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { intake: { type: 'string', default: '0.7' }, lifecycle: { type: 'string', default: '0.6' } },
});
if (positionals.length === 0) throw new Error('usage: bench/ratio-budget.ts <results.json> [<results.json> …]');
const targets: [string, number][] = [
  ['intake', Number(values.intake)],
  ['lifecycle', Number(values.lifecycle)],
];

interface Row {
  ratio?: number;
  cpuMsPerItem?: CpuShare;
  floor?: { cpuMsPerItem?: CpuShare };
  shape?: { cpuMsPerItem?: CpuShare };
}
const ms = (n: number) => n.toFixed(1);
const ratio = (n: number) => n.toFixed(2);

const lines = [
  '| run | row | measured ratio (CPU ratio) | target: CPU ms per item allowed | spent today | engine + load generator | worker today / floor’s worker | cxgov API + database today | room for them with the floor’s worker | ratio: worker at the floor’s | ratio: worker and engine at the floor’s |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
];
const shapeLines = [
  '| run | row | target: CPU ms per item allowed | the shape alone | the target lets cxgov add | cxgov adds | in the API | in its database | in the worker | in the engine (a larger history) | elsewhere |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
];
for (const file of positionals) {
  const result = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Row | unknown> & { engine?: string };
  const run = `${path.basename(file)} (${result.engine ?? '?'})`;
  for (const [key, target] of targets) {
    const row = result[key] as Row | undefined;
    if (!row?.cpuMsPerItem || !row.floor?.cpuMsPerItem) continue;
    const b = ratioBudget(row.cpuMsPerItem, row.floor.cpuMsPerItem, target);
    lines.push(
      `| ${run} | ${key} | ${row.ratio ?? '—'} (${ratio(b.cpuRatio)}) | ${ratio(target)}: ${ms(b.budgetMs)} | ${ms(b.itemMs)} | ${ms(b.engineMs + b.loadMs)} | ${ms(b.workerMs)} / ${ms(b.floorWorkerMs)} | ${ms(b.apiMs + b.databaseMs)} | ${ms(b.roomForApiAndDatabaseMs)} | ${ratio(b.ratioWithFloorWorker)} | ${ratio(b.ratioWithFloorWorkerAndEngine)} |`,
    );
    // The lifecycle's floor is its shape run bare; the intake's floor is not (the raw start), its shape is run apart.
    const shape = key === 'lifecycle' ? row.floor.cpuMsPerItem : row.shape?.cpuMsPerItem;
    if (!shape) continue;
    const a = shapeBudget(row.cpuMsPerItem, shape, b.budgetMs);
    shapeLines.push(
      `| ${run} | ${key} | ${ratio(target)}: ${ms(b.budgetMs)} | ${ms(a.shapeMs)} | ${ms(a.allowedToAddMs)} | ${ms(a.addedMs)} | ${ms(a.addedInApiMs)} | ${ms(a.addedInDatabaseMs)} | ${ms(a.addedInWorkerMs)} | ${ms(a.addedInEngineMs)} | ${ms(a.addedElsewhereMs)} |`,
    );
  }
}
process.stdout.write(lines.join('\n') + '\n');
if (shapeLines.length > 2) process.stdout.write('\n' + shapeLines.join('\n') + '\n');
