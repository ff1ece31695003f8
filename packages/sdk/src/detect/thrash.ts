import type { listen as Listen } from '../util/lifetime.js';
import { trackReversals } from '../util/reversals.js';
import type { EmitSignal } from './signal.js';
import type { DetectThresholds } from './thresholds.js';

/**
 * Thrashed cursor: the mouse (no button held) reverses direction again and again
 * with wide legs in a short time. Each axis is followed on its own; a small tremor
 * never makes a leg long enough to count.
 */
export function detectThrash(thresholds: DetectThresholds, signal: EmitSignal, listen: typeof Listen): void {
  const axes = [trackReversals(0), trackReversals(0)];
  let reversals: number[] = [];
  listen(window, 'pointermove', (event: PointerEvent) => {
    if (event.pointerType !== 'mouse' || event.buttons) return;
    const t = event.timeStamp;
    [event.clientX, event.clientY].forEach((position, i) => {
      if (axes[i]?.(position, thresholds.thrashLegPx)) reversals.push(t);
    });
    reversals = reversals.filter((time) => t - time <= thresholds.thrashWindowMs);
    if (reversals.length >= thresholds.thrashMinReversals) {
      signal('thrashed_cursor', reversals[0] as number, null, { reversals: reversals.length });
      reversals = [];
    }
  });
}
