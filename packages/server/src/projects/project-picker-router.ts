import type { ProjectKeys, ProjectsResponse } from '@snag/protocol';
import { Router } from 'express';
import { projectParamsSchema } from '../analytics/params.js';
import { requireProject } from '../analytics/require-project.js';
import { principalOf } from '../auth/authenticate.js';
import { roleIn } from '../auth/principal.js';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { findProjects, findPublicKeys } from './store.js';

/**
 * `GET /projects` (the projects the caller has a role in, for the picker) and
 * `GET /projects/:project/keys` (for the install snippet). Mounted behind the project
 * access guard, unlike `projects-router.ts` (`POST /projects`).
 */
export function projectPickerRouter(store: Store): Router {
  const router = Router();
  router.get('/projects', async (_req, res) => {
    const principal = principalOf(res);
    const projects = await findProjects(store);
    res.json({
      projects: projects.flatMap((project) => {
        const role = roleIn(principal, project.id);
        return role ? [{ ...project, role }] : [];
      }),
    } satisfies ProjectsResponse);
  });
  router.get('/projects/:project/keys', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    await requireProject(store, project);
    res.json({ project, public_keys: await findPublicKeys(store, project) } satisfies ProjectKeys);
  });
  return router;
}
