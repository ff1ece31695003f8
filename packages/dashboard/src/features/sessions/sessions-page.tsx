import type { SessionSort, SessionsResponse } from '@snag/protocol';
import { SESSION_SORTS } from '@snag/protocol/enums';
import { useParams } from 'react-router';
import { usePaged } from '../../api/use-paged';
import { KindSelect, PageSelect, RangeSelect } from '../../components/common-filters';
import { FilterBar, SelectField, TextField } from '../../components/fields';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { SESSIONS_PER_PAGE } from '../../lib/constants';
import { SESSION_DEVICE_OPTIONS } from '../../lib/devices';
import { DEFAULT_RANGE } from '../../lib/ranges';
import { useUrlParams } from '../../lib/use-url-params';
import { SessionTable } from './session-table';

const KEYS = [
  'from',
  'path',
  'kind',
  'element',
  'user',
  'release',
  'browser',
  'device',
  'has_error',
  'min_duration',
  'sort',
] as const;
const DEFAULTS = { from: DEFAULT_RANGE, sort: 'struggle' };

const ERROR_OPTIONS = [
  { value: '', label: 'Any' },
  { value: 'true', label: 'With errors' },
  { value: 'false', label: 'Without errors' },
];
const DURATION_OPTIONS = [
  { value: '', label: 'Any length' },
  { value: '10s', label: '≥ 10 s' },
  { value: '30s', label: '≥ 30 s' },
  { value: '1m', label: '≥ 1 min' },
  { value: '5m', label: '≥ 5 min' },
];
const SORT_LABELS: Record<SessionSort, string> = {
  struggle: 'Most struggle',
  recent: 'Most recent',
  duration: 'Longest',
};
const SORT_OPTIONS = SESSION_SORTS.map((sort) => ({ value: sort, label: SORT_LABELS[sort] }));

export function SessionsPage() {
  const { project = '' } = useParams();
  const [filters, setFilters] = useUrlParams(KEYS, DEFAULTS);
  const sessions = usePaged<SessionsResponse>(`/projects/${project}/sessions`, {
    ...filters,
    limit: SESSIONS_PER_PAGE,
  });
  const rows = sessions.data?.pages.flatMap((page) => page.sessions) ?? [];
  const narrowed = KEYS.some((key) => key !== 'from' && key !== 'sort' && filters[key] !== '');

  return (
    <>
      <PageHeader title="Sessions" subtitle="Find the sessions worth watching: filter, then open a replay." />
      <FilterBar>
        <RangeSelect value={filters.from} onChange={(from) => setFilters({ from })} />
        <PageSelect
          project={project}
          from={filters.from}
          value={filters.path}
          onChange={(path) => setFilters({ path })}
        />
        <KindSelect value={filters.kind} onChange={(kind) => setFilters({ kind })} />
        <SelectField
          label="Device"
          name="device"
          value={filters.device}
          options={SESSION_DEVICE_OPTIONS}
          onChange={(device) => setFilters({ device })}
        />
        <SelectField
          label="Errors"
          name="has_error"
          value={filters.has_error}
          options={ERROR_OPTIONS}
          onChange={(value) => setFilters({ has_error: value })}
        />
        <SelectField
          label="Duration"
          name="min_duration"
          value={filters.min_duration}
          options={DURATION_OPTIONS}
          onChange={(value) => setFilters({ min_duration: value })}
        />
        <TextField
          label="Element"
          value={filters.element}
          placeholder="selector or test id"
          onCommit={(element) => setFilters({ element })}
        />
        <TextField
          label="User"
          value={filters.user}
          placeholder="user or anonymous id"
          onCommit={(user) => setFilters({ user })}
        />
        <TextField
          label="Release"
          value={filters.release}
          placeholder="e.g. 1.5.0"
          onCommit={(release) => setFilters({ release })}
        />
        <TextField
          label="Browser"
          value={filters.browser}
          placeholder="e.g. Chrome"
          onCommit={(browser) => setFilters({ browser })}
        />
        <SelectField
          label="Sort"
          name="sort"
          value={filters.sort}
          options={SORT_OPTIONS}
          onChange={(sort) => setFilters({ sort })}
        />
      </FilterBar>
      <section className="card" aria-label="Results">
        {sessions.isPending ? (
          <LoadingState rows={6} />
        ) : sessions.isError ? (
          <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="No sessions match">
            {narrowed ? 'Clear a filter or widen the date range.' : 'No sessions were recorded in this range.'}
          </EmptyState>
        ) : (
          <>
            <SessionTable project={project} sessions={rows} />
            {sessions.hasNextPage ? (
              <div className="load-more">
                <button
                  type="button"
                  className="button"
                  disabled={sessions.isFetchingNextPage}
                  onClick={() => sessions.fetchNextPage()}
                >
                  {sessions.isFetchingNextPage ? 'Loading…' : 'Show more sessions'}
                </button>
              </div>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
