import express, { type Express } from 'express';
import { requireAdminToken } from './auth/admin-auth.js';
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
  app.use(ingestRouter({ keys: new KeyResolver(store), writer, bodyLimits, rateLimits, scrub, logger }));
  app.get('/metrics', requireAdminToken(adminToken), async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  app.use(reportsRouter({ store, adminToken }));
  app.use(
    '/api/v1',
    requireAdminToken(adminToken),
    express.json({ limit: '64kb' }),
    projectsRouter(store),
    sessionRouter(store),
    privacyRouter(store),
  );

  app.use(dashboardRouter());

  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
