import { z } from 'zod';
import { WEBHOOK_FORMATS } from '../enums.js';

const channelFields = {
  id: z.string(),
  name: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
};

/**
 * A webhook channel. `url` and `secret` are shown in full to admins only: others see the
 * URL's origin (a Slack webhook URL is itself a credential) and `secret: null`.
 */
export const webhookChannelSchema = z.strictObject({
  ...channelFields,
  type: z.literal('webhook'),
  url: z.string(),
  format: z.enum(WEBHOOK_FORMATS),
  /** The HMAC-SHA256 key of the `X-Snag-Signature` header (admins only). */
  secret: z.string().nullable(),
});

export const emailChannelSchema = z.strictObject({
  ...channelFields,
  type: z.literal('email'),
  addresses: z.array(z.string()),
});

/** One place a project's alerts go. */
export const alertChannelSchema = z.discriminatedUnion('type', [webhookChannelSchema, emailChannelSchema]);
export type AlertChannel = z.infer<typeof alertChannelSchema>;

/** `GET /api/v1/projects/:project/alerts/channels`: oldest first. */
export const alertChannelsResponseSchema = z.strictObject({
  project: z.string(),
  channels: z.array(alertChannelSchema),
});
export type AlertChannelsResponse = z.infer<typeof alertChannelsResponseSchema>;
