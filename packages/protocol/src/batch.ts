import { z } from 'zod';
import { eventSchema } from './events.js';
import { MAX_EVENTS_PER_BATCH, MAX_LABEL_LENGTH, PROTOCOL_VERSION } from './limits.js';
import { idSchema, timestampSchema } from './primitives.js';

export const sdkInfoSchema = z.strictObject({
  name: z.string().min(1).max(64),
  version: z.string().min(1).max(32),
});

export const sessionInfoSchema = z.strictObject({
  id: idSchema,
  anonymous_id: idSchema,
  user_id: z.string().min(1).max(MAX_LABEL_LENGTH).optional(),
});

/** What the SDK POSTs to `/v1/ingest`. All-or-nothing: one bad event rejects the batch. */
export const batchSchema = z.strictObject({
  v: z.literal(PROTOCOL_VERSION),
  sdk: sdkInfoSchema,
  /** Client time when the batch was sent; the server corrects clock skew with it. */
  sent_at: timestampSchema,
  session: sessionInfoSchema,
  /** The host product's release, when the SDK was told it. */
  release: z.string().min(1).max(MAX_LABEL_LENGTH).optional(),
  events: z.array(eventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});

export type SdkInfo = z.infer<typeof sdkInfoSchema>;
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
export type Batch = z.infer<typeof batchSchema>;
