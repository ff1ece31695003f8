import { KEEPALIVE_MAX_BYTES, REQUEST_TIMEOUT_MS } from '../constants.js';
import { parseRetryAfter } from './backoff.js';
import { gzip } from './gzip.js';

/**
 * `retryAfterMs`: worth retrying later (network error, timeout, 429 or 5xx); with
 * `replayDeferred`, the server stored the batch's events and refused only its recording
 * (low on disk). Otherwise the batch is done with: acknowledged, or refused (4xx), in
 * which case `invalidEvent` is the index of the event the server named as invalid, if any.
 */
export type SendResult = { retryAfterMs: number; replayDeferred?: true } | { invalidEvent?: number };

/**
 * One POST to the ingest endpoint. text/plain keeps the request simple; gzip
 * (when the browser can) adds one preflight, cached by the browser for a day.
 */
export async function sendBatch(fetchFn: typeof fetch, url: string, body: string): Promise<SendResult> {
  const compressed = await gzip(body).catch(() => undefined);
  const zipped = compressed && compressed.length < body.length ? (compressed as Uint8Array<ArrayBuffer>) : undefined;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetchFn(url, {
      method: 'POST',
      headers: zipped ? { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' } : { 'Content-Type': 'text/plain' },
      body: zipped ?? body,
      keepalive: (zipped ?? body).length <= KEEPALIVE_MAX_BYTES,
      credentials: 'omit',
      signal: controller.signal,
    });
    const { status } = response;
    if (response.ok) return {};
    const { path, error } = (await response.json().catch(() => ({}))) as { path?: string; error?: string };
    if (status === 429 || status >= 500) {
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
      return error === 'replay_deferred' ? { retryAfterMs, replayDeferred: true } : { retryAfterMs };
    }
    const index = /^events\.(\d+)/.exec(path ?? '')?.[1];
    return { invalidEvent: index ? Number(index) : undefined };
  } catch {
    return { retryAfterMs: 0 };
  } finally {
    clearTimeout(timer);
  }
}

/** Hands a body to the browser to send after the page is gone; false when it would not take it. */
export function sendBeacon(url: string, body: string): boolean {
  try {
    const blob = new Blob([body], { type: 'text/plain' });
    return blob.size <= KEEPALIVE_MAX_BYTES && navigator.sendBeacon(url, blob);
  } catch {
    return false;
  }
}
