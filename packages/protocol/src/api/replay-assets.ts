import { z } from 'zod';
import { countSchema } from './common.js';

/** What a replay uses: stylesheets (with their imports and fonts), fonts and images. */
export const REPLAY_ASSET_KINDS = ['stylesheet', 'font', 'image'] as const;

/**
 * What became of an asset: `stored`, or why it could not be kept — the site answered 404 / 410
 * (`not_found`) or another error (`http_error`); it was larger than the per-asset cap
 * (`too_large`); its address is private, loopback or link-local (`blocked_address`); no answer in
 * time (`timeout`); not a stylesheet, font or image (`content_type`); the project's asset storage
 * is full (`project_full`); the site could not be reached (`unreachable`); not an http(s) URL
 * (`bad_url`); too many redirects; imports nested too deep (`too_deep`).
 */
export const REPLAY_ASSET_STATUSES = [
  'stored',
  'not_found',
  'http_error',
  'too_large',
  'blocked_address',
  'timeout',
  'content_type',
  'project_full',
  'unreachable',
  'bad_url',
  'too_many_redirects',
  'too_deep',
] as const;
export type ReplayAssetStatus = (typeof REPLAY_ASSET_STATUSES)[number];

export const replayAssetSchema = z.strictObject({
  /** The URL as the recording (or a kept stylesheet) referenced it. */
  url: z.string(),
  kind: z.enum(REPLAY_ASSET_KINDS),
  status: z.enum(REPLAY_ASSET_STATUSES),
  /** The site's HTTP status, or null when there was no answer. */
  http_status: z.number().int().min(100).max(599).nullable(),
  /** Where the kept copy is served (`/api/v1/projects/:project/assets/:sha256`), null when not kept. */
  asset: z.string().nullable(),
  content_type: z.string().nullable(),
  bytes: countSchema,
  /** Why it was not kept, in words; '' when stored. */
  detail: z.string(),
});
export type ReplayAsset = z.infer<typeof replayAssetSchema>;

/** `GET /api/v1/projects/:project/sessions/:session/assets`: the replay's assets, kept or not. */
export const replayAssetsResponseSchema = z.strictObject({
  project: z.string(),
  session: z.string(),
  kept: countSchema,
  not_kept: countSchema,
  assets: z.array(replayAssetSchema),
});
export type ReplayAssetsResponse = z.infer<typeof replayAssetsResponseSchema>;

/**
 * `GET` / `PUT /api/v1/projects/:project/settings/assets`: whether the SDK may send the bodies of
 * same-origin assets the server could not fetch itself (behind sign-in, on an intranet). Off by default.
 */
export const assetSettingsSchema = z.strictObject({
  sdk_bodies: z.boolean(),
});
export type AssetSettings = z.infer<typeof assetSettingsSchema>;

export const assetSettingsResponseSchema = z.strictObject({
  project: z.string(),
  sdk_bodies: z.boolean(),
  /** When an admin last changed it (ISO 8601), null while it has its default. */
  updated_at: z.string().nullable(),
});
export type AssetSettingsResponse = z.infer<typeof assetSettingsResponseSchema>;

/**
 * `GET /v1/assets/wanted?key=…&session=…` (public, key-scoped): whether the project takes asset
 * bodies from the SDK and, if so, the session's same-origin assets the server could not fetch,
 * images and fonts before stylesheets. The SDK's recorder asks once the page's assets were listed.
 */
export const assetsWantedSchema = z.strictObject({
  enabled: z.boolean(),
  urls: z.array(z.string()),
});
export type AssetsWanted = z.infer<typeof assetsWantedSchema>;
