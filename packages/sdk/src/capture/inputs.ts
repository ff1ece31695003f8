import { IGNORE_SELECTOR, within } from '../privacy/mask.js';
import type { CaptureContext } from '../types.js';
import { listen } from '../util/lifetime.js';
import { describeElement } from './element.js';

/** When a field is changed: which one and how long its value is. Values themselves never leave the page. */
export function captureInputs(ctx: CaptureContext): void {
  listen(document, 'change', (event: Event) => {
    const field = event.target as HTMLInputElement;
    // Selects and other targets are left out; `matches?.`: the target may be the document.
    if (!field.matches?.('input,textarea')) return;
    if (within(field, IGNORE_SELECTOR)) return;
    ctx.emit({
      type: 'input',
      element: describeElement(field, ctx.selectors.mask),
      // A textarea's `type` is 'textarea'.
      input_type: field.type.slice(0, 32),
      length: field.value.length,
    });
  });
}
