import type { AlertRule } from '@snag/protocol';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDateTime } from '../../lib/format';
import { useChannels } from './alerts-api';
import { describeCondition } from './describe-rule';
import { RuleForm } from './rule-form';
import { useDeleteRule, useRules, useUpdateRule } from './rules-api';

const SNOOZE_MS = 24 * 3_600_000;

/** When alerts are sent: each rule, what it watches, where it goes; admins add, pause, snooze, unmute and delete. */
export function RulesSection({ project, canEdit }: { project: string; canEdit: boolean }) {
  const rules = useRules(project);
  const [adding, setAdding] = useState(false);
  const list = rules.data?.rules ?? [];
  return (
    <section className="card" aria-labelledby="rules-heading">
      <div className="card-header card-header-row">
        <div>
          <h2 id="rules-heading">Rules</h2>
          <p className="muted">
            Checked every few minutes; each hotspot alerts once per window, with its explanation and replays.
          </p>
        </div>
        {canEdit && !adding ? (
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            Add rule
          </button>
        ) : null}
      </div>
      {adding ? <RuleForm project={project} onDone={() => setAdding(false)} /> : null}
      {rules.isPending ? (
        <LoadingState rows={2} />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => rules.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title="No rules yet">
          {canEdit
            ? 'Add a rule to hear about new, worse or regressed hotspots.'
            : 'An admin of the project can add one.'}
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table rules-table">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Sends to</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((rule) => (
                <RuleRow key={rule.id} project={project} rule={rule} canEdit={canEdit} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RuleRow({ project, rule, canEdit }: { project: string; rule: AlertRule; canEdit: boolean }) {
  const update = useUpdateRule(project);
  const remove = useDeleteRule(project);
  const channels = useChannels(project).data?.channels ?? [];
  const names = rule.channel_ids.map((id) => channels.find((channel) => channel.id === id)?.name ?? id);
  const snoozed = rule.snoozed_until && Date.parse(rule.snoozed_until) > Date.now();
  return (
    <tr>
      <td>
        <span className="strong">{rule.name}</span>
        <span className="sub">{describeCondition(rule.condition)}</span>
        {rule.muted.length > 0 ? (
          <span className="sub">
            Muted: {rule.muted.map((ref) => `${ref.kind} ${ref.element ?? ''} on ${ref.path}`).join('; ')}{' '}
            {canEdit ? (
              <button type="button" className="link-button" onClick={() => update.mutate({ id: rule.id, muted: [] })}>
                Unmute all
              </button>
            ) : null}
          </span>
        ) : null}
      </td>
      <td>{names.length ? names.join(', ') : <span className="muted">History only</span>}</td>
      <td>
        {!rule.enabled
          ? 'Paused'
          : snoozed
            ? `Snoozed until ${formatDateTime(rule.snoozed_until as string)}`
            : 'Active'}
      </td>
      <td className="actions">
        {canEdit ? (
          <>
            <button
              type="button"
              className="button button-small"
              onClick={() => update.mutate({ id: rule.id, enabled: !rule.enabled })}
            >
              {rule.enabled ? 'Pause' : 'Resume'}
            </button>{' '}
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                update.mutate({
                  id: rule.id,
                  snoozed_until: snoozed ? null : new Date(Date.now() + SNOOZE_MS).toISOString(),
                })
              }
            >
              {snoozed ? 'Unsnooze' : 'Snooze 24 h'}
            </button>{' '}
            <button type="button" className="button button-small button-danger" onClick={() => remove.mutate(rule.id)}>
              Delete
            </button>
          </>
        ) : null}
      </td>
    </tr>
  );
}
