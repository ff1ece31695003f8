import type { AnswerOutcome, PublicQuestion, SignalEvent } from '@snag/protocol';
import { ASKED_KEY } from '../constants.js';
import type { CaptureContext, StartQuestions } from '../types.js';
import { reportInternal } from '../util/guard.js';
import { localStore } from '../util/storage.js';
import { CALM_CHECK_MS, CALM_WAIT_MAX_MS, MIN_PAGE_AGE_MS, QUESTION_GAP_MS, THANKS_MS } from './constants.js';
import { pickQuestion } from './pick-question.js';
import { isDarkPage, placeWidget } from './place-widget.js';
import { DEFAULT_WIDGET_STRINGS } from './widget-strings.js';
import { renderWidget, showThanks, type WidgetAnswer } from './widget-view.js';

/** One question at a time per page: set while one is waiting or showing. */
let busy = false;

/**
 * Puts the question aimed at this struggle (if any, and if sampled in) to the person, after
 * its delay, once the page view is a few seconds old and no form field has focus. Showing it
 * counts as asking: the person is not asked again for 14 days (so not this session). What
 * becomes of it (shown, answered, dismissed) goes out as `answer` events naming the signal.
 */
export const startQuestions = (questions: PublicQuestion[], ...[signal, ctx]: Parameters<StartQuestions>): void => {
  if (busy || Number(localStore.get(ASKED_KEY)) > Date.now()) return;
  const question = pickQuestion(questions, signal, location.pathname, ctx.options.release);
  if (!question || Math.random() >= question.sample_rate) return;
  busy = true;
  const giveUpAt = Date.now() + question.delay_ms + CALM_WAIT_MAX_MS;
  const attempt = () => {
    if (Date.now() > giveUpAt) {
      busy = false;
      return;
    }
    const typing = document.activeElement?.matches(
      'input,textarea,select,[contenteditable=""],[contenteditable="true"]',
    );
    if (typing || performance.now() < MIN_PAGE_AGE_MS) setTimeout(attempt, CALM_CHECK_MS);
    else ask(question, signal, ctx);
  };
  setTimeout(attempt, question.delay_ms);
};

function ask(question: PublicQuestion, signal: SignalEvent, ctx: CaptureContext) {
  localStore.set(ASKED_KEY, String(Date.now() + QUESTION_GAP_MS));
  const send = (outcome: AnswerOutcome, answer: WidgetAnswer = {}) =>
    ctx.emit({
      type: 'answer',
      question_id: question.id,
      outcome,
      ...answer,
      signal_id: signal.id,
      kind: signal.kind,
      ...(signal.element ? { element: signal.element } : {}),
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
    busy = false;
    if (inside && before?.isConnected) before.focus();
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
    target = signal.element ? document.querySelector(signal.element.selector) : null;
  } catch (error) {
    reportInternal(error);
  }
  placeWidget(view.panel, target);
  send('shown');
  view.focus();
}
