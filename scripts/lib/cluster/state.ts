import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClusterState } from './index.js';

/**
 * Where `npm run cluster` records what it runs (addresses, process ids, log files), rewritten at
 * every restart of a service and removed when it stops. Read by the cluster tests, which kill a
 * service by its process id and need to know which one serves TEMPORAL_ADDRESS.
 */
export function clusterStateFile(root: string): string {
  return process.env.CXGOV_CLUSTER_STATE ?? path.join(root, '.data', 'cluster', 'state.json');
}

export function readClusterState(root: string): ClusterState | undefined {
  const file = clusterStateFile(root);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as ClusterState;
}
