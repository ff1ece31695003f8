import { type Batch, OTHER_CHOICE, type Question } from '@snag/protocol';
import { HttpError } from '../http/errors.js';
import type { QuestionCatalog } from './question-catalog.js';
import { isLive } from './question-view.js';

/**
 * Checks every `answer` event of a batch against the project's questions: the question
 * exists and is being asked, and the answer fits it (a choice it offers, a rating for a
 * rating question, text where it takes text). A misfit is a 400 naming the field, and
 * the batch is refused whole, like any invalid event. Batches without answers cost nothing.
 */
export async function checkAnswers(batch: Batch, projectId: string, catalog: QuestionCatalog, now: number) {
  if (!batch.events.some((event) => event.type === 'answer')) return;
  const questions = await catalog.questionsOf(projectId);
  for (const [index, event] of batch.events.entries()) {
    if (event.type !== 'answer') continue;
    const at = `events.${index}`;
    const question = questions.get(event.question_id);
    if (!question) throw invalid(`${at}.question_id`, `no question "${event.question_id}" in this project`);
    if (!isLive(question, now)) {
      throw invalid(`${at}.question_id`, `question "${event.question_id}" is not being asked (paused or ended)`);
    }
    if (event.choice !== undefined && !offers(question, event.choice)) {
      throw invalid(`${at}.choice`, `question "${question.id}" has no option "${event.choice}"`);
    }
    if (event.rating !== undefined && question.type !== 'rating') {
      throw invalid(`${at}.rating`, `question "${question.id}" is not a rating question`);
    }
    if (event.text !== undefined && !takesText(question, event.choice)) {
      throw invalid(`${at}.text`, `question "${question.id}" takes no text here`);
    }
  }
}

function offers(question: Question, choice: string): boolean {
  if (question.type !== 'choice') return false;
  return question.options.includes(choice) || (choice === OTHER_CHOICE && question.other);
}

/** A text question, the "other" option, or a question with a follow-up field. */
function takesText(question: Question, choice: string | undefined): boolean {
  return question.type === 'text' || question.follow_up !== null || (question.other && choice === OTHER_CHOICE);
}

function invalid(path: string, message: string): HttpError {
  return new HttpError(400, 'invalid_answer', `${path}: ${message}`, { path });
}
