import { describe, expect, it } from 'vitest';
import { isEngineNotReady, retryWhileEngineNotReady } from '../../../temporal/engine-retry.js';

/** The shape of the SDK's ServiceError: the gRPC status rides in its cause. */
const serviceError = (code: number, details: string) => Object.assign(new Error('Failed to describe schedule'), { name: 'ServiceError', cause: Object.assign(new Error(`${code} ${details}`), { code, details }) });

/** A clock the retries advance instead of waiting. */
function fakeClock() {
  let t = 0;
  const waits: number[] = [];
  return { waits, now: () => t, sleep: async (ms: number) => void (waits.push(ms), (t += ms)) };
}

describe('an engine that is not ready yet', () => {
  it('is told apart from a refusal by the gRPC code in the error or its causes', () => {
    expect(isEngineNotReady(serviceError(4, 'context deadline exceeded'))).toBe(true);
    expect(isEngineNotReady(serviceError(14, 'Connection refused'))).toBe(true);
    expect(isEngineNotReady(Object.assign(new Error('x'), { code: 14 }))).toBe(true);
    expect(isEngineNotReady(serviceError(3, 'invalid cron'))).toBe(false);
    expect(isEngineNotReady(serviceError(5, 'schedule not found'))).toBe(false);
    expect(isEngineNotReady(new Error('ECONNREFUSED'))).toBe(false);
    expect(isEngineNotReady(undefined)).toBe(false);
  });

  it('is asked again, with growing waits, until it answers', async () => {
    const clock = fakeClock();
    let calls = 0;
    const answer = await retryWhileEngineNotReady(
      async () => {
        calls++;
        if (calls < 5) throw serviceError(4, 'context deadline exceeded');
        return 'updated';
      },
      { what: 'schedule x', ...clock },
    );
    expect(answer).toBe('updated');
    expect(calls).toBe(5);
    expect(clock.waits).toEqual([500, 1_000, 2_000, 4_000]);
  });

  it('gives up with the engine’s own error once the time is spent', async () => {
    const clock = fakeClock();
    const err = serviceError(4, 'context deadline exceeded');
    let calls = 0;
    await expect(
      retryWhileEngineNotReady(
        async () => {
          calls++;
          throw err;
        },
        { what: 'schedule x', withinMs: 20_000, ...clock },
      ),
    ).rejects.toBe(err);
    // 0.5 + 1 + 2 + 4 + 5 + 5 = 17.5 s waited; a seventh wait of 5 s would pass 20 s.
    expect(clock.waits).toEqual([500, 1_000, 2_000, 4_000, 5_000, 5_000]);
    expect(calls).toBe(7);
  });

  it('is not asked again when it refused', async () => {
    const clock = fakeClock();
    const refusal = serviceError(3, 'invalid cron');
    let calls = 0;
    await expect(
      retryWhileEngineNotReady(
        async () => {
          calls++;
          throw refusal;
        },
        { what: 'schedule x', ...clock },
      ),
    ).rejects.toBe(refusal);
    expect(calls).toBe(1);
    expect(clock.waits).toEqual([]);
  });
});
