import type { CreatedShareLink } from '@snag/protocol';
import { useState } from 'react';
import { apiGetText } from '../../api/client';
import { CopyButton } from '../../components/copy-button';
import { SelectField } from '../../components/fields';
import { downloadText } from '../../lib/download';
import { formatDate, formatDateTime } from '../../lib/format';
import { VIEWER_TZ } from '../../lib/time-zone';
import { sharedPageUrl, useCreateShareLink } from './share-links-api';

const TTL_OPTIONS = [
  { value: '1d', label: '1 day' },
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
] as const;
const DEFAULT_TTL = '7d';

/**
 * Markdown and CSV downloads of the friction report and, for admins and owners, a
 * read-only share link to it (made on the server, listed and revocable below the report).
 */
export function ExportActions({ project, from, canShare }: { project: string; from: string; canShare: boolean }) {
  const path = `/projects/${project}/report`;
  const [dialog, setDialog] = useState<'closed' | 'form' | CreatedShareLink>('closed');
  const [ttl, setTtl] = useState<string>(DEFAULT_TTL);
  const [error, setError] = useState<string | null>(null);
  const createLink = useCreateShareLink(project);
  const stamp = new Date().toISOString().slice(0, 10);

  const run = async (task: () => Promise<void>) => {
    setError(null);
    try {
      await task();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Export failed');
    }
  };

  return (
    <div className="export-actions">
      <button
        type="button"
        className="button"
        onClick={() =>
          run(async () => {
            const text = await apiGetText(path, { from, tz: VIEWER_TZ, format: 'md' });
            downloadText(text, `friction-${project}-${stamp}.md`, 'text/markdown');
          })
        }
      >
        Markdown
      </button>
      <button
        type="button"
        className="button"
        onClick={() =>
          run(async () => {
            const text = await apiGetText(path, { from, tz: VIEWER_TZ, format: 'csv' });
            downloadText(text, `friction-${project}-${stamp}.csv`, 'text/csv');
          })
        }
      >
        CSV
      </button>
      {canShare ? (
        <button
          type="button"
          className="button button-primary"
          aria-expanded={dialog !== 'closed'}
          onClick={() => {
            setError(null);
            setDialog(dialog === 'closed' ? 'form' : 'closed');
          }}
        >
          Share
        </button>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {dialog === 'form' ? (
        <form
          className="share-box"
          aria-label="Create a share link"
          onSubmit={(event) => {
            event.preventDefault();
            run(async () => setDialog(await createLink.mutateAsync({ from, tz: VIEWER_TZ, ttl })));
          }}
        >
          <p>
            Anyone with the link can read this report — the same dates, read-only, without signing in — until it expires
            or you revoke it.
          </p>
          <SelectField label="Link expires after" value={ttl} options={TTL_OPTIONS} onChange={setTtl} />
          <div className="share-actions">
            <button type="submit" className="button button-primary" disabled={createLink.isPending}>
              {createLink.isPending ? 'Creating…' : 'Create link'}
            </button>
            <button type="button" className="link-button" onClick={() => setDialog('closed')}>
              Cancel
            </button>
          </div>
        </form>
      ) : dialog !== 'closed' ? (
        <div className="share-box" role="dialog" aria-label="Share link">
          <p>
            Anyone with this link can read the report for{' '}
            <strong>
              {formatDate(dialog.range.from)} – {formatDate(dialog.range.to)}
            </strong>{' '}
            until <strong>{formatDateTime(dialog.expires_at)}</strong>. Copy it now: it is shown only once.
          </p>
          <div className="share-row">
            <input
              readOnly
              value={sharedPageUrl(dialog.token)}
              aria-label="Share link"
              onFocus={(event) => event.target.select()}
            />
            <CopyButton text={sharedPageUrl(dialog.token)} />
          </div>
          <button type="button" className="link-button" onClick={() => setDialog('closed')}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}
