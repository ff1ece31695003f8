import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { onUnauthorized } from '../api/client';
import { ErrorState, LoadingState } from '../components/states';
import { AUTH_SESSION_KEY, useAuthSession } from './use-auth-session';

/** Renders its children only with a signed-in session; otherwise sends the user to sign in and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useAuthSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  useEffect(() => onUnauthorized(() => queryClient.setQueryData(AUTH_SESSION_KEY, null)), [queryClient]);
  if (session.isPending) return <LoadingState label="Checking your session…" />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}
