import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { signToken } from '../../api/auth/tokens.js';
import type { Principal } from '../../api/auth/roles.js';
import { freePort, startDevServer, type DevServer } from '../../temporal/dev-server.js';
import { ensureTemporalBinaries } from '../../scripts/lib/cluster/binaries.js';
import { dropTemporalDatabases, postgresTargetFrom } from '../../scripts/lib/cluster/databases.js';
import { startCluster, temporalConnections, type Cluster } from '../../scripts/lib/cluster/index.js';
import { freeLayout, layoutFromBase } from '../../scripts/lib/cluster/layout.js';

/**
 * The full stack for a benchmark, as separate processes like a deployment, on one of two engines:
 * - `dev`: a file-backed Temporal dev server (SQLite with WAL), one process;
 * - `cluster`: a Temporal cluster (scripts/lib/cluster: frontend, matching, worker and two history
 *   processes, PostgreSQL persistence and visibility in fresh databases).
 * Besides: a fresh database in the local PostgreSQL (BENCH_DATABASE_ADMIN_URL), cxgov's worker and
 * API, and the floors' worker (bench/floor-worker.ts). All with the shipped defaults: the only
 * setting changed is the API's per-client rate limit (the bench is one client), recorded in the
 * results as `settings`. Logs go to files, not the terminal: in the scratch folder (removed at the
 * end), or kept in BENCH_LOG_DIR when set.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const secret = randomBytes(32).toString('hex');

export type Engine = 'dev' | 'cluster';

/** Process ids by role, read at each CPU sample (a cluster service may have been restarted). */
export interface StackProcesses {
  worker?: number;
  api?: number;
  floorWorker?: number;
  /** The dev server, or each cluster service: `frontend`, `history` (several), `matching`, `worker`. */
  temporal: Record<string, number[]>;
}

export interface BenchStack {
  engine: Engine;
  apiUrl: string;
  temporal: Client;
  temporalAddress: string;
  taskQueue: string;
  floorTaskQueue: string;
  databaseUrl: string;
  /** The PostgreSQL databases of this stack: cxgov's, and on a cluster Temporal's two. */
  databases: { cxgov: string; temporal: string[] };
  processes(): StackProcesses;
  token(p: Principal): Promise<string>;
  stop(): Promise<void>;
}

/** The only settings changed from the shipped defaults (see the comment at the top): the rate limits. */
export const benchSettings = { RATE_LIMIT_PER_MINUTE: '10000000', RATE_LIMIT_PER_TOKEN_PER_MINUTE: '10000000' };

/** What the stack sets for its processes whatever the environment says (where its parts are). */
export const setByTheStack: readonly string[] = ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_TASK_QUEUE', 'PORT', 'JWT_SECRET', 'PII_KEY', 'DATA_DIR'];

/**
 * The cxgov settings a run was given through its environment (`keys`: the configuration's), less
 * those the stack sets itself and the bench's own: a result measured with any of them is not one
 * of the shipped defaults, and records them.
 */
export function settingsGiven(env: NodeJS.ProcessEnv, keys: readonly string[]): Record<string, string> {
  const given = keys.filter((k) => env[k] !== undefined && !setByTheStack.includes(k) && !(k in benchSettings));
  return Object.fromEntries(given.map((k) => [k, env[k]!]));
}

/** Stacks started and not yet stopped, for a Ctrl-C. */
const liveStacks = new Set<BenchStack>();

export async function stopAllBenchStacks(): Promise<void> {
  await Promise.all([...liveStacks].map((s) => s.stop()));
}

/** History processes of a bench cluster: two, so the shards are shared as in a real cluster. */
const historyProcesses = 2;

/**
 * PostgreSQL connections one bench stack may hold at most: cxgov's worker and API pools
 * (`DATABASE_POOL_MAX` each, as given to the run), the bench's own client, and on a cluster every
 * Temporal process's two pools (scripts/lib/cluster: 44 for the bench's five processes).
 */
export function stackConnections(engine: Engine, poolMax: number): number {
  const cxgov = 2 * poolMax + 1;
  return engine === 'dev' ? cxgov : cxgov + temporalConnections(layoutFromBase(0, historyProcesses));
}

