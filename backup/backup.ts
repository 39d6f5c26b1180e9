import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Config } from '../config/config.js';
import { backupName } from './retention.js';

/**
 * A backup of everything cxgov needs to come back (docs/operations.md "Backup and restore"): the
 * application database, the Temporal dev server's state, and the secrets generated under DATA_DIR,
 * in one folder with a manifest of sizes and sha256 checksums. Written under `<name>.partial` and
 * renamed when complete, so a folder without that suffix is a whole backup.
 *
 * Order matters between the two stores: Temporal's state is copied first, the database second.
 * Whatever a workflow did in between is then in the database but not in the restored history;
 * the workflow does it again after the restore and the writes are idempotent (projection
 * versions, audit source keys). The other order would lose database writes a restored history
 * counts as done.
 */
export const manifestFile = 'manifest.json';
export const manifestFormat = 'cxgov-backup/1';

/** Secrets cxgov generates under DATA_DIR when they are not set (config/secrets.ts). */
export const generatedSecretFiles = ['pii-key', 'jwt-secret', 'command-signing-key'] as const;
const secretSettings: Record<(typeof generatedSecretFiles)[number], keyof Config> = {
  'pii-key': 'PII_KEY',
  'jwt-secret': 'JWT_SECRET',
  'command-signing-key': 'COMMAND_SIGNING_KEY',
};

export const databaseDumpFile = 'database.pgdump';
export const pgliteDumpFile = 'database.pglite.tar.gz';
export const temporalFile = 'temporal.sqlite';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ManifestFile {
  path: string;
  what: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof manifestFormat;
  createdAt: string;
  cxgovVersion: string;
  /** Migrations applied in the backed-up database (drizzle's journal): how many, and the last. */
  schema: { migrations: number; last: string | null };
  database: { kind: 'postgres' | 'pglite'; file: string };
  temporal: { kind: 'dev-server-sqlite'; file: string; method: string } | { kind: 'not-included'; reason: string };
  secrets: { files: string[]; fromEnvironment: string[] };
  files: ManifestFile[];
}

/** A live embedded database the caller already holds open (the worker's PGlite). */
export interface OpenPglite {
  dumpDataDir(compression?: 'gzip' | 'none' | 'auto'): Promise<Blob | File>;
  query<T>(q: string): Promise<{ rows: T[] }>;
}

export interface BackupOptions {
  config: Config;
  /** Parent folder; the backup is a new folder in it, named for its instant. */
  dir: string;
  /** The Temporal dev server's SQLite file; omitted → none (an external Temporal: docs/operations.md). */
  temporalDbFile?: string;
  /** Why Temporal is not in the backup, for the manifest, when temporalDbFile is omitted. */
  temporalSkipReason?: string;
  /** The embedded database as the running process holds it; omitted → opened here (cxgov must be stopped). */
  pglite?: OpenPglite;
  /** false: leave the generated secrets out (they are kept elsewhere). */
  secrets?: boolean;
  now?: Date;
  say?: (line: string) => void;
}

