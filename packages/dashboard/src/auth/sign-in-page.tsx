import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Segmented } from '../components/fields';
import { type Credentials, signIn } from './auth-api';
import { AuthCard } from './auth-card';
import { describeAuthError } from './describe-auth-error';
import { AUTH_SESSION_KEY, useAuthSession } from './use-auth-session';

/** Only same-site paths are followed after signing in, never another origin. */
export function safeNext(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
}

const MODES = [
  { value: 'account', label: 'Account' },
  { value: 'token', label: 'Admin token' },
];

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useAuthSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [mode, setMode] = useState(params.get('with') === 'token' ? 'token' : 'account');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session.data) return <Navigate to={next} replace />;

  const credentials: Credentials = mode === 'token' ? { token: token.trim() } : { email: email.trim(), password };
  const complete = mode === 'token' ? token.trim() !== '' : email.trim() !== '' && password !== '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await signIn(credentials);
      setToken('');
      setPassword('');
      queryClient.setQueryData(AUTH_SESSION_KEY, signedIn);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(describeAuthError(caught, mode === 'token' ? 'That token is not valid.' : 'Wrong email or password.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title="Sign in" onSubmit={submit} error={error}>
      <Segmented label="Sign in with" value={mode} options={MODES} onChange={setMode} />
      {mode === 'token' ? (
        <>
          <p className="muted">
            Paste the admin token that <code>snag serve</code> printed when it started.
          </p>
          <div className="field">
            <label htmlFor="admin-token">Admin token</label>
            <input
              id="admin-token"
              name="token"
              type="password"
              autoComplete="off"
              required
              value={token}
              onChange={(event) => setToken(event.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </div>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor="email">Email</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </div>
        </>
      )}
      <button type="submit" className="button button-primary button-block" disabled={busy || !complete}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </AuthCard>
  );
}
