import type { ReleaseComparison, ReleaseTrendsResponse } from '@snag/protocol';
import { useParams } from 'react-router';
import { useApi } from '../../api/use-api';
import { RangeSelect } from '../../components/common-filters';
import { FilterBar, SelectField } from '../../components/fields';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatCount } from '../../lib/format';
import { DEFAULT_COMPARE_RANGE } from '../../lib/ranges';
import { VIEWER_TZ } from '../../lib/time-zone';
import { useUrlParams } from '../../lib/use-url-params';
import { ChangeTable } from './change-table';
import { releasesInOrder } from './release-list';
import { UnchangedSection } from './unchanged-section';

const KEYS = ['from', 'base', 'head'] as const;
const DEFAULTS = { from: DEFAULT_COMPARE_RANGE };

const GROUPS = [
  { key: 'new', title: 'New', hint: 'absent in the base release', tone: 'bad' },
  { key: 'worse', title: 'Worse', hint: 'significantly more sessions affected', tone: 'bad' },
  { key: 'better', title: 'Better', hint: 'significantly fewer sessions affected', tone: 'good' },
  { key: 'gone', title: 'Gone', hint: 'absent in the head release', tone: 'good' },
] as const;

export function ReleasesPage() {
  const { project = '' } = useParams();
  const [filters, setFilters] = useUrlParams(KEYS, DEFAULTS);
  const trends = useApi<ReleaseTrendsResponse>(`/projects/${project}/trends`, {
    from: filters.from,
    interval: 'day',
    tz: VIEWER_TZ,
    split: 'release',
  });
  const releases = releasesInOrder(trends.data);
  const head = filters.head || releases.at(-1) || '';
  const base = filters.base || releases.filter((release) => release !== head).at(-1) || '';
  const ready = base !== '' && head !== '' && base !== head;
  const comparison = useApi<ReleaseComparison>(ready ? `/projects/${project}/releases/compare` : null, {
    from: filters.from,
    base,
    head,
  });
  const options = releases.map((release) => ({ value: release, label: release }));

  return (
    <>
      <PageHeader
        title="Releases"
        subtitle="Did the last release make things better or worse? Rates are per session that viewed the page."
      />
      <FilterBar>
        <RangeSelect value={filters.from} onChange={(from) => setFilters({ from })} />
        <SelectField
          label="Base release"
          name="base"
          value={base}
          options={options}
          onChange={(value) => setFilters({ base: value })}
        />
        <SelectField
          label="Head release"
          name="head"
          value={head}
          options={options}
          onChange={(value) => setFilters({ head: value })}
        />
      </FilterBar>
      {trends.isPending ? (
        <LoadingState />
      ) : trends.isError ? (
        <ErrorState error={trends.error} onRetry={() => trends.refetch()} />
      ) : releases.length < 2 ? (
        <EmptyState title="Fewer than two releases in this range">
          Tag sessions with a release (<code>data-release</code> on the script tag, or <code>release</code> in{' '}
          <code>init</code>) to compare them.
        </EmptyState>
      ) : !ready ? (
        <EmptyState title="Pick two different releases" />
      ) : comparison.isPending ? (
        <LoadingState rows={6} />
      ) : comparison.isError ? (
        <ErrorState error={comparison.error} onRetry={() => comparison.refetch()} />
      ) : (
        <>
          <section className="card" aria-label="Verdict">
            <div className="stats">
              {GROUPS.map((group) => (
                <div key={group.key} className="stat">
                  <div className="stat-label">{group.title}</div>
                  <div className={`stat-value tone-${comparison.data[group.key].length > 0 ? group.tone : 'none'}`}>
                    {comparison.data[group.key].length}
                  </div>
                  <div className="stat-hint">{group.hint}</div>
                </div>
              ))}
              <div className="stat">
                <div className="stat-label">Unchanged</div>
                <div className="stat-value">{comparison.data.unchanged}</div>
                <div className="stat-hint">
                  {formatCount(comparison.data.base.sessions)} vs {formatCount(comparison.data.head.sessions)} sessions
                </div>
              </div>
            </div>
          </section>
          {GROUPS.map((group) =>
            comparison.data[group.key].length === 0 ? null : (
              <section key={group.key} className="card" aria-labelledby={`group-${group.key}`}>
                <div className="card-header">
                  <h2 id={`group-${group.key}`}>
                    <span className={`dot tone-${group.tone}`} aria-hidden="true" /> {group.title} in {head}
                  </h2>
                  <p className="muted">{group.hint}</p>
                </div>
                <ChangeTable project={project} changes={comparison.data[group.key]} from={filters.from} />
              </section>
            ),
          )}
          <UnchangedSection project={project} changes={comparison.data.same} head={head} from={filters.from} />
        </>
      )}
    </>
  );
}
