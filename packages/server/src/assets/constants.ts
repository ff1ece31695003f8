/** Largest stylesheet, font or image kept, in bytes (decoded). */
export const ASSET_MAX_BYTES = 5 * 1024 * 1024;
/** Longest one asset's fetch may take, redirects included. */
export const ASSET_FETCH_TIMEOUT_MS = 10_000;
/** Assets fetched at the same time by one server. */
export const ASSET_FETCH_CONCURRENCY = 4;
/** Sessions waiting for their assets to be kept, at most; past it new ones are not kept. */
export const ASSET_QUEUE_MAX_SESSIONS = 2_000;
/** Distinct asset URLs kept per session at most. */
export const ASSETS_PER_SESSION_MAX = 400;
/** How deep stylesheets importing stylesheets are followed (`@import` chains). */
export const ASSET_CSS_MAX_DEPTH = 5;
/** How long a URL fetched for one session is reused for later sessions before it is fetched again. */
export const ASSET_REFETCH_AFTER_MS = 60 * 60_000;
/** How long a URL that could not be kept (timeout, 5xx, …) is not tried again for later sessions. */
export const ASSET_RETRY_FAILED_AFTER_MS = 5 * 60_000;
/** URLs remembered as fetched, per server. */
export const ASSET_URL_CACHE_SIZE = 20_000;
/** A stored body's retention clock moves forward at most this often while sessions keep using it. */
export const ASSET_TOUCH_EVERY_MS = 24 * 60 * 60_000;
/** How long a project's total stored bytes are trusted before being read again. */
export const ASSET_USAGE_CACHE_MS = 60_000;
/** What a URL that was not kept becomes in a replay: it loads nothing. */
export const NOT_KEPT_URL = 'about:invalid#snag-asset-not-kept';
/** rrweb custom event tag the SDK's recorder reports a page's assets with. */
export const ASSET_REPORT_TAG = 'snag-assets';
/** Largest asset body the SDK may send, in bytes (decoded); a larger one is refused with 413. */
export const SDK_ASSET_MAX_BYTES = 2 * 1024 * 1024;
/** How long the wanted list waits for the server's own fetches of the session's assets. */
export const SDK_WANTED_WAIT_MS = 5_000;
/** URLs listed to the SDK per request at most. */
export const SDK_WANTED_MAX = 100;
/** Why the server could not keep an asset that the SDK may send instead: it could not reach or read it. */
export const SDK_SENDABLE_STATUSES: readonly string[] = [
  'not_found',
  'http_error',
  'blocked_address',
  'timeout',
  'unreachable',
];
