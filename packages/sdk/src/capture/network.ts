import { MAX_NETWORK_EVENTS_PER_PAGE } from '../constants.js';
import { stripQuery } from '../privacy/url.js';
import type { CaptureContext } from '../types.js';
import { guard } from '../util/guard.js';
import { patch } from '../util/lifetime.js';

/** Told about every request as it starts; may return what to call with its final status. */
export type OnRequest = () => ((status: number) => void) | undefined;

/** Method and URL of each XHR, from `open` until `send`. */
const xhrInfo = new WeakMap<XMLHttpRequest, [method: string, url: string]>();

/**
 * Failed requests (status >= 400 or a network error) made with fetch or XHR.
 * The wrappers call the originals first and only observe: the host's requests
 * behave exactly as before, errors included.
 */
export function captureNetwork(ctx: CaptureContext, onRequest?: OnRequest): void {
  // Told about every request, failed or not, so that struggle detection can tie requests to clicks.
  const started = () => guard(onRequest ?? (() => undefined))() ?? (() => {});
  const underCap = ctx.perPage(MAX_NETWORK_EVENTS_PER_PAGE);
  const report = guard((initiator: 'fetch' | 'xhr', method: string, url: string, status: number, start: number) => {
    if (status > 0 && status < 400) return;
    const requestUrl = stripQuery(url, location.href);
    if (!requestUrl.startsWith('http') || requestUrl === ctx.ingestUrl || !underCap()) return;
    ctx.emit({
      type: 'network',
      initiator,
      method: /^[A-Za-z]{1,16}$/.test(method) ? method.toUpperCase() : 'GET',
      request_url: requestUrl,
      status: Math.min(599, status),
      duration_ms: Math.max(0, performance.now() - start),
    });
  });

  /** A request has started: the detectors are told now, the returned callback takes its final status. */
  const observe = (initiator: 'fetch' | 'xhr', method: string, url: string, start: number) => {
    const done = started();
    return (status: number) => {
      done(status);
      report(initiator, method, url, status, start);
    };
  };

  patch(
    window,
    'fetch',
    (original) =>
      function snagFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
        const start = performance.now();
        const promise = original.call(this, input, init);
        const request = input instanceof Request ? input : undefined;
        const settle = observe(
          'fetch',
          init?.method ?? request?.method ?? 'GET',
          request ? request.url : String(input),
          start,
        );
        promise.then(
          (response) => settle(response.status),
          () => settle(0),
        );
        return promise;
      },
  );

  const proto = XMLHttpRequest.prototype;
  patch(
    proto,
    'open',
    (original) =>
      function snagOpen(this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
        xhrInfo.set(this, [method, String(url)]);
        return (original as (...args: unknown[]) => void).call(this, method, url, ...rest);
      },
  );
  patch(
    proto,
    'send',
    (original) =>
      function snagSend(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
        const info = xhrInfo.get(this);
        if (info) {
          const settle = observe('xhr', ...info, performance.now());
          this.addEventListener('loadend', () => settle(this.status));
        }
        return original.call(this, body);
      },
  );
}
