/** Longest wait between the triggering signal and the question. */
export const MAX_QUESTION_DELAY_MS = 30_000;
/** Wait after the triggering signal when a question does not say. */
export const DEFAULT_QUESTION_DELAY_MS = 800;
/** Path patterns a question may target. */
export const MAX_QUESTION_PATHS = 20;
/** Longest path pattern or hotspot element key a question may target, in characters. */
export const MAX_QUESTION_TARGET_CHARS = 512;
/** Questions a project may have (deleted ones not counted). */
export const MAX_QUESTIONS_PER_PROJECT = 100;
/** How long a project's questions are reused by ingest and the public read before asking the store again. */
export const QUESTION_CACHE_TTL_MS = 5_000;
/** `Cache-Control: max-age` of the public questions read, in seconds. */
export const PUBLIC_QUESTIONS_MAX_AGE_S = 60;
/** Answers listed by `GET …/questions/:id/answers` when `limit` is omitted, and at most (CSV: all up to the max). */
export const DEFAULT_ANSWER_LIMIT = 100;
export const MAX_ANSWER_LIMIT = 10_000;
/** Default range of the answers read when `from` is omitted: the last 30 days, in ms. */
export const DEFAULT_ANSWER_RANGE_MS = 30 * 24 * 60 * 60 * 1_000;
