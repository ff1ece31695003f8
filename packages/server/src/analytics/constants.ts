export const HOUR_MS = 60 * 60 * 1_000;
export const DAY_MS = 24 * HOUR_MS;

/** Default report window when `from` is omitted: the last 7 days. */
export const DEFAULT_RANGE_MS = 7 * DAY_MS;
/** Longest range a report may cover. */
export const MAX_RANGE_MS = 400 * DAY_MS;
/** Rates and shares (0–1 fractions) in responses are rounded to this many decimal places. */
export const RATE_DECIMALS = 4;

/** Longest `path` filter (a path or a path pattern), in characters. */
export const MAX_PATH_PARAM_CHARS = 1_024;
/** Longest `user`, `release` or `browser` filter, in characters. */
export const MAX_LABEL_PARAM_CHARS = 256;
/** Longest pagination cursor, in characters. */
export const MAX_CURSOR_CHARS = 2_048;
/** Longest IANA time zone name (`tz`), in characters. */
export const MAX_TIME_ZONE_CHARS = 64;
/** A session counts as abandoned after struggle when it ended at most this long after the signal. */
export const ABANDON_WINDOW_MS = 60_000;
/** Journey signals: a quick back returns to the previous page within this long of leaving it. */
export const QUICK_BACK_WINDOW_MS = 5_000;
/** Journey signals: a page left sooner than this was bounced through (a redirect, a script sending people back), not read. */
export const QUICK_BACK_MIN_DWELL_MS = 500;
/** Journey signals: sign-in and similar paths bounce people for reasons of access, not of design; never a quick back. */
export const AUTH_PATH_REGEX = '(?i)/(log-?in|log-?out|sign-?in|sign-?out|sign-?up|auth|oauth2?|sso|callback)(/|$)';
/** Journey signals: a session has ended once it has been quiet this long (the SDK's inactivity timeout); only then is its last page where it ended. */
export const SESSION_ENDED_AFTER_MS = 30 * 60_000;
/** Journey signals: excessive scrolling needs at least this many reversals in a page view... */
export const EXCESSIVE_SCROLL_MIN_REVERSALS = 4;
/** ...and more than this quantile of the path's page views (its usual level)... */
export const EXCESSIVE_SCROLL_QUANTILE = 0.9;
/** ...in other sessions that started in this many days before the page view ended (not the report's range)... */
export const EXCESSIVE_SCROLL_BASELINE_DAYS = 28;
/** ...of which there must be at least this many: a path seen less has no usual level yet. */
export const EXCESSIVE_SCROLL_MIN_BASELINE_VIEWS = 10;
/** Journey signals: up to this many live sessions (data since the last refresh) travel as a query parameter; more are read by a subquery. */
export const LIVE_SESSIONS_LISTED_MAX = 5_000;
/** A session counts in a range when it was active in it; sessions that started this many days before the range are looked at. */
export const SESSION_LOOKBACK_DAYS = 1;

/** Latest quoted answers in an answers summary (per hotspot, per question). */
export const ANSWER_QUOTES = 5;

/** Rounds a rate or share to RATE_DECIMALS places. */
export function roundRate(value: number): number {
  const scale = 10 ** RATE_DECIMALS;
  return Math.round(value * scale) / scale;
}
