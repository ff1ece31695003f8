import type { AlertRule, AlertRuleInput, AlertRulesResponse, DigestResponse, DigestSettings } from '@snag/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../api/client';
import { useApi } from '../../api/use-api';

const rulesPath = (project: string) => `/projects/${project}/alerts/rules`;
const digestPath = (project: string) => `/projects/${project}/alerts/digest`;
const historyPath = (project: string) => `/projects/${project}/alerts/history`;

export function useRules(project: string) {
  return useApi<AlertRulesResponse>(rulesPath(project));
}

export function useDigest(project: string) {
  return useApi<DigestResponse>(digestPath(project));
}

function useRefresh(project: string, path: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [path] }),
      queryClient.invalidateQueries({ queryKey: [historyPath(project)] }),
    ]);
}

export function useCreateRule(project: string) {
  const refresh = useRefresh(project, rulesPath(project));
  return useMutation({
    mutationFn: (body: AlertRuleInput) => apiSend<AlertRule>('POST', rulesPath(project), body),
    onSuccess: refresh,
  });
}

/** Changes only the fields given (enable, snooze, unmute…). */
export function useUpdateRule(project: string) {
  const refresh = useRefresh(project, rulesPath(project));
  return useMutation({
    mutationFn: ({ id, ...changes }: Partial<AlertRuleInput> & { id: string }) =>
      apiSend<AlertRule>('PATCH', `${rulesPath(project)}/${encodeURIComponent(id)}`, changes),
    onSuccess: refresh,
  });
}

export function useDeleteRule(project: string) {
  const refresh = useRefresh(project, rulesPath(project));
  return useMutation({
    mutationFn: (id: string) => apiSend<void>('DELETE', `${rulesPath(project)}/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}

export function useSaveDigest(project: string) {
  const refresh = useRefresh(project, digestPath(project));
  return useMutation({
    mutationFn: (settings: DigestSettings) => apiSend<DigestSettings>('PUT', digestPath(project), settings),
    onSuccess: refresh,
  });
}

export function useSendDigest(project: string) {
  const refresh = useRefresh(project, digestPath(project));
  return useMutation({
    mutationFn: () => apiSend<{ alert_id: string }>('POST', `${digestPath(project)}/send`),
    onSuccess: refresh,
  });
}
