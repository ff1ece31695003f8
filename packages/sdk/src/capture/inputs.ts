import { IGNORE_SELECTOR, within } from '../privacy/mask.js';
import type { CaptureContext } from '../types.js';
import { listen } from '../util/lifetime.js';
import { describeElement } from './element.js';

/** When a field is changed: which one and how long its value is. Values themselves never leave the page. */
export function captureInputs(ctx: CaptureContext): void {
  listen(document, 'change', (event: Event) => {
    const field = event.target;
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
    if (within(field, IGNORE_SELECTOR)) return;
    ctx.emit({
      type: 'input',
      element: describeElement(field, ctx.selectors.mask),
      input_type: field instanceof HTMLTextAreaElement ? 'textarea' : field.type.slice(0, 32),
      length: field.value.length,
    });
  });
}
