import type { Hotspot, HotspotsResponse, TrendsResponse } from '@snag/protocol';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/use-api';
import { RangeSelect } from '../../components/common-filters';
import { FilterBar } from '../../components/fields';
import { KindBadge } from '../../components/kind-badge';
import { PageHeader } from '../../components/page-header';
import { Stat } from '../../components/stat';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { TimeChart } from '../../components/time-chart';
import { formatAgo, formatChange, formatClock, formatCount, formatDateTime, formatShare } from '../../lib/format';
import { heatmapLink, sessionsLink, struggleLink } from '../../lib/links';
import { DEFAULT_RANGE, intervalFor } from '../../lib/ranges';
import { kindInfo } from '../../lib/signal-kinds';
import { VIEWER_TZ } from '../../lib/time-zone';
import { useUrlParams } from '../../lib/use-url-params';
import { Explanation } from './explanation';
import { HotspotSnapshot } from './hotspot-snapshot';
import { hotspotName } from './hotspot-title';

const KEYS = ['from', 'path', 'kind', 'element'] as const;
const DEFAULTS = { from: DEFAULT_RANGE };
const MAX_HOTSPOTS = 200;

export function HotspotPage() {
  const { project = '' } = useParams();
  const [filters, setFilters] = useUrlParams(KEYS, DEFAULTS);
  const list = useApi<HotspotsResponse>(`/projects/${project}/hotspots`, {
    from: filters.from,
    path: filters.path,
    kind: filters.kind,
    limit: MAX_HOTSPOTS,
  });
  const hotspot = list.data?.hotspots.find((entry) => (entry.element?.key ?? '') === filters.element);

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={`/p/${project}?from=${encodeURIComponent(filters.from)}`}>Friction report</Link>
        <span aria-hidden="true">/</span>
        <span>Hotspot</span>
      </nav>
      {list.isPending ? (
        <LoadingState rows={6} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : !hotspot ? (
        <>
          <PageHeader title="Hotspot not found" />
          <FilterBar>
            <RangeSelect value={filters.from} onChange={(from) => setFilters({ from })} />
          </FilterBar>
          <EmptyState title="No such hotspot in this range">
            {filters.kind} on {filters.path || 'this page'} did not happen in this range. Try a wider range.
          </EmptyState>
        </>
      ) : (
        <HotspotView project={project} hotspot={hotspot} from={filters.from} setFrom={(from) => setFilters({ from })} />
      )}
    </>
  );
}

function HotspotView({
  project,
  hotspot,
  from,
  setFrom,
}: {
  project: string;
  hotspot: Hotspot;
  from: string;
  setFrom: (from: string) => void;
}) {
  const info = kindInfo(hotspot.kind);
  const trends = useApi<TrendsResponse>(`/projects/${project}/trends`, {
    from,
    interval: intervalFor(from),
    tz: VIEWER_TZ,
    kind: hotspot.kind,
    path: hotspot.path,
  });
  const chart = useMemo(() => {
    const buckets = trends.data?.buckets ?? [];
    return {
      times: buckets.map((bucket) => Date.parse(bucket.start) / 1_000),
      series: [
        {
          label: info.label,
          values: buckets.map((bucket) => bucket.signals[hotspot.kind] ?? 0),
          color: info.color,
          style: 'bars' as const,
        },
      ],
    };
  }, [trends.data, hotspot.kind, info]);
  const change = hotspot.trend.change;

  return (
    <>
      <PageHeader
        title={
          <>
            <KindBadge kind={hotspot.kind} /> {hotspotName(hotspot)}
          </>
        }
        subtitle={
          <>
            {info.description} on <code>{hotspot.path}</code>
            {hotspot.element ? (
              <>
                {' '}
                · <code>{hotspot.element.key}</code>
              </>
            ) : null}
          </>
        }
        actions={
          <>
            <Link className="button" to={heatmapLink(project, hotspot.path, from)}>
              Heatmap of this page
            </Link>
            <Link
              className="button button-primary"
              to={sessionsLink(project, {
                from,
                path: hotspot.path,
                kind: hotspot.kind,
                element: hotspot.element?.key,
              })}
            >
              All {formatCount(hotspot.sessions)} sessions
            </Link>
          </>
        }
      />
      <FilterBar>
        <RangeSelect value={from} onChange={setFrom} />
      </FilterBar>
      <section className="card" aria-label="Figures">
        <Explanation project={project} sentences={hotspot.explanation} from={from} />
        <div className="stats">
          <Stat label="Impact" value={formatCount(hotspot.impact)} hint="sessions hurt, lost ones counted twice" />
          <Stat
            label="Sessions affected"
            value={formatCount(hotspot.sessions)}
            hint={`${formatShare(hotspot.affected_share)} of ${formatCount(hotspot.page_sessions)} visits`}
          />
          <Stat
            label="Gave up afterwards"
            value={formatShare(hotspot.abandonment, 0)}
            hint={`${formatCount(hotspot.abandoned_sessions)} sessions`}
            tone={hotspot.abandonment > 0.5 ? 'bad' : undefined}
          />
          <Stat
            label="Occurrences"
            value={formatCount(hotspot.occurrences)}
            hint={`${formatCount(hotspot.users)} people`}
          />
          <Stat
            label="vs previous period"
            value={formatChange(change)}
            hint={`${formatCount(hotspot.trend.previous_sessions)} sessions before`}
            tone={change === null ? undefined : change > 0 ? 'bad' : 'good'}
          />
          <Stat
            label="Last seen"
            value={formatAgo(hotspot.last_seen)}
            hint={`first ${formatDateTime(hotspot.first_seen)}`}
          />
        </div>
        {chart.times.length > 1 ? (
          <TimeChart
            label={`${info.label} per ${intervalFor(from)}`}
            times={chart.times}
            series={chart.series}
            height={160}
          />
        ) : null}
      </section>
      <div className="hotspot-layout">
        <section className="card" aria-labelledby="snapshot-heading">
          <div className="card-header">
            <h2 id="snapshot-heading">Where it happens</h2>
            <p className="muted">The page as an affected user saw it, rebuilt from their recording.</p>
          </div>
          <HotspotSnapshot project={project} hotspot={hotspot} from={from} />
        </section>
        <section className="card" aria-labelledby="examples-heading">
          <div className="card-header">
            <h2 id="examples-heading">Watch it happen</h2>
          </div>
          <ul className="example-list">
            {hotspot.examples.map((example) => (
              <li key={example.session_id}>
                <Link to={struggleLink(project, example.session_id, example.offset_ms)} data-testid="example-link">
                  <span className="play-icon" aria-hidden="true">
                    ▶
                  </span>
                  <span>
                    <span className="strong">Session {example.session_id.slice(0, 14)}</span>
                    <span className="sub">struggle at {formatClock(example.offset_ms)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
