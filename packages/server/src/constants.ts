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

/** How often a server reloads the sessions erased through any server. */
export const ERASED_SESSIONS_REFRESH_MS = 60_000;
/** Erasure deletes a person's sessions this many at a time (one lightweight DELETE per table and batch). */
export const SESSIONS_PER_DELETE = 1_000;
/** Longest person (user id or anonymous id) an erasure request may name, in characters. */
export const MAX_PERSON_ID_CHARS = 128;

/** Largest JSON body the authenticated API (`/api/v1`) accepts, in KiB. */
export const API_JSON_BODY_MAX_KB = 64;

/** Longest a client may take to send a request body before it is dropped. */
export const REQUEST_BODY_TIMEOUT_MS = 30_000;
/** Longest graceful shutdown waits for open requests and the final flush. */
export const SHUTDOWN_TIMEOUT_MS = 15_000;

/** Spool replay backoff while the store is still down. */
export const SPOOL_RETRY_MIN_MS = 500;
export const SPOOL_RETRY_MAX_MS = 15_000;
/** After this many failed replays of one file that the store answered, its rows are split to find the refused ones. */
export const SPOOL_BISECT_AFTER_FAILURES = 5;
/** How often the spool looks for files put in its folder from outside (`snag spool retry`). */
export const SPOOL_RESCAN_MS = 5_000;
/** /readyz answers 503 once the spool's oldest file has failed to go in for this long. */
export const SPOOL_STUCK_AFTER_MS = 60_000;
/** /readyz answers 503 once the spool holds more than this share of its cap. */
export const SPOOL_READY_MAX_FILL = 0.5;
/** Default cap of the on-disk spool, in MiB; past it ingest answers 503. */
export const DEFAULT_SPOOL_MAX_MB = 1024;
export const SPOOL_FULL_RETRY_AFTER_S = 30;

/** Default free space below which replay chunks are refused (SNAG_MIN_FREE_DISK_MB), in MiB. */
export const DEFAULT_MIN_FREE_DISK_MB = 1024;
/** Below this share of the minimum free space, every batch is refused. */
export const DISK_CRITICAL_SHARE = 0.25;
/** How often the data folder's free space is measured. */
export const DISK_CHECK_INTERVAL_MS = 5_000;
/** What a client refused for lack of disk space is told to wait, in seconds. */
export const DISK_LOW_RETRY_AFTER_S = 60;

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

/** Default cap of one project's stylesheets, fonts and images kept with replays (SNAG_ASSETS_MAX_MB_PER_PROJECT), in MiB. */
export const DEFAULT_ASSETS_MAX_MB_PER_PROJECT = 2048;
