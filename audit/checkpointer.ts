import type { Logger } from '../config/logger.js';
import type { Database } from '../db/client.js';
import { writeCheckpoint } from './checkpoint.js';

/**
 * Writes an audit checkpoint every `intervalMs` (AUDIT_CHECKPOINT_INTERVAL_SECONDS) beside the
 * worker, and once at start. Several workers may run it: they queue on the checkpoint table's
 * lock, and a checkpoint is only written when some chain head moved.
 */
export function startCheckpointer(db: Database, logger: Logger, intervalMs: number): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> | undefined;
  const run = () => {
    if (stopped || running) return; // a slow checkpoint is not overlapped by the next one
    running = writeCheckpoint(db)
      .then((c) => void (c && logger.debug({ checkpoint: { id: c.id, entities: c.entityCount } }, 'audit checkpoint written')))
      .catch((err) => logger.warn({ err }, 'audit checkpoint failed; will retry'))
      .finally(() => (running = undefined));
  };
  run();
  const timer = setInterval(run, intervalMs);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
