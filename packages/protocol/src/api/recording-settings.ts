import { z } from 'zod';
import { REPLAY_MODES, REPLAY_TRIGGERS } from '../enums.js';
import {
  MAX_FEEDBACK_LABEL_LENGTH,
  MAX_QUESTION_TEXT_LENGTH,
  MAX_REPLAY_BUFFER_MS,
  MAX_SELECTORS,
  MAX_SETTINGS_SELECTOR_LENGTH,
  MIN_REPLAY_BUFFER_MS,
} from '../limits.js';
import { selectorProblem } from '../selectors.js';
import { isoTimeSchema, shareSchema } from './common.js';

const selectorSchema = z.string().superRefine((value, ctx) => {
  const problem = selectorProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `not a CSS selector: ${problem}` });
});
const selectorsSchema = z.array(selectorSchema).max(MAX_SELECTORS);

export const feedbackTabSchema = z.strictObject({
  /** Whether every page shows the feedback tab. */
  enabled: z.boolean(),
  /** The tab's words. */
  label: z.string().trim().min(1).max(MAX_FEEDBACK_LABEL_LENGTH),
  /** The free-text question the tab opens with. */
  question: z.string().trim().min(1).max(MAX_QUESTION_TEXT_LENGTH),
});
export type FeedbackTab = z.infer<typeof feedbackTabSchema>;

/** A project's recording settings, as an admin sets them (`PUT …/settings/recording`, every field required here). */
export const recordingSettingsSchema = z.strictObject({
  /** `always`: every recorded session; `on-struggle`: only after a trigger, with the pre-roll; `off`: no replay. */
  replay: z.enum(REPLAY_MODES),
  /** Share of tracked sessions recorded, 0–1; the lower of this and the code's applies. */
  replay_sample_rate: shareSchema,
  /** What keeps an `on-struggle` replay: struggle kinds, `error`, `answer` (`snag.keepReplay()` always does). */
  triggers: z.array(z.enum(REPLAY_TRIGGERS)).max(REPLAY_TRIGGERS.length),
  /** Pre-roll an `on-struggle` replay keeps before its trigger, in ms. */
  replay_buffer_ms: z.number().int().min(MIN_REPLAY_BUFFER_MS).max(MAX_REPLAY_BUFFER_MS),
  /** Selectors whose text is masked, on top of the code's. */
  mask_selectors: selectorsSchema,
  /** Selectors whose elements are replaced by a placeholder, on top of the code's. */
  block_selectors: selectorsSchema,
  feedback: feedbackTabSchema,
});
export type RecordingSettings = z.infer<typeof recordingSettingsSchema>;

/** `PUT …/settings/recording` body: any of the fields; those left out keep their value. */
export const recordingSettingsPatchSchema = recordingSettingsSchema
  .extend({ feedback: feedbackTabSchema.partial() })
  .partial();
export type RecordingSettingsPatch = z.infer<typeof recordingSettingsPatchSchema>;

/** `GET` / `PUT /api/v1/projects/:project/settings/recording`. */
export const recordingSettingsResponseSchema = recordingSettingsSchema.extend({
  project: z.string(),
  /** Who last changed them (an email, `token:<id>` or `admin_token`), null while they are the defaults. */
  updated_by: z.string().nullable(),
  updated_at: isoTimeSchema.nullable(),
});
export type RecordingSettingsResponse = z.infer<typeof recordingSettingsResponseSchema>;

/** What the SDK applies to its recorder (each selector apart, so a browser can drop one it cannot parse). */
export const remoteRecordingSchema = recordingSettingsSchema.omit({ feedback: true });
export type RemoteRecording = z.infer<typeof remoteRecordingSchema>;

/**
 * `GET /v1/config?key=…` (public, key-scoped, cacheable) and the `config` export of
 * `/v1/config.js`: only what the SDK needs. `feedback` is null while the tab is off.
 */
export const publicConfigSchema = z.strictObject({
  recording: remoteRecordingSchema,
  feedback: z.strictObject({ question_id: z.string(), label: z.string(), text: z.string() }).nullable(),
});
export type PublicConfig = z.infer<typeof publicConfigSchema>;
