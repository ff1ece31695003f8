import { Router } from 'express';
import { z } from 'zod';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { deleteUserData } from './delete-user-data.js';

const paramsSchema = z.object({
  project: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a project id'),
  person: z.string().min(1).max(128),
});

/** `DELETE /projects/:project/people/:person`: erase a user id's or anonymous id's sessions. */
export function privacyRouter(store: Store): Router {
  const router = Router();
  router.delete('/projects/:project/people/:person', async (req, res) => {
    const { project, person } = validate(paramsSchema, req.params);
    const result = await deleteUserData(store, project, person);
    res.json({ deleted: { sessions: result.sessions } });
  });
  return router;
}
