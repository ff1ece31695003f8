import { createHash } from 'node:crypto';
import type { OutboundAllowList } from '../net/allow-list.js';
import { guardedFetch } from '../net/guarded-fetch.js';
import { OutboundError, type OutboundFailure } from '../net/outbound-error.js';
import type { Resolver } from '../net/resolve-destination.js';
import type { Store } from '../store/client.js';
import { type AssetStatus, hasAssetBody, insertAssetBody, touchAssetBody } from './asset-store.js';
import { ACCEPTED_TYPES, servedType } from './asset-types.js';
import {
  ASSET_CSS_MAX_DEPTH,
  ASSET_FETCH_TIMEOUT_MS,
  ASSET_MAX_BYTES,
  ASSET_TOUCH_EVERY_MS,
  NOT_KEPT_URL,
} from './constants.js';
import { mapCssUrls } from './css-urls.js';
import type { Limiter } from './limiter.js';
import type { AssetKind } from './replay-asset-walker.js';

export type KeptKind = Exclude<AssetKind, 'other'>;

/** What became of one URL: kept as `sha256`, or why not. */
export interface AssetOutcome {
  url: string;
  kind: KeptKind;
  status: AssetStatus;
  http_status: number;
  sha256: string;
  content_type: string;
  bytes: number;
  detail: string;
}

/** Everything keeping an asset needs, shared by all the sessions of a server. */
export interface KeepContext {
  store: Store;
  allow: OutboundAllowList;
  resolve?: Resolver;
  fetchSlots: Limiter;
  /** Reserves room in the project's cap; false when it is full. */
  reserve(projectId: string, bytes: number): Promise<boolean>;
  /** Last time this server moved a body's retention clock (by project + digest). */
  touched: Map<string, number>;
}

const FAILURE_STATUS: Record<OutboundFailure, AssetStatus> = {
  bad_url: 'bad_url',
  blocked_address: 'blocked_address',
  dns: 'unreachable',
  timeout: 'timeout',
  too_large: 'too_large',
  too_many_redirects: 'too_many_redirects',
  content_type: 'content_type',
  network: 'unreachable',
};

function failed(url: string, kind: KeptKind, status: AssetStatus, detail: string, httpStatus = 0): AssetOutcome {
  return {
    url,
    kind,
    status,
    http_status: httpStatus,
    sha256: '',
    content_type: '',
    bytes: 0,
    detail: detail.slice(0, 300),
  };
}

/**
 * Fetches one stylesheet, font or image through the SSRF guard and stores it under the
 * SHA-256 of what will be served. A stylesheet's own `@import`s and `url()`s are kept
 * first (up to ASSET_CSS_MAX_DEPTH deep) and rewritten to the stored copies' digests
 * (relative URLs, beside it on the asset endpoint); what could not be kept loads nothing.
 * Returns this URL's outcome followed by those of everything it pulled in.
 */
export async function keepAsset(
  context: KeepContext,
  projectId: string,
  url: string,
  kind: KeptKind,
  chain: readonly string[] = [],
): Promise<AssetOutcome[]> {
  let response: Awaited<ReturnType<typeof guardedFetch>>;
  try {
    response = await context.fetchSlots.run(() =>
      guardedFetch(url, {
        allow: context.allow,
        resolve: context.resolve,
        timeoutMs: ASSET_FETCH_TIMEOUT_MS,
        maxBytes: ASSET_MAX_BYTES,
        acceptContentTypes: ACCEPTED_TYPES[kind],
        headers: { accept: kind === 'stylesheet' ? 'text/css,*/*;q=0.1' : '*/*' },
      }),
    );
  } catch (error) {
    if (error instanceof OutboundError) return [failed(url, kind, FAILURE_STATUS[error.reason], error.message)];
    throw error;
  }
  if (response.status === 404 || response.status === 410) {
    return [failed(url, kind, 'not_found', `the site answered ${response.status}`, response.status)];
  }
  if (response.status < 200 || response.status >= 300) {
    return [failed(url, kind, 'http_error', `the site answered ${response.status}`, response.status)];
  }
  let body = response.body;
  const nested: AssetOutcome[] = [];
  if (kind === 'stylesheet') {
    const css = await keepStylesheetReferences(context, projectId, response.url, body.toString('utf8'), [
      ...chain,
      url,
    ]);
    body = Buffer.from(css.text, 'utf8');
    nested.push(...css.outcomes);
  }
  const sha256 = createHash('sha256').update(body).digest('hex');
  const contentType = servedType(kind, response.contentType);
  const stored = await storeBody(context, projectId, sha256, contentType, body);
  if (!stored) return [failed(url, kind, 'project_full', "the project's asset storage is full"), ...nested];
  return [
    {
      url,
      kind,
      status: 'stored',
      http_status: response.status,
      sha256,
      content_type: contentType,
      bytes: body.length,
      detail: '',
    },
    ...nested,
  ];
}

async function keepStylesheetReferences(
  context: KeepContext,
  projectId: string,
  base: string,
  css: string,
  chain: readonly string[],
): Promise<{ text: string; outcomes: AssetOutcome[] }> {
  const wanted = new Map<string, KeptKind>();
  mapCssUrls(css, base, (absolute, reference) => {
    const withoutFragment = absolute.split('#')[0] ?? absolute;
    if (!wanted.has(withoutFragment)) {
      wanted.set(withoutFragment, reference === 'import' ? 'stylesheet' : reference === 'font' ? 'font' : 'image');
    }
    return undefined;
  });
  const outcomes: AssetOutcome[] = [];
  const digests = new Map<string, string>();
  await Promise.all(
    [...wanted].map(async ([url, kind]) => {
      if (chain.includes(url)) return;
      if (kind === 'stylesheet' && chain.length >= ASSET_CSS_MAX_DEPTH) {
        outcomes.push(failed(url, kind, 'too_deep', `imports nested deeper than ${ASSET_CSS_MAX_DEPTH} levels`));
        return;
      }
      const kept = await keepAsset(context, projectId, url, kind, chain);
      const own = kept[0];
      if (own?.status === 'stored') digests.set(url, own.sha256);
      outcomes.push(...kept);
    }),
  );
  const text = mapCssUrls(css, base, (absolute) => {
    const [withoutFragment = absolute, fragment] = absolute.split('#');
    const digest = digests.get(withoutFragment);
    return digest ? `${digest}${fragment === undefined ? '' : `#${fragment}`}` : NOT_KEPT_URL;
  });
  return { text, outcomes };
}

async function storeBody(
  context: KeepContext,
  projectId: string,
  sha256: string,
  contentType: string,
  body: Buffer,
): Promise<boolean> {
  const key = `${projectId}\n${sha256}`;
  if (await hasAssetBody(context.store, projectId, sha256)) {
    const last = context.touched.get(key) ?? 0;
    if (Date.now() - last > ASSET_TOUCH_EVERY_MS) {
      context.touched.set(key, Date.now());
      await touchAssetBody(context.store, projectId, sha256);
    }
    return true;
  }
  if (!(await context.reserve(projectId, body.length))) return false;
  await insertAssetBody(context.store, { project_id: projectId, sha256, content_type: contentType, body });
  context.touched.set(key, Date.now());
  return true;
}
