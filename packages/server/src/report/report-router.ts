import type { FrictionReport, SharedReport } from '@snag/protocol';
import { type Response, Router } from 'express';
import { z } from 'zod';
import { DEFAULT_RANGE_MS } from '../analytics/constants.js';
import { projectParamsSchema, rangeFields, tzSchema, withRange } from '../analytics/params.js';
import { requireProject } from '../analytics/require-project.js';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { parseDateTime } from '../store/datetime.js';
import { buildReport } from './build-report.js';
import { SHARE_TOKEN_MAX_CHARS, SHARE_TOKEN_MIN_CHARS } from './constants.js';
import { renderCsv, renderMarkdown } from './render-report.js';
import { openShareLink } from './share-link-access.js';

const formatSchema = z.enum(['json', 'md', 'csv']).default('json');

const reportQuerySchema = z
  .strictObject({ ...rangeFields, tz: tzSchema, format: formatSchema })
  .transform(withRange(DEFAULT_RANGE_MS));

const shareQuerySchema = z.strictObject({ format: formatSchema });
const tokenParamsSchema = z.object({ token: z.string().min(SHARE_TOKEN_MIN_CHARS).max(SHARE_TOKEN_MAX_CHARS) });

/** The friction report (`/api/v1/projects/:project/report`); share links are made with `POST …/share-links`. */
export function reportRouter(store: Store): Router {
  const router = Router();
  router.get('/projects/:project/report', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const query = validate(reportQuerySchema, req.query);
    await requireProject(store, project);
    sendReport(res, query.format, await buildReport(store, project, query));
  });
  return router;
}

/**
 * `GET /share/reports/:token`: the report a live share link names, read-only, without
 * signing in — while the link is unexpired, unrevoked and its creator still an admin.
 */
export function sharedReportRouter(store: Store, adminToken: string): Router {
  const router = Router();
  router.get('/share/reports/:token', async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-store');
    const { token } = validate(tokenParamsSchema, req.params);
    const { format } = validate(shareQuerySchema, req.query);
    const link = await openShareLink(store, adminToken, token);
    await requireProject(store, link.project_id);
    const range = { from: parseDateTime(link.range_from), to: parseDateTime(link.range_to) };
    const report = await buildReport(store, link.project_id, { range, tz: link.tz });
    sendReport(res, format, report, {
      url: `/share/reports/${token}`,
      expires_at: new Date(parseDateTime(link.expires_at)).toISOString(),
    });
  });
  return router;
}

function sendReport(
  res: Response,
  format: 'json' | 'md' | 'csv',
  report: FrictionReport,
  share?: SharedReport['share'],
): void {
  if (format === 'md') res.type('text/markdown; charset=utf-8').send(renderMarkdown(report));
  else if (format === 'csv') {
    res.setHeader('Content-Disposition', `attachment; filename="friction-${report.project}.csv"`);
    res.type('text/csv; charset=utf-8').send(renderCsv(report));
  } else res.json(share ? ({ ...report, share } satisfies SharedReport) : report);
}
