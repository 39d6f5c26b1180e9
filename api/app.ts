import { createHash, randomUUID } from 'node:crypto';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import express, { type Express, type Request } from 'express';
import { rateLimit, type Options as RateLimitOptions } from 'express-rate-limit';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { serializeError } from '../config/log-errors.js';
import { piiCipher } from '../config/secrets.js';
import type { AppDeps } from './deps.js';
import { CommandGuard } from './command-guard.js';
import { problemHandler } from './errors.js';
import { hostCheck } from './exposure.js';
import { IdempotencyStore } from './idempotency.js';
import { createMetrics } from './metrics.js';
import { notFound, tooManyRequests } from './problem.js';
import { ApiRouter } from './router.js';
import { adminRoutes } from './routes/admin.js';
import { attachmentRoutes } from './routes/attachments.js';
import { calendarRoutes } from './routes/calendar.js';
import { complaintRoutes } from './routes/complaints.js';
import { customerRevealRoutes } from './routes/customer-reveal.js';
import { auditRoutes } from './routes/audit.js';
import { devRoutes } from './routes/dev.js';
import { erasureRoutes } from './routes/erasures.js';
import { healthRoutes } from './routes/health.js';
import { incidentRoutes } from './routes/incidents.js';
import { improvementRoutes } from './routes/improvements.js';
import { followUpRoutes } from './routes/followups.js';
import { feedbackRoutes } from './routes/feedback.js';
import { meetingRoutes } from './routes/meetings.js';
import { initiativeRoutes } from './routes/initiatives.js';
import { notificationRoutes } from './routes/notifications.js';
import { peopleRoutes } from './routes/people.js';
import { reportRoutes } from './routes/reports.js';
import { surveyRoutes } from './routes/surveys.js';
import { targetRoutes } from './routes/targets.js';
import { taskRoutes } from './routes/tasks.js';
import { requestContext } from '../temporal/request-context.js';
import { webRoutes } from './web.js';

export const basePath = '/api/v1';

/** Route groups, each a file in api/routes; later issues add theirs here. */
const routeGroups = [adminRoutes, calendarRoutes, peopleRoutes, taskRoutes, notificationRoutes, initiativeRoutes, attachmentRoutes, complaintRoutes, customerRevealRoutes, auditRoutes, reportRoutes, targetRoutes, incidentRoutes, improvementRoutes, followUpRoutes, meetingRoutes, feedbackRoutes, erasureRoutes, surveyRoutes, devRoutes];

/** The request as the access log shows it: its path without the query (which may hold search terms), never headers or body. */
function accessLogRequest(req: { id?: unknown; method?: string; url?: string; raw?: Request }) {
  const url = req.raw?.originalUrl ?? req.url ?? '';
  return { id: req.id, method: req.method, path: withoutLinkToken(url.split('?')[0] ?? ''), ip: req.raw?.ip };
}

/** A survey link's token is the customer's one-time credential: never in the access log. */
function withoutLinkToken(path: string): string {
  return path.replace(/^(\/api\/v1\/public\/surveys\/)[^/]+/, '$1:token').replace(/^(\/survey\/)[^/]+/, '$1:token');
}

const probes = new Set(['/healthz', '/readyz', '/metrics']);

function bearerOf(req: Request): string | undefined {
  return /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Whose X-Forwarded-For names the client (the rate limit's key, the access log's ip): none
  // unless TRUST_PROXY says which proxies (docs/security.md "Secure defaults").
  app.set('trust proxy', deps.config.TRUST_PROXY ?? false);
  app.set('query parser', 'simple');

  const metrics = createMetrics(deps.db, undefined, deps.now);
  app.use(metrics.middleware);
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // The access log: every request at info or above, without headers, query or body.
      // Probes and scrapes that succeed stay at debug: they come every few seconds and say nothing.
      customLogLevel: (req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : probes.has(req.url?.split('?')[0] ?? '') ? 'debug' : 'info'),
      // pino-http sets its own error serializer on its child logger; keep the safe one.
      serializers: { err: serializeError, req: accessLogRequest, res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }) },
      customProps: (req) => (req.principal ? { actor: req.principal.userId } : {}),
    }),
  );
  // Everything a request does runs in its context: Temporal calls carry its id (temporal/request-context.ts).
  app.use((req, _res, next) => requestContext.run({ requestId: String(req.id), log: req.log }, next));
  app.use(hostCheck(deps.config));
  app.use(helmet());
  healthRoutes(app, deps, metrics);

  const registry = new OpenAPIRegistry();
  const idempotency = new IdempotencyStore(deps.db, deps.config.IDEMPOTENCY_STALE_SECONDS * 1000, piiCipher(deps.config));
  const guard = new CommandGuard(deps.pingDatabase, deps.temporal, deps.config.COMMAND_TIMEOUT_SECONDS * 1000);
  const api = new ApiRouter(registry, basePath, deps.verifyToken, idempotency, guard);
  for (const group of routeGroups) group(api, deps);

  const openapi = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'cxgov API', version: '1.0.0', description: 'Product stage gates, complaint escalations and compliance audit for financial institutions.' },
    servers: [{ url: '/' }],
  });

  const limited = { windowMs: 60_000, standardHeaders: 'draft-8', legacyHeaders: false, handler: (_req, _res, next) => next(tooManyRequests()) } satisfies Partial<RateLimitOptions>;
  // The unauthenticated public endpoints (the customer's survey page) take far fewer requests per
  // client address: a link is opened and answered once, and guessing links must stay slow.
  app.use(`${basePath}/public`, rateLimit({ ...limited, limit: deps.config.PUBLIC_RATE_LIMIT_PER_MINUTE, identifier: `public-${deps.config.PUBLIC_RATE_LIMIT_PER_MINUTE}-in-1min`, validate: { xForwardedForHeader: false } }));
  app.use(
    basePath,
    // Per client IP (req.ip: the peer, or the client a trusted proxy names); a forged
    // X-Forwarded-For from an untrusted peer is expected and ignored, not a setup error.
    rateLimit({ ...limited, limit: deps.config.RATE_LIMIT_PER_MINUTE, validate: { xForwardedForHeader: false } }),
    // Per bearer token (its digest), so one caller behind a shared address cannot take everyone's share.
    rateLimit({
      ...limited,
      limit: deps.config.RATE_LIMIT_PER_TOKEN_PER_MINUTE,
      identifier: `token-${deps.config.RATE_LIMIT_PER_TOKEN_PER_MINUTE}-in-1min`,
      skip: (req) => bearerOf(req) === undefined,
      keyGenerator: (req) => createHash('sha256').update(bearerOf(req)!).digest('base64url'),
    }),
    express.json({ limit: deps.config.BODY_LIMIT, strict: true, type: ['application/json', 'application/*+json'] }),
  );
  app.get(`${basePath}/openapi.json`, (_req, res) => {
    res.json(openapi);
  });
  app.use(basePath, api.router);
  webRoutes(app, deps.webDist);
  app.use((req, _res, next) => next(notFound(`no route ${req.method} ${req.path}`)));
  app.use(problemHandler(deps.logger));
  return app;
}
