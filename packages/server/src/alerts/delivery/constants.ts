/** Deliveries in flight at once, over every channel. */
export const DELIVERY_CONCURRENCY = 4;
/** Attempts per delivery before it is `failed` (the first one included). */
export const DELIVERY_MAX_ATTEMPTS = 6;
/** Wait before the second attempt; doubled for each later one. */
export const DELIVERY_BACKOFF_BASE_MS = 5_000;
/** Longest wait between two attempts. */
export const DELIVERY_BACKOFF_MAX_MS = 10 * 60_000;
/** Share of each wait drawn at random (0–1), so many failed deliveries do not retry in step. */
export const DELIVERY_BACKOFF_JITTER = 0.2;
/** One attempt (connect, send, answer) is abandoned after this long. */
export const DELIVERY_ATTEMPT_TIMEOUT_MS = 10_000;
/** Deliveries waiting in memory; beyond this, new ones are recorded as failed at once. */
export const DELIVERY_MAX_QUEUED = 10_000;
/** Longest error message kept in the history, in characters. */
export const DELIVERY_ERROR_MAX_CHARS = 500;
/** Bytes of a webhook receiver's answer read (and then dropped). */
export const WEBHOOK_RESPONSE_MAX_BYTES = 64 * 1024;
/** Alerts per page of `GET …/alerts/history` by default, and at most. */
export const HISTORY_DEFAULT_LIMIT = 50;
export const HISTORY_MAX_LIMIT = 200;
