import type { AuthSession, SignedIn } from '@snag/protocol';
import express, { Router } from 'express';
import { z } from 'zod';
import { HttpError } from '../http/errors.js';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { acceptInvite } from './accept-invite.js';
import { cookieSessionOf, principalOf } from './authenticate.js';
import { clearSessionCookie } from './cookies.js';
import type { LoginThrottle } from './login-throttle.js';
import { verifyPassword } from './passwords.js';
import { describePrincipal, type Principal } from './principal.js';
import { secretsEqual } from './secrets.js';
import { revokeSession } from './sessions-store.js';
import { openSession } from './sign-in.js';
import { findRolesOfUser, findUserByEmail } from './users-store.js';

const emailSchema = z.string().trim().toLowerCase().email().max(254);

const loginSchema = z.union([
  z.strictObject({ token: z.string().min(1).max(512) }),
  z.strictObject({ email: emailSchema, password: z.string().min(1).max(1_024) }),
]);

const acceptSchema = z.strictObject({ token: z.string().min(10).max(512), password: z.string().min(1).max(1_024) });

export interface PublicAuthDeps {
  store: Store;
  adminToken: string;
  throttle: LoginThrottle;
}

/** Sign-in without a session: `POST /auth/login` and `POST /auth/accept-invite`. */
export function publicAuthRouter({ store, adminToken, throttle }: PublicAuthDeps): Router {
  const router = Router();
  router.use('/auth', express.json({ limit: '8kb' }));

  router.post('/auth/login', async (req, res) => {
    const body = validate(loginSchema, req.body ?? {}, 'invalid_login');
    const account = 'token' in body ? 'admin_token' : body.email;
    const ip = req.ip ?? '';
    refuseIfThrottled(throttle, account, ip);

    let principal: Principal | undefined;
    if ('token' in body) {
      if (secretsEqual(body.token, adminToken)) principal = { kind: 'admin_token' };
    } else {
      const user = await findUserByEmail(store, body.email);
      if (await verifyPassword(user?.password_hash, body.password)) {
        principal = user && {
          kind: 'user',
          id: user.id,
          email: user.email,
          roles: await findRolesOfUser(store, user.id),
        };
      }
    }
    if (!principal) {
      throttle.recordFailure(account, ip);
      throw new HttpError(
        401,
        'invalid_credentials',
        'token' in body ? 'wrong admin token' : 'wrong email or password',
      );
    }
    throttle.recordSuccess(account, ip);
    const csrfToken = await openSession(
      store,
      req,
      res,
      principal.kind === 'user' ? { userId: principal.id } : { adminToken },
    );
    res.json({ principal: describePrincipal(principal), csrf_token: csrfToken } satisfies SignedIn);
  });

  router.post('/auth/accept-invite', async (req, res) => {
    const body = validate(acceptSchema, req.body ?? {}, 'invalid_invite');
    const ip = req.ip ?? '';
    refuseIfThrottled(throttle, `invite:${body.token.slice(-8)}`, ip);
    const result = await acceptInvite(store, body.token, body.password);
    if (!result.ok) {
      throttle.recordFailure(`invite:${body.token.slice(-8)}`, ip);
      throw result.error;
    }
    const csrfToken = await openSession(store, req, res, { userId: result.principal.id });
    res.status(201).json({ principal: describePrincipal(result.principal), csrf_token: csrfToken } satisfies SignedIn);
  });
  return router;
}

/** With a session: `GET /auth/session` (who am I) and `POST /auth/logout`. */
export function sessionAuthRouter(store: Store): Router {
  const router = Router();
  router.get('/auth/session', (_req, res) => {
    const session = cookieSessionOf(res);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      principal: describePrincipal(principalOf(res)),
      csrf_token: session?.row.csrf_token ?? null,
    } satisfies AuthSession);
  });
  router.post('/auth/logout', async (req, res) => {
    const session = cookieSessionOf(res);
    if (session) await revokeSession(store, session.idHash, session.row);
    clearSessionCookie(req, res);
    res.status(204).end();
  });
  return router;
}

function refuseIfThrottled(throttle: LoginThrottle, account: string, ip: string): void {
  const wait = throttle.retryAfterSeconds(account, ip);
  if (wait > 0) {
    throw new HttpError(429, 'too_many_attempts', `too many failed sign-ins: try again in ${wait} s`, {
      retryAfterSeconds: wait,
    });
  }
}
