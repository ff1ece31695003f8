import type { HotspotsResponse } from '@snag/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { DEFAULT_RANGE_MS } from '../analytics/constants.js';
import { decodeCursor, keysetPage } from '../analytics/cursor.js';
import {
  cursorSchema,
  kindSchema,
  labelSchema,
  limitSchema,
  pathSchema,
  projectParamsSchema,
  rangeFields,
  withRange,
} from '../analytics/params.js';
import { requireProject } from '../analytics/require-project.js';
import { withExplanations } from '../explain/explain-hotspots.js';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { DEFAULT_HOTSPOT_LIMIT, MAX_HOTSPOT_LIMIT } from './constants.js';
import { findHotspots, HOTSPOT_CURSOR_SHAPE, hotspotCursorKey } from './find-hotspots.js';
import { toHotspotView } from './hotspot-view.js';

const querySchema = z
  .strictObject({
    ...rangeFields,
    kind: kindSchema.optional(),
    path: pathSchema.optional(),
    release: labelSchema.optional(),
    limit: limitSchema(DEFAULT_HOTSPOT_LIMIT, MAX_HOTSPOT_LIMIT),
    cursor: cursorSchema.optional(),
  })
  .transform(withRange(DEFAULT_RANGE_MS));

/** `GET /projects/:project/hotspots`: friction hotspots ranked by impact, keyset-paginated. */
export function hotspotsRouter(store: Store): Router {
  const router = Router();
  router.get('/projects/:project/hotspots', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const query = validate(querySchema, req.query);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, HOTSPOT_CURSOR_SHAPE);
    await requireProject(store, project);
    const rows = await findHotspots(store, project, query, { limit: query.limit + 1, after });
    const { page, nextCursor } = keysetPage(rows, query.limit, hotspotCursorKey);
    const views = page.map((row) => toHotspotView(project, row));
    res.json({
      project,
      from: new Date(query.range.from).toISOString(),
      to: new Date(query.range.to).toISOString(),
      hotspots: await withExplanations(store, project, views, query),
      next_cursor: nextCursor,
    } satisfies HotspotsResponse);
  });
  return router;
}
