import type { ReleaseTrendsResponse, TrendsResponse } from '@snag/protocol';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useApi } from '../../api/use-api';
import { KindSelect, PageSelect, RangeSelect } from '../../components/common-filters';
import { FilterBar, Segmented } from '../../components/fields';
import { PageHeader } from '../../components/page-header';
import { Stat } from '../../components/stat';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { TimeChart } from '../../components/time-chart';
import { formatCount, formatShare } from '../../lib/format';
import { DEFAULT_RANGE, intervalFor } from '../../lib/ranges';
import { VIEWER_TZ } from '../../lib/time-zone';
import { useUrlParams } from '../../lib/use-url-params';
import { bucketTimes, kindSeries, releaseSeries, sessionSeries } from './trend-series';

const KEYS = ['from', 'kind', 'path', 'split'] as const;
const DEFAULTS = { from: DEFAULT_RANGE };
const SPLITS = [
  { value: '', label: 'All traffic' },
  { value: 'release', label: 'By release' },
];

export function TrendsPage() {
  const { project = '' } = useParams();
  const [filters, setFilters] = useUrlParams(KEYS, DEFAULTS);
  const interval = intervalFor(filters.from);
  const trends = useApi<TrendsResponse | ReleaseTrendsResponse>(`/projects/${project}/trends`, {
    from: filters.from,
    interval,
    tz: VIEWER_TZ,
    kind: filters.kind,
    path: filters.path,
    split: filters.split,
  });
  const charts = useMemo(() => {
    const data = trends.data;
    const buckets = data && 'buckets' in data ? data.buckets : [];
    return {
      times: bucketTimes(buckets),
      sessions: sessionSeries(buckets),
      kinds: kindSeries(buckets),
      releases: data && 'series' in data ? releaseSeries(data) : null,
      totals: buckets.reduce(
        (sum, bucket) => ({
          sessions: sum.sessions + bucket.sessions,
          struggling: sum.struggling + bucket.struggling_sessions,
          signals: sum.signals + Object.values(bucket.signals).reduce((a, b) => a + (b ?? 0), 0),
        }),
        { sessions: 0, struggling: 0, signals: 0 },
      ),
    };
  }, [trends.data]);

  return (
    <>
      <PageHeader
        title="Trends"
        subtitle="Is friction growing or shrinking? Sessions, struggle and signals over time."
      />
      <FilterBar>
        <RangeSelect value={filters.from} onChange={(from) => setFilters({ from })} />
        <KindSelect value={filters.kind} onChange={(kind) => setFilters({ kind })} />
        <PageSelect
          project={project}
          from={filters.from}
          value={filters.path}
          onChange={(path) => setFilters({ path })}
        />
        <Segmented label="Split" value={filters.split} options={SPLITS} onChange={(split) => setFilters({ split })} />
      </FilterBar>
      {trends.isPending ? (
        <LoadingState rows={6} />
      ) : trends.isError ? (
        <ErrorState error={trends.error} onRetry={() => trends.refetch()} />
      ) : charts.releases ? (
        <section className="card" aria-labelledby="release-heading">
          <div className="card-header">
            <h2 id="release-heading">Share of sessions that struggled, by release</h2>
          </div>
          {charts.releases.series.length === 0 ? (
            <EmptyState title="No sessions in this range" />
          ) : (
            <TimeChart
              label="Struggle share by release"
              times={charts.releases.times}
              series={charts.releases.series}
            />
          )}
        </section>
      ) : charts.totals.sessions === 0 ? (
        <EmptyState title="No sessions in this range">Widen the date range or clear a filter.</EmptyState>
      ) : (
        <>
          <section className="card" aria-label="Totals">
            <div className="stats">
              <Stat label="Sessions" value={formatCount(charts.totals.sessions)} />
              <Stat
                label="Struggled"
                value={formatShare(charts.totals.struggling / Math.max(1, charts.totals.sessions))}
                hint={`${formatCount(charts.totals.struggling)} sessions`}
              />
              <Stat label="Signals" value={formatCount(charts.totals.signals)} />
            </div>
          </section>
          <section className="card" aria-labelledby="sessions-heading">
            <div className="card-header">
              <h2 id="sessions-heading">Sessions and the share that struggled, per {interval}</h2>
            </div>
            <TimeChart
              interval={interval}
              label="Sessions and struggle share"
              times={charts.times}
              series={charts.sessions}
            />
          </section>
          <section className="card" aria-labelledby="kinds-heading">
            <div className="card-header">
              <h2 id="kinds-heading">Signals by kind, per {interval}</h2>
            </div>
            {charts.kinds.length === 0 ? (
              <EmptyState title="No struggle signals in this range" />
            ) : (
              <TimeChart interval={interval} label="Signals by kind" times={charts.times} series={charts.kinds} />
            )}
          </section>
        </>
      )}
    </>
  );
}
