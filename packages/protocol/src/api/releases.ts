import { z } from 'zod';
import { countSchema, rangedFields, signalKindSchema } from './common.js';

/** A hotspot's figures in one release: affected sessions / sessions that viewed the page (`null`: none did). */
export const releaseRateSchema = z.strictObject({
  sessions: countSchema,
  page_sessions: countSchema,
  rate: z.number().min(0).nullable(),
});

/** A hotspot compared between two releases; `element` is its key, `null` for page-level kinds. */
export const releaseChangeSchema = z.strictObject({
  path: z.string(),
  element: z.string().nullable(),
  element_text: z.string().nullable(),
  /** The element's accessible name and role as people see them (`null` for page-level kinds and older SDKs). */
  element_name: z.string().nullable(),
  element_role: z.string().nullable(),
  kind: signalKindSchema,
  base: releaseRateSchema,
  head: releaseRateSchema,
  /** The two-proportion z statistic, `null` when it cannot be computed. */
  z: z.number().nullable(),
});
export type ReleaseChange = z.infer<typeof releaseChangeSchema>;

const releaseSchema = z.strictObject({ release: z.string(), sessions: countSchema });

/** `GET /api/v1/projects/:project/releases/compare`: hotspots new, worse, better, gone or the same in `head` against `base`. */
export const releaseComparisonSchema = z.strictObject({
  ...rangedFields,
  base: releaseSchema,
  head: releaseSchema,
  new: z.array(releaseChangeSchema),
  worse: z.array(releaseChangeSchema),
  better: z.array(releaseChangeSchema),
  gone: z.array(releaseChangeSchema),
  /** Hotspots without a verdict (too few sessions, or |z| below the threshold), in the same order as the others. */
  same: z.array(releaseChangeSchema),
  /** How many hotspots are in `same` (kept for clients that read only the count). */
  unchanged: countSchema,
});
export type ReleaseComparison = z.infer<typeof releaseComparisonSchema>;
