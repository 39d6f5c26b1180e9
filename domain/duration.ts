/**
 * Policy durations. `business_day` is resolved against the institution's business calendar
 * (see domain/calendar.ts, which is NOT workflow-safe); the others are plain elapsed time.
 * Seconds exist so tests and demos can run a whole process in moments.
 */
export const durationUnits = ['second', 'minute', 'hour', 'day', 'business_day'] as const;
export type DurationUnit = (typeof durationUnits)[number];
export interface Duration {
  amount: number;
  unit: DurationUnit;
}

const unitMs: Record<Exclude<DurationUnit, 'business_day'>, number> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/** Elapsed milliseconds of a calendar-independent duration; throws for business days. */
export function elapsedMs(d: Duration): number {
  if (d.unit === 'business_day') {
    throw new Error('business_day durations need the business calendar (domain/calendar.ts)');
  }
  return d.amount * unitMs[d.unit];
}

export function isCalendarIndependent(d: Duration): boolean {
  return d.unit !== 'business_day';
}
