import { ASSET_REPORT_MAX_PER_PAGE, ASSET_REPORT_TAG } from '../constants.js';
import { guard } from '../util/guard.js';

/** Resource Timing initiators that load what a replay needs: linked stylesheets and icons, what CSS pulls in, images. */
const INITIATORS = /^(link|css|img|image|input)$/;

/**
 * Lists the stylesheets (cross-origin ones too), fonts and images the page loaded, from
 * Resource Timing — what same-origin stylesheets pulled in (imports, fonts, backgrounds) and
 * the `srcset` / `<picture>` candidate chosen included — so the server can keep copies for
 * the replay (it finds what a cross-origin stylesheet pulls in by parsing it). Entries come
 * batched by the browser; they are listed in idle time, each URL once.
 */
export function startAssetReporter(emit: (tag: string, payload: { assets: { url: string; kind: string }[] }) => void) {
  const seen = new Set<string>();
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver(
      guard((list: PerformanceObserverEntryList) => {
        const assets: { url: string; kind: string }[] = [];
        for (const { name, initiatorType } of list.getEntries() as PerformanceResourceTiming[]) {
          const url = name.split('#')[0] as string;
          if (!INITIATORS.test(initiatorType) || seen.has(url) || seen.size >= ASSET_REPORT_MAX_PER_PAGE) continue;
          seen.add(url);
          const kind = /\.(woff2?|ttf|otf|eot)\b/i.test(url) ? 'font' : /\.css\b/i.test(url) ? 'stylesheet' : 'image';
          assets.push({ url, kind });
        }
        if (assets.length > 0)
          (window.requestIdleCallback ?? setTimeout)(guard(() => emit(ASSET_REPORT_TAG, { assets })));
      }),
    );
    observer.observe({ type: 'resource', buffered: true });
  } catch {}
  return () => observer?.disconnect();
}
