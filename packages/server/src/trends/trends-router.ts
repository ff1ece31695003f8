import { type ReleaseTrendsResponse, TREND_INTERVALS, type TrendBucket, type TrendsResponse } from '@snag/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { DAY_MS, DEFAULT_RANGE_MS, HOUR_MS, roundRate } from '../analytics/constants.js';
import { kindSchema, pathSchema, projectParamsSchema, rangeFields, tzSchema, withRange } from '../analytics/params.js';
import { requireProject } from '../analytics/require-project.js';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { MAX_HOURLY_BUCKETS } from './constants.js';
import { findTrends, type TrendRow } from './find-trends.js';

const querySchema = z
  .strictObject({
    ...rangeFields,
    interval: z.enum(TREND_INTERVALS).default('day'),
    tz: tzSchema,
    kind: kindSchema.optional(),
    path: pathSchema.optional(),
    split: z.enum(['release']).optional(),
  })
  .transform(withRange(DEFAULT_RANGE_MS))
  .refine((query) => query.interval === 'day' || query.range.to - query.range.from <= MAX_HOURLY_BUCKETS * HOUR_MS, {
    message: `hourly trends cover at most ${(MAX_HOURLY_BUCKETS * HOUR_MS) / DAY_MS} days; use interval=day`,
    path: ['interval'],
  });

/** `GET /projects/:project/trends`: signals by kind, sessions and the share of them that struggled, per bucket. */
export function trendsRouter(store: Store): Router {
  const router = Router();
  router.get('/projects/:project/trends', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const query = validate(querySchema, req.query);
    await requireProject(store, project);
    const rows = await findTrends(store, project, { ...query, byRelease: query.split === 'release' });
    const body = {
      project,
      from: new Date(query.range.from).toISOString(),
      to: new Date(query.range.to).toISOString(),
      interval: query.interval,
      tz: query.tz,
    };
    if (query.split !== 'release') {
      res.json({ ...body, buckets: rows.map(toBucket) } satisfies TrendsResponse);
      return;
    }
    const series = new Map<string, TrendBucket[]>();
    for (const row of rows) {
      const list = series.get(row.release) ?? [];
      list.push(toBucket(row));
      series.set(row.release, list);
    }
    res.json({
      ...body,
      series: [...series].map(([release, buckets]) => ({ release, buckets })),
    } satisfies ReleaseTrendsResponse);
  });
  return router;
}

function toBucket(row: TrendRow): TrendBucket {
  const sessions = Number(row.sessions);
  const struggling = Number(row.struggling_sessions);
  return {
    start: new Date(Number(row.start)).toISOString(),
    label: row.label,
    sessions,
    struggling_sessions: struggling,
    struggle_share: sessions > 0 ? roundRate(struggling / sessions) : 0,
    signals: Object.fromEntries(Object.entries(row.signals).map(([kind, count]) => [kind, Number(count)])),
  };
}
