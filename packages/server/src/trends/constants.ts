/** Most hourly buckets a trend may return (31 days). */
export const MAX_HOURLY_BUCKETS = 31 * 24;
