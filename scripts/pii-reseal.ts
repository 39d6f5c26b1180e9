import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../config/logger.js';
import { piiCipher } from '../config/secrets.js';
import { openDatabase } from '../db/client.js';
import { resealPii } from '../db/pii-keys.js';

/**
 * `npm run pii:reseal [-- --actor <userId>] [--batch 500]`: after a PII_KEY rotation (the new key
 * as PII_KEY, the old one in PII_KEYS_PREVIOUS, the API and workers restarted with both)
 * re-wraps every customer data key under the new key (cheap: no customer value is re-encrypted)
 * and moves rows sealed before data keys (v1/v2) under their customer's data key (v3), while the
 * service runs; then the old key can leave
 * PII_KEYS_PREVIOUS (docs/security.md "Keys"). Audited on the chain `pii_key/<keyId>`.
 */
const { values } = parseArgs({ options: { actor: { type: 'string' }, batch: { type: 'string', default: '500' } } });
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, 'pii-reseal');
const cipher = piiCipher(config);
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
await database.migrate();
const actor = { userId: values.actor ?? `operator:${os.userInfo().username}`, roles: ['admin'] };
const say = (msg: string) => process.stdout.write(`cxgov: ${msg}\n`);
say(`re-wrapping customer data keys under PII key ${cipher.keyId} and moving older rows under data keys, as ${actor.userId}…`);
try {
  const result = await resealPii(database.db, cipher, {
    actor,
    batchSize: Number(values.batch),
    onProgress: (p) => say(`  ${p.rewrapped} data keys re-wrapped, ${p.resealed} rows moved under data keys${p.unreadable ? `, ${p.unreadable} unreadable` : ''}`),
  });
  say(`done: ${result.rewrapped} data keys re-wrapped under ${cipher.keyId}, ${result.resealed} rows moved under their customer's data key${result.unreadable ? `; ${result.unreadable} rows no configured key opens were left as they are` : ''} (audit: pii_key/${cipher.keyId}, run ${result.runId})`);
  if (result.unreadable === 0 && config.PII_KEYS_PREVIOUS.length > 0) say('every row is under the current key: PII_KEYS_PREVIOUS may now be emptied');
} catch (err) {
  logger.error({ err }, 're-seal failed; run it again to continue where it stopped');
  process.exitCode = 1;
} finally {
  await database.close();
}
