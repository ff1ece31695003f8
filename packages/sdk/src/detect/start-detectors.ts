import { MAX_PROPERTY_VALUE_LENGTH } from '@snag/protocol/limits';
import { describeElement } from '../capture/element.js';
import type { OnError } from '../capture/errors.js';
import type { OnRequest } from '../capture/network.js';
import type { CaptureContext, StartLazyDetectors } from '../types.js';
import { reportInternal } from '../util/guard.js';
import { listen, onStop, patch } from '../util/lifetime.js';
import { isTextSurface } from './actionable.js';
import { detectClicks } from './clicks.js';
import { watchReactions } from './reactions.js';
import type { EmitSignal } from './signal.js';
import type { DetectThresholds } from './thresholds.js';

export interface Detectors {
  /** Network capture announces each request; the returned callback takes its final status. */
  request: OnRequest;
  error: OnError;
  endPage(): void;
}

/** Cross-origin scripts report only this; extensions' errors are not the page's. */
const FOREIGN_ERROR = /^Script error\.?$|^(chrome|moz|safari(-web)?)-extension:/;

/**
 * The struggle detectors, sharing one reaction stream; form struggle and thrashed cursor
 * come in a lazy chunk (lazy-detectors.ts), loaded as soon as the core runs. Signals carry the time of
 * the input that started them on the page's clock (the one replay events use).
 */
export function startDetectors(
  ctx: CaptureContext,
  thresholds: DetectThresholds,
  loadLazy: () => Promise<StartLazyDetectors>,
): Detectors {
  const signal: EmitSignal = (kind, time, element, details) =>
    ctx.emit(
      {
        type: 'signal',
        kind,
        ...(element ? { element: describeElement(element, ctx.selectors.text) } : {}),
        ...(details ? { details } : {}),
      },
      Math.round(performance.timeOrigin + time),
    );
  const input = watchReactions(thresholds, (time, node, focus) => clicks.react(time, node, focus));
  const clicks = detectClicks(thresholds, signal, input);
  let endForms: (() => void) | undefined;
  // A chunk that arrives after the client stopped must not hook into the page for good.
  let stopped = false;
  onStop(() => {
    stopped = true;
  });
  loadLazy().then((start) => {
    if (!stopped) endForms = start(thresholds, signal, listen, patch, clicks.react);
  }, reportInternal);
  // Keyboard activation reacts like a click does; typing in a field is not the user acting on the page.
  listen(window, 'keydown', (event: KeyboardEvent) => {
    if (event.target instanceof Element && !isTextSurface(event.target)) input(event.timeStamp);
  });
  return {
    request: clicks.request,
    error(message, source) {
      if (FOREIGN_ERROR.test(message) || FOREIGN_ERROR.test(source)) return;
      clicks.error(message.slice(0, MAX_PROPERTY_VALUE_LENGTH));
    },
    endPage() {
      clicks.endPage();
      endForms?.();
    },
  };
}
