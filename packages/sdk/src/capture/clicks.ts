import { privacySelectors, within } from '../privacy/mask.js';
import type { CaptureContext } from '../types.js';
import { listen } from '../util/listen.js';
import { clickTarget, describeElement } from './element.js';

/** Clicks anywhere in the document, with page coordinates and a stable element description. */
export function captureClicks(ctx: CaptureContext): void {
  const selectors = privacySelectors(ctx.options);
  // Text of blocked elements is as private as masked text.
  const textMask = `${selectors.mask}, ${selectors.block}`;
  listen(document, ['click'], (event: MouseEvent) => {
    if (!(event.target instanceof Element)) return;
    if (within(event.target, selectors.ignore)) return;
    const element = clickTarget(event.target);
    const doc = document.documentElement;
    ctx.emit({
      type: 'click',
      element: describeElement(element, textMask),
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
