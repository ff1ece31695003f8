import { randomBytes } from 'node:crypto';
import { type AnswersResponse, type Question, type QuestionsResponse, SIGNAL_KINDS } from '@snag/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { emptySummary, findAnswerSummaries } from '../analytics/find-answer-summaries.js';
import {
  labelSchema,
  limitSchema,
  pathSchema,
  projectParamsSchema,
  rangeFields,
  withRange,
} from '../analytics/params.js';
import { requireProject } from '../analytics/require-project.js';
import { HttpError } from '../http/errors.js';
import { validate } from '../http/validate.js';
import type { Store } from '../store/client.js';
import { parseDateTime } from '../store/datetime.js';
import { renderAnswersCsv } from './answers-csv.js';
import {
  DEFAULT_ANSWER_LIMIT,
  DEFAULT_ANSWER_RANGE_MS,
  MAX_ANSWER_LIMIT,
  MAX_QUESTIONS_PER_PROJECT,
} from './constants.js';
import { FEEDBACK_QUESTION_ID } from './feedback-question.js';
import { findAnswers } from './find-answers.js';
import type { QuestionCatalog } from './question-catalog.js';
import { questionInputSchema, questionPatchSchema } from './question-input.js';
import { toQuestionInput, toQuestionRow, toQuestionView } from './question-view.js';
import { findQuestion, findQuestions, insertQuestion, type QuestionRow } from './questions-store.js';

const questionParamsSchema = projectParamsSchema.extend({
  id: z.string().regex(/^q_[A-Za-z0-9_-]{1,40}$/, 'not a question id'),
});

const answersQuerySchema = z
  .strictObject({
    ...rangeFields,
    path: pathSchema.optional(),
    kind: z.enum(SIGNAL_KINDS).optional(),
    release: labelSchema.optional(),
    limit: limitSchema(DEFAULT_ANSWER_LIMIT, MAX_ANSWER_LIMIT),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .transform(withRange(DEFAULT_ANSWER_RANGE_MS));

/**
 * Questions asked at the struggle (issue 15): `…/questions` lists and creates, `…/questions/:id`
 * reads, edits and deletes one, `…/questions/:id/answers` reads its answers (JSON or CSV).
 * Every role reads; `requireProjectAccess` lets only admins and owners write.
 */
export function questionsRouter(store: Store, catalog: QuestionCatalog): Router {
  const router = Router();

  router.get('/projects/:project/questions', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    await requireProject(store, project);
    const rows = await findQuestions(store, project);
    res.json({ project, questions: rows.map(toQuestionView) } satisfies QuestionsResponse);
  });

  router.post('/projects/:project/questions', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const input = validate(questionInputSchema, req.body);
    await requireProject(store, project);
    if ((await findQuestions(store, project)).length >= MAX_QUESTIONS_PER_PROJECT) {
      throw new HttpError(409, 'too_many_questions', `a project has at most ${MAX_QUESTIONS_PER_PROJECT} questions`);
    }
    const now = Date.now();
    const row = toQuestionRow(project, `q_${randomBytes(9).toString('base64url')}`, input, now, now);
    await insertQuestion(store, row);
    catalog.forget(project);
    res.status(201).json(toQuestionView(row) satisfies Question);
  });

  router.get('/projects/:project/questions/:id', async (req, res) => {
    const { project, id } = validate(questionParamsSchema, req.params);
    res.json(toQuestionView(await requireQuestion(store, project, id)) satisfies Question);
  });

  router.patch('/projects/:project/questions/:id', async (req, res) => {
    const { project, id } = validate(questionParamsSchema, req.params);
    const patch = validate(questionPatchSchema, req.body);
    refuseFeedbackQuestion(id);
    const current = await requireQuestion(store, project, id);
    const input = validate(questionInputSchema, { ...toQuestionInput(toQuestionView(current)), ...patch });
    const row = toQuestionRow(project, id, input, parseDateTime(current.created_at), nextVersion(current));
    await insertQuestion(store, row);
    catalog.forget(project);
    res.json(toQuestionView(row) satisfies Question);
  });

  router.delete('/projects/:project/questions/:id', async (req, res) => {
    const { project, id } = validate(questionParamsSchema, req.params);
    refuseFeedbackQuestion(id);
    const current = await requireQuestion(store, project, id);
    const input = toQuestionInput(toQuestionView(current));
    const row = toQuestionRow(project, id, input, parseDateTime(current.created_at), nextVersion(current));
    await insertQuestion(store, { ...row, deleted: 1 });
    catalog.forget(project);
    res.status(204).end();
  });

  router.get('/projects/:project/questions/:id/answers', async (req, res) => {
    const { project, id } = validate(questionParamsSchema, req.params);
    const { format, limit, ...filters } = validate(answersQuerySchema, req.query);
    await requireQuestion(store, project, id);
    const answers = await findAnswers(store, project, id, filters, limit);
    if (format === 'csv') {
      res.setHeader('Content-Disposition', `attachment; filename="answers-${id}.csv"`);
      res.type('text/csv; charset=utf-8').send(renderAnswersCsv(answers));
      return;
    }
    const summaries = await findAnswerSummaries(store, project, filters, { by: 'question', questionId: id });
    res.json({
      project,
      question_id: id,
      from: new Date(filters.range.from).toISOString(),
      to: new Date(filters.range.to).toISOString(),
      summary: summaries.get(id) ?? emptySummary(),
      answers,
    } satisfies AnswersResponse);
  });

  return router;
}

async function requireQuestion(store: Store, project: string, id: string): Promise<QuestionRow> {
  await requireProject(store, project);
  const row = await findQuestion(store, project, id);
  if (!row) throw new HttpError(404, 'question_not_found', `no question "${id}" in project "${project}"`);
  return row;
}

/** The feedback tab's question follows the recording settings: it is changed there, not here. */
function refuseFeedbackQuestion(id: string): void {
  if (id !== FEEDBACK_QUESTION_ID) return;
  throw new HttpError(
    409,
    'managed_by_settings',
    'the feedback tab question is changed with PUT …/settings/recording (feedback), not here',
  );
}

/** A version strictly after the current one, so two edits in the same millisecond still order. */
function nextVersion(current: QuestionRow): number {
  return Math.max(Date.now(), parseDateTime(current.updated_at) + 1);
}