/** The PostgreSQL server the bench's databases are created on (as a superuser). */
export const benchAdminUrl = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function startBenchStack(log: (msg: string) => void, engine: Engine): Promise<BenchStack> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cxgov-bench-'));
  // BENCH_LOG_DIR is made when missing, as the folder a person names for the logs to land in.
  const logDir = process.env.BENCH_LOG_DIR ? (mkdirSync(process.env.BENCH_LOG_DIR, { recursive: true }), mkdtempSync(path.join(process.env.BENCH_LOG_DIR, `${engine}-`))) : scratch;
  const suffix = Date.now().toString(36);
  const stops: (() => Promise<void>)[] = [];
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const stop of stops.reverse()) await stop().catch((err) => log(`cleanup: ${String(err)}`));
      rmSync(scratch, { recursive: true, force: true });
      liveStacks.delete(stack);
    })());
  // eslint-disable-next-line prefer-const -- assigned once the stack is whole
  let stack: BenchStack;
  try {
    let devServer: DevServer | undefined;
    let cluster: Cluster | undefined;
    let temporalDatabases: string[] = [];
    let temporalAddress: string;
    if (engine === 'dev') {
      log('starting a Temporal dev server (SQLite file, WAL)…');
      devServer = await startDevServer({ cliPath: process.env.TEMPORAL_CLI_PATH ?? 'temporal', headless: true, dbFile: path.join(scratch, 'temporal.db') });
      stops.push(() => devServer!.stop());
      temporalAddress = devServer.address;
    } else {
      const binaries = await ensureTemporalBinaries({ ui: false, say: log });
      const postgres = postgresTargetFrom(benchAdminUrl);
      const databases = { persistence: `cxgov_bench_temporal_${suffix}`, visibility: `cxgov_bench_temporal_visibility_${suffix}` };
      temporalDatabases = [databases.persistence, databases.visibility];
      stops.push(() => dropTemporalDatabases(postgres, databases));
      cluster = await startCluster({
        binaries,
        layout: await freeLayout(historyProcesses),
        postgres,
        databases,
        shards: Number(process.env.BENCH_CLUSTER_SHARDS ?? 8),
        logDir: path.join(logDir, 'temporal'),
        say: log,
        onEvent: (e) => e.kind !== 'restarted' && log(`cluster: ${e.name} ${e.kind}`),
      });
      stops.push(() => cluster!.stop());
      temporalAddress = cluster.address;
    }

    const name = `cxgov_bench_${suffix}`;
    log(`creating database ${name} in the local PostgreSQL…`);
    await withClient(benchAdminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    stops.push(() => withClient(benchAdminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined));
    const url = new URL(benchAdminUrl);
    url.pathname = '/' + name;
    const databaseUrl = url.toString();

    const taskQueue = 'cxgov-bench';
    const floorTaskQueue = 'bench-floor';
    const apiPort = await freePort();
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      BENCH_FLOOR_TASK_QUEUE: floorTaskQueue,
      PORT: String(apiPort),
      JWT_SECRET: secret,
      // A shared database needs its PII key set: cxgov does not generate one then.
      PII_KEY: randomBytes(32).toString('base64'),
      DATA_DIR: scratch,
      ...benchSettings,
    };
    log('starting the worker, the API and the floors’ worker as separate processes…');
    const worker = spawnRole('worker', 'main/worker.ts', env, logDir);
    stops.push(() => stopChild(worker));
    // The worker migrates the empty database; give it a head start so the API finds it ready.
    await waitForLine(worker, /worker running/, 180_000);
    const api = spawnRole('api', 'main/api.ts', env, logDir);
    stops.push(() => stopChild(api));
    const floorWorker = spawnRole('floor-worker', 'bench/floor-worker.ts', env, logDir);
    stops.push(() => stopChild(floorWorker));
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor(async () => (await fetch(`${apiUrl}/readyz`)).status === 200, 60_000, 'API ready');
    await waitForLine(floorWorker, /floor worker running/, 120_000);

    const connection = await Connection.connect({ address: temporalAddress });
    stops.push(() => connection.close());
    const temporal = new Client({ connection });
    stack = {
      engine,
      apiUrl,
      temporal,
      temporalAddress,
      taskQueue,
      floorTaskQueue,
      databaseUrl,
      databases: { cxgov: name, temporal: temporalDatabases },
            processes: () => ({
        worker: worker.pid,
        api: api.pid,
        floorWorker: floorWorker.pid,
        temporal: cluster ? cluster.pids() : { devServer: devServer?.process.pid ? [devServer.process.pid] : [] },
      }),
      token: (p) => signToken(p, { issuer: 'cxgov', audience: 'cxgov-api', secret: new TextEncoder().encode(secret) }),
      stop: stopAll,
    };
    liveStacks.add(stack);
    return stack;
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** Roles still running, killed if the bench process ends without stopping them. */
const roles = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of roles) c.kill('SIGKILL');
});

/** A role as its own Node process; its output goes to <logDir>/<role>.log (the shipped log level). */
function spawnRole(role: string, script: string, env: NodeJS.ProcessEnv, logDir: string): ChildProcess {
  // BENCH_PROFILE=<dir>: V8 CPU profiles of each role, one file per thread (the workflow sandbox
  // runs in a worker thread) under <dir>/<role>/; open them in Chrome DevTools.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(process.env.BENCH_PROFILE, role)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  roles.add(child);
  child.once('exit', () => roles.delete(child));
  const logFile = createWriteStream(path.join(logDir, `${role}.log`));
  child.stdout!.pipe(logFile);
  child.stderr!.pipe(logFile);
  // Errors still reach the terminal.
  child.stderr!.on('data', (d: Buffer) => {
    if (/"level":(50|60)|Error/.test(d.toString())) process.stderr.write(`[${role}] ${d.toString().slice(0, 2000)}`);
  });
  return child;
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${seen.slice(-2000)}`)), timeoutMs);
    const onData = (d: Buffer) => {
      seen += d.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
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
  if (child.exitCode !== null || child.signalCode !== null) return;
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

/** Resident memory of several processes together (MiB). */
export function residentMiBOf(pids: number[]): number | null {
  const each = pids.map(residentMiB);
  return each.some((m) => m === null) || each.length === 0 ? null : Math.round(each.reduce((a, b) => a! + b!, 0)! * 10) / 10;
}
