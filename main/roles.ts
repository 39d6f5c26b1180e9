import path from 'node:path';
import { createServer, type Server } from 'node:http';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import { createApp } from '../api/app.js';
import { devTokenSigner } from '../api/auth/dev-tokens.js';
import { createTokenVerifier } from '../api/auth/tokens.js';
import type { Config } from '../config/config.js';
import { refuseStart, startupRefusals } from '../config/exposure.js';
import type { Logger } from '../config/logger.js';
import { commandSigningKey, commandVerifyKeys, ensureDataDir, erasureLedgerPath, jwtSecret, piiCipher, previousJwtSecrets } from '../config/secrets.js';
import { piiKeyringProblem } from '../db/pii-keys.js';
import { CommandSigner } from '../security/command-signing.js';
import { openDatabase, postgresUrlOf, type DatabaseHandle } from '../db/client.js';
import { connectClient, connectWorkerConnection, temporalTarget, type TemporalTarget } from '../temporal/connection.js';
import { startDevServer, type DevServer } from '../temporal/dev-server.js';
import { activePatches } from '../temporal/patches.js';
import { createWorker, workerTuning } from '../temporal/worker.js';
import { startMailpit, type Mailpit } from '../notifications/mailpit.js';
import { startNotifications } from '../notifications/start.js';
import { startArchiver } from '../audit/archive.js';
import { startCheckpointer } from '../audit/checkpointer.js';
import { defaultVerifyThreads, prestartVerifyThreads } from '../audit/verify-threads.js';
import { startFollowUpSweeper } from '../temporal/followup-sweeper.js';
import { installTemporalRuntime } from '../temporal/runtime.js';
import { ensureBackupSchedule, ensureErasureSweepSchedule, ensureIncidentWatchSchedule, ensureMeetingSchedule, ensureNpsScheduleSync, ensureReportSchedules, syncNpsCampaignSchedules } from '../temporal/schedules.js';
import type { NpsCampaignPolicy } from '../domain/surveys/campaigns.js';
import { elapsedMs } from '../domain/duration.js';
import { serveWorkerMetrics, workerMetrics } from '../temporal/metrics.js';
import { backfillComplaintFacts } from '../db/complaints.js';
import { readPolicy } from '../db/settings.js';
import { backupActivities } from '../backup/schedule.js';

/**
 * Building blocks of the three process roles (all-in-one `npm start`, `npm run worker`,
 * `npm run api`): each opens what it needs and returns a way to close it again.
 */
export async function openDatabaseRole(config: Config, logger: Logger): Promise<DatabaseHandle> {
  const handle = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.dataDir,
    poolMax: config.DATABASE_POOL_MAX,
    onPoolError: (err) => logger.warn({ err }, 'database connection lost; will reconnect on next use'),
  });
  logger.info({ kind: handle.kind }, 'database open; applying migrations');
  await handle.migrate();
  // The PII keyring must open what the database holds, before anything seals new rows under it.
  let problem: string | undefined;
  try {
    problem = await piiKeyringProblem(handle.db, piiCipher(config));
  } catch (err) {
    problem = (err as Error).message; // no PII_KEY for a shared database, a malformed key
  }
  if (problem) {
    await handle.close();
    refuseStart([problem]);
  }
  return handle;
}

