import type { AuthSession, SignedIn } from '@snag/protocol';
import { isUnauthorized } from '../api/api-error';
import { apiGet, apiSend, setCsrfToken } from '../api/client';

/** The current cookie session, or null when signed out. */
export async function fetchAuthSession(): Promise<AuthSession | null> {
  try {
    const session = await apiGet<AuthSession>('/auth/session');
    setCsrfToken(session.csrf_token ?? undefined);
    return session;
  } catch (error) {
    if (isUnauthorized(error)) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export type Credentials = { token: string } | { email: string; password: string };

/** Exchanges credentials for an httpOnly session cookie; nothing of them is kept in the browser. */
export async function signIn(credentials: Credentials): Promise<SignedIn> {
  const session = await apiSend<SignedIn>('POST', '/auth/login', credentials);
  setCsrfToken(session.csrf_token);
  return session;
}

/** Opens an invite (its token comes from the link's fragment) with the account's password. */
export async function acceptInvite(token: string, password: string): Promise<SignedIn> {
  const session = await apiSend<SignedIn>('POST', '/auth/accept-invite', { token, password });
  setCsrfToken(session.csrf_token);
  return session;
}

export async function signOut(): Promise<void> {
  try {
    await apiSend<void>('POST', '/auth/logout');
  } finally {
    setCsrfToken(undefined);
  }
}
