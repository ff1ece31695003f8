import { z } from 'zod';
import { elementSchema } from './element.js';
import { ANSWER_OUTCOMES, SIGNAL_KINDS, type SignalKind } from './enums.js';
import {
  MAX_ANSWER_TEXT_LENGTH,
  MAX_FEEDBACK_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_NAME_LENGTH,
  MAX_QUESTION_OPTION_LENGTH,
  MAX_STACK_LENGTH,
  MAX_TIMESTAMP_MS,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
} from './limits.js';
import { idSchema, propertiesSchema, shortText, timestampSchema, urlSchema } from './primitives.js';

export type { SignalKind };
export { SIGNAL_KINDS };

export const NAVIGATION_TYPES = ['navigate', 'reload', 'back_forward', 'spa'] as const;
export type NavigationType = (typeof NAVIGATION_TYPES)[number];

export const EVENT_TYPES = [
  'page',
  'click',
  'input',
  'scroll',
  'signal',
  'error',
  'network',
  'vital',
  'replay',
  'identify',
  'custom',
  'feedback',
  'answer',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const pixels = z.number().int().min(0).max(1_000_000);

/** Fields every event carries: its unique id, client time, and the page view it belongs to. */
const base = {
  id: idSchema,
  t: timestampSchema,
  page_id: idSchema,
  url: urlSchema,
};

export const pageEventSchema = z.strictObject({
  ...base,
  type: z.literal('page'),
  navigation: z.enum(NAVIGATION_TYPES),
  referrer: z.union([urlSchema, z.literal('')]).optional(),
  title: shortText(MAX_TITLE_LENGTH).optional(),
  viewport: z.strictObject({ width: pixels, height: pixels }),
});

export const clickEventSchema = z.strictObject({
  ...base,
  type: z.literal('click'),
  element: elementSchema,
  /** Page coordinates (CSS px from the document's top-left corner). */
  x: pixels,
  y: pixels,
  /** Document size when clicked, for position-relative heatmaps. */
  page_width: pixels.optional(),
  page_height: pixels.optional(),
});

export const inputEventSchema = z.strictObject({
  ...base,
  type: z.literal('input'),
  element: elementSchema,
  input_type: shortText(32),
  /** Length of the value when the field was left. Values themselves are never sent. */
  length: z.number().int().min(0).max(1_000_000),
});

export const scrollEventSchema = z.strictObject({
  ...base,
  type: z.literal('scroll'),
  /** Deepest point seen so far in this page view: bottom of the viewport, in px from the top. */
  max_depth: pixels,
  page_height: pixels,
  viewport_height: pixels,
  /** Up/down direction changes whose legs were at least half a viewport. */
  reversals: z.number().int().min(0).max(100_000),
});

export const signalEventSchema = z.strictObject({
  ...base,
  type: z.literal('signal'),
  kind: z.enum(SIGNAL_KINDS),
  element: elementSchema.optional(),
  details: propertiesSchema.optional(),
});

export const errorEventSchema = z.strictObject({
  ...base,
  type: z.literal('error'),
  origin: z.enum(['error', 'unhandledrejection']),
  message: shortText(MAX_MESSAGE_LENGTH),
  stack: shortText(MAX_STACK_LENGTH).optional(),
  source: shortText(MAX_URL_LENGTH).optional(),
  line: z.number().int().min(0).optional(),
  column: z.number().int().min(0).optional(),
});

export const networkEventSchema = z.strictObject({
  ...base,
  type: z.literal('network'),
  initiator: z.enum(['fetch', 'xhr']),
  method: z
    .string()
    .min(1)
    .max(16)
    .regex(/^[A-Za-z]+$/, 'must be an HTTP method'),
  /** The requested URL without its query string. */
  request_url: urlSchema,
  /** HTTP status, or 0 when the request failed at the network level. */
  status: z.number().int().min(0).max(599),
  duration_ms: z.number().min(0).max(3_600_000),
});

export const vitalEventSchema = z.strictObject({
  ...base,
  type: z.literal('vital'),
  name: z.enum(['LCP', 'CLS', 'INP', 'FCP', 'TTFB']),
  value: z.number().min(0).max(3_600_000),
});

/** One rrweb event as recorded: `{ type, data, timestamp }` (rrweb's own shape, kept opaque). */
export const rrwebEventSchema = z.looseObject({
  type: z.number().int().min(0).max(32),
  /** ms since epoch, like every time on the wire (the chunk's first and last are stored as integers). */
  timestamp: z.number().min(0).max(MAX_TIMESTAMP_MS),
});
export type RrwebEvent = z.infer<typeof rrwebEventSchema>;

export const REPLAY_ENCODINGS = ['json', 'gzip-base64'] as const;

/**
 * A chunk of the session recording. `t` is the time of its first rrweb event.
 * `encoding: "json"` carries `events` inline; `"gzip-base64"` carries the same
 * JSON array gzip-compressed (CompressionStream) and base64-encoded in `data`.
 */
export const replayEventSchema = z.strictObject({
  ...base,
  type: z.literal('replay'),
  /** Position of the chunk in the page view's recording, from 0. */
  seq: z.number().int().min(0).max(1_000_000),
  /** Whether the chunk starts with a full snapshot, so playback can start from it. */
  full_snapshot: z.boolean(),
  encoding: z.enum(REPLAY_ENCODINGS),
  events: z.array(rrwebEventSchema).max(100_000).optional(),
  data: z
    .string()
    .max(16 * 1024 * 1024)
    .optional(),
});

export const identifyEventSchema = z.strictObject({
  ...base,
  type: z.literal('identify'),
  user_id: z.string().min(1).max(MAX_LABEL_LENGTH),
  traits: propertiesSchema.optional(),
});

export const customEventSchema = z.strictObject({
  ...base,
  type: z.literal('custom'),
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  props: propertiesSchema.optional(),
});

export const feedbackEventSchema = z.strictObject({
  ...base,
  type: z.literal('feedback'),
  text: shortText(MAX_FEEDBACK_LENGTH).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  element: elementSchema.optional(),
});

/**
 * What became of a question put at a struggle (issue 15): `shown`, then `answered` (with a
 * `choice`, a `rating` and/or `text`) or `dismissed`. It names the signal that triggered it,
 * its kind and element, so the answer lands on that signal's hotspot and replay moment.
 */
export const answerEventSchema = z.strictObject({
  ...base,
  type: z.literal('answer'),
  question_id: idSchema,
  outcome: z.enum(ANSWER_OUTCOMES),
  /** The option picked, as written in the question, or `@other` (its text in `text`). */
  choice: z.string().min(1).max(MAX_QUESTION_OPTION_LENGTH).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  /** Free text: the answer to a text question, the "other" text or the follow-up field. */
  text: shortText(MAX_ANSWER_TEXT_LENGTH).optional(),
  signal_id: idSchema.optional(),
  kind: z.enum(SIGNAL_KINDS).optional(),
  element: elementSchema.optional(),
});

export const eventSchema = z
  .discriminatedUnion('type', [
    pageEventSchema,
    clickEventSchema,
    inputEventSchema,
    scrollEventSchema,
    signalEventSchema,
    errorEventSchema,
    networkEventSchema,
    vitalEventSchema,
    replayEventSchema,
    identifyEventSchema,
    customEventSchema,
    feedbackEventSchema,
    answerEventSchema,
  ])
  .superRefine((event, ctx) => {
    if (event.type === 'answer') {
      const given = event.choice !== undefined || event.rating !== undefined || event.text !== undefined;
      if (event.outcome === 'answered' && !given) {
        ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'an answer needs a choice, a rating or text' });
      }
      if (event.outcome !== 'answered' && given) {
        ctx.addIssue({ code: 'custom', path: ['outcome'], message: `a "${event.outcome}" event carries no answer` });
      }
      return;
    }
    if (event.type !== 'replay') return;
    if (event.encoding === 'json' && (event.events === undefined || event.data !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['events'], message: 'encoding "json" needs `events` and no `data`' });
    }
    if (event.encoding === 'gzip-base64' && (event.data === undefined || event.events !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'encoding "gzip-base64" needs `data` and no `events`' });
    }
  });

export type PageEvent = z.infer<typeof pageEventSchema>;
export type ClickEvent = z.infer<typeof clickEventSchema>;
export type InputEvent = z.infer<typeof inputEventSchema>;
export type ScrollEvent = z.infer<typeof scrollEventSchema>;
export type SignalEvent = z.infer<typeof signalEventSchema>;
export type ErrorEvent = z.infer<typeof errorEventSchema>;
export type NetworkEvent = z.infer<typeof networkEventSchema>;
export type VitalEvent = z.infer<typeof vitalEventSchema>;
export type ReplayEvent = z.infer<typeof replayEventSchema>;
export type IdentifyEvent = z.infer<typeof identifyEventSchema>;
export type CustomEvent = z.infer<typeof customEventSchema>;
export type FeedbackEvent = z.infer<typeof feedbackEventSchema>;
export type AnswerEvent = z.infer<typeof answerEventSchema>;
export type SnagEvent = z.infer<typeof eventSchema>;
