// Finds a command-line tool written in Go, building it with `go install` when it is nowhere to be
// found. Plain Node with no dependencies, so that scripts/bootstrap.mjs and the test global setup
// share one rule for every such tool (the Temporal CLI, Mailpit).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const defaultSay = (msg) => process.stderr.write(`cxgov: ${msg}\n`);

function findGo() {
  for (const candidate of ['go', '/usr/local/go/bin/go']) {
    const r = spawnSync(candidate, ['env', 'GOPATH'], { encoding: 'utf8' });
    if (r.status === 0) return { go: candidate, gopath: r.stdout.trim().split(path.delimiter)[0] };
  }
  return undefined;
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * The path of `binary`: `$<envVar>` when it exists, on PATH, in $GOPATH/bin, or built there with
 * `go install <module>` (progress printed every 15 s; the first build takes minutes).
 */
export async function ensureGoTool({ binary, module, envVar, label, say = defaultSay }) {
  if (process.env[envVar] && existsSync(process.env[envVar])) return process.env[envVar];
  const found = onPath(binary);
  if (found) return found;
  const go = findGo();
  if (!go) throw new Error(`no \`${binary}\` on PATH and no Go toolchain to build it: install Go or ${label}`);
  const built = path.join(go.gopath, 'bin', binary);
  if (existsSync(built)) return built;
  say(`building ${label} (go install ${module}); the first build takes a few minutes…`);
  const started = Date.now();
  const ticker = setInterval(() => say(`  still building ${label} (${Math.round((Date.now() - started) / 1000)} s)…`), 15_000);
  const code = await run(go.go, ['install', '-v', module]).finally(() => clearInterval(ticker));
  if (code !== 0 || !existsSync(built)) throw new Error(`building ${label} failed (see above)`);
  say(`${label} ready: ${built}`);
  return built;
}
