import { randomBytes } from 'node:crypto';
import type { AlertChannel, AlertChannelsResponse, AlertTestResult } from '@snag/protocol';
import { type Response, Router } from 'express';
import { projectParamsSchema } from '../../analytics/params.js';
import { requireProject } from '../../analytics/require-project.js';
import { principalOf } from '../../auth/authenticate.js';
import { canAccess } from '../../auth/principal.js';
import { generateSecret } from '../../auth/secrets.js';
import { HttpError } from '../../http/errors.js';
import { validate } from '../../http/validate.js';
import type { Store } from '../../store/client.js';
import type { AlertDelivery } from '../delivery/alert-delivery.js';
import { describeDelivery } from '../delivery/delivery-view.js';
import type { Channel } from './channel.js';
import { channelParamsSchema, createChannelSchema, type PatchChannel, patchChannelSchema } from './channel-schema.js';
import { defaultChannelName, describeChannel } from './channel-view.js';
import { deleteChannel, findChannel, findChannels, insertChannel } from './channels-store.js';
import { MAX_CHANNELS_PER_PROJECT } from './constants.js';

const WEBHOOK_SECRET_PREFIX = 'whsec_';
const CHANNELS = '/projects/:project/alerts/channels';
const idParams = projectParamsSchema.extend(channelParamsSchema.shape);

/**
 * `…/alerts/channels`: every reader lists them; creating, changing, deleting and testing
 * are changes, which `requireProjectAccess` lets through for admins and owners only.
 */
export function channelsRouter(store: Store, delivery: AlertDelivery): Router {
  const router = Router();
  const isAdmin = (res: Response, project: string) => canAccess(principalOf(res), project, 'admin');
  const requireChannel = async (project: string, id: string) => {
    const channel = await findChannel(store, project, id);
    if (!channel) throw new HttpError(404, 'channel_not_found', `no alert channel "${id}" in the project`);
    return channel;
  };

  router.get(CHANNELS, async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    await requireProject(store, project);
    const admin = isAdmin(res, project);
    const channels = (await findChannels(store, project)).map((channel) => describeChannel(channel, admin));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ project, channels } satisfies AlertChannelsResponse);
  });

  router.post(CHANNELS, async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const body = validate(createChannelSchema, req.body ?? {}, 'invalid_channel');
    if (body.type === 'email') requireSmtp(delivery);
    await requireProject(store, project);
    if ((await findChannels(store, project)).length >= MAX_CHANNELS_PER_PROJECT) {
      throw new HttpError(409, 'too_many_channels', `a project has at most ${MAX_CHANNELS_PER_PROJECT} channels`);
    }
    const now = Date.now();
    const base = {
      projectId: project,
      id: `ach_${randomBytes(9).toString('base64url')}`,
      name: body.name ?? defaultChannelName(body),
      createdAt: now,
      updatedAt: now,
    };
    const channel: Channel =
      body.type === 'webhook'
        ? {
            ...base,
            type: 'webhook',
            url: body.url,
            format: body.format,
            secret: generateSecret(WEBHOOK_SECRET_PREFIX),
          }
        : { ...base, type: 'email', addresses: body.addresses };
    await insertChannel(store, channel);
    res.status(201).json(describeChannel(channel, true) satisfies AlertChannel);
  });

  router.get(`${CHANNELS}/:id`, async (req, res) => {
    const { project, id } = validate(idParams, req.params);
    const channel = await requireChannel(project, id);
    res.setHeader('Cache-Control', 'no-store');
    res.json(describeChannel(channel, isAdmin(res, project)) satisfies AlertChannel);
  });

  router.patch(`${CHANNELS}/:id`, async (req, res) => {
    const { project, id } = validate(idParams, req.params);
    const patch = validate(patchChannelSchema, req.body ?? {}, 'invalid_channel');
    const channel = applyPatch(await requireChannel(project, id), patch);
    await insertChannel(store, channel);
    res.json(describeChannel(channel, true) satisfies AlertChannel);
  });

  router.delete(`${CHANNELS}/:id`, async (req, res) => {
    const { project, id } = validate(idParams, req.params);
    await deleteChannel(store, await requireChannel(project, id));
    res.status(204).end();
  });

  router.post(`${CHANNELS}/:id/test`, async (req, res) => {
    const { project, id } = validate(idParams, req.params);
    const { alertId, state } = await delivery.sendTest(await requireChannel(project, id));
    res.json({ alert_id: alertId, delivery: describeDelivery(state) } satisfies AlertTestResult);
  });
  return router;
}

function requireSmtp(delivery: AlertDelivery): void {
  if (delivery.emailConfigured) return;
  throw new HttpError(
    400,
    'smtp_not_configured',
    'type: email channels need an SMTP server: set SNAG_SMTP_URL and SNAG_SMTP_FROM on the server',
    { path: 'type' },
  );
}

/** The channel with the patch's fields, each checked against the channel's type. */
function applyPatch(channel: Channel, patch: PatchChannel): Channel {
  const wrongField = (field: string) =>
    new HttpError(400, 'invalid_channel', `${field}: not a field of ${channel.type} channels`, { path: field });
  // A newer version of the row must sort after the one it replaces, even within one millisecond.
  const updated = {
    ...channel,
    name: patch.name ?? channel.name,
    updatedAt: Math.max(Date.now(), channel.updatedAt + 1),
  };
  if (updated.type === 'email') {
    for (const field of ['url', 'format', 'rotate_secret'] as const)
      if (patch[field] !== undefined) throw wrongField(field);
    return { ...updated, addresses: patch.addresses ?? updated.addresses };
  }
  if (patch.addresses !== undefined) throw wrongField('addresses');
  return {
    ...updated,
    url: patch.url ?? updated.url,
    format: patch.format ?? updated.format,
    secret: patch.rotate_secret ? generateSecret(WEBHOOK_SECRET_PREFIX) : updated.secret,
  };
}
