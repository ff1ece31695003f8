import { Router } from 'express';
import { publicCors, readForKey, sendCached } from '../http/public-read.js';
import type { KeyResolver } from '../projects/key-resolver.js';
import { PUBLIC_QUESTIONS_MAX_AGE_S } from './constants.js';
import { findActiveQuestions } from './find-active-questions.js';
import type { QuestionCatalog } from './question-catalog.js';
import type { ModuleBuilder } from './question-module.js';

/**
 * `GET /v1/questions.js?key=<public key>`: the ES module SDK cores from before `/v1/config.js`
 * import at a struggle. With no live question it is empty, so the widget's code is fetched only
 * where a question may be asked; otherwise it is the SDK's question chunk with the project's
 * live questions bound into its default export. Public like ingest, cacheable with an ETag.
 */
export function questionsScriptRouter(keys: KeyResolver, catalog: QuestionCatalog, modules: ModuleBuilder): Router {
  const router = Router();
  router.use('/v1/questions.js', publicCors());
  router.get('/v1/questions.js', async (req, res) => {
    const { questions } = await readForKey(keys, req, (projectId) =>
      findActiveQuestions(catalog, projectId, Date.now()),
    );
    const body = modules.questionsModule(questions);
    sendCached(req, res, body, 'application/javascript; charset=utf-8', PUBLIC_QUESTIONS_MAX_AGE_S);
  });
  return router;
}
