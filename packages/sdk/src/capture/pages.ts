import type { NavigationType } from '@snag/protocol';
import { MAX_TITLE_LENGTH } from '@snag/protocol/limits';
import type { CaptureContext } from '../types.js';
import { guard } from '../util/guard.js';
import { listen } from '../util/listen.js';
import { clampPixels } from './clicks.js';

/**
 * Page views: the full load (with how it was reached), SPA route changes through
 * pushState / replaceState / hashchange, history traversal (popstate) and
 * back-forward cache restores.
 */
export function capturePages(
  ctx: CaptureContext,
  onPageEnd: () => void,
): { stop(): void; view(navigation: NavigationType): void } {
  let lastHref = location.href;

  const view = (navigation: NavigationType) => {
    ctx.newPage();
    ctx.emit({
      type: 'page',
      navigation,
      referrer: navigation === 'spa' || navigation === 'back_forward' ? '' : referrerUrl(),
      title: document.title.slice(0, MAX_TITLE_LENGTH),
      viewport: { width: clampPixels(window.innerWidth), height: clampPixels(window.innerHeight) },
    });
  };
  const changed = guard((navigation: NavigationType) => {
    if (location.href === lastHref) return;
    lastHref = location.href;
    onPageEnd();
    view(navigation);
  });

  const history = window.history;
  const originalPush = history.pushState;
  const originalReplace = history.replaceState;
  history.pushState = function snagPushState(this: History, ...args: Parameters<History['pushState']>) {
    const result = originalPush.apply(this, args);
    changed('spa');
    return result;
  };
  history.replaceState = function snagReplaceState(this: History, ...args: Parameters<History['replaceState']>) {
    const result = originalReplace.apply(this, args);
    changed('spa');
    return result;
  };
  listen(window, ['popstate'], () => changed('back_forward'), false);
  listen(window, ['hashchange'], () => changed('spa'), false);
  listen(
    window,
    ['pageshow'],
    (event: PageTransitionEvent) => {
      if (event.persisted) view('back_forward');
    },
    false,
  );

  guard(view)(initialNavigation());
  return {
    view,
    stop() {
      history.pushState = originalPush;
      history.replaceState = originalReplace;
    },
  };
}

function initialNavigation(): NavigationType {
  const entry = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (entry?.type === 'reload') return 'reload';
  if (entry?.type === 'back_forward') return 'back_forward';
  return 'navigate';
}

function referrerUrl(): string {
  // Only the referrer's origin and path: its query may carry another site's tokens.
  try {
    const url = new URL(document.referrer);
    return url.protocol.startsWith('http') ? url.origin + url.pathname : '';
  } catch {
    return '';
  }
}
