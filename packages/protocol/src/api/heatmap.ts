import { z } from 'zod';
import { HEATMAP_DEVICE_CLASSES } from '../enums.js';
import { countSchema, rangedFields, shareSchema } from './common.js';

/** Clicks on one element of the page; `element` is its key (stable across layout changes). */
export const heatmapElementSchema = z.strictObject({
  element: z.string(),
  selector: z.string(),
  tag: z.string(),
  text: z.string(),
  clicks: countSchema,
  sessions: countSchema,
  /** Its accessible name and role as last seen (as on hotspots); `null` when the SDK sent none. */
  name: z.string().nullable(),
  role: z.string().nullable(),
});
export type HeatmapElement = z.infer<typeof heatmapElementSchema>;

/** Clicks in a cell: `columns` of the page width, rows of `row_px` pixels. */
export const heatmapCellSchema = z.strictObject({ column: countSchema, row: countSchema, clicks: countSchema });
export type HeatmapCell = z.infer<typeof heatmapCellSchema>;

/** The share of page views whose deepest point reached `depth_pct` of the page height. */
export const scrollReachSchema = z.strictObject({
  depth_pct: z.number().int().min(0).max(100),
  views: countSchema,
  share: shareSchema,
});
export type ScrollReach = z.infer<typeof scrollReachSchema>;

/** `GET /api/v1/projects/:project/heatmap`: clicks per element, click density and scroll reach of one page. */
export const heatmapResponseSchema = z.strictObject({
  ...rangedFields,
  path: z.string(),
  device: z.enum(HEATMAP_DEVICE_CLASSES).nullable(),
  elements: z.array(heatmapElementSchema),
  density: z.strictObject({
    columns: z.number().int().min(1),
    row_px: z.number().int().min(1),
    cells: z.array(heatmapCellSchema),
  }),
  scroll: z.strictObject({ views: countSchema, reached: z.array(scrollReachSchema) }),
});
export type HeatmapResponse = z.infer<typeof heatmapResponseSchema>;
