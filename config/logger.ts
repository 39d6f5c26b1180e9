import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs (pino). `role` tells api / worker / start apart in a shared stream.
 * Lines about one process carry `workflowId`, `runId` and the API's `requestId` (activity lines,
 * temporal/activity-interceptors.ts; API lines, temporal/request-context.ts). `destination`
 * defaults to stdout.
 */
export function createLogger(level: string, role: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { role },
    redact: { paths: ['req.headers.authorization', '*.phone', '*.idNumber'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
export type { Logger };
