import type { ReplayAsset, ReplayAssetStatus, ReplayAssetsResponse } from '@snag/protocol';
import { useApi } from '../../api/use-api';

/** Why an asset could not be kept, as a reader says it. */
const REASONS: Record<Exclude<ReplayAssetStatus, 'stored'>, string> = {
  not_found: 'not found on the site (404)',
  http_error: 'the site answered with an error',
  too_large: 'too big to keep',
  blocked_address: 'private or internal address, not fetched',
  timeout: 'the site took too long',
  content_type: 'not a stylesheet, font or image',
  project_full: "the project's asset storage is full",
  unreachable: 'the site could not be reached',
  bad_url: 'not a web address',
  too_many_redirects: 'too many redirects',
  too_deep: 'stylesheet imports nested too deep',
};

function reason(asset: ReplayAsset): string {
  if (asset.status === 'stored') return 'kept';
  if (asset.status === 'http_error' && asset.http_status !== null) return `the site answered ${asset.http_status}`;
  return REASONS[asset.status];
}

/**
 * The replay's stylesheets, fonts and images: how many Snag kept (the replay shows those,
 * never the live site's) and, for the others, why not — so a replay that looks off explains itself.
 */
export function AssetPanel({ project, session }: { project: string; session: string }) {
  const assets = useApi<ReplayAssetsResponse>(`/projects/${project}/sessions/${encodeURIComponent(session)}/assets`);
  if (!assets.data) return null;
  const { kept, not_kept: notKept } = assets.data;
  const missing = assets.data.assets.filter((asset) => asset.status !== 'stored');
  return (
    <section className="card asset-panel" aria-labelledby="assets-heading">
      <details open={notKept > 0}>
        <summary className="card-header">
          <h2 id="assets-heading">Page assets</h2>
          <span className="muted" data-testid="asset-summary">
            {kept} kept{notKept > 0 ? `, ${notKept} could not be kept` : ''}
          </span>
        </summary>
        <p className="muted asset-panel-note">
          Stylesheets, fonts and images are played from copies Snag kept when the session was recorded; the recorded
          site is never contacted.{kept + notKept === 0 ? ' None were found for this session.' : ''}
        </p>
        {missing.length > 0 ? (
          <ul className="asset-list">
            {missing.map((asset) => (
              <li key={asset.url}>
                <span className="asset-kind">{asset.kind}</span>
                <span className="asset-url" title={asset.url}>
                  {asset.url}
                </span>
                <span className="asset-reason" title={asset.detail || undefined}>
                  {reason(asset)}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </details>
    </section>
  );
}
