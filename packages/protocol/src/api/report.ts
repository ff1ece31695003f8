import { z } from 'zod';
import { countSchema, rangedFields, shareSchema } from './common.js';
import { hotspotSchema } from './hotspots.js';

/** A hotspot of the report, with its place in it (from 1). */
export const reportHotspotSchema = hotspotSchema.extend({ rank: z.number().int().min(1) });
export type ReportHotspot = z.infer<typeof reportHotspotSchema>;

/** One day of the report's trend (a local day in the report's time zone). */
export const reportDaySchema = z.strictObject({
  day: z.iso.date(),
  sessions: countSchema,
  struggling_sessions: countSchema,
  struggle_share: shareSchema,
});
export type ReportDay = z.infer<typeof reportDaySchema>;

/** `GET /api/v1/projects/:project/report` (`format=json`): totals, the top hotspots and the daily trend. */
export const frictionReportSchema = z.strictObject({
  ...rangedFields,
  tz: z.string(),
  totals: z.strictObject({
    sessions: countSchema,
    struggling_sessions: countSchema,
    signals: countSchema,
    struggle_share: shareSchema,
  }),
  hotspots: z.array(reportHotspotSchema),
  trend: z.array(reportDaySchema),
});
export type FrictionReport = z.infer<typeof frictionReportSchema>;

/** `GET /share/reports/:token` (`format=json`): the report of a share link's range, and when the link expires. */
export const sharedReportSchema = frictionReportSchema.extend({
  share: z.strictObject({ url: z.string(), expires_at: z.iso.datetime() }),
});
export type SharedReport = z.infer<typeof sharedReportSchema>;
