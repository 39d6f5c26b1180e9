import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting cxgov reads from the environment, with its default. The README's configuration
 * table mirrors this file; keep them together.
 */
/** An optional setting where an empty value (`SMTP_URL=`) means unset, as it does for the others. */
const unsetIfEmpty = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (v === '' ? undefined : v), inner.optional());

/** An entry of TRUST_PROXY's list: a named range of express, an address, or an address with a prefix length. */
function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  /**
   * Host names (comma-separated, no port) the API answers to besides localhost, 127.0.0.1 and
   * [::1]. Checked on every request while HOST is loopback (DNS rebinding), and whenever set.
   */
  ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : [])),
  /**
   * Which peers may tell the client's address in X-Forwarded-For (express `trust proxy`): a hop
   * count (`1`: the one proxy in front), or a comma-separated list of addresses / CIDRs (also
   * `loopback`, `linklocal`, `uniquelocal`). Unset → none: the peer's own address counts.
   */
  TRUST_PROXY: unsetIfEmpty(
    z
      .string()
      .refine((v) => /^\d+$/.test(v) || v.split(',').every((e) => isProxyEntry(e.trim())), 'a hop count, or a comma-separated list of addresses / CIDRs (or loopback, linklocal, uniquelocal)')
      .transform((v) => (/^\d+$/.test(v) ? Number(v) : v.split(',').map((e) => e.trim()))),
  ),
  /** Bearer token Prometheus sends for /metrics; unset → /metrics answers loopback peers only. */
  METRICS_TOKEN: unsetIfEmpty(z.string().min(16, 'at least 16 characters')),
  /**
   * `1` enables the development sign-in (POST /api/v1/dev/tokens) — refused with JWT_JWKS_URL,
   * NODE_ENV=production or a non-loopback HOST (api/auth/dev-tokens.ts). `npm start` sets it for
   * itself when none of these holds and DEV_SIGNIN is unset.
   */
  DEV_SIGNIN: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  /** Unset → embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),

  /** Unset → a Temporal dev server started by `npm start` with its state under DATA_DIR. */
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('cxgov'),
  TEMPORAL_TLS: z.enum(['true', 'false']).optional(),
  TEMPORAL_TLS_CERT_PATH: z.string().optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().optional(),
  TEMPORAL_TLS_CA_PATH: z.string().optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().optional(),
  TEMPORAL_API_KEY: z.string().optional(),
  TEMPORAL_DEV_PORT: z.coerce.number().int().default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().default(8233),
  /** A prebuilt workflow bundle (`bundleWorkflowCode` output); unset → the worker bundles workflows/ at start. */
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  /**
   * Which workflow patches new steps take (docs/operations.md, "Changing workflow code"): `all`, or
   * a comma-separated list of patch ids (the others stay dark: the code replays them, new steps
   * take the old branch). During a rolling upgrade, the previous release's list keeps a rollback safe.
   */
  WORKFLOW_PATCHES: z.string().regex(/^(all|none|[a-z0-9-]+(,[a-z0-9-]+)*)$/, 'all, none, or a comma-separated list of patch ids').default('all'),
  /** Workflow tasks the worker runs at once (Temporal `maxConcurrentWorkflowTaskExecutions`). */
  WORKER_WORKFLOW_TASK_SLOTS: z.coerce.number().int().min(2).default(40),
  /** Concurrent workflow-task polls (at most the slots; the SDK keeps 20 % of them for new workflows). */
  WORKER_WORKFLOW_TASK_POLLERS: z.coerce.number().int().min(2).default(10),
  /** Local activities (projection writes, intake reads) the worker runs at once. */
  WORKER_LOCAL_ACTIVITY_SLOTS: z.coerce.number().int().min(1).default(100),
  /**
   * Workflows kept in the worker's cache (a cached workflow needs no replay on its next task).
   * A trade-off, measured (docs/performance.md): every cached workflow adds to the cost of each
   * promise any workflow creates (the SDK keeps an AsyncLocalStorage per workflow), so a large
   * cache costs command latency (2,000: lifecycle p99 at half the peak 438 ms); a small one makes
   * deadline storms replay (300: 1,000 simultaneous escalations p99 35 s, 1,000: 22 s, p99 at
   * half the peak 173 ms).
   */
  WORKER_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(1000),
  /** host:port of the Temporal SDK's Prometheus exporter in the worker process; `off` disables. */
  TEMPORAL_METRICS_BIND: z.string().regex(/^(off|.+:\d+)$/, 'host:port or off').default('127.0.0.1:9464'),
  /** host:port serving the worker's own /metrics when it runs without the API; `off` (default) disables. */
  WORKER_METRICS_BIND: z.string().regex(/^(off|.+:\d+)$/, 'host:port or off').default('off'),

  /** HS256 secret; unset → generated once under DATA_DIR. Ignored when JWT_JWKS_URL is set. */
  JWT_SECRET: unsetIfEmpty(z.string().min(32)),
  /** RS256/ES256 via a JWKS endpoint (production identity provider). */
  JWT_JWKS_URL: z.string().url().optional(),
  /** Earlier HS256 secrets, comma-separated, still accepted while tokens they signed may be alive (key rotation). */
  JWT_PREVIOUS_SECRETS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []))
    .refine((list) => list.every((s) => s.length >= 32), 'each previous secret has at least 32 characters'),
  /** Longest accepted token lifetime (exp - iat), seconds. */
  JWT_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(60).default(43_200),
  JWT_ISSUER: z.string().default('cxgov'),
  JWT_AUDIENCE: z.string().default('cxgov-api'),

  /**
   * The API's Ed25519 key signing every command it sends to a workflow, `<keyId>:<base64url seed>`;
   * unset → generated once under DATA_DIR (docs/security.md "Temporal").
   */
  COMMAND_SIGNING_KEY: z.string().optional(),
  /**
   * The public keys a worker builds into its workflow bundle to check command proofs,
   * `<keyId>:<base64url>,…` (several during a rotation); unset → the public key of COMMAND_SIGNING_KEY.
   */
  COMMAND_VERIFY_KEYS: z.string().optional(),

  /**
   * 32-byte key (base64) sealing customer PII at rest; unset → generated once under DATA_DIR —
   * but never with DATABASE_URL set (config/secrets.ts `piiKeyring`).
   */
  PII_KEY: unsetIfEmpty(z.string()),
  /** Earlier PII keys (base64, comma-separated): they still decrypt, never seal (docs/security.md "Keys"). */
  PII_KEYS_PREVIOUS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [])),

  /**
   * Worker threads the API verifies the whole audit trail on (PostgreSQL only; audit/verify-threads.ts),
   * started with the API so a compliance officer's first verification does not wait for them.
   * Unset → one per core; 0 → verification runs on the API's own thread (and blocks it meanwhile).
   */
  AUDIT_VERIFY_THREADS: unsetIfEmpty(z.coerce.number().int().min(0).max(64)),
  /** Seconds between audit checkpoints over all chain heads (written by the worker). */
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().positive().default(300),
  /** Seconds between sweeps that archive closed workflow histories (run by the worker). */
  HISTORY_ARCHIVE_INTERVAL_SECONDS: z.coerce.number().positive().default(60),
  /** Seconds between sweeps that open a follow-up for each new detractor answer (run by the worker; docs/followups.md). */
  FOLLOW_UP_SWEEP_SECONDS: z.coerce.number().positive().default(10),
  /** Closed histories archived per second at most, so a sweep after a busy minute does not take the CPU that commands need. */
  HISTORY_ARCHIVE_RATE_PER_SECOND: z.coerce.number().positive().default(20),

  /**
   * Notifications (docs/notifications.md). SMTP_URL unset → `npm start` runs the embedded Mailpit
   * and mails through it; a worker run alone then has no mail server and skips email deliveries.
   * `smtps://user:pass@relay:465` (TLS from the start) or `smtp://user:pass@relay:587` (STARTTLS,
   * required with SMTP_REQUIRE_TLS=true) is the bank's relay.
   */
  SMTP_URL: unsetIfEmpty(z.string().regex(/^smtps?:\/\/\S+$/, 'smtp://… or smtps://…')),
  SMTP_REQUIRE_TLS: z.enum(['true', 'false']).default('false'),
  /** PEM bundle of a private CA the relay's certificate is issued by. */
  SMTP_TLS_CA_PATH: unsetIfEmpty(z.string()),
  MAIL_FROM: z.string().min(3).default('cxgov <noreply@cxgov.localhost>'),
  MAILPIT_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
  MAILPIT_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8025),
  /** Base URL of the web UI in links of mails and IM posts; unset → http://HOST:PORT. */
  PUBLIC_URL: unsetIfEmpty(z.string().url()),
  /** The SMS gateway customers' notices go through (JSON POST, bearer key); unset → customers are not sent SMS. */
  SMS_GATEWAY_URL: unsetIfEmpty(z.string().url()),
  SMS_GATEWAY_KEY: unsetIfEmpty(z.string()),
  /** The institution's name signing customer messages. */
  NOTICE_SENDER_NAME: z.string().min(1).default('cxgov'),
  CUSTOMER_NOTICE_LANGUAGE: z.enum(['zh', 'en']).default('zh'),
  /** Delivery attempts before a notice is dead-lettered. */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  /** First retry delay; doubles per attempt (with jitter) up to NOTIFY_RETRY_MAX_SECONDS. */
  NOTIFY_RETRY_BASE_SECONDS: z.coerce.number().positive().default(5),
  NOTIFY_RETRY_MAX_SECONDS: z.coerce.number().positive().default(900),
  /** How long a sender holds a claimed delivery before another may retry it. */
  NOTIFY_LEASE_SECONDS: z.coerce.number().positive().default(60),
  /** Pause of an idle dispatcher loop. */
  NOTIFY_IDLE_MS: z.coerce.number().int().min(10).default(1000),

  /** The PII access log's flag (docs/security.md "PII access log"): more than this many distinct customers opened in clear by one person … */
  PII_ACCESS_FLAG_CUSTOMERS: z.coerce.number().int().min(1).default(50),
  /** … within this many minutes notifies compliance. */
  PII_ACCESS_FLAG_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),

  /**
   * The satisfaction survey (docs/surveys.md). HS256 secret signing the customers' one-time survey
   * links; unset → generated once under DATA_DIR (refused beyond loopback, like JWT_SECRET).
   */
  SURVEY_LINK_SECRET: unsetIfEmpty(z.string().min(32)),
  /** Days a survey link works after the complaint closed or the appeal was decided. */
  SURVEY_LINK_VALID_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /**
   * Product NPS campaigns (docs/surveys.md "Product NPS"), one schedule per product under
   * post-launch watch: days between campaigns (and the period each looks back on), customers
   * invited at most per campaign, days before a customer is asked again, and the drop (NPS points,
   * between two periods of at least NPS_MIN_ANSWERS answers each) that raises a post-launch review.
   */
  NPS_CAMPAIGN_EVERY_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  NPS_CAMPAIGN_SAMPLE: z.coerce.number().int().min(0).max(100_000).default(200),
  NPS_QUIET_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  NPS_DROP_POINTS: z.coerce.number().min(1).max(200).default(20),
  NPS_MIN_ANSWERS: z.coerce.number().int().min(1).default(10),
  /** Minutes between two checks that every product under post-launch watch has its campaign schedule. */
  NPS_SCHEDULE_SYNC_MINUTES: z.coerce.number().min(0.02).max(10_080).default(60),
  /** Requests per client IP and minute on the unauthenticated /api/v1/public endpoints (the survey page). */
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),

  BODY_LIMIT: z.string().default('100kb'),
  /** Largest accepted attachment upload in bytes (larger → 413); the files are kept in the database. */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).max(1024 * 1024 * 1024).default(10 * 1024 * 1024),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
  /** Requests per bearer token and minute on /api/v1, beside the per-IP limit (one client behind a shared address). */
  RATE_LIMIT_PER_TOKEN_PER_MINUTE: z.coerce.number().int().min(1).default(3000),
  /** Longest wait for a command's outcome from Temporal before the API answers 503 (seconds). */
  COMMAND_TIMEOUT_SECONDS: z.coerce.number().positive().default(15),
  /** An Idempotency-Key whose first request never finished is run again after this long (seconds). */
  IDEMPOTENCY_STALE_SECONDS: z.coerce.number().positive().default(30),

  /**
   * Backups (docs/operations.md "Backup and restore"). BACKUP_SCHEDULE, a cron expression in UTC
   * (`0 2 * * *`), turns on the scheduled backup a worker runs; unset → off (`npm run backup` only).
   */
  BACKUP_SCHEDULE: unsetIfEmpty(z.string().regex(/^(\S+\s+){4}\S+$/, 'a cron expression of five fields, e.g. 0 2 * * *')),
  /** Where backups are written; keep it off the machine's DATA_DIR disk in production. */
  BACKUP_DIR: z.string().default('backups'),
  /** Backups kept in BACKUP_DIR; older ones are removed after each backup (0 keeps all). */
  BACKUP_KEEP: z.coerce.number().int().min(0).default(7),
  /**
   * The erasure ledger (docs/operations.md "Erasures and restores"): an append-only file outside
   * the database listing every executed erasure, re-applied by `npm run restore`. Unset →
   * `<BACKUP_DIR>/erasure-ledger.jsonl`. Keep it with the backups, never inside one.
   */
  ERASURE_LEDGER: unsetIfEmpty(z.string()),
  /** The Temporal dev server's SQLite file when TEMPORAL_ADDRESS points at one on this host; unset → DATA_DIR/temporal.db when embedded. */
  BACKUP_TEMPORAL_DB: unsetIfEmpty(z.string()),
});

export type Config = z.infer<typeof schema> & { dataDir: string };

/** Every environment variable cxgov's configuration reads (the bench records which ones it was given). */
export const configKeys = Object.keys(schema.shape) as (keyof typeof schema.shape)[];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
