import { QUESTIONS_GLOBAL, START_GLOBAL } from '../constants.js';
import { startPage } from '../questions/start-page.js';
import { startQuestions } from '../questions/start-questions.js';
import { guard } from '../util/guard.js';

// The server serves this chunk inside `/v1/config.js` (today's cores: START_GLOBAL, once per page) and
// `/v1/questions.js` (older cores: QUESTIONS_GLOBAL, at each struggle); it hands its functions over through globals.
// Guarded: nothing the chunk throws reaches the page (the core hands it over without a catch of its own).
const globals = window as unknown as Record<string, unknown>;
globals[QUESTIONS_GLOBAL] = guard(startQuestions);
globals[START_GLOBAL] = guard((...args: Parameters<typeof startPage>) => {
  const onSignal = startPage(...args);
  return onSignal && guard(onSignal);
});
