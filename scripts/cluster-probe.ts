import { Connection } from '@temporalio/client';
import { waitUntilServing } from './lib/cluster/namespace.js';

/**
 * `npm run cluster:probe`: the readiness probe of a Temporal cluster for cxgov. Exits 0 when the
 * frontend at TEMPORAL_ADDRESS serves TEMPORAL_NAMESPACE end to end — the namespace exists, the
 * search attributes cxgov's workflows read exist, matching answers, and the history shards answer
 * for workflow ids spread over them — and 1 with the reason otherwise (within PROBE_TIMEOUT_SECONDS,
 * default 10). Creates nothing. Plaintext gRPC: run it where the frontend is reached without TLS.
 */
const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
const timeoutMs = Number(process.env.PROBE_TIMEOUT_SECONDS ?? 10) * 1000;
try {
  const connection = await Connection.connect({ address, connectTimeout: timeoutMs });
  try {
    await waitUntilServing(connection, namespace, timeoutMs);
  } finally {
    await connection.close();
  }
  process.stdout.write(`ready: ${address} serves namespace ${namespace}\n`);
  process.exit(0);
} catch (err) {
  process.stdout.write(`not ready: ${address}: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
