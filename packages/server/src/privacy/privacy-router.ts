import { Router } from 'express';
import { z } from 'zod';
import { MAX_PERSON_ID_CHARS } from '../constants.js';
import { validate } from '../http/validate.js';
import { projectIdSchema } from '../projects/project-id.js';
import { type ErasureDeps, erasePerson } from './erase-person.js';

const paramsSchema = z.object({
  project: projectIdSchema,
  person: z.string().min(1).max(MAX_PERSON_ID_CHARS),
});

/**
 * Erasure: `DELETE /projects/:project/people/:person` erases a user id's or anonymous id's
 * sessions. (A session's export, everything stored about it, is `sessions/export-session.ts`.)
 */
export function privacyRouter(deps: ErasureDeps): Router {
  const router = Router();
  router.delete('/projects/:project/people/:person', async (req, res) => {
    const { project, person } = validate(paramsSchema, req.params);
    const result = await erasePerson(deps, project, person);
    res.json({ deleted: { sessions: result.sessions } });
  });
  return router;
}
