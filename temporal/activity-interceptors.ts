import { AsyncLocalStorage } from 'node:async_hooks';
import { CancelledFailure, TemporalFailure } from '@temporalio/common';
import { serializeError } from '../config/log-errors.js';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { Logger } from '../config/logger.js';
import { workerMetrics } from './metrics.js';
import { requestIdOf } from './request-context.js';

const activityLog = new AsyncLocalStorage<Logger>();

/** The logger of the running activity (workflow id, run id, activity type, request id bound), if any. */
export function activityLogger(): Logger | undefined {
  return activityLog.getStore();
}

/**
 * The error an activity fails with becomes a failure in the workflow's history and a line of the
 * SDK's log. A failed query's error carries its parameters (and PostgreSQL quotes values in its
 * message): such an error goes on with the message and stack the log keeps (config/log-errors.ts).
 * Failures cxgov throws on purpose (ApplicationFailure) and cancellations go on as they are.
 */
export function withoutQueryValues(err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof TemporalFailure) return err;
  const safe = serializeError(err);
  if (typeof safe === 'string' || (safe.message === err.message && safe.cause === undefined)) return err;
  const cause = typeof safe.cause === 'object' ? ` (caused by ${safe.cause.type}${safe.cause.code !== undefined ? ` ${safe.cause.code}` : ''}: ${safe.cause.message})` : '';
  const out = new Error(safe.message + cause);
  out.name = err.name;
  if (safe.stack) out.stack = safe.stack;
  return out;
}

/**
 * Around every activity (local ones included): a pino child logger bound to the workflow id,
 * run id, activity type and the API request id carried in the headers, so one process is followed
 * from the API request to the database write; the Temporal SDK's own activity log lines get the
 * request id too (getLogAttributes). Failures are logged and counted by activity type
 * (`cxgov_activity_failures_total`), durations observed (`cxgov_activity_duration_seconds`).
 */
export function activityInterceptors(logger?: Logger): ActivityInterceptorsFactory {
  const metrics = workerMetrics();
  return (ctx) => {
    const info = ctx.info;
    let requestId: string | undefined;
    return {
      inbound: {
        async execute(input, next) {
          requestId = requestIdOf(input.headers);
          const log = logger?.child({
            workflowId: info.workflowExecution?.workflowId,
            runId: info.workflowExecution?.runId,
            activityType: info.activityType,
            ...(requestId ? { requestId } : {}),
          });
          const labels = { activity_type: info.activityType, local: String(info.isLocal) };
          const end = metrics.activityDuration.startTimer(labels);
          try {
            const result = log ? await activityLog.run(log, () => next(input)) : await next(input);
            end({ outcome: 'completed' });
            log?.debug({ attempt: info.attempt }, 'activity completed');
            return result;
          } catch (err) {
            const outcome = err instanceof CancelledFailure ? 'cancelled' : 'failed';
            end({ outcome });
            if (outcome === 'failed') metrics.activityFailures.inc({ ...labels, failure: (err as Error)?.name ?? 'Error' });
            log?.warn({ err, attempt: info.attempt }, `activity ${outcome}`);
            throw withoutQueryValues(err);
          }
        },
      },
      outbound: {
        getLogAttributes: (input, next) => next(requestId ? { ...input, requestId } : input),
      },
    };
  };
}
