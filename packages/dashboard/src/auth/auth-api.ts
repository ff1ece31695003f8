import { isUnauthorized } from '../api/api-error';
import { apiGet, apiSend, setCsrfToken } from '../api/client';
import type { AuthSession } from '../api/types';

/** The current cookie session, or null when signed out. */
export async function fetchAuthSession(): Promise<AuthSession | null> {
  try {
    const session = await apiGet<AuthSession>('/auth/session');
    setCsrfToken(session.csrf_token);
    return session;
  } catch (error) {
    if (isUnauthorized(error)) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** Exchanges the admin token for an httpOnly session cookie; the token itself is never kept. */
export async function signInWithToken(token: string): Promise<AuthSession> {
  const session = await apiSend<AuthSession>('POST', '/auth/login', { token });
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
