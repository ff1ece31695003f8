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
 *   EXCESSIVE_SCROLL_MIN_REVERSALS and above the path's usual level (its p90 over
 *   the page views of the range read).
 * Each is one row per page view with a deterministic id (`kind:page_id`), so it
 * deduplicates like an event. Columns: session_id, event_id, time, client_time,
 * path_pattern, path, kind, person, release.
 *
 * Reads the signals of the page views that started between `from` and `to`
 * (DateTime64 expressions), judged over their whole session; uses the `project`
 * parameter, and `session` when `oneSession` is set. Two sources:
 * - `journey_signals` (migration 0005), which a refreshable materialized view fills
 *   every minute for the sessions that are over, with the same rules as below;
 * - a live computation for the sessions that received data since its last refresh
 *   covered them (`session_activity`), so new data counts at once.
 */
export function journeySignalsSql(from: string, to: string, oneSession = false): string {
  const session = oneSession ? ' AND session_id = {session:String}' : '';
  return `
    SELECT session_id, event_id, time, client_time, path_pattern, path, kind, person, release
    FROM (
        SELECT session_id, event_id, latest.1 AS time, latest.2 AS client_time, latest.3 AS path_pattern,
               latest.4 AS path, latest.5 AS kind, latest.6 AS person, latest.7 AS release, latest.8 AS reversals
        FROM (
            SELECT session_id, event_id,
                   argMax((time, client_time, path_pattern, path, kind, person, release, reversals, deleted), version)
                     AS latest
            FROM {db:Identifier}.journey_signals
            WHERE project_id = {project:String} AND start >= ${from} AND start < ${to}${session}
              AND session_id NOT IN (${LIVE_SESSIONS_SQL})
            GROUP BY session_id, event_id, start
        )
        WHERE latest.9 = 0
        UNION ALL
        SELECT session_id, event_id, time, client_time, path_pattern, path, kind, person, release, reversals
        FROM (${liveJourneyRowsSql(from, session)})
        WHERE start >= ${from} AND start < ${to}
    ) AS signals
    LEFT JOIN (
        SELECT path_pattern, quantileExact(${EXCESSIVE_SCROLL_QUANTILE})(reversals) AS usual_reversals
        FROM (${pageViewsSql(from, to)})
        GROUP BY path_pattern
    ) AS usual USING path_pattern
    WHERE kind != 'excessive_scroll' OR reversals > usual_reversals`;
}

/**
 * Sessions that received data after the last refresh of `journey_signals` covered
 * them (all of them before the first refresh). One scalar coverage per query, so the
 * precomputed and the live part split the sessions the same way.
 */
const LIVE_SESSIONS_SQL = `
    SELECT session_id FROM {db:Identifier}.session_activity
    WHERE project_id = {project:String}
      AND last_seen > (SELECT max(time) FROM {db:Identifier}.journey_signals
                       WHERE project_id = '' AND event_id = 'coverage')`;

/**
 * Live journey rows of the active sessions that can hold one with a page view from
 * `from` on: a signal (a possible dead end), a back navigation (a possible quick back)
 * or enough scroll reversals (an excessive-scroll candidate). Whole sessions are
 * windowed, as the refresh does; `excessive_scroll` rows are candidates, judged
 * against the usual level by the caller. Adds `start` (the page view's) and `reversals`.
 */
function liveJourneyRowsSql(from: string, session: string): string {
  return `
    SELECT session_id, concat(kind, ':', page_id) AS event_id, start_time AS start, end_time AS time,
           end_client_time AS client_time, path_pattern, path, kind, person, release, reversals
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
        FROM (
            SELECT session_id, page_id,
                   min(start) AS start_time, max(end) AS end_time, max(end_client) AS end_client_time,
                   max(path) AS path, max(path_pattern) AS path_pattern, max(navigation) AS navigation,
                   sum(interactions) AS interactions, sum(struggles) AS struggles, max(reversals) AS reversals,
                   if(max(user_id) != '', max(user_id), max(anonymous_id)) AS person, max(release) AS release
            FROM {db:Identifier}.page_views
            WHERE project_id = {project:String}${session}
              AND session_id IN (
                  SELECT session_id FROM {db:Identifier}.page_views
                  WHERE project_id = {project:String}${session} AND start >= ${from}
                    AND (struggles > 0 OR navigation = 'back_forward' OR reversals >= ${EXCESSIVE_SCROLL_MIN_REVERSALS})
                    AND session_id IN (${LIVE_SESSIONS_SQL}))
            GROUP BY session_id, page_id
            HAVING max(viewed) = 1
        )
        WINDOW w AS (PARTITION BY session_id ORDER BY start_time, page_id
                     ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    )
    ARRAY JOIN arrayFilter(k -> k != '', [
        if(is_quick_back, 'quick_back', ''),
        if(is_quick_back OR (struggles > 0 AND (ended_here OR next_navigation = 'back_forward')), 'dead_end', ''),
        if(reversals >= ${EXCESSIVE_SCROLL_MIN_REVERSALS}, 'excessive_scroll', '')
    ]) AS kind`;
}
