import { type AssetSettingsResponse, assetSettingsSchema } from '@snag/protocol';
import { Router } from 'express';
import { projectParamsSchema } from '../analytics/params.js';
import { requireProject } from '../analytics/require-project.js';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { findAssetSettings, saveAssetSettings } from './asset-settings-store.js';

/**
 * `GET` / `PUT /projects/:project/settings/assets`: whether the SDK may send the bodies of
 * same-origin assets the server cannot fetch. Every role reads; the project guard lets only
 * admins and owners write (a non-GET under `/projects/:project`).
 */
export function assetSettingsRouter(store: Store): Router {
  const router = Router();
  router.get('/projects/:project/settings/assets', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    await requireProject(store, project);
    const settings = await findAssetSettings(store, project);
    res.json({
      project,
      sdk_bodies: settings.sdk_bodies,
      updated_at: settings.updated_at === undefined ? null : new Date(settings.updated_at).toISOString(),
    } satisfies AssetSettingsResponse);
  });
  router.put('/projects/:project/settings/assets', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const { sdk_bodies } = validate(assetSettingsSchema, req.body);
    await requireProject(store, project);
    const at = await saveAssetSettings(store, project, sdk_bodies);
    res.json({ project, sdk_bodies, updated_at: new Date(at).toISOString() } satisfies AssetSettingsResponse);
  });
  return router;
}
