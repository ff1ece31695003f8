import {
  EXCESSIVE_SCROLL_BASELINE_DAYS,
  EXCESSIVE_SCROLL_MIN_BASELINE_VIEWS,
  EXCESSIVE_SCROLL_QUANTILE,
} from './constants.js';

/**
 * CTEs of `sessionFactsSql` that judge each excessive-scroll candidate (a page view of the
 * `journey` CTE with at least EXCESSIVE_SCROLL_MIN_REVERSALS reversals) against its path's
 * usual level: the EXCESSIVE_SCROLL_QUANTILE of the reversals of the path's page views in
 * other sessions that started in the EXCESSIVE_SCROLL_BASELINE_DAYS before the candidate
 * ended, exactly as `quantileExact` picks it (the value at index ⌊level × n⌋ of the sorted
 * views). The rule does not depend on a report's range, so the verdict is stored with the
 * session's facts (migration 0016) and readers count the rows as they are.
 *
 * The earlier views are the stored `view` facts (sessions that are over, counted by sign
 * so a cancelled copy cancels its row) of sessions outside `baselineCondition`, and the
 * page views of the sessions inside it, grouped here (`page_groups` when it is the
 * computed sessions' own condition): the refresh's settled sessions, or every live session
 * when readers compute some of them live.
 *
 * `usual_scroll` has one row per judged candidate (project_id, session_id, page_id) with
 * `baseline_views` and `usual_reversals`; a candidate is kept by `SCROLL_JUDGED_SQL`.
 */
export function usualScrollCtes(sessionCondition: string, baselineCondition: string): string {
  const others =
    baselineCondition === sessionCondition
      ? 'page_groups WHERE was_viewed = 1'
      : `(
            SELECT project_id, session_id, max(path_pattern) AS path_pattern, min(start) AS start_time,
                   max(reversals) AS reversals, max(viewed) AS was_viewed
            FROM {db:Identifier}.page_views
            WHERE ${baselineCondition}
            GROUP BY project_id, session_id, page_id
            HAVING was_viewed = 1
        )`;
  return `
    scroll_candidates AS (
        SELECT project_id, session_id, page_id, path_pattern, end_time FROM journey WHERE kind = 'excessive_scroll'
    ),
    scroll_baseline AS (
        SELECT project_id, session_id, toString(path_pattern) AS path_pattern, start, reversals, toInt64(sign) AS views
        FROM {db:Identifier}.session_facts
        WHERE kind = 'view' AND NOT (${baselineCondition})
          AND (project_id, toString(path_pattern)) IN (SELECT project_id, path_pattern FROM scroll_candidates)
          AND start >= (SELECT min(end_time) FROM scroll_candidates) - toIntervalDay(${EXCESSIVE_SCROLL_BASELINE_DAYS})
          AND start < (SELECT max(end_time) FROM scroll_candidates)
        UNION ALL
        SELECT project_id, session_id, path_pattern, start_time AS start, reversals, toInt64(1) AS views
        FROM ${others}
    ),
    scroll_levels AS (
        SELECT c.project_id AS project_id, c.session_id AS session_id, c.page_id AS page_id,
               b.reversals AS level, sum(b.views) AS level_views
        FROM scroll_candidates AS c
        INNER JOIN scroll_baseline AS b ON b.project_id = c.project_id AND b.path_pattern = c.path_pattern
        WHERE b.session_id != c.session_id
          AND b.start >= c.end_time - toIntervalDay(${EXCESSIVE_SCROLL_BASELINE_DAYS}) AND b.start < c.end_time
        GROUP BY project_id, session_id, page_id, level
        HAVING level_views > 0
    ),
    usual_scroll AS (
        SELECT project_id, session_id, page_id,
               arraySort(groupArray((level, level_views))) AS histogram,
               arrayCumSum(arrayMap(h -> h.2, histogram)) AS cumulative,
               arraySum(arrayMap(h -> h.2, histogram)) AS baseline_views,
               toInt64(${EXCESSIVE_SCROLL_QUANTILE} * baseline_views) AS level_index,
               arrayElement(histogram, arrayFirstIndex(c -> c > level_index, cumulative)).1 AS usual_reversals
        FROM scroll_levels
        GROUP BY project_id, session_id, page_id
    ),`;
}

/** The join that gives a `journey` row `r` its usual level (`u`), and the condition that keeps judged rows only. */
export const SCROLL_VERDICT_JOIN = `
    LEFT JOIN usual_scroll AS u ON u.project_id = r.project_id AND u.session_id = r.session_id AND u.page_id = r.page_id`;
export const SCROLL_JUDGED_SQL = `(r.kind != 'excessive_scroll'
      OR (u.baseline_views >= ${EXCESSIVE_SCROLL_MIN_BASELINE_VIEWS} AND r.reversals > u.usual_reversals))`;
