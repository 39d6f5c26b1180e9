import type { PatchActivationCallback } from '@temporalio/worker';
import { patchIds } from '../workflows/process/patches.js';

/**
 * Which workflow patches a worker activates for new steps (`WORKFLOW_PATCHES`). A dark patch is
 * still replayed where a history recorded it; only steps taken from now on keep to the old branch.
 * Unknown ids are refused at start, so a typo never silently leaves a patch dark.
 */
export function activePatches(setting: string): ReadonlySet<string> {
  if (setting === 'all') return new Set(patchIds);
  if (setting === 'none') return new Set();
  const listed = setting.split(',');
  const unknown = listed.filter((id) => !patchIds.includes(id));
  if (unknown.length > 0) throw new Error(`WORKFLOW_PATCHES names unknown patches: ${unknown.join(', ')} (known: ${patchIds.join(', ')})`);
  return new Set(listed);
}

/** The worker's `patchActivationCallback`: consulted once per workflow and patch, on live steps only. */
export function patchActivation(active: ReadonlySet<string>): PatchActivationCallback | undefined {
  return active.size === patchIds.length ? undefined : ({ patchId }) => active.has(patchId);
}
