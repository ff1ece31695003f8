import { Router } from 'express';
import { z } from 'zod';
import { principalOf } from '../auth/authenticate.js';
import { upsertMembership } from '../auth/users-store.js';
import { HttpError } from '../http/errors.js';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { createProject } from './create-project.js';

const bodySchema = z.strictObject({ name: z.string().trim().min(1).max(128) });

/**
 * `POST /projects`: a new project and its public ingest key. A signed-in user
 * becomes its owner; project API tokens cannot create projects.
 */
export function projectsRouter(store: Store): Router {
  const router = Router();
  router.post('/projects', async (req, res) => {
    const principal = principalOf(res);
    if (principal.kind === 'api_token') {
      throw new HttpError(403, 'forbidden', 'a project API token cannot create projects');
    }
    const { name } = validate(bodySchema, req.body ?? {}, 'invalid_project');
    const project = await createProject(store, name);
    if (principal.kind === 'user') await upsertMembership(store, project.id, principal.id, 'owner');
    res.status(201).json({ id: project.id, name, public_key: project.key });
  });
  return router;
}
