import { useInfiniteQuery } from '@tanstack/react-query';
import { apiGet, type QueryParams } from './client';

/** What every keyset-paginated answer of the API has (`HotspotsResponse`, `SessionsResponse`). */
interface Paged {
  next_cursor: string | null;
}

/** Keyset-paginated lists: each page asks for the rows after the previous page's `next_cursor`. */
export function usePaged<T extends Paged>(path: string, params: QueryParams) {
  return useInfiniteQuery({
    queryKey: [path, params, 'paged'],
    queryFn: ({ pageParam, signal }) => apiGet<T>(path, { ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
