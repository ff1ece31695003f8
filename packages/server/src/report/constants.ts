import { DAY_MS } from '../analytics/constants.js';

/** Hotspots in the friction report. */
export const REPORT_HOTSPOTS = 10;
/** Share links expire after this long unless asked otherwise, and never later than the maximum. */
export const DEFAULT_SHARE_TTL_MS = 7 * DAY_MS;
export const MAX_SHARE_TTL_MS = 90 * DAY_MS;
/** Prefix of a share link's secret (`/share/reports/snag_shr_…`). */
export const SHARE_TOKEN_PREFIX = 'snag_shr_';
/** A share token in a URL is refused outright when shorter or longer than this, in characters. */
export const SHARE_TOKEN_MIN_CHARS = 10;
export const SHARE_TOKEN_MAX_CHARS = 2_048;