/** The configured Temporal, or the embedded dev server with its state under DATA_DIR. */
export async function temporalRole(config: Config, logger: Logger, embedded: boolean): Promise<{ target: TemporalTarget; devServer?: DevServer }> {
  if (config.TEMPORAL_ADDRESS || !embedded) {
    return { target: temporalTarget(config, config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_DEV_PORT}`) };
  }
  const cliPath = process.env.TEMPORAL_CLI_PATH ?? 'temporal';
  // The dev server refuses a database file in a folder that does not exist yet (fresh DATA_DIR).
  ensureDataDir(config);
  logger.info('starting the Temporal dev server');
  const devServer = await startDevServer({
    cliPath,
    port: config.TEMPORAL_DEV_PORT,
    uiPort: config.TEMPORAL_UI_PORT,
    dbFile: path.join(config.dataDir, 'temporal.db'),
    namespace: config.TEMPORAL_NAMESPACE,
    onOutput: (line) => logger.debug({ temporal: line }),
  });
  return { target: temporalTarget(config, devServer.address), devServer };
}

/**
 * The configured mail relay (SMTP_URL), or — all-in-one `npm start` only — the embedded Mailpit
 * with its messages under DATA_DIR and its web inbox on MAILPIT_UI_PORT.
 */
export async function mailRole(config: Config, logger: Logger, embedded: boolean): Promise<{ smtpUrl?: string; mailpit?: Mailpit }> {
  if (config.SMTP_URL || !embedded) return config.SMTP_URL ? { smtpUrl: config.SMTP_URL } : {};
  ensureDataDir(config);
  const mailpit = await startMailpit({
    binPath: process.env.MAILPIT_PATH ?? 'mailpit',
    smtpPort: config.MAILPIT_SMTP_PORT,
    httpPort: config.MAILPIT_UI_PORT,
    dbFile: path.join(config.dataDir, 'mailpit.db'),
    onOutput: (line) => logger.debug({ mailpit: line }),
  });
  return { smtpUrl: mailpit.smtpUrl, mailpit };
}

export async function startWorkerRole(config: Config, logger: Logger, db: DatabaseHandle, target: TemporalTarget, mail: { smtpUrl?: string } = {}): Promise<{ worker: Worker; running: Promise<void> }> {
  installTemporalRuntime(logger, config.TEMPORAL_METRICS_BIND);
  const connection = await connectWorkerConnection(target);
  // One client of the worker's own: the schedules, the history archiver and the activities that command another process use it.
  const client = await connectClient(target);
  const channel = { temporal: client, signer: new CommandSigner(commandSigningKey(config)) };
  const npsPolicy = npsCampaignPolicyOf(config);
  const npsSchedules = { taskQueue: config.TEMPORAL_TASK_QUEUE, everyMs: npsPolicy.everyDays * 86_400_000, logger };
  const npsScheduler = { sync: (products: readonly string[]) => syncNpsCampaignSchedules(client, products, npsSchedules) };
  const worker = await createWorker({
    connection,
    namespace: target.namespace,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    // The scheduled backup's activity (backup/schedule.ts) beside the others; the embedded database
    // is dumped through this process's own handle.
    activities: { ...createActivities({ db: db.db, logger, cipher: piiCipher(config), ledgerPath: erasureLedgerPath(config), surveyLinkValidDays: config.SURVEY_LINK_VALID_DAYS, channel, npsCampaignPolicy: npsPolicy, npsScheduler }), ...backupActivities(config, logger.child({ component: 'backup' }), db.pglite) },
    ...(config.WORKFLOW_BUNDLE_PATH ? { workflowBundle: { codePath: config.WORKFLOW_BUNDLE_PATH } } : {}),
    logger: logger.child({ component: 'activity' }),
    tuning: workerTuning(config),
    patches: activePatches(config.WORKFLOW_PATCHES),
    commandVerifyKeys: commandVerifyKeys(config),
  });
  // A worker without the API in its process serves its own metrics when asked to.
  const metricsServer = config.WORKER_METRICS_BIND !== 'off' ? await serveWorkerMetrics(config.WORKER_METRICS_BIND) : undefined;
  if (metricsServer) logger.info({ metrics: `http://${config.WORKER_METRICS_BIND}/metrics` }, 'worker metrics served');
  // The report schedules, created or brought to the current spec (idempotent, any worker may).
  const { value: calendar } = await readPolicy(db.db, 'calendar');
  await ensureReportSchedules(client, { taskQueue: config.TEMPORAL_TASK_QUEUE, timeZone: calendar.timeZone, logger });
  // The committee's monthly meeting, convened once a month.
  await ensureMeetingSchedule(client, { taskQueue: config.TEMPORAL_TASK_QUEUE, timeZone: calendar.timeZone, logger });
  // The spike watcher, at the incident policy's interval as read now.
  const { value: incidentPolicy } = await readPolicy(db.db, 'incidents');
  await ensureIncidentWatchSchedule(client, { taskQueue: config.TEMPORAL_TASK_QUEUE, everyMs: elapsedMs(incidentPolicy.watchEvery), logger });
  // The retention sweep, at the erasure policy's interval as read now.
  const { value: erasurePolicy } = await readPolicy(db.db, 'erasure');
  await ensureErasureSweepSchedule(client, { taskQueue: config.TEMPORAL_TASK_QUEUE, everyMs: elapsedMs(erasurePolicy.sweepEvery), logger });
  // Product NPS: one campaign schedule per product under post-launch watch, kept in step by a schedule of its own.
  await ensureNpsScheduleSync(client, { taskQueue: config.TEMPORAL_TASK_QUEUE, everyMs: config.NPS_SCHEDULE_SYNC_MINUTES * 60_000, logger });
  // The scheduled backup: created when BACKUP_SCHEDULE is set, removed when it is not.
  await ensureBackupSchedule(client, { cron: config.BACKUP_SCHEDULE, taskQueue: config.TEMPORAL_TASK_QUEUE, logger });
  // KPI facts of complaints recorded before the current rules, in the background.
  backfillComplaintFacts(db.db)
    .then((n) => n > 0 && logger.info({ complaints: n }, 'complaint KPI facts derived'))
    .catch((err) => logger.warn({ err }, 'complaint KPI facts backfill failed; it is retried at the next start'));
  // The notification outbox is dispatched beside the worker; several workers may dispatch at once.
  const dispatcher = await startNotifications(config, db.db, logger, { ...(mail.smtpUrl ? { smtpUrl: mail.smtpUrl } : {}), registry: workerMetrics().registry });
  // Audit checkpoints over all chain heads; several workers may write them (they queue on a lock).
  const checkpointer = startCheckpointer(db.db, logger, config.AUDIT_CHECKPOINT_INTERVAL_SECONDS * 1000);
  // Closed histories of this task queue's workflows are archived: a sweep now (whatever was
  // missed while no worker ran), then periodically.
  const archiver = startArchiver(client, db.db, logger, config.HISTORY_ARCHIVE_INTERVAL_SECONDS * 1000, {
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    ratePerSecond: config.HISTORY_ARCHIVE_RATE_PER_SECOND,
  });
  // Detractor answers get their follow-up (docs/followups.md); several workers may sweep at once.
  const followUps = startFollowUpSweeper({ db: db.db, temporal: client, signer: channel.signer, taskQueue: config.TEMPORAL_TASK_QUEUE, logger, intervalMs: config.FOLLOW_UP_SWEEP_SECONDS * 1000 });
  const running = worker
    .run()
    .finally(() => followUps.stop())
    .finally(() => dispatcher.stop())
    .finally(() => checkpointer.stop())
    .finally(() => archiver.stop())
    .finally(() => client.connection.close())
    .finally(() => metricsServer?.close())
    .finally(() => connection.close());
  return { worker, running };
}

export async function startApiRole(config: Config, logger: Logger, db: DatabaseHandle, target: TemporalTarget): Promise<{ server: Server; client: Client; url: string }> {
  const client = await connectClient(target);
  const verifyToken = createTokenVerifier({
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    jwksUrl: config.JWT_JWKS_URL,
    secret: config.JWT_JWKS_URL ? undefined : jwtSecret(config),
    previousSecrets: previousJwtSecrets(config),
    maxLifetimeSeconds: config.JWT_MAX_LIFETIME_SECONDS,
  });
  const refusals = startupRefusals(config);
  if (refusals.length > 0) refuseStart(refusals);
  const devTokens = devTokenSigner(config);
  if (devTokens) logger.warn('development sign-in enabled (DEV_SIGNIN=1, POST /api/v1/dev/tokens): anyone on this machine may sign in as any demo user, admin included');
  const commandSigner = new CommandSigner(commandSigningKey(config));
  const app = createApp({ config, logger, db: db.db, pingDatabase: db.ping, temporal: client, taskQueue: config.TEMPORAL_TASK_QUEUE, verifyToken, devTokens, commandSigner });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  // The audit verification threads (PostgreSQL only: PGlite lives in this process), started now in
  // the background so a compliance officer's first whole-trail verification does not wait for them.
  if (postgresUrlOf(db.db)) {
    const threads = prestartVerifyThreads(config.AUDIT_VERIFY_THREADS ?? defaultVerifyThreads());
    logger.info({ threads }, threads > 0 ? 'audit verification threads started' : 'audit verification runs on the API thread (AUDIT_VERIFY_THREADS=0)');
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return { server, client, url: `http://${config.HOST}:${port}` };
}

/** Runs `stop` once on SIGINT/SIGTERM; a second signal exits at once. */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop()
      .then(() => process.exit(0))
      .catch((err) => {
        logger.error({ err }, 'unclean shutdown');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
}

/** The product NPS campaign policy of this deployment (NPS_* settings; docs/surveys.md). */
function npsCampaignPolicyOf(config: Config): NpsCampaignPolicy {
  return { everyDays: config.NPS_CAMPAIGN_EVERY_DAYS, sampleSize: config.NPS_CAMPAIGN_SAMPLE, quietDays: config.NPS_QUIET_DAYS, dropPoints: config.NPS_DROP_POINTS, minAnswers: config.NPS_MIN_ANSWERS };
}
