import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';
import type { Logger } from '../config/logger.js';

let installed = false;

/**
 * Installs the Temporal SDK runtime once per process. The process's own shutdown handler owns
 * SIGINT/SIGTERM (API first, then the worker, then the database), so the SDK's signal handling is
 * switched off. Routes the Temporal SDK's own logs (worker state, workflow and activity loggers) into pino, so
 * one process writes one structured stream carrying workflow and run ids. Webpack's bundling
 * chatter stays at debug level. With `metricsBind` (TEMPORAL_METRICS_BIND) the SDK's own metrics
 * are served for Prometheus.
 */
export function installTemporalRuntime(logger: Logger, metricsBind?: string): void {
  if (installed) return;
  installed = true;
  const sdk = logger.child({ component: 'temporal' });
  const levels = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;
  const options = {
    shutdownSignals: [] as NodeJS.Signals[],
    logger: new DefaultLogger('INFO', (entry: LogEntry) => {
      const level = entry.message.startsWith('asset workflow-bundle') ? 'debug' : levels[entry.level];
      sdk[level]({ ...entry.meta }, entry.message);
    }),
  };
  if (metricsBind && metricsBind !== 'off') {
    // The SDK's runtime metrics (workflow task latencies, slots, polls, activity executions) on
    // Prometheus at metricsBind/metrics. A taken port must not stop the worker: warn, go without.
    try {
      Runtime.install({ ...options, telemetryOptions: { metrics: { prometheus: { bindAddress: metricsBind, countersTotalSuffix: true, useSecondsForDurations: true } } } });
      Runtime.instance();
      sdk.info({ metrics: `http://${metricsBind}/metrics` }, 'Temporal SDK metrics exported');
      return;
    } catch (err) {
      sdk.warn({ err, bind: metricsBind }, 'Temporal SDK metrics exporter not started (set TEMPORAL_METRICS_BIND to a free host:port, or off)');
    }
  }
  Runtime.install(options);
}
