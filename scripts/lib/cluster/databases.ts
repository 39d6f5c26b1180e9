import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';

/**
 * Temporal's persistence and visibility databases in PostgreSQL, created and brought to the
 * schema version of the server binary with Temporal's own schema tool — the same three commands
 * an operator runs (docs/operations.md "Upgrades"): `create-database` when missing,
 * `setup-schema -v 0.0` on a database without Temporal's version table, then `update-schema`
 * over the versioned schema folders, which applies only what is newer and so is safe to repeat.
 */
export interface PostgresTarget {
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface TemporalDatabases {
  persistence: string;
  visibility: string;
}

type Say = (msg: string) => void;

export function postgresTargetFrom(url: string): PostgresTarget {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username || 'postgres'), password: decodeURIComponent(u.password) };
}

function urlOf(target: PostgresTarget, database: string): string {
  const auth = target.password ? `${encodeURIComponent(target.user)}:${encodeURIComponent(target.password)}` : encodeURIComponent(target.user);
  return `postgres://${auth}@${target.host}:${target.port}/${database}`;
}

async function withClient<T>(target: PostgresTarget, database: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlOf(target, database) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function runSqlTool(sqlTool: string, target: PostgresTarget, database: string, args: string[]): Promise<void> {
  const common = ['--plugin', 'postgres12', '--endpoint', target.host, '--port', String(target.port), '--user', target.user, '--password', target.password, '--database', database];
  return new Promise((resolve, reject) => {
    const child = spawn(sqlTool, [...common, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`temporal schema tool ${args[0]} on ${database} failed (${code}):\n${out.slice(-3000)}`))));
  });
}

async function databaseExists(target: PostgresTarget, name: string): Promise<boolean> {
  return withClient(target, 'postgres', async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
}

async function hasSchemaVersionTable(target: PostgresTarget, name: string): Promise<boolean> {
  return withClient(target, name, async (c) => (await c.query("select 1 from information_schema.tables where table_name = 'schema_version'")).rowCount === 1);
}

export async function schemaVersion(target: PostgresTarget, name: string): Promise<string | undefined> {
  return withClient(target, name, async (c) => (await c.query<{ curr_version: string }>('select curr_version from schema_version limit 1')).rows[0]?.curr_version);
}

/** Creates (when missing) and migrates both databases; returns their schema versions. */
export async function ensureTemporalDatabases(opts: { sqlTool: string; postgresSchemaDir: string; target: PostgresTarget; databases: TemporalDatabases; say: Say }): Promise<Record<keyof TemporalDatabases, string | undefined>> {
  const { sqlTool, target, say } = opts;
  const folders: Record<keyof TemporalDatabases, string> = { persistence: 'temporal', visibility: 'visibility' };
  const versions = {} as Record<keyof TemporalDatabases, string | undefined>;
  for (const kind of ['persistence', 'visibility'] as const) {
    const name = opts.databases[kind];
    if (!(await databaseExists(target, name))) {
      say(`creating the Temporal ${kind} database ${name}…`);
      await runSqlTool(sqlTool, target, name, ['create-database']);
    }
    if (!(await hasSchemaVersionTable(target, name))) await runSqlTool(sqlTool, target, name, ['setup-schema', '--version', '0.0']);
    const before = await schemaVersion(target, name);
    await runSqlTool(sqlTool, target, name, ['update-schema', '--schema-dir', path.join(opts.postgresSchemaDir, folders[kind], 'versioned')]);
    versions[kind] = await schemaVersion(target, name);
    if (before !== versions[kind]) say(`  ${name}: schema ${before ?? 'none'} → ${versions[kind]}`);
  }
  return versions;
}

/**
 * Whether the server vacuums by itself (PostgreSQL's default). Temporal's task tables are queues:
 * every task is a row inserted and soon deleted, and without vacuum the dead rows pile up under
 * every read of the queue. Seen on a cluster with it off (docs/performance.md): after 16,000
 * intakes the visibility task table held 238 live rows and 31,847 dead ones.
 */
export async function autovacuumOn(target: PostgresTarget): Promise<boolean> {
  return withClient(target, 'postgres', async (c) => (await c.query<{ autovacuum: string }>('show autovacuum')).rows[0]?.autovacuum === 'on');
}

/** The server's buffer cache (`shared_buffers`, e.g. `128MB`, Debian's default), recorded with bench results. */
export async function sharedBuffers(target: PostgresTarget): Promise<string | undefined> {
  return withClient(target, 'postgres', async (c) => (await c.query<{ shared_buffers: string }>('show shared_buffers')).rows[0]?.shared_buffers);
}

/**
 * Connections the server can still accept: `max_connections` less those open now (not counting
 * this check's own, which closes at once). (The bench and
 * the local cluster connect as a superuser, who may also take the reserved ones; those are left
 * out, for an administrator to get in when the rest are taken.)
 */
export async function connectionsFree(target: PostgresTarget): Promise<{ free: number; max: number }> {
  return withClient(target, 'postgres', async (c) => {
    const row = (await c.query<{ max: number; reserved: number; open: number }>(
      "select current_setting('max_connections')::int as max, current_setting('superuser_reserved_connections')::int as reserved, (select count(*)::int from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()) as open",
    )).rows[0]!;
    return { free: row.max - row.reserved - row.open, max: row.max };
  });
}

export const autovacuumWarning =
  'warning: autovacuum is off on this PostgreSQL server. Temporal’s task tables are queues (a row inserted and deleted for every task), and without vacuum the deleted rows stay under every read of them; turn it on (PostgreSQL’s default) for anything but a short test (docs/operations.md "Sizing", PostgreSQL)';

/** Drops both databases (a bench's or a test's own cluster; `npm run cluster -- --fresh`). */
export async function dropTemporalDatabases(target: PostgresTarget, databases: TemporalDatabases): Promise<void> {
  await withClient(target, 'postgres', async (c) => {
    for (const name of [databases.persistence, databases.visibility]) await c.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  });
}
