import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder, queryRows, type Database, type DatabaseHandle } from '../../db/client.js';

/**
 * The committed migrations as drizzle sees them, the manifest that freezes them, and a way to
 * apply them one at a time with drizzle's own migrator.
 *
 * What drizzle records: `drizzle.__drizzle_migrations (id serial, hash text, created_at bigint)`,
 * one row per applied migration, `hash` = sha256 of the SQL file's text and `created_at` = the
 * journal entry's `when`. On `migrate()` it reads the row with the greatest `created_at` and runs
 * every journal entry whose `when` is greater, all in ONE transaction. It never compares the
 * stored hashes with the files: an edited migration is not noticed by drizzle, only by the
 * manifest below.
 */

export interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

/** One committed migration: its journal tag and `when`, and the sha256 drizzle records for it. */
export interface CommittedMigration {
  tag: string;
  when: number;
  sha256: string;
}

export const manifestFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migration-manifest.json');
const manifestName = 'test/support/migration-manifest.json';

export function readJournal(folder = migrationsFolder): JournalEntry[] {
  return (JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries;
}

/** The journal's migrations with the hash drizzle's own reader computes for each file. */
export function journalMigrations(folder = migrationsFolder): CommittedMigration[] {
  const journal = readJournal(folder);
  const files = readMigrationFiles({ migrationsFolder: folder });
  return journal.map((entry, i) => ({ tag: entry.tag, when: entry.when, sha256: files[i]!.hash }));
}

export function readManifest(): CommittedMigration[] {
  return (JSON.parse(readFileSync(manifestFile, 'utf8')) as { migrations: CommittedMigration[] }).migrations;
}

/**
 * Everything wrong between the migrations folder and the manifest, as sentences for whoever
 * broke it (empty = all well): committed migrations are never edited, removed or reordered; a new
 * one is appended to the manifest; `when` grows strictly (drizzle skips an entry whose `when` is
 * not above the newest applied one, silently and for ever).
 */
export function manifestProblems(folder = migrationsFolder, manifest = readManifest()): string[] {
  const problems: string[] = [];
  const journal = journalMigrations(folder);
  manifest.forEach((committed, i) => {
    const now = journal[i];
    if (!now) {
      problems.push(`committed migration ${committed.tag} is gone from the journal: committed migrations are never removed`);
    } else if (now.tag !== committed.tag || now.when !== committed.when) {
      problems.push(
        `journal entry ${i} is ${now.tag} (when ${now.when}) but ${committed.tag} (when ${committed.when}) was committed there: ` +
          'committed journal entries are never renamed, reordered or re-dated (merge a parallel migration as a new entry after them)',
      );
    } else if (now.sha256 !== committed.sha256) {
      problems.push(
        `committed migration ${committed.tag}.sql was changed (sha256 ${now.sha256}, committed ${committed.sha256}): ` +
          'databases that applied it will never see the change. Restore the file and put the change in a new migration',
      );
    }
  });
  for (const added of journal.slice(manifest.length)) {
    problems.push(
      `migration ${added.tag} is not in ${manifestName}: once it is final, append ` +
        `${JSON.stringify(added)} to its "migrations" (never change the entries before it)`,
    );
  }
  journal.forEach((m, i) => {
    const before = journal[i - 1];
    if (before && m.when <= before.when) {
      problems.push(`${m.tag} has when ${m.when}, not after ${before.tag} (${before.when}): drizzle would never apply it to a database that has ${before.tag}`);
    }
  });
  const listed = new Set(journal.map((m) => `${m.tag}.sql`));
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.sql') && !listed.has(f))) {
    problems.push(`${file} is in the migrations folder but not in meta/_journal.json: drizzle never runs it`);
  }
  return problems;
}

/** drizzle's bookkeeping as it stands, oldest first (none when nothing was ever migrated). */
export async function appliedMigrations(db: Database): Promise<{ hash: string; createdAt: number }[]> {
  const [table] = await queryRows<{ name: string | null }>(db, sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`);
  if (!table?.name) return [];
  const rows = await queryRows<{ hash: string; created_at: string | number }>(db, sql`select hash, created_at from drizzle.__drizzle_migrations order by id`);
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}

/**
 * Runs drizzle's own migrator as the release whose newest migration is the journal's `index`
 * would: over a copy of the migrations folder holding the entries up to `index` (byte-for-byte,
 * so the hashes recorded are the committed files'). On a database that has the migrations before
 * `index`, it applies `index` alone and records it exactly as `handle.migrate()` would; on one that
 * has later migrations too (an older release started again: a rollback), it applies nothing.
 */
export async function migrateAsRelease(handle: DatabaseHandle, index: number, scratch: string, folder = migrationsFolder): Promise<void> {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  const release = path.join(scratch, `release-${index}`);
  mkdirSync(path.join(release, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, index + 1);
  writeFileSync(path.join(release, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }, null, 2));
  for (const entry of entries) copyFileSync(path.join(folder, `${entry.tag}.sql`), path.join(release, `${entry.tag}.sql`));
  const { migrate } =
    handle.kind === 'postgres' ? await import('drizzle-orm/node-postgres/migrator') : await import('drizzle-orm/pglite/migrator');
  await migrate(handle.db as never, { migrationsFolder: release });
}
