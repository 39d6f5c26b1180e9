/**
 * How a channel says a send cannot succeed by retrying: `PermanentFailure` (the relay refused the
 * address, the gateway refused the request) is dead-lettered at once; `NoChannel` (nowhere to
 * send it: no address, no gateway configured, the IM channel disabled) is recorded as skipped.
 * Anything else thrown is transient and retried with backoff.
 */
export class PermanentFailure extends Error {
  override name = 'PermanentFailure';
}

export class NoChannel extends Error {
  override name = 'NoChannel';
}
