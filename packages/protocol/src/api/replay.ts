import { z } from 'zod';
import { countSchema, isoTimeSchema, signalKindSchema } from './common.js';

/** An rrweb event as recorded and stored: `{ type, data, timestamp }` (rrweb's own shape, kept opaque). */
export const recordedEventSchema = z.looseObject({
  type: z.number().int(),
  data: z.unknown(),
  timestamp: z.number(),
});
export type RecordedEvent = z.infer<typeof recordedEventSchema>;

/** A signal on the replay timeline: `t` client ms, `offset_ms` from the replay's `start`; `element` is its key. */
export const replayMarkerSchema = z.strictObject({
  id: z.string(),
  kind: signalKindSchema,
  t: z.number().int(),
  offset_ms: countSchema,
  path: z.string(),
  element: z.string().nullable(),
});
export type ReplayMarker = z.infer<typeof replayMarkerSchema>;

/**
 * `GET /api/v1/projects/:project/sessions/:session/replay`, streamed: the chunk count, every
 * recorded rrweb event in playback order, the session's start and its signal markers.
 */
export const replayDocumentSchema = z.strictObject({
  project: z.string(),
  session: z.string(),
  chunks: countSchema,
  events: z.array(recordedEventSchema),
  start: isoTimeSchema,
  markers: z.array(replayMarkerSchema),
});
export type ReplayDocument = z.infer<typeof replayDocumentSchema>;
