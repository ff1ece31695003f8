import type { CSSProperties, KeyboardEvent, MouseEvent } from 'react';
import { formatClock } from '../../lib/format';
import type { ReplayItem } from './replay-model';

const KEY_STEP_MS = 5_000;

/** The session on one bar: progress, a coloured marker per signal, error and page change, and a band per recording gap. */
export function Timeline({
  position,
  duration,
  markers,
  onSeek,
}: {
  position: number;
  duration: number;
  markers: ReplayItem[];
  onSeek: (offset: number) => void;
}) {
  const span = Math.max(duration, 1);
  const percent = (offset: number) => `${Math.min(100, Math.max(0, (offset / span) * 100))}%`;
  const seekFromPointer = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    onSeek(((event.clientX - box.left) / box.width) * span);
  };
  const seekFromKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const target =
      event.key === 'ArrowRight'
        ? position + KEY_STEP_MS
        : event.key === 'ArrowLeft'
          ? position - KEY_STEP_MS
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? span
              : null;
    if (target === null) return;
    event.preventDefault();
    event.stopPropagation();
    onSeek(Math.max(0, Math.min(span, target)));
  };
  return (
    <div className="timeline">
      <div
        className="timeline-track"
        role="slider"
        tabIndex={0}
        aria-label="Playback position"
        aria-valuemin={0}
        aria-valuemax={Math.round(span)}
        aria-valuenow={Math.round(position)}
        aria-valuetext={`${formatClock(position)} of ${formatClock(span)}`}
        onClick={seekFromPointer}
        onKeyDown={seekFromKey}
      >
        <div className="timeline-progress" style={{ width: percent(position) }} />
        <div className="timeline-thumb" style={{ left: percent(position) }} />
      </div>
      <div className="timeline-markers" data-testid="timeline-markers">
        {markers.map((marker) => (
          <button
            key={marker.id}
            type="button"
            tabIndex={-1}
            className={`timeline-marker marker-${marker.kind}`}
            style={
              {
                left: percent(marker.offset),
                width: marker.until === undefined ? undefined : percent(marker.until - marker.offset),
                '--marker': marker.color,
              } as CSSProperties
            }
            title={`${formatClock(marker.offset)} · ${marker.label}: ${marker.detail}`}
            aria-label={`${marker.label} at ${formatClock(marker.offset)}`}
            data-kind={marker.signalKind ?? marker.kind}
            data-offset={Math.round(marker.offset)}
            onClick={() => onSeek(marker.offset)}
          />
        ))}
      </div>
    </div>
  );
}
