import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../config/config.js';
import { createBackup } from '../backup/backup.js';
import { backupThroughWorker, pruneBackups, temporalStateFile } from '../backup/schedule.js';
import { listening } from '../backup/backup.js';
import { connectClient, temporalTarget } from '../temporal/connection.js';

/**
 * `npm run backup -- [--dir <folder>] [--temporal-db <file>] [--without-secrets] [--keep <n>]`:
 * one backup of the configured cxgov (docs/operations.md "Backup and restore") into a new folder
 * under --dir (default BACKUP_DIR), then the oldest beyond --keep (default BACKUP_KEEP) removed.
 * `--through-worker` asks a running worker to take it instead (into the worker's BACKUP_DIR); an
 * embedded installation that runs is backed up that way, since only its process may open PGlite.
 */
const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    'temporal-db': { type: 'string' },
    'without-secrets': { type: 'boolean', default: false },
    keep: { type: 'string' },
    'through-worker': { type: 'boolean', default: false },
  },
});
const config = loadConfig();
const say = (line: string) => process.stdout.write(`cxgov backup: ${line}\n`);
const dir = path.resolve(values.dir ?? config.BACKUP_DIR);
// Embedded Temporal keeps its state in DATA_DIR; an external one is named explicitly or left out.
const temporalDbFile = values['temporal-db'] ?? temporalStateFile(config);
try {
  const embeddedRunning = !config.DATABASE_URL && !config.TEMPORAL_ADDRESS && (await listening('127.0.0.1', config.TEMPORAL_DEV_PORT));
  if (values['through-worker'] || embeddedRunning) {
    const address = config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_DEV_PORT}`;
    say(`${embeddedRunning ? 'cxgov runs embedded: ' : ''}asking a worker on task queue ${config.TEMPORAL_TASK_QUEUE} (Temporal at ${address}) to take the backup…`);
    const client = await connectClient(temporalTarget(config, address));
    try {
      const summary = await backupThroughWorker(client, config.TEMPORAL_TASK_QUEUE);
      say(`backup written by the worker: ${summary.path} (${summary.files} files, ${summary.bytes} bytes)`);
      for (const name of summary.removed) say(`removed old backup ${name} (the worker's BACKUP_KEEP)`);
    } finally {
      await client.connection.close();
    }
    process.exit(0);
  }
  await createBackup({
    config,
    dir,
    ...(temporalDbFile ? { temporalDbFile } : { temporalSkipReason: `Temporal at ${config.TEMPORAL_ADDRESS}: back up its persistence and visibility databases (docs/operations.md)` }),
    secrets: !values['without-secrets'],
    say,
  });
  const removed = await pruneBackups(dir, values.keep ? Number(values.keep) : config.BACKUP_KEEP);
  for (const name of removed) say(`removed old backup ${name} (keeping ${values.keep ?? config.BACKUP_KEEP})`);
} catch (err) {
  say(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
