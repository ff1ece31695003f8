import { IGNORE_SELECTOR, within } from '../privacy/mask.js';
import type { listen as Listen } from '../util/lifetime.js';
import type { EmitSignal } from './signal.js';

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * Form struggle: a field edited again, after it was left, while a validation message
 * flags it (`invalid` event, `aria-invalid`), once per field; a started form left
 * without submitting, attributed to its last field. Only value lengths are reported.
 * Editing a field again with no message (a typo fixed, a choice changed) is not struggle.
 */
/** Returns what to call when the page view ends (page hide, route change): a started, unsubmitted form is abandoned then. */
export function detectForms(signal: EmitSignal, listen: typeof Listen): () => void {
  const edited = new WeakSet<Field>();
  const left = new WeakSet<Field>();
  const invalid = new WeakSet<Field>();
  let lastField: Field | undefined;
  // `matches?.`: the target may be the document or window, which have none.
  const fieldOf = (target: EventTarget | null): Field | undefined =>
    (target as Element | null)?.matches?.('input,select,textarea') && !within(target as Element, IGNORE_SELECTOR)
      ? (target as Field)
      : undefined;

  listen(window, 'invalid', (event: Event) => {
    const field = fieldOf(event.target);
    if (field) invalid.add(field);
  });
  listen(window, 'focusout', (event: FocusEvent) => {
    const field = fieldOf(event.target);
    if (field && edited.has(field)) left.add(field);
  });
  listen(window, 'input', (event: Event) => {
    const field = fieldOf(event.target);
    if (!field || !event.isTrusted) return;
    const flagged = invalid.has(field) || field.getAttribute('aria-invalid') === 'true';
    // An `invalid` event counts until the next edit; aria-invalid as long as the page keeps it.
    invalid.delete(field);
    // Once per return to the field: it counts again only after the person has left it again.
    if (left.delete(field) && flagged) {
      signal('form_struggle', event.timeStamp, field, { reason: 'invalid', length: field.value.length });
    }
    edited.add(field);
    if (field.form) lastField = field;
  });
  listen(window, 'submit', (event: Event) => {
    if (lastField?.form === event.target) lastField = undefined;
  });
  return () => {
    if (lastField) {
      signal('form_struggle', performance.now(), lastField, { reason: 'abandoned', length: lastField.value.length });
    }
    lastField = undefined;
  };
}
