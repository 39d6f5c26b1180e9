/**
 * The floors' activities (bench/floor-worker.ts): none does any work, so a floor measures what
 * Temporal and the SDK cost for the shape alone.
 */
export const floorActivities = {
  /** The skeleton intake's local activity: answers with what it was given. */
  async echoRecord(state: unknown): Promise<unknown> {
    return state;
  },
};
export type FloorActivities = typeof floorActivities;
