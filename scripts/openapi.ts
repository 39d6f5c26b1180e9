/**
 * The API contract as files, built without Temporal or PostgreSQL:
 * - docs/openapi.json: the OpenAPI document exactly as GET /api/v1/openapi.json serves it (the app
 *   is built and asked for it in-process), with every object's keys sorted so that the file
 *   changes only where the contract does and two new endpoints never touch the same lines;
 * - web/src/api/schema.d.ts: the web UI's types, generated from that document by openapi-typescript.
 *
 *   npm run api:types              writes both
 *   npm run api:types -- --check   exits 1 when the committed files differ from what the code makes
 *
 * The document is the development server's: it includes the development sign-in routes
 * (/api/v1/dev/*), which a server verifying an identity provider's tokens does not mount.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp, basePath } from '../api/app.js';
import type { AppDeps } from '../api/deps.js';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../config/logger.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const documentFile = path.join(root, 'docs', 'openapi.json');
export const typesFile = path.join(root, 'web', 'src', 'api', 'schema.d.ts');
export const regenerate = 'npm run api:types';

/**
 * A stand-in for a service the document does not need: registering routes only keeps references
 * for the handlers, so any use of it while the document is built is a mistake worth stopping at.
 */
function absent<T>(name: string): T {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (prop === 'then' || typeof prop === 'symbol') return undefined;
        throw new Error(`building the OpenAPI document used ${name}.${String(prop)}: registering a route must not need ${name}`);
      },
    },
  ) as T;
}

function appWithoutServices() {
  // Fixed keys, so that nothing is generated or written under DATA_DIR.
  const config = loadConfig({ LOG_LEVEL: 'silent', PII_KEY: Buffer.alloc(32).toString('base64'), JWT_SECRET: 'x'.repeat(32) });
  const unusable = (what: string) => () => Promise.reject(new Error(`${what} is not available while building the OpenAPI document`));
  const deps: AppDeps = {
    config,
    logger: createLogger('silent', 'openapi'),
    db: absent('the database'),
    pingDatabase: unusable('the database'),
    temporal: absent('Temporal'),
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    verifyToken: unusable('token verification'),
    commandSigner: absent('the command signer'),
    devTokens: unusable('development sign-in'),
    webDist: path.join(root, 'nonexistent-web-dist'),
  };
  return createApp(deps);
}

/** GET /api/v1/openapi.json of an app built in this process, on a loopback port of its own. */
export async function servedDocument(): Promise<unknown> {
  const app = appWithoutServices();
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${basePath}/openapi.json`);
    if (!res.ok) throw new Error(`GET ${basePath}/openapi.json answered ${res.status}`);
    return await res.json();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}

/** The two files' contents, as the current code makes them. */
export async function generate(): Promise<{ document: string; types: string }> {
  const doc = sortKeys(await servedDocument());
  const document = `${JSON.stringify(doc, null, 2)}\n`;
  const ast = await openapiTS(JSON.parse(document));
  const types = `// Generated from docs/openapi.json by \`${regenerate}\` (scripts/openapi.ts); do not edit.\n${astToString(ast)}`;
  return { document, types };
}

export const staleMessage = (files: string[]) => `not what the current code makes: ${files.join(', ')}; run \`${regenerate}\` and commit the result`;

/** The committed files that differ from what the current code makes (empty: none). */
export async function stale(): Promise<string[]> {
  const fresh = await generate();
  const read = (file: string) => readFile(file, 'utf8').catch(() => '');
  const [document, types] = await Promise.all([read(documentFile), read(typesFile)]);
  return [
    ...(document === fresh.document ? [] : [path.relative(root, documentFile)]),
    ...(types === fresh.types ? [] : [path.relative(root, typesFile)]),
  ];
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const files = await stale();
    if (files.length > 0) {
      process.stderr.write(`cxgov: ${staleMessage(files)}\n`);
      process.exit(1);
    }
    return;
  }
  const { document, types } = await generate();
  await Promise.all([writeFile(documentFile, document), writeFile(typesFile, types)]);
  process.stderr.write(`cxgov: wrote ${path.relative(root, documentFile)} and ${path.relative(root, typesFile)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`cxgov: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
