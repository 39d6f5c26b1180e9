import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultWebDist } from '../api/web.js';
import { loadConfig } from '../config/config.js';
import { devSigninRefusal, refuseUnsafeStart } from '../config/exposure.js';
import { createLogger } from '../config/logger.js';
import { closeServer, mailRole, onShutdown, openDatabaseRole, startApiRole, startWorkerRole, temporalRole } from './roles.js';

/** `npm start`: Temporal (embedded unless configured), the database, the worker and the API in one process. */
const loaded = loadConfig();
// The embedded default signs in demo users, unless DEV_SIGNIN says otherwise or the setup forbids it.
const devSigninOff = process.env.DEV_SIGNIN === undefined ? devSigninRefusal(loaded) : loaded.DEV_SIGNIN === '0' ? 'DEV_SIGNIN=0' : undefined;
const config = process.env.DEV_SIGNIN === undefined && !devSigninOff ? { ...loaded, DEV_SIGNIN: '1' as const } : loaded;
refuseUnsafeStart(config);
const logger = createLogger(config.LOG_LEVEL, 'start');
const step = (msg: string) => process.stdout.write(`cxgov: ${msg}\n`);

step(config.TEMPORAL_ADDRESS ? `using Temporal at ${config.TEMPORAL_ADDRESS}` : `starting the Temporal dev server (state in ${config.DATA_DIR}/temporal.db)…`);
const { target, devServer } = await temporalRole(config, logger, true);
step(config.DATABASE_URL ? 'opening PostgreSQL and applying migrations…' : `opening the embedded database (PGlite in ${config.DATA_DIR}/pglite) and applying migrations…`);
const db = await openDatabaseRole(config, logger);
step(config.SMTP_URL ? 'mailing through the relay of SMTP_URL' : `starting Mailpit, the embedded mail server (messages in ${config.DATA_DIR}/mailpit.db)…`);
const mail = await mailRole(config, logger, true);
step('starting the worker (bundling workflow code)…');
const { worker, running } = await startWorkerRole(config, logger, db, target, mail);
const { server, client, url } = await startApiRole(config, logger, db, target);

// "ready." and the addresses in one step, one write: a reader that waits for "ready." (a script,
// the start test) then has the addresses too; two writes could reach a pipe's reader apart.
step(
  [
    'ready.',
    '',
    `  Web UI           ${url}/${existsSync(path.join(defaultWebDist, 'index.html')) ? '' : '  (not built: npm run build:web)'}`,
    `  API              ${url}/api/v1`,
    `  OpenAPI          ${url}/api/v1/openapi.json`,
    `  Health           ${url}/readyz`,
    `  Temporal Web UI  ${devServer?.uiUrl ?? '(the configured cluster\'s UI)'}`,
    `  Mail (Mailpit)   ${mail.mailpit?.uiUrl ?? '(sent through the relay of SMTP_URL)'}`,
    `  Dev sign-in      ${config.DEV_SIGNIN === '1' ? 'on: anyone on this machine may sign in as a demo user (DEV_SIGNIN=0 turns it off)' : `off (${devSigninOff ?? 'DEV_SIGNIN=0'})`}`,
    '',
    '  Demo data:       npm run demo   (in another terminal; the web UI then signs in as a demo user)',
    '  A token:         npm run token -- --sub alice --roles admin',
    '  Stop:            Ctrl-C',
  ].join('\n'),
);

onShutdown(logger, async () => {
  await closeServer(server);
  await client.connection.close();
  worker.shutdown();
  await running;
  await db.close();
  await mail.mailpit?.stop();
  await devServer?.stop();
});
