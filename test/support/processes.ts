import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { inject } from 'vitest';
import { freePort } from '../../temporal/dev-server.js';
import { stopProcess } from './child-process.js';
import { createDatabase, dropDatabase } from './postgres.js';
import { httpClients, type StackLike } from './stack.js';

/**
 * The worker and the API as the separate processes production runs (`main/worker.ts`,
 * `main/api.ts`), for fault tests that kill and restart them. A role is ready when it prints
 * its line on stdout; `kill()` is a crash (SIGKILL), `stop()` a clean shutdown (SIGTERM).
 */
const root = path.resolve(import.meta.dirname, '..', '..');

/** The HS256 secret of the test tokens (stack.ts `testSecret`), as the API reads it from JWT_SECRET. */
export const testJwtSecret = 'test-secret-'.padEnd(48, 'x');

export interface RoleEnv {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  /** Shared by the roles of one test so they agree on embedded secrets; a temporary folder if omitted. */
  dataDir?: string;
  /** Further settings (COMMAND_TIMEOUT_SECONDS, IDEMPOTENCY_STALE_SECONDS, …). */
  env?: Record<string, string>;
}

export interface RoleProcess {
  readonly role: 'worker' | 'api';
  readonly child: ChildProcess;
  /** What the process printed (stdout and stderr), for failure messages. */
  output(): string;
  /** A crash: SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
  /** A clean shutdown: SIGTERM (SIGKILL after 20 s), resolved once the process is gone. */
  stop(): Promise<void>;
}

export interface ApiProcess extends RoleProcess {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
}

/** Every child of this test process, so none outlives it whatever happens. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/** A PII key for one test's roles (the API encrypts, tests decrypt nothing). */
export const testPiiKey = randomBytes(32).toString('base64');

export async function startWorkerProcess(env: RoleEnv, timeoutMs = 180_000): Promise<RoleProcess> {
  const { child, output, exited } = spawnRole('worker', env, {});
  await waitForLine(child, output, exited, /cxgov: worker running/, 'worker', timeoutMs);
  return handle('worker', child, output, exited);
}

/** Starts the API; `port` fixed → a restart listens where clients already point. */
export async function startApiProcess(env: RoleEnv, port?: number, timeoutMs = 120_000): Promise<ApiProcess> {
  const p = port ?? (await freePort());
  const { child, output, exited } = spawnRole('api', env, { PORT: String(p), HOST: '127.0.0.1' });
  await waitForLine(child, output, exited, /cxgov: API listening on /, 'API', timeoutMs);
  return { ...handle('api', child, output, exited), url: `http://127.0.0.1:${p}`, port: p };
}

function spawnRole(role: 'worker' | 'api', env: RoleEnv, extra: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', `main/${role}.ts`], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      TEMPORAL_ADDRESS: env.temporalAddress,
      TEMPORAL_TASK_QUEUE: env.taskQueue,
      DATA_DIR: env.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'cxgov-roles-')),
      JWT_SECRET: testJwtSecret,
      PII_KEY: testPiiKey,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      // The key the run's workflow bundle checks command proofs against.
      COMMAND_SIGNING_KEY: inject('commandSigningKey'),
      ...extra,
      ...env.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let all = '';
  const collect = (chunk: Buffer) => {
    all += chunk.toString();
    // keep the tail only: a long test must not hold every log line
    if (all.length > 200_000) all = all.slice(-100_000);
    if (process.env.TEST_ROLE_OUTPUT) process.stderr.write(`[${role} ${child.pid}] ${chunk.toString()}`);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      children.delete(child);
      resolve();
    }),
  );
  return { child, output: () => all, exited };
}

