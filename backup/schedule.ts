import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { createBackup, type OpenPglite } from './backup.js';
import { backupsToRemove } from './retention.js';


/** Removes the backups in `dir` beyond the newest `keep`; returns their names. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const doomed = backupsToRemove(
    entries.filter((e) => e.isDirectory()).map((e) => e.name),
    keep,
  );
  for (const name of doomed) await rm(path.join(dir, name), { recursive: true, force: true });
  return doomed;
}

/** The Temporal dev server's file this process can copy, if any (BACKUP_TEMPORAL_DB, or the embedded one). */
export function temporalStateFile(config: Config): string | undefined {
  return config.BACKUP_TEMPORAL_DB ?? (config.TEMPORAL_ADDRESS ? undefined : path.join(config.dataDir, 'temporal.db'));
}

export interface BackupRunSummary {
  path: string;
  files: number;
  bytes: number;
  removed: string[];
}

/** The `runBackup` activity of a worker: one backup of this process's configuration, then retention. */
export function backupActivities(config: Config, logger: Logger, pglite?: OpenPglite) {
  return {
    async runBackup(): Promise<BackupRunSummary> {
      const dir = path.resolve(config.BACKUP_DIR);
      const temporalDbFile = temporalStateFile(config);
      const { path: written, manifest } = await createBackup({
        config,
        dir,
        ...(temporalDbFile ? { temporalDbFile } : { temporalSkipReason: `Temporal at ${config.TEMPORAL_ADDRESS}: its databases are backed up apart (docs/operations.md)` }),
        ...(pglite ? { pglite } : {}),
        say: (line) => logger.debug({ backup: line }),
      });
      const removed = await pruneBackups(dir, config.BACKUP_KEEP);
      const summary = { path: written, files: manifest.files.length, bytes: manifest.files.reduce((n, f) => n + f.bytes, 0), removed };
      logger.info(summary, 'scheduled backup written');
      return summary;
    },
  };
}


/**
 * One backup now, taken by a running worker (`npm run backup -- --through-worker`, and what
 * `npm run backup` does for an embedded installation that runs: only its worker may open PGlite).
 * The backup lands in the worker's BACKUP_DIR, with its retention.
 */
export async function backupThroughWorker(client: Client, taskQueue: string, now = new Date()): Promise<BackupRunSummary> {
  return client.workflow.execute('backupWorkflow', {
    taskQueue,
    workflowId: `cxgov-backup-now-${now.getTime()}`,
    args: [],
    workflowExecutionTimeout: '2 hours',
  });
}
