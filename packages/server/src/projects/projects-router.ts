import { Router } from 'express';
import { z } from 'zod';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { createProject } from './create-project.js';

const bodySchema = z.strictObject({ name: z.string().trim().min(1).max(128) });

/** `POST /projects`: a new project and its public ingest key. */
export function projectsRouter(store: Store): Router {
  const router = Router();
  router.post('/projects', async (req, res) => {
    const { name } = validate(bodySchema, req.body ?? {}, 'invalid_project');
    const project = await createProject(store, name);
    res.status(201).json({ id: project.id, name, public_key: project.key });
  });
  return router;
}
