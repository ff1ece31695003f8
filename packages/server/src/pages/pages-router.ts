import type { PagesResponse } from '@snag/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { DEFAULT_RANGE_MS } from '../analytics/constants.js';
import { limitSchema, projectParamsSchema, rangeFields, withRange } from '../analytics/params.js';
import { requireProject } from '../analytics/require-project.js';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './constants.js';
import { findPages } from './find-pages.js';

const pagesQuerySchema = z
  .strictObject({ ...rangeFields, limit: limitSchema(DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT) })
  .transform(withRange(DEFAULT_RANGE_MS));

/** The page picker: `GET /projects/:project/pages`, path patterns with their views and struggle rate. */
export function pagesRouter(store: Store): Router {
  const router = Router();
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
    } satisfies PagesResponse);
  });
  return router;
}
