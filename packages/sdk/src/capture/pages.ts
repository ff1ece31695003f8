import type { NavigationType } from '@snag/protocol';
import { MAX_TITLE_LENGTH } from '@snag/protocol/limits';
import { stripQuery } from '../privacy/url.js';
import type { CaptureContext } from '../types.js';
import { guard } from '../util/guard.js';
import { listen, patch } from '../util/lifetime.js';

/**
 * Page views: the full load (with how it was reached), SPA route changes through
 * pushState / replaceState / hashchange, history traversal (popstate) and
 * back-forward cache restores. Returns what starts a page view.
 */
export function capturePages(ctx: CaptureContext, onPageEnd: () => void): (navigation: NavigationType) => void {
  let lastHref = location.href;

  const view = (navigation: NavigationType) => {
    ctx.newPage();
    // Only the referrer's origin and path: its query may carry another site's tokens.
    const referrer = navigation === 'spa' || navigation === 'back_forward' ? '' : stripQuery(document.referrer);
    ctx.emit({
      type: 'page',
      navigation,
      referrer: referrer.startsWith('http') ? referrer : '',
      title: document.title.slice(0, MAX_TITLE_LENGTH),
      // Whole pixels, and never a forced layout (unlike clientWidth or scrollY).
      viewport: { width: innerWidth, height: innerHeight },
    });
  };
  const changed = guard((navigation: NavigationType) => {
    if (location.href === lastHref) return;
    lastHref = location.href;
    onPageEnd();
    view(navigation);
  });

  for (const name of ['pushState', 'replaceState'] as const) {
    patch(
      history,
      name,
      (original) =>
        function snagHistory(this: History, ...args: Parameters<History['pushState']>) {
          const result = original.apply(this, args);
          changed('spa');
          return result;
        },
    );
  }
  listen(window, 'popstate', () => changed('back_forward'), false);
  listen(window, 'hashchange', () => changed('spa'), false);
  listen(
    window,
    'pageshow',
    (event: PageTransitionEvent) => {
      if (event.persisted) view('back_forward');
    },
    false,
  );

  guard(view)(initialNavigation());
  return view;
}

function initialNavigation(): NavigationType {
  const type = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type;
  return type === 'reload' || type === 'back_forward' ? type : 'navigate';
}
