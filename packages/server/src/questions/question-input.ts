import {
  MAX_LABEL_LENGTH,
  MAX_QUESTION_OPTION_LENGTH,
  MAX_QUESTION_OPTIONS,
  MAX_QUESTION_TEXT_LENGTH,
  OTHER_CHOICE,
  QUESTION_STATUSES,
  QUESTION_TYPES,
  SIGNAL_KINDS,
} from '@snag/protocol';
import { z } from 'zod';
import {
  DEFAULT_QUESTION_DELAY_MS,
  MAX_QUESTION_DELAY_MS,
  MAX_QUESTION_PATHS,
  MAX_QUESTION_TARGET_CHARS,
} from './constants.js';

const pathPattern = z.string().min(1).max(MAX_QUESTION_TARGET_CHARS).startsWith('/', 'must start with "/"');
const dateTime = z.iso.datetime({ offset: true });

const targetingSchema = z.strictObject({
  kinds: z.array(z.enum(SIGNAL_KINDS)).max(SIGNAL_KINDS.length).default([]),
  paths: z.array(pathPattern).max(MAX_QUESTION_PATHS).default([]),
  hotspot: z
    .strictObject({ path: pathPattern, element: z.string().min(1).max(MAX_QUESTION_TARGET_CHARS) })
    .nullable()
    .default(null),
  release: z.string().min(1).max(MAX_LABEL_LENGTH).nullable().default(null),
});

/** The fields an admin sets, each as a PATCH may send it alone. */
const fields = {
  text: z.string().trim().min(1).max(MAX_QUESTION_TEXT_LENGTH),
  type: z.enum(QUESTION_TYPES),
  options: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(MAX_QUESTION_OPTION_LENGTH)
        .refine((option) => option !== OTHER_CHOICE, `"${OTHER_CHOICE}" is reserved for the "other" option`),
    )
    .max(MAX_QUESTION_OPTIONS),
  other: z.boolean(),
  follow_up: z.string().trim().min(1).max(MAX_QUESTION_TEXT_LENGTH).nullable(),
  targeting: targetingSchema,
  delay_ms: z.number().int('must be an integer').min(0).max(MAX_QUESTION_DELAY_MS),
  sample_rate: z.number().min(0).max(1),
  starts_at: dateTime.nullable(),
  ends_at: dateTime.nullable(),
  status: z.enum(QUESTION_STATUSES),
};

/** `POST …/questions`: a whole question; what is left out takes its default. */
export const questionInputSchema = z
  .strictObject({
    text: fields.text,
    type: fields.type,
    options: fields.options.default([]),
    other: fields.other.default(false),
    follow_up: fields.follow_up.default(null),
    targeting: targetingSchema.default({ kinds: [], paths: [], hotspot: null, release: null }),
    delay_ms: fields.delay_ms.default(DEFAULT_QUESTION_DELAY_MS),
    sample_rate: fields.sample_rate.default(1),
    starts_at: fields.starts_at.default(null),
    ends_at: fields.ends_at.default(null),
    status: fields.status.default('active'),
  })
  .superRefine((question, ctx) => {
    if (question.type === 'choice') {
      if (question.options.length < 2) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice question needs 2 to 6 options' });
      }
      if (new Set(question.options).size !== question.options.length) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'options must differ from each other' });
      }
    } else {
      if (question.options.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${question.type} question has no options` });
      }
      if (question.other) {
        ctx.addIssue({ code: 'custom', path: ['other'], message: 'only a choice question offers "other"' });
      }
    }
    if (question.starts_at && question.ends_at && Date.parse(question.ends_at) <= Date.parse(question.starts_at)) {
      ctx.addIssue({ code: 'custom', path: ['ends_at'], message: 'must be after starts_at' });
    }
  });
export type QuestionInput = z.output<typeof questionInputSchema>;

/** `PATCH …/questions/:id`: any of the fields; the question it makes is checked whole. */
export const questionPatchSchema = z
  .strictObject(fields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'send at least one field to change');
