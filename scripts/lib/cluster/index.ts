import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import type { TemporalBinaries } from './binaries.js';
import { ensureTemporalDatabases, type PostgresTarget, type TemporalDatabases } from './databases.js';
import { portEnvironment, type ClusterLayout, type ServiceInstance, type TemporalService } from './layout.js';
import { registerNamespace, waitUntilServing } from './namespace.js';
import { supervise, type SupervisedProcess, type SupervisorEvent } from './supervisor.js';

/**
 * A Temporal cluster as a platform team runs one, on this machine: PostgreSQL persistence and
 * visibility, the four services (frontend, history, matching, worker) as processes of their own
 * with several history processes sharing the shards, all from the configuration in
 * deploy/temporal/. Used by `npm run cluster`, the bench (`--engine cluster`) and the cluster
 * test group; see docs/operations.md for what each part is.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const temporalConfigDir = path.join(root, 'deploy', 'temporal', 'config');
export const temporalDynamicConfigFile = path.join(root, 'deploy', 'temporal', 'dynamicconfig', 'cluster.yaml');
export const temporalUiConfigDir = path.join(root, 'deploy', 'temporal-ui', 'config');

export interface ClusterOptions {
  binaries: TemporalBinaries;
  layout: ClusterLayout;
  postgres: PostgresTarget;
  databases: TemporalDatabases;
  /** History shards; fixed for the life of the persistence database. */
  shards: number;
  namespace?: string;
  /** How long Temporal keeps a closed workflow (cxgov archives histories into its own database first). */
  retentionDays?: number;
  /** Where each service's log file goes. */
  logDir: string;
  /** Temporal's own log level (default warn). */
  logLevel?: string;
  say: (msg: string) => void;
  onEvent?: (event: SupervisorEvent) => void;
}

export interface ClusterService extends SupervisedProcess {
  readonly instance: ServiceInstance;
}

/** What `npm run cluster` writes to its state file, for operators and for the cluster tests. */
export interface ClusterState {
  address: string;
  namespace: string;
  uiUrl?: string;
  shards: number;
  databases: TemporalDatabases;
  startedAt: string;
  runnerPid: number;
  services: { name: string; service: TemporalService | 'ui'; pid: number | undefined; grpcPort?: number; logFile: string; restarts: number }[];
}

export interface Cluster {
  address: string;
  namespace: string;
  uiUrl?: string;
  services: ClusterService[];
  ui?: SupervisedProcess;
  /** Process ids by service kind (several for history), for CPU accounting. */
  pids(): Record<TemporalService, number[]>;
  state(): ClusterState;
  stop(): Promise<void>;
}

/**
 * PostgreSQL connections per process (persistence, visibility). Temporal's own example gives every
 * process 20 + 10, which for five processes is more than a default PostgreSQL (100 connections)
 * has beside cxgov's pools; these fit one host and leave history, which does most of the writing,
 * the most. docs/operations.md "Sizing" gives the sum to plan PostgreSQL for.
 */
export const connectionsPerService: Record<TemporalService, { persistence: number; visibility: number }> = {
  frontend: { persistence: 5, visibility: 3 },
  history: { persistence: 10, visibility: 3 },
  matching: { persistence: 5, visibility: 1 },
  worker: { persistence: 3, visibility: 1 },
};

/** The PostgreSQL connections a cluster of `layout` may hold at most (every process's two pools, full). */
export function temporalConnections(layout: ClusterLayout): number {
  return layout.instances.reduce((sum, i) => sum + connectionsPerService[i.service].persistence + connectionsPerService[i.service].visibility, 0);
}

function serverEnvironment(opts: ClusterOptions, instance: ServiceInstance): NodeJS.ProcessEnv {
  const frontend = opts.layout.instances.find((i) => i.service === 'frontend')!;
  return {
    ...process.env,
    TEMPORAL_LOG_LEVEL: opts.logLevel ?? 'warn',
    TEMPORAL_HISTORY_SHARDS: String(opts.shards),
    POSTGRES_HOST: opts.postgres.host,
    POSTGRES_PORT: String(opts.postgres.port),
    POSTGRES_USER: opts.postgres.user,
    POSTGRES_PASSWORD: opts.postgres.password,
    TEMPORAL_DB: opts.databases.persistence,
    TEMPORAL_VISIBILITY_DB: opts.databases.visibility,
    TEMPORAL_SQL_MAX_CONNS: String(connectionsPerService[instance.service].persistence),
    TEMPORAL_SQL_VISIBILITY_MAX_CONNS: String(connectionsPerService[instance.service].visibility),
    TEMPORAL_DYNAMIC_CONFIG_FILE: temporalDynamicConfigFile,
    TEMPORAL_FRONTEND_ADDRESS: opts.layout.frontendAddress,
    ...portEnvironment(instance, frontend),
  };
}

