import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyTrail } from '../../audit/report.js';
import { createBackup, journal } from '../../backup/backup.js';
import { restoreBackup } from '../../backup/restore.js';
import { loadConfig } from '../../config/config.js';
import { jwtSecret, piiKey } from '../../config/secrets.js';
import { openDatabase, queryRows, type DatabaseHandle } from '../../db/client.js';
import { readPolicy, writePolicy } from '../../db/settings.js';

/**
 * Backup and restore of the embedded installation (`npm start` with nothing configured): PGlite
 * dumped through the handle the running process holds (as the scheduled backup in the worker
 * does), a SQLite file standing for the dev server's state copied online, the generated secrets.
 * A damaged backup and a taken place are refused before anything is written.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'cxgov-embedded-backup-'));
const live = loadConfig({ DATA_DIR: path.join(dir, 'live') });
const target = loadConfig({ DATA_DIR: path.join(dir, 'restored') });
const handles: DatabaseHandle[] = [];
afterAll(async () => {
  for (const h of handles) await h.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

const events = (db: DatabaseHandle) => queryRows<{ entity_type: string; entity_id: string; seq: number; hash: string }>(db.db, sql`select entity_type, entity_id, seq, hash from audit_events order by id`);

describe('backup and restore of the embedded installation', () => {
  // PGlite (PostgreSQL in WebAssembly) is slow to start on a busy machine: three instances here.
  it('restores PGlite, the Temporal file and the secrets into an empty DATA_DIR, after refusing a damaged backup', { timeout: 300_000 }, async () => {
    const db = await openDatabase({ dataDir: live.dataDir });
    handles.push(db);
    await db.migrate();
    const actor = { userId: 'ada', roles: ['admin'] };
    const review = await readPolicy(db.db, 'review');
    await writePolicy(db.db, 'review', { ...review.value, quorumRatio: 0.6 }, actor, 'before the backup');
    piiKey(live);
    jwtSecret(live);
    const temporalDb = path.join(live.dataDir, 'temporal.db');
    execFileSync('sqlite3', [temporalDb, 'pragma journal_mode=wal; create table executions (id text primary key); insert into executions values (\'complaint-1\'), (\'complaint-2\');']);

    const { path: backup, manifest } = await createBackup({ config: live, dir: path.join(dir, 'backups'), temporalDbFile: temporalDb, pglite: db.pglite! });
    expect(manifest).toMatchObject({
      database: { kind: 'pglite' },
      temporal: { kind: 'dev-server-sqlite' },
      secrets: { files: ['pii-key', 'jwt-secret'], fromEnvironment: [] },
      schema: { migrations: journal().length, last: journal().at(-1)!.tag },
    });
    const before = await events(db);

    // A backup with one byte changed is refused as a whole; nothing lands in the target.
    const damaged = `${backup}-damaged`;
    cpSync(backup, damaged, { recursive: true });
    appendFileSync(path.join(damaged, 'secrets', 'pii-key'), 'x');
    await expect(restoreBackup({ config: target, from: damaged })).rejects.toThrow(/damaged; nothing was restored[\s\S]*secrets\/pii-key/);
    expect(existsSync(target.dataDir)).toBe(false);
    // A manifest that names a file outside the backup's own (a path out of DATA_DIR) is refused too.
    const crafted = `${backup}-crafted`;
    cpSync(backup, crafted, { recursive: true });
    writeFileSync(path.join(crafted, 'manifest.json'), JSON.stringify({ ...manifest, secrets: { ...manifest.secrets, files: ['../../escape'] } }));
    await expect(restoreBackup({ config: target, from: crafted })).rejects.toThrow(/names files a cxgov backup does not hold: secrets\/..\/..\/escape/);
    expect(existsSync(target.dataDir)).toBe(false);

    const progress: string[] = [];
    await restoreBackup({ config: target, from: backup, say: (l) => progress.push(l) });
    expect(progress.join('\n')).toMatch(/verifying checksums[\s\S]*4 files match[\s\S]*restore complete/);
    expect(readFileSync(path.join(target.dataDir, 'pii-key'))).toEqual(readFileSync(path.join(live.dataDir, 'pii-key')));
    expect(execFileSync('sqlite3', [path.join(target.dataDir, 'temporal.db'), 'select id from executions order by id'], { encoding: 'utf8' }).trim().split('\n')).toEqual(['complaint-1', 'complaint-2']);

    // The target is taken now: a second restore is refused unless forced.
    await expect(restoreBackup({ config: target, from: backup })).rejects.toThrow(/is not empty; nothing was restored/);

    const restored = await openDatabase({ dataDir: target.dataDir });
    handles.push(restored);
    expect(await events(restored)).toEqual(before);
    expect((await readPolicy(restored.db, 'review')).value.quorumRatio).toBe(0.6);
    expect(await verifyTrail(restored.db)).toMatchObject({ ok: true, brokenCount: 0 });
  });
});
