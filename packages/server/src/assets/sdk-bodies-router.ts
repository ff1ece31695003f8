import { createHash } from 'node:crypto';
import type { AssetsWanted } from '@snag/protocol';
import { type Request, Router } from 'express';
import { z } from 'zod';
import type { RateLimits } from '../config.js';
import { RATE_LIMIT_BURST_SECONDS } from '../constants.js';
import { ingestCors } from '../http/cors.js';
import { HttpError } from '../http/errors.js';
import { validate } from '../http/validate.js';
import { resolveProject } from '../ingest/ingest-router.js';
import { RateLimiter } from '../ingest/rate-limiter.js';
import { readBody } from '../ingest/read-body.js';
import type { KeyResolver } from '../projects/key-resolver.js';
import type { Store } from '../store/client.js';
import type { AssetKeeper } from './asset-keeper.js';
import { findAssetSettings } from './asset-settings-store.js';
import {
  findReplayAssets,
  hasAssetBody,
  insertAssetBody,
  insertReplayAssets,
  type SessionAsset,
} from './asset-store.js';
import { ACCEPTED_TYPES, servedType } from './asset-types.js';
import {
  NOT_KEPT_URL,
  SDK_ASSET_MAX_BYTES,
  SDK_SENDABLE_STATUSES,
  SDK_WANTED_MAX,
  SDK_WANTED_WAIT_MS,
} from './constants.js';
import { mapCssUrls } from './css-urls.js';
import type { KeptKind } from './keep-asset.js';
import { findSessionOrigins, originOf } from './sdk-body-store.js';

const sessionQuerySchema = z.object({ session: z.string().min(1).max(128) });
const bodyQuerySchema = sessionQuerySchema.extend({
  url: z
    .string()
    .max(2048)
    .refine((url) => originOf(url) !== undefined, 'must be an absolute http(s) URL'),
});

export interface SdkBodiesDeps {
  store: Store;
  keys: KeyResolver;
  assets: AssetKeeper;
  /** The ingest's per-address limit (SNAG_RATE_LIMIT_IP_REQUESTS_PER_S) applies to these requests too. */
  rateLimits?: RateLimits;
}

/**
 * The SDK's side of keeping assets the server cannot reach (behind sign-in, on an intranet),
 * for projects whose admins enabled it: `GET /v1/assets/wanted` lists the session's same-origin
 * assets the server could not fetch, and `POST /v1/assets` takes one body, which is checked
 * (same origin as the session's pages, listed in its recording, allowed type, size caps),
 * stored under its own SHA-256 and used by the session's replay.
 */
export function sdkBodiesRouter({ store, keys, assets, rateLimits }: SdkBodiesDeps): Router {
  const rate = rateLimits?.ipRequestsPerSecond ?? 0;
  const perAddress = new RateLimiter(rate, rate * RATE_LIMIT_BURST_SECONDS);
  const router = Router();
  router.use('/v1/assets', ingestCors, (req, _res, next) => {
    const decision = perAddress.take(req.ip ?? 'unknown');
    if (decision.allowed) return next();
    throw new HttpError(
      429,
      'rate_limited',
      `too many requests from this address; retry after ${decision.retryAfterSeconds} s`,
      {
        retryAfterSeconds: decision.retryAfterSeconds,
      },
    );
  });

  router.get('/v1/assets/wanted', async (req, res) => {
    const projectId = await resolveProject(req, keys);
    const { session } = validate(sessionQuerySchema, req.query);
    if (!(await findAssetSettings(store, projectId)).sdk_bodies) {
      res.json({ enabled: false, urls: [] } satisfies AssetsWanted);
      return;
    }
    await assets.settled(projectId, session, SDK_WANTED_WAIT_MS);
    const [rows, origins] = await Promise.all([
      findReplayAssets(store, projectId, session),
      findSessionOrigins(store, projectId, session),
    ]);
    const urls = rows
      .filter((row) => SDK_SENDABLE_STATUSES.includes(row.status) && origins.has(originOf(row.url) ?? ''))
      .sort((a, b) => Number(a.kind === 'stylesheet') - Number(b.kind === 'stylesheet'))
      .slice(0, SDK_WANTED_MAX)
      .map((row) => row.url);
    res.json({ enabled: true, urls } satisfies AssetsWanted);
  });

  router.post('/v1/assets', async (req, res) => {
    const projectId = await resolveProject(req, keys);
    const { session, url } = validate(bodyQuerySchema, req.query);
    if (!(await findAssetSettings(store, projectId)).sdk_bodies) {
      throw new HttpError(403, 'sdk_bodies_disabled', 'this project does not take asset bodies from the SDK');
    }
    const origins = await findSessionOrigins(store, projectId, session);
    if (!origins.has(originOf(url) ?? '')) {
      throw new HttpError(403, 'cross_origin_asset', `${originOf(url)} is not the origin of this session's pages`);
    }
    const rows = await findReplayAssets(store, projectId, session);
    const listed = rows.find((row) => row.url === url);
    if (!listed || listed.kind === 'other') {
      throw new HttpError(404, 'asset_not_listed', "this session's recording does not use this URL");
    }
    const kind = listed.kind as KeptKind;
    const type = contentTypeOf(req);
    if (!ACCEPTED_TYPES[kind].some((prefix) => prefix !== '' && type.startsWith(prefix))) {
      throw new HttpError(415, 'unsupported_asset_type', `a ${kind} cannot be sent as "${type || 'no type'}"`);
    }
    let body = await readBody(req, { maxBodyBytes: SDK_ASSET_MAX_BYTES, maxDecompressedBytes: SDK_ASSET_MAX_BYTES });
    if (body.length === 0) throw new HttpError(400, 'empty_body', 'the asset body is empty');
    if (kind === 'stylesheet') body = Buffer.from(pointAtKept(body.toString('utf8'), url, rows), 'utf8');
    const sha256 = createHash('sha256').update(body).digest('hex');
    const contentType = servedType(kind, type);
    if (!(await hasAssetBody(store, projectId, sha256))) {
      if (!(await assets.reserve(projectId, body.length))) {
        throw new HttpError(507, 'project_full', "the project's asset storage is full");
      }
      await insertAssetBody(store, { project_id: projectId, sha256, content_type: contentType, body });
    }
    const now = Date.now();
    await insertReplayAssets(store, [
      {
        project_id: projectId,
        session_id: session,
        url,
        kind,
        status: 'stored',
        http_status: 200,
        sha256,
        content_type: contentType,
        bytes: body.length,
        detail: 'sent by the SDK',
        time: now,
        fetched_at: now,
      },
    ]);
    res.status(201).json({ stored: true, sha256, bytes: body.length });
  });
  return router;
}

function contentTypeOf(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** A sent stylesheet's `url()`s and `@import`s point at what the session already has kept (relative digests), the rest at nothing. */
function pointAtKept(css: string, base: string, rows: readonly SessionAsset[]): string {
  const kept = new Map(rows.filter((row) => row.status === 'stored').map((row) => [row.url, row.sha256]));
  return mapCssUrls(css, base, (absolute) => {
    const [withoutFragment = absolute, fragment] = absolute.split('#');
    const digest = kept.get(withoutFragment);
    return digest ? `${digest}${fragment === undefined ? '' : `#${fragment}`}` : NOT_KEPT_URL;
  });
}
