import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { restoreBackup } from '../backup/restore.js';

/**
 * `npm run restore -- <backup folder> [--temporal-db <file>] [--force]`: checks the backup's
 * checksums, then brings it back into the configured places (DATABASE_URL or DATA_DIR's embedded
 * database, Temporal's state file, DATA_DIR's secrets), which must be empty unless --force.
 * cxgov must be stopped meanwhile (docs/operations.md "Backup and restore").
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'temporal-db': { type: 'string' }, force: { type: 'boolean', default: false } },
});
const say = (line: string) => process.stdout.write(`cxgov restore: ${line}\n`);
if (positionals.length !== 1) {
  process.stderr.write('usage: npm run restore -- <backup folder> [--temporal-db <file>] [--force]\n');
  process.exit(2);
}
try {
  await restoreBackup({
    config: loadConfig(),
    from: positionals[0]!,
    ...(values['temporal-db'] ? { temporalDbFile: values['temporal-db'] } : {}),
    force: values.force,
    say,
  });
} catch (err) {
  say(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
