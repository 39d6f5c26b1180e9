import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { domainSnapshot, type DomainSnapshot } from '../db/metrics.js';
import { outboxSnapshot, type OutboxSnapshot } from '../db/notifications.js';
import type { Database } from '../db/client.js';
import { clockNames, clockStates } from '../domain/complaints/types.js';
import { existingWorkerMetrics } from '../temporal/metrics.js';
import { calendarGauges } from './calendar-metrics.js';

/**
 * The API process's Prometheus registry: Node defaults, HTTP request timings, and the domain
 * gauges (processes, open clocks, breaches, reviews waiting, reports), computed from the
 * projections at scrape time with a short cache so frequent scrapes stay cheap. When a worker
 * runs in the same process (`npm start`), its metrics (temporal/metrics.ts) are served here too.
 */
export function createMetrics(db?: Database, cacheMs = 10_000, now: () => Date = () => new Date()) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'cxgov_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const end = httpDuration.startTimer();
    res.on('finish', () => {
      // The matched route pattern keeps label cardinality bounded (never the raw URL).
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };

  if (db) domainGauges(registry, db, cacheMs);
  if (db) calendarGauges(registry, db, now, cacheMs);
  if (db) outboxGauges(registry, db, Math.min(cacheMs, 5_000));

  /** The text of a scrape: this registry, plus the in-process worker's when there is one. */
  const scrape = async (): Promise<{ contentType: string; text: string }> => {
    const worker = existingWorkerMetrics();
    const text = (await registry.metrics()) + (worker ? await worker.registry.metrics() : '');
    return { contentType: registry.contentType, text };
  };
  return { registry, middleware, scrape };
}
export type Metrics = ReturnType<typeof createMetrics>;

function domainGauges(registry: Registry, db: Database, cacheMs: number): void {
  let cached: { at: number; value: Promise<DomainSnapshot> } | undefined;
  const snapshot = () => {
    if (!cached || Date.now() - cached.at > cacheMs) {
      const value = domainSnapshot(db);
      cached = { at: Date.now(), value };
      value.catch(() => (cached = undefined)); // a failed read is not cached
    }
    return cached.value;
  };
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[], fill: (g: Gauge<L>, s: DomainSnapshot) => void) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        const s = await snapshot().catch(() => undefined);
        if (s) fill(this, s); // database down: the gauge has no samples, cxgov_domain_metrics_up says why
      },
    });

  new Gauge({
    name: 'cxgov_domain_metrics_up',
    help: '1 when the domain gauges could be read from the database at this scrape, else 0',
    registers: [registry],
    async collect() {
      this.set((await snapshot().then(() => 1).catch(() => 0)));
    },
  });
  gauge('cxgov_processes_started', 'Processes started so far, by type (from the projections)', ['type'], (g, s) => {
    for (const type of ['complaint', 'initiative']) g.set({ type }, s.processes.find((p) => p.type === type)?.started ?? 0);
  });
  gauge('cxgov_processes_closed', 'Processes closed so far, by type (complaint closed; initiative rejected, withdrawn or past post-launch monitoring)', ['type'], (g, s) => {
    for (const type of ['complaint', 'initiative']) g.set({ type }, s.processes.find((p) => p.type === type)?.closed ?? 0);
  });
  gauge('cxgov_complaint_clocks_open', 'Complaint clocks still running against the bank, by clock and state', ['clock', 'state'], (g, s) => {
    for (const clock of clockNames) for (const state of clockStates.filter((x) => x !== 'met')) g.set({ clock, state }, 0);
    for (const r of s.openClocks) g.set({ clock: r.clock, state: r.state }, r.n);
  });
  gauge('cxgov_complaint_breaches', 'Breach events recorded so far (each breach and further breach window), by the escalation level reached', ['level'], (g, s) => {
    for (const level of ['1', '2', '3']) g.set({ level }, 0);
    for (const r of s.breaches) g.set({ level: String(r.level) }, r.n);
  });
  gauge('cxgov_gate_reviews_waiting', 'Gate reviews waiting for a decision, by status', ['status'], (g, s) => {
    for (const status of ['open', 'escalated']) g.set({ status }, s.reviews.find((r) => r.status === status)?.n ?? 0);
  });
  gauge('cxgov_gate_reviews_overdue', 'Gate reviews past their deadline without a decision (escalated, or open past the deadline)', [], (g, s) => {
    g.set(s.reviews.reduce((n, r) => n + r.overdue, 0));
  });
  gauge('cxgov_reports_stored', 'Stored reports by kind', ['kind'], (g, s) => {
    for (const kind of ['monthly', 'weekly']) g.set({ kind }, s.reports.find((r) => r.kind === kind)?.n ?? 0);
  });
}

/**
 * The notification outbox (docs/notifications.md "Watching it"): per channel ('routing' for
 * notices not yet fanned out), how many wait, how old the oldest waiting one is, how many are
 * dead-lettered. The delivery counters come from the dispatcher (notifications/metrics.ts).
 */
function outboxGauges(registry: Registry, db: Database, cacheMs: number): void {
  let cached: { at: number; value: Promise<OutboxSnapshot> } | undefined;
  const snapshot = () => {
    if (!cached || Date.now() - cached.at > cacheMs) {
      const value = outboxSnapshot(db);
      cached = { at: Date.now(), value };
      value.catch(() => (cached = undefined));
    }
    return cached.value;
  };
  const gauge = (name: string, help: string, pick: (c: OutboxSnapshot['channels'][number]) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['channel'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        const s = await snapshot().catch(() => undefined);
        for (const c of s?.channels ?? []) this.set({ channel: c.channel }, pick(c));
      },
    });
  gauge('cxgov_notifications_pending', 'Notices waiting: deliveries not yet sent by channel, and notices not yet routed (channel="routing")', (c) => c.pending);
  gauge('cxgov_notifications_oldest_pending_age_seconds', 'Age of the oldest waiting delivery (or unrouted notice) by channel; 0 when none waits', (c) => c.oldestPendingSeconds);
  gauge('cxgov_notifications_dead', 'Deliveries dead-lettered (given up), by channel; re-drive them with POST /api/v1/notifications/outbox/{id}/redrive', (c) => c.dead);
}
