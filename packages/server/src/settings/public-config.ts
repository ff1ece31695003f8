import type { PublicConfig, RecordingSettings } from '@snag/protocol';
import { FEEDBACK_QUESTION_ID } from '../questions/feedback-question.js';

/** What the SDK gets of a project's settings: no ids of people, no history. */
export function toPublicConfig(settings: RecordingSettings): PublicConfig {
  return {
    recording: {
      replay: settings.replay,
      replay_sample_rate: settings.replay_sample_rate,
      triggers: settings.triggers,
      replay_buffer_ms: settings.replay_buffer_ms,
      mask_selectors: settings.mask_selectors,
      block_selectors: settings.block_selectors,
    },
    feedback: settings.feedback.enabled
      ? { question_id: FEEDBACK_QUESTION_ID, label: settings.feedback.label, text: settings.feedback.question }
      : null,
  };
}
