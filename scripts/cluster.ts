import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureTemporalBinaries } from './lib/cluster/binaries.js';
import { autovacuumOn, autovacuumWarning, dropTemporalDatabases, postgresTargetFrom } from './lib/cluster/databases.js';
import { startCluster, type Cluster } from './lib/cluster/index.js';
import { busyPorts, layoutFromBase } from './lib/cluster/layout.js';
import { clusterStateFile } from './lib/cluster/state.js';
import { stopAllSupervised } from './lib/cluster/supervisor.js';

/**
 * `npm run cluster`: a Temporal cluster on this machine — frontend, matching, worker and two
 * history services as processes of their own, PostgreSQL persistence and visibility — built from
 * source when missing, its databases created and migrated with Temporal's schema tool, the
 * `default` namespace registered, the Web UI beside it. Prints the address for TEMPORAL_ADDRESS;
 * Ctrl-C stops everything. A service that dies is restarted (as systemd would), which the
 * cluster tests rely on when they kill one.
 *
 *   npm run cluster [-- --shards 8] [--history 2] [--port 7233] [--headless] [--fresh]
 *                   [--database temporal] [--visibility-database temporal_visibility]
 *
 * PostgreSQL: TEMPORAL_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres, the
 * user must be allowed to create databases).
 */
const { values } = parseArgs({
  options: {
    shards: { type: 'string', default: '8' },
    history: { type: 'string', default: '2' },
    port: { type: 'string', default: '7233' },
    headless: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    database: { type: 'string', default: 'temporal' },
    'visibility-database': { type: 'string', default: 'temporal_visibility' },
    'log-level': { type: 'string', default: 'warn' },
  },
});
const say = (msg: string) => process.stderr.write(`cluster: ${msg}\n`);
const root = path.resolve(import.meta.dirname, '..');
const stateDir = path.join(root, '.data', 'cluster');
const postgres = postgresTargetFrom(process.env.TEMPORAL_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const databases = { persistence: values.database!, visibility: values['visibility-database']! };
const layout = layoutFromBase(Number(values.port), Number(values.history));
if (layout.instances.some((i) => i.membershipPort > 32_767)) {
  say('--port: choose a block below 32768 (Temporal keeps membership ports in a smallint column)');
  process.exit(2);
}
const stateFile = clusterStateFile(root);

// Ctrl-C at any point, also while the cluster is still starting, stops every service started.
let cluster: Cluster | undefined;
let stoppingSince: number | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A terminal's Ctrl-C reaches this process twice (directly and forwarded by npm's wrapper):
    // only a signal seconds after the first means "stop now" (the services are then SIGKILLed).
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince > 3_000) process.exit(1);
      return;
    }
    stoppingSince = Date.now();
    say('stopping…');
    (cluster ? cluster.stop() : stopAllSupervised())
      .then(() => {
        rmSync(stateFile, { force: true });
        say('stopped');
        process.exit(0);
      })
      .catch((err) => {
        say(`unclean stop: ${String(err)}`);
        process.exit(1);
      });
  });
}

const busy = await busyPorts(layout);
if (busy.length) {
  say(`ports in use: ${busy.join(', ')} — is a cluster or a dev server already running? Choose another block with --port.`);
  process.exit(1);
}
const binaries = await ensureTemporalBinaries({ ui: !values.headless, say });
if (values.fresh) {
  say(`--fresh: dropping ${databases.persistence} and ${databases.visibility}`);
  await dropTemporalDatabases(postgres, databases);
}
// Said here and in the bench (which covers both engines), not where the databases are made, so a
// bench on the cluster says it once.
if (!(await autovacuumOn(postgres))) say(autovacuumWarning);
mkdirSync(stateDir, { recursive: true });
cluster = await startCluster({
  binaries,
  layout,
  postgres,
  databases,
  shards: Number(values.shards),
  logDir: path.join(stateDir, 'logs'),
  logLevel: values['log-level'],
  say,
  onEvent: (e) => {
    if (e.kind === 'exited') say(`${e.name} (pid ${e.pid}) exited (${e.signal ?? `code ${e.code}`}); restarting it`);
    if (e.kind === 'restarted') say(`${e.name} running again (pid ${e.pid})`);
    if (e.kind === 'gave-up') say(`${e.name} ${e.reason}: given up; see ${path.join(stateDir, 'logs', `${e.name}.log`)}`);
    writeState();
  },
}).catch((err) => {
  say(err instanceof Error ? err.message : String(err));
  if (/numHistoryShards|shard count/i.test(String(err))) say('the shard count is fixed when the database is created: use the same --shards, or --fresh to start over');
  process.exit(1);
});

function writeState(): void {
  if (cluster) writeFileSync(stateFile, JSON.stringify(cluster.state(), null, 2) + '\n');
}
writeState();

const lines = [
  '',
  `Temporal cluster ready: ${cluster.services.map((s) => `${s.name} (pid ${s.pid()})`).join(', ')}`,
  `  TEMPORAL_ADDRESS=${cluster.address}   namespace ${cluster.namespace}`,
  ...(cluster.uiUrl ? [`  Web UI: ${cluster.uiUrl}`] : []),
  `  logs: ${path.relative(process.cwd(), path.join(stateDir, 'logs'))}/   state: ${path.relative(process.cwd(), stateFile)}`,
  `  cxgov against it:  TEMPORAL_ADDRESS=${cluster.address} npm run worker   (and npm run api)`,
  `  the cluster tests: TEMPORAL_ADDRESS=${cluster.address} npm test -- --project cluster`,
  'Ctrl-C stops the cluster.',
  '',
];
process.stdout.write(lines.join('\n') + '\n');

