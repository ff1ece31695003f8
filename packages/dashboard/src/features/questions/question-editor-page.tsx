import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { ErrorState, LoadingState } from '../../components/states';
import { bodyOf, draftOf, emptyDraft, type QuestionDraft } from './question-draft';
import { QuestionForm } from './question-form';
import { QuestionPreview } from './question-preview';
import { useQuestion, useSaveQuestion } from './questions-api';

/** `/p/:project/questions/new` and `/p/:project/questions/:id/edit`: the form beside a live preview. */
export function QuestionEditorPage() {
  const { project = '', id = null } = useParams();
  const question = useQuestion(project, id);
  if (id && question.isPending) return <LoadingState rows={6} />;
  if (id && question.isError) return <ErrorState error={question.error} onRetry={() => question.refetch()} />;
  const initial = id && question.data ? draftOf(question.data) : null;
  return <Editor key={id ?? 'new'} project={project} id={id} initial={initial} />;
}

function Editor({ project, id, initial }: { project: string; id: string | null; initial: QuestionDraft | null }) {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<QuestionDraft>(
    () =>
      initial ??
      emptyDraft({
        path: search.get('path') ?? undefined,
        element: search.get('element') ?? undefined,
        kind: search.get('kind') ?? undefined,
      }),
  );
  const save = useSaveQuestion(project, id);
  const body = useMemo(() => bodyOf(draft), [draft]);
  const back = `/p/${project}/questions`;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={back}>Questions</Link>
        <span aria-hidden="true">/</span>
        <span>{id ? 'Edit' : 'New question'}</span>
      </nav>
      <PageHeader
        title={id ? 'Edit question' : 'New question'}
        subtitle="Asked the moment someone struggles; the answer lands on the hotspot and the replay."
      />
      <div className="question-editor">
        <section className="card" aria-label="Question settings">
          <QuestionForm
            draft={draft}
            onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))}
            onSubmit={() => save.mutate(body, { onSuccess: () => navigate(back) })}
            saving={save.isPending}
            error={save.isError ? save.error.message : null}
            submitLabel={id ? 'Save changes' : 'Create question'}
            onCancel={() => navigate(back)}
          />
        </section>
        <QuestionPreview question={body} />
      </div>
    </>
  );
}
