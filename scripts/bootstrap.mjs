#!/usr/bin/env node
// Entry point of every npm script. Plain Node with no dependencies, because it runs before they
// are installed: it installs what is missing (npm packages, the Temporal CLI), then hands over to
// the TypeScript entry point of the command.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureMailpit } from './lib/mailpit.mjs';
import { ensureTemporalCli } from './lib/temporal-cli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (msg) => process.stderr.write(`cxgov: ${msg}\n`);

function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Installs node_modules when missing or older than the lockfile. */
async function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say('installing dependencies (npm ci)…');
  const code = await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=warn']);
  if (code !== 0) throw new Error('npm ci failed');
}

// `temporal`: find or build the Temporal CLI first (scripts/lib/temporal-cli.mjs).
// `mailpit`: find or build Mailpit first (scripts/lib/mailpit.mjs) — the embedded mail server,
// needed only when no SMTP_URL points at a relay.
// `web`: build the web UI (web/dist) first when it is missing or older than its sources
// (scripts/lib/web-build.mjs); 'force' always rebuilds.
// `test` needs neither here: the global setup of the `services` test project finds the CLI and
// builds the UI itself, only when a selected test needs them (`npm test -- --project unit` does not).
const commands = {
  start: { temporal: true, mailpit: true, web: true, exec: ['node', ['--import', 'tsx', 'main/start.ts']] },
  worker: { temporal: false, exec: ['node', ['--import', 'tsx', 'main/worker.ts']] },
  api: { temporal: false, web: true, exec: ['node', ['--import', 'tsx', 'main/api.ts']] },
  token: { temporal: false, exec: ['node', ['--import', 'tsx', 'scripts/token.ts']] },
  'pii:reseal': { temporal: false, exec: ['node', ['--import', 'tsx', 'scripts/pii-reseal.ts']] },
  test: { temporal: false, exec: ['npx', ['--no-install', 'vitest', 'run']] },
  bench: { temporal: true, exec: ['node', ['--import', 'tsx', 'bench/run.ts']] },
  // Builds the Temporal server from source itself when missing (scripts/lib/cluster/binaries.ts).
  cluster: { temporal: false, exec: ['node', ['--import', 'tsx', 'scripts/cluster.ts']] },
  'cluster:probe': { temporal: false, exec: ['node', ['--import', 'tsx', 'scripts/cluster-probe.ts']] },
  demo: { temporal: false, exec: ['node', ['--import', 'tsx', 'scripts/demo.ts']] },
  backup: { temporal: false, exec: ['node', ['--import', 'tsx', 'scripts/backup.ts']] },
  restore: { temporal: false, exec: ['node', ['--import', 'tsx', 'scripts/restore.ts']] },
  'api:types': { temporal: false, exec: ['node', ['--import', 'tsx', 'scripts/openapi.ts']] },
  'build:web': { temporal: false, web: 'force' },
};

const [name, ...rest] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  say(`unknown command ${name}; one of ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}
try {
  await ensureDependencies();
  const env = { ...process.env };
  if (command.temporal) env.TEMPORAL_CLI_PATH = await ensureTemporalCli({ say });
  if (command.mailpit && !process.env.SMTP_URL) env.MAILPIT_PATH = await ensureMailpit({ say });
  if (command.web) {
    // Imported only now: it needs nothing installed, but keeps this file's job readable.
    const { ensureWebBuild } = await import('./lib/web-build.mjs');
    await ensureWebBuild({ force: command.web === 'force', say });
  }
  if (!command.exec) process.exit(0);
  const [cmd, args] = command.exec;
  const child = spawn(cmd, [...args, ...rest], { cwd: root, stdio: 'inherit', env });
  // Forward Ctrl-C / termination so the child shuts everything down cleanly.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} catch (err) {
  say(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
