import express, { type Express } from 'express';
import { requireAdminToken } from './auth/admin-auth.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { ingestRouter } from './ingest/ingest-router.js';
import type { BodyLimits } from './ingest/read-body.js';
import { KeyResolver } from './projects/key-resolver.js';
import { sdkRouter } from './sdk-assets/sdk-router.js';
import { sessionRouter } from './sessions/session-router.js';
import type { Store } from './store/client.js';
import type { BatchingWriter } from './store/writer.js';

export interface AppDeps {
  store: Store;
  writer: BatchingWriter;
  adminToken: string;
  bodyLimits?: BodyLimits;
}

/** The whole HTTP surface, without listening: `index.ts` listens, tests drive it with supertest. */
export function createApp({ store, writer, adminToken, bodyLimits }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const storeReachable = await store.ping();
    res.status(storeReachable ? 200 : 503).json({
      status: storeReachable ? 'ready' : 'unavailable',
      store: { kind: store.config.kind, reachable: storeReachable },
      writer: writer.stats(),
    });
  });

  app.use(sdkRouter());
  app.use(ingestRouter({ keys: new KeyResolver(store), writer, bodyLimits }));
  app.use('/api/v1', requireAdminToken(adminToken), sessionRouter(store));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
