import type { CpuShare } from './cpu.js';

/**
 * What a ratio target leaves cxgov to spend, from a bench result's CPU accounting.
 *
 * On a machine where every process shares the same saturated cores, a row's rate over its
 * floor's rate is about the floor's CPU per item over the row's (the quiet runs of 2026-12-02:
 * within 0.035; an upper bound when the cores are not saturated). So a target ratio t allows the
 * floor ÷ t milliseconds of CPU per item, all processes together. Two questions then have a
 * figure, with cxgov's API and database as measured:
 * - the ratio if cxgov's worker process cost no more than the floor's worker, which runs the same
 *   shape of workflow with nothing in it (the engine as measured);
 * - the ratio if, besides, the engine (Temporal and its share of PostgreSQL) cost no more than it
 *   does for the floor: a workflow whose history is no larger than the floor's (no local-activity
 *   markers, no search-attribute upserts).
 * If even the second misses the target, no design of the workflow and its worker meets it while
 * the API and the database cost what they do.
 */

export interface RatioBudget {
  /** CPU ms per floor item, every process (bench/lib/cpu.ts keys without a dot). */
  floorMs: number;
  /** CPU ms per item of the row, every process. */
  itemMs: number;
  /** floorMs ÷ itemMs: the ratio the CPU accounting predicts. */
  cpuRatio: number;
  target: number;
  /** floorMs ÷ target: what the row may spend per item to meet the target. */
  budgetMs: number;
  /** The row's: Temporal's processes and Temporal's share of PostgreSQL. */
  engineMs: number;
  /** The row's: the load generator. */
  loadMs: number;
  /** The row's: cxgov's worker, cxgov's API, cxgov's database. */
  workerMs: number;
  apiMs: number;
  databaseMs: number;
  /** The row's: what is left (the floors' worker, idle during the row). */
  otherMs: number;
  /** The floor's worker per floor item: the same shape of workflow with no work in it. */
  floorWorkerMs: number;
  /** The floor's engine per floor item. */
  floorEngineMs: number;
  /** The ratio if cxgov's worker process spent only what the floor's worker spends. */
  ratioWithFloorWorker: number;
  /** The ratio if, besides, the engine spent no more than for a floor item. */
  ratioWithFloorWorkerAndEngine: number;
  /** budgetMs less everything but cxgov's API and database, with the worker at the floor's cost. */
  roomForApiAndDatabaseMs: number;
}

const totalOf = (share: CpuShare) => Object.entries(share).reduce((sum, [key, ms]) => (key.includes('.') ? sum : sum + (ms ?? 0)), 0);
const of = (share: CpuShare, key: string) => share[key] ?? 0;

export function ratioBudget(row: CpuShare, floor: CpuShare, target: number): RatioBudget {
  const floorMs = totalOf(floor);
  const itemMs = totalOf(row);
  const engineMs = of(row, 'temporal') + of(row, 'postgres.temporal');
  const loadMs = of(row, 'bench');
  const workerMs = of(row, 'worker');
  const apiMs = of(row, 'api');
  const databaseMs = of(row, 'postgres.cxgov');
  const otherMs = itemMs - engineMs - loadMs - workerMs - apiMs - databaseMs;
  const floorWorkerMs = of(floor, 'floorWorker');
  const floorEngineMs = of(floor, 'temporal') + of(floor, 'postgres.temporal');
  const budgetMs = floorMs / target;
  const withFloorWorkerMs = itemMs - workerMs + floorWorkerMs;
  return {
    floorMs,
    itemMs,
    cpuRatio: floorMs / itemMs,
    target,
    budgetMs,
    engineMs,
    loadMs,
    workerMs,
    apiMs,
    databaseMs,
    otherMs,
    floorWorkerMs,
    floorEngineMs,
    ratioWithFloorWorker: floorMs / withFloorWorkerMs,
    ratioWithFloorWorkerAndEngine: floorMs / (withFloorWorkerMs - Math.max(0, engineMs - floorEngineMs)),
    roomForApiAndDatabaseMs: budgetMs - engineMs - loadMs - otherMs - floorWorkerMs,
  };
}
