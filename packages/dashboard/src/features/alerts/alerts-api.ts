import type { AlertChannel, AlertChannelsResponse, AlertHistoryResponse, AlertTestResult } from '@snag/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../api/client';
import { useApi } from '../../api/use-api';
import { usePaged } from '../../api/use-paged';

const channelsPath = (project: string) => `/projects/${project}/alerts/channels`;
const historyPath = (project: string) => `/projects/${project}/alerts/history`;
const HISTORY_PAGE = 20;

export type NewChannel =
  | { type: 'webhook'; name?: string; url: string; format: 'json' | 'slack' }
  | { type: 'email'; name?: string; addresses: string[] };

export function useChannels(project: string) {
  return useApi<AlertChannelsResponse>(channelsPath(project));
}

export function useAlertHistory(project: string) {
  return usePaged<AlertHistoryResponse>(historyPath(project), { limit: HISTORY_PAGE });
}

/** Refreshes the channel list and the history (a test adds an alert to it). */
function useRefresh(project: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [channelsPath(project)] }),
      queryClient.invalidateQueries({ queryKey: [historyPath(project)] }),
    ]);
}

export function useCreateChannel(project: string) {
  const refresh = useRefresh(project);
  return useMutation({
    mutationFn: (body: NewChannel) => apiSend<AlertChannel>('POST', channelsPath(project), body),
    onSuccess: refresh,
  });
}

export function useDeleteChannel(project: string) {
  const refresh = useRefresh(project);
  return useMutation({
    mutationFn: (id: string) => apiSend<void>('DELETE', `${channelsPath(project)}/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}

/** "Send test": one attempt, awaited by the server; the answer says how it went. */
export function useTestChannel(project: string) {
  const refresh = useRefresh(project);
  return useMutation({
    mutationFn: (id: string) =>
      apiSend<AlertTestResult>('POST', `${channelsPath(project)}/${encodeURIComponent(id)}/test`),
    onSuccess: refresh,
  });
}
