import type { PublicQuestion } from '@snag/protocol';
import { ASKED_KEY } from '../constants.js';
import type { StartQuestions } from '../types.js';
import { localStore } from '../util/storage.js';
import { askQuestion, widgetState } from './ask-question.js';
import { CALM_CHECK_MS, CALM_WAIT_MAX_MS, MIN_PAGE_AGE_MS, QUESTION_GAP_MS } from './constants.js';
import { pickQuestion } from './pick-question.js';

/**
 * Puts the question aimed at this struggle (if any, and if sampled in) to the person, after
 * its delay, once the page view is a few seconds old, no form field has focus and no other
 * widget is open. Showing it
 * counts as asking: the person is not asked again for 14 days (so not this session). What
 * becomes of it (shown, answered, dismissed) goes out as `answer` events naming the signal.
 */
export const startQuestions = (questions: PublicQuestion[], ...[signal, ctx]: Parameters<StartQuestions>): void => {
  if (widgetState.waiting || widgetState.showing || Number(localStore.get(ASKED_KEY)) > Date.now()) return;
  const question = pickQuestion(questions, signal, location.pathname, ctx.options.release);
  if (!question || Math.random() >= question.sample_rate) return;
  widgetState.waiting = true;
  const giveUpAt = Date.now() + question.delay_ms + CALM_WAIT_MAX_MS;
  const attempt = () => {
    if (Date.now() > giveUpAt) {
      widgetState.waiting = false;
      return;
    }
    const typing = document.activeElement?.matches(
      'input,textarea,select,[contenteditable=""],[contenteditable="true"]',
    );
    // The feedback tab's widget may be open: the question waits for it too.
    if (typing || widgetState.showing || performance.now() < MIN_PAGE_AGE_MS) setTimeout(attempt, CALM_CHECK_MS);
    else {
      widgetState.waiting = false;
      localStore.set(ASKED_KEY, String(Date.now() + QUESTION_GAP_MS));
      askQuestion(question, signal, ctx);
    }
  };
  setTimeout(attempt, question.delay_ms);
};
