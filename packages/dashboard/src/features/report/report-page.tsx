import type { HotspotsResponse } from '@snag/protocol';
import { useParams } from 'react-router';
import { usePaged } from '../../api/use-paged';
import { canManageAccess } from '../../auth/can-manage-access';
import { useAuthSession } from '../../auth/use-auth-session';
import { KindSelect, PageSelect, RangeSelect } from '../../components/common-filters';
import { FilterBar } from '../../components/fields';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { HOTSPOTS_PER_PAGE } from '../../lib/constants';
import { DEFAULT_RANGE } from '../../lib/ranges';
import { useUrlParams } from '../../lib/use-url-params';
import { ExportActions } from './export-actions';
import { HotspotTable } from './hotspot-table';
import { ReportSummary } from './report-summary';
import { ShareLinksCard } from './share-links-card';

const KEYS = ['from', 'kind', 'path'] as const;
const DEFAULTS = { from: DEFAULT_RANGE };

export function ReportPage() {
  const { project = '' } = useParams();
  const [filters, setFilters] = useUrlParams(KEYS, DEFAULTS);
  const canShare = canManageAccess(useAuthSession().data?.principal, project);
  const hotspots = usePaged<HotspotsResponse>(`/projects/${project}/hotspots`, {
    from: filters.from,
    kind: filters.kind,
    path: filters.path,
    limit: HOTSPOTS_PER_PAGE,
  });
  const rows = hotspots.data?.pages.flatMap((page) => page.hotspots) ?? [];

  return (
    <>
      <PageHeader
        title="Friction report"
        subtitle="Where people got stuck, ranked by how many sessions it hurt."
        actions={<ExportActions project={project} from={filters.from} canShare={canShare} />}
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
      </FilterBar>
      <ReportSummary project={project} from={filters.from} />
      <section className="card" aria-labelledby="hotspots-heading">
        <div className="card-header">
          <h2 id="hotspots-heading">Hotspots</h2>
          <p className="muted">Impact = affected sessions + sessions that gave up afterwards.</p>
        </div>
        {hotspots.isPending ? (
          <LoadingState />
        ) : hotspots.isError ? (
          <ErrorState error={hotspots.error} onRetry={() => hotspots.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="No friction found">
            {filters.kind || filters.path
              ? 'Nothing matches these filters in this range. Try a wider range or clear a filter.'
              : 'No struggle signals in this range yet. Once the SDK sends sessions, hotspots appear here.'}
          </EmptyState>
        ) : (
          <>
            <HotspotTable project={project} hotspots={rows} from={filters.from} />
            {hotspots.hasNextPage ? (
              <div className="load-more">
                <button
                  type="button"
                  className="button"
                  disabled={hotspots.isFetchingNextPage}
                  onClick={() => hotspots.fetchNextPage()}
                >
                  {hotspots.isFetchingNextPage ? 'Loading…' : 'Show more hotspots'}
                </button>
              </div>
            ) : null}
          </>
        )}
      </section>
      {canShare ? <ShareLinksCard project={project} /> : null}
    </>
  );
}
