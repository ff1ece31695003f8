import express, { type Express } from 'express';
import { requireAdminToken } from './auth/admin-auth.js';
import { apiTokensRouter } from './auth/api-tokens-router.js';
import { publicAuthRouter, sessionAuthRouter } from './auth/auth-router.js';
import { authenticate } from './auth/authenticate.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { membersRouter } from './auth/members-router.js';
import { requireProjectAccess } from './auth/project-access.js';
import { usersRouter } from './auth/users-router.js';
import type { RateLimits } from './config.js';
import { dashboardRouter } from './dashboard-assets/dashboard-router.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { requestLog } from './http/request-log.js';
import { ingestRouter } from './ingest/ingest-router.js';
import type { BodyLimits } from './ingest/read-body.js';
import { type Logger, silentLogger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { privacyRouter } from './privacy/privacy-router.js';
import { KeyResolver } from './projects/key-resolver.js';
import { projectsRouter } from './projects/projects-router.js';
import { sharedReportRoutes } from './reports/report-routes.js';
import { reportsRouter } from './reports/reports-router.js';
import { sdkRouter } from './sdk-assets/sdk-router.js';
import { sessionRouter } from './sessions/session-router.js';
import type { Store } from './store/client.js';
import type { Spool } from './store/spool.js';
import type { BatchingWriter } from './store/writer.js';

export interface AppDeps {
  store: Store;
  writer: BatchingWriter;
  spool?: Spool;
  adminToken: string;
  bodyLimits?: BodyLimits;
  rateLimits?: RateLimits;
  scrub?: boolean;
  trustProxy?: number;
  logger?: Logger;
  metrics?: Metrics;
  /** Ingest key cache; `startServer` passes one it preloaded. */
  keys?: KeyResolver;
}

/** The whole HTTP surface, without listening: `index.ts` listens, tests drive it with supertest. */
export function createApp({
  store,
  writer,
  spool,
  adminToken,
  bodyLimits,
  rateLimits,
  scrub = true,
  trustProxy = 0,
  logger = silentLogger,
  metrics = createMetrics({ pendingRows: () => writer.stats().pendingRows, spool: () => spool?.stats() }),
  keys = new KeyResolver(store),
}: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', trustProxy);

  app.use(requestLog(logger, metrics));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const storeReachable = await store.ping();
    res.status(storeReachable ? 200 : 503).json({
      status: storeReachable ? 'ready' : 'unavailable',
      store: { kind: store.config.kind, reachable: storeReachable },
      writer: writer.stats(),
      spool: spool?.stats() ?? null,
    });
  });

  app.use(sdkRouter());
  app.use(ingestRouter({ keys, writer, bodyLimits, rateLimits, scrub, logger }));
  app.get('/metrics', requireAdminToken(adminToken), async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  app.use(sharedReportRoutes(store, adminToken));
  app.use('/api/v1', publicAuthRouter({ store, adminToken, throttle: new LoginThrottle() }));
  app.use(
    '/api/v1',
    authenticate({ store, adminToken }),
    express.json({ limit: '64kb' }),
    sessionAuthRouter(store),
    usersRouter(store),
    projectsRouter(store),
    requireProjectAccess(),
    membersRouter(store),
    apiTokensRouter(store),
    reportsRouter(store, adminToken),
    sessionRouter(store),
    privacyRouter(store),
  );

  app.use(dashboardRouter());

  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
