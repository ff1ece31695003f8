import { QUESTIONS_GLOBAL } from '../constants.js';
import { startQuestions } from '../questions/start-questions.js';
import { guard } from '../util/guard.js';

// The script-tag build loads this file when a question may be due; it hands the asking to the core through a global.
// Guarded: nothing the chunk throws reaches the page (the core hands it over without a catch of its own).
(window as unknown as Record<string, unknown>)[QUESTIONS_GLOBAL] = guard(startQuestions);
