import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { createTokenVerifier } from '../../api/auth/tokens.js';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../config/logger.js';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { freePort } from '../../temporal/dev-server.js';
import { people } from '../support/people.js';
import { testAudience, testCommandSigner, testIssuer, testSecret } from '../support/stack.js';
import { signToken } from '../../api/auth/tokens.js';
import { urlFor } from '../support/postgres.js';

/**
 * /readyz and commands when a dependency is down: real connections to ports where nothing
 * listens. The answer is a 503 that names what is down, never a hang or a 500.
 */
const servers: Server[] = [];
const handles: DatabaseHandle[] = [];
const connections: Connection[] = [];
afterAll(async () => {
  for (const s of servers) s.close();
  for (const h of handles) await h.close().catch(() => undefined);
  for (const c of connections) await c.close().catch(() => undefined);
});

/**
 * A connection to a port where nothing listens, with the client's own retry policy (the one a
 * connection gets by default) and a count of the calls it has given up on: each such call has
 * ended, with no retry left to fire.
 */
async function deadTemporal(): Promise<{ connection: Connection; callsEnded: () => number }> {
  const retry = defaultGrpcRetryOptions();
  let ended = 0;
  const connection = Connection.lazy({
    address: `127.0.0.1:${await freePort()}`,
    connectTimeout: 500,
    interceptors: [
      makeGrpcRetryInterceptor({
        delayFunction: retry.delayFunction,
        retryableDecider: (attempt, status) => {
          const again = retry.retryableDecider(attempt, status);
          if (!again) ended += 1;
          return again;
        },
      }),
    ],
  });
  return { connection, callsEnded: () => ended };
}

async function appWith(opts: { databaseUp: boolean; temporalUp: boolean }): Promise<{ base: string; temporalCallsEnded: () => number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cxgov-ready-'));
  const dbUrl = opts.databaseUp ? urlFor(inject('templateDatabase')) : `postgres://postgres@127.0.0.1:${await freePort()}/nothing`;
  const database = await openDatabase({ url: dbUrl, dataDir });
  handles.push(database);
  const dead = opts.temporalUp ? undefined : await deadTemporal();
  const connection = dead?.connection ?? (await Connection.connect({ address: inject('temporalAddress') }));
  connections.push(connection);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const app = createApp({
    config,
    logger: createLogger('silent', 'test'),
    db: database.db,
    pingDatabase: database.ping,
    temporal: new Client({ connection }),
    taskQueue: 'unused',
    verifyToken: createTokenVerifier({ issuer: testIssuer, audience: testAudience, secret: testSecret }),
    commandSigner: testCommandSigner(),
  });
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, temporalCallsEnded: dead?.callsEnded ?? (() => 0) };
}

describe('readiness and failures of dependencies', () => {
  let token: string;
  beforeAll(async () => {
    token = await signToken(people.admin, { issuer: testIssuer, audience: testAudience, secret: testSecret });
  });

  it('names the database when it is down, and commands answer 503 with a clear message', async () => {
    const { base } = await appWith({ databaseUp: false, temporalUp: true });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as any;
    expect(body.down).toEqual(['database']);
    expect(body.detail).toBe('not ready: database is down');

    const put = await fetch(`${base}/api/v1/committee`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ members: [{ userId: 'gm', name: 'G', department: 'x', chair: true }] }),
    });
    expect(put.status).toBe(503);
    const problem = (await put.json()) as any;
    expect(problem.detail).toContain('the database is unavailable');
    expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('names Temporal when it is down, and leaves no call to it retrying after the answer', async () => {
    const { base, temporalCallsEnded } = await appWith({ databaseUp: true, temporalUp: false });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as any).down).toEqual(['temporal']);
    // The probe's call carries its 2 s deadline: it ends within a retry's delay of it. Without the
    // deadline the client's retries would go on for about 20 s (ten attempts), one call per
    // probe, and fire into a connection closed meanwhile ("Channel has been shut down").
    await expect.poll(temporalCallsEnded, { timeout: 10_000 }).toBe(1);
  });

  it('names both when both are down', async () => {
    const { base, temporalCallsEnded } = await appWith({ databaseUp: false, temporalUp: false });
    const body = (await (await fetch(`${base}/readyz`)).json()) as any;
    expect(body.detail).toBe('not ready: database and temporal are down');
    await expect.poll(temporalCallsEnded, { timeout: 10_000 }).toBe(1);
  });
});
