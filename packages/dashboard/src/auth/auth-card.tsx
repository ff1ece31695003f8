import type { FormEvent, ReactNode } from 'react';

/** The centred card of the sign-in and invite screens. */
export function AuthCard({
  title,
  onSubmit,
  error,
  children,
}: {
  title: string;
  onSubmit: (event: FormEvent) => void;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={onSubmit} aria-describedby={error ? 'auth-error' : undefined}>
        <div className="brand brand-large">
          <img src="/favicon.svg" alt="" width="36" height="36" />
          <span>Snag</span>
        </div>
        <h1>{title}</h1>
        {children}
        {error ? (
          <p id="auth-error" className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <p className="fine-print">Your session is kept in a secure cookie; no credential is stored in the browser.</p>
      </form>
    </main>
  );
}
