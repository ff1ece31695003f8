import type { Request, Response } from 'express';
import type { Store } from '../store/client.js';
import { adminFingerprint } from './authenticate.js';
import { SESSION_ID_PREFIX, SESSION_TTL_MS } from './constants.js';
import { setSessionCookie } from './cookies.js';
import { generateSecret, hashSecret } from './secrets.js';
import { insertSession } from './sessions-store.js';

export type SignInAs = { userId: string } | { adminToken: string };

/** Opens a session, sets its httpOnly cookie and returns the CSRF token the client echoes on changes. */
export async function openSession(store: Store, req: Request, res: Response, as: SignInAs): Promise<string> {
  const sessionId = generateSecret(SESSION_ID_PREFIX);
  const csrfToken = generateSecret('');
  await insertSession(store, {
    idHash: hashSecret(sessionId),
    userId: 'userId' in as ? as.userId : '',
    adminFingerprint: 'adminToken' in as ? adminFingerprint(as.adminToken) : '',
    csrfToken,
    expiresAt: Date.now() + SESSION_TTL_MS,
  });
  setSessionCookie(req, res, sessionId);
  return csrfToken;
}
