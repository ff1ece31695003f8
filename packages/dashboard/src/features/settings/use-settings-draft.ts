import type { RecordingSettingsResponse } from '@snag/protocol';
import { useEffect, useState } from 'react';
import { useSaveRecordingSettings } from './settings-api';
import type { DraftErrors } from './settings-draft';

/**
 * A settings form's state: its draft (taken afresh from the server's settings whenever they change),
 * the errors of its last check, and the save; editing clears the last save's outcome.
 */
export function useSettingsDraft<D>(
  project: string,
  settings: RecordingSettingsResponse,
  toDraft: (settings: RecordingSettingsResponse) => D,
) {
  const save = useSaveRecordingSettings(project);
  const [draft, setDraft] = useState<D>(() => toDraft(settings));
  const [errors, setErrors] = useState<DraftErrors>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: toDraft is a pure mapping; only new settings reset the draft
  useEffect(() => setDraft(toDraft(settings)), [settings]);
  const change = (patch: Partial<D>) => {
    setDraft({ ...draft, ...patch });
    save.reset();
  };
  return { save, draft, errors, setErrors, change };
}
