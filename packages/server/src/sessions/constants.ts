import { DAY_MS } from '../analytics/constants.js';

/** Sessions per page of a search when `limit` is omitted, and at most. */
export const DEFAULT_SESSION_LIMIT = 50;
export const MAX_SESSION_LIMIT = 500;
/** Replay markers: journey signals of a session are judged on page views this long before and after its start. */
export const MARKER_CONTEXT_BEFORE_MS = 7 * DAY_MS;
export const MARKER_CONTEXT_AFTER_MS = 2 * DAY_MS;
/** Longest `element` filter (an element key or a selector), in characters. */
export const MAX_ELEMENT_PARAM_CHARS = 1_024;
