import { expect } from 'vitest';
import { demoRoster, demoUser, principalOf } from '../../../api/auth/demo-users.js';
import type { Principal } from '../../../api/auth/roles.js';
import { defaultReviewPolicy } from '../../../domain/policies.js';
import { secondsPolicy, setPolicy } from '../../support/complaints.js';
import { people } from '../../support/people.js';
import type { Stack } from '../../support/stack.js';

/** A demo user (api/auth/demo-users.ts) as a principal for API calls beside the browser. */
export function demo(userId: string): Principal {
  const u = demoUser(userId);
  if (!u) throw new Error(`no demo user ${userId}`);
  return principalOf(u);
}

/** The SLA policy of the browser tests: second-based, and nothing falls due within a test. */
export const demoSla = secondsPolicy({ firstResponse: { amount: 3600, unit: 'second' }, resolution: { general: { amount: 7200, unit: 'second' }, major: { amount: 7200, unit: 'second' }, urgent: { amount: 3600, unit: 'second' } } });

/** The demo committee as roster, second-based review and SLA policies that nothing times out in a test. */
export async function seedDemo(stack: Stack): Promise<void> {
  const roster = await stack.as(people.admin).put('/api/v1/committee', { members: demoRoster() });
  expect(roster.status, JSON.stringify(roster.body)).toBe(200);
  const review = await stack.as(people.admin).put('/api/v1/policies/review', {
    ...defaultReviewPolicy,
    reviewDeadline: { amount: 3600, unit: 'second' },
    postLaunch: { window: { amount: 3600, unit: 'second' }, complaintThreshold: 10 },
  });
  expect(review.status, JSON.stringify(review.body)).toBe(200);
  await setPolicy(stack, demoSla);
}
