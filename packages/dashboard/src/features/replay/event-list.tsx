import { type CSSProperties, useEffect, useRef } from 'react';
import { formatClock } from '../../lib/format';
import type { ReplayItem } from './replay-model';

/** Every page, click, signal, error and failed request in order; choosing one seeks the player there. */
export function EventList({
  items,
  position,
  onSeek,
}: {
  items: ReplayItem[];
  position: number;
  onSeek: (offset: number) => void;
}) {
  const list = useRef<HTMLOListElement>(null);
  let activeIndex = -1;
  for (const [index, item] of items.entries()) if (item.offset <= position) activeIndex = index;

  useEffect(() => {
    const container = list.current;
    const active = container?.querySelector<HTMLElement>('[data-active="true"]');
    if (!container || !active) return;
    const top = active.offsetTop - container.offsetTop;
    if (top < container.scrollTop || top > container.scrollTop + container.clientHeight - active.offsetHeight) {
      container.scrollTop = top - container.clientHeight / 3;
    }
  });

  if (items.length === 0) return <p className="muted pad">No events recorded in this session.</p>;
  return (
    <ol className="event-list" ref={list} aria-label="Events">
      {items.map((item, index) => (
        <li key={item.id} data-active={index === activeIndex ? 'true' : undefined} data-kind={item.kind}>
          <button
            type="button"
            onClick={() => onSeek(item.offset)}
            style={{ '--marker': item.color } as CSSProperties}
            aria-current={index === activeIndex ? 'true' : undefined}
          >
            <span className="event-time">{formatClock(item.offset)}</span>
            <span className="event-dot" aria-hidden="true" />
            <span className="event-text">
              <span className="event-label">{item.label}</span>
              <span className="event-detail">{item.detail}</span>
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
