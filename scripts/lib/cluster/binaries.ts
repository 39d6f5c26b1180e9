import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The Temporal server, its SQL schema tool and (optionally) the Web UI server, built from source
 * with `go install` the first time they are needed. Each goes into a folder named after its
 * program and version under $(go env GOPATH)/cxgov (e.g. temporal-server@v1.29.1/server), because `go install` names the binaries after
 * their package folders (`server`, `sql`): generic names that must not land on a PATH, and two
 * different programs are both called `server`.
 *
 * Prebuilt binaries (an operator's packages) are used instead when TEMPORAL_SERVER_PATH,
 * TEMPORAL_SQL_TOOL_PATH and TEMPORAL_UI_SERVER_PATH name them.
 */
export const temporalServerModule = 'go.temporal.io/server';
export const temporalServerVersion = 'v1.29.1';
/** The UI server the Temporal CLI 1.5 embeds, so the cluster's UI is the dev server's UI. */
export const temporalUiModule = 'github.com/temporalio/ui-server/v2';
export const temporalUiVersion = 'v2.42.1';

export interface TemporalBinaries {
  server: string;
  sqlTool: string;
  /** Folder with the PostgreSQL v12 schemas: `temporal/versioned` and `visibility/versioned`. */
  postgresSchemaDir: string;
  ui?: string;
}

type Say = (msg: string) => void;

interface GoToolchain {
  go: string;
  gopath: string;
}

function findGo(): GoToolchain | undefined {
  for (const candidate of ['go', '/usr/local/go/bin/go']) {
    const r = spawnSync(candidate, ['env', 'GOPATH'], { encoding: 'utf8' });
    if (r.status === 0) return { go: candidate, gopath: r.stdout.trim().split(path.delimiter)[0]! };
  }
  return undefined;
}

function requireGo(): GoToolchain {
  const go = findGo();
  if (!go) throw new Error('no Go toolchain found to build the Temporal server: install Go (1.24 or later), or set TEMPORAL_SERVER_PATH and TEMPORAL_SQL_TOOL_PATH to prebuilt binaries');
  return go;
}

/** `go install pkg@version` into `binDir`, with a progress line every 15 s (the server takes minutes). */
async function goInstall(go: GoToolchain, pkg: string, version: string, binDir: string, say: Say): Promise<void> {
  say(`building ${pkg}@${version} (go install); the first build takes a few minutes…`);
  const started = Date.now();
  const ticker = setInterval(() => say(`  still building ${path.basename(pkg)} (${Math.round((Date.now() - started) / 1000)} s)…`), 15_000);
  try {
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(go.go, ['install', `${pkg}@${version}`], { env: { ...process.env, GOBIN: binDir }, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('error', reject);
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    });
    if (code !== 0) throw new Error(`go install ${pkg}@${version} failed (see above)`);
  } finally {
    clearInterval(ticker);
  }
  say(`  built in ${Math.round((Date.now() - started) / 1000)} s`);
}

async function ensureBuilt(go: GoToolchain, label: string, module: string, version: string, cmd: string, say: Say): Promise<string> {
  const binDir = path.join(go.gopath, 'cxgov', `${label}@${version}`);
  const binary = path.join(binDir, path.basename(cmd));
  if (!existsSync(binary)) await goInstall(go, `${module}/${cmd}`, version, binDir, say);
  if (!existsSync(binary)) throw new Error(`go install did not produce ${binary}`);
  return binary;
}

/** Where the Go module cache holds the server module's source (downloaded if missing). */
function moduleDir(go: GoToolchain, module: string, version: string): string {
  const r = spawnSync(go.go, ['mod', 'download', '-json', `${module}@${version}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`go mod download ${module}@${version} failed: ${r.stderr || r.stdout}`);
  const dir = (JSON.parse(r.stdout) as { Dir?: string }).Dir;
  if (!dir) throw new Error(`go mod download ${module}@${version} gave no source folder`);
  return dir;
}

export async function ensureTemporalBinaries(opts: { ui: boolean; say: Say }): Promise<TemporalBinaries> {
  const fromEnv = (name: string) => {
    const p = process.env[name];
    if (p && !existsSync(p)) throw new Error(`${name}=${p}: no such file`);
    return p;
  };
  let go: GoToolchain | undefined;
  const toolchain = () => (go ??= requireGo());
  const server = fromEnv('TEMPORAL_SERVER_PATH') ?? (await ensureBuilt(toolchain(), 'temporal-server', temporalServerModule, temporalServerVersion, 'cmd/server', opts.say));
  const sqlTool = fromEnv('TEMPORAL_SQL_TOOL_PATH') ?? (await ensureBuilt(toolchain(), 'temporal-server', temporalServerModule, temporalServerVersion, 'cmd/tools/sql', opts.say));
  const version = spawnSync(server, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (!version.includes(temporalServerVersion.slice(1))) opts.say(`warning: ${server} reports "${version}", expected ${temporalServerVersion}`);
  const postgresSchemaDir =
    process.env.TEMPORAL_SCHEMA_DIR ?? path.join(moduleDir(toolchain(), temporalServerModule, temporalServerVersion), 'schema', 'postgresql', 'v12');
  const ui = opts.ui ? (fromEnv('TEMPORAL_UI_SERVER_PATH') ?? (await ensureBuilt(toolchain(), 'temporal-ui-server', temporalUiModule, temporalUiVersion, 'cmd/server', opts.say))) : undefined;
  return { server, sqlTool, postgresSchemaDir, ui };
}
