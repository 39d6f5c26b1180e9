import type { CpuShare } from './cpu.js';

/**
 * What a ratio target leaves cxgov to spend, from a bench result's CPU accounting.
 *
 * On a machine where every process shares the same saturated cores, a row's rate over its
 * floor's rate is about the floor's CPU per item over the row's (the quiet full runs of
 * 2026-12-02: within 0.035). Only then: a floor that does not fill the cores (a `--quick` run's
 * 150 items at 32 in flight) measures a rate below what its CPU allows, and the measured ratio
 * lies above the CPU's (0.70 against 0.35 on one quick dev run). So a target ratio t allows the
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

/**
 * What cxgov adds to its row over the row's shape run bare (the same Temporal calls, timers and
 * payloads with no work in them: the skeleton intake, the skeleton lifecycle), against what the
 * target lets it add: the target's budget less the shape alone. When the shape alone takes the
 * whole budget, no cxgov — not even one with a free API and database — meets the target with
 * that shape.
 */
export interface ShapeBudget {
  /** CPU ms per item of the shape alone, every process. */
  shapeMs: number;
  /** The row's budget (floor ÷ target) less the shape alone. */
  allowedToAddMs: number;
  /** The row less the shape: what cxgov adds per item, all of it, and by where it is spent. */
  addedMs: number;
  addedInApiMs: number;
  addedInDatabaseMs: number;
  /** cxgov's worker less the shape's worker (the floors' worker running the skeleton). */
  addedInWorkerMs: number;
  /** The engine's (Temporal and its PostgreSQL) for the row less for the shape: a larger history. */
  addedInEngineMs: number;
  /** The rest (the load generator, idle processes). */
  addedElsewhereMs: number;
}

export function shapeBudget(row: CpuShare, shape: CpuShare, budgetMs: number): ShapeBudget {
  const shapeMs = totalOf(shape);
  const addedMs = totalOf(row) - shapeMs;
  const addedInApiMs = of(row, 'api') - of(shape, 'api');
  const addedInDatabaseMs = of(row, 'postgres.cxgov') - of(shape, 'postgres.cxgov');
  const addedInWorkerMs = of(row, 'worker') - of(shape, 'floorWorker');
  const addedInEngineMs = of(row, 'temporal') + of(row, 'postgres.temporal') - of(shape, 'temporal') - of(shape, 'postgres.temporal');
  return {
    shapeMs,
    allowedToAddMs: budgetMs - shapeMs,
    addedMs,
    addedInApiMs,
    addedInDatabaseMs,
    addedInWorkerMs,
    addedInEngineMs,
    addedElsewhereMs: addedMs - addedInApiMs - addedInDatabaseMs - addedInWorkerMs - addedInEngineMs,
  };
}

/** One side of a ratio as a bench result holds it: items per second and the CPU of each process per item. */
export interface RatedShare {
  perSecond: number;
  cpuMsPerItem: CpuShare;
}

/**
 * How far a measured ratio can be read as the CPU's: the ratio the CPU accounting predicts, and
 * the cores each side kept busy (items per second × CPU ms per item, every process). The two
 * agree only when both sides fill the same cores; a floor that keeps fewer busy than its row
 * (too few items in flight for a fast engine) measures a rate below what its CPU allows, and the
 * measured ratio lies above the CPU's. The bench prints this beside every ratio it measures.
 */
export interface CoresCheck {
  cpuRatio: number;
  rowCores: number;
  floorCores: number;
}

export function coresCheck(row: RatedShare, floor: RatedShare): CoresCheck {
  const rowMs = totalOf(row.cpuMsPerItem);
  const floorMs = totalOf(floor.cpuMsPerItem);
  return { cpuRatio: floorMs / rowMs, rowCores: (row.perSecond * rowMs) / 1000, floorCores: (floor.perSecond * floorMs) / 1000 };
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
