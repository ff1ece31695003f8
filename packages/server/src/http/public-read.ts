import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { STORE_DOWN_RETRY_AFTER_S } from '../constants.js';
import type { KeyResolver } from '../projects/key-resolver.js';
import { HttpError } from './errors.js';

/** Longest public key looked up; longer ones are unknown without a store read. */
const MAX_PUBLIC_KEY_CHARS = 128;

/**
 * The SDK's public reads (`/v1/questions`, `/v1/config`, …) are open to every origin without
 * credentials, like ingest: CORS headers on every answer, and preflights answered here.
 */
export function publicCors(): RequestHandler {
  return (req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
    res.setHeader('Access-Control-Max-Age', '86400');
    // A module imported from another origin is a cross-origin resource as well.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}

/**
 * The project of the `?key=` a public read was called with, then `read(project)`: 401 for a
 * missing or unknown key, 503 with Retry-After while the store cannot answer.
 */
export async function readForKey<T>(keys: KeyResolver, req: Request, read: (projectId: string) => Promise<T>) {
  const key = typeof req.query.key === 'string' ? req.query.key : '';
  if (!key) throw new HttpError(401, 'missing_key', 'send the project key as the ?key= parameter');
  try {
    const projectId = key.length > MAX_PUBLIC_KEY_CHARS ? undefined : await keys.resolve(key);
    if (!projectId) throw new HttpError(401, 'unknown_key', 'unknown project key');
    return await read(projectId);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(503, 'store_unavailable', 'the event store is unavailable; retry later', {
      retryAfterSeconds: STORE_DOWN_RETRY_AFTER_S,
    });
  }
}

/** Sends `body` cacheable for `maxAgeS` with a strong ETag; a request that has it gets 304. */
export function sendCached(req: Request, res: Response, body: string, type: string, maxAgeS: number): void {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  res.setHeader('Cache-Control', `public, max-age=${maxAgeS}`);
  res.setHeader('ETag', etag);
  if (req.headers['if-none-match'] === etag) {
    res.status(304).end();
    return;
  }
  res.type(type).send(body);
}
