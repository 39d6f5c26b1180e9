import type { Logger } from '../config/logger.js';
import type { Database } from '../db/client.js';
import { claimDue, deliveryChannels, errorText, recordFailure, recordSent, routeDue, type Delivery, type DeliveryChannel } from '../db/notifications.js';
import { afterFailure, defaultRetryPolicy, type RetryPolicy } from '../domain/notifications/retry.js';
import { NoChannel, PermanentFailure } from './channels/errors.js';
import type { DispatcherMetrics } from './metrics.js';
import type { Sender } from './senders.js';

/**
 * The outbox dispatcher (docs/notifications.md "The outbox"), run beside each worker; several may
 * run at once. Independent loops:
 * - routing: notices are fanned out to in-app entries and deliveries (database work only, in one
 *   short transaction per batch);
 * - one loop per channel (email, IM, customer): due deliveries are claimed under a lease in one
 *   statement, sent outside any transaction (concurrently, each bounded by its channel's
 *   timeout), and their outcome recorded. A failed send is retried later with exponential backoff
 *   and jitter, dead-lettered after the attempt limit or at once when retrying cannot help.
 * A relay that is down therefore delays only its own channel's deliveries, a poisoned delivery
 * only itself, and a crash between sending and recording repeats the send with the same message
 * id once the lease runs out.
 */
export interface DispatcherOptions {
  db: Database;
  senders: Record<DeliveryChannel, Sender>;
  logger: Logger;
  metrics?: DispatcherMetrics;
  /** Pause of a loop that found nothing to do (ms). */
  idleMs?: number;
  /** Rows claimed per step. */
  batch?: number;
  /** How long a claimed delivery is held before another sender may take it (ms); above the channels' timeouts. */
  leaseMs?: number;
  retry?: RetryPolicy;
}

export interface Dispatcher {
  stop(): Promise<void>;
}

export function startDispatcher(opts: DispatcherOptions): Dispatcher {
  const idleMs = opts.idleMs ?? 1_000;
  const batch = opts.batch ?? 50;
  const leaseMs = opts.leaseMs ?? 60_000;
  const retry = opts.retry ?? defaultRetryPolicy;
  const log = opts.logger.child({ component: 'notifications' });
  let stopped = false;
  const wakers = new Set<() => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
    });

  /** Runs `step` until stopped: again at once while it finds a full batch, after `idleMs` otherwise. */
  const loop = async (name: string, step: () => Promise<number>) => {
    while (!stopped) {
      let done = 0;
      try {
        done = await step();
      } catch (err) {
        log.warn({ err: errorText(err), loop: name }, 'notification step failed; will retry');
      }
      if (!stopped && done < batch) await pause(idleMs);
    }
  };

  const routing = async () => {
    const outcome = await routeDue(opts.db, {
      batch,
      retry,
      onError: (n, err) => log.warn({ notification: n.id, topic: n.topic, err: errorText(err) }, 'routing a notice failed'),
    });
    opts.metrics?.routed.inc({ outcome: 'routed' }, outcome.routed);
    opts.metrics?.routed.inc({ outcome: 'retry' }, outcome.failed);
    opts.metrics?.routed.inc({ outcome: 'gave_up' }, outcome.gaveUp);
    // New deliveries: the channel loops need not wait out their pause.
    if (outcome.routed > 0) for (const wake of [...wakers]) wake();
    return outcome.routed + outcome.failed + outcome.gaveUp;
  };

  const deliverOne = async (channel: DeliveryChannel, row: Delivery) => {
    const about = { delivery: row.id, channel, topic: row.topic, entity: `${row.entityType}/${row.entityId}`, attempt: row.attempts };
    try {
      const result = await opts.senders[channel](row);
      await recordSent(opts.db, row, result.outcome, result.customer);
      opts.metrics?.deliveries.inc({ channel, outcome: 'sent' });
      log.debug(about, 'notification delivered');
    } catch (err) {
      const error = errorText(err);
      if (err instanceof NoChannel) {
        await recordFailure(opts.db, row, { kind: 'skipped', error });
        opts.metrics?.deliveries.inc({ channel, outcome: 'skipped' });
        log.info({ ...about, reason: error }, 'notification not sent: no channel to send it by');
        return;
      }
      const verdict = afterFailure(row.attempts, err instanceof PermanentFailure, retry, Math.random);
      if (verdict.kind === 'dead') {
        await recordFailure(opts.db, row, { kind: 'dead', error });
        opts.metrics?.deliveries.inc({ channel, outcome: 'dead' });
        log.error({ ...about, err: error }, 'notification dead-lettered');
      } else {
        await recordFailure(opts.db, row, { kind: 'retry', error, delayMs: verdict.delayMs });
        opts.metrics?.deliveries.inc({ channel, outcome: 'retry' });
        log.warn({ ...about, err: error, retryInMs: verdict.delayMs }, 'notification delivery failed; will retry');
      }
    }
  };

  const sending = (channel: DeliveryChannel) => async () => {
    const rows = await claimDue(opts.db, channel, batch, leaseMs);
    // One delivery's failure (even to record it) never stops the others of the batch.
    await Promise.all(rows.map((row) => deliverOne(channel, row).catch((err) => log.warn({ delivery: row.id, err: errorText(err) }, 'recording a delivery failed; its lease will run out and it is retried'))));
    return rows.length;
  };

  const loops = [loop('routing', routing), ...deliveryChannels.map((c) => loop(c, sending(c)))];
  return {
    stop: async () => {
      stopped = true;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
    },
  };
}
