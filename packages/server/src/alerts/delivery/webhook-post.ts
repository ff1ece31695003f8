import { WEBHOOK_RESPONSE_MAX_BYTES } from './constants.js';

/** What a webhook request asks of the way out: the subset of `guardedFetch`'s options it uses. */
export interface PostOptions {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  /** The whole exchange (connect, send, answer) is abandoned after this long. */
  timeoutMs: number;
  /** Largest answer read. */
  maxBytes: number;
  /** Redirects followed: none, a 3xx is an answer (and so a failure). */
  maxRedirects: number;
}

/**
 * How a webhook request leaves the server, injected. Its shape is `guardedFetch`'s
 * (`net/guarded-fetch.ts`: address policy after DNS, `SNAG_OUTBOUND_ALLOW`), so that guard
 * plugs in as `(url, options) => guardedFetch(url, { ...options, allow: config.outbound.allow })`.
 */
export type PostFunction = (url: string, options: PostOptions) => Promise<{ status: number }>;

/**
 * The way out of apps built without one (tests): Node's fetch, no redirects followed, a bounded
 * part of the answer read, and no address policy. `startServer` passes `guardedFetch` with
 * `SNAG_OUTBOUND_ALLOW` instead, so a running server never posts to a private address unless allowed.
 */
export const postWebhook: PostFunction = async (url, { method, headers, body, timeoutMs, maxBytes }) => {
  const response = await fetch(url, {
    method,
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await drain(response, maxBytes);
  return { status: response.status };
};

/** Webhook requests' options but the URL, headers and body. */
export const WEBHOOK_POST_LIMITS = { maxBytes: WEBHOOK_RESPONSE_MAX_BYTES, maxRedirects: 0 } as const;

/** Reads at most `maxBytes` of the answer so the connection can be reused, then lets go. */
async function drain(response: Response, maxBytes: number): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) return;
  let bytes = 0;
  try {
    while (bytes < maxBytes) {
      const chunk = await reader.read();
      if (chunk.done) return;
      bytes += chunk.value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The answer's body does not matter once its status is known.
  }
}
