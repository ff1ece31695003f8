import { createHash } from 'node:crypto';
import { Router } from 'express';
import { STORE_DOWN_RETRY_AFTER_S } from '../constants.js';
import { HttpError } from '../http/errors.js';
import type { KeyResolver } from '../projects/key-resolver.js';
import { defaultSdkDistDir, sdkFileLoader } from '../sdk-assets/sdk-files.js';
import { PUBLIC_QUESTIONS_MAX_AGE_S } from './constants.js';
import { findActiveQuestions } from './find-active-questions.js';
import type { QuestionCatalog } from './question-catalog.js';

/** Where the question chunk registers its start function (`QUESTIONS_GLOBAL` in the SDK's constants). */
const CHUNK_GLOBAL = '__snagQuestions';

/**
 * `GET /v1/questions.js?key=<public key>`: the ES module the SDK imports at a struggle. With no
 * live question it is empty, so the widget's code is fetched only where a question may be
 * asked; otherwise it is the SDK's question chunk with the project's live questions bound into
 * its default export. Public like ingest, cacheable for PUBLIC_QUESTIONS_MAX_AGE_S with an ETag.
 */
export function questionsScriptRouter(
  keys: KeyResolver,
  catalog: QuestionCatalog,
  distDir: string = defaultSdkDistDir(),
): Router {
  const sdkFiles = sdkFileLoader(distDir);
  const router = Router();
  router.get('/v1/questions.js', async (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    const key = typeof req.query.key === 'string' ? req.query.key : '';
    let projectId: string | undefined;
    let questions: Awaited<ReturnType<typeof findActiveQuestions>>['questions'];
    try {
      projectId = key && key.length <= 128 ? await keys.resolve(key) : undefined;
      questions = projectId ? (await findActiveQuestions(catalog, projectId, Date.now())).questions : [];
    } catch {
      throw new HttpError(503, 'store_unavailable', 'the event store is unavailable; retry later', {
        retryAfterSeconds: STORE_DOWN_RETRY_AFTER_S,
      });
    }
    if (!projectId) throw new HttpError(401, 'unknown_key', 'send a known project key as the ?key= parameter');
    const chunk = sdkFiles()?.questions;
    if (questions.length > 0 && !chunk) {
      throw new HttpError(404, 'sdk_not_built', 'the browser SDK is not built; run `pnpm build`');
    }
    const body =
      questions.length === 0 || !chunk
        ? '// No question is being asked in this project.\nexport default () => {};\n'
        : `${chunk.body.toString('utf8')}\nexport default window.${CHUNK_GLOBAL}.bind(null, ${JSON.stringify(questions)});\n`;
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    res.setHeader('Content-Type', 'application/javascript; charset=utf-8');
    res.setHeader('Cache-Control', `public, max-age=${PUBLIC_QUESTIONS_MAX_AGE_S}`);
    res.setHeader('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.send(body);
  });
  return router;
}
