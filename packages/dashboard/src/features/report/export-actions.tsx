import { useState } from 'react';
import { apiGet, apiGetText } from '../../api/client';
import type { FrictionReport } from '../../api/types';
import { CopyButton } from '../../components/copy-button';
import { downloadText } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { VIEWER_TZ } from '../../lib/time-zone';

/** Markdown and CSV downloads of the friction report, and a read-only share link to it. */
export function ExportActions({ project, from }: { project: string; from: string }) {
  const path = `/projects/${project}/report`;
  const [share, setShare] = useState<{ url: string; expires: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
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
      <button
        type="button"
        className="button button-primary"
        onClick={() =>
          run(async () => {
            const report = await apiGet<FrictionReport>(path, { from, tz: VIEWER_TZ });
            const token = report.share.url.split('/').pop() ?? '';
            setShare({ url: `${window.location.origin}/shared/${token}`, expires: report.share.expires_at });
          })
        }
      >
        Share
      </button>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {share ? (
        <div className="share-box" role="dialog" aria-label="Share link">
          <p>
            Anyone with this link can read this report (same dates, read-only) until{' '}
            <strong>{formatDateTime(share.expires)}</strong>.
          </p>
          <div className="share-row">
            <input readOnly value={share.url} aria-label="Share link" onFocus={(event) => event.target.select()} />
            <CopyButton text={share.url} />
          </div>
          <button type="button" className="link-button" onClick={() => setShare(null)}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}
