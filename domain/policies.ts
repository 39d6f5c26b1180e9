import type { Duration } from './duration.js';

/** Gate review policy (docs/business-rules.md §1). Snapshotted into each review at submission. */
export interface ReviewPolicy {
  reviewDeadline: Duration;
  /** Share of the review window after which members who have not voted are reminded. */
  reminderRatio: number;
  /** Share of eligible members that must have voted before the chair may sign off. */
  quorumRatio: number;
  launchThresholds: { function: number; performance: number; security: number; userExperience: number };
  postLaunch: { window: Duration; complaintThreshold: number };
}

/** Complaint SLA policy (docs/business-rules.md §2). Snapshotted into each complaint at intake. */
export interface SlaPolicy {
  firstResponse: Duration;
  resolution: { general: Duration; major: Duration; urgent: Duration };
  customerFeedback: Duration;
  transferInvestigation: Duration;
  appealDecision: Duration;
  /** Share of a window after which the clock turns `at_risk` and the owner is warned. */
  atRiskRatio: number;
  /** Total paused time allowed per complaint. */
  maxPause: Duration;
  /** After a breach, each further such window without progress climbs one more level. */
  breachWindow: Duration;
  /** Compensation (CNY) above which a supervisor must approve the resolution. */
  compensationApprovalLimit: number;
}

/** The institution's business calendar settings (docs/business-rules.md §2 "Working days"). */
export interface CalendarSettings {
  timeZone: string;
  /** "HH:MM" local time at which a business day ends. */
  endOfBusinessDay: string;
  /** Local dates (YYYY-MM-DD) that are non-working despite the public schedule. */
  extraHolidays: string[];
  /** Local dates (YYYY-MM-DD) that are working days despite the public schedule. */
  extraWorkdays: string[];
}

export interface CommitteeMember {
  userId: string;
  name: string;
  department: string;
  chair: boolean;
}

export const defaultReviewPolicy: ReviewPolicy = {
  reviewDeadline: { amount: 5, unit: 'business_day' },
  reminderRatio: 0.6,
  quorumRatio: 0.5,
  launchThresholds: { function: 80, performance: 80, security: 90, userExperience: 80 },
  postLaunch: { window: { amount: 90, unit: 'day' }, complaintThreshold: 10 },
};

export const defaultSlaPolicy: SlaPolicy = {
  firstResponse: { amount: 24, unit: 'hour' },
  resolution: {
    urgent: { amount: 24, unit: 'hour' },
    general: { amount: 7, unit: 'business_day' },
    major: { amount: 15, unit: 'business_day' },
  },
  customerFeedback: { amount: 3, unit: 'business_day' },
  transferInvestigation: { amount: 5, unit: 'business_day' },
  appealDecision: { amount: 5, unit: 'business_day' },
  atRiskRatio: 0.8,
  maxPause: { amount: 5, unit: 'business_day' },
  breachWindow: { amount: 1, unit: 'business_day' },
  compensationApprovalLimit: 1000,
};

export const defaultCalendarSettings: CalendarSettings = {
  timeZone: 'Asia/Shanghai',
  endOfBusinessDay: '18:00',
  extraHolidays: [],
  extraWorkdays: [],
};
