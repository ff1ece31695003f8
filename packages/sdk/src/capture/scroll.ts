import { SCROLL_REVERSAL_VIEWPORT_SHARE } from '../constants.js';
import type { CaptureContext } from '../types.js';
import { guard } from '../util/guard.js';
import { listen } from '../util/lifetime.js';
import { trackReversals } from '../util/reversals.js';
import { clampPixels } from './clicks.js';

/**
 * Scroll depth per page view, summarised into one `scroll` event when the page
 * view ends (route change or page hide) instead of one event per scroll.
 */
export function captureScroll(ctx: CaptureContext): () => void {
  let maxDepth = 0;
  let reversals = 0;
  let scrolled = false;
  let reversed = trackReversals(0);

  const reset = () => {
    scrolled = false;
    reversals = 0;
    reversed = trackReversals(window.scrollY);
    maxDepth = window.scrollY + window.innerHeight;
  };
  let pending: ReturnType<typeof setTimeout> | 0 = 0;
  // Bubbling phase: only the page's own scrolling, not that of scrollable elements. The position is
  // read in a task after the frame: read in the scroll event, it lays out what the page changed since.
  listen(
    window,
    'scroll',
    () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = 0;
        const y = window.scrollY;
        scrolled = true;
        maxDepth = Math.max(maxDepth, y + window.innerHeight);
        if (reversed(y, window.innerHeight * SCROLL_REVERSAL_VIEWPORT_SHARE)) reversals++;
      });
    },
    false,
  );
  const endPage = guard(() => {
    if (scrolled) {
      ctx.emit({
        type: 'scroll',
        max_depth: clampPixels(maxDepth),
        page_height: clampPixels(document.documentElement.scrollHeight),
        viewport_height: clampPixels(window.innerHeight),
        reversals,
      });
    }
    reset();
  });

  reset();
  return () => endPage();
}
