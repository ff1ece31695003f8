export const DEFAULT_SESSION_LIMIT = 50;
export const MAX_SESSION_LIMIT = 500;
/** Replay markers: journey signals of a session are judged on page views this long before and after its start. */
export const MARKER_CONTEXT_BEFORE_MS = 7 * 24 * 60 * 60 * 1_000;
export const MARKER_CONTEXT_AFTER_MS = 2 * 24 * 60 * 60 * 1_000;
