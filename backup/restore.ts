import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Config } from '../config/config.js';
import { erasureLedgerPath } from '../config/secrets.js';
import { openDatabase } from '../db/client.js';
import { reapplyErasures } from '../db/erasures.js';
import { readLedger } from '../security/erasure-ledger.js';
import { databaseDumpFile, generatedSecretFiles, journal, manifestFile, manifestFormat, pgliteDumpFile, pgTool, sha256Of, temporalFile, withPg, type Manifest } from './backup.js';

/**
 * Brings a backup (backup/backup.ts) back into empty places: the configured database (created when
 * it does not exist), the Temporal dev server's state file, and the generated secrets in DATA_DIR.
 * Every file is checked against the manifest before anything is written; a place that is not
 * empty is refused unless `force` says to overwrite it. cxgov (the worker, the API and the
 * Temporal dev server of these places) must be stopped meanwhile.
 */
export interface RestoreOptions {
  config: Config;
  /** The backup folder. */
  from: string;
  /** Where the dev server's state goes; omitted → DATA_DIR/temporal.db when Temporal is embedded. */
  temporalDbFile?: string;
  /** Overwrite places that are not empty. */
  force?: boolean;
  say?: (line: string) => void;
}

const run = promisify(execFile);

export async function readManifest(from: string): Promise<Manifest> {
  const file = path.join(from, manifestFile);
  if (!existsSync(file)) throw new Error(`${from} is not a cxgov backup (no ${manifestFile})`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== manifestFormat) throw new Error(`${file}: unknown format ${String(manifest.format)}`);
  // The manifest names where each part is read from and written to: only the names a backup
  // writes are accepted, so that a crafted manifest cannot reach outside the backup or DATA_DIR.
  const allowed = new Set<string>([manifestFile, databaseDumpFile, pgliteDumpFile, temporalFile, ...generatedSecretFiles.map((f) => `secrets/${f}`)]);
  const named = [manifest.database.file, ...(manifest.temporal.kind === 'dev-server-sqlite' ? [manifest.temporal.file] : []), ...manifest.secrets.files.map((f) => `secrets/${f}`), ...manifest.files.map((f) => f.path)];
  const foreign = named.filter((n) => !allowed.has(n));
  if (foreign.length) throw new Error(`${file} names files a cxgov backup does not hold: ${foreign.join(', ')}`);
  const listed = new Set(manifest.files.map((f) => f.path));
  const unlisted = named.filter((n) => !listed.has(n));
  if (unlisted.length) throw new Error(`${file} has no checksum for ${unlisted.join(', ')}`);
  return manifest;
}

/** Every file of the manifest present with its size and checksum; the failures otherwise. */
export async function verifyBackup(from: string, manifest: Manifest): Promise<string[]> {
  const failures: string[] = [];
  for (const f of manifest.files) {
    const full = path.join(from, f.path);
    if (!existsSync(full)) failures.push(`${f.path}: missing`);
    else if ((await stat(full)).size !== f.bytes) failures.push(`${f.path}: ${(await stat(full)).size} bytes, the manifest says ${f.bytes}`);
    else if ((await sha256Of(full)) !== f.sha256) failures.push(`${f.path}: checksum differs from the manifest`);
  }
  return failures;
}

