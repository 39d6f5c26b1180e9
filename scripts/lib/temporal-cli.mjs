// Finds the Temporal CLI (dev server + Web UI), building it with `go install` when it is nowhere
// to be found. Plain Node with no dependencies, so that scripts/bootstrap.mjs (`npm start`,
// `npm run bench`) and the test global setup (only when a test needs Temporal) share one rule.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const TEMPORAL_CLI = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
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

/** The Temporal CLI: `TEMPORAL_CLI_PATH`, on PATH, in $GOPATH/bin, or built with `go install`. */
export async function ensureTemporalCli({ say = defaultSay } = {}) {
  if (process.env.TEMPORAL_CLI_PATH && existsSync(process.env.TEMPORAL_CLI_PATH)) return process.env.TEMPORAL_CLI_PATH;
  const found = onPath('temporal');
  if (found) return found;
  const go = findGo();
  if (!go) throw new Error('no `temporal` CLI on PATH and no Go toolchain to build it: install Go or the Temporal CLI');
  const built = path.join(go.gopath, 'bin', 'temporal');
  if (existsSync(built)) return built;
  say(`building the Temporal CLI (go install ${TEMPORAL_CLI}); the first build takes a few minutes…`);
  const started = Date.now();
  const ticker = setInterval(() => say(`  still building the Temporal CLI (${Math.round((Date.now() - started) / 1000)} s)…`), 15_000);
  const code = await run(go.go, ['install', '-v', TEMPORAL_CLI]).finally(() => clearInterval(ticker));
  if (code !== 0 || !existsSync(built)) throw new Error('building the Temporal CLI failed (see above)');
  say(`Temporal CLI ready: ${built}`);
  return built;
}
