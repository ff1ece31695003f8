import type { IncomingHttpHeaders } from 'node:http';
import { EMPTY_ALLOW_LIST, type OutboundAllowList } from './allow-list.js';
import { OUTBOUND_MAX_BYTES, OUTBOUND_MAX_REDIRECTS, OUTBOUND_TIMEOUT_MS, OUTBOUND_USER_AGENT } from './constants.js';
import { OutboundError } from './outbound-error.js';
import { type Resolver, resolveDestination, systemResolver } from './resolve-destination.js';
import { readBody, sendOnce } from './send-once.js';

export interface GuardedFetchOptions {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Request headers; cookies and credentials (`cookie`, `authorization`, `proxy-authorization`) are dropped. */
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Destinations allowed although private or loopback (from `SNAG_OUTBOUND_ALLOW`); none by default. */
  allow?: OutboundAllowList;
  /** How names become addresses; the system's DNS by default (tests inject their own). */
  resolve?: Resolver;
  /** Whole request, redirects included. */
  timeoutMs?: number;
  /** Largest decoded response body. */
  maxBytes?: number;
  /** Redirects followed; 0 returns a 3xx as it is. */
  maxRedirects?: number;
  /** Media types accepted on a 2xx answer: exact (`text/css`) or a family (`image/`); any when absent. */
  acceptContentTypes?: readonly string[];
  signal?: AbortSignal;
}

export interface GuardedResponse {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The media type without parameters, lower case (`text/css`), or '' when none was sent. */
  contentType: string;
  body: Buffer;
  redirects: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = new Set(['cookie', 'cookie2', 'authorization', 'proxy-authorization']);

function checkUrl(raw: string | URL, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new OutboundError('bad_url', `"${String(raw).slice(0, 200)}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundError('bad_url', `only http and https are fetched, not ${url.protocol}`, url.href);
  }
  if (url.username !== '' || url.password !== '') {
    throw new OutboundError('bad_url', 'URLs carrying credentials are not fetched', url.href);
  }
  return url;
}

function requestHeaders(headers: Record<string, string> | undefined, body: Uint8Array | undefined) {
  const out: Record<string, string> = { 'user-agent': OUTBOUND_USER_AGENT, 'accept-encoding': 'gzip, br, deflate' };
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (!CREDENTIAL_HEADERS.has(lower) && lower !== 'host' && lower !== 'content-length') out[lower] = value;
  }
  if (body) out['content-length'] = String(body.byteLength);
  return out;
}

function mediaType(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function accepts(type: string, accepted: readonly string[] | undefined): boolean {
  if (!accepted) return true;
  return accepted.some((entry) => (entry.endsWith('/') ? type.startsWith(entry) : type === entry));
}

/**
 * Snag's only way out to the network (assets of recorded pages, webhooks). An SSRF guard:
 * http(s) only; the host is resolved here and every address checked against the address
 * policy (unless allowed), then the connection goes to the checked address itself; each
 * redirect is a new, checked hop, up to a limit; one deadline for everything; the body is
 * capped; no cookies or credentials are ever sent. Non-2xx answers are returned, not thrown.
 */
export async function guardedFetch(input: string | URL, options: GuardedFetchOptions = {}): Promise<GuardedResponse> {
  const timeoutMs = options.timeoutMs ?? OUTBOUND_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? OUTBOUND_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? OUTBOUND_MAX_REDIRECTS;
  const allow = options.allow ?? EMPTY_ALLOW_LIST;
  const resolve = options.resolve ?? systemResolver;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  let url = checkUrl(input);
  let method: string = options.method ?? 'GET';
  let body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  let headers = requestHeaders(options.headers, body);
  const failure = (error: unknown): never => {
    const policyError = error instanceof OutboundError && error.reason !== 'network';
    if (deadline.aborted && !policyError)
      throw new OutboundError('timeout', `no complete answer within ${timeoutMs} ms`, url.href);
    if (error instanceof OutboundError) throw error;
    if (signal.aborted) throw new OutboundError('network', 'the request was cancelled', url.href);
    throw new OutboundError('network', (error as Error).message, url.href);
  };
  try {
    for (let redirects = 0; ; redirects += 1) {
      const address = await raceAbort(resolveDestination(url, resolve, allow), signal);
      const response = await sendOnce({ url, address, method, headers, body, signal });
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location !== undefined && maxRedirects > 0) {
        response.resume();
        if (redirects >= maxRedirects) {
          throw new OutboundError('too_many_redirects', `more than ${maxRedirects} redirects`, url.href);
        }
        const next = checkUrl(location, url);
        const keepsBody = response.statusCode === 307 || response.statusCode === 308;
        if (!keepsBody && method !== 'GET' && method !== 'HEAD') {
          method = 'GET';
          body = undefined;
          headers = requestHeaders(options.headers, undefined);
          delete headers['content-type'];
        }
        url = next;
        continue;
      }
      const status = response.statusCode ?? 0;
      const contentType = mediaType(response.headers);
      if (status >= 200 && status < 300 && !accepts(contentType, options.acceptContentTypes)) {
        response.destroy();
        throw new OutboundError('content_type', `"${contentType || 'no type'}" is not an accepted type`, url.href);
      }
      const payload = method === 'HEAD' ? Buffer.alloc(0) : await readBody(response, maxBytes, url.href);
      return { status, url: url.href, headers: response.headers, contentType, body: payload, redirects };
    }
  } catch (error) {
    return failure(error);
  }
}

/** Rejects as soon as `signal` aborts, even if `promise` (a DNS lookup) would take longer. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
