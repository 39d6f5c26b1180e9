// Builds the web UI (web/ → web/dist) when it is missing or older than its sources. Plain Node
// with no dependencies beyond the installed TypeScript and Vite, so that scripts/bootstrap.mjs
// (`npm start`, `npm test`, `npm run api`) and the test global setup share one rule.
//   node scripts/lib/web-build.mjs [--force]
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'web', 'dist', 'index.html');
/** Everything the bundle is made from: the UI, the pure domain rules it imports, the lockfile. */
const sources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'web/tsconfig.json', 'domain', 'package-lock.json'];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why a build is needed ("missing", "stale"), or undefined when web/dist is current. */
export function webBuildReason() {
  if (!existsSync(dist)) return 'missing';
  const built = statSync(dist).mtimeMs;
  return sources.some((s) => newestMtime(path.join(root, s)) > built) ? 'stale' : undefined;
}

function run(bin, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules', ...bin), ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${bin.at(-1)} ${args.join(' ')} failed (exit ${code})`))));
  });
}

/** Type-checks the UI (TS strict) and bundles it with Vite, printing progress. */
export async function buildWeb(say = (m) => process.stderr.write(`cxgov: ${m}\n`)) {
  const started = Date.now();
  say('building the web UI: type-checking web/ (tsc -p web)…');
  await run(['typescript', 'bin', 'tsc'], ['--noEmit', '-p', 'web']);
  say('building the web UI: bundling with Vite into web/dist…');
  await run(['vite', 'bin', 'vite.js'], ['build', '--config', 'web/vite.config.ts']);
  say(`web UI built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Builds when web/dist is missing or older than its sources; `force` always builds. */
export async function ensureWebBuild({ force = false, say } = {}) {
  const reason = force ? 'forced' : webBuildReason();
  if (!reason) return false;
  (say ?? ((m) => process.stderr.write(`cxgov: ${m}\n`)))(reason === 'missing' ? 'the web UI is not built yet' : reason === 'stale' ? 'the web UI sources changed since the last build' : 'rebuilding the web UI');
  await buildWeb(say);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureWebBuild({ force: process.argv.includes('--force') }).catch((err) => {
    process.stderr.write(`cxgov: ${err.message}\n`);
    process.exit(1);
  });
}
