import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { signToken } from '../../api/auth/tokens.js';
import type { Principal } from '../../api/auth/roles.js';
import { freePort, startDevServer, type DevServer } from '../../temporal/dev-server.js';

/**
 * The full stack for a benchmark, as separate processes like a deployment: a file-backed
 * Temporal dev server (WAL), a fresh database in the local PostgreSQL (BENCH_DATABASE_ADMIN_URL),
 * the worker and the API. Or configured services via TEMPORAL_ADDRESS / DATABASE_URL.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const secret = randomBytes(32).toString('hex');

export interface BenchStack {
  apiUrl: string;
  temporal: Client;
  temporalAddress: string;
  taskQueue: string;
  databaseUrl: string;
  pids: { worker?: number; api?: number; temporal?: number };
  token(p: Principal): Promise<string>;
  stop(): Promise<void>;
}

export async function startBenchStack(log: (msg: string) => void): Promise<BenchStack> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cxgov-bench-'));
  let devServer: DevServer | undefined;
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    log('starting a Temporal dev server (SQLite file, WAL)…');
    devServer = await startDevServer({ cliPath: process.env.TEMPORAL_CLI_PATH ?? 'temporal', headless: true, dbFile: path.join(scratch, 'temporal.db') });
    temporalAddress = devServer.address;
  }
  let databaseUrl = process.env.DATABASE_URL;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const admin = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `cxgov_bench_${Date.now().toString(36)}`;
    log(`creating database ${name} in the local PostgreSQL…`);
    await withClient(admin, (c) => c.query(`CREATE DATABASE "${name}"`));
    const url = new URL(admin);
    url.pathname = '/' + name;
    databaseUrl = url.toString();
    dropDatabase = () => withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);
  }
  const taskQueue = `cxgov-bench`;
  const apiPort = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    PORT: String(apiPort),
    JWT_SECRET: secret,
    DATA_DIR: scratch,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '10000000',
    DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? '20',
  };
  log('starting the worker and the API as separate processes…');
  const worker = spawnRole('worker', env);
  // The worker migrates the empty database; give it a head start so the API finds it ready.
  await waitForLine(worker, /worker running/, 120_000);
  const api = spawnRole('api', env);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  await waitFor(async () => (await fetch(`${apiUrl}/readyz`)).status === 200, 60_000, 'API ready');

  const connection = await Connection.connect({ address: temporalAddress });
  const temporal = new Client({ connection });
  return {
    apiUrl,
    temporal,
    temporalAddress,
    taskQueue,
    databaseUrl,
    pids: { worker: worker.pid, api: api.pid, temporal: devServer?.process.pid },
    token: (p) => signToken(p, { issuer: 'cxgov', audience: 'cxgov-api', secret: new TextEncoder().encode(secret) }),
    stop: async () => {
      await connection.close();
      await Promise.all([stopChild(api), stopChild(worker)]);
      await devServer?.stop();
      await dropDatabase?.();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

function spawnRole(role: 'worker' | 'api', env: NodeJS.ProcessEnv): ChildProcess {
  // BENCH_PROFILE=<dir>: V8 CPU profiles of the worker and the API, one file per thread (the
  // workflow sandbox runs in a worker thread) under <dir>/<role>/; open them in Chrome DevTools.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(process.env.BENCH_PROFILE, role)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', `main/${role}.ts`], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(`[${role}] ${d}`));
  return child;
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${seen.slice(-2000)}`)), timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`process exited (${code}) before ${pattern}:\n${seen.slice(-2000)}`)));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Resident memory (MiB) of a process, from /proc. */
export function residentMiB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return null;
  }
}
