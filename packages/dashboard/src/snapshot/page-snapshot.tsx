import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type eventWithTime, Replayer } from 'rrweb';
import type { PageRecording } from './page-recording';

export interface RebuiltPage {
  doc: Document;
  width: number;
  height: number;
}

/**
 * A recorded page rebuilt by rrweb at one moment, laid out at its full height
 * and scaled to the available width, with `overlay` drawn on top in page pixels.
 * rrweb rebuilds into an iframe sandboxed to `allow-same-origin` only, so the
 * recording's scripts, handlers and `javascript:` URLs never run.
 */
export function PageSnapshot({
  recording,
  overlay,
  focusTop,
  label,
}: {
  recording: PageRecording;
  overlay?: (page: RebuiltPage) => ReactNode;
  /** Page y (px) to scroll into view once rebuilt. */
  focusTop?: (page: RebuiltPage) => number | null;
  label: string;
}) {
  const frame = useRef<HTMLElement>(null);
  const mount = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState<RebuiltPage | null>(null);
  const [available, setAvailable] = useState(0);

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setAvailable(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const root = mount.current;
    const first = recording.events[0];
    if (!root || !first) return;
    const replayer = new Replayer(recording.events as unknown as eventWithTime[], {
      root,
      showWarning: false,
      mouseTail: false,
      triggerFocus: false,
    });
    replayer.pause(Math.max(0, recording.at - first.timestamp));
    const iframe = replayer.iframe;
    iframe.title = label;
    const measure = () => {
      const doc = iframe.contentDocument;
      if (!doc?.documentElement) return;
      const width = Number(iframe.getAttribute('width')) || doc.documentElement.clientWidth;
      const height = Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0);
      if (String(height) !== iframe.getAttribute('height')) iframe.setAttribute('height', String(height));
      setPage((previous) =>
        previous && previous.doc === doc && previous.width === width && previous.height === height
          ? previous
          : { doc, width, height },
      );
    };
    const frameId = requestAnimationFrame(measure);
    const observer = new ResizeObserver(measure);
    const body = iframe.contentDocument?.body;
    if (body) observer.observe(body);
    return () => {
      cancelAnimationFrame(frameId);
      observer.disconnect();
      replayer.destroy();
      root.replaceChildren();
      setPage(null);
    };
  }, [recording, label]);

  const scale = page && available > 0 ? Math.min(1, available / page.width) : 1;

  useEffect(() => {
    if (!page || !focusTop || !frame.current) return;
    const top = focusTop(page);
    if (top !== null) frame.current.scrollTop = Math.max(0, top * scale - frame.current.clientHeight / 3);
  }, [page, focusTop, scale]);

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus so the keyboard can scroll it
    <section className="snapshot-frame" ref={frame} aria-label={label} tabIndex={0}>
      <div
        className="snapshot-stage"
        style={{ width: (page?.width ?? 0) * scale || undefined, height: page ? page.height * scale : undefined }}
      >
        <div
          className="snapshot-scaled"
          style={{ transform: `scale(${scale})`, width: page?.width, height: page?.height }}
          data-testid="page-snapshot"
          data-ready={page ? 'true' : 'false'}
        >
          <div ref={mount} className="snapshot-mount" />
          {page && overlay ? <div className="snapshot-overlay">{overlay(page)}</div> : null}
        </div>
      </div>
    </section>
  );
}

/** Where an element of the rebuilt page is, in page pixels; null when the selector finds nothing. */
export function elementBox(page: RebuiltPage, selector: string): DOMRect | null {
  try {
    const element = page.doc.querySelector(selector);
    return element ? element.getBoundingClientRect() : null;
  } catch {
    return null;
  }
}
