import express, { type Express } from 'express';
import { alertsRouter } from './alerts/alerts-router.js';
import { AlertDelivery } from './alerts/delivery/alert-delivery.js';
import type { AssetKeeper } from './assets/asset-keeper.js';
import { assetSettingsRouter } from './assets/asset-settings-router.js';
import { assetsRouter } from './assets/assets-router.js';
import { sdkBodiesRouter } from './assets/sdk-bodies-router.js';
import { requireAdminToken } from './auth/admin-auth.js';
import { apiTokensRouter } from './auth/api-tokens-router.js';
import { publicAuthRouter, sessionAuthRouter } from './auth/auth-router.js';
import { authenticate } from './auth/authenticate.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { membersRouter } from './auth/members-router.js';
import { requireProjectAccess } from './auth/project-access.js';
import { usersRouter } from './auth/users-router.js';
import { backupRouter } from './backup/backup-router.js';
import type { RateLimits } from './config.js';
import { API_JSON_BODY_MAX_KB } from './constants.js';
import { dashboardRouter } from './dashboard-assets/dashboard-router.js';
import { heatmapRouter } from './heatmap/heatmap-router.js';
import { hotspotsRouter } from './hotspots/hotspots-router.js';
import { apiSecurityHeaders } from './http/api-security-headers.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { httpsOrigin } from './http/https-origin.js';
import { requestLog } from './http/request-log.js';
import { ingestRouter } from './ingest/ingest-router.js';
import type { BodyLimits } from './ingest/read-body.js';
import { type Logger, silentLogger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { checkReadiness } from './observability/readiness.js';
import { pagesRouter } from './pages/pages-router.js';
import { ErasedSessions } from './privacy/erased-sessions.js';
import { privacyRouter } from './privacy/privacy-router.js';
import { KeyResolver } from './projects/key-resolver.js';
import { projectPickerRouter } from './projects/project-picker-router.js';
import { projectsRouter } from './projects/projects-router.js';
import { publicQuestionsRouter } from './questions/public-questions-router.js';
import { QuestionCatalog } from './questions/question-catalog.js';
import { questionModules } from './questions/question-module.js';
import { questionsRouter } from './questions/questions-router.js';
import { questionsScriptRouter } from './questions/questions-script-router.js';
import { releasesRouter } from './releases/releases-router.js';
import { reportRouter, sharedReportRouter } from './report/report-router.js';
import { shareLinksRouter } from './report/share-links-router.js';
import { sdkRouter } from './sdk-assets/sdk-router.js';
import { sessionsRouter } from './sessions/sessions-router.js';
import { publicConfigRouter } from './settings/public-config-router.js';
import { recordingSettingsRouter } from './settings/recording-settings-router.js';
import { SettingsCatalog } from './settings/settings-catalog.js';
import type { Store } from './store/client.js';
import type { DiskGuard } from './store/disk-guard.js';
import type { Spool } from './store/spool.js';
import type { BatchingWriter } from './store/writer.js';
import { trendsRouter } from './trends/trends-router.js';

export interface AppDeps {
  store: Store;
  writer: BatchingWriter;
  spool?: Spool;
  /** Free space of the data folder; without one, disk space is not watched. */
  disk?: DiskGuard;
  adminToken: string;
  bodyLimits?: BodyLimits;
  rateLimits?: RateLimits;
  scrub?: boolean;
  trustProxy?: number;
  /** `SNAG_PUBLIC_URL`: when `https://…`, cookies are always `Secure` and responses carry HSTS. */
  publicUrl?: string;
  logger?: Logger;
  metrics?: Metrics;
  /** Ingest key cache; `startServer` passes one it preloaded. */
  keys?: KeyResolver;
  /** Sessions erased at a person's request; `startServer` passes the loaded set. */
  erased?: ErasedSessions;
  /** The projects' questions, cached for ingest and the SDK's read. */
  questions?: QuestionCatalog;
  /** The projects' recording settings, cached for the SDK's start-up read. */
  settings?: SettingsCatalog;
  /** Alert delivery; `startServer` passes one with SMTP and resumes what was pending. */
  alerts?: AlertDelivery;
  /** Keeps the stylesheets, fonts and images recordings use; without one, none are fetched. */
  assets?: AssetKeeper;
}

/** The whole HTTP surface, without listening: `index.ts` listens, tests drive it with supertest. */
export function createApp({
  store,
  writer,
  spool,
  disk,
  adminToken,
  bodyLimits,
  rateLimits,
  scrub = true,
  trustProxy = 0,
  publicUrl,
  logger = silentLogger,
  metrics = createMetrics({
    pendingRows: () => writer.stats().pendingRows,
    spool: () => spool?.stats(),
    disk: () => disk?.state(),
    alerts: () => alerts.stats(),
  }),
  keys = new KeyResolver(store),
  erased = loadedInBackground(new ErasedSessions(store, logger)),
  alerts = new AlertDelivery({
    store,
    logger,
    onOutcome: (channelType, outcome) => metrics.alertDeliveries.inc({ channel_type: channelType, outcome }),
  }),
  assets,
  questions = new QuestionCatalog(store),
  settings = new SettingsCatalog(store),
}: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', trustProxy);

  app.use(requestLog(logger, metrics));
  app.use(httpsOrigin(publicUrl), apiSecurityHeaders());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(store, writer, spool, disk);
    res.status(readiness.ready ? 200 : 503).json(readiness.body);
  });

  app.use(sdkRouter());
  app.use(
    ingestRouter({
      keys,
      writer,
      bodyLimits,
      rateLimits,
      scrub,
      retentionDays: store.config.retentionDays,
      disk,
      erased,
      questions,
      logger,
      assets,
    }),
  );
  const modules = questionModules();
  app.use(
    publicQuestionsRouter(keys, questions),
    questionsScriptRouter(keys, questions, modules),
    publicConfigRouter({ keys, settings, questions, modules }),
  );
  if (assets) app.use(sdkBodiesRouter({ store, keys, assets, rateLimits }));
  app.get('/metrics', requireAdminToken(adminToken), async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  app.use(backupRouter(store, adminToken));
  app.use(sharedReportRouter(store, adminToken));
  app.use('/api/v1', publicAuthRouter({ store, adminToken, throttle: new LoginThrottle() }));
  app.use(
    '/api/v1',
    authenticate({ store, adminToken }),
    express.json({ limit: `${API_JSON_BODY_MAX_KB}kb` }),
    sessionAuthRouter(store),
    usersRouter(store),
    projectsRouter(store),
    requireProjectAccess(),
    membersRouter(store),
    apiTokensRouter(store),
    // The friction analytics API (`docs/api.md`), one router per feature.
    projectPickerRouter(store),
    pagesRouter(store),
    hotspotsRouter(store),
    sessionsRouter(store),
    assetsRouter(store),
    assetSettingsRouter(store),
    recordingSettingsRouter(store, settings, questions),
    trendsRouter(store),
    heatmapRouter(store),
    releasesRouter(store),
    questionsRouter(store, questions),
    reportRouter(store),
    shareLinksRouter(store, adminToken),
    alertsRouter({ store, delivery: alerts, publicUrl }),
    privacyRouter({ store, writer, spool, erased }),
  );

  app.use(dashboardRouter());

  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}

function loadedInBackground(erased: ErasedSessions): ErasedSessions {
  erased.load().catch(() => undefined);
  return erased;
}
