import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../db/client.js';
import { clusterStateFile, readClusterState } from '../../scripts/lib/cluster/state.js';
import { generateSigningKey, parseSigningKey, parseVerifyKeys, verifyKeyOf } from '../../security/command-signing.js';
import { bundleOptions } from '../../temporal/worker.js';
import { ensureWebBuild } from '../../scripts/lib/web-build.mjs';
import { createDatabase, dropDatabase, urlFor } from '../support/postgres.js';

/**
 * Once per run of the cluster group: the Temporal cluster is the one `npm run cluster` runs
 * (TEMPORAL_ADDRESS), found through its state file, since the tests kill its services by process
 * id and the runner starts them again. Besides: a migrated template database in the local
 * PostgreSQL that each test copies, the workflow bundle the worker processes load, and the web UI
 * build the API processes serve.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    clusterStateFile: string;
  }
}

const root = path.resolve(import.meta.dirname, '..', '..');

export default async function setup(project: TestProject) {
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('the cluster tests run against `npm run cluster`: start it, then run them with TEMPORAL_ADDRESS=<the address it printed> npm test -- --project cluster');
  const state = readClusterState(root);
  if (!state) throw new Error(`no cluster state at ${clusterStateFile(root)}: is \`npm run cluster\` running from this checkout (or CXGOV_CLUSTER_STATE set)?`);
  if (state.address !== address) throw new Error(`TEMPORAL_ADDRESS=${address}, but the cluster of ${clusterStateFile(root)} serves ${state.address}`);

  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const templateDatabase = `cxgov_test_tpl_${runId}`;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cxgov-cluster-test-'));
  // One command-signing key for the run: the APIs sign with it, the bundle checks its public half.
  const commandSigningKey = generateSigningKey();
  const verifyKeys = parseVerifyKeys(verifyKeyOf(parseSigningKey(commandSigningKey)));
  const [bundle] = await Promise.all([
    bundleWorkflowCode({ ...bundleOptions(verifyKeys), logger: quietLogger }),
    ensureWebBuild(),
    (async () => {
      await createDatabase(templateDatabase);
      const handle = await openDatabase({ url: urlFor(templateDatabase), dataDir: scratch });
      await handle.migrate();
      await handle.close();
    })(),
  ]);
  const workflowBundlePath = path.join(scratch, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, bundle.code);

  project.provide('temporalAddress', address);
  project.provide('templateDatabase', templateDatabase);
  project.provide('workflowBundlePath', workflowBundlePath);
  project.provide('temporalCliPath', process.env.TEMPORAL_CLI_PATH ?? path.join(os.homedir(), 'go', 'bin', 'temporal'));
  project.provide('clusterStateFile', clusterStateFile(root));
  project.provide('commandSigningKey', commandSigningKey);

  return async () => {
    await dropDatabase(templateDatabase);
    rmSync(scratch, { recursive: true, force: true });
  };
}

const noop = () => undefined;
const quietLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error };
