import {
  AUTH_PATH_REGEX,
  EXCESSIVE_SCROLL_MIN_REVERSALS,
  EXCESSIVE_SCROLL_QUANTILE,
  QUICK_BACK_MIN_DWELL_MS,
  QUICK_BACK_WINDOW_MS,
  SESSION_ENDED_AFTER_MS,
} from './constants.js';
import { pageViewsSql } from './page-views-sql.js';

/**
 * Journey-level signals, which need the whole session and so are computed here
 * from page views rather than in the SDK (issue 4):
 * - quick_back: A → B → A where B was left by back navigation within
 *   QUICK_BACK_WINDOW_MS with no click, input or scroll on B; not when B was only
 *   bounced through (left within QUICK_BACK_MIN_DWELL_MS: a redirect or a script
 *   sending people back) or is a sign-in page (an auth bounce);
 * - dead_end: a page people could not get past — struggle (an SDK signal) on a
 *   page the session then ended on (once it is over: quiet for SESSION_ENDED_AFTER_MS)
 *   or went back from, or a quick back from it;
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
               row_number() OVER w = count() OVER w
                 AND dateDiff('millisecond', end_time, now64(3)) > ${SESSION_ENDED_AFTER_MS} AS ended_here,
               dateDiff('millisecond', start_time, next_time) AS dwell_ms,
               previous_path != '' AND next_path = previous_path AND path != previous_path
                 AND next_navigation = 'back_forward' AND interactions = 0
                 AND dwell_ms BETWEEN ${QUICK_BACK_MIN_DWELL_MS} AND ${QUICK_BACK_WINDOW_MS}
                 AND NOT match(path, '${AUTH_PATH_REGEX}') AS is_quick_back
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
        if(is_quick_back, 'quick_back', ''),
        if(is_quick_back OR (struggles > 0 AND (ended_here OR next_navigation = 'back_forward')), 'dead_end', ''),
        if(reversals >= ${EXCESSIVE_SCROLL_MIN_REVERSALS} AND reversals > usual_reversals, 'excessive_scroll', '')
    ]) AS kind`;
}
