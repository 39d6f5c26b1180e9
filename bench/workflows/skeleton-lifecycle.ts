import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

// The lifecycle floor: a workflow shaped like a complaint's life from intake to closed — the same
// updates (intake by update-with-start, response, resolution, feedback) and the same number of
// timers started and cancelled on the way — with no activity, no projection, no audit. What the
// engine alone needs for a lifecycle; the bench counts the timers of a real complaint's history
// and passes that number in.
export const skeletonIntake = defineUpdate<number>('intake');
export const skeletonRespond = defineUpdate<number>('respond');
export const skeletonResolve = defineUpdate<number>('resolve');
export const skeletonFeedback = defineUpdate<number>('feedback');

export async function skeletonLifecycleWorkflow(timers: number): Promise<number> {
  let version = 0;
  let closed = false;
  let changed = false;
  const step = (close = false) => () => {
    version++;
    changed = true;
    closed ||= close;
    return version;
  };
  setHandler(skeletonIntake, step());
  setHandler(skeletonRespond, step());
  setHandler(skeletonResolve, step());
  setHandler(skeletonFeedback, step(true));
  let timersLeft = timers;
  while (!closed) {
    changed = false;
    // A deadline far away, as a complaint's next SLA instant: started, then cancelled by the next update.
    if (timersLeft > 0) {
      timersLeft--;
      await condition(() => changed, '1 day');
    } else await condition(() => changed);
  }
  return version;
}
