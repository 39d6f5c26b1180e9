import { describe, expect, it } from 'vitest';
import { afterFailure, retryDelayMs, type RetryPolicy } from '../../../domain/notifications/retry.js';

const policy: RetryPolicy = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 5 };

describe('retry delays', () => {
  it('double per attempt, between half and all of the step, capped', () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(500);
    expect(retryDelayMs(1, policy, () => 1)).toBe(1_000);
    expect(retryDelayMs(3, policy, () => 0)).toBe(2_000);
    expect(retryDelayMs(3, policy, () => 1)).toBe(4_000);
    expect(retryDelayMs(30, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(1_000, policy, () => 0.5)).toBe(45_000);
  });
  it('spread: the same attempt with different luck lands at different times', () => {
    const delays = new Set([0.1, 0.4, 0.7, 0.9].map((r) => retryDelayMs(4, policy, () => r)));
    expect(delays.size).toBe(4);
  });
});

describe('after a failure', () => {
  it('retried until the attempt limit, then dead-lettered; a permanent failure at once', () => {
    expect(afterFailure(1, false, policy, () => 0)).toEqual({ kind: 'retry', delayMs: 500 });
    expect(afterFailure(4, false, policy, () => 0.5).kind).toBe('retry');
    expect(afterFailure(5, false, policy, () => 0.5)).toEqual({ kind: 'dead' });
    expect(afterFailure(1, true, policy, () => 0.5)).toEqual({ kind: 'dead' });
  });
});
