import { z } from 'zod';
import { ALERT_CHANNEL_TYPES, ALERT_KINDS, DELIVERY_STATUSES } from '../enums.js';

/** How one alert went to one channel. */
export const alertDeliverySchema = z.strictObject({
  channel_id: z.string(),
  channel_type: z.enum(ALERT_CHANNEL_TYPES),
  /** The channel's name when the alert was sent (it may have been renamed or deleted since). */
  channel_name: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int().min(0),
  /** Why the last attempt failed (`null` when it did not). */
  last_error: z.string().nullable(),
  /** When a pending delivery is tried next. */
  next_attempt_at: z.string().nullable(),
  sent_at: z.string().nullable(),
});
export type AlertDelivery = z.infer<typeof alertDeliverySchema>;

export const alertHistoryEntrySchema = z.strictObject({
  id: z.string(),
  kind: z.enum(ALERT_KINDS),
  title: z.string(),
  text: z.string(),
  created_at: z.string(),
  deliveries: z.array(alertDeliverySchema),
});
export type AlertHistoryEntry = z.infer<typeof alertHistoryEntrySchema>;

/** `GET /api/v1/projects/:project/alerts/history`: newest first, keyset-paginated. */
export const alertHistoryResponseSchema = z.strictObject({
  project: z.string(),
  alerts: z.array(alertHistoryEntrySchema),
  next_cursor: z.string().nullable(),
});
export type AlertHistoryResponse = z.infer<typeof alertHistoryResponseSchema>;

/** `POST /api/v1/projects/:project/alerts/channels/:id/test`: one attempt, awaited, recorded in the history. */
export const alertTestResultSchema = z.strictObject({
  alert_id: z.string(),
  delivery: alertDeliverySchema,
});
export type AlertTestResult = z.infer<typeof alertTestResultSchema>;
