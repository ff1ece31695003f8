import type { HeatmapResponse } from '@snag/protocol';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/use-api';
import { usePages } from '../../api/use-projects';
import { PageSelect, RangeSelect } from '../../components/common-filters';
import { FilterBar, Segmented } from '../../components/fields';
import { PageHeader } from '../../components/page-header';
import { Stat } from '../../components/stat';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { HEATMAP_DEVICE_OPTIONS } from '../../lib/devices';
import { elementTitle } from '../../lib/element-names';
import { formatCount, formatShare } from '../../lib/format';
import { sessionsLink } from '../../lib/links';
import { DEFAULT_RANGE } from '../../lib/ranges';
import { useUrlParams } from '../../lib/use-url-params';
import { type HeatLayer, HeatmapCanvas } from './heatmap-canvas';

const KEYS = ['from', 'path', 'device', 'layer'] as const;
const DEFAULTS = { from: DEFAULT_RANGE, layer: 'clicks' };
const LAYERS = [
  { value: 'clicks', label: 'Clicks' },
  { value: 'scroll', label: 'Scroll depth' },
];
/** Reach shown as a figure: the share of views that got half-way down. */
const HALF_WAY_PCT = 50;

export function HeatmapPage() {
  const { project = '' } = useParams();
  const [filters, setFilters] = useUrlParams(KEYS, DEFAULTS);
  const pages = usePages(project, filters.from);
  const path = filters.path || pages.data?.pages[0]?.path || '';
  const heatmap = useApi<HeatmapResponse>(path ? `/projects/${project}/heatmap` : null, {
    from: filters.from,
    path,
    device: filters.device,
  });
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const data = heatmap.data;
  const totalClicks = data?.density.cells.reduce((sum, cell) => sum + cell.clicks, 0) ?? 0;
  const halfWay = data?.scroll.reached.find((step) => step.depth_pct === HALF_WAY_PCT)?.share ?? null;

  return (
    <>
      <PageHeader title="Heatmaps" subtitle="Where people click and how far they scroll, on the page as they saw it." />
      <FilterBar>
        <RangeSelect value={filters.from} onChange={(from) => setFilters({ from })} />
        <PageSelect
          project={project}
          from={filters.from}
          value={path}
          allLabel={null}
          onChange={(value) => setFilters({ path: value })}
        />
        <Segmented
          label="Device"
          value={filters.device}
          options={HEATMAP_DEVICE_OPTIONS}
          onChange={(device) => setFilters({ device })}
        />
        <Segmented label="Layer" value={filters.layer} options={LAYERS} onChange={(layer) => setFilters({ layer })} />
      </FilterBar>
      {!path ? (
        pages.isPending ? (
          <LoadingState />
        ) : (
          <EmptyState title="No pages yet">Once the SDK records page views, pick a page here.</EmptyState>
        )
      ) : heatmap.isPending ? (
        <LoadingState rows={6} />
      ) : heatmap.isError || !data ? (
        <ErrorState error={heatmap.error} onRetry={() => heatmap.refetch()} />
      ) : (
        <div className="heatmap-layout">
          <section className="card heatmap-card" aria-label="Page heatmap">
            <HeatmapCanvas
              project={project}
              from={filters.from}
              device={filters.device}
              heatmap={data}
              layer={filters.layer as HeatLayer}
              highlighted={highlighted}
            />
          </section>
          <aside className="heatmap-side">
            <section className="card" aria-label="Figures">
              <div className="stats stats-compact">
                <Stat label="Clicks" value={formatCount(totalClicks)} />
                <Stat label="Page views" value={formatCount(data.scroll.views)} />
                <Stat label="Reached half-way" value={formatShare(halfWay, 0)} />
              </div>
            </section>
            <section className="card" aria-labelledby="elements-heading">
              <div className="card-header">
                <h2 id="elements-heading">Most clicked</h2>
              </div>
              {data.elements.length === 0 ? (
                <p className="muted pad">No clicks on this page in this range.</p>
              ) : (
                <ol className="element-list">
                  {data.elements.map((element) => (
                    <li
                      key={element.element}
                      onMouseEnter={() => setHighlighted(element.element)}
                      onMouseLeave={() => setHighlighted(null)}
                    >
                      <Link
                        to={sessionsLink(project, { from: filters.from, path, element: element.element })}
                        onFocus={() => setHighlighted(element.element)}
                        onBlur={() => setHighlighted(null)}
                      >
                        <span className="element-name">
                          {elementTitle(element) || element.text.trim() || element.element}
                          <code className="sub">{element.element}</code>
                        </span>
                        <span className="element-figures">
                          <span className="strong">{formatCount(element.clicks)}</span>
                          <span className="sub">{formatCount(element.sessions)} sessions</span>
                        </span>
                      </Link>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </aside>
        </div>
      )}
    </>
  );
}
