import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useChannels } from './alerts-api';
import { ChannelForm } from './channel-form';
import { ChannelRow } from './channel-row';

/** Where the project's alerts and digests go: webhooks and email; admins add, test and delete them. */
export function ChannelsSection({ project, canEdit }: { project: string; canEdit: boolean }) {
  const channels = useChannels(project);
  const [adding, setAdding] = useState(false);
  const rows = channels.data?.channels ?? [];
  return (
    <section className="card" aria-labelledby="channels-heading">
      <div className="card-header card-header-row">
        <div>
          <h2 id="channels-heading">Channels</h2>
          <p className="muted">Webhooks are signed (X-Snag-Signature, HMAC-SHA256 with the channel's secret).</p>
        </div>
        {canEdit && !adding ? (
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            Add channel
          </button>
        ) : null}
      </div>
      {adding ? <ChannelForm project={project} onDone={() => setAdding(false)} /> : null}
      {channels.isPending ? (
        <LoadingState rows={2} />
      ) : channels.isError ? (
        <ErrorState error={channels.error} onRetry={() => channels.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No channels yet">
          {canEdit
            ? 'Add a webhook (Slack works too) or an email channel to receive alerts.'
            : 'An admin of the project can add one.'}
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table channels-table">
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">Sends to</th>
                <th scope="col">Last test</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((channel) => (
                <ChannelRow key={channel.id} project={project} channel={channel} canEdit={canEdit} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
