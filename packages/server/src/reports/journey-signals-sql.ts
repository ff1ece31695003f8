import {
  AUTH_PATH_REGEX,
  EXCESSIVE_SCROLL_MIN_REVERSALS,
  EXCESSIVE_SCROLL_QUANTILE,
  QUICK_BACK_MIN_DWELL_MS,
  QUICK_BACK_WINDOW_MS,
  SESSION_ENDED_AFTER_MS,
} from './constants.js';

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
 * parameter, and `session` when `oneSession` is set. Two sources, split by session:
 * - `journey_signals` (migration 0005), which a refreshable materialized view fills
 *   every minute for the sessions that are over, with the same rules as below: signal
 *   rows, and a `view` row per page view from which a path's usual scroll level over
 *   any range is counted;
 * - a live computation for the sessions that received data since its last refresh
 *   covered them (`session_activity`), so new data counts at once.
 * Stored rows are summed by `sign` (VersionedCollapsingMergeTree), so no FINAL is needed.
 */
export function journeySignalsSql(from: string, to: string, live: LiveSessions, oneSession = false): string {
  const session = oneSession ? ' AND session_id = {session:String}' : '';
  // No live session (the usual case between bursts of traffic): no live part at all.
  const noneLive = live.listed && live.params.live_sessions.length === 0;
  const liveSet = live.listed ? '{live_sessions:Array(String)}' : `(${LIVE_SESSIONS_SQL})`;
  const stored = `
        SELECT session_id, event_id, time, client_time, path_pattern, path, stored_kind AS kind, person, release,
               reversals
        FROM (
            SELECT session_id, event_id, argMaxIf(time, version, sign = 1) AS time,
                   argMaxIf(client_time, version, sign = 1) AS client_time,
                   argMaxIf(path_pattern, version, sign = 1) AS path_pattern,
                   argMaxIf(path, version, sign = 1) AS path, any(kind) AS stored_kind,
                   argMaxIf(person, version, sign = 1) AS person, argMaxIf(release, version, sign = 1) AS release,
                   argMaxIf(reversals, version, sign = 1) AS reversals
            FROM {db:Identifier}.journey_signals
            WHERE project_id = {project:String} AND kind IN ('quick_back', 'dead_end', 'excessive_scroll')
              AND start >= ${from} AND start < ${to}${session}${noneLive ? '' : ` AND session_id NOT IN ${liveSet}`}
            GROUP BY session_id, event_id, start
            HAVING sum(sign) > 0
        )`;
  const computed = `
        SELECT session_id, event_id, time, client_time, path_pattern, path, kind, person, release, reversals
        FROM (${liveJourneyRowsSql(`AND session_id IN (${liveCandidatesSql(from, session, liveSet)})`)})
        WHERE kind != 'view' AND start >= ${from} AND start < ${to}`;
  return `
    SELECT session_id, event_id, time, client_time, path_pattern, path, kind, person, release
    FROM (${noneLive ? stored : `${stored}\n        UNION ALL${computed}`}) AS signals
    LEFT JOIN (${usualReversalsSql(from, to, noneLive ? undefined : liveSet)}) AS usual USING path_pattern
    WHERE kind != 'excessive_scroll' OR reversals > usual_reversals`;
}

/**
 * The sessions whose journey signals a request computes live: listed once per request
 * when there are few (the usual case: those active in the last half hour), so every part
 * of the query splits the sessions alike and `IN` uses the primary key; else (before the
 * first refresh) left to the subquery `LIVE_SESSIONS_SQL`, the same text everywhere.
 */
export interface LiveSessions {
  listed: boolean;
  /** The `live_sessions` query parameter. */
  params: { live_sessions: string[] };
}

/** Sessions that received data after the last refresh of `journey_signals` covered them (all before the first refresh). */
export const LIVE_SESSIONS_SQL = `
    SELECT session_id FROM {db:Identifier}.session_activity
    WHERE project_id = {project:String}
      AND last_seen > (SELECT max(time) FROM {db:Identifier}.journey_signals
                       WHERE project_id = '' AND kind = 'coverage')`;

/**
 * Active sessions that can hold a journey signal on a page view from `from` on: a
 * signal (a possible dead end), a back navigation (a possible quick back) or enough
 * scroll reversals (an excessive-scroll candidate). Every raw row of a page view
 * starts no earlier than the view, so `start >= from` loses none.
 */
function liveCandidatesSql(from: string, session: string, liveSet: string): string {
  return `
    SELECT session_id FROM {db:Identifier}.page_views
    WHERE project_id = {project:String}${session} AND start >= ${from}
      AND (struggles > 0 OR navigation = 'back_forward' OR reversals >= ${EXCESSIVE_SCROLL_MIN_REVERSALS})
      AND session_id IN ${liveSet}`;
}

/**
 * A path's usual scroll level: the EXCESSIVE_SCROLL_QUANTILE of the reversals of its
 * page views that started in the range, exactly as `quantileExact` picks it (the value
 * at index ⌊level × n⌋ of the sorted views), from a histogram of (path, reversals) →
 * views: stored `view` rows of covered sessions plus the live sessions' page views.
 */
function usualReversalsSql(from: string, to: string, liveSet: string | undefined): string {
  const stored = `
            SELECT toString(path_pattern) AS path_pattern, reversals, sum(sign) AS views
            FROM {db:Identifier}.journey_signals
            WHERE project_id = {project:String} AND kind = 'view' AND start >= ${from} AND start < ${to}
              ${liveSet ? `AND session_id NOT IN ${liveSet}` : ''}
            GROUP BY path_pattern, reversals`;
  const computed = `
            SELECT path_pattern, reversals, toInt64(count()) AS views
            FROM (${liveJourneyRowsSql(`AND session_id IN ${liveSet}`)})
            WHERE kind = 'view' AND start >= ${from} AND start < ${to}
            GROUP BY path_pattern, reversals`;
  return `
    SELECT path_pattern,
           arraySort(groupArray((reversals, views))) AS histogram,
           arrayCumSum(arrayMap(h -> h.2, histogram)) AS cumulative,
           toUInt64(${EXCESSIVE_SCROLL_QUANTILE} * arraySum(arrayMap(h -> h.2, histogram))) AS index,
           arrayElement(histogram, arrayFirstIndex(c -> c > index, cumulative)).1 AS usual_reversals
    FROM (
        SELECT path_pattern, reversals, sum(views) AS views
        FROM (${liveSet ? `${stored}\n            UNION ALL${computed}` : stored})
        GROUP BY path_pattern, reversals
        HAVING views > 0
    )
    GROUP BY path_pattern`;
}

/**
 * Journey rows of the sessions `sessionFilter` selects (a condition on `session_id`),
 * windowed over their whole session as the refresh does: a `view` row per page view,
 * the signals, and `excessive_scroll` candidates, judged against the usual level by
 * the caller. Adds `start` (the page view's) and `reversals`.
 */
function liveJourneyRowsSql(sessionFilter: string): string {
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
            WHERE project_id = {project:String} ${sessionFilter}
            GROUP BY session_id, page_id
            HAVING max(viewed) = 1
        )
        WINDOW w AS (PARTITION BY session_id ORDER BY start_time, page_id
                     ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    )
    ARRAY JOIN arrayFilter(k -> k != '', [
        'view',
        if(is_quick_back, 'quick_back', ''),
        if(is_quick_back OR (struggles > 0 AND (ended_here OR next_navigation = 'back_forward')), 'dead_end', ''),
        if(reversals >= ${EXCESSIVE_SCROLL_MIN_REVERSALS}, 'excessive_scroll', '')
    ]) AS kind`;
}
