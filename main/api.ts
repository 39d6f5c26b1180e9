import { loadConfig } from '../config/config.js';
import { refuseUnsafeStart } from '../config/exposure.js';
import { createLogger } from '../config/logger.js';
import { closeServer, onShutdown, openDatabaseRole, startApiRole, temporalRole } from './roles.js';

/** `npm run api`: the HTTP API role alone, against the configured Temporal and PostgreSQL. */
const config = loadConfig();
refuseUnsafeStart(config);
const logger = createLogger(config.LOG_LEVEL, 'api');
if (!config.DATABASE_URL) {
  logger.warn('DATABASE_URL is unset: this API uses its own embedded database, which a worker in another process cannot see');
}
const { target } = await temporalRole(config, logger, false);
const db = await openDatabaseRole(config, logger);
const { server, client, url } = await startApiRole(config, logger, db, target);
process.stdout.write(`cxgov: API listening on ${url}/api/v1 (Temporal at ${target.address})\n`);
onShutdown(logger, async () => {
  await closeServer(server);
  await client.connection.close();
  await db.close();
});
