import type { PublicConfig, PublicQuestion } from '@snag/protocol';
import { Router } from 'express';
import { publicCors, readForKey, sendCached } from '../http/public-read.js';
import type { KeyResolver } from '../projects/key-resolver.js';
import { findActiveQuestions } from '../questions/find-active-questions.js';
import type { QuestionCatalog } from '../questions/question-catalog.js';
import type { ModuleBuilder } from '../questions/question-module.js';
import { PUBLIC_CONFIG_MAX_AGE_S } from './constants.js';
import { toPublicConfig } from './public-config.js';
import type { SettingsCatalog } from './settings-catalog.js';

export interface PublicConfigDeps {
  keys: KeyResolver;
  settings: SettingsCatalog;
  questions: QuestionCatalog;
  modules: ModuleBuilder;
}

/**
 * The SDK's start-up read, public and key-scoped like ingest (any origin, no credentials),
 * cacheable for PUBLIC_CONFIG_MAX_AGE_S with an ETag:
 * - `GET /v1/config?key=`: the project's recording settings and feedback tab as JSON;
 * - `GET /v1/config.js?key=`: the module the script-tag core imports once per page: the same
 *   JSON as `config`, and the question chunk when a question is live or the feedback tab is on.
 */
export function publicConfigRouter({ keys, settings, questions, modules }: PublicConfigDeps): Router {
  const router = Router();
  router.use(['/v1/config', '/v1/config.js'], publicCors());
  router.get('/v1/config', async (req, res) => {
    const config = await readForKey(keys, req, async (projectId) =>
      toPublicConfig(await settings.settingsOf(projectId)),
    );
    sendCached(req, res, JSON.stringify(config satisfies PublicConfig), 'application/json', PUBLIC_CONFIG_MAX_AGE_S);
  });
  router.get('/v1/config.js', async (req, res) => {
    const [config, live] = await readForKey(keys, req, (projectId) =>
      Promise.all([
        settings.settingsOf(projectId).then(toPublicConfig),
        findActiveQuestions(questions, projectId, Date.now()).then((found): PublicQuestion[] => found.questions),
      ]),
    );
    const body = modules.configModule(config, live);
    sendCached(req, res, body, 'application/javascript; charset=utf-8', PUBLIC_CONFIG_MAX_AGE_S);
  });
  return router;
}
