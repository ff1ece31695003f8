import { type DigestResponse, digestSettingsSchema } from '@snag/protocol';
import { type Request, Router } from 'express';
import { projectParamsSchema } from '../../analytics/params.js';
import { requireProject } from '../../analytics/require-project.js';
import { actorOf } from '../../auth/actor.js';
import { validate } from '../../http/validate.js';
import type { Store } from '../../store/client.js';
import type { SendAlert } from '../evaluate/evaluate-rules.js';
import { buildDigest } from './build-digest.js';
import { findDigestSettings, saveDigestSettings } from './digest-store.js';

/**
 * `…/alerts/digest`: the weekly digest's settings with a preview of what it says now (every
 * role), `PUT` to change the settings and `POST …/digest/send` to send it now (admins).
 */
export function digestRouter(
  store: Store,
  send: SendAlert,
  baseUrlOf: (req: Request) => string,
  requireChannels: (project: string, ids: string[]) => Promise<void>,
): Router {
  const router = Router();
  router.get('/projects/:project/alerts/digest', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    await requireProject(store, project);
    const [settings, digest] = await Promise.all([
      findDigestSettings(store, project),
      buildDigest(store, project, baseUrlOf(req), Date.now()),
    ]);
    res.json({
      project,
      settings,
      preview: { title: digest.title, text: digest.text, html: digest.html },
    } satisfies DigestResponse);
  });

  router.put('/projects/:project/alerts/digest', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const settings = validate(digestSettingsSchema, req.body ?? {}, 'invalid_digest');
    await requireProject(store, project);
    await requireChannels(project, settings.channel_ids);
    await saveDigestSettings(store, project, settings, actorOf(res));
    res.json(settings);
  });

  router.post('/projects/:project/alerts/digest/send', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    await requireProject(store, project);
    const settings = await findDigestSettings(store, project);
    const digest = await buildDigest(store, project, baseUrlOf(req), Date.now());
    const alertId = await send({ project, kind: 'digest', ...digest, channelIds: settings.channel_ids });
    res.status(202).json({ alert_id: alertId });
  });
  return router;
}
