import { createHash } from 'node:crypto';
import type { PublicQuestionsResponse } from '@snag/protocol';
import { Router } from 'express';
import { STORE_DOWN_RETRY_AFTER_S } from '../constants.js';
import { HttpError } from '../http/errors.js';
import type { KeyResolver } from '../projects/key-resolver.js';
import { PUBLIC_QUESTIONS_MAX_AGE_S } from './constants.js';
import { findActiveQuestions } from './find-active-questions.js';
import type { QuestionCatalog } from './question-catalog.js';

/**
 * `GET /v1/questions?key=<public key>`: the project's live questions for the SDK, public like
 * ingest (any origin, no credentials), cacheable for PUBLIC_QUESTIONS_MAX_AGE_S with an ETag.
 */
export function publicQuestionsRouter(keys: KeyResolver, catalog: QuestionCatalog): Router {
  const router = Router();
  router.use('/v1/questions', (req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
    res.setHeader('Access-Control-Max-Age', '86400');
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  });
  router.get('/v1/questions', async (req, res) => {
    const key = typeof req.query.key === 'string' ? req.query.key : undefined;
    if (!key) throw new HttpError(401, 'missing_key', 'send the project key as the ?key= parameter');
    let body: PublicQuestionsResponse;
    try {
      const projectId = key.length > 128 ? undefined : await keys.resolve(key);
      if (!projectId) throw new HttpError(401, 'unknown_key', 'unknown project key');
      body = await findActiveQuestions(catalog, projectId, Date.now());
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(503, 'store_unavailable', 'the event store is unavailable; retry later', {
        retryAfterSeconds: STORE_DOWN_RETRY_AFTER_S,
      });
    }
    const json = JSON.stringify(body);
    const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 22)}"`;
    res.setHeader('Cache-Control', `public, max-age=${PUBLIC_QUESTIONS_MAX_AGE_S}`);
    res.setHeader('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.type('application/json').send(json);
  });
  return router;
}
