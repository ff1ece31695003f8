/** Example sessions returned with each hotspot. */
export const HOTSPOT_EXAMPLES = 3;
/** Hotspots per page when `limit` is omitted, and at most. */
export const DEFAULT_HOTSPOT_LIMIT = 20;
export const MAX_HOTSPOT_LIMIT = 200;