async function waitForLine(child: ChildProcess, output: () => string, exited: Promise<void>, line: RegExp, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited.then(() => (gone = true));
  while (!line.test(output())) {
    if (gone) throw new Error(`the ${what} process exited before it was ready (code ${child.exitCode}, signal ${child.signalCode}):\n${output().slice(-4000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the ${what} process was not ready within ${timeoutMs} ms:\n${output().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function handle(role: 'worker' | 'api', child: ChildProcess, output: () => string, exited: Promise<void>): RoleProcess {
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    role,
    child,
    output,
    kill: async () => {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      await stopProcess(child, 'SIGTERM', 20_000);
      await exited;
    },
  };
}

// ── a stack of processes ────────────────────────────────────────────────────────────────────────

export interface ProcessStackOptions {
  /** An existing database (e.g. a private PostgreSQL's); omitted → a copy of the run's template, dropped at stop(). */
  databaseUrl?: string;
  /** omitted → the run's Temporal dev server */
  temporalAddress?: string;
  /** Settings for both roles (COMMAND_TIMEOUT_SECONDS, …). */
  env?: Record<string, string>;
  /** Start the API (default true) and the worker (default true) now. */
  api?: boolean;
  worker?: boolean;
}

/**
 * The API and the worker as processes of their own against one database and one task queue,
 * with the helpers' HTTP clients (`as`, `anonymous`, following API restarts) and raw SQL.
 * The API always listens on the same port, so a restart is where clients already point.
 */
export interface ProcessStack extends StackLike {
  databaseUrl: string;
  taskQueue: string;
  temporal: Client;
  api: ApiProcess | undefined;
  worker: RoleProcess | undefined;
  /** Starts the API on the stack's port; `env` adds to (or overrides) the stack's settings for this start. */
  startApi(env?: Record<string, string>): Promise<ApiProcess>;
  startWorker(): Promise<RoleProcess>;
  stop(): Promise<void>;
}

export async function startProcessStack(opts: ProcessStackOptions = {}): Promise<ProcessStack> {
  const id = randomBytes(4).toString('hex');
  const dbName = opts.databaseUrl ? undefined : `cxgov_test_${id}`;
  const databaseUrl = opts.databaseUrl ?? (await createDatabase(dbName!, inject('templateDatabase')));
  const temporalAddress = opts.temporalAddress ?? inject('temporalAddress');
  const taskQueue = `cxgov-fault-${id}`;
  const env: RoleEnv = {
    databaseUrl,
    temporalAddress,
    taskQueue,
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'cxgov-roles-')),
    // Workers start in seconds from the run's bundle instead of bundling workflows/ each time.
    // Archiving a closed run appends to its entity's audit chain; the fault tests count those
    // chains exactly, so the archiver sweeps at the worker's start only (unless a test asks).
    env: { WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'), HISTORY_ARCHIVE_INTERVAL_SECONDS: '3600', ...opts.env },
  };
  const port = await freePort();
  const rawPool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  // A stopped database and the final DROP DATABASE end pooled connections; not errors of the test.
  rawPool.on('error', () => undefined);
  const connection = await Connection.connect({ address: temporalAddress });
  const temporal = new Client({ connection });

  const stack: ProcessStack = {
    databaseUrl,
    taskQueue,
    temporal,
    api: undefined,
    worker: undefined,
    ...httpClients(() => {
      if (!stack.api) throw new Error('no API process is running');
      return stack.api.url;
    }),
    query: async (text, params) => (await rawPool.query(text, params as unknown[])).rows,
    startApi: async (extra?: Record<string, string>) => (stack.api = await startApiProcess(extra ? { ...env, env: { ...env.env, ...extra } } : env, port)),
    startWorker: async () => (stack.worker = await startWorkerProcess(env)),
    stop: async () => {
      await Promise.all([stack.api?.stop(), stack.worker?.stop()]);
      await connection.close();
      await rawPool.end();
      if (dbName) await dropDatabase(dbName);
      rmSync(env.dataDir!, { recursive: true, force: true });
    },
  };
  // One after the other: on an empty database the first one applies the migrations.
  if (opts.api !== false) await stack.startApi();
  if (opts.worker !== false) await stack.startWorker();
  return stack;
}

/** Resolves with `promise`, or fails the test once `ms` have passed ("never a hang"). */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
