import { QUESTIONS_GLOBAL } from '../constants.js';
import { startQuestions } from '../questions/start-questions.js';

// The script-tag build loads this file when a question may be due; it hands the asking to the core through a global.
(window as unknown as Record<string, unknown>)[QUESTIONS_GLOBAL] = startQuestions;
