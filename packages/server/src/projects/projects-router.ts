import { Router } from 'express';
import { z } from 'zod';
import { validate } from '../http/validate.js';
import { projectParamsSchema } from '../reports/params.js';
import { requireProject } from '../reports/require-project.js';
import type { Store } from '../store/client.js';
import { createProject } from './create-project.js';
import { findPublicKeys } from './store.js';

const bodySchema = z.strictObject({ name: z.string().trim().min(1).max(128) });

/** `POST /projects`: a new project and its public ingest key; `GET /projects/:project/keys`: its live public keys. */
export function projectsRouter(store: Store): Router {
  const router = Router();
  router.post('/projects', async (req, res) => {
    const { name } = validate(bodySchema, req.body ?? {}, 'invalid_project');
    const project = await createProject(store, name);
    res.status(201).json({ id: project.id, name, public_key: project.key });
  });
  router.get('/projects/:project/keys', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    await requireProject(store, project);
    res.json({ project, public_keys: await findPublicKeys(store, project) });
  });
  return router;
}
