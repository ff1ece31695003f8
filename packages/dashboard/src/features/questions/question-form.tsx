import type { SignalKind } from '@snag/protocol';
import { MAX_QUESTION_OPTIONS } from '@snag/protocol/limits';
import { type FormEvent, useId } from 'react';
import { Segmented } from '../../components/fields';
import { SIGNAL_KINDS } from '../../lib/signal-kinds';
import type { QuestionDraft } from './question-draft';

/** The kinds the SDK detects in the page, where a question can be asked at once. */
const ASKABLE_KINDS: readonly SignalKind[] = [
  'rage_click',
  'dead_click',
  'slow_click',
  'error_click',
  'thrashed_cursor',
  'form_struggle',
];

const TYPES = [
  { value: 'choice', label: 'Single choice' },
  { value: 'rating', label: 'Rating 1–5' },
  { value: 'text', label: 'Free text' },
];

const STATUSES = [
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
];

export interface QuestionFormProps {
  draft: QuestionDraft;
  onChange: (patch: Partial<QuestionDraft>) => void;
  onSubmit: () => void;
  saving: boolean;
  error: string | null;
  submitLabel: string;
  onCancel: () => void;
}

/** Everything a question has: its words, how it is answered, who is asked, when. */
export function QuestionForm({ draft, onChange, onSubmit, saving, error, submitLabel, onCancel }: QuestionFormProps) {
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const setOption = (index: number, value: string) =>
    onChange({ options: draft.options.map((option, at) => (at === index ? value : option)) });
  const toggleKind = (kind: SignalKind, on: boolean) =>
    onChange({ kinds: on ? [...draft.kinds, kind] : draft.kinds.filter((entry) => entry !== kind) });

  return (
    <form className="question-form" onSubmit={submit} aria-label="Question">
      <div className="field">
        <label htmlFor={`${id}-text`}>Question</label>
        <textarea
          id={`${id}-text`}
          value={draft.text}
          maxLength={200}
          required
          onChange={(event) => onChange({ text: event.target.value })}
        />
      </div>
      <Segmented
        label="Answer type"
        value={draft.type}
        options={TYPES}
        onChange={(type) => onChange({ type: type as QuestionDraft['type'] })}
      />
      {draft.type === 'choice' ? (
        <fieldset>
          <legend>Options</legend>
          {draft.options.map((option, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place, by position
            <div className="option-row" key={index}>
              <label className="visually-hidden" htmlFor={`${id}-option-${index}`}>
                Option {index + 1}
              </label>
              <input
                id={`${id}-option-${index}`}
                value={option}
                maxLength={80}
                onChange={(event) => setOption(index, event.target.value)}
              />
              <button
                type="button"
                className="button button-small"
                aria-label={`Remove option ${index + 1}`}
                onClick={() => onChange({ options: draft.options.filter((_, at) => at !== index) })}
              >
                Remove
              </button>
            </div>
          ))}
          <div className="form-actions">
            <button
              type="button"
              className="button button-small"
              disabled={draft.options.length >= MAX_QUESTION_OPTIONS}
              onClick={() => onChange({ options: [...draft.options, ''] })}
            >
              Add option
            </button>
            <label className="check-row">
              <input
                type="checkbox"
                checked={draft.other}
                onChange={(event) => onChange({ other: event.target.checked })}
              />
              Offer “Other” with a text field
            </label>
          </div>
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-follow`}>Follow-up text field (optional label, shown after the answer)</label>
        <input
          id={`${id}-follow`}
          value={draft.followUp}
          maxLength={200}
          placeholder="Anything else you want to tell us?"
          onChange={(event) => onChange({ followUp: event.target.value })}
        />
      </div>
      <fieldset>
        <legend>Who is asked</legend>
        <fieldset className="check-row">
          <legend className="visually-hidden">Struggles that trigger it (none ticked: any)</legend>
          {ASKABLE_KINDS.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                checked={draft.kinds.includes(kind)}
                onChange={(event) => toggleKind(kind, event.target.checked)}
              />
              {SIGNAL_KINDS[kind].label}
            </label>
          ))}
        </fieldset>
        <div className="field-grid">
          <TextInput
            id={`${id}-paths`}
            label="Pages (path patterns, comma-separated)"
            value={draft.paths}
            placeholder="/checkout, /orders/:id, /help/*"
            onChange={(paths) => onChange({ paths })}
          />
          <TextInput
            id={`${id}-release`}
            label="Release"
            value={draft.release}
            placeholder="any"
            onChange={(release) => onChange({ release })}
          />
          <TextInput
            id={`${id}-hpath`}
            label="Hotspot page"
            value={draft.hotspotPath}
            placeholder="/checkout"
            onChange={(hotspotPath) => onChange({ hotspotPath })}
          />
          <TextInput
            id={`${id}-helement`}
            label="Hotspot element key"
            value={draft.hotspotElement}
            placeholder='[data-testid="pay"]'
            onChange={(hotspotElement) => onChange({ hotspotElement })}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>When</legend>
        <div className="field-grid">
          <TextInput
            id={`${id}-delay`}
            label="Delay after the struggle (s)"
            type="number"
            value={draft.delaySeconds}
            onChange={(delaySeconds) => onChange({ delaySeconds })}
          />
          <TextInput
            id={`${id}-sample`}
            label="Ask this share of struggles (%)"
            type="number"
            value={draft.samplePercent}
            onChange={(samplePercent) => onChange({ samplePercent })}
          />
          <TextInput
            id={`${id}-start`}
            label="Starts"
            type="datetime-local"
            value={draft.startsAt}
            onChange={(startsAt) => onChange({ startsAt })}
          />
          <TextInput
            id={`${id}-end`}
            label="Ends"
            type="datetime-local"
            value={draft.endsAt}
            onChange={(endsAt) => onChange({ endsAt })}
          />
        </div>
        <Segmented
          label="Status"
          value={draft.status}
          options={STATUSES}
          onChange={(status) => onChange({ status: status as QuestionDraft['status'] })}
        />
      </fieldset>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function TextInput({
  id,
  label,
  value,
  onChange,
  placeholder,
  type = 'text',
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        placeholder={placeholder}
        step={type === 'number' ? 'any' : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
