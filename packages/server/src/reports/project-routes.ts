import { Router } from 'express';
import { z } from 'zod';
import { principalOf } from '../auth/authenticate.js';
import { roleIn } from '../auth/principal.js';
import { validate } from '../http/validate.js';
import { findPublicKeys } from '../projects/store.js';
import type { Store } from '../store/client.js';
import { DEFAULT_RANGE_MS } from './constants.js';
import { findPages, findProjects } from './find-pages.js';
import { limitSchema, projectParamsSchema, rangeFields, withRange } from './params.js';
import { requireProject } from './require-project.js';

const pagesQuerySchema = z
  .strictObject({ ...rangeFields, limit: limitSchema(200, 1_000) })
  .transform(withRange(DEFAULT_RANGE_MS));

/** Pickers: `GET /projects` and `GET /projects/:project/pages`; `GET /projects/:project/keys` for the install snippet. */
export function projectRoutes(store: Store): Router {
  const router = Router();
  router.get('/projects', async (_req, res) => {
    const principal = principalOf(res);
    const projects = await findProjects(store);
    res.json({
      projects: projects
        .filter((project) => roleIn(principal, project.id))
        .map((project) => ({ ...project, role: roleIn(principal, project.id) })),
    });
  });
  router.get('/projects/:project/keys', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    await requireProject(store, project);
    res.json({ project, public_keys: await findPublicKeys(store, project) });
  });
  router.get('/projects/:project/pages', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const query = validate(pagesQuerySchema, req.query);
    await requireProject(store, project);
    const rows = await findPages(store, project, query.range, query.limit);
    res.json({
      project,
      from: new Date(query.range.from).toISOString(),
      to: new Date(query.range.to).toISOString(),
      pages: rows.map((row) => ({
        path: row.path,
        views: Number(row.views),
        sessions: Number(row.sessions),
        struggling_sessions: Number(row.struggling_sessions),
        struggle_rate: Number(row.struggle_rate),
      })),
    });
  });
  return router;
}
