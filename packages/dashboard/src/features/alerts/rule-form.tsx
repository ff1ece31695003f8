import type { AlertCondition } from '@snag/protocol';
import { useId, useState } from 'react';
import { SelectField } from '../../components/fields';
import { useChannels } from './alerts-api';
import { ChannelPicker } from './channel-picker';
import { RULE_KINDS } from './describe-rule';
import { useCreateRule } from './rules-api';

interface Draft {
  name: string;
  kind: AlertCondition['kind'];
  minSessions: string;
  path: string;
  threshold: string;
  channelIds: string[];
}

const EMPTY: Draft = {
  name: '',
  kind: 'new_hotspot',
  minSessions: '5',
  path: '/checkout',
  threshold: '30',
  channelIds: [],
};

function conditionOf(draft: Draft): AlertCondition {
  const minSessions = Number(draft.minSessions);
  switch (draft.kind) {
    case 'new_hotspot':
      return { kind: 'new_hotspot', min_sessions: minSessions };
    case 'above_baseline':
      return { kind: 'above_baseline', min_sessions: minSessions, false_alarm_rate: 0.001 };
    case 'page_struggle_rate':
      return {
        kind: 'page_struggle_rate',
        path: draft.path,
        threshold: Number(draft.threshold) / 100,
        min_sessions: minSessions,
      };
    case 'release_regression':
      return { kind: 'release_regression' };
  }
}

/** Adds a rule; the server's 400 (the field and why) is shown as it comes. */
export function RuleForm({ project, onDone }: { project: string; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateRule(project);
  const channels = useChannels(project).data?.channels ?? [];
  const ids = { name: useId(), min: useId(), path: useId(), threshold: useId(), error: useId() };
  const set = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
    setProblem(null);
  };
  return (
    <form
      className="channel-form"
      aria-label="Add a rule"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { name: draft.name, condition: conditionOf(draft), channel_ids: draft.channelIds },
          { onSuccess: onDone, onError: (error) => setProblem(error.message) },
        );
      }}
    >
      <div className="field">
        <label htmlFor={ids.name}>Name</label>
        <input
          id={ids.name}
          value={draft.name}
          placeholder="Checkout regressions"
          onChange={(e) => set({ name: e.target.value })}
        />
      </div>
      <SelectField
        label="When"
        value={draft.kind}
        options={RULE_KINDS}
        onChange={(kind) => set({ kind: kind as Draft['kind'] })}
      />
      {draft.kind === 'page_struggle_rate' ? (
        <>
          <div className="field">
            <label htmlFor={ids.path}>Pages (a pattern; * at the end for a prefix)</label>
            <input id={ids.path} value={draft.path} onChange={(e) => set({ path: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={ids.threshold}>Above (% of visitors)</label>
            <input
              id={ids.threshold}
              type="number"
              min={1}
              max={100}
              value={draft.threshold}
              onChange={(e) => set({ threshold: e.target.value })}
            />
          </div>
        </>
      ) : null}
      {draft.kind !== 'release_regression' ? (
        <div className="field">
          <label htmlFor={ids.min}>At least (sessions)</label>
          <input
            id={ids.min}
            type="number"
            min={1}
            value={draft.minSessions}
            onChange={(e) => set({ minSessions: e.target.value })}
          />
        </div>
      ) : null}
      <ChannelPicker
        legend="Send to"
        channels={channels}
        value={draft.channelIds}
        onChange={(channelIds) => set({ channelIds })}
      />
      {problem ? (
        <p id={ids.error} className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="channel-form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Save rule'}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
