import type { ChildProcess } from 'node:child_process';
import { startChildService } from '../config/child-service.js';
import { createServer } from 'node:net';
import { Connection } from '@temporalio/client';

/**
 * Starts the Temporal CLI's dev server (Temporal server + Web UI in one binary) as a child
 * process and waits until it serves the namespace. Used by `npm start` (state in a file under
 * .data/) and by the test suite (in memory, on free ports).
 */
export interface DevServerOptions {
  cliPath: string;
  port?: number;
  uiPort?: number;
  /** SQLite file for durable state; omitted → in memory. */
  dbFile?: string;
  namespace?: string;
  headless?: boolean;
  onOutput?: (line: string) => void;
}

export interface DevServer {
  address: string;
  uiUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  const port = opts.port ?? (await freePort());
  const uiPort = opts.uiPort ?? (await freePort());
  const namespace = opts.namespace ?? 'default';
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', namespace, '--log-level', 'warn'];
  if (opts.headless) args.push('--headless');
  else args.push('--ui-port', String(uiPort));
  if (opts.dbFile) {
    // WAL makes the dev server's SQLite markedly faster under concurrent workflows.
    args.push('--db-filename', opts.dbFile, '--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL');
  }
  const address = `127.0.0.1:${port}`;
  const service = await startChildService({
    name: `Temporal dev server on ${address}`,
    command: opts.cliPath,
    args,
    ...(opts.onOutput ? { onOutput: opts.onOutput } : {}),
    ready: () => waitForNamespace(address, namespace, 60_000),
  });
  return { address, uiUrl: opts.headless ? undefined : `http://127.0.0.1:${uiPort}`, process: service.process, stop: service.stop };
}

async function waitForNamespace(address: string, namespace: string, timeoutMs: number): Promise<true> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return true;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal at ${address} not ready: ${String(lastError)}`);
}
