import type { PublicConfig, PublicQuestion, SignalEvent } from '@snag/protocol';
import type { ConfigModule } from '../types.js';
import { showFeedbackTab } from './feedback-tab.js';
import { startQuestions } from './start-questions.js';

/**
 * The default export of `/v1/config.js` (the server binds the live questions and the feedback
 * tab's settings in): unless the code says `questions: false`, shows the feedback tab when the project has it on, and returns what the
 * core hands each struggle signal to — the struggle questions, and the memory of the page's
 * latest struggle that a feedback answer names.
 */
export function startPage(
  questions: PublicQuestion[],
  feedback: PublicConfig['feedback'],
  ...[ctx, onStop]: Parameters<ConfigModule['default']>
): ((signal: SignalEvent) => void) | undefined {
  // `questions: false` in the code: no question, no feedback tab.
  if (ctx.options.questions === false) return undefined;
  let last: { signal: SignalEvent; href: string } | undefined;
  if (feedback && typeof feedback.text === 'string' && typeof feedback.question_id === 'string') {
    // A struggle counts for feedback given on the same page (a route change starts another page view).
    showFeedbackTab(feedback, ctx, onStop, () => (last?.href === location.href ? last.signal : undefined));
  }
  return (signal) => {
    last = { signal, href: location.href };
    if (questions.length > 0) startQuestions(questions, signal, ctx);
  };
}
