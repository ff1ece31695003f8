import type { PublicQuestion, PublicQuestionsResponse } from '@snag/protocol';
import { FEEDBACK_QUESTION_ID } from './feedback-question.js';
import type { QuestionCatalog } from './question-catalog.js';
import { isLive } from './question-view.js';

/**
 * What the SDK needs to know about a project's questions at `now`: the live ones asked at a
 * struggle (not the feedback tab's, which comes with the settings), with only what the widget
 * uses to decide and to ask. Kept apart from its route so a combined
 * recording-settings read can include it.
 */
export async function findActiveQuestions(
  catalog: QuestionCatalog,
  projectId: string,
  now: number,
): Promise<PublicQuestionsResponse> {
  const questions: PublicQuestion[] = [];
  for (const question of (await catalog.questionsOf(projectId)).values()) {
    if (question.id === FEEDBACK_QUESTION_ID || !isLive(question, now)) continue;
    questions.push({
      id: question.id,
      text: question.text,
      type: question.type,
      options: question.options,
      other: question.other,
      follow_up: question.follow_up,
      kinds: question.targeting.kinds,
      paths: question.targeting.paths,
      hotspot: question.targeting.hotspot,
      release: question.targeting.release,
      delay_ms: question.delay_ms,
      sample_rate: question.sample_rate,
    });
  }
  return { questions };
}
