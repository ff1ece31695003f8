import { z } from 'zod';
import { isoTimeSchema, signalKindSchema } from './common.js';

/** A hotspot named in a rule (a muted one): its page pattern, element key (`null` for the page) and kind. */
export const hotspotRefSchema = z.strictObject({
  path: z.string().min(1).max(512),
  element: z.string().min(1).max(512).nullable(),
  kind: signalKindSchema,
});
export type HotspotRef = z.infer<typeof hotspotRefSchema>;

const sessionsAtLeast = (fallback: number) => z.number().int().min(1).max(1_000_000).default(fallback);

/**
 * What a rule watches (docs/alerts.md):
 * - `new_hotspot`: a hotspot with no occurrence in the 7 days before the last 7 reaches `min_sessions`;
 * - `above_baseline`: a hotspot's affected sessions over the last 24 h are improbably high for its own
 *   daily level over the 28 days before (Poisson upper tail below `false_alarm_rate`), at least `min_sessions`;
 * - `page_struggle_rate`: the share of the last 24 h's visitors of pages matching `path` who struggled there
 *   is above `threshold`, with at least `min_sessions` visitors;
 * - `release_regression`: the newest release has new or worse hotspots than the one before it.
 */
export const alertConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('new_hotspot'), min_sessions: sessionsAtLeast(5) }),
  z.strictObject({
    kind: z.literal('above_baseline'),
    false_alarm_rate: z.number().min(0.000_001).max(0.05).default(0.001),
    min_sessions: sessionsAtLeast(3),
  }),
  z.strictObject({
    kind: z.literal('page_struggle_rate'),
    path: z.string().min(1).max(512).startsWith('/'),
    threshold: z.number().gt(0).max(1),
    min_sessions: sessionsAtLeast(20),
  }),
  z.strictObject({ kind: z.literal('release_regression') }),
]);
export type AlertCondition = z.infer<typeof alertConditionSchema>;
export const ALERT_RULE_KINDS = ['new_hotspot', 'above_baseline', 'page_struggle_rate', 'release_regression'] as const;

/** The body of `POST …/alerts/rules`; `PATCH` takes any of these fields. */
export const alertRuleInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  condition: alertConditionSchema,
  /** Channels it is sent to (`…/alerts/channels`); none: recorded in the history only. */
  channel_ids: z.array(z.string().min(1).max(64)).max(20).default([]),
  enabled: z.boolean().default(true),
  /** No alert from this rule before then. */
  snoozed_until: isoTimeSchema.nullable().default(null),
  /** Hotspots this rule never alerts about. */
  muted: z.array(hotspotRefSchema).max(200).default([]),
});
export type AlertRuleInput = z.input<typeof alertRuleInputSchema>;

/** A rule as the API shows it. */
export const alertRuleSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  condition: alertConditionSchema,
  channel_ids: z.array(z.string()),
  enabled: z.boolean(),
  snoozed_until: isoTimeSchema.nullable(),
  muted: z.array(hotspotRefSchema),
  created_by: z.string(),
  created_at: isoTimeSchema,
  updated_by: z.string(),
  updated_at: isoTimeSchema,
});
export type AlertRule = z.infer<typeof alertRuleSchema>;

/** `GET /api/v1/projects/:project/alerts/rules`. */
export const alertRulesResponseSchema = z.strictObject({
  project: z.string(),
  rules: z.array(alertRuleSchema),
});
export type AlertRulesResponse = z.infer<typeof alertRulesResponseSchema>;

/** The weekly digest of a project: which channels get it, when (UTC), and whether it is on. */
export const digestSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  channel_ids: z.array(z.string().min(1).max(64)).max(20),
  /** 0 = Sunday … 6 = Saturday. */
  weekday: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
});
export type DigestSettings = z.infer<typeof digestSettingsSchema>;

/** `GET …/alerts/digest`: the settings and what the digest would say now. */
export const digestResponseSchema = z.strictObject({
  project: z.string(),
  settings: digestSettingsSchema,
  preview: z.strictObject({ title: z.string(), text: z.string(), html: z.string() }),
});
export type DigestResponse = z.infer<typeof digestResponseSchema>;
