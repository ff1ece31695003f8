import { SCRUBBED_VALUE } from './scrub.js';

const NUMBER = /^\d+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_HASH = /^[0-9a-f]{16,}$/i;
/** Long opaque tokens (nanoids, ULIDs, base64 ids) that mix letters and digits. */
const OPAQUE_TOKEN = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9_-]{20,}$/;

/** Path of a URL, with a hash route (`#/…`, `#!/…`) appended when the app routes by hash. */
export function pathOf(url: string): string {
  const parsed = URL.parse(url);
  if (!parsed) return '/';
  const hash = parsed.hash;
  const hashRoute = hash.startsWith('#/') || hash.startsWith('#!/') ? hash.split('?')[0] : '';
  return trimTrailingSlash(parsed.pathname) + (hashRoute ?? '');
}

/**
 * Groups paths that differ only by identifiers: `/orders/8812` → `/orders/:id`.
 * Numbers, UUIDs, hex hashes, long opaque tokens and what scrubbing replaced become `:id`.
 */
export function pathPattern(path: string): string {
  return path
    .split('/')
    .map((segment) => (isIdentifier(segment) ? ':id' : segment))
    .join('/');
}

function isIdentifier(segment: string): boolean {
  if (segment === '') return false;
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {}
  return (
    NUMBER.test(decoded) ||
    UUID.test(decoded) ||
    HEX_HASH.test(decoded) ||
    OPAQUE_TOKEN.test(decoded) ||
    SCRUBBED_VALUE.test(decoded)
  );
}

function trimTrailingSlash(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith('/') ? pathname.replace(/\/+$/, '') || '/' : pathname;
}
