import { Router } from 'express';
import type { Store } from '../store/client.js';
import { heatmapRoutes } from './heatmap-routes.js';
import { hotspotRoutes } from './hotspot-routes.js';
import { projectRoutes } from './project-routes.js';
import { releaseRoutes } from './release-routes.js';
import { reportRoutes } from './report-routes.js';
import { sessionRoutes } from './session-routes.js';
import { shareLinksRouter } from './share-links-router.js';
import { trendRoutes } from './trend-routes.js';

/**
 * The friction analytics API, mounted under `/api/v1` behind authentication
 * (the public share links are `sharedReportRoutes`; they are made in `shareLinksRouter`).
 */
export function reportsRouter(store: Store, adminToken: string): Router {
  const api = Router();
  api.use(projectRoutes(store));
  api.use(hotspotRoutes(store));
  api.use(sessionRoutes(store));
  api.use(trendRoutes(store));
  api.use(heatmapRoutes(store));
  api.use(releaseRoutes(store));
  api.use(reportRoutes(store));
  api.use(shareLinksRouter(store, adminToken));
  return api;
}
