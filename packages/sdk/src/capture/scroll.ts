import { SCROLL_REVERSAL_VIEWPORT_SHARE } from '../constants.js';
import type { CaptureContext } from '../types.js';
import { listen } from '../util/lifetime.js';
import { trackReversals } from '../util/reversals.js';
import { clampPixels } from './clicks.js';

/**
 * Scroll depth per page view, summarised into one `scroll` event when the page
 * view ends (route change or page hide) instead of one event per scroll.
 * Positions and the page height come from an IntersectionObserver on the root element, measured
 * with the next frame's layout: scrollY or scrollHeight would lay out whatever the page changed
 * since its last frame, inside the SDK's task (innerHeight never does).
 */
export function captureScroll(ctx: CaptureContext): () => void {
  let maxDepth = 0;
  let reversals = 0;
  let pageHeight: number | undefined;
  /** Positions read in this page view: the first is where it starts, every later one follows a scroll. */
  let reads = 0;
  let reversed!: ReturnType<typeof trackReversals>;
  const observer = new IntersectionObserver((entries) => {
    observer.disconnect();
    const { y, height } = (entries[0] as IntersectionObserverEntry).boundingClientRect;
    maxDepth = Math.max(maxDepth, innerHeight - y);
    // Like scrollHeight, never less than what was seen of the page.
    pageHeight = Math.max(height, maxDepth);
    // y is minus the scroll position: reversals of one are reversals of the other.
    if (!reads++) reversed = trackReversals(y);
    else if (reversed(y, innerHeight * SCROLL_REVERSAL_VIEWPORT_SHARE)) reversals++;
  });
  const read = () => observer.observe(document.documentElement);
  // Bubbling phase: only the page's own scrolling, not that of scrollable elements.
  listen(window, 'scroll', read, false);
  // Called by guarded callers only (a route change, page hide).
  const endPage = () => {
    if (reads > 1) {
      ctx.emit({
        type: 'scroll',
        max_depth: clampPixels(maxDepth),
        page_height: clampPixels(pageHeight as number),
        // innerHeight is a whole number of pixels.
        viewport_height: innerHeight,
        reversals,
      });
    }
    reads = reversals = maxDepth = 0;
    read();
  };

  read();
  return endPage;
}
