import { describe, expect, it } from 'vitest';
import { ratioBudget } from '../../../bench/lib/ratio-budget.js';

describe('bench: what a ratio target leaves cxgov', () => {
  // A cluster-shaped accounting: dotted keys are parts of an undotted total and must not count twice.
  const floor = { worker: 1, api: 0.5, floorWorker: 10, temporal: 30, 'temporal.history': 20, postgres: 20, 'postgres.temporal': 19.5, 'postgres.cxgov': 0.5, bench: 3.5 };
  const intake = { worker: 33, api: 11, floorWorker: 0.5, temporal: 30, 'temporal.history': 19, postgres: 34, 'postgres.temporal': 20, 'postgres.cxgov': 13, 'postgres.other': 1, bench: 3 };

  it('totals every process once and predicts the ratio from the CPU per item', () => {
    const b = ratioBudget(intake, floor, 0.7);
    expect(b.floorMs).toBe(65);
    expect(b.itemMs).toBe(111.5);
    expect(b.cpuRatio).toBeCloseTo(65 / 111.5, 10);
    expect(b.budgetMs).toBeCloseTo(65 / 0.7, 10);
  });

  it('splits the row into engine, load, worker, API, database and the rest', () => {
    const b = ratioBudget(intake, floor, 0.7);
    expect([b.engineMs, b.loadMs, b.workerMs, b.apiMs, b.databaseMs]).toEqual([50, 3, 33, 11, 13]);
    expect(b.otherMs).toBeCloseTo(1.5, 10); // the idle floors' worker and the rest of the server
    expect(b.engineMs + b.loadMs + b.workerMs + b.apiMs + b.databaseMs + b.otherMs).toBeCloseTo(b.itemMs, 10);
  });

  it('gives the ratio with a worker that costs the floor’s, and the room left for the API and database', () => {
    const b = ratioBudget(intake, floor, 0.7);
    expect(b.floorWorkerMs).toBe(10);
    expect(b.ratioWithFloorWorker).toBeCloseTo(65 / (111.5 - 33 + 10), 10);
    expect(b.roomForApiAndDatabaseMs).toBeCloseTo(65 / 0.7 - 50 - 3 - 1.5 - 10, 10);
  });

  it('a stricter target leaves less room', () => {
    expect(ratioBudget(intake, floor, 0.8).roomForApiAndDatabaseMs).toBeLessThan(ratioBudget(intake, floor, 0.6).roomForApiAndDatabaseMs);
  });
});
