import type { RecordedEvent } from '@snag/protocol';
import { RRWEB_FULL_SNAPSHOT, RRWEB_META } from '../features/replay/replay-model';
import { pathOf } from '../lib/format';

/** Events of one recorded page view, and the moment to show it at. */
export interface PageRecording {
  events: RecordedEvent[];
  at: number;
  url: string;
}

/** `/orders/:id` matches `/orders/8812`; a concrete path matches itself. */
export function pathMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`).test(path);
}

function hasContent(snapshot: RecordedEvent): boolean {
  const node = (snapshot.data as { node?: { childNodes?: unknown[] } }).node;
  return (node?.childNodes?.length ?? 0) > 0;
}

interface PageView {
  meta: RecordedEvent;
  url: string;
  events: RecordedEvent[];
  snapshot: RecordedEvent;
}

/** The recording cut into page views (each starts at a meta event), those with a non-empty snapshot only. */
function pageViews(events: RecordedEvent[]): PageView[] {
  const views: PageView[] = [];
  for (let index = 0; index < events.length; index++) {
    const meta = events[index];
    if (meta?.type !== RRWEB_META) continue;
    let end = index + 1;
    while (end < events.length && events[end]?.type !== RRWEB_META) end++;
    const slice = events.slice(index, end);
    const snapshot = slice.find((event) => event.type === RRWEB_FULL_SNAPSHOT);
    if (snapshot && hasContent(snapshot)) {
      views.push({ meta, url: (meta.data as { href?: string }).href ?? '', events: slice, snapshot });
    }
    index = end - 1;
  }
  return views;
}

/**
 * One recorded page view and the moment to show it at: the first view of `path`
 * (shown just after its snapshot), or, without a path, the view the user was on
 * at `at` (shown at that moment). Views whose snapshot is empty do not count.
 */
export function findPageRecording(events: RecordedEvent[], path: string | null, at?: number): PageRecording | null {
  const views = pageViews(events);
  const view =
    path !== null
      ? views.find((entry) => pathMatches(path, pathOf(entry.url).split('#')[0] ?? ''))
      : (views.filter((entry) => at === undefined || entry.meta.timestamp <= at).at(-1) ?? views[0]);
  if (!view) return null;
  const shownAt = path === null && at !== undefined && at >= view.snapshot.timestamp ? at : view.snapshot.timestamp + 1;
  return { events: view.events, at: shownAt, url: view.url };
}
