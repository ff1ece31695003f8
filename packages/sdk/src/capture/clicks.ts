import { IGNORE_SELECTOR, within } from '../privacy/mask.js';
import type { CaptureContext } from '../types.js';
import { listen } from '../util/lifetime.js';
import { clickTarget, describeElement } from './element.js';

/** Clicks anywhere in the document, with page coordinates and a stable element description. */
export function captureClicks(ctx: CaptureContext): void {
  listen(document, 'click', (event: MouseEvent) => {
    const { target } = event;
    if (!(target instanceof Element) || within(target, IGNORE_SELECTOR)) return;
    const doc = document.documentElement;
    ctx.emit({
      type: 'click',
      element: describeElement(clickTarget(target), ctx.selectors.text),
      x: clampPixels(event.pageX),
      y: clampPixels(event.pageY),
      page_width: clampPixels(doc.scrollWidth),
      page_height: clampPixels(doc.scrollHeight),
    });
  });
}

export function clampPixels(value: number): number {
  return Math.min(1_000_000, Math.max(0, Math.round(value || 0)));
}
