import { loadConfig } from '../config/config.js';
import { createLogger } from '../config/logger.js';
import { onShutdown, openDatabaseRole, startWorkerRole, temporalRole } from './roles.js';

/** `npm run worker`: the worker role alone, against the configured Temporal and PostgreSQL. */
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, 'worker');
if (!config.DATABASE_URL) {
  logger.warn('DATABASE_URL is unset: this worker uses its own embedded database, which an API in another process cannot see');
}
const { target } = await temporalRole(config, logger, false);
const db = await openDatabaseRole(config, logger);
const { worker, running } = await startWorkerRole(config, logger, db, target);
process.stdout.write(`cxgov: worker running on task queue ${config.TEMPORAL_TASK_QUEUE} (Temporal at ${target.address})\n`);
onShutdown(logger, async () => {
  worker.shutdown();
  await running;
  await db.close();
});
