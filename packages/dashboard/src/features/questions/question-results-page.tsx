import type { Answer } from '@snag/protocol';
import { OTHER_CHOICE } from '@snag/protocol/enums';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiGetText } from '../../api/client';
import { AnswersSummaryView } from '../../components/answers-summary';
import { KindSelect, PageSelect, RangeSelect } from '../../components/common-filters';
import { FilterBar, TextField } from '../../components/fields';
import { KindBadge } from '../../components/kind-badge';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { downloadText } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { replayLink } from '../../lib/links';
import { useUrlParams } from '../../lib/use-url-params';
import { answersPath, useAnswers, useQuestion } from './questions-api';
import { describeTargeting } from './questions-page';

const KEYS = ['from', 'path', 'kind', 'release'] as const;
const DEFAULTS = { from: '-30d' };

/** `/p/:project/questions/:id`: what people answered, filtered by date, page, kind and release; CSV export. */
export function QuestionResultsPage() {
  const { project = '', id = '' } = useParams();
  const [filters, setFilters] = useUrlParams(KEYS, DEFAULTS);
  const question = useQuestion(project, id);
  const answers = useAnswers(project, id, filters);
  const [exportError, setExportError] = useState<string | null>(null);
  const exportCsv = async () => {
    setExportError(null);
    try {
      const csv = await apiGetText(answersPath(project, id), { ...filters, format: 'csv', limit: 10_000 });
      downloadText(csv, `answers-${id}.csv`, 'text/csv');
    } catch (error) {
      setExportError((error as Error).message);
    }
  };
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={`/p/${project}/questions`}>Questions</Link>
        <span aria-hidden="true">/</span>
        <span>Results</span>
      </nav>
      <PageHeader
        title={question.data?.text ?? 'Question'}
        subtitle={question.data ? describeTargeting(question.data) : undefined}
        actions={
          <button type="button" className="button" onClick={exportCsv}>
            Export CSV
          </button>
        }
      />
      {exportError ? (
        <p className="form-error" role="alert">
          {exportError}
        </p>
      ) : null}
      <FilterBar>
        <RangeSelect value={filters.from} onChange={(from) => setFilters({ from })} />
        <PageSelect
          project={project}
          from={filters.from}
          value={filters.path}
          onChange={(path) => setFilters({ path })}
        />
        <KindSelect value={filters.kind} onChange={(kind) => setFilters({ kind })} />
        <TextField
          label="Release"
          value={filters.release}
          placeholder="any"
          onCommit={(release) => setFilters({ release })}
        />
      </FilterBar>
      {answers.isPending ? (
        <LoadingState rows={5} />
      ) : answers.isError ? (
        <ErrorState error={answers.error} onRetry={() => answers.refetch()} />
      ) : (
        <>
          <section className="card" aria-labelledby="summary-heading">
            <div className="card-header">
              <h2 id="summary-heading">What people said</h2>
            </div>
            <AnswersSummaryView project={project} summary={answers.data.summary} />
          </section>
          <section className="card" aria-labelledby="answers-heading">
            <div className="card-header">
              <h2 id="answers-heading">Latest answers</h2>
            </div>
            {answers.data.answers.length === 0 ? (
              <EmptyState title="No answers in this range">Widen the range or clear a filter.</EmptyState>
            ) : (
              <AnswersTable project={project} answers={answers.data.answers} />
            )}
          </section>
        </>
      )}
    </>
  );
}

function AnswersTable({ project, answers }: { project: string; answers: Answer[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Outcome</th>
            <th scope="col">Answer</th>
            <th scope="col">Page</th>
            <th scope="col">Struggle</th>
            <th scope="col">Release</th>
            <th scope="col">Replay</th>
          </tr>
        </thead>
        <tbody>
          {answers.map((answer) => (
            <tr key={answer.id}>
              <td>{formatDateTime(answer.time)}</td>
              <td>{answer.outcome}</td>
              <td>{said(answer)}</td>
              <td>
                <code>{answer.path}</code>
              </td>
              <td>{answer.signal_kind ? <KindBadge kind={answer.signal_kind} /> : '—'}</td>
              <td>{answer.release || '—'}</td>
              <td>
                <Link to={replayLink(project, answer.session_id, answer.offset_ms)}>Watch</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function said(answer: Answer): string {
  const parts = [
    answer.choice === OTHER_CHOICE ? 'Other' : answer.choice,
    answer.rating === null ? null : `${answer.rating} / 5`,
    answer.text ? `“${answer.text}”` : null,
  ];
  return parts.filter(Boolean).join(' · ') || '—';
}
