import type { SharedReport } from '@snag/protocol';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { publicGet } from '../../api/client';
import { KindBadge } from '../../components/kind-badge';
import { Stat } from '../../components/stat';
import { ErrorState, LoadingState } from '../../components/states';
import { formatChange, formatCount, formatDate, formatDateTime, formatShare } from '../../lib/format';
import { HotspotTitle } from '../report/hotspot-title';

/** A friction report opened from a share link: read-only, no sign-in, no links into the dashboard. */
export function SharedReportPage() {
  const { token = '' } = useParams();
  const report = useQuery({
    queryKey: ['shared-report', token],
    queryFn: () => publicGet<SharedReport>(`/share/reports/${encodeURIComponent(token)}?format=json`),
    retry: false,
  });
  return (
    <main className="shared-report">
      <header className="shared-header">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="26" height="26" />
          <span>Snag</span>
        </div>
        <span className="muted">Shared friction report · read-only</span>
      </header>
      {report.isPending ? (
        <LoadingState rows={6} />
      ) : report.isError ? (
        <SharedLinkError error={report.error} />
      ) : (
        <>
          <h1>Friction report: {report.data.project}</h1>
          <p className="page-subtitle">
            {formatDate(report.data.from)} – {formatDate(report.data.to)} · link valid until{' '}
            {formatDateTime(report.data.share.expires_at)}
          </p>
          <section className="card">
            <div className="stats">
              <Stat label="Sessions" value={formatCount(report.data.totals.sessions)} />
              <Stat label="Sessions with struggle" value={formatShare(report.data.totals.struggle_share)} />
              <Stat label="Struggle signals" value={formatCount(report.data.totals.signals)} />
            </div>
          </section>
          <section className="card" aria-labelledby="shared-hotspots">
            <div className="card-header">
              <h2 id="shared-hotspots">Top hotspots</h2>
            </div>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      #
                    </th>
                    <th scope="col">Hotspot</th>
                    <th scope="col">Struggle</th>
                    <th scope="col" className="num">
                      Impact
                    </th>
                    <th scope="col" className="num">
                      Sessions
                    </th>
                    <th scope="col" className="num">
                      Gave up
                    </th>
                    <th scope="col" className="num">
                      Trend
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.data.hotspots.map((hotspot) => (
                    <tr key={hotspot.rank}>
                      <td className="num rank">{hotspot.rank}</td>
                      <td>
                        <HotspotTitle hotspot={hotspot} />
                      </td>
                      <td>
                        <KindBadge kind={hotspot.kind} />
                      </td>
                      <td className="num strong">{formatCount(hotspot.impact)}</td>
                      <td className="num">{formatCount(hotspot.sessions)}</td>
                      <td className="num">{formatShare(hotspot.abandonment, 0)}</td>
                      <td className="num">{formatChange(hotspot.trend.change)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </main>
  );
}

/** A link that no longer opens says why in plain words; anything else is a normal error. */
function SharedLinkError({ error }: { error: unknown }) {
  if (!(error instanceof ApiError && error.code.startsWith('share_link_'))) return <ErrorState error={error} />;
  return (
    <div className="state state-error" role="alert" data-code={error.code}>
      <h3>{error.code === 'share_link_expired' ? 'This link has expired' : 'This link no longer works'}</h3>
      <p>
        {error.code === 'share_link_expired'
          ? 'Share links last a limited time.'
          : 'It was revoked, or whoever shared it can no longer share this project.'}{' '}
        Ask the person who sent it for a new link.
      </p>
    </div>
  );
}
