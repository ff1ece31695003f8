import { WEBHOOK_FORMATS } from '@snag/protocol';
import { z } from 'zod';
import { CHANNEL_NAME_MAX_CHARS, EMAIL_MAX_ADDRESSES, WEBHOOK_URL_MAX_CHARS } from './constants.js';

/**
 * Where a webhook may point when it is saved: an absolute http(s) URL without credentials
 * (they would be shown to every reader and logged by proxies; use the signing secret).
 * Which addresses it may reach is decided when it is sent, after DNS (see `webhook-post.ts`).
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(WEBHOOK_URL_MAX_CHARS)
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

function webhookUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL such as https://hooks.example.com/snag';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https:// or http://';
  if (url.username || url.password) return 'must not contain a user name or password (receivers check the signature)';
  if (!url.hostname) return 'must name a host';
  return undefined;
}

const addressSchema = z.email('must be an email address such as pm@example.com').max(254);
const addressesSchema = z
  .array(addressSchema)
  .min(1, 'needs at least one address')
  .max(EMAIL_MAX_ADDRESSES, `at most ${EMAIL_MAX_ADDRESSES} addresses`);
const nameSchema = z.string().trim().min(1, 'must not be empty').max(CHANNEL_NAME_MAX_CHARS);

/** `POST …/alerts/channels`. */
export const createChannelSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('webhook'),
    name: nameSchema.optional(),
    url: webhookUrlSchema,
    format: z.enum(WEBHOOK_FORMATS).default('json'),
  }),
  z.strictObject({ type: z.literal('email'), name: nameSchema.optional(), addresses: addressesSchema }),
]);
export type CreateChannel = z.output<typeof createChannelSchema>;

/** `PATCH …/alerts/channels/:id`: any of the fields of the channel's type; a webhook may get a new secret. */
export const patchChannelSchema = z.strictObject({
  name: nameSchema.optional(),
  url: webhookUrlSchema.optional(),
  format: z.enum(WEBHOOK_FORMATS).optional(),
  addresses: addressesSchema.optional(),
  rotate_secret: z.literal(true).optional(),
});
export type PatchChannel = z.output<typeof patchChannelSchema>;

/** What a channel row's `settings` JSON holds. */
export const webhookSettingsSchema = z.object({ url: z.string(), format: z.enum(WEBHOOK_FORMATS) });
export const emailSettingsSchema = z.object({ addresses: z.array(z.string()) });

export const channelParamsSchema = z.object({ id: z.string().regex(/^ach_[A-Za-z0-9_-]{1,32}$/, 'not a channel id') });
