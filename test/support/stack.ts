import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import pg from 'pg';
import { inject } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { syncNpsCampaignSchedules } from '../../temporal/schedules.js';
import { createApp } from '../../api/app.js';
import type { Principal } from '../../api/auth/roles.js';
import type { AppDeps } from '../../api/deps.js';
import { createTokenVerifier, signToken } from '../../api/auth/tokens.js';
import { loadConfig, type Config } from '../../config/config.js';
import { createLogger } from '../../config/logger.js';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { commandSigningKey, erasureLedgerPath, piiCipher } from '../../config/secrets.js';
import { CommandSigner, parseSigningKey } from '../../security/command-signing.js';
import { startNotifications } from '../../notifications/start.js';
import { startFollowUpSweeper } from '../../temporal/followup-sweeper.js';
import type { Dispatcher } from '../../notifications/dispatcher.js';
import { workerMetrics } from '../../temporal/metrics.js';
import { createWorker, workerTuning } from '../../temporal/worker.js';
import { requestIdClientInterceptor } from '../../temporal/request-context.js';
import { createDatabase, dropDatabase, urlFor } from './postgres.js';

/**
 * A whole cxgov stack for one test file, on real parts: its own PostgreSQL database (a copy of
 * the migrated template), a worker on its own task queue against the run's Temporal dev server,
 * and the API on a free port. Files run in parallel without seeing each other's data.
 */
export const testSecret = new TextEncoder().encode('test-secret-'.padEnd(48, 'x'));
export const testIssuer = 'cxgov';
export const testAudience = 'cxgov-api';

/** The run's command signer (the key the test bundle checks), for tests that talk to Temporal directly. */
export function testCommandSigner(): CommandSigner {
  return new CommandSigner(parseSigningKey(inject('commandSigningKey')));
}

export interface Stack {
  url: string;
  config: Config;
  database: DatabaseHandle;
  databaseUrl: string;
  temporal: Client;
  taskQueue: string;
  worker: Worker;
  /** Raw SQL against the stack's database (for assertions on stored rows). */
  query<R = any>(text: string, params?: unknown[]): Promise<R[]>;
  /** An HTTP client acting as `who`. */
  as(who: Principal): HttpClient;
  anonymous: HttpClient;
  stop(): Promise<void>;
}

export interface HttpAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface HttpClient {
  get<T = any>(path: string, headers?: Record<string, string>): Promise<HttpAnswer<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer<T>>;
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer<T>>;
  raw(path: string, init: RequestInit): Promise<HttpAnswer>;
}

let runtimeInstalled = false;
function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
}

export interface StackOptions {
  env?: Record<string, string>;
  /** Skip the worker (API-only tests, or a worker run as a process of its own). */
  withoutWorker?: boolean;
  /** Another Temporal than the run's dev server (a fault test's own, restartable one). */
  temporalAddress?: string;
  /** Where the stack's pino logs go (e.g. a stream a test reads); default stdout. */
  logStream?: { write(line: string): void };
  /** false: no development sign-in (as with an identity provider). */
  devTokens?: false;
  /** Folder the UI is served from (default web/dist, built by the global setup). */
  webDist?: string;
  /** The API's clock for the calendar's coverage and warning (default: the real one). */
  now?: () => Date;
  /** Told of the processes a calendar change may move (default: logged). */
  onCalendarChange?: AppDeps['onCalendarChange'];
  /**
   * Run the notification dispatcher (as a worker does), mailing through the run's Mailpit unless
   * `smtpUrl` names another (a test's own, stoppable one) or `env` sets SMTP_URL; the rest from
   * `env` (NOTIFY_*, SMS_*, SMTP_*).
   */
  notifications?: true | { smtpUrl?: string };
  /** Run the detractor follow-up sweeper (as a worker does), every FOLLOW_UP_SWEEP_SECONDS of `env`. */
  followUps?: true;
}

