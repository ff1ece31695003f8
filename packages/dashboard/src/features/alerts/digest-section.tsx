import type { DigestSettings } from '@snag/protocol';
import { useEffect, useState } from 'react';
import { SelectField } from '../../components/fields';
import { ErrorState, LoadingState } from '../../components/states';
import { useChannels } from './alerts-api';
import { ChannelPicker } from './channel-picker';
import { useDigest, useSaveDigest, useSendDigest } from './rules-api';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map((label, day) => ({
  value: String(day),
  label,
}));
const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00 UTC`,
}));

/** The weekly digest: when and where it goes, what it would say now, and "send now". */
export function DigestSection({ project, canEdit }: { project: string; canEdit: boolean }) {
  const digest = useDigest(project);
  const channels = useChannels(project).data?.channels ?? [];
  const save = useSaveDigest(project);
  const send = useSendDigest(project);
  const [draft, setDraft] = useState<DigestSettings | null>(null);
  useEffect(() => setDraft(digest.data?.settings ?? null), [digest.data]);
  return (
    <section className="card" aria-labelledby="digest-heading">
      <div className="card-header card-header-row">
        <div>
          <h2 id="digest-heading">Weekly digest</h2>
          <p className="muted">
            Top hotspots with their sentences, and what is new, worse, better or gone since last week.
          </p>
        </div>
        {canEdit ? (
          <button type="button" className="button" disabled={send.isPending} onClick={() => send.mutate()}>
            {send.isPending ? 'Sending…' : send.isSuccess ? 'Sent' : 'Send now'}
          </button>
        ) : null}
      </div>
      {digest.isPending || !draft ? (
        <LoadingState rows={3} />
      ) : digest.isError ? (
        <ErrorState error={digest.error} onRetry={() => digest.refetch()} />
      ) : (
        <div className="digest-layout">
          <form
            className="channel-form"
            aria-label="Digest settings"
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate(draft);
            }}
          >
            <label className="check field-wide">
              <input
                type="checkbox"
                checked={draft.enabled}
                disabled={!canEdit}
                onChange={(event) => setDraft({ ...draft, enabled: event.target.checked })}
              />{' '}
              Send it every week
            </label>
            <SelectField
              label="Day"
              value={String(draft.weekday)}
              options={WEEKDAYS}
              onChange={(day) => setDraft({ ...draft, weekday: Number(day) })}
            />
            <SelectField
              label="From"
              value={String(draft.hour)}
              options={HOURS}
              onChange={(hour) => setDraft({ ...draft, hour: Number(hour) })}
            />
            <ChannelPicker
              legend="Send to"
              channels={channels}
              value={draft.channel_ids}
              onChange={(channel_ids) => setDraft({ ...draft, channel_ids })}
            />
            {save.isError ? (
              <p className="form-error" role="alert">
                {save.error.message}
              </p>
            ) : null}
            {canEdit ? (
              <div className="channel-form-actions">
                <button type="submit" className="button button-primary" disabled={save.isPending}>
                  {save.isPending ? 'Saving…' : 'Save digest settings'}
                </button>
              </div>
            ) : null}
          </form>
          <section className="digest-preview" aria-label="Preview of the digest">
            <h3>{digest.data.preview.title}</h3>
            <pre>{digest.data.preview.text}</pre>
          </section>
        </div>
      )}
    </section>
  );
}
