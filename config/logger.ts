import pino, { type DestinationStream, type Logger } from 'pino';
import { serializeError } from './log-errors.js';

/**
 * Structured JSON logs (pino). `role` tells api / worker / start apart in a shared stream.
 * Lines about one process carry `workflowId`, `runId` and the API's `requestId` (activity lines,
 * temporal/activity-interceptors.ts; API lines, temporal/request-context.ts). `destination`
 * defaults to stdout. Errors go through `serializeError` (config/log-errors.ts): a failed query's
 * parameters and the values PostgreSQL quotes never reach the log.
 */
export function createLogger(level: string, role: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { role },
    redact: { paths: ['req.headers.authorization', '*.phone', '*.idNumber'], censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}
export type { Logger };
