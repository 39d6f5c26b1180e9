import type { Logger } from '../config/logger.js';

/** gRPC status codes (grpc/status.proto), as the SDK's ServiceError carries them in its cause. */
const DEADLINE_EXCEEDED = 4;
const UNAVAILABLE = 14;

/**
 * Whether the engine answered "not now" rather than "no": a DEADLINE_EXCEEDED the server itself
 * returns, or UNAVAILABLE once the client's own retries gave up. Right after Temporal starts (a
 * restart, a restore, a history service taking over shards) a schedule's describe is a query on
 * its scheduler workflow, which the server's internal worker may not run yet; the call then ends in
 * "context deadline exceeded" although the same call succeeds seconds later. The SDK does not
 * retry DEADLINE_EXCEEDED (its call may have had an effect), so a caller whose call is idempotent
 * does.
 */
export function isEngineNotReady(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === DEADLINE_EXCEEDED || e.code === UNAVAILABLE) return true;
  }
  return false;
}

export interface EngineRetryOptions {
  /** What is being done, for the log. */
  what: string;
  /** How long to keep trying before the last error is thrown (default one minute). */
  withinMs?: number;
  logger?: Logger;
  /** Injected by tests; real time otherwise. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Runs an idempotent engine call until it succeeds, fails for a reason other than the engine not
 * being ready, or `withinMs` has passed; waits 0.5 s, 1 s, 2 s, 4 s, then 5 s between tries.
 */
export async function retryWhileEngineNotReady<T>(call: () => Promise<T>, o: EngineRetryOptions): Promise<T> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = o.now ?? Date.now;
  const giveUpAt = now() + (o.withinMs ?? 60_000);
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const waitMs = Math.min(5_000, 500 * 2 ** (attempt - 1));
      if (!isEngineNotReady(err) || now() + waitMs > giveUpAt) throw err;
      o.logger?.warn({ err, attempt, retryInMs: waitMs }, `${o.what}: the workflow engine is not ready yet; trying again`);
      await sleep(waitMs);
    }
  }
}
