import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';

export { schema };
export type Schema = typeof schema;
/** The drizzle handle, whichever driver is behind it (node-postgres or PGlite). */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** The handle inside `db.transaction(async (tx) => …)`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The embedded database itself (PGlite only): a backup in the process that holds it dumps it. */
  pglite?: {
    dumpDataDir(compression?: 'gzip' | 'none' | 'auto'): Promise<Blob | File>;
    query<T>(q: string): Promise<{ rows: T[] }>;
  };
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface DatabaseOptions {
  /** PostgreSQL URL; unset → embedded PGlite in `dataDir`. */
  url?: string;
  dataDir: string;
  poolMax?: number;
  onPoolError?: (err: Error) => void;
}

export async function openDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  return opts.url ? openPostgres(opts.url, opts) : openPglite(opts.dataDir);
}

/**
 * The PostgreSQL driver's modules, loaded on first use (a process on PGlite never loads them). A
 * process that will open PostgreSQL later and should not wait then (a verification thread started
 * ahead of its first range) loads them beforehand with this.
 */
export async function loadPostgresModules() {
  const [pgModule, node, migrator] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres'), import('drizzle-orm/node-postgres/migrator')]);
  return { Pool: pgModule.default.Pool, drizzle: node.drizzle, migrate: migrator.migrate };
}

async function openPostgres(url: string, opts: DatabaseOptions): Promise<DatabaseHandle> {
  const { Pool, drizzle, migrate } = await loadPostgresModules();
  const pool = new Pool({
    connectionString: url,
    max: opts.poolMax ?? 10,
    // Fail fast when the database is down so the API answers 503 instead of hanging.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // A client losing its connection must not crash the process; the next query retries. The pool
  // listens on idle clients only: a client checked out (a transaction waiting when the database
  // stops) emits 'error' with no listener — an uncaught exception — unless it has its own.
  pool.on('error', (err) => opts.onPoolError?.(err));
  pool.on('connect', (client) => client.on('error', (err) => opts.onPoolError?.(err)));
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    ping: async () => void (await db.execute(sql`select 1`)),
    migrate: () => migrate(db as never, { migrationsFolder }),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dir = path.join(dataDir, 'pglite');
  // DATA_DIR and the database under it: this user's only (docs/operations.md).
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const client = await PGlite.create(dir);
  const db = drizzle({ client, schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    ping: async () => void (await db.execute(sql`select 1`)),
    migrate: () => migrate(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}

/** Rows of a raw SQL query; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Database, query: import('drizzle-orm').SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * The PostgreSQL URL behind a node-postgres handle (drizzle keeps its pool as `$client`);
 * undefined for PGlite, which lives inside this process. Work that opens connections of its own
 * beside the handle's pool, such as the trail's verification on worker threads, needs it.
 */
export function postgresUrlOf(db: Database): string | undefined {
  const client = (db as unknown as { $client?: { options?: { connectionString?: unknown } } }).$client;
  const url = client?.options?.connectionString;
  return typeof url === 'string' ? url : undefined;
}
