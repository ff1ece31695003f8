import { z } from 'zod';
import { signalKindSchema } from './common.js';

/**
 * The sessions a figure in a sentence counts, as filters of `GET …/sessions` (and of the
 * dashboard's sessions screen): following the link lists exactly those sessions.
 */
export const sessionsFilterSchema = z.strictObject({
  path: z.string().optional(),
  kind: signalKindSchema.optional(),
  element: z.string().optional(),
  release: z.string().optional(),
  has_error: z.boolean().optional(),
});
export type SessionsFilter = z.infer<typeof sessionsFilterSchema>;

/** A figure inside a sentence: `text` is a substring of the sentence, `sessions` what it counts. */
export const sentenceLinkSchema = z.strictObject({
  text: z.string(),
  sessions: sessionsFilterSchema,
});
export type SentenceLink = z.infer<typeof sentenceLinkSchema>;

/**
 * One sentence of a hotspot's explanation, built from its figures and evidence by fixed rules
 * (no model): `kind` says which rule wrote it (`what` the lead figure, `outcome` what people did
 * next, `release`, `error`, `request` the evidence), `links` its figures.
 */
export const sentenceSchema = z.strictObject({
  kind: z.enum(['what', 'outcome', 'release', 'error', 'request']),
  text: z.string(),
  links: z.array(sentenceLinkSchema),
});
export type Sentence = z.infer<typeof sentenceSchema>;
