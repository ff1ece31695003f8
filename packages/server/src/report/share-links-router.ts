import { randomBytes } from 'node:crypto';
import type { CreatedShareLink, ShareLinksResponse } from '@snag/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { DAY_MS, DEFAULT_RANGE_MS } from '../analytics/constants.js';
import { projectParamsSchema, rangeFields, tzSchema, withRange } from '../analytics/params.js';
import { requireProject } from '../analytics/require-project.js';
import { parseTimeValue } from '../analytics/time-range.js';
import { adminFingerprint, principalOf } from '../auth/authenticate.js';
import { requireAccessManager } from '../auth/project-access.js';
import { generateSecret, hashSecret } from '../auth/secrets.js';
import { HttpError } from '../http/errors.js';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { formatDateTime } from '../store/datetime.js';
import { DEFAULT_SHARE_TTL_MS, MAX_SHARE_TTL_MS, SHARE_TOKEN_PREFIX } from './constants.js';
import { ADMIN_TOKEN_CREATOR, describeShareLink, findLinkCreators } from './share-link-access.js';
import { findLiveShareLinks, insertShareLink, revokeShareLink, type ShareLinkRow } from './share-links-store.js';

/** `7d`, `12h`: how long a share link stays valid. */
const ttlSchema = z
  .string()
  .regex(/^\d{1,4}(h|d)$/, 'must be a duration such as 12h or 7d')
  .transform((value) => -(parseTimeValue(`-${value}`, 0) ?? 0))
  .refine((ms) => ms > 0 && ms <= MAX_SHARE_TTL_MS, { message: `must be at most ${MAX_SHARE_TTL_MS / DAY_MS}d` });

const createBody = z
  .strictObject({ ...rangeFields, tz: tzSchema, ttl: ttlSchema.optional() })
  .transform(withRange(DEFAULT_RANGE_MS));

const linkParams = projectParamsSchema.extend({ link: z.string().regex(/^shr_[A-Za-z0-9_-]{1,32}$/, 'not a link id') });

/**
 * Report share links: made, listed and revoked by people who manage access to the
 * project (signed-in admins and owners, or the admin token) — a share link hands the
 * report to anyone holding it, so API tokens cannot mint one. The secret is shown once;
 * the store keeps its digest.
 */
export function shareLinksRouter(store: Store, adminToken: string): Router {
  const router = Router();
  const manager = requireAccessManager();

  router.post('/projects/:project/share-links', manager, async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const body = validate(createBody, req.body ?? {}, 'invalid_share_link');
    await requireProject(store, project);
    const principal = principalOf(res);
    const token = generateSecret(SHARE_TOKEN_PREFIX);
    const now = Date.now();
    const link: ShareLinkRow = {
      id: `shr_${randomBytes(9).toString('base64url')}`,
      token_hash: hashSecret(token),
      project_id: project,
      created_by: principal.kind === 'user' ? principal.id : ADMIN_TOKEN_CREATOR,
      admin_fingerprint: principal.kind === 'admin_token' ? adminFingerprint(adminToken) : '',
      range_from: formatDateTime(body.range.from),
      range_to: formatDateTime(body.range.to),
      tz: body.tz,
      created_at: formatDateTime(now),
      expires_at: formatDateTime(now + (body.ttl ?? DEFAULT_SHARE_TTL_MS)),
    };
    await insertShareLink(store, link);
    const email = principal.kind === 'user' ? principal.email : null;
    const created: CreatedShareLink = { ...describeShareLink(link, email), token, url: `/share/reports/${token}` };
    res.status(201).json(created);
  });

  router.get('/projects/:project/share-links', manager, async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const creators = await findLinkCreators(store, project, adminToken);
    const links = await findLiveShareLinks(store, project);
    const shareLinks = links.flatMap((link) => {
      const email = creators.emailOf(link);
      return email === undefined ? [] : [describeShareLink(link, email)];
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ project, share_links: shareLinks } satisfies ShareLinksResponse);
  });

  router.delete('/projects/:project/share-links/:link', manager, async (req, res) => {
    const { project, link: id } = validate(linkParams, req.params);
    const link = (await findLiveShareLinks(store, project)).find((candidate) => candidate.id === id);
    if (!link) throw new HttpError(404, 'share_link_not_found', 'no live share link with this id in the project');
    await revokeShareLink(store, link);
    res.status(204).end();
  });
  return router;
}
