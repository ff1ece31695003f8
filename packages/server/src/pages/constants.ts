/** Pages listed by `GET /projects/:project/pages` when `limit` is omitted, and at most. */
export const DEFAULT_PAGE_LIMIT = 200;
export const MAX_PAGE_LIMIT = 1_000;
