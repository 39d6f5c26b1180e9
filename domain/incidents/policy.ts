/**
 * The incident policy (docs/incidents.md): when a surge of complaints (群体性投诉) is a spike, and
 * how long each step of the response may take. An admin changes it (`PUT /api/v1/policies/incidents`);
 * the watcher reads it at each run, an incident snapshots it when raised.
 *
 * Workflow-safe: pure.
 */
import type { Duration } from '../duration.js';

/** What the watcher compares: complaints per product, per root cause, per channel. */
export const incidentDimensions = ['product', 'rootCause', 'channel'] as const;
export type IncidentDimension = (typeof incidentDimensions)[number];

/** The steps of a response, each with its deadline: assign a response owner, a response plan, the post-incident review. */
export const incidentSteps = ['owner', 'plan', 'review'] as const;
export type IncidentStep = (typeof incidentSteps)[number];

export interface IncidentPolicy {
  /** The rolling window the watcher counts complaints received in. */
  window: Duration;
  /** The baseline: the mean count of this many windows before the current one. */
  baselineWindows: number;
  /** A spike has at least this many complaints in the window … */
  minCount: number;
  /** … and at least `ratio` × the baseline. */
  ratio: number;
  /** Which dimensions are watched. */
  dimensions: IncidentDimension[];
  /** How often the watcher runs (its Temporal schedule, set at worker start). */
  watchEvery: Duration;
  /** Deadline of each step, from the step before (the owner: from the raise). */
  steps: Record<IncidentStep, Duration>;
  /** Share of a step's window after which whoever must act is reminded. */
  reminderRatio: number;
  /** After a missed deadline, one more such window climbs from the supervisors to the committee chair. */
  escalationWindow: Duration;
}

export const defaultIncidentPolicy: IncidentPolicy = {
  window: { amount: 1, unit: 'day' },
  baselineWindows: 7,
  minCount: 5,
  ratio: 3,
  dimensions: [...incidentDimensions],
  watchEvery: { amount: 5, unit: 'minute' },
  steps: {
    owner: { amount: 1, unit: 'business_day' },
    plan: { amount: 2, unit: 'business_day' },
    review: { amount: 10, unit: 'business_day' },
  },
  reminderRatio: 0.6,
  escalationWindow: { amount: 1, unit: 'business_day' },
};
