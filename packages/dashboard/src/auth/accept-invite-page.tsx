import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { acceptInvite } from './auth-api';
import { AuthCard } from './auth-card';
import { describeAuthError } from './describe-auth-error';
import { AUTH_SESSION_KEY } from './use-auth-session';

/** Minimum password length the server accepts for new accounts. */
const MIN_PASSWORD_LENGTH = 10;

/** `/accept-invite#token=…`: the token stays in the fragment, which never reaches a server or its logs. */
export function AcceptInvitePage() {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(token ? null : 'This invite link is incomplete.');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await acceptInvite(token, password);
      queryClient.setQueryData(AUTH_SESSION_KEY, session);
      navigate('/', { replace: true });
    } catch (caught) {
      setError(describeAuthError(caught, 'This invite is no longer valid, or the password is wrong.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title="Join your team on Snag" onSubmit={submit} error={error}>
      <p className="muted">
        Choose a password (at least {MIN_PASSWORD_LENGTH} characters), or enter yours if you already have an account.
      </p>
      <div className="field">
        <label htmlFor="invite-password">Password</label>
        <input
          id="invite-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </div>
      <button
        type="submit"
        className="button button-primary button-block"
        disabled={busy || !token || password.length < MIN_PASSWORD_LENGTH}
      >
        {busy ? 'Joining…' : 'Join'}
      </button>
    </AuthCard>
  );
}
