import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.js';
import { startMailpit } from '../notifications/mailpit.js';
import { freePort, startDevServer } from '../temporal/dev-server.js';
import { generateSigningKey, parseSigningKey, parseVerifyKeys, verifyKeyOf } from '../security/command-signing.js';
import { bundleOptions } from '../temporal/worker.js';
import { ensureMailpit } from '../scripts/lib/mailpit.mjs';
import { ensureTemporalCli } from '../scripts/lib/temporal-cli.mjs';
import { ensureWebBuild } from '../scripts/lib/web-build.mjs';
import { createDatabase, dropDatabase, urlFor } from './support/postgres.js';

/**
 * Once per run of the `services` test project (vitest.config.ts; the `unit` project needs none of
 * this): the Temporal CLI and Mailpit (found, or built the first time), a Temporal dev server of
 * our own (in memory, free ports), a Mailpit of our own (in memory, free ports: the notification
 * tests read delivered mail through its HTTP API), a migrated template database in the local PostgreSQL that each test file
 * copies, the workflow bundle, and the web UI build (web/dist, rebuilt only when missing or older
 * than its sources) that each stack serves at `/` for the browser tests.
 * Everything is torn down at the end, so a run leaves nothing behind.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    templateDatabase: string;
    workflowBundlePath: string;
    temporalCliPath: string;
    /** The API's command-signing key of this run (COMMAND_SIGNING_KEY); the bundle checks its public half. */
    commandSigningKey: string;
    /** smtp://127.0.0.1:<port> of the run's Mailpit */
    mailpitSmtpUrl: string;
    /** http://127.0.0.1:<port>: its web inbox and HTTP API */
    mailpitUrl: string;
    mailpitPath: string;
  }
}

export default async function setup(project: TestProject) {
  // Both may need building on a fresh machine: side by side.
  const [cliPath, mailpitPath] = await Promise.all([ensureTemporalCli(), ensureMailpit()]);
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const templateDatabase = `cxgov_test_tpl_${runId}`;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cxgov-test-'));
  // One command-signing key for the run: every stack's API signs with it, the bundle checks it.
  const commandSigningKey = generateSigningKey();
  const verifyKeys = parseVerifyKeys(verifyKeyOf(parseSigningKey(commandSigningKey)));

  const [server, mailpit, bundle] = await Promise.all([
    startDevServer({ cliPath, headless: true }),
    (async () => startMailpit({ binPath: mailpitPath, smtpPort: await freePort(), httpPort: await freePort() }))(),
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

  project.provide('temporalAddress', server.address);
  project.provide('templateDatabase', templateDatabase);
  project.provide('workflowBundlePath', workflowBundlePath);
  project.provide('temporalCliPath', cliPath);
  project.provide('commandSigningKey', commandSigningKey);
  project.provide('mailpitSmtpUrl', mailpit.smtpUrl);
  project.provide('mailpitUrl', mailpit.uiUrl);
  project.provide('mailpitPath', mailpitPath);

  return async () => {
    await server.stop();
    await mailpit.stop();
    await dropDatabase(templateDatabase);
    rmSync(scratch, { recursive: true, force: true });
  };
}

const noop = () => undefined;
const quietLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error };
