import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Request, Router } from 'express';
import { DASHBOARD_ASSET_MAX_AGE_S } from '../constants.js';
import { HttpError } from '../http/errors.js';
import { dashboardSecurityHeaders } from './security-headers.js';

/** Paths that belong to the API, ingest, the SDK or operations, never to the SPA's fallback. */
const RESERVED_PREFIXES = ['/api/', '/v1/', '/sdk/', '/share/', '/metrics', '/healthz', '/readyz'];

/** Where `@snag/dashboard` keeps its built files. */
export function defaultDashboardDistDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@snag/dashboard/package.json')), 'dist');
}

const isSpaRoute = (req: Request) =>
  (req.method === 'GET' || req.method === 'HEAD') && !RESERVED_PREFIXES.some((prefix) => req.path.startsWith(prefix));

/**
 * Serves the dashboard at `/`: content-hashed `/assets/*` cached forever, and
 * `index.html` for every other page route (client-side routing), revalidated
 * each time so a new build is picked up at once. Every response carries the
 * dashboard's security headers. Mount it after the API routes.
 */
export function dashboardRouter(distDir: string = defaultDashboardDistDir()): Router {
  const router = Router();
  const headers = dashboardSecurityHeaders();
  const index = join(distDir, 'index.html');

  router.use(
    '/assets',
    headers,
    express.static(join(distDir, 'assets'), {
      index: false,
      fallthrough: false,
      immutable: true,
      maxAge: DASHBOARD_ASSET_MAX_AGE_S * 1_000,
    }),
  );
  router.use((req, res, next) => {
    if (!isSpaRoute(req)) {
      next();
      return;
    }
    headers(req, res, () => undefined);
    express.static(distDir, { index: false, redirect: false, maxAge: 0 })(req, res, () => {
      if (!existsSync(index)) {
        next(new HttpError(404, 'dashboard_not_built', 'the dashboard is not built; run `pnpm build`'));
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  });
  return router;
}
