import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, type QueryParams } from './client';

/** A cached GET of the analytics API; the previous result stays on screen while filters change. */
export function useApi<T>(path: string | null, params: QueryParams = {}, options: { refetchMs?: number } = {}) {
  return useQuery({
    queryKey: [path, params],
    queryFn: ({ signal }) => apiGet<T>(path as string, params, signal),
    enabled: path !== null,
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchMs,
  });
}
