import { listen } from '../util/lifetime.js';
import type { EmitSignal } from './signal.js';
import type { DetectThresholds } from './thresholds.js';

/**
 * Thrashed cursor: the mouse (no button held) reverses direction again and again
 * with wide legs in a short time. Each axis is followed on its own; a small tremor
 * never makes a leg long enough to count.
 */
export function detectThrash(thresholds: DetectThresholds, signal: EmitSignal): void {
  const axes = [0, 1].map(() => ({ last: 0, start: 0, direction: 0 }));
  let reversals: number[] = [];
  listen(window, 'pointermove', (event: PointerEvent) => {
    if (event.pointerType !== 'mouse' || event.buttons) return;
    const t = event.timeStamp;
    [event.clientX, event.clientY].forEach((position, i) => {
      const axis = axes[i] as (typeof axes)[number];
      const direction = Math.sign(position - axis.last);
      if (direction && direction !== axis.direction) {
        if (axis.direction && Math.abs(axis.last - axis.start) >= thresholds.thrashLegPx) reversals.push(t);
        axis.direction = direction;
        axis.start = axis.last;
      }
      axis.last = position;
    });
    reversals = reversals.filter((time) => t - time <= thresholds.thrashWindowMs);
    if (reversals.length >= thresholds.thrashMinReversals) {
      signal('thrashed_cursor', reversals[0] as number, null, { reversals: reversals.length });
      reversals = [];
    }
  });
}
