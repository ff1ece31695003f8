import type { AlertChannel, AlertTestResult } from '@snag/protocol';
import { useState } from 'react';
import { CopyButton } from '../../components/copy-button';
import { useDeleteChannel, useTestChannel } from './alerts-api';

/** One channel: where it sends, its signing secret (admins), "Send test" with the result, delete. */
export function ChannelRow({
  project,
  channel,
  canEdit,
}: {
  project: string;
  channel: AlertChannel;
  canEdit: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const test = useTestChannel(project);
  const remove = useDeleteChannel(project);
  return (
    <tr>
      <td>
        <strong>{channel.name}</strong>
        <div className="muted">
          {channel.type === 'webhook' ? `Webhook · ${channel.format === 'slack' ? 'Slack' : 'JSON'}` : 'Email'}
        </div>
      </td>
      <td className="channel-target">
        {channel.type === 'webhook' ? <code>{channel.url}</code> : channel.addresses.join(', ')}
        {channel.type === 'webhook' && channel.secret ? (
          <div className="channel-secret">
            <span className="muted">Signing secret</span> <code>{channel.secret}</code>{' '}
            <CopyButton text={channel.secret} />
          </div>
        ) : null}
      </td>
      <td>
        <TestOutcome result={test.data} error={test.error} />
      </td>
      <td className="row-actions">
        {canEdit ? (
          <>
            <button
              type="button"
              className="button button-small"
              disabled={test.isPending}
              onClick={() => test.mutate(channel.id)}
            >
              {test.isPending ? 'Sending…' : 'Send test'}
            </button>
            {confirming ? (
              <>
                <button
                  type="button"
                  className="button button-small button-danger"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(channel.id)}
                >
                  {remove.isPending ? 'Deleting…' : 'Delete now'}
                </button>
                <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </>
            ) : (
              <button
                type="button"
                className="button button-small"
                aria-label={`Delete the channel ${channel.name}`}
                onClick={() => setConfirming(true)}
              >
                Delete
              </button>
            )}
            {remove.isError ? (
              <span className="form-error" role="alert">
                {remove.error.message}
              </span>
            ) : null}
          </>
        ) : null}
      </td>
    </tr>
  );
}

function TestOutcome({ result, error }: { result: AlertTestResult | undefined; error: Error | null }) {
  if (error) {
    return (
      <span className="form-error" role="status">
        {error.message}
      </span>
    );
  }
  if (!result) return <span className="muted">—</span>;
  const { delivery } = result;
  return (
    <span role="status" className={`delivery-status delivery-${delivery.status}`}>
      {delivery.status === 'sent' ? 'Test sent' : `Test failed: ${delivery.last_error ?? 'unknown error'}`}
    </span>
  );
}