export async function createBackup(opts: BackupOptions): Promise<{ path: string; manifest: Manifest }> {
  const say = opts.say ?? (() => undefined);
  const now = opts.now ?? new Date();
  const name = backupName(now);
  const finalDir = path.join(path.resolve(opts.dir), name);
  if (existsSync(finalDir)) throw new Error(`${finalDir} exists already`);
  const work = `${finalDir}.partial`;
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true, mode: 0o700 });
  const files: ManifestFile[] = [];
  const add = async (file: string, what: string) => {
    const full = path.join(work, file);
    await chmod(full, 0o600);
    const info = { path: file, what, bytes: (await stat(full)).size, sha256: await sha256Of(full) };
    files.push(info);
    say(`  ${file}: ${formatBytes(info.bytes)}, sha256 ${info.sha256.slice(0, 16)}…`);
  };
  try {
    // 1. Temporal first (see above).
    let temporal: Manifest['temporal'];
    if (opts.temporalDbFile) {
      say(`copying Temporal's state (${opts.temporalDbFile})…`);
      const method = await copySqlite(opts.temporalDbFile, path.join(work, temporalFile), opts.config);
      await add(temporalFile, `Temporal dev server state (SQLite, ${method})`);
      temporal = { kind: 'dev-server-sqlite', file: temporalFile, method };
    } else {
      temporal = { kind: 'not-included', reason: opts.temporalSkipReason ?? 'no dev server state file named' };
      say(`Temporal: not included (${temporal.reason})`);
    }

    // 2. The application database, with its migration level.
    let database: Manifest['database'];
    let schema: Manifest['schema'];
    if (opts.config.DATABASE_URL) {
      say('dumping PostgreSQL (pg_dump, one consistent snapshot)…');
      const target = pgTool(opts.config.DATABASE_URL);
      await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${path.join(work, databaseDumpFile)}`, `--dbname=${target.url}`], { maxBuffer: 16 << 20, env: target.env });
      await add(databaseDumpFile, 'application database (pg_dump custom format)');
      database = { kind: 'postgres', file: databaseDumpFile };
      schema = await withPg(opts.config.DATABASE_URL, (q) => migrationLevel(q));
    } else {
      say(`dumping the embedded database (PGlite dumpDataDir of ${path.join(opts.config.dataDir, 'pglite')})…`);
      const dumped = await withPglite(opts, async (pg) => ({ blob: await pg.dumpDataDir('gzip'), level: await migrationLevel((q) => pg.query(q)) }));
      await writeFile(path.join(work, pgliteDumpFile), Buffer.from(await dumped.blob.arrayBuffer()), { mode: 0o600 });
      await add(pgliteDumpFile, 'application database (PGlite data directory, tar.gz)');
      database = { kind: 'pglite', file: pgliteDumpFile };
      schema = dumped.level;
    }

    // 3. The secrets generated under DATA_DIR; those set in the environment are not ours to copy.
    const secrets: Manifest['secrets'] = { files: [], fromEnvironment: [] };
    for (const file of generatedSecretFiles) {
      if (opts.config[secretSettings[file]]) secrets.fromEnvironment.push(secretSettings[file]);
      const source = path.join(opts.config.dataDir, file);
      if (opts.secrets === false || !existsSync(source)) continue;
      await mkdir(path.join(work, 'secrets'), { mode: 0o700, recursive: true });
      await copyFile(source, path.join(work, 'secrets', file));
      await add(`secrets/${file}`, `generated secret ${file} (DATA_DIR)`);
      secrets.files.push(file);
    }
    if (secrets.fromEnvironment.length) say(`not in the backup, set in the environment (keep them in your secret manager): ${secrets.fromEnvironment.join(', ')}`);

    const manifest: Manifest = { format: manifestFormat, createdAt: now.toISOString(), cxgovVersion: cxgovVersion(), schema, database, temporal, secrets, files };
    await writeFile(path.join(work, manifestFile), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
    await rename(work, finalDir);
    say(`backup written: ${finalDir}`);
    return { path: finalDir, manifest };
  } catch (err) {
    await rm(work, { recursive: true, force: true });
    throw err;
  }
}

/**
 * A consistent copy of a live SQLite file: `VACUUM INTO` through the sqlite3 CLI reads one
 * snapshot (a read transaction; the dev server's WAL mode lets it keep writing meanwhile). Without
 * the CLI, a plain copy is safe only while the dev server is stopped, which is checked first.
 */
async function copySqlite(source: string, target: string, config: Config): Promise<string> {
  if (!existsSync(source)) throw new Error(`Temporal's state file ${source} does not exist`);
  if (await hasSqliteCli()) {
    await run('sqlite3', [source, `VACUUM INTO '${target.replaceAll("'", "''")}'`]);
    const { stdout } = await run('sqlite3', [target, 'PRAGMA integrity_check']);
    if (stdout.trim() !== 'ok') throw new Error(`the copy of Temporal's state fails its integrity check: ${stdout.trim()}`);
    return 'sqlite3 VACUUM INTO, integrity checked';
  }
  if (await listening('127.0.0.1', config.TEMPORAL_DEV_PORT)) {
    throw new Error(`no sqlite3 CLI for an online copy of ${source}, and a Temporal server answers on port ${config.TEMPORAL_DEV_PORT}: install sqlite3, or stop cxgov and back up again`);
  }
  if (existsSync(`${source}-wal`)) throw new Error(`${source}-wal exists: start and stop the dev server once so it checkpoints, or install sqlite3`);
  await copyFile(source, target);
  return 'file copy while the server was stopped';
}

let sqliteCli: Promise<boolean> | undefined;
export function hasSqliteCli(): Promise<boolean> {
  sqliteCli ??= run('sqlite3', ['-version']).then(
    () => true,
    () => false,
  );
  return sqliteCli;
}

export function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * The URL and environment for pg_dump / pg_restore: the password moves from the URL into
 * PGPASSWORD, so that it does not show in the process list (`ps`) while the tool runs.
 */
export function pgTool(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

type Query = <T>(q: string) => Promise<{ rows: T[] }>;

/** The applied migrations (drizzle's bookkeeping table) against this code's journal. */
export async function migrationLevel(query: Query): Promise<Manifest['schema']> {
  const { rows } = await query<{ n: number; last: string | null }>('select count(*)::int as n, max(created_at)::text as last from drizzle.__drizzle_migrations');
  const n = rows[0]?.n ?? 0;
  const entry = journal().find((e) => String(e.when) === rows[0]?.last);
  return { migrations: n, last: entry?.tag ?? null };
}

export function journal(): { idx: number; tag: string; when: number }[] {
  return JSON.parse(readFileSync(path.join(root, 'db', 'migrations', 'meta', '_journal.json'), 'utf8')).entries;
}

export function cxgovVersion(): string {
  return JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
}

export async function withPg<T>(url: string, fn: (q: Query) => Promise<T>): Promise<T> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn((q) => client.query(q) as never);
  } finally {
    await client.end();
  }
}

async function withPglite<T>(opts: BackupOptions, fn: (pg: OpenPglite) => Promise<T>): Promise<T> {
  if (opts.pglite) return fn(opts.pglite);
  // PGlite is one process's database: a second process must not open it while cxgov runs.
  if (await listening('127.0.0.1', opts.config.TEMPORAL_DEV_PORT)) {
    throw new Error(`cxgov seems to run (port ${opts.config.TEMPORAL_DEV_PORT} answers): the embedded database can be dumped by another process only while cxgov is stopped; stop it, or use the scheduled backup (BACKUP_SCHEDULE), which runs inside the worker`);
  }
  const dir = path.join(opts.config.dataDir, 'pglite');
  if (!existsSync(dir)) throw new Error(`no embedded database in ${dir}`);
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create(dir);
  try {
    return await fn(pg);
  } finally {
    await pg.close();
  }
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
