import { EXCESSIVE_SCROLL_MIN_REVERSALS, EXCESSIVE_SCROLL_QUANTILE, QUICK_BACK_WINDOW_MS } from './constants.js';
import { pageViewsSql } from './page-views-sql.js';

/**
 * Journey-level signals, which need the whole session and so are computed here
 * from page views rather than in the SDK (issue 4):
 * - quick_back: A → B → A where B was left by back navigation within
 *   QUICK_BACK_WINDOW_MS with no click, input or scroll on B;
 * - dead_end: struggle (an SDK signal) on a page the session then ended on or
 *   went back from — people could not get past it;
 * - excessive_scroll: scroll reversals in a page view of at least
 *   EXCESSIVE_SCROLL_MIN_REVERSALS and above the path's usual level (its p90).
 * Each is one row per page view with a deterministic id (`kind:page_id`), so it
 * deduplicates like an event. Columns: session_id, event_id, time, client_time,
 * path_pattern, path, kind, person, release.
 *
 * Reads the page views that started between `from` and `to` (DateTime64
 * expressions), the usual scroll level of a path over all of them; uses the
 * `project` parameter, and `session` when `oneSession` is set.
 */
export function journeySignalsSql(from: string, to: string, oneSession = false): string {
  return `
    SELECT session_id, concat(kind, ':', page_id) AS event_id, end_time AS time, end_client_time AS client_time,
           path_pattern, path, kind, person, release
    FROM (
        SELECT *,
               leadInFrame(path) OVER w AS next_path,
               leadInFrame(navigation) OVER w AS next_navigation,
               leadInFrame(start_time) OVER w AS next_time,
               lagInFrame(path) OVER w AS previous_path,
               row_number() OVER w = count() OVER w AS is_last
        FROM (${pageViewsSql(from, to, oneSession ? 'session' : 'journey-candidates')}) AS views
        LEFT JOIN (
            SELECT path_pattern, quantileExact(${EXCESSIVE_SCROLL_QUANTILE})(reversals) AS usual_reversals
            FROM (${pageViewsSql(from, to)})
            GROUP BY path_pattern
        ) AS usual USING path_pattern
        WINDOW w AS (PARTITION BY session_id ORDER BY start_time, page_id
                     ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    )
    ARRAY JOIN arrayFilter(k -> k != '', [
        if(previous_path != '' AND next_path = previous_path AND next_navigation = 'back_forward'
           AND interactions = 0 AND dateDiff('millisecond', start_time, next_time) <= ${QUICK_BACK_WINDOW_MS},
           'quick_back', ''),
        if(struggles > 0 AND (is_last OR next_navigation = 'back_forward'), 'dead_end', ''),
        if(reversals >= ${EXCESSIVE_SCROLL_MIN_REVERSALS} AND reversals > usual_reversals, 'excessive_scroll', '')
    ]) AS kind`;
}
