import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web UI (issue 6): React + TypeScript, built into web/dist and served by the API process at
 * `/` (api/web.ts). `@domain` is the pure rule code the workflows and the API use (vocabularies,
 * deliverable validation, vote tally, complaint state table), so the UI judges a form by the very
 * rule the server applies; the server still decides every command.
 *
 * `npm run build:web` builds; scripts/lib/web-build.mjs rebuilds automatically when sources
 * change. `npx vite --config web/vite.config.ts` serves it with hot reload, proxying /api to PORT.
 */
const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@domain': path.resolve(here, '..', 'domain') } },
  build: { outDir: path.join(here, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` } },
  logLevel: 'warn',
});
