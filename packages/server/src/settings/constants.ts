import type { RecordingSettings } from '@snag/protocol';
import { REPLAY_TRIGGERS } from '@snag/protocol';

/** A project's recording settings until an admin changes them: the SDK's own defaults, the feedback tab off. */
export const DEFAULT_RECORDING_SETTINGS: RecordingSettings = {
  replay: 'always',
  replay_sample_rate: 1,
  triggers: [...REPLAY_TRIGGERS],
  replay_buffer_ms: 60_000,
  mask_selectors: [],
  block_selectors: [],
  feedback: { enabled: false, label: 'Feedback', question: 'What were you trying to do?' },
};
/** How long a project's settings are reused by the SDK's public read before asking the store again. */
export const SETTINGS_CACHE_TTL_MS = 5_000;
/** `Cache-Control: max-age` of `/v1/config` and `/v1/config.js`, in seconds: a change reaches pages within a minute. */
export const PUBLIC_CONFIG_MAX_AGE_S = 60;
