/** Default report window when `from` is omitted: the last 7 days. */
export const DEFAULT_RANGE_MS = 7 * 24 * 60 * 60 * 1_000;
/** Default window of a release comparison: releases live longer than a week. */
export const DEFAULT_COMPARE_RANGE_MS = 90 * 24 * 60 * 60 * 1_000;
/** Longest range a report may cover. */
export const MAX_RANGE_MS = 400 * 24 * 60 * 60 * 1_000;
/** Most hourly buckets a trend may return (31 days). */
export const MAX_HOURLY_BUCKETS = 31 * 24;

/** A session counts as abandoned after struggle when it ended at most this long after the signal. */
export const ABANDON_WINDOW_MS = 60_000;
/** Example sessions returned with each hotspot. */
export const HOTSPOT_EXAMPLES = 3;
export const DEFAULT_HOTSPOT_LIMIT = 20;
export const MAX_HOTSPOT_LIMIT = 200;

export const DEFAULT_SESSION_LIMIT = 50;
export const MAX_SESSION_LIMIT = 500;

/** Heatmap: horizontal click density in columns of this share of the page width (5 %). */
export const HEATMAP_COLUMNS = 20;
/** Heatmap: vertical click density in rows of this many CSS px. */
export const HEATMAP_ROW_PX = 100;
/** Heatmap: elements returned, most clicked first. */
export const HEATMAP_ELEMENT_LIMIT = 100;
/** Scroll-depth distribution in steps of this many percent of the page height. */
export const SCROLL_DEPTH_STEP_PCT = 10;

/** Release comparison: a hotspot needs this many affected sessions in base or head to be judged. */
export const COMPARE_MIN_SESSIONS = 5;
/** Release comparison: |z| of the two-proportion z-test above which a rate change is real (95 %). */
export const COMPARE_MIN_Z = 1.96;

/** Hotspots in the friction report. */
export const REPORT_HOTSPOTS = 10;
/** Share links expire after this long unless asked otherwise, and never later than the maximum. */
export const DEFAULT_SHARE_TTL_MS = 7 * 24 * 60 * 60 * 1_000;
export const MAX_SHARE_TTL_MS = 90 * 24 * 60 * 60 * 1_000;
/** Prefix of a share link's secret (`/share/reports/snag_shr_…`). */
export const SHARE_TOKEN_PREFIX = 'snag_shr_';

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
/** ...and more than this quantile of the path's page views (its usual level). */
export const EXCESSIVE_SCROLL_QUANTILE = 0.9;
/** Replay markers: journey signals of a session are judged on page views this long before and after its start. */
export const MARKER_CONTEXT_BEFORE_MS = 7 * 24 * 60 * 60 * 1_000;
export const MARKER_CONTEXT_AFTER_MS = 2 * 24 * 60 * 60 * 1_000;
/** Journey signals: up to this many live sessions (data since the last refresh) travel as a query parameter; more are read by a subquery. */
export const LIVE_SESSIONS_LISTED_MAX = 5_000;
/** A session counts in a range when it was active in it; sessions that started this many days before the range are looked at. */
export const SESSION_LOOKBACK_DAYS = 1;
