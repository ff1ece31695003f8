import { REPLAY_LAYOUT_READ_WAIT_MS } from '../constants.js';

/**
 * A scroll position read where the page's layout is already clean, never forcing one: scrollX/scrollY
 * and scrollTop lay out whatever the page changed since its last frame, inside the recorder's task
 * (on a 60,000-cell page that changes 3,000 cells a second, ~100 ms). The position of the document
 * (its scrolling element) or of an element (a scrolled container, a text field whose text scrolls)
 * is read in a ResizeObserver's first notification, which the browser delivers inside the next
 * frame right after laying it out. A tab that draws no frames (hidden) gets a direct read after
 * REPLAY_LAYOUT_READ_WAIT_MS.
 */
export function readScrollAfterLayout(target: Node, done: (left: number, top: number) => void): void {
  const doc = target.ownerDocument ?? (target as Document);
  const element = target === doc ? (doc.scrollingElement ?? doc.documentElement) : (target as Element);
  let pending = true;
  const finish = () => {
    if (!pending) return;
    pending = false;
    observer.disconnect();
    clearTimeout(timer);
    done(element.scrollLeft, element.scrollTop);
  };
  const timer = setTimeout(finish, REPLAY_LAYOUT_READ_WAIT_MS);
  const observer = new ResizeObserver(finish);
  observer.observe(element);
}
