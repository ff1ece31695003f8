import type { Hotspot } from '@snag/protocol';
import { useCallback } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { kindInfo } from '../../lib/signal-kinds';
import { elementBox, PageSnapshot, type RebuiltPage } from '../../snapshot/page-snapshot';
import { usePageRecording, useSessionMoment } from '../../snapshot/use-page-recording';

/** The page as the first example session saw it at the struggle, with the element outlined. */
export function HotspotSnapshot({ project, hotspot, from }: { project: string; hotspot: Hotspot; from: string }) {
  const example = hotspot.examples[0];
  // An element is shown as it was at the struggle; a page-level struggle shows its page.
  const atMoment = useSessionMoment(
    project,
    hotspot.element ? example?.session_id : undefined,
    example?.offset_ms ?? 0,
  );
  const ofPage = usePageRecording(project, hotspot.element ? '' : hotspot.path, from, '');
  const moment = hotspot.element ? atMoment : ofPage;
  const selector = hotspot.element?.selector;
  const color = kindInfo(hotspot.kind).color;
  const focusTop = useCallback(
    (page: RebuiltPage) => (selector ? (elementBox(page, selector)?.top ?? null) : null),
    [selector],
  );
  const overlay = useCallback(
    (page: RebuiltPage) => {
      if (!selector) return null;
      const box = elementBox(page, selector);
      if (!box) return null;
      return (
        <div
          className="element-highlight"
          data-testid="element-highlight"
          style={{
            left: box.left - 4,
            top: box.top - 4,
            width: box.width + 8,
            height: box.height + 8,
            borderColor: color,
          }}
        >
          <span className="element-highlight-label" style={{ background: `color-mix(in srgb, ${color} 70%, #000)` }}>
            {kindInfo(hotspot.kind).label}
          </span>
        </div>
      );
    },
    [selector, color, hotspot.kind],
  );

  if (!example) return <EmptyState title="No example session">No session of this hotspot has a replay.</EmptyState>;
  if (moment.isPending) return <LoadingState label="Rebuilding the page…" rows={5} />;
  if (moment.isError) return <ErrorState error={moment.error} onRetry={() => moment.refetch()} />;
  if (!moment.data) {
    return (
      <EmptyState title="No page snapshot recorded">
        The example sessions were not recorded with replay, so the page cannot be rebuilt. Their events are still in the
        replay view.
      </EmptyState>
    );
  }
  return (
    <PageSnapshot
      recording={moment.data}
      overlay={overlay}
      focusTop={focusTop}
      label={`${hotspot.path} as recorded at the struggle`}
    />
  );
}
