import { useId, useState } from 'react';
import { Segmented, SelectField } from '../../components/fields';
import { useCreateChannel } from './alerts-api';
import { type ChannelDraft, EMPTY_DRAFT, parseDraft } from './channel-input';

const TYPES = [
  { value: 'webhook', label: 'Webhook' },
  { value: 'email', label: 'Email' },
] as const;
const FORMATS = [
  { value: 'json', label: 'Snag JSON (Slack shows its text)' },
  { value: 'slack', label: 'Slack message only' },
] as const;

/** Adds a webhook or email channel; a bad URL or address is named before anything is sent. */
export function ChannelForm({ project, onDone }: { project: string; onDone: () => void }) {
  const [draft, setDraft] = useState<ChannelDraft>(EMPTY_DRAFT);
  const [problem, setProblem] = useState<{ field?: string; message: string } | null>(null);
  const create = useCreateChannel(project);
  const ids = { name: useId(), url: useId(), addresses: useId(), error: useId() };
  const set = (change: Partial<ChannelDraft>) => {
    setDraft({ ...draft, ...change });
    setProblem(null);
  };
  const invalid = (field: string) =>
    problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': ids.error } : {};

  return (
    <form
      className="channel-form"
      aria-label="Add a channel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseDraft(draft);
        if ('field' in parsed) return setProblem(parsed);
        create.mutate(parsed.channel, {
          onSuccess: () => {
            setDraft(EMPTY_DRAFT);
            onDone();
          },
          onError: (error) => setProblem({ message: error.message }),
        });
      }}
    >
      <Segmented
        label="Channel type"
        value={draft.type}
        options={TYPES}
        onChange={(type) => set({ type: type as ChannelDraft['type'] })}
      />
      <div className="field">
        <label htmlFor={ids.name}>Name (optional)</label>
        <input
          id={ids.name}
          value={draft.name}
          placeholder="Product team"
          onChange={(e) => set({ name: e.target.value })}
        />
      </div>
      {draft.type === 'webhook' ? (
        <>
          <div className="field field-wide">
            <label htmlFor={ids.url}>URL</label>
            <input
              id={ids.url}
              type="url"
              value={draft.url}
              placeholder="https://hooks.slack.com/services/…"
              onChange={(e) => set({ url: e.target.value })}
              {...invalid('url')}
            />
          </div>
          <SelectField
            label="Body"
            value={draft.format}
            options={FORMATS}
            onChange={(format) => set({ format: format as ChannelDraft['format'] })}
          />
        </>
      ) : (
        <div className="field field-wide">
          <label htmlFor={ids.addresses}>Addresses</label>
          <textarea
            id={ids.addresses}
            rows={2}
            value={draft.addresses}
            placeholder="pm@example.com, lead@example.com"
            onChange={(e) => set({ addresses: e.target.value })}
            {...invalid('addresses')}
          />
        </div>
      )}
      {problem ? (
        <p id={ids.error} className="form-error" role="alert">
          {problem.message}
        </p>
      ) : null}
      <div className="channel-form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Save channel'}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
