import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * The two halves meet: complaints taken against a launched product are counted by that
 * initiative's post-launch monitoring, and going over the threshold raises a review item.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

describe('complaints linked to a launched product', () => {
  it('are counted by its post-launch monitoring and raise a review item over the threshold', async () => {
    const g = gates(stack);
    await g.roster();
    await g.policy({ postLaunch: { window: { amount: 600, unit: 'second' }, complaintThreshold: 1 } });
    await setPolicy(stack, secondsPolicy());
    const id = await g.create();
    for (const stage of ['research', 'design', 'prototype_testing', 'launch_assessment'] as const) await g.passGate(id, stage);
    // Monitoring starts once the window's end is computed (an activity) right after the launch.
    const launched = await eventually(async () => {
      const v = (await g.get(id)).body;
      return v.postLaunch ? v : undefined;
    }, 'post-launch monitoring started');
    expect(launched).toMatchObject({ stage: 'launched', status: 'launched', postLaunch: { status: 'monitoring', linkedComplaints: 0, threshold: 1, reviewItem: null } });

    await intake(stack, { initiativeId: id, category: 'product' });
    const one = await eventually(async () => {
      const v = (await g.get(id)).body;
      return v.postLaunch.linkedComplaints === 1 ? v : undefined;
    }, 'first linked complaint counted');
    expect(one.postLaunch.reviewItem).toBeNull(); // exactly the threshold is not over it

    await intake(stack, { initiativeId: id, category: 'system_technical' });
    const over = await eventually(async () => {
      const v = (await g.get(id)).body;
      return v.postLaunch.reviewItem ? v : undefined;
    }, 'post-launch review item raised');
    expect(over.postLaunch.linkedComplaints).toBe(2);
    const notices = await g.notifications(id);
    expect(notices.some((n) => n.recipient === people.chair.userId && /post-launch/i.test(n.topic + n.message))).toBe(true);
  });
});
