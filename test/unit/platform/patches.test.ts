import { describe, expect, it } from 'vitest';
import { activePatches, patchActivation } from '../../../temporal/patches.js';
import { patchIds, patches } from '../../../workflows/process/patches.js';

describe('WORKFLOW_PATCHES: which patches new steps take', () => {
  it('all (the default) activates every registered patch and needs no callback', () => {
    const active = activePatches('all');
    expect([...active].sort()).toEqual([...patchIds].sort());
    expect(patchActivation(active)).toBeUndefined();
  });

  it('none leaves every patch dark', () => {
    const callback = patchActivation(activePatches('none'))!;
    for (const patchId of patchIds) expect(callback({ patchId, workflowInfo: {} as never })).toBe(false);
  });

  it('a list activates exactly the patches it names', () => {
    const callback = patchActivation(activePatches(`${patches.complaintClockTimerKept.id},${patches.initiativeOwnerRecused.id}`))!;
    expect(callback({ patchId: patches.complaintClockTimerKept.id, workflowInfo: {} as never })).toBe(true);
    expect(callback({ patchId: patches.initiativeOwnerRecused.id, workflowInfo: {} as never })).toBe(true);
    expect(callback({ patchId: patches.complaintIntakeInOneActivity.id, workflowInfo: {} as never })).toBe(false);
  });

  it('refuses an unknown id, naming it and the known ones, so a typo never leaves a patch dark', () => {
    expect(() => activePatches('complaint-clock-timer-kpt')).toThrow(/unknown patches: complaint-clock-timer-kpt \(known: .*complaint-clock-timer-kept/);
  });
});

describe('the patch registry', () => {
  it('has unique ids, each with its family, release and change', () => {
    expect(new Set(patchIds).size).toBe(patchIds.length);
    for (const p of Object.values(patches)) {
      expect(p.id).toMatch(/^[a-z0-9-]+$/);
      expect(p.id.startsWith(`${p.family}-`)).toBe(true);
      expect(p.introducedIn).toMatch(/^\d+\.\d+\.\d+$/);
      expect(p.change.length).toBeGreaterThan(20);
    }
  });
});
