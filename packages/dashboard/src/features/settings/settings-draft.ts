import type { RecordingSettings, RecordingSettingsResponse, ReplayMode, ReplayTrigger } from '@snag/protocol';
import {
  MAX_FEEDBACK_LABEL_LENGTH,
  MAX_QUESTION_TEXT_LENGTH,
  MAX_REPLAY_BUFFER_MS,
  MAX_SELECTORS,
  MIN_REPLAY_BUFFER_MS,
} from '@snag/protocol/limits';
import { selectorProblem } from '@snag/protocol/selectors';

/** The recording form as typed: a percentage, seconds, one selector per line. */
export interface RecordingDraft {
  replay: ReplayMode;
  samplePercent: string;
  triggers: ReplayTrigger[];
  bufferSeconds: string;
  maskSelectors: string;
  blockSelectors: string;
}

export type DraftErrors = Partial<Record<keyof RecordingDraft | 'label' | 'question', string>>;

export function toRecordingDraft(settings: RecordingSettingsResponse): RecordingDraft {
  return {
    replay: settings.replay,
    samplePercent: String(Math.round(settings.replay_sample_rate * 1000) / 10),
    triggers: settings.triggers,
    bufferSeconds: String(settings.replay_buffer_ms / 1000),
    maskSelectors: settings.mask_selectors.join('\n'),
    blockSelectors: settings.block_selectors.join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The draft as the API takes it, or the errors to show beside each field (the server checks the same again). */
export function checkRecordingDraft(
  draft: RecordingDraft,
): { settings: Omit<RecordingSettings, 'feedback'> } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const percent = Number(draft.samplePercent);
  if (draft.samplePercent.trim() === '' || !(percent >= 0 && percent <= 100)) {
    errors.samplePercent = 'Enter a share between 0 and 100 %.';
  }
  const seconds = Number(draft.bufferSeconds);
  const [min, max] = [MIN_REPLAY_BUFFER_MS / 1000, MAX_REPLAY_BUFFER_MS / 1000];
  if (!(Number.isInteger(seconds) && seconds >= min && seconds <= max)) {
    errors.bufferSeconds = `Enter whole seconds between ${min} and ${max}.`;
  }
  const selectors = (field: 'maskSelectors' | 'blockSelectors') => {
    const list = lines(draft[field]);
    if (list.length > MAX_SELECTORS) errors[field] = `At most ${MAX_SELECTORS} selectors.`;
    const bad = list.map((selector) => [selector, selectorProblem(selector)] as const).find(([, problem]) => problem);
    if (bad) errors[field] = `“${bad[0]}” is not a CSS selector: it ${bad[1]}.`;
    return list;
  };
  const mask = selectors('maskSelectors');
  const block = selectors('blockSelectors');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    settings: {
      replay: draft.replay,
      replay_sample_rate: percent / 100,
      triggers: draft.triggers,
      replay_buffer_ms: seconds * 1000,
      mask_selectors: mask,
      block_selectors: block,
    },
  };
}

/** The feedback tab's words, checked as the API checks them. */
export function checkFeedback(label: string, question: string): DraftErrors {
  const errors: DraftErrors = {};
  if (!label.trim()) errors.label = 'Give the tab a label.';
  else if (label.trim().length > MAX_FEEDBACK_LABEL_LENGTH) {
    errors.label = `At most ${MAX_FEEDBACK_LABEL_LENGTH} characters.`;
  }
  if (!question.trim()) errors.question = 'Write the question the tab asks.';
  else if (question.trim().length > MAX_QUESTION_TEXT_LENGTH) {
    errors.question = `At most ${MAX_QUESTION_TEXT_LENGTH} characters.`;
  }
  return errors;
}
