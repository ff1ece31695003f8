import { z } from 'zod';
import { MAX_ELEMENT_TEXT_LENGTH, MAX_LABEL_LENGTH, MAX_SELECTOR_LENGTH } from './limits.js';
import { shortText } from './primitives.js';

/**
 * How an element is described everywhere (clicks, signals, inputs, feedback):
 * a short stable CSS selector, the tag, up to 60 characters of (masked) text,
 * and the optional test id, ARIA label, accessible name and role that make it recognisable.
 */
export const elementSchema = z.strictObject({
  selector: z.string().min(1).max(MAX_SELECTOR_LENGTH),
  tag: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case tag name'),
  text: shortText(MAX_ELEMENT_TEXT_LENGTH).optional(),
  test_id: shortText(MAX_LABEL_LENGTH).optional(),
  aria_label: shortText(MAX_LABEL_LENGTH).optional(),
  /** The accessible name (aria-labelledby, aria-label, label, placeholder, title, alt, visible text); older SDKs omit it. */
  name: shortText(MAX_LABEL_LENGTH).optional(),
  /** The role attribute, or (newer SDKs) the implicit role of the tag: `button`, `link`, `textbox`, `combobox`… */
  role: shortText(32).optional(),
});

export type ElementDescription = z.infer<typeof elementSchema>;