/** Resolves once something accepts TCP connections on `port`; rejects when `alive()` turns false. */
async function waitForPort(port: number, alive: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (!alive()) throw new Error(`${what} exited while starting`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not listen on port ${port} within ${timeoutMs / 1000} s`);
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const namespace = opts.namespace ?? 'default';
  mkdirSync(opts.logDir, { recursive: true });
  const versions = await ensureTemporalDatabases({ sqlTool: opts.binaries.sqlTool, postgresSchemaDir: opts.binaries.postgresSchemaDir, target: opts.postgres, databases: opts.databases, say: opts.say });
  opts.say(`Temporal databases ${opts.databases.persistence} (schema ${versions.persistence}) and ${opts.databases.visibility} (schema ${versions.visibility})`);

  const startService = (instance: ServiceInstance): ClusterService => ({
    instance,
    ...supervise({
      name: instance.name,
      command: opts.binaries.server,
      // No authorizer: this cluster listens on loopback only (docs/operations.md "Security").
      args: ['--root', root, '--config', path.relative(root, temporalConfigDir), '--allow-no-auth', 'start', '--service', instance.service],
      env: serverEnvironment(opts, instance),
      cwd: root,
      logFile: path.join(opts.logDir, `${instance.name}.log`),
      onEvent: opts.onEvent,
    }),
  });
  // Every service joins the membership ring on its membership port; the worker service serves no
  // gRPC of its own. A service that dies while starting is restarted by its supervisor and only
  // counts as failed when that gives up. The end-to-end check below then says whether they work
  // together.
  const listening = (s: ClusterService) =>
    Promise.all(
      [s.instance.membershipPort, ...(s.instance.service === 'worker' ? [] : [s.instance.grpcPort])].map((port) =>
        waitForPort(port, () => !s.gaveUp(), 120_000, s.name).catch((err) => Promise.reject(new Error(`${err.message}; its log ends:\n${s.logTail()}`))),
      ),
    );
  const services: ClusterService[] = [];
  const stopAll = async (list: SupervisedProcess[]) => {
    await Promise.all(list.map((s) => s.stop()));
  };
  try {
    opts.say(`starting ${opts.layout.instances.map((i) => i.name).join(', ')} (${opts.shards} history shards)…`);
    // The first service alone: on a new database it writes the cluster's metadata, which several
    // starting at once would race to insert.
    const [first, ...rest] = opts.layout.instances;
    services.push(startService(first!));
    await listening(services[0]!);
    services.push(...rest.map(startService));
    await Promise.all(services.slice(1).map(listening));
    const connection = await Connection.connect({ address: opts.layout.frontendAddress, connectTimeout: 30_000 });
    try {
      await registerNamespace(connection, namespace, opts.retentionDays ?? 7, opts.say);
      await waitUntilServing(connection, namespace, 180_000);
    } finally {
      await connection.close();
    }
  } catch (err) {
    await stopAll(services);
    throw err;
  }

  let ui: SupervisedProcess | undefined;
  let uiUrl: string | undefined;
  if (opts.binaries.ui) {
    ui = supervise({
      name: 'ui',
      command: opts.binaries.ui,
      args: ['--root', root, '--config', path.relative(root, temporalUiConfigDir), 'start'],
      env: { ...process.env, TEMPORAL_UI_TEMPORAL_ADDRESS: opts.layout.frontendAddress, TEMPORAL_UI_PORT: String(opts.layout.uiPort), TEMPORAL_UI_HOST: '127.0.0.1' },
      cwd: root,
      logFile: path.join(opts.logDir, 'ui.log'),
      onEvent: opts.onEvent,
    });
    // The cluster is useful without its UI: a UI that does not start is reported, not fatal.
    const started = await waitForPort(opts.layout.uiPort, () => !ui!.gaveUp(), 60_000, 'the Web UI').then(
      () => true,
      (err: Error) => {
        opts.say(`Web UI not started: ${err.message}; its log ends:\n${ui!.logTail(1500)}`);
        return false;
      },
    );
    if (started) uiUrl = `http://127.0.0.1:${opts.layout.uiPort}`;
  }

  const startedAt = new Date().toISOString();
  return {
    address: opts.layout.frontendAddress,
    namespace,
    uiUrl,
    services,
    ui,
    pids: () => {
      const out: Record<TemporalService, number[]> = { frontend: [], history: [], matching: [], worker: [] };
      for (const s of services) {
        const pid = s.pid();
        if (pid) out[s.instance.service].push(pid);
      }
      return out;
    },
    state: () => ({
      address: opts.layout.frontendAddress,
      namespace,
      uiUrl,
      shards: opts.shards,
      databases: opts.databases,
      startedAt,
      runnerPid: process.pid,
      services: [
        ...services.map((s) => ({ name: s.name, service: s.instance.service, pid: s.pid(), grpcPort: s.instance.grpcPort, logFile: s.logFile, restarts: s.restarts() })),
        ...(ui ? [{ name: 'ui', service: 'ui' as const, pid: ui.pid(), logFile: ui.logFile, restarts: ui.restarts() }] : []),
      ],
    }),
    stop: async () => {
      // The frontend first, so clients see it go before the services behind it.
      const frontend = services.filter((s) => s.instance.service === 'frontend');
      await stopAll([...(ui ? [ui] : []), ...frontend]);
      await stopAll(services.filter((s) => s.instance.service !== 'frontend'));
    },
  };
}
