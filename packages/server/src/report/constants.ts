/** Hotspots in the friction report. */
export const REPORT_HOTSPOTS = 10;
/** Share links expire after this long unless asked otherwise, and never later than the maximum. */
export const DEFAULT_SHARE_TTL_MS = 7 * 24 * 60 * 60 * 1_000;
export const MAX_SHARE_TTL_MS = 90 * 24 * 60 * 60 * 1_000;
/** Prefix of a share link's secret (`/share/reports/snag_shr_…`). */
export const SHARE_TOKEN_PREFIX = 'snag_shr_';
