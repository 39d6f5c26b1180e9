import { noopFloor } from '../lib/floors.js';
import type { Measurement } from '../lib/types.js';

/**
 * 1. Raw floor: no-op workflows started and completed per second on the same engine, by the
 * floors' worker in its own process with cxgov's worker settings, over the same kind of window as
 * intake (first request to last answer, same count, same concurrency). It is the floor of intake,
 * which measures its own in the same run; this row is that floor alone, so its ratio is 1.
 */
export const raw: Measurement = {
  key: 'raw',
  title: 'raw floor (no-op workflows)',
  async run(ctx) {
    const floor = await noopFloor(ctx, ctx.quick ? 150 : 1000, ctx.repetition === 0 ? (ctx.quick ? 50 : 200) : 0);
    return { ...floor, floor: { shape: floor.shape, perSecond: floor.perSecond, of: 'itself' }, ratio: 1 };
  },
};
