import { KEEPALIVE_MAX_BYTES, REQUEST_TIMEOUT_MS } from '../constants.js';
import { parseRetryAfter } from './backoff.js';
import { gzip } from './gzip.js';

export type SendResult =
  | { kind: 'ok' }
  /** Worth retrying later: network error, timeout, 429 or 5xx. */
  | { kind: 'retry'; retryAfterMs: number }
  /** The server refused the batch (4xx); `event` is the index of the event it named as invalid, if any. */
  | { kind: 'rejected'; status: number; event?: number };

/**
 * One POST to the ingest endpoint. text/plain keeps the request simple; gzip
 * (when the browser can) adds one preflight, cached by the browser for a day.
 */
export async function sendBatch(fetchFn: typeof fetch, url: string, body: string): Promise<SendResult> {
  let payload: BodyInit = body;
  const headers: Record<string, string> = { 'Content-Type': 'text/plain' };
  try {
    const compressed = await gzip(body);
    if (compressed && compressed.length < body.length) {
      payload = compressed as Uint8Array<ArrayBuffer>;
      headers['Content-Encoding'] = 'gzip';
    }
  } catch {
    // compression unavailable: send the JSON as it is
  }
  const size = typeof payload === 'string' ? payload.length : (payload as Uint8Array).length;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetchFn(url, {
      method: 'POST',
      headers,
      body: payload,
      keepalive: size <= KEEPALIVE_MAX_BYTES,
      credentials: 'omit',
      signal: controller.signal,
    });
    if (response.ok) return { kind: 'ok' };
    if (response.status === 429 || response.status >= 500) {
      return { kind: 'retry', retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')) };
    }
    const path = ((await response.json().catch(() => ({}))) as { path?: string }).path;
    const event = /^events\.(\d+)/.exec(path ?? '')?.[1];
    return { kind: 'rejected', status: response.status, ...(event ? { event: Number(event) } : {}) };
  } catch {
    return { kind: 'retry', retryAfterMs: 0 };
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
