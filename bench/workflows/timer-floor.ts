import { sleep } from '@temporalio/workflow';

// The timer-storm floor: a workflow that sleeps until an instant shared with many others and
// returns the time its timer's workflow task ran (workflow time). N of these falling due at once
// is what the engine alone does with a storm of deadlines.
export async function timerFloorWorkflow(fireAtMs: number): Promise<number> {
  const wait = fireAtMs - Date.now();
  if (wait > 0) await sleep(wait);
  return Date.now();
}
