import type { Question } from '@snag/protocol';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { canManageAccess } from '../../auth/can-manage-access';
import { useAuthSession } from '../../auth/use-auth-session';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatAgo, formatDateTime } from '../../lib/format';
import { kindInfo } from '../../lib/signal-kinds';
import { useDeleteQuestion, useQuestions, useSetStatus } from './questions-api';

/** The feedback tab's question (server: questions/feedback-question.ts). */
export const FEEDBACK_QUESTION_ID = 'q_feedback';

const TYPE_LABELS = { choice: 'Single choice', rating: 'Rating 1–5', text: 'Free text' } as const;

/** `/p/:project/questions`: the project's questions, their status and targeting, and their results. */
export function QuestionsPage() {
  const { project = '' } = useParams();
  const canEdit = canManageAccess(useAuthSession().data?.principal, project);
  const questions = useQuestions(project);
  return (
    <>
      <PageHeader
        title="Questions"
        subtitle="One short question, asked the moment someone struggles. At most one per session, one per person every 14 days."
        actions={
          canEdit ? (
            <Link className="button button-primary" to={`/p/${project}/questions/new`}>
              New question
            </Link>
          ) : null
        }
      />
      {questions.isPending ? (
        <LoadingState rows={4} />
      ) : questions.isError ? (
        <ErrorState error={questions.error} onRetry={() => questions.refetch()} />
      ) : questions.data.questions.length === 0 ? (
        <EmptyState title="No questions yet">
          Ask “What did you expect to happen?” when people rage-click, and read their answers on each hotspot.
        </EmptyState>
      ) : (
        <section className="card" aria-label="Questions">
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Asked at</th>
                  <th scope="col">Status</th>
                  <th scope="col">Updated</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {questions.data.questions.map((question) => (
                  <QuestionRow key={question.id} project={project} question={question} canEdit={canEdit} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}

function QuestionRow({ project, question, canEdit }: { project: string; question: Question; canEdit: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteQuestion(project);
  const setStatus = useSetStatus(project);
  const paused = question.status === 'paused';
  // The feedback tab's built-in question follows the Settings screen.
  const feedback = question.id === FEEDBACK_QUESTION_ID;
  return (
    <tr>
      <td>
        <Link className="strong" to={`/p/${project}/questions/${question.id}`}>
          {question.text}
        </Link>
        <span className="sub">{TYPE_LABELS[question.type]}</span>
      </td>
      <td>{feedback ? 'Feedback tab · every page, any time' : describeTargeting(question)}</td>
      <td>{paused ? 'Paused' : 'Active'}</td>
      <td title={formatDateTime(question.updated_at)}>{formatAgo(question.updated_at)}</td>
      <td className="row-actions">
        <Link className="button button-small" to={`/p/${project}/questions/${question.id}`}>
          Results
        </Link>
        {canEdit && feedback ? (
          <Link className="button button-small" to={`/p/${project}/settings`}>
            Settings
          </Link>
        ) : canEdit ? (
          <>
            <Link className="button button-small" to={`/p/${project}/questions/${question.id}/edit`}>
              Edit
            </Link>
            <button
              type="button"
              className="button button-small"
              disabled={setStatus.isPending}
              onClick={() => setStatus.mutate({ id: question.id, status: paused ? 'active' : 'paused' })}
            >
              {paused ? 'Resume' : 'Pause'}
            </button>
            {confirming ? (
              <button
                type="button"
                className="button button-small button-danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(question.id)}
              >
                Delete now
              </button>
            ) : (
              <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
                Delete
              </button>
            )}
          </>
        ) : null}
      </td>
    </tr>
  );
}

/** "Rage click, Dead click on /checkout" — who the question is put to, in words. */
export function describeTargeting(question: Question): string {
  const { kinds, paths, hotspot, release } = question.targeting;
  const what = kinds.length > 0 ? kinds.map((kind) => kindInfo(kind).label).join(', ') : 'Any struggle';
  const where = hotspot ? `${hotspot.element} on ${hotspot.path}` : paths.length > 0 ? paths.join(', ') : 'every page';
  return `${what} · ${where}${release ? ` · release ${release}` : ''}`;
}
