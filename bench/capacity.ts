import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * The capacity table of docs/performance.md, derived from a bench result rather than typed by
 * hand: the CPU milliseconds each role spent per intake and per complete lifecycle (measured on
 * the cluster engine, where every Temporal service and PostgreSQL's share are counted apart),
 * times the target rate, is the busy cores that role needs; divided by the utilisation a role
 * should run at (default 60 %, headroom for bursts and a lost host) it is the cores to provision.
 *
 *   node --import tsx bench/capacity.ts bench/results/<cluster run>.json [--intakes 200] [--lifecycles 50] [--utilisation 0.6]
 *
 * Prints a Markdown table.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { intakes: { type: 'string', default: '200' }, lifecycles: { type: 'string', default: '50' }, utilisation: { type: 'string', default: '0.6' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: bench/capacity.ts <results.json>');
const result = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { cpuMsPerItem?: Record<string, number | null> } | unknown>;
const intakeRate = Number(values.intakes);
const lifecycleRate = Number(values.lifecycles);
const utilisation = Number(values.utilisation);

const cpuOf = (key: string) => (result[key] as { cpuMsPerItem?: Record<string, number | null> } | undefined)?.cpuMsPerItem ?? {};
const intake = cpuOf('intake');
const lifecycle = cpuOf('lifecycle');

/** Roles and the CPU keys (bench/lib/cpu.ts) they are made of. */
const roles: [string, string[]][] = [
  ['cxgov API', ['api']],
  ['cxgov worker', ['worker']],
  ['Temporal frontend', ['temporal.frontend']],
  ['Temporal history', ['temporal.history']],
  ['Temporal matching', ['temporal.matching']],
  ['Temporal worker service', ['temporal.worker']],
  ['PostgreSQL: cxgov database', ['postgres.cxgov']],
  ['PostgreSQL: Temporal persistence + visibility', ['postgres.temporal']],
];
const sum = (share: Record<string, number | null>, keys: string[]) => keys.reduce((a, k) => a + (share[k] ?? 0), 0);
const fmt = (n: number, digits = 1) => n.toFixed(digits);

const rows = roles.map(([role, keys]) => {
  const perIntake = sum(intake, keys);
  const perLifecycle = sum(lifecycle, keys);
  const busyIntake = (intakeRate * perIntake) / 1000;
  const busyLifecycle = (lifecycleRate * perLifecycle) / 1000;
  return { role, perIntake, perLifecycle, busyIntake, busyLifecycle };
});
const total = rows.reduce((a, r) => ({ perIntake: a.perIntake + r.perIntake, perLifecycle: a.perLifecycle + r.perLifecycle, busyIntake: a.busyIntake + r.busyIntake, busyLifecycle: a.busyLifecycle + r.busyLifecycle }), { perIntake: 0, perLifecycle: 0, busyIntake: 0, busyLifecycle: 0 });

const out = [
  `From ${path.basename(file)} (engine ${(result as { engine?: string }).engine ?? '?'}${(result as { quick?: boolean }).quick ? ', --quick' : ''}); cores at ${Math.round(utilisation * 100)} % utilisation in brackets.`,
  '',
  `| role | CPU ms per intake | cores for ${intakeRate} intakes/s | CPU ms per lifecycle | cores for ${lifecycleRate} lifecycles/s |`,
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.role} | ${fmt(r.perIntake)} | ${fmt(r.busyIntake)} (${fmt(r.busyIntake / utilisation)}) | ${fmt(r.perLifecycle)} | ${fmt(r.busyLifecycle)} (${fmt(r.busyLifecycle / utilisation)}) |`),
  `| **all roles** | ${fmt(total.perIntake)} | **${fmt(total.busyIntake)} (${fmt(total.busyIntake / utilisation)})** | ${fmt(total.perLifecycle)} | **${fmt(total.busyLifecycle)} (${fmt(total.busyLifecycle / utilisation)})** |`,
];
process.stdout.write(out.join('\n') + '\n');
