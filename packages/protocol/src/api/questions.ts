import { z } from 'zod';
import { ANSWER_OUTCOMES, QUESTION_STATUSES, QUESTION_TYPES } from '../enums.js';
import { countSchema, isoTimeSchema, shareSchema, signalKindSchema } from './common.js';

/** Who a question is put to. Empty lists and `null` match everything. */
export const questionTargetingSchema = z.strictObject({
  /** Struggle kinds that trigger it. */
  kinds: z.array(signalKindSchema),
  /** Path patterns (`/checkout`, `/orders/:id`, `/help/*`) of the pages it is asked on. */
  paths: z.array(z.string()),
  /** One hotspot: its page (path pattern) and element key, as `GET …/hotspots` names them. */
  hotspot: z.strictObject({ path: z.string(), element: z.string() }).nullable(),
  release: z.string().nullable(),
});
export type QuestionTargeting = z.infer<typeof questionTargetingSchema>;

/** A question as the API shows it (docs/api.md, "Questions"). */
export const questionSchema = z.strictObject({
  id: z.string(),
  project: z.string(),
  text: z.string(),
  type: z.enum(QUESTION_TYPES),
  /** The options of a `choice` question (up to 6), else empty. */
  options: z.array(z.string()),
  /** Whether a `choice` question offers "Other" with a text field. */
  other: z.boolean(),
  /** The label of an optional free-text field shown after the answer, else `null`. */
  follow_up: z.string().nullable(),
  targeting: questionTargetingSchema,
  /** How long after the triggering signal it is shown. */
  delay_ms: countSchema,
  /** Share of eligible struggles at which it is asked, 0–1. */
  sample_rate: shareSchema,
  starts_at: isoTimeSchema.nullable(),
  ends_at: isoTimeSchema.nullable(),
  status: z.enum(QUESTION_STATUSES),
  created_at: isoTimeSchema,
  updated_at: isoTimeSchema,
});
export type Question = z.infer<typeof questionSchema>;

/** `GET /api/v1/projects/:project/questions`: every question of the project, newest first. */
export const questionsResponseSchema = z.strictObject({
  project: z.string(),
  questions: z.array(questionSchema),
});
export type QuestionsResponse = z.infer<typeof questionsResponseSchema>;

/** A quoted free-text answer, with a replay link opening at the moment it was given. */
export const answerQuoteSchema = z.strictObject({
  text: z.string(),
  question_id: z.string(),
  session_id: z.string(),
  time: isoTimeSchema,
  offset_ms: countSchema,
  replay: z.string(),
});
export type AnswerQuote = z.infer<typeof answerQuoteSchema>;

/**
 * What people said: how often a question was shown, answered and dismissed, the choices
 * picked, the ratings, and the latest quotes. Rates are `null` when nothing was shown.
 */
export const answersSummarySchema = z.strictObject({
  shown: countSchema,
  answered: countSchema,
  dismissed: countSchema,
  response_rate: shareSchema.nullable(),
  dismissal_rate: shareSchema.nullable(),
  choices: z.array(z.strictObject({ choice: z.string(), count: countSchema })),
  ratings: z.strictObject({ count: countSchema, mean: z.number().min(1).max(5).nullable() }),
  quotes: z.array(answerQuoteSchema),
});
export type AnswersSummary = z.infer<typeof answersSummarySchema>;

/** One answer event (`shown`, `answered` or `dismissed`) as the results screen lists it. */
export const answerSchema = z.strictObject({
  id: z.string(),
  question_id: z.string(),
  session_id: z.string(),
  person: z.string(),
  time: isoTimeSchema,
  path: z.string(),
  path_pattern: z.string(),
  release: z.string(),
  outcome: z.enum(ANSWER_OUTCOMES),
  choice: z.string().nullable(),
  rating: z.number().int().min(1).max(5).nullable(),
  text: z.string().nullable(),
  signal_id: z.string().nullable(),
  signal_kind: signalKindSchema.nullable(),
  element: z.string().nullable(),
  offset_ms: countSchema,
  replay: z.string(),
});
export type Answer = z.infer<typeof answerSchema>;

/** `GET /api/v1/projects/:project/questions/:id/answers`: the summary and the latest answers. */
export const answersResponseSchema = z.strictObject({
  project: z.string(),
  question_id: z.string(),
  from: isoTimeSchema,
  to: isoTimeSchema,
  summary: answersSummarySchema,
  answers: z.array(answerSchema),
});
export type AnswersResponse = z.infer<typeof answersResponseSchema>;

/** A question as the SDK sees it: only what the widget needs to decide and to ask. */
export const publicQuestionSchema = z.strictObject({
  id: z.string(),
  text: z.string(),
  type: z.enum(QUESTION_TYPES),
  options: z.array(z.string()),
  other: z.boolean(),
  follow_up: z.string().nullable(),
  kinds: z.array(signalKindSchema),
  paths: z.array(z.string()),
  hotspot: z.strictObject({ path: z.string(), element: z.string() }).nullable(),
  release: z.string().nullable(),
  delay_ms: countSchema,
  sample_rate: shareSchema,
});
export type PublicQuestion = z.infer<typeof publicQuestionSchema>;

/** `GET /v1/questions?key=…` (public, cacheable): the project's questions being asked now. */
export const publicQuestionsResponseSchema = z.strictObject({
  questions: z.array(publicQuestionSchema),
});
export type PublicQuestionsResponse = z.infer<typeof publicQuestionsResponseSchema>;
