import type { ResolvedOptions } from '../types.js';

export const MASK_ATTRIBUTE_SELECTOR = '[data-snag-mask]';
export const BLOCK_ATTRIBUTE_SELECTOR = '[data-snag-block]';
export const IGNORE_ATTRIBUTE_SELECTOR = '[data-snag-ignore]';

export interface PrivacySelectors {
  mask: string;
  block: string;
  ignore: string;
}

export function privacySelectors(options: ResolvedOptions): PrivacySelectors {
  return {
    mask: join(MASK_ATTRIBUTE_SELECTOR, options.maskTextSelector),
    block: join(BLOCK_ATTRIBUTE_SELECTOR, options.blockSelector),
    ignore: IGNORE_ATTRIBUTE_SELECTOR,
  };
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
