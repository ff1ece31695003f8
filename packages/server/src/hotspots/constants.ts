/** Example sessions returned with each hotspot. */
export const HOTSPOT_EXAMPLES = 3;
/** Hotspots per page when `limit` is omitted, and at most. */
export const DEFAULT_HOTSPOT_LIMIT = 20;
export const MAX_HOTSPOT_LIMIT = 200;
/** How long an element's looked-up name and role are reused before asking the store again. */
export const ELEMENT_NAME_CACHE_TTL_MS = 60_000;
/** Element names kept per store at most. */
export const ELEMENT_NAME_CACHE_MAX = 10_000;
