import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The worker's own Prometheus metrics (prom-client), per process: activity failures by type and
 * activity durations. Counters like these are per process by nature (each worker counts what it
 * ran; Prometheus sums over instances). Served by the API's /metrics when the worker runs in the
 * same process (`npm start`), else on WORKER_METRICS_BIND. The Temporal SDK's runtime metrics
 * (workflow task latencies, poll and slot figures, …) come from its own exporter on
 * TEMPORAL_METRICS_BIND (temporal/runtime.ts).
 */
export interface WorkerMetrics {
  registry: Registry;
  activityFailures: Counter<'activity_type' | 'local' | 'failure'>;
  activityDuration: Histogram<'activity_type' | 'local' | 'outcome'>;
}

let instance: WorkerMetrics | undefined;

/** The process's worker metrics, created by the first worker; undefined before that. */
export function existingWorkerMetrics(): WorkerMetrics | undefined {
  return instance;
}

export function workerMetrics(): WorkerMetrics {
  if (instance) return instance;
  const registry = new Registry();
  instance = {
    registry,
    activityFailures: new Counter({
      name: 'cxgov_activity_failures_total',
      help: 'Activity attempts that failed, by activity type (each retry attempt counts)',
      labelNames: ['activity_type', 'local', 'failure'] as const,
      registers: [registry],
    }),
    activityDuration: new Histogram({
      name: 'cxgov_activity_duration_seconds',
      help: 'Activity attempt duration by activity type and outcome',
      labelNames: ['activity_type', 'local', 'outcome'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
  };
  return instance;
}

/**
 * `/metrics` of a worker running alone: its own metrics plus Node's defaults, on host:port.
 * Resolves once listening.
 */
export async function serveWorkerMetrics(bind: string): Promise<Server> {
  const [host, port] = splitBind(bind);
  const metrics = workerMetrics();
  collectDefaultMetrics({ register: metrics.registry });
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.registry
      .metrics()
      .then((text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text))
      .catch((err: Error) => res.writeHead(500).end(err.message));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

export function splitBind(bind: string): [string, number] {
  const match = /^(.*):(\d+)$/.exec(bind);
  if (!match) throw new RangeError(`expected host:port, got "${bind}"`);
  return [match[1]!.replace(/^\[|\]$/g, ''), Number(match[2])];
}