/** What the test helpers (gates.ts, complaints.ts) need of a stack; a stack of processes has it too. */
export type StackLike = Pick<Stack, 'as' | 'anonymous' | 'query'>;

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  quietRuntime();
  const id = randomBytes(4).toString('hex');
  const dbName = `cxgov_test_${id}`;
  const databaseUrl = await createDatabase(dbName, inject('templateDatabase'));
  const address = opts.temporalAddress ?? inject('temporalAddress');
  const taskQueue = `cxgov-test-${id}`;
  const config = loadConfig({
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cxgov-stack-')),
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PII_KEY: randomBytes(32).toString('base64'),
    COMMAND_SIGNING_KEY: inject('commandSigningKey'),
    ...opts.env,
  });
  const logger = createLogger(config.LOG_LEVEL, 'test', opts.logStream);
  const database = await openDatabase({ url: databaseUrl, dataDir: config.dataDir });
  const rawPool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // Dropping the database at stop() terminates connections still closing; not an error of the test.
  rawPool.on('error', () => undefined);

  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, interceptors: { workflow: [requestIdClientInterceptor()] } });

  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  let workerConnection: NativeConnection | undefined;
  if (!opts.withoutWorker) {
    workerConnection = await NativeConnection.connect({ address });
    worker = await createWorker({
      connection: workerConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue,
      activities: createActivities({
        db: database.db,
        logger,
        cipher: piiCipher(config),
        ledgerPath: erasureLedgerPath(config),
        surveyLinkValidDays: config.SURVEY_LINK_VALID_DAYS,
        channel: { temporal, signer: new CommandSigner(commandSigningKey(config)) },
        // The campaign schedules of this stack's products, under a prefix of its own (one namespace for every test file).
        npsScheduler: { sync: (products) => syncNpsCampaignSchedules(temporal, products, { taskQueue, everyMs: 30 * 86_400_000, idPrefix: npsSchedulePrefixOf(taskQueue) }) },
      }),
      logger,
      workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') },
      tuning: workerTuning(config),
    });
    running = worker.run();
  }
  let dispatcher: Dispatcher | undefined;
  if (opts.notifications) {
    // A test's own server, else SMTP_URL of the env (a relay the test runs), else the run's Mailpit.
    const smtpUrl = (opts.notifications !== true && opts.notifications.smtpUrl) || (config.SMTP_URL ? undefined : inject('mailpitSmtpUrl'));
    dispatcher = await startNotifications(config, database.db, logger, { ...(smtpUrl ? { smtpUrl } : {}), registry: workerMetrics().registry });
  }

  const followUps = opts.followUps
    ? startFollowUpSweeper({ db: database.db, temporal, signer: new CommandSigner(commandSigningKey(config)), taskQueue, logger, intervalMs: config.FOLLOW_UP_SWEEP_SECONDS * 1000 })
    : undefined;

  const app = createApp({
    config,
    logger,
    db: database.db,
    pingDatabase: database.ping,
    temporal,
    taskQueue,
    verifyToken: createTokenVerifier({ issuer: testIssuer, audience: testAudience, secret: testSecret }),
    commandSigner: new CommandSigner(commandSigningKey(config)),
    // The development sign-in of the embedded default, signing with the test key.
    ...(opts.devTokens === false ? {} : { devTokens: (p: Principal) => signToken(p, { issuer: testIssuer, audience: testAudience, secret: testSecret }) }),
    ...(opts.webDist ? { webDist: opts.webDist } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.onCalendarChange ? { onCalendarChange: opts.onCalendarChange } : {}),
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;

  const http = httpClients(() => url);

  return {
    url,
    config,
    database,
    databaseUrl,
    temporal,
    taskQueue,
    worker: worker!,
    query: async (text, params) => (await rawPool.query(text, params as unknown[])).rows,
    ...http,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await followUps?.stop();
      await dispatcher?.stop();
      worker?.shutdown();
      await running;
      await workerConnection?.close();
      await connection.close();
      await database.close();
      await rawPool.end();
      await dropDatabase(dbName);
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * HTTP clients of the API at `base()` (read at each call, so an API restarted elsewhere is
 * followed), signing test tokens for each principal.
 */
export function httpClients(base: () => string): Pick<Stack, 'as' | 'anonymous'> {
  const client = (token?: string): HttpClient => {
    const call = async (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
      const init: RequestInit = {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      };
      return request(base() + p, init);
    };
    return {
      get: (p, h) => call('GET', p, undefined, h),
      post: (p, b, h) => call('POST', p, b ?? {}, h),
      put: (p, b, h) => call('PUT', p, b ?? {}, h),
      raw: (p, init) => request(base() + p, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } }),
    };
  };
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (p: Principal) => {
    const key = JSON.stringify(p);
    if (!tokens.has(key)) tokens.set(key, signToken(p, { issuer: testIssuer, audience: testAudience, secret: testSecret }));
    return tokens.get(key)!;
  };
  return {
    as: (who) => {
      const lazy = tokenFor(who);
      const wrap =
        <A extends unknown[]>(f: (c: HttpClient) => (...a: A) => Promise<HttpAnswer>) =>
        async (...a: A) =>
          f(client(await lazy))(...a);
      return { get: wrap((c) => c.get), post: wrap((c) => c.post), put: wrap((c) => c.put), raw: wrap((c) => c.raw) };
    },
    anonymous: client(),
  };
}

async function request(url: string, init: RequestInit): Promise<HttpAnswer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
  return { status: res.status, body, headers: res.headers };
}

/** Polls `check` until it returns a value (not undefined) or the time runs out. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v as T;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** The id prefix of a stack's product NPS campaign schedules: `<prefix>-nps-campaign-<initiative>`. */
export const npsSchedulePrefixOf = (taskQueue: string): string => `t-${taskQueue}`;
