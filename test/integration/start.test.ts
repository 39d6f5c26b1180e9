import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../temporal/dev-server.js';
import { stopProcess } from '../support/child-process.js';

/**
 * `npm start` as a user runs it: the embedded Temporal dev server (file-backed), Mailpit and
 * PGlite under DATA_DIR, worker and API in one process. It prints the URLs (Mailpit's inbox too), answers /readyz, stops cleanly on
 * Ctrl-C, and a second start finds its data again.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cxgov-start-'));
// A start the test did not stop (an assertion failed first) would keep running after the file,
// with its Temporal dev server, Mailpit and metrics port: stop it as Ctrl-C would, then clean up.
const started = new Set<ChildProcess>();
afterAll(async () => {
  for (const child of started) await stop(child);
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(ports: { api: number; temporal: number; ui: number; mailSmtp: number; mailUi: number }): Promise<{ child: ChildProcess; output: () => string }> {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/start.ts'], {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(ports.api),
      TEMPORAL_DEV_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.ui),
      TEMPORAL_CLI_PATH: inject('temporalCliPath'),
      MAILPIT_PATH: inject('mailpitPath'),
      MAILPIT_SMTP_PORT: String(ports.mailSmtp),
      MAILPIT_UI_PORT: String(ports.mailUi),
      SMTP_URL: '',
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 120_000;
  while (!out.includes('cxgov: ready.')) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${out}`);
    if (Date.now() > deadline) throw new Error(`npm start did not get ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, output: () => out };
}

/** Ctrl-C, as a user stops it (SIGKILL after a minute: a stuck stop then fails instead of hanging). */
const stop = (child: ChildProcess) => stopProcess(child, 'SIGINT', 60_000);

describe('npm start (all-in-one, embedded services)', () => {
  it('prints the URLs, is ready, stops cleanly on Ctrl-C and finds its data on a second start', async () => {
    const ports = { api: await freePort(), temporal: await freePort(), ui: await freePort(), mailSmtp: await freePort(), mailUi: await freePort() };
    const first = await start(ports);
    const base = `http://127.0.0.1:${ports.api}`;
    expect(first.output()).toContain(`${base}/api/v1/openapi.json`);
    expect(first.output()).toContain(`http://127.0.0.1:${ports.ui}`);
    expect(first.output()).toContain(`Mail (Mailpit)   http://127.0.0.1:${ports.mailUi}`);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${ports.mailUi}/api/v1/messages`)).status).toBe(200);
    // The embedded default signs in demo users, and says so (DEV_SIGNIN unset → on, on loopback only).
    expect(first.output()).toContain('Dev sign-in      on');
    const signin = await fetch(`${base}/api/v1/dev/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'zhaoli' }) });
    expect(signin.status).toBe(200);

    // Write something through the API with a token from `npm run token`'s code path.
    const token = await tokenFromScript(['--sub', 'ada', '--roles', 'admin']);
    const roster = { members: [{ userId: 'gm', name: 'Grace', department: 'executive', chair: true }] };
    const put = await fetch(`${base}/api/v1/committee`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(roster) });
    expect(put.status).toBe(200);
    expect(await stop(first.child)).toBe(0);
    // Ctrl-C stopped the embedded Mailpit too.
    await expect(fetch(`http://127.0.0.1:${ports.mailUi}/readyz`)).rejects.toThrow();

    const second = await start(ports);
    const get = await fetch(`${base}/api/v1/committee`, { headers: { authorization: `Bearer ${token}` } });
    expect(await get.json()).toEqual(roster);
    expect(await stop(second.child)).toBe(0);
  });
});

function tokenFromScript(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/token.ts', ...args], {
      cwd: path.resolve(import.meta.dirname, '..', '..'),
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`token script exited ${code}`))));
  });
}
