import { type Response, Router } from 'express';
import { z } from 'zod';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { buildReport, type FrictionReport } from './build-report.js';
import { DEFAULT_RANGE_MS, DEFAULT_SHARE_TTL_MS, MAX_SHARE_TTL_MS } from './constants.js';
import { projectParamsSchema, rangeFields, tzSchema, withRange } from './params.js';
import { renderCsv, renderMarkdown } from './render-report.js';
import { requireProject } from './require-project.js';
import type { ShareSigner } from './share-link.js';
import { parseTimeValue } from './time-range.js';

const formatSchema = z.enum(['json', 'md', 'csv']).default('json');

/** `7d`, `12h`: how long a share link stays valid. */
const ttlSchema = z
  .string()
  .regex(/^\d{1,4}(h|d)$/, 'must be a duration such as 12h or 7d')
  .transform((value) => -(parseTimeValue(`-${value}`, 0) ?? 0))
  .refine((ms) => ms > 0 && ms <= MAX_SHARE_TTL_MS, { message: `must be at most ${MAX_SHARE_TTL_MS / 86_400_000}d` });

const reportQuerySchema = z
  .strictObject({ ...rangeFields, tz: tzSchema, format: formatSchema, share_ttl: ttlSchema.optional() })
  .transform(withRange(DEFAULT_RANGE_MS));

const shareQuerySchema = z.strictObject({ format: formatSchema });
const tokenParamsSchema = z.object({ token: z.string().min(10).max(2_048) });

/** The admin report (`/api/v1/projects/:project/report`), which also mints a share link for the same range. */
export function reportRoutes(store: Store, signer: ShareSigner): Router {
  const router = Router();
  router.get('/projects/:project/report', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const query = validate(reportQuerySchema, req.query);
    await requireProject(store, project);
    const report = await buildReport(store, project, query);
    const expiresAt = Date.now() + (query.share_ttl ?? DEFAULT_SHARE_TTL_MS);
    const token = signer.sign({ project, range: query.range, tz: query.tz, expiresAt });
    const share = { url: `/share/reports/${token}`, expires_at: new Date(expiresAt).toISOString() };
    sendReport(res, query.format, report, share);
  });
  return router;
}

/** `GET /share/reports/:token`: the report a signed, unexpired link names, read-only, without the admin token. */
export function sharedReportRoutes(store: Store, signer: ShareSigner): Router {
  const router = Router();
  router.get('/share/reports/:token', async (req, res) => {
    const { token } = validate(tokenParamsSchema, req.params);
    const { format } = validate(shareQuerySchema, req.query);
    const shared = signer.verify(token);
    await requireProject(store, shared.project);
    const report = await buildReport(store, shared.project, shared);
    res.setHeader('Cache-Control', 'private, no-store');
    sendReport(res, format, report, {
      url: `/share/reports/${token}`,
      expires_at: new Date(shared.expiresAt).toISOString(),
    });
  });
  return router;
}

function sendReport(
  res: Response,
  format: 'json' | 'md' | 'csv',
  report: FrictionReport,
  share: { url: string; expires_at: string },
): void {
  if (format === 'md') res.type('text/markdown; charset=utf-8').send(renderMarkdown(report));
  else if (format === 'csv') {
    res.setHeader('Content-Disposition', `attachment; filename="friction-${report.project}.csv"`);
    res.type('text/csv; charset=utf-8').send(renderCsv(report));
  } else res.json({ ...report, share });
}
