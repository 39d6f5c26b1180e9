import type { Express } from 'express';
import { readCalendarStatus } from '../calendar-status.js';
import type { AppDeps } from '../deps.js';
import { metricsGuard } from '../exposure.js';
import type { Metrics } from '../metrics.js';

const checkTimeoutMs = 2_000;

async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Liveness, readiness (Temporal and the database both answer) and Prometheus metrics (loopback
 * peers only, or with METRICS_TOKEN; api/exposure.ts). A ready
 * answer also names what needs an operator without making the service unready: the calendar's
 * warning when the days ahead lack an official holiday schedule (docs/calendar.md).
 */
export function healthRoutes(app: Express, deps: AppDeps, metrics: Metrics): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const checks = {
      database: within(deps.pingDatabase(), checkTimeoutMs),
      // The deadline, not only the race: the client's retry interceptor would otherwise go on
      // retrying a dead frontend for about 20 s after the probe answered, one such call per probe.
      temporal: within(
        deps.temporal.withDeadline(Date.now() + checkTimeoutMs, () => deps.temporal.workflowService.getSystemInfo({})),
        checkTimeoutMs,
      ),
    };
    // Never a reason to be unready: a failed read only leaves the warning out.
    const calendarWarning = within(readCalendarStatus(deps.db, (deps.now ?? (() => new Date()))()), checkTimeoutMs).then(
      (s) => s.coverage.warning,
      () => null,
    );
    const results = await Promise.allSettled(Object.values(checks));
    const names = Object.keys(checks);
    const down = names.filter((_, i) => results[i]!.status === 'rejected');
    if (down.length === 0) {
      const warning = await calendarWarning;
      const warnings = warning ? [{ check: 'calendar', missingYears: warning.missingYears, detail: warning.message }] : [];
      res.json({ status: 'ready', checks: Object.fromEntries(names.map((n) => [n, 'up'])), ...(warnings.length > 0 ? { warnings } : {}) });
      return;
    }
    const reasons = Object.fromEntries(
      names.map((n, i) => {
        const r = results[i]!;
        return [n, r.status === 'fulfilled' ? 'up' : `down: ${String((r.reason as Error)?.message ?? r.reason).slice(0, 200)}`];
      }),
    );
    res
      .status(503)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: 'https://cxgov.dev/problems/not-ready',
          title: 'Not ready',
          status: 503,
          detail: `not ready: ${down.join(' and ')} ${down.length > 1 ? 'are' : 'is'} down`,
          down,
          checks: reasons,
        }),
      );
  });

  app.get('/metrics', metricsGuard(deps.config), async (_req, res, next) => {
    try {
      const { contentType, text } = await metrics.scrape();
      res.type(contentType).send(text);
    } catch (err) {
      next(err);
    }
  });
}
