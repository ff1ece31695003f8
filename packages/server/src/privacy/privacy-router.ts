import { Router } from 'express';
import { z } from 'zod';
import { validate } from '../http/validate.js';
import { projectIdSchema } from '../projects/project-id.js';
import { sessionParamsSchema } from '../sessions/session-document.js';
import { type ErasureDeps, erasePerson } from './erase-person.js';
import { exportSession } from './export-session.js';

const paramsSchema = z.object({
  project: projectIdSchema,
  person: z.string().min(1).max(128),
});

/**
 * Privacy operations: `DELETE /projects/:project/people/:person` erases a user id's or
 * anonymous id's sessions; `GET /projects/:project/sessions/:session/export` hands over
 * everything stored about one session.
 */
export function privacyRouter(deps: ErasureDeps): Router {
  const { store } = deps;
  const router = Router();
  router.delete('/projects/:project/people/:person', async (req, res) => {
    const { project, person } = validate(paramsSchema, req.params);
    const result = await erasePerson(deps, project, person);
    res.json({ deleted: { sessions: result.sessions } });
  });
  router.get('/projects/:project/sessions/:session/export', async (req, res) => {
    const { project, session } = validate(sessionParamsSchema, req.params);
    await exportSession(store, project, session, res);
  });
  return router;
}
