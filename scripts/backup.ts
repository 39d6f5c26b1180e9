import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../config/config.js';
import { createBackup } from '../backup/backup.js';
import { pruneBackups, temporalStateFile } from '../backup/schedule.js';

/**
 * `npm run backup -- [--dir <folder>] [--temporal-db <file>] [--without-secrets] [--keep <n>]`:
 * one backup of the configured cxgov (docs/operations.md "Backup and restore") into a new folder
 * under --dir (default BACKUP_DIR), then the oldest beyond --keep (default BACKUP_KEEP) removed.
 */
const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    'temporal-db': { type: 'string' },
    'without-secrets': { type: 'boolean', default: false },
    keep: { type: 'string' },
  },
});
const config = loadConfig();
const say = (line: string) => process.stdout.write(`cxgov backup: ${line}\n`);
const dir = path.resolve(values.dir ?? config.BACKUP_DIR);
// Embedded Temporal keeps its state in DATA_DIR; an external one is named explicitly or left out.
const temporalDbFile = values['temporal-db'] ?? temporalStateFile(config);
try {
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
