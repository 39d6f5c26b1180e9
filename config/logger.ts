import pino, { type Logger } from 'pino';

/** Structured JSON logs (pino). `role` tells api / worker / start apart in a shared stream. */
export function createLogger(level: string, role: string): Logger {
  return pino({
    level,
    base: { role },
    redact: { paths: ['req.headers.authorization', '*.phone', '*.idNumber'], censor: '[redacted]' },
  });
}
export type { Logger };
