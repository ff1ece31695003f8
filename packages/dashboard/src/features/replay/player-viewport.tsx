import { type RefObject, useEffect, useRef, useState } from 'react';

/** Scales the recorded viewport (rrweb's wrapper inside `mountRef`) to fit the space the layout gives it. */
export function PlayerViewport({
  mountRef,
  viewport,
}: {
  mountRef: RefObject<HTMLDivElement | null>;
  viewport: { width: number; height: number };
}) {
  const outer = useRef<HTMLDivElement>(null);
  const [space, setSpace] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = outer.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSpace({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const scale = Math.min(1, space.width / viewport.width, space.height / viewport.height) || 1;
  return (
    <div className="player-viewport" ref={outer}>
      <div className="player-stage" style={{ width: viewport.width * scale, height: viewport.height * scale }}>
        <div
          ref={mountRef}
          className="player-mount"
          data-testid="player"
          style={{ width: viewport.width, height: viewport.height, transform: `scale(${scale})` }}
        />
      </div>
    </div>
  );
}
