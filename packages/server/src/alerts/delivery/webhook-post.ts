import { WEBHOOK_RESPONSE_MAX_BYTES } from './constants.js';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The whole exchange (connect, send, answer) is abandoned after this long. */
  timeoutMs: number;
}

export interface WebhookResponse {
  status: number;
}

/** How a webhook request leaves the server; injected, so tests and an outbound policy can replace it. */
export type PostFunction = (request: WebhookRequest) => Promise<WebhookResponse>;

/**
 * The default: Node's fetch, redirects not followed (a 3xx is an answer, and so a failure),
 * at most WEBHOOK_RESPONSE_MAX_BYTES of the answer read. It applies no address policy:
 * the outbound guard (`net/guarded-fetch.ts`, private and metadata addresses refused after
 * DNS) replaces it where that is available.
 */
export const postWebhook: PostFunction = async ({ url, headers, body, timeoutMs }) => {
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await drain(response);
  return { status: response.status };
};

/** Reads a bounded part of the answer so the connection can be reused, then lets go. */
async function drain(response: Response): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) return;
  let bytes = 0;
  try {
    while (bytes < WEBHOOK_RESPONSE_MAX_BYTES) {
      const chunk = await reader.read();
      if (chunk.done) return;
      bytes += chunk.value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The answer's body does not matter once its status is known.
  }
}
