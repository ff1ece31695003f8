import { MAX_PROPERTY_VALUE_LENGTH } from '@snag/protocol/limits';
import { describeElement } from '../capture/element.js';
import { privacySelectors } from '../privacy/mask.js';
import { stripQueriesInText } from '../privacy/url.js';
import type { CaptureContext } from '../types.js';
import { listen } from '../util/listen.js';
import { isTextSurface } from './actionable.js';
import { detectClicks } from './clicks.js';
import { detectForms } from './forms.js';
import { watchReactions } from './reactions.js';
import type { EmitSignal } from './signal.js';
import { detectThrash } from './thrash.js';
import type { DetectThresholds } from './thresholds.js';

export interface Detectors {
  /** Network capture announces each request; the returned callback takes its final status. */
  request(): ((status: number) => void) | undefined;
  endPage(): void;
  stop(): void;
}

/** Cross-origin scripts report only this; extensions' errors are not the page's. */
const FOREIGN_ERROR = /^Script error\.?$|^(chrome|moz|safari(-web)?)-extension:/;

/**
 * The struggle detectors, sharing one reaction stream. Signals carry the time of
 * the input that started them on the page's clock (the one replay events use).
 */
export function startDetectors(ctx: CaptureContext, thresholds: DetectThresholds): Detectors {
  const selectors = privacySelectors(ctx.options);
  const textMask = `${selectors.mask}, ${selectors.block}`;
  const signal: EmitSignal = (kind, time, element, details) =>
    ctx.emit(
      {
        type: 'signal',
        kind,
        ...(element ? { element: describeElement(element, textMask) } : {}),
        ...(details ? { details } : {}),
      },
      Math.round(performance.timeOrigin + time),
    );
  const reactions = watchReactions(thresholds, (time, node, focus) => clicks.react(time, node, focus));
  const clicks = detectClicks(thresholds, signal, selectors.ignore, reactions.input);
  const endForms = detectForms(signal, selectors.ignore);
  detectThrash(thresholds, signal);
  // Keyboard activation reacts like a click does; typing in a field is not the user acting on the page.
  listen(window, ['keydown'], (event: KeyboardEvent) => {
    if (event.target instanceof Element && !isTextSurface(event.target)) reactions.input(event.timeStamp);
  });
  listen(window, ['error', 'unhandledrejection'], (event: ErrorEvent | PromiseRejectionEvent) => {
    const reason = 'reason' in event ? event.reason : (event.error ?? event.message);
    const message = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
    if (!('reason' in event) && !event.message && !event.error) return;
    if (FOREIGN_ERROR.test(message) || FOREIGN_ERROR.test((event as ErrorEvent).filename ?? '')) return;
    clicks.error(stripQueriesInText(message).slice(0, MAX_PROPERTY_VALUE_LENGTH));
  });
  return {
    request: clicks.request,
    endPage() {
      clicks.endPage();
      endForms();
    },
    stop() {
      clicks.stop();
      reactions.stop();
    },
  };
}
