import { Counter, type Registry } from 'prom-client';

/**
 * The dispatcher's counters (per process, summed by Prometheus over instances): deliveries by
 * channel and outcome, notices routed. The queue's state (pending, oldest pending age, dead
 * letters) is a gauge read from the database at scrape time (api/metrics.ts), the same whichever
 * process is scraped.
 */
export interface DispatcherMetrics {
  deliveries: Counter<'channel' | 'outcome'>;
  routed: Counter<'outcome'>;
}

export function dispatcherMetrics(registry: Registry): DispatcherMetrics {
  const existing = registry.getSingleMetric('cxgov_notification_deliveries_total');
  if (existing) {
    return { deliveries: existing as Counter<'channel' | 'outcome'>, routed: registry.getSingleMetric('cxgov_notifications_routed_total') as Counter<'outcome'> };
  }
  return {
    deliveries: new Counter({
      name: 'cxgov_notification_deliveries_total',
      help: 'Delivery attempts by channel (email, im, customer) and outcome (sent, retry, dead, skipped)',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    }),
    routed: new Counter({
      name: 'cxgov_notifications_routed_total',
      help: 'Notices routed to people and channels, by outcome (routed, retry, gave_up)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
  };
}
