import { describe, expect, it } from 'vitest';
import { coresCheck, ratioBudget, shapeBudget } from '../../../bench/lib/ratio-budget.js';

describe('bench: what a ratio target leaves cxgov', () => {
  // Shaped as bench/lib/cpu.ts writes it on a cluster: dotted keys are parts (postgres = cxgov +
  // temporal) or outside the stack (postgres.other) and must not be counted again.
  const floor = { worker: 1, api: 0.5, floorWorker: 10, temporal: 30, 'temporal.history': 20, postgres: 20, 'postgres.temporal': 19.5, 'postgres.cxgov': 0.5, 'postgres.other': 2, bench: 3.5 };
  const intake = { worker: 33, api: 11, floorWorker: 0.5, temporal: 32, 'temporal.history': 21, postgres: 35, 'postgres.temporal': 22, 'postgres.cxgov': 13, 'postgres.other': 1, bench: 3 };

  it('totals every process once and predicts the ratio from the CPU per item', () => {
    const b = ratioBudget(intake, floor, 0.7);
    expect(b.floorMs).toBe(65);
    expect(b.itemMs).toBe(114.5);
    expect(b.cpuRatio).toBeCloseTo(65 / 114.5, 10);
    expect(b.budgetMs).toBeCloseTo(65 / 0.7, 10);
  });

  it('splits the row into engine, load, worker, API, database and the rest', () => {
    const b = ratioBudget(intake, floor, 0.7);
    expect([b.engineMs, b.loadMs, b.workerMs, b.apiMs, b.databaseMs]).toEqual([54, 3, 33, 11, 13]);
    expect(b.otherMs).toBeCloseTo(0.5, 10); // the idle floors' worker
    expect(b.engineMs + b.loadMs + b.workerMs + b.apiMs + b.databaseMs + b.otherMs).toBeCloseTo(b.itemMs, 10);
  });

  it('gives the ratio with a worker that costs the floor’s, and the room left for the API and database', () => {
    const b = ratioBudget(intake, floor, 0.7);
    expect(b.floorWorkerMs).toBe(10);
    expect(b.ratioWithFloorWorker).toBeCloseTo(65 / (114.5 - 33 + 10), 10);
    expect(b.roomForApiAndDatabaseMs).toBeCloseTo(65 / 0.7 - 54 - 3 - 0.5 - 10, 10);
  });

  it('then the engine at the floor’s cost too, but never above what it spent', () => {
    const b = ratioBudget(intake, floor, 0.7);
    expect(b.floorEngineMs).toBe(49.5);
    expect(b.ratioWithFloorWorkerAndEngine).toBeCloseTo(65 / (114.5 - 33 + 10 - (54 - 49.5)), 10);
    // An engine already cheaper than the floor's is not made dearer.
    const cheap = ratioBudget({ ...intake, temporal: 25, 'postgres.temporal': 20 }, floor, 0.7);
    expect(cheap.ratioWithFloorWorkerAndEngine).toBeCloseTo(cheap.ratioWithFloorWorker, 10);
  });

  it('a stricter target leaves less room', () => {
    expect(ratioBudget(intake, floor, 0.8).roomForApiAndDatabaseMs).toBeLessThan(ratioBudget(intake, floor, 0.6).roomForApiAndDatabaseMs);
  });

  describe('against the row’s shape run bare', () => {
    // The skeleton intake: the floors' worker runs it; cxgov's API, worker and database are idle.
    const shape = { worker: 0.8, api: 0.3, floorWorker: 12, temporal: 28, 'temporal.history': 18, postgres: 21, 'postgres.temporal': 20.9, 'postgres.cxgov': 0.1, 'postgres.other': 1, bench: 2.5 };

    it('splits what cxgov adds by where it is spent, and the parts add up', () => {
      const s = shapeBudget(intake, shape, ratioBudget(intake, floor, 0.7).budgetMs);
      expect(s.shapeMs).toBeCloseTo(0.8 + 0.3 + 12 + 28 + 21 + 2.5, 10);
      expect(s.addedMs).toBeCloseTo(114.5 - s.shapeMs, 10);
      expect(s.addedInApiMs).toBeCloseTo(11 - 0.3, 10);
      expect(s.addedInDatabaseMs).toBeCloseTo(13 - 0.1, 10);
      expect(s.addedInWorkerMs).toBeCloseTo(33 - 12, 10);
      expect(s.addedInEngineMs).toBeCloseTo(32 + 22 - 28 - 20.9, 10);
      expect(s.addedInApiMs + s.addedInDatabaseMs + s.addedInWorkerMs + s.addedInEngineMs + s.addedElsewhereMs).toBeCloseTo(s.addedMs, 10);
    });

    it('lets cxgov add the budget less the shape, nothing when the shape alone takes it all', () => {
      expect(shapeBudget(intake, shape, 100).allowedToAddMs).toBeCloseTo(100 - 64.6, 10);
      expect(shapeBudget(intake, shape, 60).allowedToAddMs).toBeLessThan(0);
    });
  });
});

describe('bench: whether a measured ratio can be read as the CPU’s', () => {
  const floor = { worker: 1, floorWorker: 4, temporal: 12, 'temporal.history': 8, postgres: 8, 'postgres.temporal': 8, 'postgres.other': 3, bench: 1 };
  const intake = { worker: 18, api: 7, temporal: 12, postgres: 13, 'postgres.cxgov': 5, 'postgres.other': 3, bench: 2 };

  it('gives the cores each side kept busy, counting every process once, and the ratio the CPU predicts', () => {
    // The floor: 26 ms per start at 60/s is 1.56 cores; the intake: 52 ms at 35/s is 1.82.
    const c = coresCheck({ perSecond: 35, cpuMsPerItem: intake }, { perSecond: 60, cpuMsPerItem: floor });
    expect(c.rowCores).toBeCloseTo(1.82, 10);
    expect(c.floorCores).toBeCloseTo(1.56, 10);
    // The measured ratio, 35/60 = 0.583, lies above this 0.5 by the quotient of the cores, 1.82/1.56.
    expect(c.cpuRatio).toBeCloseTo(26 / 52, 10);
  });

  it('counts a process the accounting could not read as nothing', () => {
    const c = coresCheck({ perSecond: 10, cpuMsPerItem: { worker: 50, api: null } }, { perSecond: 20, cpuMsPerItem: { floorWorker: 25 } });
    expect([c.rowCores, c.floorCores, c.cpuRatio]).toEqual([0.5, 0.5, 0.5]);
  });
});
