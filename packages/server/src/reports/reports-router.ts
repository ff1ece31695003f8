import { Router } from 'express';
import { requireAdminToken } from '../auth/admin-auth.js';
import type { Store } from '../store/client.js';
import { hotspotRoutes } from './hotspot-routes.js';

export interface ReportsDeps {
  store: Store;
  adminToken: string;
}

/**
 * The friction analytics API under `/api/v1` (admin token), plus the public,
 * signed share links of the friction report under `/share`.
 */
export function reportsRouter({ store, adminToken }: ReportsDeps): Router {
  const api = Router();
  api.use(hotspotRoutes(store));

  const router = Router();
  router.use('/api/v1', requireAdminToken(adminToken), api);
  return router;
}
