/** Group commit: the longest a row waits for the next shared insert. */
export const FLUSH_INTERVAL_MS = 100;
/** Group commit: an insert starts at once when this many rows are waiting. */
export const FLUSH_MAX_ROWS = 20_000;
/** Rows waiting or being written beyond which ingest answers 503 + Retry-After. */
export const MAX_PENDING_ROWS = 200_000;
/** What an overloaded or store-less server tells clients to wait, in seconds. */
export const OVERLOAD_RETRY_AFTER_S = 2;
export const STORE_DOWN_RETRY_AFTER_S = 5;

/** How long a looked-up ingest key (or its absence) is trusted before asking the store again. */
export const KEY_CACHE_TTL_MS = 30_000;
export const UNKNOWN_KEY_CACHE_TTL_MS = 5_000;
/** Public keys kept in memory at most (all of them on any real instance). */
export const MAX_CACHED_KEYS = 10_000;
/** Distinct user-agent strings whose parse is kept in memory. */
export const USER_AGENT_CACHE_SIZE = 2_000;

/** Longest a client may take to send a request body before it is dropped. */
export const REQUEST_BODY_TIMEOUT_MS = 30_000;
/** Longest graceful shutdown waits for open requests and the final flush. */
export const SHUTDOWN_TIMEOUT_MS = 15_000;

/** Spool replay backoff while the store is still down. */
export const SPOOL_RETRY_MIN_MS = 500;
export const SPOOL_RETRY_MAX_MS = 15_000;
/** Default cap of the on-disk spool, in MiB; past it ingest answers 503. */
export const DEFAULT_SPOOL_MAX_MB = 1024;
export const SPOOL_FULL_RETRY_AFTER_S = 30;

/** Default ingest limits: events per second per project key, requests per second per client address. */
export const DEFAULT_KEY_EVENTS_PER_S = 50_000;
export const DEFAULT_IP_REQUESTS_PER_S = 50;
/** Buckets hold this many seconds of their rate, so bursts (a queue flushed after going online) pass. */
export const RATE_LIMIT_BURST_SECONDS = 10;

/** Cache lifetime of the unversioned `/sdk.js`: short, so a new SDK reaches sites quickly. */
export const SDK_LATEST_MAX_AGE_S = 300;
/** Cache lifetime of content-hashed `/sdk/<file>`: a year, they never change. */
export const SDK_VERSIONED_MAX_AGE_S = 31_536_000;
/** Cache lifetime of the dashboard's content-hashed `/assets/*`: a year, they never change. */
export const DASHBOARD_ASSET_MAX_AGE_S = 31_536_000;

/** Interface `snag serve` listens on unless `HOST` says otherwise: loopback, so only a local proxy reaches it. */
export const DEFAULT_HOST = '127.0.0.1';
/** `Strict-Transport-Security` lifetime when Snag is served over HTTPS, in seconds (a year). */
export const HSTS_MAX_AGE_S = 31_536_000;
