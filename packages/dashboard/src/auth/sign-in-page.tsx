import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/api-error';
import { signInWithToken } from './auth-api';
import { AUTH_SESSION_KEY, useAuthSession } from './use-auth-session';

/** Only same-site paths are followed after signing in, never another origin. */
function safeNext(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
}

function describe(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return 'That token is not valid. Check it and try again.';
  if (error instanceof ApiError && error.status === 429) {
    return `Too many attempts. Try again in ${error.retryAfterS ?? 60} seconds.`;
  }
  return error instanceof Error ? error.message : 'Could not sign in.';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useAuthSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session.data) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await signInWithToken(token.trim());
      setToken('');
      queryClient.setQueryData(AUTH_SESSION_KEY, signedIn);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} aria-describedby={error ? 'sign-in-error' : undefined}>
        <div className="brand brand-large">
          <img src="/favicon.svg" alt="" width="36" height="36" />
          <span>Snag</span>
        </div>
        <h1>Sign in</h1>
        <p className="muted">
          Paste the admin token that <code>snag serve</code> printed when it started.
        </p>
        <div className="field">
          <label htmlFor="admin-token">Admin token</label>
          <input
            id="admin-token"
            name="token"
            type="password"
            autoComplete="current-password"
            required
            value={token}
            onChange={(event) => setToken(event.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        {error ? (
          <p id="sign-in-error" className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button button-primary button-block" disabled={busy || token.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="fine-print">Your session is kept in a secure cookie; the token is never stored in the browser.</p>
      </form>
    </main>
  );
}
