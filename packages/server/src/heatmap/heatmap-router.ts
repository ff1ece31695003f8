import { HEATMAP_DEVICE_CLASSES, type HeatmapResponse } from '@snag/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { DEFAULT_RANGE_MS } from '../analytics/constants.js';
import { pathSchema, projectParamsSchema, rangeFields, withRange } from '../analytics/params.js';
import { requireProject } from '../analytics/require-project.js';
import { elementNameKey, findElementNames } from '../hotspots/find-element-names.js';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { HEATMAP_COLUMNS, HEATMAP_ROW_PX } from './constants.js';
import { findClickDensity, findElementClicks, findScrollDepth } from './find-heatmap.js';

const querySchema = z
  .strictObject({
    ...rangeFields,
    path: pathSchema,
    device: z.enum(HEATMAP_DEVICE_CLASSES).optional(),
  })
  .transform(withRange(DEFAULT_RANGE_MS));

/** `GET /projects/:project/heatmap`: clicks per element, click density and scroll-depth reach of one page. */
export function heatmapRouter(store: Store): Router {
  const router = Router();
  router.get('/projects/:project/heatmap', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const query = validate(querySchema, req.query);
    await requireProject(store, project);
    const [elements, density, depth] = await Promise.all([
      findElementClicks(store, project, query),
      findClickDensity(store, project, query),
      findScrollDepth(store, project, query),
    ]);
    const names = await findElementNames(
      store,
      project,
      elements.map((row) => ({ path_pattern: row.element_pattern, element_key: row.element, examples: row.examples })),
      query.range,
    );
    const views = depth.reduce((sum, row) => sum + Number(row.views), 0);
    res.json({
      project,
      path: query.path,
      device: query.device ?? null,
      from: new Date(query.range.from).toISOString(),
      to: new Date(query.range.to).toISOString(),
      elements: elements.map(({ element_pattern, examples: _examples, ...row }) => {
        const seen = names.get(elementNameKey(element_pattern, row.element));
        return {
          ...row,
          clicks: Number(row.clicks),
          sessions: Number(row.sessions),
          name: seen?.name || null,
          role: seen?.role || null,
        };
      }),
      density: {
        columns: HEATMAP_COLUMNS,
        row_px: HEATMAP_ROW_PX,
        cells: density.map((row) => ({ column: Number(row.column), row: Number(row.row), clicks: Number(row.clicks) })),
      },
      scroll: {
        views,
        reached: depth.map((row) => ({
          depth_pct: Number(row.depth_pct),
          views: Number(row.views),
          share: views > 0 ? Number(row.reached_share) : 0,
        })),
      },
    } satisfies HeatmapResponse);
  });
  return router;
}
