import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';
import type { Logger } from '../config/logger.js';

let installed = false;

/**
 * Installs the Temporal SDK runtime once per process. The process's own shutdown handler owns
 * SIGINT/SIGTERM (API first, then the worker, then the database), so the SDK's signal handling is
 * switched off. Routes the Temporal SDK's own logs (worker state, workflow and activity loggers) into pino, so
 * one process writes one structured stream carrying workflow and run ids. Webpack's bundling
 * chatter stays at debug level.
 */
export function installTemporalRuntime(logger: Logger): void {
  if (installed) return;
  installed = true;
  const sdk = logger.child({ component: 'temporal' });
  const levels = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;
  Runtime.install({
    shutdownSignals: [],
    logger: new DefaultLogger('INFO', (entry: LogEntry) => {
      const level = entry.message.startsWith('asset workflow-bundle') ? 'debug' : levels[entry.level];
      sdk[level]({ ...entry.meta }, entry.message);
    }),
  });
}
