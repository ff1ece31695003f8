import type { PrivacySelectors, ResolvedOptions } from '../types.js';

export const IGNORE_SELECTOR = '[data-snag-ignore]';

export function privacySelectors(options: ResolvedOptions): PrivacySelectors {
  const mask = join('[data-snag-mask]', options.maskTextSelector);
  const block = join('[data-snag-block]', options.blockSelector);
  return { mask, block, text: `${mask}, ${block}` };
}

function join(base: string, extra: string): string {
  return extra ? `${base}, ${extra}` : base;
}

/** True when the element or an ancestor matches the selector (a bad user selector counts as a match). */
export function within(element: Element, selector: string): boolean {
  try {
    return element.closest(selector) !== null;
  } catch {
    return true;
  }
}

/** Keeps the shape of the text (length, spaces) but none of its characters. */
export function maskText(text: string): string {
  return text.replace(/\S/g, '*');
}
