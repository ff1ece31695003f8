import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { redactPath } from './redact-path.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives each request an id (a valid incoming X-Request-Id is kept), echoes it,
 * and when the response is done logs one line and observes its duration. Only
 * the path is logged, with share-link tokens and erased people redacted (`redactPath`):
 * query strings may hold a key, and headers are never logged.
 * Accepted ingest requests log at debug, so access logs scale with failures, not traffic.
 */
export function requestLog(logger: Logger, metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    const started = performance.now();
    res.on('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const route = routeOf(req.baseUrl, req.route?.path, req.path);
      metrics.httpSeconds.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      if (route === '/v1/ingest' && req.method === 'POST') {
        const accepted = res.locals.acceptedEvents as number | undefined;
        metrics.ingestRequests.inc({
          outcome: accepted ? 'accepted' : (res.locals.errorCode ?? String(res.statusCode)),
        });
        if (accepted) metrics.ingestEvents.inc(accepted);
      }
      const entry = {
        request_id: id,
        method: req.method,
        // The whole path (req.path is relative to a mounted router), never the query string.
        path: redactPath(req.originalUrl.split('?')[0] ?? ''),
        status: res.statusCode,
        ms: Math.round(seconds * 1000),
        error: res.locals.errorCode as string | undefined,
      };
      if (res.statusCode >= 500) logger.error(entry, 'request failed');
      else if (res.statusCode >= 400 || !req.path.startsWith('/v1/ingest')) logger.info(entry, 'request');
      else logger.debug(entry, 'request');
    });
    next();
  };
}

/** The route pattern (`/api/v1/projects/:project/...`), so metric labels stay few. */
function routeOf(baseUrl: string, routePath: unknown, path: string): string {
  if (typeof routePath === 'string') return `${baseUrl}${routePath}`;
  return path.startsWith('/v1/ingest') ? '/v1/ingest' : 'unmatched';
}
