import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { HttpError } from '../http/errors.js';
import type { Store } from '../store/client.js';
import { findApiTokenByHash } from './api-tokens-store.js';
import { API_TOKEN_PREFIX, CSRF_HEADER, SESSION_COOKIE } from './constants.js';
import { readCookie } from './cookies.js';
import type { Principal } from './principal.js';
import { hashSecret, secretsEqual } from './secrets.js';
import { findSession, type SessionRow } from './sessions-store.js';
import { findRolesOfUser, findUserById } from './users-store.js';

export interface AuthDeps {
  store: Store;
  adminToken: string;
}

/** The signed-in session behind a cookie-authenticated request. */
export interface CookieSession {
  idHash: string;
  row: SessionRow;
}

/** Methods that read: a cookie request may use them without the CSRF token, a viewer may call them. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Ties an admin-token session to the token it was opened with: rotating the token ends them. */
export function adminFingerprint(adminToken: string): string {
  return createHash('sha256').update(`snag-admin-session:${adminToken}`).digest('hex');
}

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('principalOf() used on a route without authenticate()');
  return principal;
}

export function cookieSessionOf(res: Response): CookieSession | undefined {
  return res.locals.cookieSession as CookieSession | undefined;
}

/**
 * Resolves who is calling: `Authorization: Bearer` with the admin token or a
 * project API token, or else the sign-in cookie. A cookie-authenticated request
 * that changes anything must also echo the session's CSRF token in a header,
 * which a cross-site form or script cannot read.
 */
export function authenticate({ store, adminToken }: AuthDeps): RequestHandler {
  const fingerprint = adminFingerprint(adminToken);
  return async (req, res, next) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined) {
      res.locals.principal = await principalFromBearer(store, adminToken, bearer, res);
      next();
      return;
    }
    const sessionId = readCookie(req, SESSION_COOKIE);
    if (sessionId) {
      const idHash = hashSecret(sessionId);
      const row = await findSession(store, idHash);
      const principal = row && (await principalFromSession(store, row, fingerprint));
      if (row && principal) {
        if (!SAFE_METHODS.has(req.method)) {
          const csrf = req.headers[CSRF_HEADER];
          if (typeof csrf !== 'string' || !secretsEqual(csrf, row.csrf_token)) {
            throw new HttpError(403, 'csrf_token_invalid', `send the session's CSRF token in the X-CSRF-Token header`);
          }
        }
        res.locals.principal = principal;
        res.locals.cookieSession = { idHash, row } satisfies CookieSession;
        next();
        return;
      }
    }
    res.setHeader('WWW-Authenticate', 'Bearer realm="snag"');
    throw new HttpError(
      401,
      'unauthorized',
      sessionId
        ? 'the session has ended: sign in again'
        : 'sign in, or send the admin token or an API token as "Authorization: Bearer <token>"',
    );
  };
}

async function principalFromBearer(store: Store, adminToken: string, bearer: string, res: Response) {
  if (secretsEqual(bearer, adminToken)) return { kind: 'admin_token' } satisfies Principal;
  if (bearer.startsWith(API_TOKEN_PREFIX)) {
    const token = await findApiTokenByHash(store, hashSecret(bearer));
    if (token) {
      return { kind: 'api_token', id: token.id, projectId: token.project_id, scope: token.scope } satisfies Principal;
    }
  }
  res.setHeader('WWW-Authenticate', 'Bearer realm="snag", error="invalid_token"');
  throw new HttpError(401, 'unauthorized', 'the bearer token is not valid');
}

async function principalFromSession(
  store: Store,
  row: SessionRow,
  fingerprint: string,
): Promise<Principal | undefined> {
  if (row.admin_fingerprint) {
    return secretsEqual(row.admin_fingerprint, fingerprint) ? { kind: 'admin_token' } : undefined;
  }
  const user = await findUserById(store, row.user_id);
  if (!user) return undefined;
  return { kind: 'user', id: user.id, email: user.email, roles: await findRolesOfUser(store, user.id) };
}
