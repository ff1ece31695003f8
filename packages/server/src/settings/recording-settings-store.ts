import type { RecordingSettings, ReplayMode, ReplayTrigger } from '@snag/protocol';
import type { Store } from '../store/client.js';
import { formatDateTime, parseDateTime } from '../store/datetime.js';
import { DEFAULT_RECORDING_SETTINGS } from './constants.js';

export interface StoredRecordingSettings extends RecordingSettings {
  /** Who changed them last, undefined while the project has the defaults. */
  updated_by: string | undefined;
  /** Milliseconds, undefined while the project has the defaults. */
  updated_at: number | undefined;
}

interface Row {
  replay: string;
  replay_sample_rate: number;
  triggers: string[];
  replay_buffer_ms: number;
  mask_selectors: string[];
  block_selectors: string[];
  feedback_enabled: number;
  feedback_label: string;
  feedback_question: string;
  updated_by: string;
  updated_at: string;
}

/** A project's recording settings: its latest saved row, else the defaults. */
export async function findRecordingSettings(store: Store, projectId: string): Promise<StoredRecordingSettings> {
  const rows = await store.query<Row>(
    `SELECT replay, replay_sample_rate, triggers, replay_buffer_ms, mask_selectors, block_selectors,
            feedback_enabled, feedback_label, feedback_question, updated_by, updated_at
     FROM {db:Identifier}.project_recording_settings
     WHERE project_id = {project:String} ORDER BY updated_at DESC LIMIT 1`,
    { project: projectId },
  );
  const row = rows[0];
  if (!row) return { ...DEFAULT_RECORDING_SETTINGS, updated_by: undefined, updated_at: undefined };
  return {
    replay: row.replay as ReplayMode,
    replay_sample_rate: Number(row.replay_sample_rate),
    triggers: row.triggers as ReplayTrigger[],
    replay_buffer_ms: Number(row.replay_buffer_ms),
    mask_selectors: row.mask_selectors,
    block_selectors: row.block_selectors,
    feedback: {
      enabled: Number(row.feedback_enabled) === 1,
      label: row.feedback_label,
      question: row.feedback_question,
    },
    updated_by: row.updated_by,
    updated_at: parseDateTime(row.updated_at),
  };
}

/** Saves a new version of the project's settings, by `actor` at `at` (ms); older versions stay as the trail. */
export async function insertRecordingSettings(
  store: Store,
  projectId: string,
  settings: RecordingSettings,
  actor: string,
  at: number,
): Promise<void> {
  await store.insert('project_recording_settings', [
    {
      project_id: projectId,
      replay: settings.replay,
      replay_sample_rate: settings.replay_sample_rate,
      triggers: settings.triggers,
      replay_buffer_ms: settings.replay_buffer_ms,
      mask_selectors: settings.mask_selectors,
      block_selectors: settings.block_selectors,
      feedback_enabled: settings.feedback.enabled ? 1 : 0,
      feedback_label: settings.feedback.label,
      feedback_question: settings.feedback.question,
      updated_by: actor,
      updated_at: formatDateTime(at),
    },
  ]);
}
