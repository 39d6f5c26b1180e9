/**
 * What a ratio target leaves cxgov to spend, from a bench result's CPU accounting.
 *
 * On a machine where every process shares the same cores, a row's rate over its floor's rate is
 * (within a few per cent) the floor's CPU per item over the row's: the two ratios of the quiet
 * runs of 2026-12-02 agree to 0.02. So a target ratio t allows the row floor ÷ t milliseconds of
 * CPU per item, all processes together. Of that, the engine (Temporal and its database) and the
 * load generator spend about what they spend anyway, and cxgov's worker cannot spend less than
 * the floor's worker spends running the same shape with nothing in it. What is left is the room
 * for cxgov's API and database, and the question "could any worker meet the target?" has a
 * figure: the ratio if cxgov's worker cost no more than the floor's.
 */
export type CpuShare = Record<string, number | null | undefined>;

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
  /** The row's: what is left (the idle floors' worker, the rest of the PostgreSQL server). */
  otherMs: number;
  /** The floor's worker per floor item: the same shape of workflow with no work in it. */
  floorWorkerMs: number;
  /** The ratio if cxgov's worker spent only what the floor's worker spends. */
  ratioWithFloorWorker: number;
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
  const budgetMs = floorMs / target;
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
    ratioWithFloorWorker: floorMs / (itemMs - workerMs + floorWorkerMs),
    roomForApiAndDatabaseMs: budgetMs - engineMs - loadMs - otherMs - floorWorkerMs,
  };
}
