import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/** Where `vite build` puts the web UI (web/vite.config.ts). */
export const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

/** Paths that are never the single-page app: the API and the operational endpoints. */
const notTheApp = /^\/(api|healthz|readyz|metrics)(\/|$)/;

/**
 * Serves the built web UI at `/`: hashed assets for a year, index.html for every other GET of
 * an HTML page (client-side routes such as /complaints/<id>), never for /api/*. When the UI is
 * not built these fall through to the 404 problem. Helmet's CSP (default-src 'self', no inline
 * scripts) applies unchanged: the Vite build emits external module scripts only.
 */
export function webRoutes(app: Express, dist = defaultWebDist): void {
  const index = path.join(dist, 'index.html');
  app.use(
    '/assets',
    express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true }),
  );
  app.use(express.static(dist, { index: false, maxAge: 0 }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || notTheApp.test(req.path) || req.path.startsWith('/assets/')) return next();
    if (!req.accepts('html') || !existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
