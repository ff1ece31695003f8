import type { HeatmapDeviceClass } from '@snag/protocol';
import { pageViewsSql } from '../analytics/page-views-sql.js';
import { ELEMENT_KEY_SQL, PATH_FILTER_SQL, RANGE_SQL, READ_SETTINGS, when } from '../analytics/sql-fragments.js';
import type { TimeRange } from '../analytics/time-range.js';
import type { Store } from '../store/client.js';
import { HEATMAP_COLUMNS, HEATMAP_ELEMENT_LIMIT, HEATMAP_ROW_PX, SCROLL_DEPTH_STEP_PCT } from './constants.js';

export interface HeatmapFilters {
  range: TimeRange;
  path: string;
  device?: HeatmapDeviceClass | undefined;
}

export interface ElementClicksRow {
  element: string;
  selector: string;
  tag: string;
  text: string;
  clicks: number;
  sessions: number;
  /** Where its name is looked up: its pattern and most recent session (`[time, session]`). */
  element_pattern: string;
  examples: Array<[number, string]>;
}

export interface DensityRow {
  column: number;
  row: number;
  clicks: number;
}

export interface ScrollDepthRow {
  depth_pct: number;
  views: number;
  reached_share: number;
}

function filterSql(filters: HeatmapFilters): string {
  return `project_id = {project:String} AND ${RANGE_SQL} AND ${PATH_FILTER_SQL}
    AND ${when(filters.device !== undefined, 'device = {device:String}')}`;
}

function params(projectId: string, filters: HeatmapFilters) {
  return {
    project: projectId,
    from: filters.range.from,
    to: filters.range.to,
    path: filters.path,
    device: filters.device ?? '',
  };
}

/** Clicks per element, keyed by test id / ARIA label / selector so a redesign keeps the counts together. */
export function findElementClicks(store: Store, projectId: string, filters: HeatmapFilters) {
  return store.query<ElementClicksRow>(
    `SELECT ${ELEMENT_KEY_SQL} AS element,
            argMax(element_selector, time) AS selector, argMax(element_tag, time) AS tag,
            argMax(element_text, time) AS text,
            uniqExact(event_id) AS clicks, uniqExact(session_id) AS sessions,
            argMax(path_pattern, time) AS element_pattern, [(toUnixTimestamp64Milli(max(time)), argMax(session_id, time))] AS examples
     FROM {db:Identifier}.key_events
     WHERE type = 'click' AND ${filterSql(filters)}
     GROUP BY element
     ORDER BY clicks DESC, element
     LIMIT ${HEATMAP_ELEMENT_LIMIT}`,
    params(projectId, filters),
    READ_SETTINGS,
  );
}

/** Click density: columns of 1/HEATMAP_COLUMNS of the page width (so widths compare), rows of HEATMAP_ROW_PX px. */
export function findClickDensity(store: Store, projectId: string, filters: HeatmapFilters) {
  return store.query<DensityRow>(
    `SELECT least(toUInt32(floor(x * ${HEATMAP_COLUMNS} / page_width)), ${HEATMAP_COLUMNS - 1}) AS column,
            intDiv(y, ${HEATMAP_ROW_PX}) AS row,
            uniqExact(event_id) AS clicks
     FROM {db:Identifier}.key_events
     WHERE type = 'click' AND page_width > 0 AND ${filterSql(filters)}
     GROUP BY row, column
     ORDER BY row, column`,
    params(projectId, filters),
    READ_SETTINGS,
  );
}

/**
 * Scroll depth per page view (deepest point over page height; views that never
 * scrolled count as 0 %), then the share of views that reached each step.
 */
export function findScrollDepth(store: Store, projectId: string, filters: HeatmapFilters) {
  return store.query<ScrollDepthRow>(
    `WITH
         fromUnixTimestamp64Milli({from:Int64}, 'UTC') AS range_from,
         fromUnixTimestamp64Milli({to:Int64}, 'UTC') AS range_to
     SELECT depth_pct, views,
            round(sum(views) OVER (ORDER BY depth_pct DESC ROWS UNBOUNDED PRECEDING) / sum(views) OVER (), 4)
              AS reached_share
     FROM (
         SELECT toUInt8(least(100, intDiv(toUInt32(depth), ${SCROLL_DEPTH_STEP_PCT}) * ${SCROLL_DEPTH_STEP_PCT})) AS depth_pct,
                count() AS views
         FROM (
             SELECT if(page_height > 0, 100 * scroll_depth / page_height, 0) AS depth
             FROM (${pageViewsSql('range_from', 'range_to')})
             WHERE ${PATH_FILTER_SQL} AND ${when(filters.device !== undefined, 'device = {device:String}')}
         )
         GROUP BY depth_pct
         ORDER BY depth_pct WITH FILL FROM 0 TO 101 STEP ${SCROLL_DEPTH_STEP_PCT}
     )
     ORDER BY depth_pct`,
    params(projectId, filters),
    READ_SETTINGS,
  );
}
