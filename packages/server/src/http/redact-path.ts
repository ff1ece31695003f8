/** What stands in the access log for a path segment that is a secret or a person. */
export const REDACTED = '[redacted]';

/**
 * Path segments that must never reach a log: share-link tokens (the API's
 * `/share/reports/<token>` and the dashboard page `/shared/<token>`, each a bearer
 * credential), the person being erased (`/projects/:project/people/<person>`), and
 * invite ids (`/projects/:project/invites/<id>`, the hash of the invite token).
 * Invite tokens themselves travel in the URL fragment and the request body, never in
 * a path. Matched case-insensitively, like Express's routing.
 */
const SECRET_SEGMENTS: readonly RegExp[] = [
  /^(\/+share\/+reports\/+)[^/]+/i,
  /^(\/+shared\/+)[^/]+/i,
  /^(\/+api\/+v1\/+projects\/+[^/]+\/+people\/+)[^/]+/i,
  /^(\/+api\/+v1\/+projects\/+[^/]+\/+invites\/+)[^/]+/i,
];

/** The request path as the access log may show it. */
export function redactPath(path: string): string {
  for (const pattern of SECRET_SEGMENTS) {
    if (pattern.test(path)) return path.replace(pattern, `$1${REDACTED}`);
  }
  return path;
}
