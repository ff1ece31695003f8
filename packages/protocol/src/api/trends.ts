import { z } from 'zod';
import { TREND_INTERVALS } from '../enums.js';
import { countSchema, isoTimeSchema, rangedFields, shareSchema, signalCountsSchema } from './common.js';

/** One bucket: a local hour or day in `tz` (`label`, e.g. `2026-03-01T00:00`); empty buckets are zeros. */
export const trendBucketSchema = z.strictObject({
  start: isoTimeSchema,
  label: z.string(),
  sessions: countSchema,
  /** Sessions with at least one signal in the bucket. */
  struggling_sessions: countSchema,
  struggle_share: shareSchema,
  signals: signalCountsSchema,
});
export type TrendBucket = z.infer<typeof trendBucketSchema>;

const trendFields = { ...rangedFields, interval: z.enum(TREND_INTERVALS), tz: z.string() };

/** `GET /api/v1/projects/:project/trends`: one series of buckets. */
export const trendsResponseSchema = z.strictObject({ ...trendFields, buckets: z.array(trendBucketSchema) });
export type TrendsResponse = z.infer<typeof trendsResponseSchema>;

/** One release's buckets (`""` for sessions without a release). */
export const releaseTrendSchema = z.strictObject({ release: z.string(), buckets: z.array(trendBucketSchema) });
export type ReleaseTrend = z.infer<typeof releaseTrendSchema>;

/** `GET /api/v1/projects/:project/trends?split=release`: one series per release. */
export const releaseTrendsResponseSchema = z.strictObject({ ...trendFields, series: z.array(releaseTrendSchema) });
export type ReleaseTrendsResponse = z.infer<typeof releaseTrendsResponseSchema>;
