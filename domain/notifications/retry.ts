/**
 * When a failed delivery is tried again: exponential backoff with jitter, capped, and an attempt
 * limit after which it is dead-lettered. Jitter spreads the retries of many notices that failed
 * together (a mail relay down for ten minutes) so they do not all return at the same instant.
 *
 * Pure: the caller passes the source of randomness in (the dispatcher passes the runtime's; tests fix it).
 */
export interface RetryPolicy {
  /** Delay after the first failure, in ms. */
  baseMs: number;
  /** Longest delay, in ms. */
  maxMs: number;
  /** Attempts in all; the one that fails at this count is the last. */
  maxAttempts: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseMs: 5_000, maxMs: 15 * 60_000, maxAttempts: 10 };

/**
 * Delay before attempt `attempts + 1`, after `attempts` failed attempts (≥ 1): the exponential
 * step base·2^(attempts−1), capped, of which a random half is kept ("equal jitter": never less
 * than half the step, so a retry never comes back at once).
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy, random: () => number): number {
  const n = Math.max(1, Math.floor(attempts));
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(n - 1, 40));
  return Math.round(step / 2 + (step / 2) * Math.min(1, Math.max(0, random())));
}

export type FailureVerdict = { kind: 'retry'; delayMs: number } | { kind: 'dead' };

/** What happens after a failed attempt: retried later, or dead-lettered (limit reached, or a permanent failure). */
export function afterFailure(attempts: number, permanent: boolean, policy: RetryPolicy, random: () => number): FailureVerdict {
  if (permanent || attempts >= policy.maxAttempts) return { kind: 'dead' };
  return { kind: 'retry', delayMs: retryDelayMs(attempts, policy, random) };
}
