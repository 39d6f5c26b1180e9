import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { inject } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import type { ClusterState } from '../../scripts/lib/cluster/index.js';
import { createDatabase, dropDatabase } from './postgres.js';
import { startApiProcess, startWorkerProcess, type ApiProcess, type RoleEnv, type RoleProcess } from './processes.js';
import { eventually, httpClients, type HttpAnswer, type StackLike } from './stack.js';

/**
 * cxgov scaled out on the cluster of `npm run cluster`: several worker processes and several API
 * processes on one task queue and one database, and the means to kill the cluster's own
 * services (the cluster runner starts a killed one again, as systemd would).
 */

export function clusterState(): ClusterState {
  return JSON.parse(readFileSync(inject('clusterStateFile'), 'utf8')) as ClusterState;
}

/** SIGKILLs the cluster service `name` (e.g. history-1) and waits until its runner has it running again. */
export async function killClusterService(name: string): Promise<{ killed: number; restarted: number }> {
  const before = clusterState().services.find((s) => s.name === name);
  if (!before?.pid) throw new Error(`the cluster runs no service named ${name}`);
  process.kill(before.pid, 'SIGKILL');
  const restarted = await eventually(
    async () => {
      const now = clusterState().services.find((s) => s.name === name);
      return now?.pid && now.pid !== before.pid ? now.pid : undefined;
    },
    `the cluster runner to restart ${name}`,
    60_000,
  );
  return { killed: before.pid, restarted };
}

export interface ScaledStack {
  databaseUrl: string;
  taskQueue: string;
  temporal: Client;
  apis: ApiProcess[];
  workers: RoleProcess[];
  /** Helpers' view of the stack through API `i` (HTTP clients of that API, SQL on the one database). */
  via(i: number): StackLike;
  query: StackLike['query'];
  stop(): Promise<void>;
}

export async function startScaledStack(opts: { apis: number; workers: number; env?: Record<string, string> }): Promise<ScaledStack> {
  const id = randomBytes(4).toString('hex');
  const dbName = `cxgov_test_${id}`;
  const databaseUrl = await createDatabase(dbName, inject('templateDatabase'));
  const temporalAddress = inject('temporalAddress');
  const taskQueue = `cxgov-cluster-${id}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cxgov-roles-'));
  const env: RoleEnv = { databaseUrl, temporalAddress, taskQueue, dataDir, env: { WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'), ...opts.env } };
  const rawPool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  rawPool.on('error', () => undefined);
  const query: StackLike['query'] = async (text, params) => (await rawPool.query(text, params as unknown[])).rows;
  const connection = await Connection.connect({ address: temporalAddress });
  const temporal = new Client({ connection });

  // One after the other: the processes share the template's migrated schema, and two cold
  // starts at once on two cores only take longer each.
  const workers: RoleProcess[] = [];
  for (let i = 0; i < opts.workers; i++) workers.push(await startWorkerProcess(env));
  const apis: ApiProcess[] = [];
  for (let i = 0; i < opts.apis; i++) apis.push(await startApiProcess(env));

  return {
    databaseUrl,
    taskQueue,
    temporal,
    apis,
    workers,
    query,
    via: (i) => ({ ...httpClients(() => apis[i]!.url), query }),
    stop: async () => {
      await Promise.all([...apis, ...workers].map((p) => p.stop()));
      await connection.close();
      await rawPool.end();
      await dropDatabase(dbName);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Sends a command the way a client that must not lose it does: with an Idempotency-Key, again
 * with the same key after an answer that says "no outcome yet" (503, a 5xx, 409 "still being
 * processed") or a broken connection, until it gets a final answer.
 */
export async function sendUntilAnswered(stack: StackLike, who: Principal, method: 'post' | 'put', path: string, body: unknown, key: string, timeoutMs = 180_000): Promise<HttpAnswer & { attempts: number }> {
  const deadline = Date.now() + timeoutMs;
  let attempts = 0;
  let last = '';
  while (Date.now() < deadline) {
    attempts++;
    try {
      const res = await stack.as(who)[method](path, body, { 'Idempotency-Key': key });
      const retry = res.status >= 500 || (res.status === 409 && /still being processed/.test(JSON.stringify(res.body)));
      if (!retry) return { ...res, attempts };
      last = `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${method.toUpperCase()} ${path} got no final answer in ${timeoutMs / 1000} s (${attempts} attempts, last: ${last})`);
}
