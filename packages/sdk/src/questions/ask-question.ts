import type { AnswerOutcome, SignalEvent } from '@snag/protocol';
import type { CaptureContext } from '../types.js';
import { reportInternal } from '../util/guard.js';
import { THANKS_MS } from './constants.js';
import { isDarkPage, placeWidget } from './place-widget.js';
import { DEFAULT_WIDGET_STRINGS } from './widget-strings.js';
import { renderWidget, showThanks, type WidgetAnswer, type WidgetQuestion } from './widget-view.js';

/** One widget at a time per page: `showing` while one is on screen, `waiting` while a struggle question waits for calm. */
export const widgetState = { showing: false, waiting: false };

/**
 * Shows `question` in the widget now and sends what becomes of it (shown, answered, dismissed)
 * as `answer` events naming `signal` (the struggle that preceded it, if any), so the answer
 * lands on that hotspot and replay moment. `onClose` runs once the widget is gone.
 */
export function askQuestion(
  question: WidgetQuestion,
  signal: SignalEvent | undefined,
  ctx: CaptureContext,
  onClose?: () => void,
): void {
  widgetState.showing = true;
  const send = (outcome: AnswerOutcome, answer: WidgetAnswer = {}) =>
    ctx.emit({
      type: 'answer',
      question_id: question.id,
      outcome,
      ...answer,
      ...(signal
        ? { signal_id: signal.id, kind: signal.kind, ...(signal.element ? { element: signal.element } : {}) }
        : {}),
    });
  const { questions: settings } = ctx.options;
  const custom = typeof settings === 'object' ? settings.strings : undefined;
  const strings = { ...DEFAULT_WIDGET_STRINGS, ...custom };
  const before = document.activeElement as HTMLElement | null;
  const host = document.createElement('snag-question');
  // The SDK's own clicks and typing in the widget are not the page's: capture and detection skip them.
  host.setAttribute('data-snag-ignore', '');
  document.body.append(host);
  const close = () => {
    const inside = document.activeElement === host;
    view.remove();
    widgetState.showing = false;
    if (onClose) onClose();
    else if (inside && before?.isConnected) before.focus();
  };
  const view = renderWidget(
    host,
    question,
    strings,
    {
      answer(answer) {
        send('answered', answer);
        showThanks(view, strings);
        setTimeout(close, THANKS_MS);
      },
      dismiss() {
        send('dismissed');
        close();
      },
    },
    isDarkPage(),
  );
  let target: Element | null = null;
  try {
    target = signal?.element ? document.querySelector(signal.element.selector) : null;
  } catch (error) {
    reportInternal(error);
  }
  placeWidget(view.panel, target);
  send('shown');
  view.focus();
}
