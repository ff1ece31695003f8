import { MAX_LABEL_LENGTH } from '@snag/protocol/limits';

/**
 * Implicit ARIA roles by the element's `type` property, which `<input>`, `<button>` (`submit`, `button`,
 * `reset`), `<select>` (`select-one`) and `<textarea>` (`textarea`) all have; other inputs are textboxes.
 */
const IMPLICIT_ROLES: Record<string, string> = {
  button: 'button',
  submit: 'button',
  reset: 'button',
  image: 'button',
  checkbox: 'checkbox',
  radio: 'radio',
  range: 'slider',
  textarea: 'textbox',
  'select-one': 'combobox',
};

/** The role a person perceives: the `role` attribute, else the implicit one (`<a>`: link). */
export function roleOf(element: Element): string {
  const tag = element.tagName;
  return (
    element.getAttribute('role') ||
    IMPLICIT_ROLES[(element as HTMLInputElement).type] ||
    (tag === 'INPUT' ? 'textbox' : tag === 'A' ? 'link' : '')
  );
}

/**
 * The accessible name, in the order assistive technology uses: `aria-labelledby`, `aria-label`,
 * the field's first `<label>` (for or wrapping), `placeholder`, `title`, `alt`, then the visible text
 * (which never holds a field's value). Whitespace collapsed, cut to MAX_LABEL_LENGTH without
 * splitting a surrogate pair.
 */
export function nameOf(element: Element, text: string, ariaLabel: string | null): string {
  return cut(
    (element.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .map((id) => labelText(document.getElementById(id)))
      .join(' ') ||
      ariaLabel ||
      labelText((element as HTMLInputElement).labels?.[0]) ||
      element.getAttribute('placeholder') ||
      element.getAttribute('title') ||
      element.getAttribute('alt') ||
      text ||
      // An image link or button is named by its image.
      element.querySelector('img')?.alt ||
      '',
    MAX_LABEL_LENGTH,
  );
}

/**
 * A label's text, unless it holds a select or textarea, whose text (options, default content) is
 * the field's value: those labels are skipped rather than copied and cleaned, which costs bytes.
 */
function labelText(label: Element | null | undefined): string {
  return label && !label.querySelector('select,textarea') ? (label.textContent ?? '') : '';
}

/** Whitespace collapsed and trimmed, at most `max` UTF-16 units, never half a surrogate pair. */
export function cut(text: string, max: number): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .replace(/[\uD800-\uDBFF]$/, '');
}
