import { REPLAY_LAYOUT_READ_WAIT_MS } from '../constants.js';

export interface ScrollOffset {
  left: number;
  top: number;
}

/**
 * A scroll position read where the page's layout is already clean, never forcing one: scrollX/scrollY
 * and scrollTop lay out whatever the page changed since its last frame, inside the recorder's task
 * (on a 60,000-cell page that changes 3,000 cells a second, ~100 ms).
 * - The document's position comes from an IntersectionObserver on its root element: the browser
 *   measures it while it renders the next frame, with the layout it has just done.
 * - An element's position (a scrolled container, a text field whose text scrolls) is read in a
 *   ResizeObserver's first notification, which the browser delivers inside the next frame right
 *   after laying it out.
 * A tab that draws no frames (hidden) gets a direct read after REPLAY_LAYOUT_READ_WAIT_MS.
 */
export function readScrollAfterLayout(target: Node, done: (offset: ScrollOffset) => void): void {
  const doc = target.ownerDocument ?? (target as Document);
  const win = doc.defaultView;
  let pending = true;
  let observer: { disconnect(): void } | undefined;
  const finish = (read: () => ScrollOffset) => {
    if (!pending) return;
    pending = false;
    observer?.disconnect();
    clearTimeout(timer);
    done(read());
  };
  const element = target as Element;
  const direct = () =>
    target === doc
      ? { left: win?.scrollX ?? 0, top: win?.scrollY ?? 0 }
      : { left: element.scrollLeft, top: element.scrollTop };
  const timer = setTimeout(() => finish(direct), REPLAY_LAYOUT_READ_WAIT_MS);
  if (target === doc && typeof IntersectionObserver === 'function') {
    const intersection = new IntersectionObserver((entries) => {
      const box = (entries[0] as IntersectionObserverEntry).boundingClientRect;
      finish(() => ({ left: -box.left, top: -box.top }));
    });
    intersection.observe(doc.documentElement);
    observer = intersection;
  } else {
    // A ResizeObserver's first notification comes in the next frame, right after its layout.
    const resize = new ResizeObserver(() => finish(direct));
    resize.observe(target === doc ? doc.documentElement : element);
    observer = resize;
  }
}
