import type { ReplayAssetsResponse } from '@snag/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { projectParamsSchema, sessionParamsSchema } from '../analytics/params.js';
import { requireProject } from '../analytics/require-project.js';
import { HttpError } from '../http/errors.js';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { assetPath } from './asset-path.js';
import { findAssetBody, findReplayAssets } from './asset-store.js';

const assetParamsSchema = projectParamsSchema.extend({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest in lower-case hex'),
});

/**
 * Served with every kept asset: it is data for a replay, never a page. An SVG opened on its
 * own runs no script and loads nothing (`sandbox`, `default-src 'none'`); no type is guessed.
 */
const ASSET_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/**
 * `GET …/assets/:sha256`, a kept stylesheet, font or image (behind the same project access
 * as the replay that uses it), and `GET …/sessions/:session/assets`, what a replay uses and
 * what could not be kept, and why.
 */
export function assetsRouter(store: Store): Router {
  const router = Router();
  router.get('/projects/:project/assets/:sha256', async (req, res) => {
    const { project, sha256 } = validate(assetParamsSchema, req.params);
    const asset = await findAssetBody(store, project, sha256);
    if (!asset) throw new HttpError(404, 'asset_not_found', `no kept asset ${sha256} in project "${project}"`);
    res.setHeader('Content-Security-Policy', ASSET_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    // Content-addressed: the same URL is always the same bytes.
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    res.setHeader('Content-Type', asset.content_type);
    res.send(asset.body);
  });

  router.get('/projects/:project/sessions/:session/assets', async (req, res) => {
    const { project, session } = validate(sessionParamsSchema, req.params);
    await requireProject(store, project);
    const rows = await findReplayAssets(store, project, session);
    const assets = rows.map((row) => ({
      url: row.url,
      kind: row.kind as ReplayAssetsResponse['assets'][number]['kind'],
      status: row.status,
      http_status: Number(row.http_status) >= 100 ? Number(row.http_status) : null,
      asset: row.status === 'stored' ? assetPath(project, row.sha256) : null,
      content_type: row.status === 'stored' ? row.content_type : null,
      bytes: Number(row.bytes),
      detail: row.detail,
    }));
    const kept = assets.filter((asset) => asset.status === 'stored').length;
    res.json({ project, session, kept, not_kept: assets.length - kept, assets } satisfies ReplayAssetsResponse);
  });
  return router;
}
