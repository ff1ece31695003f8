import type { ShareLink } from '@snag/protocol';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatAgo, formatDate, formatDateTime } from '../../lib/format';
import { useRevokeShareLink, useShareLinks } from './share-links-api';

/**
 * The project's live share links, for admins and owners: who made each, for which dates,
 * until when — and a way to revoke one at once. Secrets are never listed.
 */
export function ShareLinksCard({ project }: { project: string }) {
  const links = useShareLinks(project, true);
  const rows = links.data?.share_links ?? [];
  return (
    <section className="card" aria-labelledby="share-links-heading">
      <div className="card-header">
        <h2 id="share-links-heading">Share links</h2>
        <p className="muted">
          Links stop working when revoked, when they expire, or when whoever made them is no longer an admin.
        </p>
      </div>
      {links.isPending ? (
        <LoadingState rows={2} />
      ) : links.isError ? (
        <ErrorState error={links.error} onRetry={() => links.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No live share links">
          Use Share above to give someone outside Snag a read-only link to this report.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Report dates</th>
                <th scope="col">Created by</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((link) => (
                <ShareLinkRow key={link.id} project={project} link={link} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ShareLinkRow({ project, link }: { project: string; link: ShareLink }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useRevokeShareLink(project);
  const dates = `${formatDate(link.range.from)} – ${formatDate(link.range.to)}`;
  return (
    <tr>
      <td>
        {dates}
        {link.tz !== 'UTC' ? <span className="muted"> · {link.tz}</span> : null}
      </td>
      <td>{link.created_by_email ?? <span className="muted">Admin token</span>}</td>
      <td title={formatDateTime(link.created_at)}>{formatAgo(link.created_at)}</td>
      <td>{formatDateTime(link.expires_at)}</td>
      <td className="row-actions">
        {revoke.isError ? (
          <span className="form-error" role="alert">
            {revoke.error.message}
          </span>
        ) : null}
        {confirming ? (
          <>
            <button
              type="button"
              className="button button-small button-danger"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate(link.id)}
            >
              {revoke.isPending ? 'Revoking…' : 'Revoke now'}
            </button>
            <button type="button" className="link-button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-small"
            aria-label={`Revoke the link for ${dates}`}
            onClick={() => setConfirming(true)}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}
