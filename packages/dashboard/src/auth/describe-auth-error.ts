import { ApiError } from '../api/api-error';

/** What a person should read when signing in fails. */
export function describeAuthError(error: unknown, invalidCredentials: string): string {
  if (error instanceof ApiError && error.status === 401) return `${invalidCredentials} Check it and try again.`;
  if (error instanceof ApiError && error.status === 429) {
    return `Too many attempts. Try again in ${error.retryAfterS ?? 60} seconds.`;
  }
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : 'Could not sign in.';
}
