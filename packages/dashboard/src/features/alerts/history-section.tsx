import type { AlertDelivery, AlertHistoryEntry } from '@snag/protocol';
import { useEffect } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatAgo, formatDateTime } from '../../lib/format';
import { useAlertHistory } from './alerts-api';

/** While a delivery is pending, the history is read again this often. */
const PENDING_REFRESH_MS = 10_000;
const KIND_LABELS: Record<AlertHistoryEntry['kind'], string> = { alert: 'Alert', digest: 'Digest', test: 'Test' };

/** Every alert sent, newest first, with how it went to each channel and why a delivery failed. */
export function HistorySection({ project }: { project: string }) {
  const history = useAlertHistory(project);
  const alerts = history.data?.pages.flatMap((page) => page.alerts) ?? [];
  const pending = alerts.some((alert) => alert.deliveries.some((delivery) => delivery.status === 'pending'));
  const { refetch } = history;
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => refetch(), PENDING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [pending, refetch]);
  return (
    <section className="card" aria-labelledby="history-heading">
      <div className="card-header card-header-row">
        <div>
          <h2 id="history-heading">History</h2>
          <p className="muted">Failed deliveries are retried with backoff, up to 6 attempts.</p>
        </div>
        <button type="button" className="button button-small" onClick={() => history.refetch()}>
          Refresh
        </button>
      </div>
      {history.isPending ? (
        <LoadingState rows={3} />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => history.refetch()} />
      ) : alerts.length === 0 ? (
        <EmptyState title="Nothing sent yet">Alerts, digests and tests appear here once they are sent.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Sent</th>
                <th scope="col">Alert</th>
                <th scope="col">Deliveries</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((alert) => (
                <tr key={alert.id}>
                  <td title={formatDateTime(alert.created_at)}>{formatAgo(alert.created_at)}</td>
                  <td>
                    <span className="alert-kind">{KIND_LABELS[alert.kind]}</span> {alert.title}
                  </td>
                  <td>
                    {alert.deliveries.length === 0 ? (
                      <span className="muted">no channel</span>
                    ) : (
                      <ul className="deliveries">
                        {alert.deliveries.map((delivery) => (
                          <DeliveryLine key={delivery.channel_id} delivery={delivery} />
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {history.hasNextPage ? (
            <div className="load-more">
              <button
                type="button"
                className="button"
                disabled={history.isFetchingNextPage}
                onClick={() => history.fetchNextPage()}
              >
                {history.isFetchingNextPage ? 'Loading…' : 'Older alerts'}
              </button>
            </div>
          ) : null}
        </div>
      )}
    </section>
  );
}

function DeliveryLine({ delivery }: { delivery: AlertDelivery }) {
  const tries = delivery.attempts === 1 ? '1 attempt' : `${delivery.attempts} attempts`;
  return (
    <li>
      <span className={`delivery-status delivery-${delivery.status}`}>{delivery.status}</span> {delivery.channel_name}{' '}
      <span className="muted">
        · {delivery.channel_type} · {tries}
        {delivery.status === 'pending' && delivery.next_attempt_at
          ? ` · next ${formatDateTime(delivery.next_attempt_at)}`
          : ''}
      </span>
      {delivery.last_error && delivery.status !== 'sent' ? (
        <div className="delivery-error">{delivery.last_error}</div>
      ) : null}
    </li>
  );
}
