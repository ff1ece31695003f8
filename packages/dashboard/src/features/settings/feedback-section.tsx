import type { RecordingSettingsResponse } from '@snag/protocol';
import { Link } from 'react-router';
import { FormField, SaveFooter } from './form-field';
import { checkFeedback } from './settings-draft';
import { useSettingsDraft } from './use-settings-draft';

/**
 * The feedback tab (issue 15): a button on every page that opens the question widget with one
 * free-text question. Its answers are the built-in question `q_feedback` on the Questions screen.
 */
export function FeedbackSection({
  project,
  settings,
  canEdit,
}: {
  project: string;
  settings: RecordingSettingsResponse;
  canEdit: boolean;
}) {
  const { save, draft, errors, setErrors, change } = useSettingsDraft(project, settings, (saved) => saved.feedback);
  return (
    <section className="card" aria-labelledby="feedback-heading">
      <div className="card-header">
        <h2 id="feedback-heading">Feedback tab</h2>
        <p className="muted">
          A small tab on every page that asks one question, with or without a struggle. When a struggle came just
          before, the answer also shows on that hotspot. Answers are on the{' '}
          <Link to={`/p/${project}/questions/q_feedback`}>Questions screen</Link>.
        </p>
      </div>
      <form
        className="question-form settings-form"
        aria-label="Feedback tab"
        onSubmit={(event) => {
          event.preventDefault();
          const found = checkFeedback(draft.label, draft.question);
          setErrors(found);
          if (Object.keys(found).length === 0) save.mutate({ feedback: draft });
        }}
      >
        <fieldset disabled={!canEdit} className="settings-fields">
          <legend className="visually-hidden">Feedback tab</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.enabled}
              onChange={(event) => change({ enabled: event.target.checked })}
            />{' '}
            Show the feedback tab on every page
          </label>
          <div className="field-grid">
            <FormField label="Tab label" error={errors.label}>
              {(props) => (
                <input {...props} value={draft.label} onChange={(event) => change({ label: event.target.value })} />
              )}
            </FormField>
            <FormField label="Question" error={errors.question}>
              {(props) => (
                <input
                  {...props}
                  value={draft.question}
                  onChange={(event) => change({ question: event.target.value })}
                />
              )}
            </FormField>
          </div>
        </fieldset>
        <SaveFooter save={save} settings={settings} canEdit={canEdit} label="Save feedback tab" />
      </form>
    </section>
  );
}
