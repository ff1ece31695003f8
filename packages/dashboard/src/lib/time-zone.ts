/** The viewer's IANA time zone, for day and hour buckets that match their calendar. */
export const VIEWER_TZ = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
