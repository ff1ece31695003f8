import { z } from 'zod';
import { SESSION_SORTS } from '../enums.js';
import {
  answerEventSchema,
  clickEventSchema,
  customEventSchema,
  errorEventSchema,
  feedbackEventSchema,
  identifyEventSchema,
  inputEventSchema,
  networkEventSchema,
  pageEventSchema,
  scrollEventSchema,
  signalEventSchema,
  vitalEventSchema,
} from '../events.js';
import {
  countSchema,
  deviceClassSchema,
  isoTimeSchema,
  nextCursorSchema,
  rangedFields,
  signalCountsSchema,
  signalKindSchema,
} from './common.js';

/**
 * How a session's replay was kept: `always` (recorded from the start), `on-struggle` (buffered in the
 * browser and kept by a trigger: the replay starts at `preroll_start`, `preroll_ms` before the
 * trigger), or `null` when no replay was sent. Times are server-corrected like the session's.
 */
export const replayKeptSchema = z
  .discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('always') }),
    z.strictObject({
      mode: z.literal('on-struggle'),
      /** A signal kind, `error`, `answer` (an answered question) or `keep_replay` (`snag.keepReplay()`). */
      trigger: z.string(),
      trigger_time: isoTimeSchema,
      preroll_start: isoTimeSchema,
      preroll_ms: countSchema,
      /** The pre-roll asked for (`replayBufferMs`). */
      buffer_ms: countSchema,
      /** The browser's memory or carry cap cut the pre-roll: it may be shorter than asked. */
      trimmed: z.boolean(),
    }),
  ])
  .nullable();
export type ReplayKept = z.infer<typeof replayKeptSchema>;

/** One row of session search: figures over the whole session, as its replay shows it. */
export const sessionRowSchema = z.strictObject({
  id: z.string(),
  start: isoTimeSchema,
  duration_ms: countSchema,
  pages: countSchema,
  /** The user id set by `identify()`, or `null`. */
  user: z.string().nullable(),
  anonymous_id: z.string(),
  device: deviceClassSchema,
  browser: z.string(),
  release: z.string(),
  errors: countSchema,
  signals: countSchema,
  signal_counts: signalCountsSchema,
  entry_page: z.string(),
  exit_page: z.string(),
  /** The replay's API path. */
  replay: z.string(),
  replay_kept: replayKeptSchema,
});
export type SessionRow = z.infer<typeof sessionRowSchema>;

/** `GET /api/v1/projects/:project/sessions`: sessions active in the range, keyset-paginated. */
export const sessionsResponseSchema = z.strictObject({
  ...rangedFields,
  sort: z.enum(SESSION_SORTS),
  sessions: z.array(sessionRowSchema),
  next_cursor: nextCursorSchema,
});
export type SessionsResponse = z.infer<typeof sessionsResponseSchema>;

/** A session's summary in `GET …/sessions/:session`, from its stored events. */
export const sessionSummarySchema = z.strictObject({
  id: z.string(),
  project_id: z.string(),
  start: isoTimeSchema,
  end: isoTimeSchema,
  duration_ms: countSchema,
  pages: countSchema,
  events: countSchema,
  signals: countSchema,
  errors: countSchema,
  /** `""` when the session was never identified. */
  user_id: z.string(),
  anonymous_id: z.string(),
  browser: z.string(),
  browser_version: z.string(),
  os: z.string(),
  device: deviceClassSchema,
  release: z.string(),
  entry_url: z.string(),
  exit_url: z.string(),
  replay_chunks: countSchema,
  replay_kept: replayKeptSchema,
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

/** What the server adds to an event it stores: the clock-corrected time and the page's path and path pattern. */
const storedFields = { time: isoTimeSchema, path: z.string(), path_pattern: z.string() };

/**
 * An event of a session as the SDK sent it (its wire schema: `events.ts`) plus the stored
 * fields. Replay chunks are not events here: they are read with the replay.
 */
export const storedEventSchema = z.discriminatedUnion('type', [
  pageEventSchema.extend(storedFields),
  clickEventSchema.extend(storedFields),
  inputEventSchema.extend(storedFields),
  scrollEventSchema.extend(storedFields),
  signalEventSchema.extend(storedFields),
  errorEventSchema.extend(storedFields),
  networkEventSchema.extend(storedFields),
  vitalEventSchema.extend(storedFields),
  identifyEventSchema.extend(storedFields),
  customEventSchema.extend(storedFields),
  feedbackEventSchema.extend(storedFields),
  answerEventSchema.extend(storedFields),
]);
export type StoredEvent = z.infer<typeof storedEventSchema>;

/**
 * A journey signal (quick back, dead end, excessive scroll), computed by the server from the
 * session's page views and shaped like a stored signal: its id is `<kind>:<page_id>`.
 */
export const journeySignalSchema = z.strictObject({
  id: z.string(),
  type: z.literal('signal'),
  kind: signalKindSchema,
  /** Client time (ms since epoch) of the end of the page view the signal is about. */
  t: z.number().int(),
  time: isoTimeSchema,
  page_id: z.string(),
  path: z.string(),
  path_pattern: z.string(),
});
export type JourneySignal = z.infer<typeof journeySignalSchema>;

/** A signal of a session: the SDK's (a stored event) or a journey one. */
export const sessionSignalSchema = z.union([signalEventSchema.extend(storedFields), journeySignalSchema]);
export type SessionSignal = z.infer<typeof sessionSignalSchema>;

/** `GET /api/v1/projects/:project/sessions/:session`: the session, its events and its signals, in time order. */
export const sessionDocumentSchema = z.strictObject({
  session: sessionSummarySchema,
  events: z.array(storedEventSchema),
  signals: z.array(sessionSignalSchema),
});
export type SessionDocument = z.infer<typeof sessionDocumentSchema>;
