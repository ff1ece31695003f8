import { z } from 'zod';
import { countSchema, isoTimeSchema, nextCursorSchema, rangedFields, shareSchema, signalKindSchema } from './common.js';
import { sentenceSchema } from './explanation.js';

/**
 * The element of a hotspot: `key` is its test id, else ARIA label, else selector (stable across
 * redesigns, and across label changes: the name is not part of it).
 */
export const hotspotElementSchema = z.strictObject({
  key: z.string(),
  selector: z.string(),
  tag: z.string(),
  text: z.string(),
  /** Its accessible name as last seen ("Postal code"); `null` when none was sent (SDKs before names). */
  name: z.string().nullable(),
  /** Its role as last seen (`button`, `link`, `textbox`, `combobox`…); `null` when unknown. */
  role: z.string().nullable(),
});
export type HotspotElement = z.infer<typeof hotspotElementSchema>;

/** A session that hit the hotspot, with a replay link opening at its first occurrence (`#t=<offset_ms>`). */
export const hotspotExampleSchema = z.strictObject({
  session_id: z.string(),
  offset_ms: countSchema,
  replay: z.string(),
});
export type HotspotExample = z.infer<typeof hotspotExampleSchema>;

/** The period of the same length just before `from`; `change` is `null` when it had no sessions. */
export const hotspotTrendSchema = z.strictObject({
  previous_sessions: countSchema,
  previous_occurrences: countSchema,
  change: z.number().nullable(),
});

/** One friction hotspot: (path pattern, element, signal kind) and its figures (docs/api.md, "Hotspots"). */
export const hotspotSchema = z.strictObject({
  path: z.string(),
  kind: signalKindSchema,
  /** `null` for page-level kinds (`quick_back`, `dead_end`, `excessive_scroll`): the page is the element. */
  element: hotspotElementSchema.nullable(),
  /** Affected sessions + abandoned sessions. */
  impact: countSchema,
  occurrences: countSchema,
  sessions: countSchema,
  users: countSchema,
  page_sessions: countSchema,
  /** `sessions / page_sessions`; `null` when no session of the range viewed the page. */
  affected_share: shareSchema.nullable(),
  abandoned_sessions: countSchema,
  abandonment: shareSchema,
  first_seen: isoTimeSchema,
  last_seen: isoTimeSchema,
  trend: hotspotTrendSchema,
  examples: z.array(hotspotExampleSchema),
  /** One to three sentences explaining the hotspot from its figures and evidence (docs/api.md, "Explanations"). */
  explanation: z.array(sentenceSchema),
});
export type Hotspot = z.infer<typeof hotspotSchema>;

/** `GET /api/v1/projects/:project/hotspots`: hotspots ranked by impact, keyset-paginated. */
export const hotspotsResponseSchema = z.strictObject({
  ...rangedFields,
  hotspots: z.array(hotspotSchema),
  next_cursor: nextCursorSchema,
});
export type HotspotsResponse = z.infer<typeof hotspotsResponseSchema>;
