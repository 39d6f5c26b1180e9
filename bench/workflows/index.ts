// The floor workflows the bench measures cxgov against, run by bench/floor-worker.ts.
export { noopWorkflow } from './noop.js';
export { skeletonIntakeWorkflow } from './skeleton-intake.js';
export { skeletonLifecycleWorkflow } from './skeleton-lifecycle.js';
export { timerFloorWorkflow } from './timer-floor.js';
