import { Router } from 'express';
import { requireAdminToken } from '../auth/admin-auth.js';
import type { Store } from '../store/client.js';
import { heatmapRoutes } from './heatmap-routes.js';
import { hotspotRoutes } from './hotspot-routes.js';
import { projectRoutes } from './project-routes.js';
import { releaseRoutes } from './release-routes.js';
import { reportRoutes, sharedReportRoutes } from './report-routes.js';
import { sessionRoutes } from './session-routes.js';
import { ShareSigner } from './share-link.js';
import { trendRoutes } from './trend-routes.js';

export interface ReportsDeps {
  store: Store;
  adminToken: string;
}

/**
 * The friction analytics API under `/api/v1` (admin token), plus the public,
 * signed share links of the friction report under `/share`.
 */
export function reportsRouter({ store, adminToken }: ReportsDeps): Router {
  const signer = new ShareSigner(adminToken);
  const api = Router();
  api.use(projectRoutes(store));
  api.use(hotspotRoutes(store));
  api.use(sessionRoutes(store));
  api.use(trendRoutes(store));
  api.use(heatmapRoutes(store));
  api.use(releaseRoutes(store));
  api.use(reportRoutes(store, signer));

  const router = Router();
  router.use(sharedReportRoutes(store, signer));
  router.use('/api/v1', requireAdminToken(adminToken), api);
  return router;
}
