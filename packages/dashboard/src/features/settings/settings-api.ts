import type { AssetSettingsResponse, RecordingSettingsPatch, RecordingSettingsResponse } from '@snag/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../api/client';
import { useApi } from '../../api/use-api';

const recordingPath = (project: string) => `/projects/${project}/settings/recording`;
const assetsPath = (project: string) => `/projects/${project}/settings/assets`;

export function useRecordingSettings(project: string) {
  return useApi<RecordingSettingsResponse>(recordingPath(project));
}

/** Saves the fields named (the others keep their value); the screen shows the answer, with who saved it. */
export function useSaveRecordingSettings(project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: RecordingSettingsPatch) =>
      apiSend<RecordingSettingsResponse>('PUT', recordingPath(project), patch),
    onSuccess: (saved) => queryClient.setQueryData([recordingPath(project), {}], saved),
  });
}

export function useAssetSettings(project: string) {
  return useApi<AssetSettingsResponse>(assetsPath(project));
}

export function useSaveAssetSettings(project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sdkBodies: boolean) =>
      apiSend<AssetSettingsResponse>('PUT', assetsPath(project), { sdk_bodies: sdkBodies }),
    onSuccess: (saved) => queryClient.setQueryData([assetsPath(project), {}], saved),
  });
}
