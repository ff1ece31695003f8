import { privacySelectors, within } from '../privacy/mask.js';
import type { CaptureContext } from '../types.js';
import { listen } from '../util/listen.js';
import { describeElement } from './element.js';

/** When a field is changed: which one and how long its value is. Values themselves never leave the page. */
export function captureInputs(ctx: CaptureContext): void {
  const selectors = privacySelectors(ctx.options);
  listen(document, ['change'], (event: Event) => {
    const field = event.target;
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
    if (within(field, selectors.ignore)) return;
    ctx.emit({
      type: 'input',
      element: describeElement(field, selectors.mask),
      input_type: field instanceof HTMLTextAreaElement ? 'textarea' : field.type.slice(0, 32),
      length: field.value.length,
    });
  });
}
