import type { CreatedShareLink, ShareLinksResponse } from '@snag/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../api/client';
import { useApi } from '../../api/use-api';

const linksPath = (project: string) => `/projects/${project}/share-links`;

/** The project's live share links (admins and owners only). */
export function useShareLinks(project: string, enabled: boolean) {
  return useApi<ShareLinksResponse>(enabled ? linksPath(project) : null);
}

/** Makes a share link for a range; the list refreshes. */
export function useCreateShareLink(project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { from: string; tz: string; ttl: string }) =>
      apiSend<CreatedShareLink>('POST', linksPath(project), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [linksPath(project)] }),
  });
}

/** Revokes a link at once; the list refreshes. */
export function useRevokeShareLink(project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend<void>('DELETE', `${linksPath(project)}/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [linksPath(project)] }),
  });
}

/** The dashboard page a share link opens: `/shared/<token>`. */
export function sharedPageUrl(token: string): string {
  return `${window.location.origin}/shared/${token}`;
}
