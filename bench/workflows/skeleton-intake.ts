import { condition, defineUpdate, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { FloorActivities } from '../floor-activities.js';

// The intake's shape floor: what a complaint's intake asks of Temporal and of the SDK in the
// worker, with none of cxgov's work. Started by update-with-start like a complaint; in its first
// workflow task one local activity that answers at once (a complaint's intake records the
// complaint in one), the update answered once it has, and a timer started as a complaint waits
// for its first deadline. The bench passes payloads taken from a real intake's history (the start
// input, the local activity's result, the update's answer), so the same bytes are converted and
// stored. Not in the skeleton: the command proofs, the patch marker and its search-attribute
// upsert, cxgov's workflow code and the activity's database work.
export const skeletonIntakeUpdate = defineUpdate<unknown>('intake');

const { echoRecord } = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '30s' });

export interface SkeletonIntakeInput {
  /** The start input of a real complaint (carried, not read). */
  input: unknown;
  /** What the real intake's local activity answered (the complaint's first state). */
  state: unknown;
  /** What the real intake update answered (the complaint's view). */
  view: unknown;
}

export async function skeletonIntakeWorkflow({ state, view }: SkeletonIntakeInput): Promise<void> {
  const registration = echoRecord(state);
  setHandler(skeletonIntakeUpdate, async () => {
    await registration;
    return view;
  });
  await registration;
  // A complaint then waits for its first deadline, days away.
  await condition(() => false, '1 day');
}
