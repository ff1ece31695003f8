import { useQuery } from '@tanstack/react-query';
import { fetchAuthSession } from './auth-api';

export const AUTH_SESSION_KEY = ['auth-session'] as const;

export function useAuthSession() {
  return useQuery({ queryKey: AUTH_SESSION_KEY, queryFn: fetchAuthSession, staleTime: Number.POSITIVE_INFINITY });
}
