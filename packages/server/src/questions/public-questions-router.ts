import { Router } from 'express';
import { publicCors, readForKey, sendCached } from '../http/public-read.js';
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
  router.use('/v1/questions', publicCors());
  router.get('/v1/questions', async (req, res) => {
    const body = await readForKey(keys, req, (projectId) => findActiveQuestions(catalog, projectId, Date.now()));
    sendCached(req, res, JSON.stringify(body), 'application/json', PUBLIC_QUESTIONS_MAX_AGE_S);
  });
  return router;
}