export async function restoreBackup(opts: RestoreOptions): Promise<Manifest> {
  const say = opts.say ?? (() => undefined);
  const from = path.resolve(opts.from);
  const manifest = await readManifest(from);
  say(`backup of ${manifest.createdAt} (cxgov ${manifest.cxgovVersion}, ${manifest.schema.migrations} migrations, last ${manifest.schema.last ?? '?'})`);

  say('verifying checksums…');
  const failures = await verifyBackup(from, manifest);
  if (failures.length) throw new Error(`the backup is damaged; nothing was restored:\n  ${failures.join('\n  ')}`);
  say(`  ${manifest.files.length} files match the manifest`);
  const known = journal().length;
  if (manifest.schema.migrations > known) {
    throw new Error(`the backup's database has ${manifest.schema.migrations} migrations applied, this cxgov knows ${known}: restore with the cxgov version that wrote it (${manifest.cxgovVersion}) or newer`);
  }

  // Where each part goes, and that each place is empty — all checked before anything is written.
  const config = opts.config;
  if (manifest.database.kind === 'postgres' && !config.DATABASE_URL) throw new Error('the backup holds a PostgreSQL database: set DATABASE_URL to where it goes');
  if (manifest.database.kind === 'pglite' && config.DATABASE_URL) throw new Error('the backup holds an embedded (PGlite) database: unset DATABASE_URL to restore it into DATA_DIR');
  const temporalTarget =
    manifest.temporal.kind === 'dev-server-sqlite' ? (opts.temporalDbFile ?? (config.TEMPORAL_ADDRESS ? undefined : path.join(config.dataDir, 'temporal.db'))) : undefined;
  if (manifest.temporal.kind === 'dev-server-sqlite' && !temporalTarget) {
    throw new Error('the backup holds a Temporal dev server state but TEMPORAL_ADDRESS is set: name the file the dev server will use with --temporal-db');
  }
  const pgliteDir = path.join(config.dataDir, 'pglite');
  const refuse = (what: string) => {
    if (!opts.force) throw new Error(`${what} is not empty; nothing was restored (--force overwrites it)`);
    say(`  ${what} is not empty: overwriting (--force)`);
  };
  if (manifest.database.kind === 'postgres') {
    const tables = await databaseTables(config.DATABASE_URL!);
    if (tables > 0) refuse(`the database of DATABASE_URL (${tables} tables)`);
  } else if (existsSync(pgliteDir) && readdirSync(pgliteDir).length > 0) refuse(pgliteDir);
  if (temporalTarget && existsSync(temporalTarget)) refuse(temporalTarget);
  for (const file of manifest.secrets.files) if (existsSync(path.join(config.dataDir, file))) refuse(path.join(config.dataDir, file));

  // The database.
  if (manifest.database.kind === 'postgres') {
    say('restoring PostgreSQL (pg_restore)…');
    const target = pgTool(config.DATABASE_URL!);
    const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${target.url}`];
    if (opts.force) args.push('--clean', '--if-exists');
    await run('pg_restore', [...args, path.join(from, manifest.database.file)], { maxBuffer: 16 << 20, env: target.env });
  } else {
    say(`restoring the embedded database into ${pgliteDir}…`);
    await rm(pgliteDir, { recursive: true, force: true });
    await mkdir(pgliteDir, { recursive: true, mode: 0o700 });
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = await PGlite.create({ dataDir: pgliteDir, loadDataDir: new Blob([await readFile(path.join(from, manifest.database.file))]) });
    await pg.query('select 1');
    await pg.close();
  }
  say('  database restored');

  // Temporal's state.
  if (temporalTarget && manifest.temporal.kind === 'dev-server-sqlite') {
    say(`restoring Temporal's state into ${temporalTarget}…`);
    await mkdir(path.dirname(temporalTarget), { recursive: true, mode: 0o700 });
    for (const stale of ['', '-wal', '-shm']) await rm(temporalTarget + stale, { force: true });
    await copyFile(path.join(from, manifest.temporal.file), temporalTarget);
    await chmod(temporalTarget, 0o600);
    say('  Temporal state restored');
  } else if (manifest.temporal.kind === 'not-included') {
    say(`Temporal: not in this backup (${manifest.temporal.reason}); restore a cluster's databases as docs/operations.md says`);
  }

  // The generated secrets.
  if (manifest.secrets.files.length) {
    await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
    for (const file of manifest.secrets.files) {
      await copyFile(path.join(from, 'secrets', file), path.join(config.dataDir, file));
      await chmod(path.join(config.dataDir, file), 0o600);
    }
    say(`restored secrets into ${config.dataDir}: ${manifest.secrets.files.join(', ')}`);
  }
  if (manifest.secrets.fromEnvironment.length) say(`set these as they were when the backup was taken: ${manifest.secrets.fromEnvironment.join(', ')}`);
  await reapplyLedger(config, say);
  say('restore complete: start cxgov (the migrations of a newer version apply at start)');
  return manifest;
}

/**
 * Re-applies the erasure ledger (docs/operations.md "Erasures and restores"): every erasure
 * executed since the backup was taken is executed again on the restored database — the data keys
 * it destroyed destroyed again, rows sealed before data keys overwritten — so a restore never
 * brings an erased customer back. The ledger is checked first (a broken one stops the restore
 * with the database restored but not yet started: fix the ledger, run the restore again). The
 * database is migrated to this version first (the tables of data keys may be newer than the backup).
 */
async function reapplyLedger(config: Config, say: (line: string) => void): Promise<void> {
  const file = erasureLedgerPath(config);
  const entries = readLedger(file);
  if (entries.length === 0) {
    say(`erasure ledger: none at ${file} (no erasure to re-apply)`);
    return;
  }
  say(`erasure ledger: ${entries.length} erasures in ${file} (checksums verify); re-applying them…`);
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    await database.migrate();
    const again = await reapplyErasures(database.db, entries);
    say(`  re-shredded: ${again.keys} data keys destroyed again, ${again.rows} rows sealed before data keys overwritten; ${entries.length} erased customers stay erased`);
  } finally {
    await database.close();
  }
}

/** Tables in the database of `url`, created first (empty) when it does not exist. */
async function databaseTables(url: string): Promise<number> {
  try {
    return await withPg(url, async (q) => {
      const { rows } = await q<{ n: number }>("select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')");
      return rows[0]!.n;
    });
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err;
    // Missing: create it through the server's maintenance database.
    const target = new URL(url);
    const name = decodeURIComponent(target.pathname.slice(1));
    const admin = new URL(url);
    admin.pathname = '/postgres';
    await withPg(admin.toString(), (q) => q(`create database "${name.replaceAll('"', '""')}"`));
    return 0;
  }
}
